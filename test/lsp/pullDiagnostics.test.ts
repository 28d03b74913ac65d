/**
 * Pull diagnostics (`textDocument/diagnostic`, LSP 3.17) through the spawned server: offered to a client
 * that announces it, with a result id per version, settings and clashes with other documents; answered
 * `unchanged` when the client already has it; nothing pushed to such a client, which is asked to pull
 * again (`workspace/diagnostic/refresh`) when another document or the settings change its diagnostics.
 * A client that does not announce it gets pushed diagnostics as before.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LspClient } from '../helpers/lspClient';
import { waitUntil } from '../helpers/repo';
import { startServer } from '../helpers/server';

const envUri = 'file:///shop/.env';
const envText = 'MONGODB_URI=mongodb://db:70000/salesData\n';
const jsUri = 'file:///shop/src/report.js';
const jsText = 'import { MongoClient } from "mongodb";\nconst sales = client.db("SalesData");\n';

const PULL = { textDocument: { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } };
/** Pull diagnostics are offered only to a client that asks for them. */
const ASK = { pullDiagnostics: true };

const codes = (report: any) => (report.items as any[]).map((d) => d.code);
const pull = (client: LspClient, uri: string, previousResultId?: string) =>
  client.request('textDocument/diagnostic', { textDocument: { uri }, ...(previousResultId === undefined ? {} : { previousResultId }) });
const refreshes = (client: LspClient) => client.serverRequests.filter((r) => r.method === 'workspace/diagnostic/refresh').length;

test('a client that pulls: result ids, unchanged answers, refresh when other documents or settings change, no push', async (t) => {
  let settings: unknown = {};
  const client = await startServer(t, { capabilities: { ...PULL, workspace: { diagnostics: { refreshSupport: true } } }, initializationOptions: ASK, settings: () => settings });
  assert.deepEqual(client.initializeResult.capabilities.diagnosticProvider, { interFileDependencies: true, workspaceDiagnostics: false });

  client.openDocument(envUri, 'dotenv', envText, 1);
  const first = await pull(client, envUri);
  assert.equal(first.kind, 'full');
  assert.equal(typeof first.resultId, 'string');
  assert.ok(codes(first).includes('port-invalid'));
  assert.ok(!codes(first).includes('database-case-conflict'));
  assert.deepEqual(await pull(client, envUri, first.resultId), { kind: 'unchanged', resultId: first.resultId });

  // Another document writes the name in another case: the client is asked to pull again, and .env has changed.
  const before = refreshes(client);
  client.openDocument(jsUri, 'javascript', jsText, 1);
  const js = await pull(client, jsUri);
  assert.ok(codes(js).includes('database-case-conflict'));
  await waitUntil(() => refreshes(client) > before, 'a diagnostics refresh request');
  const second = await pull(client, envUri, first.resultId);
  assert.equal(second.kind, 'full', 'the clash is new');
  assert.notEqual(second.resultId, first.resultId);
  assert.ok(codes(second).includes('database-case-conflict'));
  assert.equal((await pull(client, jsUri, js.resultId)).kind, 'unchanged', 'nothing changed for report.js');

  // A new version.
  client.notify('textDocument/didChange', {
    textDocument: { uri: envUri, version: 2 },
    contentChanges: [{ range: { start: { line: 0, character: 25 }, end: { line: 0, character: 30 } }, text: '27017' }],
  });
  const third = await pull(client, envUri, second.resultId);
  assert.equal(third.kind, 'full');
  assert.ok(!codes(third).includes('port-invalid'), 'the port was fixed');

  // Settings changed: a refresh, and the next pull is full.
  const beforeSettings = refreshes(client);
  settings = { rules: { 'database-case-conflict': 'off' } };
  client.notify('workspace/didChangeConfiguration', { settings: null });
  await waitUntil(() => refreshes(client) > beforeSettings, 'a refresh after the settings changed');
  const fourth = await pull(client, envUri, third.resultId);
  assert.equal(fourth.kind, 'full');
  assert.ok(!codes(fourth).includes('database-case-conflict'), 'the rule is off');

  // Closing report.js: a refresh, and the clash is gone from .env.
  settings = {};
  client.notify('workspace/didChangeConfiguration', { settings: null });
  const withClash = await pull(client, envUri, fourth.resultId);
  assert.ok(codes(withClash).includes('database-case-conflict'));
  const beforeClose = refreshes(client);
  client.notify('textDocument/didClose', { textDocument: { uri: jsUri } });
  await waitUntil(() => refreshes(client) > beforeClose, 'a refresh after closing report.js');
  const fifth = await pull(client, envUri, withClash.resultId);
  assert.equal(fifth.kind, 'full');
  assert.ok(!codes(fifth).includes('database-case-conflict'));

  assert.deepEqual(await pull(client, 'file:///shop/not-open.env'), { kind: 'full', items: [] });
  assert.deepEqual(client.notificationsOf('textDocument/publishDiagnostics'), [], 'nothing pushed to a client that pulls');
  assert.equal(await client.shutdown(), 0);
});

test('a client that pulls but cannot be asked to refresh still pulls what changed', async (t) => {
  const client = await startServer(t, { capabilities: PULL, initializationOptions: ASK });
  client.openDocument(envUri, 'dotenv', envText, 1);
  const first = await pull(client, envUri);
  client.openDocument(jsUri, 'javascript', jsText, 1);
  assert.ok(codes(await pull(client, jsUri)).includes('database-case-conflict'));
  const second = await pull(client, envUri, first.resultId);
  assert.equal(second.kind, 'full');
  assert.ok(codes(second).includes('database-case-conflict'));
  assert.equal(refreshes(client), 0, 'no refresh request to a client that did not say it handles them');
  assert.deepEqual(client.notificationsOf('textDocument/publishDiagnostics'), []);
  assert.equal(await client.shutdown(), 0);
});

test('a client that does not announce pull diagnostics gets them pushed', async (t) => {
  const client = await startServer(t, { capabilities: { workspace: { diagnostics: { refreshSupport: true } } }, initializationOptions: ASK });
  assert.equal(client.initializeResult.capabilities.diagnosticProvider, undefined);
  // A client that can pull but does not ask is pushed to, as VS Code's client is.
  const pusher = await startServer(t, { capabilities: PULL });
  assert.equal(pusher.initializeResult.capabilities.diagnosticProvider, undefined);
  client.openDocument(envUri, 'dotenv', envText, 1);
  const env = await client.waitForDiagnostics(envUri, 1);
  assert.ok(env.diagnostics.some((d: any) => d.code === 'port-invalid'));
  client.openDocument(jsUri, 'javascript', jsText, 1);
  await client.waitForNotification(
    'textDocument/publishDiagnostics',
    (p) => p.uri === envUri && p.diagnostics.some((d: any) => d.code === 'database-case-conflict'),
  );
  assert.equal(refreshes(client), 0);
  assert.equal(await client.shutdown(), 0);
});
