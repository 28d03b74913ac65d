/** Over LSP: a problem of a connection string composed in a .env file points at the defining line. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startServer } from '../helpers/server';

test('relatedInformation points at the variable\'s definition in the same file', async (t) => {
  const client = await startServer(t);
  const uri = 'file:///composed/app/.env';
  client.openDocument(uri, 'dotenv', 'DB_PORT=70000\nMONGODB_URI=mongodb://db.example.com:${DB_PORT}/shop?tls=true\n', 1);
  const { diagnostics } = await client.waitForDiagnostics(uri, 1);
  const port = diagnostics.find((d: any) => d.code === 'port-invalid');
  assert.ok(port, JSON.stringify(diagnostics));
  assert.deepEqual(port.range, { start: { line: 1, character: 37 }, end: { line: 1, character: 47 } });
  assert.deepEqual(port.relatedInformation, [{ location: { uri, range: { start: { line: 0, character: 8 }, end: { line: 0, character: 13 } } }, message: 'DB_PORT is defined here' }]);
});
