import assert from 'node:assert/strict';
import { test } from 'node:test';
import { positionOf } from '../helpers/lspClient';
import { startServer } from '../helpers/server';
import { ruleInfo } from '../../server/src/service/rules/ruleTable';

const uri = 'file:///project/.env';
const text = '# settings\nMONGODB_URI=mongodb://localhost:70000/app\nOTHER=1\n';

function portProblems(params: { diagnostics: any[] }): any[] {
  return params.diagnostics.filter((d) => d.code === 'port-invalid');
}

test('didOpen publishes a port-invalid error at the port, with the document version', async (t) => {
  const client = await startServer(t);
  client.openDocument(uri, 'dotenv', text, 7);

  const published = await client.waitForDiagnostics(uri, 7);
  const [diagnostic] = portProblems(published);
  assert.ok(diagnostic, 'a port-invalid diagnostic');
  assert.deepEqual(diagnostic.range, { start: positionOf(text, '70000'), end: positionOf(text, '70000', 5) });
  assert.deepEqual(diagnostic.range.start, { line: 1, character: 32 });
  assert.equal(diagnostic.severity, 1, 'Error');
  assert.equal(diagnostic.source, 'mongodb-uri');
  assert.match(diagnostic.message, /70000/);
  assert.equal(diagnostic.codeDescription.href, ruleInfo('port-invalid')!.docs, 'the link of its rule');
  assert.equal(diagnostic.data.ruleId, 'port-invalid');
  assert.equal(await client.shutdown(), 0);
});

test('incremental changes publish fresh diagnostics for the new version', async (t) => {
  const client = await startServer(t);
  client.openDocument(uri, 'dotenv', text, 1);
  assert.equal(portProblems(await client.waitForDiagnostics(uri, 1)).length, 1);

  // Fix the port: replace "70000" with "27017".
  const start = positionOf(text, '70000');
  const end = positionOf(text, '70000', 5);
  client.notify('textDocument/didChange', {
    textDocument: { uri, version: 2 },
    contentChanges: [{ range: { start, end }, text: '27017' }],
  });
  assert.equal(portProblems(await client.waitForDiagnostics(uri, 2)).length, 0);

  // Break another port, typed in three quick edits: only the last version needs to be published.
  const otherLine = positionOf(text, 'OTHER=1').line;
  const edits = ['BACKUP_URI=mongodb://h:', '9', '99999'];
  let character = 0;
  edits.forEach((piece, i) => {
    const at = { line: otherLine + 1, character };
    client.notify('textDocument/didChange', {
      textDocument: { uri, version: 3 + i },
      contentChanges: [{ range: { start: at, end: at }, text: piece }],
    });
    character += piece.length;
  });
  const last = await client.waitForDiagnostics(uri, 5);
  const [diagnostic] = portProblems(last);
  assert.ok(diagnostic, 'the new port is reported');
  assert.deepEqual(diagnostic.range, {
    start: { line: otherLine + 1, character: 'BACKUP_URI=mongodb://h:'.length },
    end: { line: otherLine + 1, character: 'BACKUP_URI=mongodb://h:999999'.length },
  });
  assert.equal(await client.shutdown(), 0);
});

test('closing a document clears its diagnostics', async (t) => {
  const client = await startServer(t);
  client.openDocument(uri, 'dotenv', text, 1);
  assert.equal(portProblems(await client.waitForDiagnostics(uri, 1)).length, 1);
  client.notify('textDocument/didClose', { textDocument: { uri } });
  await client.waitForNotification(
    'textDocument/publishDiagnostics',
    (p) => p.uri === uri && p.version === undefined && p.diagnostics.length === 0,
  );
  assert.equal(await client.shutdown(), 0);
});

test('connection strings in other languages are checked too', async (t) => {
  const client = await startServer(t);
  const source = 'const uri = "mongodb://db.example.com:99999/app";\n';
  client.openDocument('file:///project/app.ts', 'typescript', source, 1);
  const [diagnostic] = portProblems(await client.waitForDiagnostics('file:///project/app.ts', 1));
  assert.ok(diagnostic);
  assert.deepEqual(diagnostic.range.start, positionOf(source, '99999'));
  assert.equal(await client.shutdown(), 0);
});
