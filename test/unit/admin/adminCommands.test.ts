import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ADMIN_COMMANDS, ADMIN_DOCS } from '../../../server/src/service/data/adminCommands';
import { analyzeAdminCommands, hostPortProblem } from '../../../server/src/service/admin/analyzeAdminCommands';
import { ruleInfo } from '../../../server/src/service/rules/ruleTable';
import { cursor } from '../../helpers/cursor';
import { linearWork } from '../../helpers/workMeter';
import { sourceCode } from '../../../server/src/service/lex/sourceCode';

/** Problems as [ruleId, severity, the text under the span]. */
function problems(text: string, languageId = 'javascript'): [string, string, string][] {
  return analyzeAdminCommands(sourceCode(text, languageId)).problems.map((p) => [p.ruleId, p.severity, text.slice(p.span.start, p.span.end)]);
}

function hover(marked: string, languageId = 'javascript') {
  const { text, offset } = cursor(marked);
  const h = analyzeAdminCommands(sourceCode(text, languageId)).hoverAt(offset);
  return h ? { contents: h.contents, under: text.slice(h.span.start, h.span.end) } : null;
}

test('the rule ids are in the rule table with their default severities', () => {
  const expected: Record<string, string> = {
    'admin-host-without-port': 'warning',
    'admin-host-not-string': 'error',
    'admin-drop-connections-value': 'error',
    'admin-killop-missing-op': 'error',
    'admin-killop-invalid-op': 'error',
    'admin-command-not-admin-db': 'warning',
  };
  for (const [id, severity] of Object.entries(expected)) {
    assert.equal(ruleInfo(id)?.severity, severity, id);
    assert.match(ruleInfo(id)!.docs, /^https:\/\/www\.mongodb\.com\/docs\//);
  }
});

test('a correct dropConnections and killOp have no problems', () => {
  const text = [
    'db.adminCommand({ dropConnections: 1, hostAndPort: ["db1.example.net:27017", "[::1]:27018"], comment: "cleanup" });',
    'db.adminCommand({ killOp: 1, op: 3478 });',
    'db.adminCommand({ "killOp": 1, "op": "shard01:12345", comment: { reason: "slow" } });',
    'db.getSiblingDB("admin").runCommand({ killOp: 1, op: NumberLong(42) });',
    'db.killOp(3478); db.killOp("shardB:79014"); db.killOp(op.opid);',
    'await client.db("admin").command({ dropConnections: 1, hostAndPort: hosts });',
  ].join('\n');
  assert.deepEqual(problems(text), []);
});

test('hostAndPort elements without a port are skipped by the server: warning under the element', () => {
  const text = 'db.adminCommand({ dropConnections: 1, hostAndPort: ["db1.example.net", "db2:27017", "db3:", "[::1]", "::1", "db4:99999", "db5:abc", ""] })';
  assert.deepEqual(problems(text), [
    ['admin-host-without-port', 'warning', 'db1.example.net'],
    ['admin-host-without-port', 'warning', 'db3:'],
    ['admin-host-without-port', 'warning', '[::1]'],
    ['admin-host-without-port', 'warning', '::1'],
    ['admin-host-without-port', 'warning', 'db4:99999'],
    ['admin-host-without-port', 'warning', 'db5:abc'],
    ['admin-host-without-port', 'warning', '""'],
  ]);
  assert.match(hostPortProblem('db1.example.net')!, /no port.*"db1\.example\.net:27017".*skips it without an error/);
  assert.equal(hostPortProblem('${HOST}'), undefined, 'placeholders are opaque');
});

test('hostAndPort elements that are not strings, and a hostAndPort that is not an array', () => {
  assert.deepEqual(problems('db.adminCommand({ dropConnections: 1, hostAndPort: ["a:1", 27017, { host: "b" }, null, hostVar, `c:${port}`] })'), [
    ['admin-host-not-string', 'error', '27017'],
    ['admin-host-not-string', 'error', '{ host: "b" }'],
    ['admin-host-not-string', 'error', 'null'],
  ]);
  assert.deepEqual(problems('db.adminCommand({ dropConnections: 1, hostAndPort: "a:27017" })'), [
    ['admin-host-not-string', 'error', '"a:27017"'],
  ]);
});

test('dropConnections other than 1', () => {
  assert.deepEqual(problems('db.adminCommand({ dropConnections: true, hostAndPort: ["a:1"] })'), [
    ['admin-drop-connections-value', 'error', 'true'],
  ]);
  assert.deepEqual(problems('db.adminCommand({ dropConnections: 0, hostAndPort: ["a:1"] })'), [
    ['admin-drop-connections-value', 'error', '0'],
  ]);
  assert.deepEqual(problems('db.adminCommand({ dropConnections: "1", hostAndPort: ["a:1"] })'), [
    ['admin-drop-connections-value', 'error', '"1"'],
  ]);
  assert.deepEqual(problems('db.adminCommand({ dropConnections: NumberInt(1), hostAndPort: ["a:1"] })'), []);
  const fix = analyzeAdminCommands(sourceCode('db.adminCommand({ dropConnections: 2 })', 'javascript')).problems[0]!;
  assert.equal(fix.data?.replacement, '1');
});

test('killOp without op', () => {
  assert.deepEqual(problems('db.adminCommand({ killOp: 1 })'), [['admin-killop-missing-op', 'error', 'killOp']]);
  assert.deepEqual(problems('db.adminCommand({ killOp: 1, ...rest })'), [], 'a spread may bring op');
  assert.deepEqual(problems('db.killOp()'), [['admin-killop-missing-op', 'error', 'killOp']]);
});

test('op that is neither a number nor a "shard:opid" string', () => {
  assert.deepEqual(
    problems('db.adminCommand({ killOp: 1, op: "12345" }); db.adminCommand({ killOp: 1, op: "abc" }); db.adminCommand({ killOp: 1, op: -1 }); db.adminCommand({ killOp: 1, op: 1.5 }); db.killOp({ opid: 1 }); db.killOp(true)'),
    [
      ['admin-killop-invalid-op', 'error', '12345'],
      ['admin-killop-invalid-op', 'error', 'abc'],
      ['admin-killop-invalid-op', 'error', '-1'],
      ['admin-killop-invalid-op', 'error', '1.5'],
      ['admin-killop-invalid-op', 'error', '{ opid: 1 }'],
      ['admin-killop-invalid-op', 'error', 'true'],
    ],
  );
  const [message] = analyzeAdminCommands(sourceCode('db.killOp("12345")', 'javascript')).problems.map((p) => p.message);
  assert.match(message!, /pass the number 12345, or "<shard>:12345"/);
});

test('db.runCommand after use("sales") or db = db.getSiblingDB("sales") warns; admin does not', () => {
  const text = [
    'db.runCommand({ killOp: 1, op: 1 });', // no database shown yet
    'use("sales");',
    'db.runCommand({ killOp: 1, op: 2 });',
    'db.adminCommand({ killOp: 1, op: 3 });',
    'db.getSiblingDB("admin").runCommand({ killOp: 1, op: 4 });',
    'db = db.getSiblingDB("admin");',
    'db.runCommand({ dropConnections: 1, hostAndPort: ["a:1"] });',
    'db = db.getSiblingDB("reports");',
    'db.runCommand({ dropConnections: 1, hostAndPort: ["a:1"] });',
    'db.getSiblingDB("inventory").runCommand({ killOp: 1, op: 5 });',
    'client.db("sales").command({ killOp: 1, op: 6 });',
    'db.runCommand({ ping: 1 });',
  ].join('\n');
  const found = analyzeAdminCommands(sourceCode(text, 'javascript')).problems;
  assert.deepEqual(
    found.map((p) => [p.ruleId, p.severity, text.slice(p.span.start, p.span.end), p.data?.database]),
    [
      ['admin-command-not-admin-db', 'warning', 'runCommand', 'sales'],
      ['admin-command-not-admin-db', 'warning', 'runCommand', 'reports'],
      ['admin-command-not-admin-db', 'warning', 'runCommand', 'inventory'],
      ['admin-command-not-admin-db', 'warning', 'command', 'sales'],
    ],
  );
  assert.equal(found[0]!.data?.replacement, 'db.adminCommand');
  assert.equal(text.slice(found[0]!.data!.replaceSpan!.start, found[0]!.data!.replaceSpan!.end), 'db.runCommand');
  assert.match(found[0]!.message, /admin database.*"sales"/);
});

test('mongosh `use sales` statements count too', () => {
  assert.deepEqual(problems('use sales\ndb.runCommand({ killOp: 1, op: 7 })', 'mongodb'), [
    ['admin-command-not-admin-db', 'warning', 'runCommand'],
  ]);
  assert.deepEqual(problems('use admin\ndb.runCommand({ killOp: 1, op: 7 })', 'mongodb'), []);
});

test('strings, comments, templates and regular expressions do not confuse the scanner', () => {
  const text = [
    '// db.adminCommand({ killOp: 1 })',
    '/* db.adminCommand({ dropConnections: 2 }) */',
    'const s = "db.adminCommand({ killOp: 1 })";',
    'const t = `${db.adminCommand({ killOp: 1, op: 1 })}`;',
    'const r = /[/]"/g; const q = 4 / 2 / 1;',
    'db.adminCommand({ killOp: 1, op: "}" });',
  ].join('\n');
  assert.deepEqual(problems(text), [['admin-killop-invalid-op', 'error', '}']]);
});

test('TypeScript, React and playground languages are checked; other languages are not', () => {
  const text = 'db.adminCommand({ killOp: 1 })';
  for (const id of ['javascript', 'typescript', 'javascriptreact', 'typescriptreact', 'mongodb']) {
    assert.equal(problems(text, id).length, 1, id);
  }
  for (const id of ['python', 'json', 'plaintext']) assert.deepEqual(problems(text, id), [], id);
});

test('spans are document offsets across lines', () => {
  const text = 'const x = 1;\n\ndb.adminCommand({\n  dropConnections: 1,\n  hostAndPort: [\n    "db1.example.net"\n  ]\n});';
  const [p] = analyzeAdminCommands(sourceCode(text, 'javascript')).problems;
  assert.equal(p!.span.start, text.indexOf('db1.example.net'));
  assert.equal(p!.span.end, text.indexOf('db1.example.net') + 'db1.example.net'.length);
});

test('hover on dropConnections, hostAndPort and comment: what it does, admin database, privilege, cautions', () => {
  const h = hover('db.adminCommand({ drop|Connections: 1, hostAndPort: ["a:1"] })');
  assert.equal(h?.under, 'dropConnections');
  assert.match(h!.contents, /outgoing connections/);
  assert.match(h!.contents, /\*\*admin\*\* database/);
  assert.match(h!.contents, /`dropConnections` on the `cluster` resource/);
  assert.match(h!.contents, /ignored silently/);
  assert.ok(h!.contents.includes(ADMIN_DOCS.dropConnections));

  const hosts = hover('db.adminCommand({ dropConnections: 1, hostAnd|Port: ["a:1"] })');
  assert.equal(hosts?.under, 'hostAndPort');
  assert.match(hosts!.contents, /^\*\*hostAndPort\*\* \(array of strings\)/);

  const comment = hover('db.adminCommand({ dropConnections: 1, hostAndPort: ["a:1"], "comm|ent": "x" })');
  assert.equal(comment?.under, 'comment');
  assert.match(comment!.contents, /optional/);
});

test('hover on killOp, op and db.killOp: privileges killop and inprog, shard ids, cautions', () => {
  const h = hover('db.adminCommand({ killOp: 1, o|p: 12 })');
  assert.equal(h?.under, 'op');
  assert.match(h!.contents, /"<shardName>:<opid>"/);
  assert.match(h!.contents, /`killop` on the `cluster` resource/);
  assert.match(h!.contents, /`inprog`/);
  assert.match(h!.contents, /index build/);
  assert.match(h!.contents, /interruption point/);
  assert.match(h!.contents, /mongos/);
  const helper = hover('db.kill|Op(12)');
  assert.equal(helper?.under, 'killOp');
  assert.match(helper!.contents, /^\*\*db\.killOp\(opid\)\*\*/);
  assert.ok(helper!.contents.includes(ADMIN_COMMANDS.killOp.docs));
});

test('no hover for keys of other objects, or outside keys', () => {
  assert.equal(hover('const x = { o|p: 1, comment: "c" }'), null);
  assert.equal(hover('db.adminCommand({ killOp: 1, op: 1|2 })'), null);
  assert.equal(hover('db.adminCommand({ killOp: 1, host|AndPort: [] })'), null, 'hostAndPort is not a killOp field');
});

test('large files are scanned with linear work', () => {
  const block = 'db.adminCommand({ dropConnections: 1, hostAndPort: ["a:1", "b"], comment: "x" });\n';
  assert.equal(analyzeAdminCommands(sourceCode(block.repeat(5000), 'javascript')).problems.length, 5000);
  const w = linearWork((n) => block.repeat(n), (text) => analyzeAdminCommands(sourceCode(text, 'javascript')), 500);
  assert.ok(w.linear, `${w.small} steps → ${w.large} steps (bound ${w.bound})`);
});

test('unclosed and deeply nested arguments take linear work', () => {
  const unclosed = (n: number) => 'db.adminCommand({ killOp: 1, op: [\n'.repeat(n);
  const nested = (n: number) => `db.adminCommand({ killOp: 1, op: ${'['.repeat(n)}1${']'.repeat(n)} })`;
  for (const [name, make] of [['unclosed', unclosed], ['nested', nested]] as const) {
    const w = linearWork(make, (text) => analyzeAdminCommands(sourceCode(text, 'javascript')), 2000);
    assert.ok(w.linear, `${name}: ${w.small} steps → ${w.large} steps (bound ${w.bound})`);
  }
});
