/**
 * Names and limits through the spawned server: a naming diagnostic, names differing only by case
 * across two open documents (published in both, withdrawn when one closes), settings read over
 * workspace/configuration, and the hover of a call with a limit.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type LspClient, positionOf } from '../helpers/lspClient';
import { waitUntil } from '../helpers/repo';
import { startServer } from '../helpers/server';

const envUri = 'file:///shop/.env';
const envText = '# shop\nMONGODB_URI=mongodb://db:27017/salesData\nMONGO_COLLECTION=system.cache\n';
const jsUri = 'file:///shop/src/report.js';
const jsText = 'const client = new MongoClient(process.env.MONGODB_URI);\nconst sales = client.db("SalesData");\n';

const conflicts = (p: { diagnostics: any[] }) => p.diagnostics.filter((d) => d.code === 'database-case-conflict');

/** The latest diagnostics published for a document. */
function latest(client: LspClient, uri: string): { diagnostics: any[] } | undefined {
  return client
    .notificationsOf('textDocument/publishDiagnostics')
    .filter((p) => p.uri === uri)
    .pop();
}

test('naming diagnostics, and case conflicts across open documents', async (t) => {
  const client = await startServer(t);
  client.openDocument(envUri, 'dotenv', envText, 1);
  const env = await client.waitForDiagnostics(envUri, 1);
  const reserved = env.diagnostics.find((d: any) => d.code === 'collection-name-reserved');
  assert.ok(reserved, `collection-name-reserved expected, got ${JSON.stringify(env.diagnostics.map((d: any) => d.code))}`);
  assert.equal(reserved.severity, 1);
  assert.deepEqual(reserved.range, { start: positionOf(envText, 'system.'), end: positionOf(envText, 'system.', 7) });
  assert.match(reserved.codeDescription.href, /limits/);
  assert.deepEqual(conflicts(env), [], 'no conflict while only one document is open');

  client.openDocument(jsUri, 'javascript', jsText, 1);
  const js = await client.waitForDiagnostics(jsUri, 1);
  const [inJs] = conflicts(js);
  assert.ok(inJs, 'a conflict in the document opened second');
  assert.equal(inJs.severity, 2);
  assert.deepEqual(inJs.range.start, positionOf(jsText, 'SalesData'));
  assert.match(inJs.message, /"salesData" in \.env/);
  // The document opened first is published again with the conflict.
  const inEnv = await waitUntil(() => conflicts(latest(client, envUri)!)[0], 'the conflict in .env');
  assert.deepEqual(inEnv.range.start, positionOf(envText, 'salesData'));
  assert.match(inEnv.message, /"SalesData" in report\.js/);

  // Closing one withdraws the conflict from the other.
  client.notify('textDocument/didClose', { textDocument: { uri: jsUri } });
  await waitUntil(() => conflicts(latest(client, envUri)!).length === 0, 'the conflict withdrawn from .env');
  assert.equal(await client.shutdown(), 0);
});

test('settings: serverPlatform and the Atlas tier are read from workspace/configuration', async (t) => {
  const client = await startServer(t, { settings: { serverPlatform: 'windows', atlas: { tier: 'M10', clientInstances: 20 } } });
  const uri = 'file:///shop/config/.env.production';
  const text = 'MONGODB_URI=mongodb+srv://api:${MONGO_PASSWORD}@shop.ab1cd.mongodb.net/shop\nMONGO_DB=reports:2024\n';
  client.openDocument(uri, 'dotenv', text, 1);
  const { diagnostics } = await client.waitForDiagnostics(uri, 1);
  const windows = diagnostics.find((d: any) => d.code === 'database-name-windows-char');
  assert.equal(windows?.severity, 1, 'an error on Windows servers');
  const pool = diagnostics.find((d: any) => d.code === 'atlas-connections-exceed-tier');
  assert.ok(pool, `atlas-connections-exceed-tier expected, got ${JSON.stringify(diagnostics.map((d: any) => d.code))}`);
  assert.match(pool.message, /20 application instances, up to 2000 connections/);
  assert.equal(await client.shutdown(), 0);
});

test('hover on createIndex shows the index limits', async (t) => {
  const client = await startServer(t, { capabilities: { textDocument: { hover: { contentFormat: ['markdown'] } } } });
  const uri = 'file:///shop/indexes.mongodb.js';
  const text = 'use("shop");\ndb.orders.createIndex({ customerId: 1, createdAt: -1 });\n';
  client.openDocument(uri, 'javascript', text, 1);
  await client.waitForDiagnostics(uri, 1);
  const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'createIndex', 3) });
  assert.ok(hover, 'a hover');
  assert.equal(hover.contents.kind, 'markdown');
  assert.match(hover.contents.value, /at most 32 fields/);
  assert.match(hover.contents.value, /at most 64 indexes/);
  assert.deepEqual(hover.range, { start: positionOf(text, 'createIndex'), end: positionOf(text, 'createIndex', 11) });
  assert.equal(await client.shutdown(), 0);
});
