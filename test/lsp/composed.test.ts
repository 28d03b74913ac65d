/** Over LSP: a problem of a connection string composed in a .env file points at the defining line. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
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

test('a compose file is checked with the .env beside it: unsaved edits of the .env win, a closed one is read from disk again', async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'mongodb-uri-compose-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const envFile = path.join(dir, '.env');
  writeFileSync(envFile, 'MONGO_USER=app\nMONGO_PASSWORD=p@ss\n');
  const envUri = pathToFileURL(envFile).href;
  const composeUri = pathToFileURL(path.join(dir, 'compose.yaml')).href;
  const compose = [
    'services:',
    '  api:',
    '    image: node:20',
    '    environment:',
    '      MONGO_URL: mongodb://${MONGO_USER}:${MONGO_PASSWORD}@mongo:27017/shop?authSource=admin',
    '  mongo:',
    '    image: mongo:7',
    '',
  ].join('\n');
  const client = await startServer(t);
  const seen = new Set<unknown>();
  /** The next diagnostics of the compose file published after those already seen. */
  const next = async (): Promise<any[]> => {
    const p = await client.waitForNotification('textDocument/publishDiagnostics', (n) => n.uri === composeUri && !seen.has(n));
    seen.add(p);
    return p.diagnostics;
  };
  const unescaped = (ds: any[]) => ds.filter((d) => d.code === 'userinfo-unescaped');

  client.openDocument(composeUri, 'dockercompose', compose, 1);
  const first = unescaped(await next());
  assert.equal(first.length, 1, 'the @ in the password of the .env on disk');
  const password = compose.indexOf('${MONGO_PASSWORD}');
  assert.deepEqual(first[0].range, { start: { line: 4, character: password - compose.lastIndexOf('\n', password) - 1 }, end: { line: 4, character: password - compose.lastIndexOf('\n', password) - 1 + '${MONGO_PASSWORD}'.length } });
  assert.deepEqual(first[0].relatedInformation, [{ location: { uri: envUri, range: { start: { line: 1, character: 15 }, end: { line: 1, character: 19 } } }, message: 'MONGO_PASSWORD is defined here' }]);

  // The quick fix edits the .env.
  const actions = await client.request<any[]>('textDocument/codeAction', { textDocument: { uri: composeUri }, range: first[0].range, context: { diagnostics: first } });
  const fix = actions.find((a) => a.title.includes('MONGO_PASSWORD'));
  assert.ok(fix, JSON.stringify(actions));
  assert.deepEqual(fix.edit.changes, { [envUri]: [{ range: { start: { line: 1, character: 15 }, end: { line: 1, character: 19 } }, newText: 'p%40ss' }] });

  // The .env opened with the fix applied but not saved: its text wins over the disk.
  client.openDocument(envUri, 'dotenv', 'MONGO_USER=app\nMONGO_PASSWORD=p%40ss\n', 1);
  assert.deepEqual(unescaped(await next()), []);
  // Closed without saving: the disk again.
  client.notify('textDocument/didClose', { textDocument: { uri: envUri } });
  assert.equal(unescaped(await next()).length, 1);
  // Saved by another program: the watched-file change re-checks the compose file.
  writeFileSync(envFile, 'MONGO_USER=app\nMONGO_PASSWORD=s3cret\n');
  client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: envUri, type: 2 }] });
  assert.deepEqual(unescaped(await next()), []);
});

test('compose facts over LSP: localhost in a client container, with the fix to the service name', async (t) => {
  const client = await startServer(t);
  const uri = 'file:///facts/app/compose.yaml';
  const text = ['services:', '  app:', '    image: node:20', '    environment:', '      MONGODB_URI: mongodb://localhost:27017/shop', '  mongo:', '    image: mongo:7', ''].join('\n');
  client.openDocument(uri, 'dockercompose', text, 1);
  const { diagnostics } = await client.waitForDiagnostics(uri, 1);
  const local = diagnostics.find((d: any) => d.code === 'compose-localhost');
  assert.ok(local, JSON.stringify(diagnostics));
  assert.deepEqual(local.range, { start: { line: 4, character: 29 }, end: { line: 4, character: 38 } });
  assert.ok(local.relatedInformation?.length > 0, 'the MongoDB service as related information');
  const actions = await client.request<any[]>('textDocument/codeAction', { textDocument: { uri }, range: local.range, context: { diagnostics: [local] } });
  const edits = actions.flatMap((a) => a.edit?.changes?.[uri] ?? []);
  assert.ok(edits.some((e: any) => e.newText.startsWith('mongo')), JSON.stringify(actions));
});

test('Spring over LSP: application.yml composed from application.properties on disk, checked again when it changes', async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'mongodb-uri-spring-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const props = path.join(dir, 'application.properties');
  writeFileSync(props, 'mongo.port=70000\n');
  const ymlUri = pathToFileURL(path.join(dir, 'application.yml')).href;
  const client = await startServer(t);
  const seen = new Set<unknown>();
  const next = async (): Promise<any[]> => {
    const p = await client.waitForNotification('textDocument/publishDiagnostics', (n) => n.uri === ymlUri && !seen.has(n));
    seen.add(p);
    return p.diagnostics;
  };
  client.openDocument(ymlUri, 'yaml', 'spring:\n  data:\n    mongodb:\n      uri: mongodb://db.internal:${mongo.port}/shop?tls=true\n', 1);
  const first = (await next()).filter((d) => d.code === 'port-invalid');
  assert.equal(first.length, 1);
  assert.equal(first[0].relatedInformation[0].location.uri, pathToFileURL(props).href);
  writeFileSync(props, 'mongo.port=27017\n');
  client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(props).href, type: 2 }] });
  assert.deepEqual((await next()).filter((d) => d.code === 'port-invalid'), []);
});
