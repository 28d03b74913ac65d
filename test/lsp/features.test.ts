import assert from 'node:assert/strict';
import { test } from 'node:test';
import { positionOf } from '../helpers/lspClient';
import { startServer } from '../helpers/server';

const uri = 'file:///project/.env';
const text = 'MONGODB_URI=mongodb://db.example.com:27017/app?retryWrites=true&w=majority\n';

function assertRange(range: any): void {
  for (const end of [range.start, range.end]) {
    assert.equal(typeof end.line, 'number');
    assert.equal(typeof end.character, 'number');
  }
}

test('hover answers null or markdown with a range', async (t) => {
  const client = await startServer(t, { capabilities: { textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] } } } });
  client.openDocument(uri, 'dotenv', text, 1);
  await client.waitForDiagnostics(uri, 1);

  const expected: Record<string, RegExp | null> = {
    retryWrites: /\*\*retryWrites\*\* — boolean/,
    majority: /majority of data-bearing voting members/,
    'db.example.com': /\*\*Host\*\* `db\.example\.com` · port 27017/,
    MONGODB_URI: null,
  };
  for (const [needle, pattern] of Object.entries(expected)) {
    const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: positionOf(text, needle, 1) });
    if (pattern === null) {
      assert.equal(hover, null, `no hover on ${needle}`);
      continue;
    }
    assert.equal(hover.contents.kind, 'markdown');
    assert.match(hover.contents.value, pattern);
    assertRange(hover.range);
  }
  assert.equal(await client.shutdown(), 0);
});

test('completion answers a list whose items replace a range of the document', async (t) => {
  const client = await startServer(t, { capabilities: { textDocument: { completion: { completionItem: { snippetSupport: true } } } } });
  client.openDocument(uri, 'dotenv', text, 1);
  await client.waitForDiagnostics(uri, 1);

  for (const [needle, delta, triggerCharacter] of [
    ['?retryWrites', 1, '?'],
    ['&w=', 1, '&'],
    ['=majority', 1, '='],
  ] as const) {
    const list = await client.request('textDocument/completion', {
      textDocument: { uri },
      position: positionOf(text, needle, delta),
      context: { triggerKind: 2, triggerCharacter },
    });
    assert.equal(list.isIncomplete, false);
    assert.ok(Array.isArray(list.items));
    assert.ok(list.items.length > 0, `completion after ${needle}`);
    for (const item of list.items) {
      assert.equal(typeof item.label, 'string');
      assert.equal(typeof item.textEdit.newText, 'string');
      assertRange(item.textEdit.range);
      assert.ok(item.insertTextFormat === 1 || item.insertTextFormat === 2);
    }
  }
  assert.equal(await client.shutdown(), 0);
});

test('code actions answer an array', async (t) => {
  const client = await startServer(t);
  client.openDocument(uri, 'dotenv', text, 1);
  const { diagnostics } = await client.waitForDiagnostics(uri, 1);
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: text.length - 1 } };
  const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics } });
  assert.ok(Array.isArray(actions));
  assert.equal(await client.shutdown(), 0);
});
