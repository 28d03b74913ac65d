/** Server parameters: mongod.conf (setParameter:, replication.oplogSizeMB) and setParameter commands in code. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeDocument, defaultSettings, doHover } from '../../../server/src/service/languageService';
import { SERVER_PARAMETERS } from '../../../server/src/service/data/serverParameters';
import { languageIdForPath } from '../../../server/src/cli/languageId';
import { cursor } from '../../helpers/cursor';
import { problemsOf } from '../../helpers/problems';

const RULES = ['server-parameter-type', 'server-parameter-range', 'oplog-size-small'];
const CONF = 'file:///etc/mongod.conf';
const conf = (text: string, uri = CONF, languageId = 'properties') => problemsOf(text, languageId, { ruleIds: RULES, uri });
const code = (text: string, languageId = 'javascript') => problemsOf(text, languageId, { ruleIds: RULES, uri: 'file:///project/setup.mongodb.js' });

function hover(marked: string, languageId: string, uri: string): string | undefined {
  const { text, offset } = cursor(marked);
  const doc = { uri, languageId, text };
  return doHover(doc, analyzeDocument(doc, defaultSettings), offset)?.contents;
}

const mongodConf = (params: string, oplog = '2048') =>
  `storage:\n  dbPath: /var/lib/mongodb\nnet:\n  port: 27017\n  bindIp: 127.0.0.1\nreplication:\n  replSetName: rs0\n  oplogSizeMB: ${oplog}\nsetParameter:\n${params}`;

describe('mongod.conf', () => {
  it('maxIndexBuildMemoryUsageMegabytes: 49 is refused, 50 is the minimum', () => {
    assert.deepEqual(conf(mongodConf('  maxIndexBuildMemoryUsageMegabytes: 49\n')), [['server-parameter-range', '49', 'error']]);
    assert.deepEqual(conf(mongodConf('  maxIndexBuildMemoryUsageMegabytes: 50\n')), []);
    assert.deepEqual(conf(mongodConf('  maxIndexBuildMemoryUsageMegabytes: 200MB\n')), [['server-parameter-type', '200MB', 'error']]);
  });

  it('indexMaxNumGeneratedKeysPerDocument: a positive whole number', () => {
    assert.deepEqual(conf(mongodConf('  indexMaxNumGeneratedKeysPerDocument: 0\n')), [['server-parameter-range', '0', 'error']]);
    assert.deepEqual(conf(mongodConf('  indexMaxNumGeneratedKeysPerDocument: 1\n')), []);
    assert.deepEqual(conf(mongodConf('  indexMaxNumGeneratedKeysPerDocument: 1.5\n')), [['server-parameter-type', '1.5', 'error']]);
  });

  it('allowDiskUseByDefault and other booleans: true, false, 1 or 0; quoting does not matter', () => {
    assert.deepEqual(conf(mongodConf('  allowDiskUseByDefault: false\n  notablescan: "1"\n')), []);
    assert.deepEqual(conf(mongodConf('  allowDiskUseByDefault: yes\n')), [['server-parameter-type', 'yes', 'error']]);
  });

  it('logLevel: 0 to 5', () => {
    assert.deepEqual(conf(mongodConf('  logLevel: 5\n')), []);
    assert.deepEqual(conf(mongodConf('  logLevel: 6\n')), [['server-parameter-range', '6', 'error']]);
    assert.deepEqual(conf(mongodConf('  logLevel: -1\n')), [['server-parameter-range', '-1', 'error']]);
  });

  it('replication.oplogSizeMB: a warning under 990, an error when not positive; the flat dotted key too', () => {
    assert.deepEqual(conf(mongodConf('  logLevel: 0\n', '989')), [['oplog-size-small', '989', 'warning']]);
    assert.deepEqual(conf(mongodConf('  logLevel: 0\n', '990')), []);
    assert.deepEqual(conf(mongodConf('  logLevel: 0\n', '0')), [['server-parameter-range', '0', 'error']]);
    assert.deepEqual(conf(mongodConf('  logLevel: 0\n', 'big')), [['server-parameter-type', 'big', 'error']]);
    assert.deepEqual(conf('replication.oplogSizeMB: 512\n'), [['oplog-size-small', '512', 'warning']]);
  });

  it('only configuration files of mongod and mongos, by name, whatever language the editor gives them', () => {
    const text = mongodConf('  maxIndexBuildMemoryUsageMegabytes: 20\n');
    for (const [uri, languageId] of [['file:///etc/mongos.conf', 'plaintext'], ['file:///deploy/mongod.yaml', 'yaml'], ['file:///deploy/mongod.yml', 'yaml'], [CONF, 'ini']]) {
      assert.equal(conf(text, uri, languageId).length, 1, uri);
    }
    assert.deepEqual(conf(text, 'file:///deploy/values.yaml', 'yaml'), []);
    assert.equal(languageIdForPath('/etc/mongod.conf'), 'yaml');
    assert.equal(languageIdForPath('/etc/nginx.conf'), 'plaintext');
  });

  it('hovers on each parameter: value bounds, default and what it does', () => {
    const h = hover(mongodConf('  maxIndexBuild|MemoryUsageMegabytes: 500\n'), 'properties', CONF);
    assert.ok(h?.includes('Default: 200') && h.includes('Minimum: 50 megabytes'), h);
    const o = hover(mongodConf('  logLevel: 0\n').replace('oplogSizeMB', 'oplogSi|zeMB'), 'properties', CONF);
    assert.ok(o?.includes('Documented minimum: 990 megabytes'), o);
  });

  it('every entry of the parameter table is shown by a hover in mongod.conf', () => {
    for (const p of Object.values(SERVER_PARAMETERS)) {
      const text = p.kind === 'option' ? 'replication:\n  oplog|SizeMB: 2048\n' : `setParameter:\n  ${p.name.slice(0, 2)}|${p.name.slice(2)}: 1\n`;
      const h = hover(text, 'yaml', CONF);
      assert.ok(h?.includes(p.summary) && h.includes(`Default: ${p.default}`), `${p.name}: ${h}`);
    }
  });
});

describe('setParameter commands in code', () => {
  it('JavaScript and playgrounds: just under and at the minimum', () => {
    assert.deepEqual(code('db.adminCommand({ setParameter: 1, maxIndexBuildMemoryUsageMegabytes: 49 });\n'), [['server-parameter-range', '49', 'error']]);
    assert.deepEqual(code('db.adminCommand({ setParameter: 1, maxIndexBuildMemoryUsageMegabytes: 50 });\n'), []);
    assert.deepEqual(
      code('await client.db("admin").command({ setParameter: 1, allowDiskUseByDefault: "false", transactionLifetimeLimitSeconds: NumberInt(0) });\n', 'typescript'),
      [
        ['server-parameter-type', '"false"', 'error'],
        ['server-parameter-range', 'NumberInt(0)', 'error'],
      ],
    );
    assert.deepEqual(code('db.getSiblingDB("admin").runCommand({ setParameter: 1, logLevel: level });\n'), []);
  });

  it('Python: a dict, and keyword arguments after "setParameter"', () => {
    assert.deepEqual(code('client.admin.command({"setParameter": 1, "maxIndexBuildMemoryUsageMegabytes": 49})\n', 'python'), [['server-parameter-range', '49', 'error']]);
    assert.deepEqual(code('client.admin.command({"setParameter": 1, "notablescan": True})\n', 'python'), []);
    assert.deepEqual(code('client.admin.command("setParameter", 1, indexMaxNumGeneratedKeysPerDocument=0)\n', 'python'), [['server-parameter-range', '0', 'error']]);
    assert.deepEqual(code('client.admin.command("setParameter", 1, indexMaxNumGeneratedKeysPerDocument=1)\n', 'python'), []);
  });

  it('other commands and unknown parameters are left alone', () => {
    assert.deepEqual(code('db.adminCommand({ getParameter: 1, logLevel: 9 });\ndb.adminCommand({ setParameter: 1, someOther: "x" });\n'), []);
  });

  it('hovers on the parameter names', () => {
    const h = hover('db.adminCommand({ setParameter: 1, allowDisk|UseByDefault: false });\n', 'javascript', 'file:///p/a.js');
    assert.ok(h?.includes('allowDiskUseByDefault') && h.includes('Default: true'), h);
    const py = hover('client.admin.command("setParameter", 1, log|Level=1)\n', 'python', 'file:///p/a.py');
    assert.ok(py?.includes('Accepted values: 0 to 5'), py);
  });
});
