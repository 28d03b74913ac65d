/**
 * A very large document (its size over mongodbUri.maxFileSize raised) is analysed in slices: hovers sent
 * while it is analysed are answered before its diagnostics are published, from what is done so far, and
 * the diagnostics are those of the whole document. Ordered, not timed.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startServer } from '../helpers/server';

const LINES = 70_000;

test('hovers are answered while a 5 MB document is analysed, before its diagnostics', async (t) => {
  const client = await startServer(t, { settings: { maxFileSize: 64 * 2 ** 20, maxProblems: 100_000 } });
  const uri = 'file:///giant/app/.env';
  const lines = Array.from({ length: LINES }, (_, i) => `SERVICE_${i}_MONGO_URI=mongodb://svc-${i}.internal:${i % 100 === 0 ? 70000 : 27017}/app_${i}`);
  const text = lines.join('\n') + '\n';
  assert.ok(text.length > 1 << 22, 'over the size from which documents are analysed in slices');
  const events: string[] = [];
  client.openDocument(uri, 'dotenv', text, 1);
  const published = client.waitForDiagnostics(uri, 1, 120_000).then((d) => {
    events.push('diagnostics');
    return d;
  });
  // Hovers on the first line, sent one after the other until the diagnostics are out.
  const answers: unknown[] = [];
  while (!events.includes('diagnostics')) {
    const answer = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 30 } }, 120_000);
    if (!events.includes('diagnostics')) {
      events.push('hover');
      answers.push(answer);
    }
  }
  const diagnostics = (await published).diagnostics;
  assert.ok(events.indexOf('hover') >= 0 && events.indexOf('hover') < events.indexOf('diagnostics'), `events: ${events.slice(0, 5).join(', ')}`);
  assert.ok(answers.some((a) => a !== null && JSON.stringify(a).includes('svc-0.internal')), 'a hover answered from the part done so far');
  assert.equal(diagnostics.filter((d: any) => d.code === 'port-invalid').length, LINES / 100);
});
