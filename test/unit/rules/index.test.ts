/** Parsing and checking one connection string with every rule group (rules/index.ts). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkConnectionString, validateConnectionString } from '../../../server/src/service/rules';
import { expectClean, expectNoError, settingsWith, uriProblems } from '../../helpers/problems';

const node = settingsWith({ driver: 'node' });

describe('checkConnectionString', () => {
  it('returns the parse, the options and the problems, sorted by position', () => {
    const uri = 'mongodb://h:0,a,,b/?foo=1&w';
    const check = checkConnectionString(uri, { driver: 'spec' });
    assert.equal(check.parsed.hosts.length, 3);
    assert.equal(check.options.all.length, 2);
    assert.deepEqual(check.problems.map((p) => p.ruleId), ['port-invalid', 'host-empty', 'option-unknown', 'option-no-value']);
    const starts = check.problems.map((p) => p.span.start);
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
  });

  it('validateConnectionString gives the same problems', () => {
    const uri = 'mongodb://h:0,a,,b/?foo=1&w';
    assert.deepEqual(validateConnectionString(uri, { driver: 'spec' }), checkConnectionString(uri, { driver: 'spec' }).problems);
  });

  it('under the Node.js profile the rules judge the options as the driver reads them', () => {
    // The driver reads "1;journal=maybe" as the value of w, so there is no journal to judge.
    assert.deepEqual(uriProblems('mongodb://h/?w=1;journal=maybe').map((p) => p.id), ['option-legacy-separator', 'option-invalid-value']);
    assert.deepEqual(uriProblems('mongodb://h/?w=1;journal=maybe', node).map((p) => p.id), ['node-option-ignored']);
    // The driver never reads a key spelled differently from its first occurrence.
    assert.ok(uriProblems('mongodb://h/?replicaSet=a&REPLICASET=').some((p) => p.id === 'option-empty-value'));
    assert.deepEqual(uriProblems('mongodb://h/?replicaSet=a&REPLICASET=', node).map((p) => p.id), ['node-option-ignored']);
  });

  it('when the driver\'s URL layer rejects the string, the specification\'s reading of the options is kept', () => {
    const ps = expectNoError('mongodb://host/?appName=a@b&foo=1');
    assert.deepEqual(ps.map((p) => p.id), ['option-unknown']);
    assert.deepEqual(uriProblems('mongodb://host/?appName=a@b&foo=1', node).map((p) => [p.id, p.sev]), [['node-uri-rejected', 'error'], ['option-unknown', 'error']]);
  });

  it('passes the server platform on to the database rules', () => {
    const windows = checkConnectionString('mongodb://h/db*x', { driver: 'spec', serverPlatform: 'windows' }).problems;
    assert.deepEqual(windows.map((p) => [p.ruleId, p.severity]), [['database-name-windows-char', 'error']]);
    assert.deepEqual(checkConnectionString('mongodb://h/db*x', { driver: 'spec', serverPlatform: 'unix' }).problems, []);
  });
});

describe('connection strings from the MongoDB documentation examples are clean', () => {
  for (const uri of [
    'mongodb://localhost',
    'mongodb://sysop:moon@localhost',
    'mongodb://sysop:moon@localhost/records',
    'mongodb://%2Ftmp%2Fmongodb-27017.sock',
    'mongodb://db1.example.net,db2.example.com/?replicaSet=test',
    'mongodb://localhost,localhost:27018,localhost:27019/?replicaSet=test',
    'mongodb://db1.example.net,db2.example.com/?replicaSet=test&readPreference=secondary',
    'mongodb://db1.example.net,db2.example.com/?replicaSet=test&readPreference=secondary&maxStalenessSeconds=120',
    'mongodb://example1.com,example2.com,example3.com/?replicaSet=test&w=2&wtimeoutMS=2000',
    'mongodb://example1.com:27017,example2.com:27017/?w=majority&wtimeoutMS=2000',
    'mongodb://router1.example.com:27017,router2.example2.com:27017,router3.example3.com:27017/',
    'mongodb://mongos0.example.com:27017,mongos1.example.com:27017,mongos2.example.com:27017/?authSource=admin&tls=true',
    'mongodb+srv://server.example.com/',
    'mongodb+srv://myDatabaseUser:D1fficultP%40ssw0rd@cluster0.example.mongodb.net/?retryWrites=true&w=majority',
    'mongodb://myDatabaseUser:D1fficultP%40ssw0rd@mongodb0.example.com:27017/?authSource=admin',
    'mongodb://myDatabaseUser:D1fficultP%40ssw0rd@mongodb0.example.com:27017,mongodb1.example.com:27017,mongodb2.example.com:27017/?authSource=admin&replicaSet=myRepl',
    'mongodb://localhost:27017/?journal=true&w=majority&wtimeoutMS=5000',
    'mongodb://localhost:27017/?readPreference=secondaryPreferred&readPreferenceTags=dc:ny,rack:r1&readPreferenceTags=dc:ny&readPreferenceTags=',
    'mongodb://localhost:27017/?connectTimeoutMS=10000&maxPoolSize=50&minPoolSize=5&compressors=zstd,snappy,zlib&zlibCompressionLevel=6',
    'mongodb://localhost:27017/?appName=inventory&directConnection=true',
  ]) {
    it(uri, () => expectClean(uri));
  }
});
