/** dropConnections and killOp through the spawned server: diagnostics and hovers in a playground file. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { positionOf } from '../helpers/lspClient';
import { startServer } from '../helpers/server';

const uri = 'file:///p/admin.mongodb.js';
const text = [
  'use("admin");',
  'db.adminCommand({',
  '  dropConnections: 1,',
  '  hostAndPort: ["shard0.example.net:27018", "shard1.example.net"],',
  '  comment: "rotate pool"',
  '});',
  'db.adminCommand({ killOp: 1 });',
  '',
].join('\n');

test('admin commands: diagnostics and hovers over LSP', async (t) => {
  const client = await startServer(t, { capabilities: { textDocument: { hover: { contentFormat: ['markdown'] } } } });
  client.openDocument(uri, 'javascript', text, 1);
  const { diagnostics } = await client.waitForDiagnostics(uri, 1);
  const codes = diagnostics.map((d: any) => d.code);
  const noPort = diagnostics.find((d: any) => d.code === 'admin-host-without-port');
  assert.ok(noPort, `admin-host-without-port expected, got ${JSON.stringify(codes)}`);
  assert.equal(noPort.severity, 2);
  assert.deepEqual(noPort.range.start, positionOf(text, 'shard1.example.net'));
  const missingOp = diagnostics.find((d: any) => d.code === 'admin-killop-missing-op');
  assert.ok(missingOp, `admin-killop-missing-op expected, got ${JSON.stringify(codes)}`);
  assert.equal(missingOp.severity, 1);

  const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'dropConnections', 3) });
  assert.ok(hover, 'hover on dropConnections');
  assert.match(hover.contents.value, /admin/);
  assert.match(hover.contents.value, /dropConnections/);
  const hostHover = await client.request('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'hostAndPort', 2) });
  assert.match(hostHover.contents.value, /port/i);
  assert.equal(await client.shutdown(), 0);
});
