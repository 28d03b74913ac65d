/**
 * A giant document (at least GIANT_DOCUMENT_CHARS characters, its maxFileSize raised) is analysed lean,
 * value by value, and its requests are answered from the lines around them: its diagnostics are those
 * of every value, capped with their summary; hovers, completions and code actions answer at the whole
 * document's positions, before its diagnostics are out and after; an edit is analysed again; over its
 * maxFileSize it is not checked at all. A document of some 9 MB, just over the threshold. Ordered, not timed.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { GIANT_DOCUMENT_CHARS } from '../../server/src/documents';
import { analyzeDocument, defaultSettings } from '../../server/src/service/languageService';
import { startServer } from '../helpers/server';

const uri = 'file:///giant/lean/.env';
/**
 * Every 97th line has a port out of range (its only problem; a stride prime to any slice size); one
 * line in the middle ends in `&`, for completion.
 */
const LINES = 130_000;
const MIDDLE = 65_001;
const bad = (i: number) => i % 97 === 0;
const lines = Array.from({ length: LINES }, (_, i) =>
  i === MIDDLE ? `MIDDLE_MONGO_URI=mongodb://middle.internal:27017/app?tls=true&` : `SERVICE_${i}_MONGO_URI=mongodb://svc-${i}.internal:${bad(i) ? 70000 : 27017}/app_${i}?tls=true`,
);
const BAD_LINES = lines.map((_, i) => i).filter(bad);
const text = lines.join('\n') + '\n';
const LAST = LINES - 1;
const MAX_FILE_SIZE = 64 * 2 ** 20;

const hover = (client: Awaited<ReturnType<typeof startServer>>, line: number, character: number) =>
  client.request('textDocument/hover', { textDocument: { uri }, position: { line, character } }, 60_000);

test('the document is over the threshold', () => {
  assert.ok(text.length >= GIANT_DOCUMENT_CHARS && text.length < GIANT_DOCUMENT_CHARS * 1.25);
});

test('a giant document gets the diagnostics of every value, capped, in document order, with the summary', async (t) => {
  const client = await startServer(t, { settings: { maxFileSize: MAX_FILE_SIZE } });
  client.openDocument(uri, 'dotenv', text, 1);
  const { diagnostics } = await client.waitForDiagnostics(uri, 1, 120_000);
  // The same document analysed whole, in this process.
  const whole = analyzeDocument({ uri, languageId: 'dotenv', text }, { ...defaultSettings, maxFileSize: MAX_FILE_SIZE });
  assert.deepEqual(whole.problems.filter((p) => p.valueIndex < 0), [], 'no whole-document problems in this document');
  assert.equal(whole.problems.length, BAD_LINES.length);
  const positions = TextDocument.create(uri, 'dotenv', 1, text);
  assert.equal(diagnostics.length, 1001);
  const [summary, ...shown] = diagnostics;
  assert.equal(summary.code, 'too-many-problems');
  assert.equal(summary.message, `${whole.problems.length - 1000} more problems are not shown (mongodbUri.maxProblems is 1000).`);
  assert.deepEqual(
    shown.map((d: any) => [d.code, d.range.start, d.range.end, d.message]),
    whole.problems.slice(0, 1000).map((p) => [p.ruleId, positions.positionAt(p.span.start), positions.positionAt(p.span.end), p.message]),
  );
  assert.equal(await client.shutdown(), 0);
});

test('hovers answer from the lines around them, while it is analysed and after; an edit is analysed again', async (t) => {
  const client = await startServer(t, { settings: { maxFileSize: MAX_FILE_SIZE, maxProblems: 100_000 } });
  client.openDocument(uri, 'dotenv', text, 1);
  let published = false;
  const first = client.waitForDiagnostics(uri, 1, 120_000).then((d) => {
    published = true;
    return d;
  });
  const early = await hover(client, LAST, 40);
  assert.ok(JSON.stringify(early).includes(`svc-${LAST}.internal`), JSON.stringify(early));
  assert.equal(early.range.start.line, LAST, 'at the line of the whole document');
  const answeredFirst = !published;
  const ports = (await first).diagnostics;
  assert.ok(answeredFirst, 'the hover was answered before the diagnostics were out');
  assert.equal(ports.filter((d: any) => d.code === 'port-invalid').length, BAD_LINES.length);
  assert.deepEqual(ports.filter((d: any) => d.code === 'port-invalid').slice(0, 2).map((d: any) => d.range.start.line), BAD_LINES.slice(0, 2));
  assert.ok(JSON.stringify(await hover(client, 1, 30)).includes('svc-1.internal'));
  assert.equal(await hover(client, 1, 3), null, 'no hover on a key');

  // Line 0's port is put right: one problem less, none on line 0.
  const at = lines[0].indexOf(':70000') + 1;
  client.notify('textDocument/didChange', {
    textDocument: { uri, version: 2 },
    contentChanges: [{ range: { start: { line: 0, character: at }, end: { line: 0, character: at + 5 } }, text: '27017' }],
  });
  const after = (await client.waitForDiagnostics(uri, 2, 120_000)).diagnostics.filter((d: any) => d.code === 'port-invalid');
  assert.equal(after.length, BAD_LINES.length - 1);
  assert.equal(after[0].range.start.line, BAD_LINES[1]);
  assert.ok(JSON.stringify(await hover(client, 0, 40)).includes('port 27017'));
  assert.equal(await client.shutdown(), 0);
});

test('completion and code actions in a giant document land at the whole document positions', async (t) => {
  const client = await startServer(t, { settings: { maxFileSize: MAX_FILE_SIZE, maxProblems: 100_000 } });
  client.openDocument(uri, 'dotenv', text, 1);
  const { diagnostics } = await client.waitForDiagnostics(uri, 1, 120_000);
  const end = lines[MIDDLE].length;
  const completion = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: MIDDLE, character: end } }, 60_000);
  const items: any[] = Array.isArray(completion) ? completion : completion.items;
  const option = items.find((i) => i.label === 'replicaSet');
  assert.ok(option, 'the options of the connection string are offered');
  const range = option.textEdit?.range ?? option.textEdit?.replace ?? completion.itemDefaults?.editRange?.replace ?? completion.itemDefaults?.editRange;
  if (range) assert.equal(range.start.line, MIDDLE);

  const late = diagnostics.filter((d: any) => d.code === 'port-invalid').at(-1);
  assert.equal(late.range.start.line, BAD_LINES.at(-1));
  const actions: any[] = await client.request('textDocument/codeAction', { textDocument: { uri }, range: late.range, context: { diagnostics: [late] } }, 60_000);
  const edits = actions.flatMap((a) => a.edit?.changes?.[uri] ?? a.edit?.documentChanges?.flatMap((c: any) => c.edits ?? []) ?? []);
  for (const edit of edits) assert.equal(edit.range.start.line, BAD_LINES.at(-1), JSON.stringify(edit));
  assert.equal(await client.shutdown(), 0);
});

test('a giant document over its maxFileSize is not checked: no diagnostics, no hover', async (t) => {
  const client = await startServer(t, { settings: { maxFileSize: 4 * 2 ** 20 } });
  client.openDocument(uri, 'dotenv', text, 1);
  assert.equal(await hover(client, 1, 30), null);
  assert.deepEqual((await client.waitForDiagnostics(uri, 1, 120_000)).diagnostics, []);
  assert.equal(await hover(client, 1, 30), null);
  await client.waitForNotification('window/showMessage', (p) => /\.env/.test(p.message), 30_000);
  assert.equal(await client.shutdown(), 0);
});
