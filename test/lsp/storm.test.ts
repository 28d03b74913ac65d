/**
 * A storm of incremental edits on a 1 MB .env, sent without waiting: the server ends with the
 * diagnostics of the last version, never publishes an older version after a newer one, and answers the
 * hovers and completions sent during the storm for the version they were sent after. A client that
 * pulls diagnostics and cancels its pull at each change (as VS Code does) has its cancelled pulls
 * refused, never answered for an older version. Counted, not timed.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startServer } from '../helpers/server';

const LINES = 25_000;
const EDITS = 2_000;

test(`${EDITS} edits of a 1 MB document: the last version is published, never an older one after a newer`, async (t) => {
  const client = await startServer(t);
  const uri = 'file:///storm/big/.env';
  const lines = Array.from({ length: LINES }, (_, i) => `MONGO_URI_${i}=mongodb://h${i}:27017/db`);
  const initial = lines.join('\n') + '\n';
  assert.ok(initial.length > 1_000_000);
  client.openDocument(uri, 'dotenv', initial, 1);
  await client.waitForDiagnostics(uri, 1, 60_000);

  let seed = 11;
  const random = (n: number) => (seed = (Math.imul(seed, 48271) >>> 0) % 2147483647) % n;
  const hovers: { promise: Promise<any>; port: string; version: number }[] = [];
  let completion: { promise: Promise<any>; version: number } | undefined;
  let version = 1;
  for (let i = 0; i < EDITS; i++) {
    version++;
    const line = random(LINES);
    const portAt = lines[line].lastIndexOf(':') + 1;
    const portEnd = lines[line].indexOf('/', portAt);
    const character = portAt + random(5);
    // Type a digit into the port, or take one out of it.
    const insert = random(2) === 0 || character >= portEnd;
    const change = insert
      ? { range: { start: { line, character }, end: { line, character } }, text: String(1 + random(9)) }
      : { range: { start: { line, character }, end: { line, character: character + 1 } }, text: '' };
    lines[line] = insert ? lines[line].slice(0, character) + change.text + lines[line].slice(character) : lines[line].slice(0, character) + lines[line].slice(character + 1);
    client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    if (i % 400 === 399) {
      // A hover on the host of the line just edited: it tells the port of this version.
      const port = lines[line].slice(portAt, lines[line].indexOf('/', portAt));
      assert.match(port, /^\d+$/);
      hovers.push({ promise: client.request('textDocument/hover', { textDocument: { uri }, position: { line, character: portAt - 2 } }, 60_000), port, version });
    }
    if (i === EDITS / 2) {
      // A `?` after the database of line 0, then completion there: options only this version has a place for.
      version++;
      const end = lines[0].length;
      lines[0] += '?';
      client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: { line: 0, character: end }, end: { line: 0, character: end } }, text: '?' }] });
      completion = { promise: client.request('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: end + 1 } }, 60_000), version };
    }
  }
  const last = await client.waitForDiagnostics(uri, version, 60_000);

  for (const hover of hovers) {
    const answer = await hover.promise;
    assert.ok(answer, `a hover at version ${hover.version}`);
    assert.match(answer.contents.value, new RegExp(`port ${hover.port}\\b`), `the port of version ${hover.version}`);
  }
  const list = await completion!.promise;
  assert.ok(list.items.some((item: any) => item.label === 'replicaSet'), `option names after the "?" of version ${completion!.version}`);

  const published = client.notificationsOf('textDocument/publishDiagnostics').filter((p) => p.uri === uri);
  assert.equal(published[published.length - 1].version, version, 'the last publication is of the last version');
  for (let i = 1; i < published.length; i++) {
    assert.ok(published[i].version >= published[i - 1].version, `version ${published[i].version} published after ${published[i - 1].version}`);
  }
  // Published after the opening, after the storm, and where the edits paused (a hover, the test sending slowly).
  assert.ok(published.length <= EDITS / 20, `${published.length} publications for ${EDITS} edits: the edits are not validated one by one`);

  // The same text opened afresh has the same diagnostics.
  const freshUri = 'file:///storm/fresh/.env';
  client.openDocument(freshUri, 'dotenv', lines.join('\n') + '\n', 1);
  const fresh = await client.waitForDiagnostics(freshUri, 1, 60_000);
  assert.deepEqual(last.diagnostics, fresh.diagnostics);
  assert.equal(await client.shutdown(), 0);
});

test(`${EDITS} edits of a 1 MB document, each pulled and cancelled by the next: the last pull has the last version`, async (t) => {
  const client = await startServer(t, { capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } } }, initializationOptions: { pullDiagnostics: true } });
  const uri = 'file:///storm/pulled/.env';
  const lines = Array.from({ length: LINES }, (_, i) => `MONGO_URI_${i}=mongodb://h${i}:27017/db`);
  client.openDocument(uri, 'dotenv', lines.join('\n') + '\n', 1);
  const opened = await client.request('textDocument/diagnostic', { textDocument: { uri } }, 60_000);
  assert.equal(opened.kind, 'full');

  const pulls: { version: number; answer: Promise<any> }[] = [];
  let previousId: number | undefined;
  for (let version = 2; version <= EDITS + 1; version++) {
    // Port 27017 becomes 7017, 70170, ...: a digit out, a digit in, on a line of its own.
    const line = (version * 7919) % LINES;
    const at = lines[line].lastIndexOf(':') + 1;
    const remove = version % 2 === 0;
    const change = remove ? { range: { start: { line, character: at }, end: { line, character: at + 1 } }, text: '' } : { range: { start: { line, character: at }, end: { line, character: at } }, text: '7' };
    lines[line] = remove ? lines[line].slice(0, at) + lines[line].slice(at + 1) : lines[line].slice(0, at) + '7' + lines[line].slice(at);
    client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    if (previousId !== undefined) client.notify('$/cancelRequest', { id: previousId });
    const answer = client.requestRaw('textDocument/diagnostic', { textDocument: { uri } }, 60_000);
    previousId = (client as any).nextId - 1;
    pulls.push({ version, answer });
  }
  const answers = await Promise.all(pulls.map((p) => p.answer));
  const last = answers[answers.length - 1];
  assert.equal(last.result?.kind, 'full', 'the last pull is answered');
  assert.match(last.result.resultId, new RegExp(`^${EDITS + 1}:`), 'for the last version');
  let answered = 0;
  answers.forEach((a, i) => {
    if (a.error) {
      assert.equal(a.error.code, -32800, 'a cancelled pull is refused as cancelled');
      return;
    }
    answered++;
    assert.ok(Number(a.result.resultId.split(':')[0]) >= pulls[i]!.version, `pull ${i} answered for an older version`);
  });
  assert.ok(answered <= EDITS / 20, `${answered} of ${EDITS} pulls answered: cancelled pulls are refused`);
  assert.deepEqual(client.notificationsOf('textDocument/publishDiagnostics'), []);
  // The same text opened afresh has the same diagnostics.
  const freshUri = 'file:///storm/pulled-fresh/.env';
  client.openDocument(freshUri, 'dotenv', lines.join('\n') + '\n', 1);
  const fresh = await client.request('textDocument/diagnostic', { textDocument: { uri: freshUri } }, 60_000);
  assert.deepEqual(last.result.items, fresh.items);
  assert.equal(await client.shutdown(), 0);
});
