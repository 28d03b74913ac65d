import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ResponseErrorFromServer } from '../helpers/lspClient';
import { startServer } from '../helpers/server';

const uri = 'file:///project/.env';
const text = 'MONGODB_URI=mongodb://admin:s3cretPass@localhost:70000/app\n';

test('malformed and unknown requests are answered with errors; the server keeps serving', async (t) => {
  const client = await startServer(t);

  const garbage = await client.requestRaw('textDocument/hover', 'garbage');
  assert.equal(garbage.error?.code, -32602, 'InvalidParams');
  const noPosition = await client.requestRaw('textDocument/completion', { textDocument: { uri } });
  assert.equal(noPosition.error?.code, -32602, 'InvalidParams');
  const unknown = await client.requestRaw('mongodbUri/noSuchMethod', {});
  assert.equal(unknown.error?.code, -32601, 'MethodNotFound');
  client.notify('textDocument/didOpen', { nonsense: true });
  client.notify('textDocument/didChange', null);

  // Still alive and serving.
  client.openDocument(uri, 'dotenv', text, 1);
  const published = await client.waitForDiagnostics(uri, 1);
  assert.ok(published.diagnostics.some((d: any) => d.code === 'port-invalid'));
  const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 20 } });
  assert.ok(hover === null || typeof hover === 'object');
  await assert.rejects(client.request('mongodbUri/noSuchMethod', {}), ResponseErrorFromServer);

  assert.equal(await client.shutdown(), 0);
  assert.deepEqual(client.protocolErrors, []);
});

test('requests for documents that are not open answer empty', async (t) => {
  const client = await startServer(t);
  const position = { line: 0, character: 0 };
  const unknownDoc = { uri: 'file:///not/open.env' };
  assert.equal(await client.request('textDocument/hover', { textDocument: unknownDoc, position }), null);
  assert.deepEqual((await client.request('textDocument/completion', { textDocument: unknownDoc, position })).items, []);
  const range = { start: position, end: position };
  assert.deepEqual(await client.request('textDocument/codeAction', { textDocument: unknownDoc, range, context: { diagnostics: [] } }), []);
  assert.equal(await client.shutdown(), 0);
});

test('passwords never reach the logs', async (t) => {
  const client = await startServer(t);
  client.openDocument(uri, 'dotenv', text, 1);
  await client.waitForDiagnostics(uri, 1);
  await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 30 } });
  await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 58 } });
  assert.equal(await client.shutdown(), 0);

  const logged = [
    client.stderr,
    ...client.notificationsOf('window/logMessage').map((p) => p.message),
    ...client.notificationsOf('window/showMessage').map((p) => p.message),
  ].join('\n');
  assert.ok(!logged.includes('s3cretPass'), 'the password is not logged');
});
