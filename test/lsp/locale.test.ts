/**
 * The language of the server's messages: the locale the client passes in initializationOptions (VS Code's
 * vscode.env.language), else LSP's own InitializeParams.locale, else English. Under the pseudo-locale
 * (qps-ploc) diagnostics, the notice of a skipped file and the error of a refused request all read
 * pseudo-translated.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LspClient } from '../helpers/lspClient';
import { startServer } from '../helpers/server';

const short = 'file:///x/.env';
const big = 'file:///x/big.env';
const SHORT_TEXT = 'U=mongodb://h:70000\n';

function pseudo(text: string): boolean {
  return text.startsWith('⟦') && text.endsWith('⟧') && !/[A-Za-z]{3,}/.test(text.replace(/⟦[^⟦⟧]*⟧/g, '').replace(/[⟦⟧]/g, ''));
}

test('locale qps-ploc in initializationOptions: diagnostics, a skip notice and a refused request read pseudo-translated', async (t) => {
  const client = await startServer(t, { initializationOptions: { readFiles: true, locale: 'qps-ploc', mongodbUri: { maxFileSize: 40 } } });
  client.openDocument(short, 'dotenv', SHORT_TEXT, 1);
  const published = await client.waitForDiagnostics(short, 1);
  const port = published.diagnostics.find((d: any) => d.code === 'port-invalid');
  assert.equal(port?.message, '⟦Ṗöŗţ 70000 ïš öûţ öƒ ŗåñĝé (1–65535).⟧');

  client.openDocument(big, 'dotenv', `${SHORT_TEXT}# ${'x'.repeat(60)}\n`, 1);
  const notice = await client.waitForNotification('window/showMessage');
  assert.match(notice.message, /^⟦big\.env: ⟦Ƒïļé ñöţ çĥéçķéð: .* \(40 ƀýţéš\)\.⟧⟧$/);

  const refused = await client.requestRaw('mongodbUri/resolveSrv', { textDocument: { uri: short }, position: { line: 0, character: 3 } });
  assert.equal(refused.error?.code, -32803, 'RequestFailed');
  assert.ok(pseudo(refused.error!.message), refused.error!.message);
  assert.equal(await client.shutdown(), 0);
});

test('a client that only sends LSP InitializeParams.locale gets its language; initializationOptions.locale wins over it', async (t) => {
  for (const [initializationOptions, expected] of [
    [undefined, '⟦Ṗöŗţ 70000 ïš öûţ öƒ ŗåñĝé (1–65535).⟧'],
    [{ locale: 'en' }, 'Port 70000 is out of range (1–65535).'],
  ] as const) {
    const client = LspClient.start();
    t.after(() => client.kill());
    await client.request('initialize', { processId: process.pid, rootUri: null, capabilities: {}, locale: 'qps-ploc', initializationOptions });
    client.notify('initialized', {});
    client.openDocument(short, 'dotenv', SHORT_TEXT, 1);
    const published = await client.waitForDiagnostics(short, 1);
    assert.equal(published.diagnostics.find((d: any) => d.code === 'port-invalid')?.message, expected);
    assert.equal(await client.shutdown(), 0);
  }
});

test('without a locale, and for a locale without a catalogue, the messages are English', async (t) => {
  for (const initializationOptions of [undefined, { locale: 'de' }]) {
    const client = await startServer(t, { initializationOptions });
    client.openDocument(short, 'dotenv', SHORT_TEXT, 1);
    const published = await client.waitForDiagnostics(short, 1);
    assert.equal(published.diagnostics.find((d: any) => d.code === 'port-invalid')?.message, 'Port 70000 is out of range (1–65535).');
    assert.equal(await client.shutdown(), 0);
  }
});
