/**
 * No network unless asked: the server runs every LSP suite with DNS and sockets forbidden (a preload
 * that ends the process on any use); the SRV look-up is refused while mongodbUri.allowNetwork is off,
 * and with it on answers from (fake) DNS. Passwords stay out of what the server says.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { FAKE_DNS_PRELOAD, NO_NETWORK_PRELOAD } from '../helpers/lspClient';
import { startServer } from '../helpers/server';

const uri = 'file:///project/.env';
const text = [
  'ATLAS_URI=mongodb+srv://app:s3cretPw@cluster0.abcde.mongodb.net/shop?retryWrites=true',
  'EVIL_URI=mongodb+srv://app:s3cretPw@evil.example.com/shop',
  'LOCAL_URI=mongodb://app:s3cretPw@localhost:27017/shop',
  '',
].join('\n');
const at = (line: number) => ({ textDocument: { uri }, position: { line, character: 40 } });

test('the preload that forbids the network ends a process that uses it', () => {
  for (const code of ["require('dns').lookup('example.com', () => {})", "require('net').connect(27017, 'localhost')", "require('dns').promises.resolveSrv('_mongodb._tcp.x.net')"]) {
    const r = spawnSync(process.execPath, ['--require', NO_NETWORK_PRELOAD, '-e', code], { encoding: 'utf8' });
    assert.equal(r.status, 70, code);
    assert.match(r.stderr, /NETWORK ACCESS/);
  }
});

test('resolving SRV records is refused while mongodbUri.allowNetwork is off, without a DNS look-up', async (t) => {
  const client = await startServer(t);
  client.openDocument(uri, 'dotenv', text, 1);
  await client.waitForDiagnostics(uri, 1);
  const answer = await client.requestRaw('mongodbUri/resolveSrv', at(0));
  assert.equal(answer.error?.code, -32803, 'RequestFailed');
  assert.match(answer.error!.message, /mongodbUri\.allowNetwork/);
  assert.equal(await client.shutdown(), 0, 'no DNS look-up ended the server');
  assert.doesNotMatch(client.stderr, /NETWORK ACCESS/);
});

test('with mongodbUri.allowNetwork on, the command resolves SRV and TXT records and checks them', async (t) => {
  const client = await startServer(t, {
    allowNetwork: true,
    nodeArgs: ['--require', FAKE_DNS_PRELOAD],
    initializationOptions: { mongodbUri: { allowNetwork: true } },
  });
  client.openDocument(uri, 'dotenv', text, 1);
  await client.waitForDiagnostics(uri, 1);

  const atlas = await client.request('mongodbUri/resolveSrv', at(0));
  assert.equal(atlas.query, '_mongodb._tcp.cluster0.abcde.mongodb.net');
  assert.deepEqual(atlas.hosts.map((h: any) => `${h.host}:${h.port}`), ['cluster0-shard-00-00.abcde.mongodb.net:27017', 'cluster0-shard-00-01.abcde.mongodb.net:27017']);
  assert.equal(atlas.txtOptions, 'authSource=admin&replicaSet=atlas-xyz-shard-0');
  assert.deepEqual(atlas.problems, []);

  const evil = await client.request('mongodbUri/resolveSrv', at(1));
  assert.equal(evil.problems.length, 2, JSON.stringify(evil.problems));

  const local = await client.requestRaw('mongodbUri/resolveSrv', at(2));
  assert.match(local.error?.message ?? '', /Only a mongodb\+srv/);
  const nowhere = await client.requestRaw('mongodbUri/resolveSrv', { textDocument: { uri }, position: { line: 3, character: 0 } });
  assert.match(nowhere.error?.message ?? '', /not in a MongoDB connection string/);

  assert.equal(await client.shutdown(), 0);
  assert.equal(client.stderr.match(/FAKE DNS: SRV/g)?.length, 2, 'one SRV look-up per command');
  const said = JSON.stringify([client.notifications, atlas, evil, local, nowhere]);
  assert.ok(!said.includes('s3cretPw'), 'the password is never sent back');
});
