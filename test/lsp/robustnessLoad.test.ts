/**
 * The server under load: a thousand open documents, a storm of ten thousand edits, a 50 MB line. It
 * stays alive, publishes the right diagnostics at the end, and its memory (VmRSS/VmHWM of the process,
 * from /proc on Linux) stays bounded.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { memoryOf } from '../helpers/processStats';
import { startServer } from '../helpers/server';

test('a thousand open documents are all checked, closed and forgotten', async (t) => {
  const client = await startServer(t);
  const uris = Array.from({ length: 1000 }, (_, i) => `file:///many/service-${i}/.env`);
  uris.forEach((uri, i) => client.openDocument(uri, 'dotenv', `# service ${i}\nMONGODB_URI=mongodb://svc:pw@db-${i}:${i % 2 ? 27017 : 70000}/app\nOTHER=${'x'.repeat(200)}\n`, 1));
  const published = await Promise.all(uris.map((uri) => client.waitForDiagnostics(uri, 1, 30_000)));
  published.forEach((p, i) => assert.equal(p.diagnostics.some((d: any) => d.code === 'port-invalid'), i % 2 === 0, uris[i]));
  const memory = memoryOf(client.child.pid);
  if (memory) assert.ok(memory.peakMb < 200, `peak RSS ${memory.peakMb.toFixed(0)} MB with 1000 documents open`);
  for (const uri of uris) client.notify('textDocument/didClose', { textDocument: { uri } });
  await client.waitForNotification('textDocument/publishDiagnostics', (p) => p.uri === uris[999] && p.diagnostics.length === 0 && p.version === undefined, 10_000);
  assert.equal(await client.shutdown(), 0);
});

test('a storm of 10,000 edits ends in the diagnostics of the last version, published a few times only', async (t) => {
  const client = await startServer(t);
  const uri = 'file:///storm/.env';
  let text = Array.from({ length: 2000 }, (_, i) => `MONGO_URI_${i}=mongodb://h${i}:27017/db\n`).join('');
  client.openDocument(uri, 'dotenv', text, 1);
  await client.waitForDiagnostics(uri, 1);
  let seed = 7;
  const random = (n: number) => (seed = (Math.imul(seed, 48271) >>> 0) % 2147483647) % n;
  const lines = text.split('\n');
  for (let version = 2; version <= 10_001; version++) {
    // Type a digit into a port, or take one out: each edit is one character on one line.
    const line = random(2000);
    const character = lines[line].indexOf(':27017') + 1 + random(5);
    const insert = random(2) === 0;
    const change = insert
      ? { range: { start: { line, character }, end: { line, character } }, text: String(random(10)) }
      : { range: { start: { line, character }, end: { line, character: character + 1 } }, text: '' };
    lines[line] = insert ? lines[line].slice(0, character) + change.text + lines[line].slice(character) : lines[line].slice(0, character) + lines[line].slice(character + 1);
    client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
  }
  text = lines.join('\n');
  const last = await client.waitForDiagnostics(uri, 10_001, 30_000);
  // The same text opened fresh gives the same diagnostics.
  client.openDocument('file:///storm/fresh/.env', 'dotenv', text, 1);
  const fresh = await client.waitForDiagnostics('file:///storm/fresh/.env', 1, 30_000);
  assert.deepEqual(last.diagnostics, fresh.diagnostics);
  const publications = client.notificationsOf('textDocument/publishDiagnostics').filter((p) => p.uri === uri).length;
  assert.ok(publications < 200, `${publications} publications for 10,000 edits: the debounce merges them`);
  const memory = memoryOf(client.child.pid);
  if (memory) assert.ok(memory.peakMb < 250, `peak RSS ${memory.peakMb.toFixed(0)} MB`);
  assert.equal(await client.shutdown(), 0);
});

test('a 50 MB line is not checked (maxFileSize), with one message, and memory stays bounded', async (t) => {
  const client = await startServer(t);
  const uri = 'file:///huge/one-line.txt';
  const line = 'mongodb://h:70000/db '.repeat(Math.ceil((50 * 1024 * 1024) / 21)).slice(0, 50 * 1024 * 1024);
  client.openDocument(uri, 'plaintext', line, 1);
  const published = await client.waitForDiagnostics(uri, 1, 60_000);
  assert.deepEqual(published.diagnostics, []);
  const message = await client.waitForNotification('window/showMessage', (p) => /one-line\.txt/.test(p.message));
  assert.match(message.message, /maxFileSize/);
  const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 12 } });
  assert.equal(hover, null, 'nothing to say about a file that is not checked');
  const memory = memoryOf(client.child.pid);
  // The message (50 MB of JSON), its text and the document's text: a few times the size, never more.
  if (memory) assert.ok(memory.peakMb < 400, `peak RSS ${memory.peakMb.toFixed(0)} MB for a 50 MB line`);
  client.notify('textDocument/didClose', { textDocument: { uri } });
  await assert.doesNotReject(client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }));
  assert.equal(await client.shutdown(), 0);
  assert.equal(client.notificationsOf('window/showMessage').filter((p) => /one-line\.txt/.test(p.message)).length, 1, 'one message');
});
