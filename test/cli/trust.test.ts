/**
 * The CLI as CI uses it: standard input with a file name for its format, rule ids checked, binary files
 * skipped with a notice, driver "auto" per project, and no secret in any output format.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lint, lintWithInput, project } from '../helpers/cli';
import { SECRET_CASES, secretsIn } from '../helpers/secrets';

describe('standard input', () => {
  test('- reads standard input; --stdin-filename names it and decides its format', () => {
    const dir = project({});
    const yaml = 'mongodb:\n  uri: mongodb://localhost:70000/app\n';
    const r = lintWithInput(dir, yaml, '--stdin-filename', 'deploy/values.yaml', '-');
    assert.equal(r.status, 1);
    assert.match(r.stdout, /^deploy\/values\.yaml:2:28 error port-invalid /m);
    const plain = lintWithInput(dir, 'MONGODB_URI=mongodb://localhost:70000/app\n', '--format', 'json', '-');
    assert.equal(JSON.parse(plain.stdout)[0].file, '<stdin>');
  });

  test('--stdin-filename without - is a usage error, and so is - twice', () => {
    const dir = project({});
    assert.equal(lint(dir, '--stdin-filename', 'a.env', 'x.env').status, 2);
    assert.equal(lintWithInput(dir, 'x', '-', '-').status, 2);
  });
});

describe('--rule', () => {
  test('an unknown rule id is a usage error that names the close ids', () => {
    const dir = project({ '.env': 'MONGODB_URI=mongodb://localhost/app\n' });
    const r = lint(dir, '--rule', 'port-invalud=off', '.env');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /no rule 'port-invalud'.*'port-invalid'/);
    const far = lint(dir, '--rule', 'credentials=off', '.env');
    assert.equal(far.status, 2);
    assert.match(far.stderr, /'credentials-in-source'/);
  });
});

test('binary files are skipped with a notice, like files over the size limit', () => {
  const dir = project({
    'dump.bin': Buffer.concat([Buffer.from('MONGODB_URI=mongodb://localhost:70000/app\n'), Buffer.from([0, 1, 2, 0])]),
    'big.env': `MONGODB_URI=mongodb://localhost:70000/app\n${'#'.repeat(2000)}\n`,
  });
  const r = lint(dir, '--max-file-size', '1000', '.');
  assert.equal(r.status, 0, r.stdout);
  assert.match(r.stderr, /dump\.bin: skipped: a binary file/);
  assert.match(r.stderr, /big\.env: skipped: larger than the maximum file size/);
  assert.match(r.stderr, /0 files checked.*2 skipped/);
});

describe('--driver auto', () => {
  const files = {
    'api/package.json': JSON.stringify({ dependencies: { mongoose: '^8.5.1' } }),
    'api/.env': 'MONGODB_URI=mongodb://localhost/shop?journal=yes\n',
    'worker/.env': 'MONGODB_URI=mongodb://localhost/shop?journal=yes\n',
    'worker/requirements.txt': 'pymongo==4.8.0\n',
  };
  test('the Node.js rules for the project that depends on mongoose, the specification elsewhere', () => {
    const dir = project(files);
    const rows = JSON.parse(lint(dir, '--format', 'json', '.').stdout) as Array<{ file: string; severity: string; driver: string }>;
    const of = (file: string) => rows.find((m) => m.file.replace(/\\/g, '/') === file);
    assert.deepEqual([of('api/.env')?.severity, of('api/.env')?.driver], ['error', 'node']);
    assert.deepEqual([of('worker/.env')?.severity, of('worker/.env')?.driver], ['warning', 'spec']);
    assert.match(lint(dir, '.').stderr, /4 files checked \(2 with the Node\.js driver's rules, 2 with the specification's\)/);
  });
  test('in a Node.js project, the files another driver reads get the specification\'s rules', () => {
    // uuidRepresentation: the Node.js driver rejects it, PyMongo and the Java and C# drivers read it.
    const uri = 'mongodb://mongo-a.example.com:27017/?uuidRepresentation=standard&tls=true';
    const dir = project({
      'package.json': JSON.stringify({ dependencies: { mongodb: '^6.8.0' } }),
      'src/db.ts': `export const uri = '${uri}';\n`,
      'config/default.json': JSON.stringify({ mongo: { uri } }),
      'scripts/report.py': `client = MongoClient("${uri}")\n`,
      'api/src/main/resources/application.properties': `spring.data.mongodb.uri=${uri}\n`,
      'api/src/main/resources/application-dev.yml': `spring:\n  data:\n    mongodb:\n      uri: ${uri}\n`,
      'dotnet/appsettings.Development.json': JSON.stringify({ ConnectionStrings: { Mongo: uri } }),
    });
    const rows = JSON.parse(lint(dir, '--format', 'json', '.').stdout) as Array<{ file: string; ruleId: string; driver: string }>;
    const byFile = new Map<string, string[]>();
    for (const m of rows) byFile.set(m.file.replace(/\\/g, '/'), [...(byFile.get(m.file.replace(/\\/g, '/')) ?? []), `${m.ruleId} ${m.driver}`]);
    assert.deepEqual(byFile.get('src/db.ts'), ['option-unsupported-by-driver node']);
    assert.deepEqual(byFile.get('config/default.json'), ['option-unsupported-by-driver node'], 'a configuration of the Node.js project');
    for (const file of ['scripts/report.py', 'api/src/main/resources/application.properties', 'api/src/main/resources/application-dev.yml', 'dotnet/appsettings.Development.json']) {
      assert.equal(byFile.get(file), undefined, `${file}: ${JSON.stringify(byFile.get(file))}`);
    }
    assert.match(lint(dir, '.').stderr, /7 files checked \(3 with the Node\.js driver's rules, 4 with the specification's\)/);
  });
  test('--driver spec and --driver node apply to every file', () => {
    const dir = project(files);
    for (const [driver, severity] of [['spec', 'warning'], ['node', 'error']]) {
      const rows = JSON.parse(lint(dir, '--format', 'json', '--driver', driver, '.').stdout) as Array<{ severity: string; driver: string }>;
      assert.deepEqual([...new Set(rows.map((m) => `${m.severity} ${m.driver}`))], [`${severity} ${driver}`]);
    }
  });
});

test('no secret in any output format, under any driver profile', () => {
  const lines = SECRET_CASES.map((c, n) => `URI_${n}=${c.uri}`).join('\n');
  const dir = project({
    '.env': `${lines}\n`,
    'src/db.ts': SECRET_CASES.map((c, n) => `export const uri${n} = ${JSON.stringify(c.uri)};`).join('\n'),
    'config.yaml': SECRET_CASES.map((c, n) => `uri${n}: '${c.uri.replace(/'/g, "''")}'`).join('\n'),
  });
  const secrets = SECRET_CASES.flatMap((c) => c.secrets);
  let outputs = 0;
  for (const driver of ['auto', 'spec', 'node']) {
    for (const format of ['text', 'json', 'sarif']) {
      const r = lint(dir, '--format', format, '--driver', driver, '.');
      assert.equal(r.status, 1, `${driver} ${format}: the files have errors`);
      assert.deepEqual(secretsIn(r.stdout + r.stderr, secrets), [], `${driver} ${format}`);
      outputs += r.stdout.length;
    }
  }
  assert.ok(outputs > 10_000, 'the outputs say something');
});
