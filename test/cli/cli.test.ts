import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { lint, project } from '../helpers/cli';

const BAD_ENV = '# app\nMONGODB_URI=mongodb://localhost:70000/app\n';
const CLEAN_ENV = 'MONGODB_URI=mongodb://localhost:27017/app\n';

describe('text output', () => {
  test('one line per problem: path:line:col severity rule-id message, 1-based', () => {
    const dir = project({ '.env': BAD_ENV });
    const r = lint(dir, '.env');
    assert.equal(r.status, 1);
    const lines = r.stdout.trimEnd().split('\n');
    const line = lines.find((l) => l.includes(' port-invalid '));
    assert.ok(line, r.stdout);
    assert.match(line, /^\.env:2:33 error port-invalid .*70000.*$/);
    for (const l of lines) assert.match(l, /^\S+:\d+:\d+ (error|warning|info|hint) \S+ .+$/);
    assert.match(r.stderr, /1 file checked \(1 with the specification's\): 1 error/);
  });

  test('a clean file: no output, exit 0', () => {
    const dir = project({ '.env': CLEAN_ENV });
    const r = lint(dir, '.env');
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '');
  });
});

describe('json output', () => {
  test('an array of located messages', () => {
    const dir = project({ 'config/.env': BAD_ENV });
    const r = lint(dir, '--format', 'json', 'config');
    assert.equal(r.status, 1);
    const rows = JSON.parse(r.stdout);
    const row = rows.find((m: any) => m.ruleId === 'port-invalid');
    assert.deepEqual(row, {
      file: path.join('config', '.env'),
      line: 2,
      column: 33,
      endLine: 2,
      endColumn: 38,
      severity: 'error',
      ruleId: 'port-invalid',
      message: row.message,
      driver: 'spec',
    });
    assert.match(row.message, /70000/);
  });

  test('an empty array for clean files', () => {
    const dir = project({ '.env': CLEAN_ENV });
    const r = lint(dir, '--format=json', '.');
    assert.equal(r.status, 0);
    assert.deepEqual(JSON.parse(r.stdout), []);
  });
});

describe('sarif output', () => {
  test('SARIF 2.1.0 with rules, levels and relative locations', () => {
    const dir = project({ 'deploy/app.env': BAD_ENV });
    const r = lint(dir, '--format', 'sarif', 'deploy');
    assert.equal(r.status, 1);
    const log = JSON.parse(r.stdout);
    assert.match(log.$schema, /sarif-schema-2\.1\.0\.json$/);
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    const driver = log.runs[0].tool.driver;
    assert.equal(driver.name, 'mongodb-uri-lint');
    assert.match(driver.informationUri, /^https:\/\//);
    assert.ok(driver.rules.some((rule: any) => rule.id === 'port-invalid'));
    const result = log.runs[0].results.find((res: any) => res.ruleId === 'port-invalid');
    assert.equal(result.level, 'error');
    assert.equal(driver.rules[result.ruleIndex].id, 'port-invalid');
    assert.match(result.message.text, /70000/);
    const location = result.locations[0].physicalLocation;
    assert.equal(location.artifactLocation.uri, 'deploy/app.env');
    assert.deepEqual(location.region, { startLine: 2, startColumn: 33, endLine: 2, endColumn: 38 });
    for (const res of log.runs[0].results) assert.ok(['error', 'warning', 'note'].includes(res.level));
  });

  test('warnings and infos map to SARIF levels warning and note', () => {
    const dir = project({ 'a.env': BAD_ENV, 'b.env': BAD_ENV });
    const warning = JSON.parse(lint(dir, '--format', 'sarif', '--rule', 'port-invalid=warning', 'a.env').stdout);
    assert.equal(warning.runs[0].results[0].level, 'warning');
    const info = JSON.parse(lint(dir, '--format', 'sarif', '--rule', 'port-invalid=info', 'b.env').stdout);
    assert.equal(info.runs[0].results[0].level, 'note');
  });
});

describe('exit codes and options', () => {
  test('2 for a missing path, a bad flag or a bad value, with a message', () => {
    const dir = project({ '.env': CLEAN_ENV });
    for (const args of [['missing.env'], ['--no-such-flag', '.env'], ['--format', 'xml', '.env'], ['--rule', 'x', '.env'], [], ['no/*.match']]) {
      const r = lint(dir, ...args);
      assert.equal(r.status, 2, `args ${JSON.stringify(args)}`);
      assert.match(r.stderr, /mongodb-uri-lint: .+/);
      assert.equal(r.stdout, '');
    }
  });

  test('--max-warnings: more warnings than allowed exit 1', () => {
    const dir = project({ '.env': BAD_ENV });
    assert.equal(lint(dir, '--rule', 'port-invalid=warning', '.env').status, 0);
    assert.equal(lint(dir, '--rule', 'port-invalid=warning', '--max-warnings', '1', '.env').status, 0);
    const r = lint(dir, '--rule', 'port-invalid=warning', '--max-warnings', '0', '.env');
    assert.equal(r.status, 1);
    assert.match(r.stderr, /Too many warnings/);
  });

  test('--rule id=off silences a rule', () => {
    const dir = project({ '.env': BAD_ENV });
    const r = lint(dir, '--rule', 'port-invalid=off', '.env');
    assert.equal(r.status, 0);
    assert.ok(!r.stdout.includes('port-invalid'));
  });

  test('--quiet prints errors only; --exit-zero exits 0 despite errors', () => {
    const dir = project({ 'a.env': BAD_ENV });
    const quiet = lint(dir, '--quiet', '--rule', 'port-invalid=warning', 'a.env');
    assert.equal(quiet.status, 0);
    assert.equal(quiet.stdout, '');
    const zero = lint(dir, '--exit-zero', 'a.env');
    assert.equal(zero.status, 0);
    assert.match(zero.stdout, /port-invalid/);
  });

  test('--help and --version', () => {
    const dir = project({});
    const help = lint(dir, '--help');
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: mongodb-uri-lint/);
    const version = lint(dir, '--version');
    assert.equal(version.status, 0);
    assert.match(version.stdout, /^\d+\.\d+\.\d+/);
  });

  test('files over the size limit are skipped with a note', () => {
    const dir = project({ '.env': BAD_ENV });
    const r = lint(dir, '--max-file-size', '10', '.env');
    assert.equal(r.status, 0);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /\.env: skipped: /);
  });
});

