/** The admin-command injection in JavaScript, TypeScript and MongoDB playgrounds. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tokenize, type Token } from './tokenizer';

const ADMIN_KEY = 'support.type.property-name.admin-command.mongodb';
const CALL = 'meta.function-call.admin-command.mongodb';
const METHOD = 'support.function.admin-command.mongodb';

function find(lines: Token[][], text: string, nth = 0): Token {
  const hits = lines.flat().filter((t) => t.text === text);
  const hit = hits[nth];
  assert.ok(hit, `no token ${JSON.stringify(text)} (#${nth})`);
  return hit;
}

const hosts = ['source.js', 'source.js.jsx', 'source.ts', 'source.tsx', 'source.mongodb'];

for (const scope of hosts) {
  test(`db.adminCommand({ dropConnections, hostAndPort, comment }) in ${scope}`, async () => {
    const lines = await tokenize(
      scope,
      [
        'db.adminCommand({',
        '  dropConnections: 1,',
        '  "hostAndPort": ["db3.example.net:27017"], // the removed member',
        '  comment: "cleanup"',
        '});',
        'const after = { op: 1, comment: 2 };',
      ].join('\n'),
    );
    assert.ok(find(lines, 'db').scopes.includes('variable.other.object.db.mongodb'));
    assert.ok(find(lines, 'adminCommand').scopes.includes(METHOD));
    for (const key of ['dropConnections', 'hostAndPort', 'comment']) {
      const token = find(lines, key);
      assert.ok(token.scopes.includes(ADMIN_KEY), `${key}: ${token.scopes.join(' ')}`);
      assert.ok(token.scopes.includes(CALL));
    }
    assert.ok(find(lines, '// the removed member').scopes.some((s) => s.startsWith('comment.line')));
    // After the call, the keys of an ordinary object are the host's again.
    assert.ok(!lines[5]!.some((t) => t.scopes.includes(CALL) || t.scopes.includes(ADMIN_KEY)));
  });
}

test('killOp through runCommand on the admin database, db.killOp and db.currentOp', async () => {
  const lines = await tokenize(
    'source.ts',
    [
      'db.getSiblingDB("admin").runCommand({ killOp: 1, op: "shard01:12345" });',
      'db.currentOp({ secs_running: { $gte: 60 } }).inprog.forEach((o) => db.killOp(o.opid));',
    ].join('\n'),
  );
  assert.ok(find(lines, 'runCommand').scopes.includes(METHOD));
  assert.ok(find(lines, 'killOp').scopes.includes(ADMIN_KEY));
  assert.ok(find(lines, 'op').scopes.includes(ADMIN_KEY));
  assert.ok(find(lines, 'currentOp').scopes.includes(METHOD));
  assert.ok(find(lines, 'killOp', 1).scopes.includes(METHOD));
  assert.ok(find(lines, '60').scopes.some((s) => s.startsWith('constant.numeric')));
});

test('an unclosed call ends at the next statement', async () => {
  const lines = await tokenize('source.js', 'db.adminCommand({ killOp: 1;\nconst x = 1;');
  assert.ok(!lines[1]!.some((t) => t.scopes.includes(CALL)));
});

test('not in strings or comments', async () => {
  const lines = await tokenize('source.js', '// db.adminCommand({ killOp: 1 })\nconst s = "db.killOp(1)";');
  assert.ok(!lines.flat().some((t) => t.scopes.includes(CALL)));
});
