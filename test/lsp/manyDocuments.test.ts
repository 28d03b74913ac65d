/**
 * Many open documents through the spawned server: every document is published about once, however
 * many share a database name; names that differ only by case are reported in both documents, and
 * closing one withdraws the clash from the other. Work is counted (publications), never timed.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LspClient } from '../helpers/lspClient';
import { waitUntil } from '../helpers/repo';
import { startServer } from '../helpers/server';

const N = 300;
/** Documents 0..2P-1 come in pairs that write one database name in two cases. */
const PAIRS = 15;

const uriOf = (i: number) => `file:///many/service-${i}/.env`;

function textOf(i: number): string {
  // Every document writes `shop`; a pair writes `orders<k>` and `Orders<k>`; the others a name of their own.
  const own = i < 2 * PAIRS ? (i % 2 === 0 ? `orders${i / 2}` : `Orders${(i - 1) / 2}`) : `service${i}`;
  return `# service ${i}\nMONGODB_URI=mongodb://db-${i}:27017/shop\nMONGO_DB=${own}\n`;
}

const conflicts = (p: { diagnostics: any[] }) => p.diagnostics.filter((d) => d.code === 'database-case-conflict');

function publications(client: LspClient): any[] {
  return client.notificationsOf('textDocument/publishDiagnostics');
}

function latest(client: LspClient): Map<string, any> {
  const byUri = new Map<string, any>();
  for (const p of publications(client)) byUri.set(p.uri, p);
  return byUri;
}

test(`${N} open documents are published about ${N} times, clashes in both documents of a pair`, async (t) => {
  const client = await startServer(t);
  for (let i = 0; i < N; i++) client.openDocument(uriOf(i), 'dotenv', textOf(i), 1);

  // Every document has diagnostics of its version, and each document of a pair its clash.
  await waitUntil(
    () => {
      const last = latest(client);
      for (let i = 0; i < N; i++) {
        const p = last.get(uriOf(i));
        if (p?.version !== 1 || conflicts(p).length !== (i < 2 * PAIRS ? 1 : 0)) return false;
      }
      return true;
    },
    'every document published with its clashes',
    60_000,
  );
  const last = latest(client);
  const [inFirst] = conflicts(last.get(uriOf(0)));
  assert.match(inFirst.message, /"orders0" differs only by case from "Orders0" in \.env/);
  assert.deepEqual(inFirst.data.otherDocuments, ['.env']);
  assert.equal(conflicts(last.get(uriOf(1)))[0].range.start.line, 2);

  // Close the second document of the first pair: the first is published again, without the clash.
  client.notify('textDocument/didClose', { textDocument: { uri: uriOf(1) } });
  await waitUntil(() => conflicts(latest(client).get(uriOf(0))).length === 0, 'the clash withdrawn from the first document');

  const all = publications(client);
  // Each document once; the first of each pair again when its partner opened; two for the close.
  assert.ok(all.length <= 1.1 * N, `${all.length} publications for ${N} documents`);
  for (let i = 2 * PAIRS; i < N; i++) {
    assert.equal(all.filter((p) => p.uri === uriOf(i)).length, 1, `${uriOf(i)} shares only "shop", in one spelling: published once`);
  }
  assert.equal(await client.shutdown(), 0);
});

test(`${N} documents opened at once, one name written in another case by documents among them: each is published once`, async (t) => {
  const client = await startServer(t);
  // Every document writes `shop`; every 30th writes `Shop`, so each clashes with most of the others.
  const text = (i: number) => `MONGODB_URI=mongodb://db-${i}:27017/${i % 30 === 29 ? 'Shop' : 'shop'}\n`;
  for (let i = 0; i < N; i++) client.openDocument(uriOf(i), 'dotenv', text(i), 1);
  await waitUntil(
    () => {
      const last = latest(client);
      for (let i = 0; i < N; i++) if (last.get(uriOf(i))?.version !== 1 || conflicts(last.get(uriOf(i))).length !== 1) return false;
      return true;
    },
    'every document published with its clash',
    60_000,
  );
  const all = publications(client);
  assert.ok(all.length <= 1.1 * N, `${all.length} publications for ${N} documents`);
  assert.equal(await client.shutdown(), 0);
});
