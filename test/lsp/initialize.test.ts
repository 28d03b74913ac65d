import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { LspClient } from '../helpers/lspClient';
import { repoRoot, waitUntil } from '../helpers/repo';

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

test('the server speaks over Node IPC with --node-ipc, as VS Code starts it', async (t) => {
  const child = fork(path.join(repoRoot(), 'server', 'out', 'server.js'), ['--node-ipc'], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  t.after(() => {
    if (child.exitCode === null) child.kill();
  });
  let stdout = '';
  child.stdout?.on('data', (chunk) => (stdout += chunk));
  const replies: any[] = [];
  child.on('message', (message) => replies.push(message));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

  child.send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } });
  const initialized = await waitUntil(() => replies.find((m) => m.id === 1), 'the initialize reply');
  assert.equal(initialized.result.capabilities.textDocumentSync.change, 2);
  child.send({ jsonrpc: '2.0', method: 'initialized', params: {} });
  child.send({
    jsonrpc: '2.0',
    method: 'textDocument/didOpen',
    params: { textDocument: { uri: 'file:///x/.env', languageId: 'dotenv', version: 1, text: 'U=mongodb://h:70000\n' } },
  });
  const published = await waitUntil(
    () => replies.find((m) => m.method === 'textDocument/publishDiagnostics' && m.params.version === 1),
    'diagnostics over IPC',
  );
  assert.ok(published.params.diagnostics.some((d: any) => d.code === 'port-invalid'));
  child.send({ jsonrpc: '2.0', id: 2, method: 'shutdown', params: null });
  await waitUntil(() => replies.find((m) => m.id === 2), 'the shutdown reply');
  child.send({ jsonrpc: '2.0', method: 'exit', params: null });
  assert.equal(await exited, 0);
  assert.equal(stdout, '', 'nothing on stdout');
});
