import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LspClient } from '../helpers/lspClient';

test('initialize declares incremental sync, hover, completion and code actions', async (t) => {
  const started = process.hrtime.bigint();
  const client = LspClient.start();
  t.after(() => client.kill());
  const result = await client.initialize({ textDocument: { codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } } } });
  const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
  t.diagnostic(`spawn → initialize reply: ${elapsedMs.toFixed(1)} ms`);

  const caps = result.capabilities;
  assert.equal(caps.textDocumentSync.openClose, true);
  assert.equal(caps.textDocumentSync.change, 2, 'incremental sync');
  assert.equal(caps.hoverProvider, true);
  assert.deepEqual([...caps.completionProvider.triggerCharacters].sort(), ['&', ',', ':', '=', '?']);
  assert.deepEqual(caps.codeActionProvider, { codeActionKinds: ['quickfix'] });
  assert.equal(result.serverInfo.name, 'mongodb-uri-language-server');
  assert.match(result.serverInfo.version, /^\d+\.\d+\.\d+/);

  assert.equal(await client.shutdown(), 0);
  assert.deepEqual(client.protocolErrors, [], 'stdout carries LSP messages only');
});

test('code actions are declared as a plain boolean to clients without code action literals', async (t) => {
  const client = LspClient.start();
  t.after(() => client.kill());
  const result = await client.initialize({});
  assert.equal(result.capabilities.codeActionProvider, true);
  assert.equal(await client.shutdown(), 0);
});

test('the server starts over stdio when no transport is given', async (t) => {
  const client = LspClient.start({ args: [] });
  t.after(() => client.kill());
  const result = await client.initialize({});
  assert.equal(result.capabilities.hoverProvider, true);
  assert.equal(await client.shutdown(), 0);
});

test('exit without shutdown ends the server with code 1', async (t) => {
  const client = LspClient.start();
  t.after(() => client.kill());
  await client.initialize({});
  client.notify('exit', null);
  assert.equal(await client.waitForExit(), 1);
});
