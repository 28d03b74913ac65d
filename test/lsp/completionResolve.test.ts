/**
 * Clients that fetch documentation on demand (completionItem/resolve, as VS Code does) get lists without
 * it and the same documentation item by item; other clients get it in the list.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LspClient } from '../helpers/lspClient';

const uri = 'file:///project/.env';
const text = 'MONGODB_URI=mongodb://localhost:27017/app?retryWrites=true&\n';
const position = { line: 0, character: text.indexOf('\n') };

async function completionList(capabilities: object): Promise<{ client: LspClient; items: any[]; result: any }> {
  const client = LspClient.start();
  const result = await client.initialize({ textDocument: { completion: { completionItem: capabilities } } });
  client.openDocument(uri, 'dotenv', text, 1);
  await client.waitForDiagnostics(uri, 1);
  const list = await client.request('textDocument/completion', { textDocument: { uri }, position });
  return { client, items: list.items, result };
}

test('documentation is resolved item by item when the client asks for it that way', async (t) => {
  const full = await completionList({ snippetSupport: true });
  t.after(() => full.client.kill());
  const lazy = await completionList({ snippetSupport: true, resolveSupport: { properties: ['documentation', 'detail'] } });
  t.after(() => lazy.client.kill());

  assert.equal(full.result.capabilities.completionProvider.resolveProvider, false);
  assert.equal(lazy.result.capabilities.completionProvider.resolveProvider, true);
  assert.ok(full.items.length > 20 && full.items.every((i) => i.documentation?.value), 'documented items in the full list');
  assert.deepEqual(lazy.items.map((i) => i.label), full.items.map((i) => i.label));
  assert.ok(lazy.items.every((i) => i.documentation === undefined), 'the lazy list has no documentation');
  const [lazyBytes, fullBytes] = [JSON.stringify(lazy.items).length, JSON.stringify(full.items).length];
  assert.ok(lazyBytes * 2 < fullBytes, `and is much smaller: ${lazyBytes} vs ${fullBytes} bytes`);
  for (const k of [0, 5, lazy.items.length - 1]) {
    const resolved = await lazy.client.request('completionItem/resolve', lazy.items[k]);
    assert.deepEqual(resolved.documentation, full.items[k].documentation, lazy.items[k].label);
  }
  // An item of an older list, or a made-up one, comes back as it was.
  const stranger = { label: 'x', data: { list: 999, i: 0 } };
  assert.deepEqual(await lazy.client.request('completionItem/resolve', stranger), stranger);
  assert.equal(await full.client.shutdown(), 0);
  assert.equal(await lazy.client.shutdown(), 0);
});
