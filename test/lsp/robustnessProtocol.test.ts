/**
 * The server and malformed input: broken framing, invalid JSON, messages that are neither requests nor
 * notifications, invalid UTF-8, positions out of range, documents never opened, binary content and lone
 * surrogates. It answers or refuses each cleanly, logs what it dropped, and keeps serving.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LspClient } from '../helpers/lspClient';
import { startServer } from '../helpers/server';

const uri = 'file:///project/.env';
const text = 'MONGODB_URI=mongodb://admin:secret@localhost:70000/app\n';

function frame(body: Buffer | string): Buffer {
  const b = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return Buffer.concat([Buffer.from(`Content-Length: ${b.length}\r\n\r\n`, 'ascii'), b]);
}

async function assertServing(client: LspClient, label: string): Promise<void> {
  const hover = await client.request('textDocument/hover', { textDocument: { uri: 'file:///nowhere.env' }, position: { line: 0, character: 0 } });
  assert.equal(hover, null, `${label}: the server still answers`);
}

test('broken framing, invalid JSON and messages without a method are dropped; the next message is served', async (t) => {
  const client = await startServer(t);
  const write = (b: Buffer | string) => client.child.stdin.write(b);

  write('Content-Length: abc\r\n\r\n{}');
  await assertServing(client, 'after a Content-Length that is not a number');
  write('Content-Type: application/json\r\n\r\n{"jsonrpc":"2.0","id":1000,"method":"shutdown"}');
  await assertServing(client, 'after a header without Content-Length');
  write('Content-Length: 99999999999\r\n\r\n');
  await assertServing(client, 'after a Content-Length of eleven digits');
  write(frame('{"jsonrpc": "2.0", "id": 5, "method": "textDocument/hov'));
  await assertServing(client, 'after a body that is not JSON');
  write(frame('{"jsonrpc":"2.0","id":6}'));
  write(frame('[1, 2, 3]'));
  write(frame('null'));
  await assertServing(client, 'after messages that are neither requests nor notifications');
  client.notify('$/somethingUnknown', { x: 1 });
  client.notify('custom/unknownNotification', null);
  const unknown = await client.requestRaw('custom/unknownRequest', {});
  assert.equal(unknown.error?.code, -32601, 'an unknown request is MethodNotFound');

  // Invalid UTF-8 inside a document's text: decoded as U+FFFD, the document is checked.
  const body = Buffer.concat([
    Buffer.from(`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///bytes.env","languageId":"dotenv","version":1,"text":"A=\\u0000\\u0007`),
    Buffer.from([0xff, 0xfe, 0xc0, 0x80, 0xed, 0xa0, 0x80]),
    Buffer.from('\\nMONGODB_URI=mongodb://h:70000/db\\n"}}}'),
  ]);
  write(frame(body));
  const published = await client.waitForDiagnostics('file:///bytes.env', 1);
  assert.ok(published.diagnostics.some((d: any) => d.code === 'port-invalid'), 'the document is checked');

  const logged = client.notificationsOf('window/logMessage').map((p) => p.message).join('\n');
  assert.match(logged, /not a well-formed LSP message/, 'dropped input is logged');
  assert.equal(await client.shutdown(), 0);
  assert.deepEqual(client.protocolErrors, [], 'everything the server wrote was well-formed');
});

test('positions out of range and documents never opened are answered, not failed', async (t) => {
  const client = await startServer(t);
  client.openDocument(uri, 'dotenv', text, 1);
  await client.waitForDiagnostics(uri, 1);
  const doc = { uri };
  for (const position of [{ line: 1_000_000, character: 0 }, { line: 0, character: 1_000_000_000 }, { line: 2 ** 31, character: 2 ** 31 }]) {
    const hover = await client.request('textDocument/hover', { textDocument: doc, position });
    assert.ok(hover === null || typeof hover === 'object');
    const list = await client.request('textDocument/completion', { textDocument: doc, position });
    assert.ok(Array.isArray(list.items));
    const range = { start: { line: 0, character: 0 }, end: position };
    assert.ok(Array.isArray(await client.request('textDocument/codeAction', { textDocument: doc, range, context: { diagnostics: [] } })));
  }
  for (const position of [{ line: -1, character: 0 }, { line: 0, character: 1.5 }, { line: '0', character: 0 }, null]) {
    const answer = await client.requestRaw('textDocument/hover', { textDocument: doc, position });
    assert.equal(answer.error?.code, -32602, `InvalidParams for ${JSON.stringify(position)}`);
  }

  // Changes and closes of documents that were never opened, and an edit whose range is out of range.
  const never = { uri: 'file:///never/opened.env', version: 2 };
  client.notify('textDocument/didChange', { textDocument: never, contentChanges: [{ text: 'A=1' }] });
  client.notify('textDocument/didClose', { textDocument: never });
  client.notify('textDocument/didChange', {
    textDocument: { uri, version: 2 },
    contentChanges: [{ range: { start: { line: 99, character: 99 }, end: { line: 120, character: 0 } }, text: 'B=mongodb://h:65536/db\n' }],
  });
  const changed = await client.waitForDiagnostics(uri, 2);
  assert.equal(changed.diagnostics.filter((d: any) => d.code === 'port-invalid').length, 2, 'the edit past the end was appended');
  assert.equal(await client.shutdown(), 0);
});

test('binary content and lone surrogates are checked without errors, and edits may split a surrogate pair', async (t) => {
  const client = await startServer(t);
  let seed = 1;
  const random = () => (seed = (Math.imul(seed, 48271) >>> 0) % 2147483647) / 2147483647;
  const binary = Array.from({ length: 20_000 }, () => String.fromCharCode(Math.floor(random() * 0x10000))).join('');
  const surrogates = '\uD800A=mongodb://h:70000/\uDC00db?x=\uD83D\n\uDE00 mongodb://u:p\uD83D\uDE00@h:1/\uDFFF\n';
  const documents: Array<[string, string, string]> = [
    ['file:///bin/data.env', 'dotenv', binary + '\n' + surrogates],
    ['file:///bin/data.json', 'json', `{"uri": "${surrogates}${binary.slice(0, 5000)}"}`],
    ['file:///bin/data.ts', 'typescript', `const u = "${surrogates}"; ${binary}`],
    ['file:///bin/data.md', 'markdown', `${surrogates}\n\`\`\`yaml\nuri: ${surrogates}\`\`\`\n${binary}`],
  ];
  for (const [u, languageId, content] of documents) {
    client.openDocument(u, languageId, content, 1);
    await client.waitForDiagnostics(u, 1);
    for (const character of [0, 1, 2, 15, 40, 5000]) {
      await client.request('textDocument/hover', { textDocument: { uri: u }, position: { line: 0, character } });
      await client.request('textDocument/completion', { textDocument: { uri: u }, position: { line: 1, character } });
    }
  }
  // Delete the second half of a surrogate pair, then insert a lone one.
  const [u] = documents[0];
  const line = binary.split('\n').length;
  client.notify('textDocument/didChange', {
    textDocument: { uri: u, version: 2 },
    contentChanges: [
      { range: { start: { line: line, character: 41 }, end: { line: line, character: 42 } }, text: '' },
      { range: { start: { line: line, character: 3 }, end: { line: line, character: 3 } }, text: '\uDBFF' },
    ],
  });
  await client.waitForDiagnostics(u, 2);
  assert.equal(await client.shutdown(), 0);
  assert.ok(!/failed|Uncaught|Unhandled/.test(client.notificationsOf('window/logMessage').map((p) => p.message).join('\n')), 'nothing failed');
  assert.deepEqual(client.protocolErrors, []);
});
