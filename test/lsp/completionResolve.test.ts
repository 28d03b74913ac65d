/**
 * Clients that fetch documentation on demand (completionItem/resolve, as VS Code does) get lists without
 * it and the same documentation item by item; other clients get it in the list.
 */
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import type { LspClient } from '../helpers/lspClient';
import { startServer } from '../helpers/server';

const uri = 'file:///project/.env';
const text = 'MONGODB_URI=mongodb://localhost:27017/app?retryWrites=true&\n';
const position = { line: 0, character: text.indexOf('\n') };

async function completionList(t: TestContext, capabilities: object): Promise<{ client: LspClient; items: any[]; result: any }> {
  const client = await startServer(t, { capabilities: { textDocument: { completion: { completionItem: capabilities } } } });
  const result = client.initializeResult;
  client.openDocument(uri, 'dotenv', text, 1);
  await client.waitForDiagnostics(uri, 1);
  const list = await client.request('textDocument/completion', { textDocument: { uri }, position });
  return { client, items: list.items, result };
}

test('documentation is resolved item by item when the client asks for it that way', async (t) => {
  const full = await completionList(t, { snippetSupport: true });
  const lazy = await completionList(t, { snippetSupport: true, resolveSupport: { properties: ['documentation', 'detail'] } });

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

test('clients that apply item defaults get the shared range, format and data once per list', async (t) => {
  const plain = await completionList(t, { snippetSupport: true, resolveSupport: { properties: ['documentation'] } });
  const client = await startServer(t, {
    capabilities: {
      textDocument: {
        completion: {
          completionItem: { snippetSupport: true, resolveSupport: { properties: ['documentation'] } },
          completionList: { itemDefaults: ['editRange', 'insertTextFormat', 'data'] },
        },
      },
    },
  });
  client.openDocument(uri, 'dotenv', text, 1);
  await client.waitForDiagnostics(uri, 1);
  const list = await client.request('textDocument/completion', { textDocument: { uri }, position });

  assert.deepEqual(list.itemDefaults.editRange, plain.items[0].textEdit.range);
  assert.equal(list.itemDefaults.insertTextFormat, plain.items[0].insertTextFormat);
  assert.equal(typeof list.itemDefaults.data.list, 'number');
  assert.deepEqual(list.items.map((i: any) => i.label), plain.items.map((i) => i.label));
  for (const [k, item] of list.items.entries()) {
    assert.equal(item.textEdit, undefined);
    assert.equal(item.insertTextFormat, undefined);
    assert.equal(item.data, undefined);
    // What the item inserts over the default range: its textEditText, or else its label.
    assert.equal(item.textEditText ?? item.label, plain.items[k].textEdit.newText, item.label);
  }
  const [withDefaults, without] = [JSON.stringify(list).length, JSON.stringify(plain.items).length];
  assert.ok(withDefaults * 1.5 < without, `the list is smaller: ${withDefaults} vs ${without} bytes`);
  // Resolve gets the item as the client completes it with the defaults: its label says which it is.
  for (const k of [0, 7, list.items.length - 1]) {
    const resolved = await client.request('completionItem/resolve', { ...list.items[k], data: list.itemDefaults.data });
    const expected = await plain.client.request('completionItem/resolve', plain.items[k]);
    assert.ok(resolved.documentation?.value, list.items[k].label);
    assert.deepEqual(resolved.documentation, expected.documentation, list.items[k].label);
  }
  assert.equal(await client.shutdown(), 0);
  assert.equal(await plain.client.shutdown(), 0);
});
