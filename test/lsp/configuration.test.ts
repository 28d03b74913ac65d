import assert from 'node:assert/strict';
import { test } from 'node:test';
import { waitUntil } from '../helpers/repo';
import { startServer } from '../helpers/server';

const uri = 'file:///project/.env';
const text = 'MONGODB_URI=mongodb://localhost:70000/app\n';

const hasPortProblem = (p: { diagnostics: any[] }): boolean => p.diagnostics.some((d) => d.code === 'port-invalid');

test('the server reads settings with workspace/configuration and re-checks on didChangeConfiguration', async (t) => {
  let settings: unknown = {};
  const client = await startServer(t, {
    settings: () => settings,
    capabilities: { workspace: { didChangeConfiguration: { dynamicRegistration: true } } },
  });
  client.openDocument(uri, 'dotenv', text, 1);
  assert.ok(hasPortProblem(await client.waitForDiagnostics(uri, 1)));

  const request = client.serverRequests.find((r) => r.method === 'workspace/configuration');
  assert.ok(request, 'the server asked for the settings');
  assert.deepEqual(request.params.items, [{ scopeUri: uri, section: 'mongodbUri' }]);
  await waitUntil(
    () => client.serverRequests.find((r) => r.method === 'client/registerCapability'),
    'registration of didChangeConfiguration',
  );

  settings = { rules: { 'port-invalid': 'off' } };
  const publishedBefore = client.notificationsOf('textDocument/publishDiagnostics').length;
  client.notify('workspace/didChangeConfiguration', { settings: null });
  await waitUntil(
    () => client.notificationsOf('textDocument/publishDiagnostics').slice(publishedBefore).find((p) => p.uri === uri),
    'diagnostics after the configuration change',
  );
  const latest = client.notificationsOf('textDocument/publishDiagnostics').filter((p) => p.uri === uri).pop();
  assert.equal(hasPortProblem(latest), false, 'port-invalid is off');
  assert.equal(await client.shutdown(), 0);
});

test('bad setting values fall back to the defaults', async (t) => {
  const client = await startServer(t, { settings: { enable: 'yes', driver: 'java', rules: { 'port-invalid': 'loud' }, maxFileSize: 'big' } });
  client.openDocument(uri, 'dotenv', text, 1);
  const published = await client.waitForDiagnostics(uri, 1);
  assert.equal(published.diagnostics.find((d: any) => d.code === 'port-invalid')?.severity, 1);
  assert.equal(await client.shutdown(), 0);
});

test('a rule set to warning is published as a warning', async (t) => {
  const client = await startServer(t, { settings: { rules: { 'port-invalid': 'warning' } } });
  client.openDocument(uri, 'dotenv', text, 1);
  const published = await client.waitForDiagnostics(uri, 1);
  assert.equal(published.diagnostics.find((d: any) => d.code === 'port-invalid')?.severity, 2);
  assert.equal(await client.shutdown(), 0);
});

test('enable: false publishes no diagnostics and shows no message', async (t) => {
  const client = await startServer(t, { settings: { enable: false } });
  client.openDocument(uri, 'dotenv', text, 1);
  assert.deepEqual((await client.waitForDiagnostics(uri, 1)).diagnostics, []);
  assert.deepEqual(client.notificationsOf('window/showMessage'), []);
  assert.equal(await client.shutdown(), 0);
});

test('a client without workspace/configuration gets the defaults, then pushed settings', async (t) => {
  const client = await startServer(t);
  client.openDocument(uri, 'dotenv', text, 1);
  assert.ok(hasPortProblem(await client.waitForDiagnostics(uri, 1)));
  assert.equal(client.serverRequests.filter((r) => r.method === 'workspace/configuration').length, 0);

  const publishedBefore = client.notificationsOf('textDocument/publishDiagnostics').length;
  client.notify('workspace/didChangeConfiguration', { settings: { mongodbUri: { rules: { 'port-invalid': 'off' } } } });
  const after = await waitUntil(
    () => client.notificationsOf('textDocument/publishDiagnostics').slice(publishedBefore).find((p) => p.uri === uri),
    'diagnostics after the pushed settings',
  );
  assert.equal(hasPortProblem(after), false);
  assert.equal(client.serverRequests.filter((r) => r.method === 'workspace/configuration').length, 0);
  assert.equal(await client.shutdown(), 0);
});

test('settings given as initializationOptions apply from the start', async (t) => {
  const client = await startServer(t, { initializationOptions: { mongodbUri: { rules: { 'port-invalid': 'hint' } } } });
  client.openDocument(uri, 'dotenv', text, 1);
  const published = await client.waitForDiagnostics(uri, 1);
  assert.equal(published.diagnostics.find((d: any) => d.code === 'port-invalid')?.severity, 4);
  assert.equal(await client.shutdown(), 0);
});

test('a file larger than maxFileSize gets one message and no diagnostics', async (t) => {
  const client = await startServer(t, { settings: { maxFileSize: 20 } });
  client.openDocument(uri, 'dotenv', text, 1);
  assert.deepEqual((await client.waitForDiagnostics(uri, 1)).diagnostics, []);
  const message = await client.waitForNotification('window/showMessage');
  assert.equal(message.type, 3, 'Info');
  assert.match(message.message, /\.env/);

  client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: `${text}# more\n` }] });
  assert.deepEqual((await client.waitForDiagnostics(uri, 2)).diagnostics, []);
  assert.equal(client.notificationsOf('window/showMessage').length, 1, 'one message per document');
  assert.equal(await client.shutdown(), 0);
});
