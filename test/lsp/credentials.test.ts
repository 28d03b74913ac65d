/** The password never leaves the server: not in hovers, completions, logs, messages or the describe request. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startServer } from '../helpers/server';

const PASSWORD = 'Zq9xSecr3tPw';
const uri = 'file:///p/src/db.ts';
const text = [
  `const a = "mongodb://admin:${PASSWORD}@db1.example.com:27017,db2.example.com:70000/sales?replicaSet=rs0&retryWrite=true&authSource=admin";`,
  `const b = 'mongodb+srv://svc:${PASSWORD}%40x@cluster0.abcde.mongodb.net:27017/?proxyHost=p&proxyPassword=${PASSWORD}';`,
  '',
].join('\n');

test('no hover, completion, log or describe answer contains the password', async (t) => {
  const client = await startServer(t, {
    capabilities: { textDocument: { hover: { contentFormat: ['markdown'] }, completion: { completionItem: { snippetSupport: true } } } },
  });
  client.openDocument(uri, 'typescript', text, 1);
  const published = await client.waitForDiagnostics(uri, 1);
  assert.ok(published.diagnostics.length > 0);
  for (const d of published.diagnostics) assert.ok(!d.message.includes(PASSWORD), `diagnostic message: ${d.message}`);

  const seen: string[] = [];
  const lines = text.split('\n');
  let hovers = 0;
  for (let line = 0; line < lines.length; line++) {
    for (let character = 0; character <= lines[line].length; character++) {
      const position = { line, character };
      const hover = await client.request('textDocument/hover', { textDocument: { uri }, position });
      if (hover) {
        hovers++;
        seen.push(hover.contents.value);
      }
      if (character % 7 === 0) {
        const list = await client.request('textDocument/completion', { textDocument: { uri }, position });
        for (const item of list.items) seen.push(item.label, item.detail ?? '', item.documentation?.value ?? '');
      }
      if (character % 11 === 0) {
        const d = await client.request('mongodbUri/describeConnectionString', { textDocument: { uri }, position });
        if (d) seen.push(JSON.stringify(d));
      }
    }
  }
  assert.ok(hovers > 100, `hovers answered: ${hovers}`);
  const describe = await client.request('mongodbUri/describeConnectionString', { textDocument: { uri }, position: { line: 0, character: 30 } });
  assert.equal(describe.password, '****');
  assert.match(describe.redacted, /admin:\*\*\*\*@db1/);
  assert.equal(describe.hosts.length, 2);
  assert.ok(seen.some((s) => s.includes('****')), 'the masked password is shown');
  for (const s of seen) assert.ok(!s.includes(PASSWORD), `leaked in: ${s.slice(0, 200)}`);
  for (const n of client.notifications) assert.ok(!JSON.stringify(n).includes(PASSWORD) || n.method === 'textDocument/publishDiagnostics', `leaked in ${n.method}`);
  assert.ok(!client.stderr.includes(PASSWORD), 'stderr');
  assert.equal(await client.shutdown(), 0);
});
