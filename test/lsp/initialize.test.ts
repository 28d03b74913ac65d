import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startServer } from '../helpers/server';

test('initialize declares incremental sync, hover, completion and code actions', async (t) => {
  const client = await startServer(t, {
    capabilities: { textDocument: { codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } } } },
  });
  // How long start-up takes is measured in `npm run bench` (start → initialize), not here.
  const result = client.initializeResult;

  const caps = result.capabilities;
  assert.equal(caps.textDocumentSync.openClose, true);
  assert.equal(caps.textDocumentSync.change, 2, 'incremental sync');
  assert.equal(caps.hoverProvider, true);
  assert.deepEqual([...caps.completionProvider.triggerCharacters].sort(), ['&', ',', ':', '=', '?']);
  assert.deepEqual(caps.codeActionProvider, { codeActionKinds: ['quickfix', 'refactor.rewrite'] });
  assert.equal(result.serverInfo.name, 'mongodb-uri-language-server');
  assert.match(result.serverInfo.version, /^\d+\.\d+\.\d+/);

  assert.equal(await client.shutdown(), 0);
  assert.deepEqual(client.protocolErrors, [], 'stdout carries LSP messages only');
});

test('code actions are declared as a plain boolean to clients without code action literals', async (t) => {
  const client = await startServer(t);
  const result = client.initializeResult;
  assert.equal(result.capabilities.codeActionProvider, true);
  assert.equal(await client.shutdown(), 0);
});

test('the server starts over stdio when no transport is given', async (t) => {
  const client = await startServer(t, { args: [] });
  const result = client.initializeResult;
  assert.equal(result.capabilities.hoverProvider, true);
  assert.equal(await client.shutdown(), 0);
});

test('exit without shutdown ends the server with code 1', async (t) => {
  const client = await startServer(t);
  client.notify('exit', null);
  assert.equal(await client.waitForExit(), 1);
});

test('the server speaks over Node IPC with --node-ipc, as VS Code starts it', async (t) => {
  const client = await startServer(t, { transport: 'node-ipc' });
  assert.equal(client.initializeResult.capabilities.textDocumentSync.change, 2);
  client.openDocument('file:///x/.env', 'dotenv', 'U=mongodb://h:70000\n', 1);
  const published = await client.waitForDiagnostics('file:///x/.env', 1);
  assert.ok(published.diagnostics.some((d: any) => d.code === 'port-invalid'));
  assert.equal(await client.shutdown(), 0);
  assert.deepEqual(client.protocolErrors, [], 'nothing on stdout');
});
