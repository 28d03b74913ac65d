/** Connection strings composed in a .env file, through the built CLI: both places are printed. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lint, project } from '../helpers/cli';

const ENV = ['DB_USER=app', 'DB_PASS=Zq7@word', 'DB_PORT=70000', 'MONGODB_URI=mongodb://${DB_USER}:${DB_PASS}@db.example.com:${DB_PORT}/shop?tls=true', ''].join('\n');

test('text: the problem on the reference, the defining line under it; JSON: related places; no password', () => {
  const dir = project({ '.env': ENV });
  const text = lint(dir, '.env');
  assert.equal(text.status, 1, text.stderr);
  assert.match(text.stdout, /^\.env:4:\d+ error port-invalid With its variables filled in: Port 70000 is out of range.*\n {2}\.env:3:9 DB_PORT is defined here\n/m);
  assert.match(text.stdout, /userinfo-unescaped .*\n {2}\.env:2:9 DB_PASS is defined here\n/);
  assert.ok(!text.stdout.includes('Zq7@word') && !text.stdout.includes('Zq7%40word'), text.stdout);
  const json = JSON.parse(lint(dir, '--format', 'json', '.env').stdout);
  const messages = json.messages ?? json;
  const port = (Array.isArray(messages) ? messages : json.files?.flatMap((f: any) => f.messages) ?? []).find((m: any) => m.ruleId === 'port-invalid');
  assert.deepEqual(port?.related, [{ line: 3, column: 9, message: 'DB_PORT is defined here' }], JSON.stringify(json).slice(0, 400));
});

test('a compose file is checked with the .env beside it: the problem in the compose file, the definition in .env (text, JSON, SARIF)', () => {
  const compose = [
    'services:',
    '  api:',
    '    build: .',
    '    environment:',
    '      MONGO_URL: "mongodb://${MONGO_USER}:${MONGO_PASSWORD}@mongo:${MONGO_PORT:-27017}/shop?authSource=admin"',
    '  mongo:',
    '    image: mongo:7',
    '',
  ].join('\n');
  const dir = project({ 'deploy/compose.yaml': compose, 'deploy/.env': 'MONGO_USER=shop\nMONGO_PASSWORD=Zq7@word\nMONGO_PORT=70000\n' });
  const text = lint(dir, 'deploy');
  assert.equal(text.status, 1, text.stderr);
  assert.match(text.stdout, /^deploy\/compose\.yaml:5:\d+ error port-invalid With its variables filled in: .*\(in the value of MONGO_PORT, \.env, line 3\)\n {2}deploy\/\.env:3:12 MONGO_PORT is defined here\n/m);
  assert.match(text.stdout, /^deploy\/compose\.yaml:5:\d+ error userinfo-unescaped .*\n {2}deploy\/\.env:2:16 MONGO_PASSWORD is defined here\n/m);
  assert.ok(!text.stdout.includes('Zq7'), text.stdout);
  const json = JSON.parse(lint(dir, '--format', 'json', 'deploy').stdout);
  const port = json.find((m: any) => m.ruleId === 'port-invalid');
  assert.deepEqual(port.related, [{ file: 'deploy/.env', line: 3, column: 12, message: 'MONGO_PORT is defined here' }]);
  const sarif = JSON.parse(lint(dir, '--format', 'sarif', 'deploy').stdout);
  const result = sarif.runs[0].results.find((r: any) => r.ruleId === 'port-invalid');
  assert.match(result.message.text, / \[MONGO_PORT is defined here\]\(0\)$/, 'code scanning shows the related locations the message links to');
  assert.deepEqual(result.relatedLocations, [{ id: 0, physicalLocation: { artifactLocation: { uri: 'deploy/.env' }, region: { startLine: 3, startColumn: 12 } }, message: { text: 'MONGO_PORT is defined here' } }]);
  // Without the .env the variables are unknown: placeholders, no problem.
  const alone = project({ 'compose.yaml': compose });
  assert.equal(lint(alone, 'compose.yaml').status, 0);
});
