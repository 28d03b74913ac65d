/**
 * The requests behind the explain panel and the SRV rewrite, over LSP with the built server: the form of
 * the string at a position (no password in it), the form written back (an edit escaped for the file and
 * the new string checked, password masked), the seed list of a mongodb+srv string from (fake) DNS only
 * with allowNetwork, the rewrite actions (disabled with the reason when DNS is off; the way back only as
 * information), the DNS answer in the explanation, and the hover link for a client that asks for it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FAKE_DNS_PRELOAD } from '../helpers/lspClient';
import { startServer } from '../helpers/server';

const uri = 'file:///project/config.yaml';
const text = [
  'database:',
  '  uri: "mongodb://app:s3cretPw@db1.example.net:27017,db2.example.net:27017/shop?replicaSet=rs0"',
  '  atlas: mongodb+srv://app:s3cretPw@cluster0.abcde.mongodb.net/shop?retryWrites=true&srvMaxHosts=0',
  '',
].join('\n');
const at = (line: number, character = 14) => ({ textDocument: { uri }, position: { line, character } });

function applyEdit(source: string, edit: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }): string {
  const lines = source.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return source.slice(0, offset(edit.range.start)) + edit.newText + source.slice(offset(edit.range.end));
}

test('the form of a string, written back with a new password and option: an edit escaped for YAML, checked, no secret in any answer', async (t) => {
  const client = await startServer(t);
  client.openDocument(uri, 'yaml', text, 1);
  await client.waitForDiagnostics(uri, 1);
  const form = await client.request('mongodbUri/connectionForm', at(1));
  assert.deepEqual(form.hosts, [{ host: 'db1.example.net', port: '27017' }, { host: 'db2.example.net', port: '27017' }]);
  assert.equal(form.hasPassword, true);
  assert.doesNotMatch(JSON.stringify(form), /s3cretPw/);

  const input = { ...form, password: 'new"pass@word', options: [...form.options, { name: 'directConnection', value: 'true' }] };
  const written = await client.request('mongodbUri/writeConnectionForm', { ...at(1), form: input });
  assert.equal(written.version, 1);
  assert.doesNotMatch(written.redacted, /new|pass@word/);
  assert.ok(written.problems.some((p: { ruleId: string }) => p.ruleId === 'direct-connection-conflict'), JSON.stringify(written.problems));
  const after = applyEdit(text, written.edit);
  assert.equal(after.split('\n')[1], '  uri: "mongodb://app:new%22pass%40word@db1.example.net:27017,db2.example.net:27017/shop?replicaSet=rs0&directConnection=true"');
  assert.equal(after.split('\n')[2], text.split('\n')[2]);

  const bad = await client.requestRaw('mongodbUri/writeConnectionForm', { ...at(1), form: { hosts: 'x' } });
  assert.equal(bad.error?.code, -32602, 'InvalidParams');
  const outside = await client.request('mongodbUri/connectionForm', at(0, 2));
  assert.equal(outside, null);
});

test('rewrite actions: the seed list is disabled while allowNetwork is off; the way back is information only', async (t) => {
  const client = await startServer(t);
  client.openDocument(uri, 'yaml', text, 1);
  await client.waitForDiagnostics(uri, 1);
  const actionsAt = (line: number) => client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: at(line).position, end: at(line).position }, context: { diagnostics: [], only: ['refactor'] } });
  const srv = await actionsAt(2);
  assert.equal(srv.length, 1);
  assert.match(srv[0].title, /seed list.*cluster0\.abcde\.mongodb\.net/);
  assert.match(srv[0].disabled?.reason ?? '', /mongodbUri\.allowNetwork/);
  const seeds = await actionsAt(1);
  assert.equal(seeds.length, 1);
  assert.match(seeds[0].title, /mongodb\+srv:\/\/example\.net/);
  assert.match(seeds[0].disabled?.reason ?? '', /_mongodb\._tcp\.example\.net/);
  assert.equal(seeds[0].edit, undefined, 'no edit: only information');
  const refused = await client.requestRaw('mongodbUri/srvToSeedList', at(2));
  assert.match(refused.error?.message ?? '', /allowNetwork/);
  const quickFixesOnly = await client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: at(2).position, end: at(2).position }, context: { diagnostics: [], only: ['quickfix'] } });
  assert.ok(!quickFixesOnly.some((a: { kind: string }) => a.kind === 'refactor.rewrite'));
  assert.equal(await client.shutdown(), 0);
  assert.doesNotMatch(client.stderr, /FAKE DNS|NETWORK ACCESS/);
});

test('with allowNetwork, the seed list from SRV and TXT records, and the DNS answer in the explanation', async (t) => {
  const client = await startServer(t, { allowNetwork: true, nodeArgs: ['--require', FAKE_DNS_PRELOAD], initializationOptions: { mongodbUri: { allowNetwork: true } } });
  client.openDocument(uri, 'yaml', text, 1);
  await client.waitForDiagnostics(uri, 1);
  const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: at(2).position, end: at(2).position }, context: { diagnostics: [], only: ['refactor.rewrite'] } });
  assert.equal(actions.length, 1);
  assert.equal(actions[0].disabled, undefined);
  assert.equal(actions[0].command.command, 'mongodbUri.srvToSeedList');
  const answer = await client.request('mongodbUri/srvToSeedList', { textDocument: { uri }, position: actions[0].command.arguments[1] });
  assert.equal(answer.hosts, 2);
  assert.equal(
    applyEdit(text, answer.edit).split('\n')[2],
    '  atlas: mongodb://app:s3cretPw@cluster0-shard-00-00.abcde.mongodb.net:27017,cluster0-shard-00-01.abcde.mongodb.net:27017/shop?retryWrites=true&authSource=admin&replicaSet=atlas-xyz-shard-0&tls=true',
  );
  const explanation = await client.request('mongodbUri/explainConnectionString', at(2));
  assert.deepEqual(explanation.srv.hosts.map((h: { host: string }) => h.host), ['cluster0-shard-00-00.abcde.mongodb.net', 'cluster0-shard-00-01.abcde.mongodb.net']);
  assert.equal(explanation.dnsNote, null);
  assert.ok(explanation.effectiveOptions.some((o: { name: string; source: string }) => o.name === 'replicaSet' && o.source === 'txt'));
  assert.doesNotMatch(JSON.stringify(explanation), /s3cretPw/);
});

test('the hover of a connection string links to the explain panel only for a client that asks for it', async (t) => {
  for (const explainLink of [true, false]) {
    const client = await startServer(t, { initializationOptions: { explainLink } });
    client.openDocument(uri, 'yaml', text, 1);
    await client.waitForDiagnostics(uri, 1);
    const hover = await client.request('textDocument/hover', at(1, 40));
    assert.ok(hover, 'a hover over the host');
    const link = /\(command:mongodbUri\.explain\?([^)]+)\)/.exec(hover.contents.value);
    if (!explainLink) {
      assert.equal(link, null);
      continue;
    }
    assert.ok(link, hover.contents.value);
    assert.deepEqual(JSON.parse(decodeURIComponent(link[1])), [{ uri, position: { line: 1, character: 40 } }]);
    const notAString = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 2 } });
    assert.ok(!notAString || !/command:/.test(notAString.contents.value));
  }
});