describe('files, folders and globs', () => {
  test('folders are walked, node_modules and .git are skipped', () => {
    const dir = project({
      'app/.env': BAD_ENV,
      'node_modules/pkg/.env': BAD_ENV,
      '.git/config.env': BAD_ENV,
      'app/node_modules/x/.env': BAD_ENV,
    });
    const r = lint(dir, '--format', 'json', '.');
    const files = new Set(JSON.parse(r.stdout).map((m: any) => m.file));
    assert.deepEqual([...files], [path.join('app', '.env')]);
  });

  test('globs with **, * and ?', () => {
    const dir = project({
      'src/a/b/app.py': 'URI = "mongodb://h:70000/db"\n',
      'src/main.py': 'URI = "mongodb://h:70000/db"\n',
      'src/notes.md': 'mongodb://h:70000/db\n',
      'x1.env': BAD_ENV,
      'x22.env': BAD_ENV,
    });
    const files = (...args: string[]): string[] =>
      [...new Set<string>(JSON.parse(lint(dir, '--format', 'json', ...args).stdout).map((m: any) => m.file))].sort();
    assert.deepEqual(files('src/**/*.py'), [path.join('src', 'a', 'b', 'app.py'), path.join('src', 'main.py')]);
    assert.deepEqual(files('src/*.py'), [path.join('src', 'main.py')]);
    assert.deepEqual(files('x?.env'), ['x1.env']);
    assert.deepEqual(files('**/*.md'), [path.join('src', 'notes.md')]);
  });

  test('positions are 1-based and in UTF-16 columns inside source code', () => {
    const line2 = 'const label = "😀 é"; const uri = "mongodb://db.example.com:99999/app";';
    const dir = project({ 'src/app.ts': `// header\n${line2}\n` });
    const r = lint(dir, 'src');
    const column = line2.indexOf('99999') + 1; // JavaScript indexes strings in UTF-16 code units
    assert.match(r.stdout, new RegExp(`^src[\\\\/]app\\.ts:2:${column} error port-invalid `, 'm'));
  });
});

