/** Over LSP: mongodbUri/explainConnectionString explains the string under the cursor, password masked; null elsewhere. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startServer } from '../helpers/server';

test('explainConnectionString: the explanation of the string under the cursor, null elsewhere', async (t) => {
  const client = await startServer(t);
  const uri = 'file:///explain/app/.env';
  const password = 'Zq9xSecr3tPw';
  const text = `OTHER=1\nMONGODB_URI=mongodb+srv://app:${password}@cluster0.example.com/shop?srvMaxHosts=2&w=majority\n`;
  client.openDocument(uri, 'dotenv', text, 1);
  await client.waitForDiagnostics(uri, 1);
  const e = await client.request('mongodbUri/explainConnectionString', { textDocument: { uri }, position: { line: 1, character: 20 } });
  assert.ok(e, 'an explanation');
  assert.equal(e.scheme, 'mongodb+srv');
  assert.deepEqual(e.hosts, [{ host: 'cluster0.example.com', port: null, type: 'hostname' }]);
  assert.deepEqual([e.username, e.password, e.authSource, e.authSourceReason], ['app', '****', 'shop', 'database']);
  assert.deepEqual(e.effectiveOptions.find((o: { name: string }) => o.name === 'tls'), { name: 'tls', value: 'true', source: 'implied', note: 'mongodb+srv turns TLS on.' });
  assert.equal(e.profile.profile, 'spec');
  assert.match(e.account.find((a: { topic: string }) => a.topic === 'topology').text, /srvMaxHosts=2/);
  assert.ok(!JSON.stringify(e).includes(password), 'no password in the answer');
  assert.equal(await client.request('mongodbUri/explainConnectionString', { textDocument: { uri }, position: { line: 0, character: 3 } }), null);
  assert.equal(await client.shutdown(), 0);
});
