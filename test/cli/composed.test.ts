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