describe('passwords', () => {
  test('never appear in any output format', () => {
    const dir = project({
      '.env': 'MONGODB_URI=mongodb://user:s3cretPass@host:70000/db\n',
      'app.json': '{ "uri": "mongodb://admin:s3cretPass@db2:99999/?authSource=admin" }\n',
    });
    for (const format of ['text', 'json', 'sarif']) {
      const r = lint(dir, '--format', format, '.');
      assert.equal(r.status, 1, `${format}: the files have errors`);
      assert.ok(!r.stdout.includes('s3cretPass'), `${format} stdout`);
      assert.ok(!r.stderr.includes('s3cretPass'), `${format} stderr`);
    }
  });

  test('never appear, whatever the shape of the password or the rule that reports on it', () => {
    // Each secret is a password or a password-like option value in a string with problems.
    const secrets = ['xQ7', 'zK2', 'zK9%ZZq', 'cd9X', 'ss9X', 'pP0xSecret', 'tLsSecret9', 'awsT0kenSecret', 'sRvPw8'];
    const dir = project({
      '.env': [
        'A=mongodb://user:xQ7@zK2@host:70000/db',
        'B=mongodb://user:zK9%ZZq@host/db?w=-1',
        'C=mongodb://user:ab:cd9X@host/db?readPreference=bogus',
        'D=mongodb://user:pa/ss9X@host/db',
        'E=mongodb://h/?proxyHost=p&proxyUsername=u&proxyPassword=pP0xSecret&proxyPort=99999',
        'F=mongodb://u@h/?tls=true&tlsCertificateKeyFilePassword=tLsSecret9&ssl=false',
        'G=mongodb://h/?authMechanism=MONGODB-AWS&authMechanismProperties=AWS_SESSION_TOKEN:awsT0kenSecret,BOGUS:1',
        'H=mongodb+srv://user:sRvPw8@cluster0.abcde.mongodb.net:27017/db?directConnection=true',
        '',
      ].join('\n'),
      'app.ts': 'const uri = "mongodb://admin:xQ7@zK2@db:99999/";\nclient.db("bad/name");\n',
    });
    for (const format of ['text', 'json', 'sarif']) {
      const r = lint(dir, '--format', format, '--driver', 'node', '.');
      assert.equal(r.status, 1, `${format}: the files have errors`);
      for (const secret of secrets) {
        assert.ok(!r.stdout.includes(secret), `${format} stdout shows ${secret}`);
        assert.ok(!r.stderr.includes(secret), `${format} stderr shows ${secret}`);
      }
    }
  });
});

test('MongoDB playgrounds named *.mongodb are read as JavaScript, as the editor reads them', () => {
  const playground = "use('admin');\ndb.adminCommand({ dropConnections: 1, hostAndPort: ['db-1.internal'] });\n";
  const dir = project({ 'ops.mongodb': playground, 'ops.mongodb.js': playground });
  const run = lint(dir, '--format', 'json', '.');
  const found = JSON.parse(run.stdout).map((m: any) => `${m.file} ${m.ruleId}`).sort();
  assert.deepEqual(found, ['ops.mongodb admin-host-without-port', 'ops.mongodb.js admin-host-without-port']);
});
