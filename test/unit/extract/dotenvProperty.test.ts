/**
 * .env extraction against values written in known ways: a value and a MongoDB key are written as a
 * `.env` file may write them (unquoted, '…', "…" with escapes and line continuations, `…`, `export`,
 * `=` or `:`, comments after), among filler lines that hold nothing; the extractor must return exactly
 * those values, with the offset of every character, the key, kind and syntax. The format, and how
 * values are written in it: dotenvWriting.ts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { extractValues } from '../../../server/src/service/extract';
import { documentText } from '../fuzz/arbitraries';
import { documentItems, entry, writeDocument } from './dotenvWriting';
import { describeAnyText, describeKnownValues } from './sourceWriting';

const extract = (doc: string) => extractValues(doc, 'dotenv', 'file:///.env');

describeKnownValues('.env', 'dotenv', { items: documentItems, entry, one: (e) => ({ entry: e }), write: writeDocument }, extract);

/** Pieces of .env files, well formed or not: keys, separators, quotes, escapes, continuations, comments. */
const DOTENV_PIECES = [
  'MONGODB_URI', 'MONGO_URL', 'mongo.uri', 'MONGO_DB', 'DB_NAME', 'DATABASE_URL', 'ORDERS_COLLECTION', 'ATLAS_CLUSTER_NAME', 'X', 'export ',
  '=', ' = ', ':', '"', "'", '`', '\\', '\\n', '\\"', '\\\n', '\\\r\n', '#', ' # ', '\n', '\r\n', '\r', ' ', '\t', 'mongodb://h:1/db', 'mongo',
  'mo', 'ngo', '${X}', '${X:-mongodb://d/x}', 'é', '\u{1F600}', '',
];
const dotenvText = fc.oneof(
  { weight: 3, arbitrary: fc.array(fc.constantFrom(...DOTENV_PIECES), { maxLength: 60 }).map((a) => a.join('')) },
  { weight: 1, arbitrary: documentText },
);

describeAnyText('.env', 'dotenv', dotenvText, extract, { sane: 1500, shifted: 1000 });

describe('.env extraction: keys and line continuations', () => {
  it('keeps keys that name something without mongo, and mongo joined by a line continuation', () => {
    const doc = 'ORDERS_COLLECTION=orders\nATLAS_CLUSTER_NAME=c0\nAPI_URL=https://x\nNOTE="mo\\\nngodb://h:1/x"\n';
    assert.deepEqual(
      extract(doc).map((v) => [v.kind, v.text]),
      [
        ['collection', 'orders'],
        ['atlas-cluster', 'c0'],
        ['uri', 'mongodb://h:1/x'],
      ],
    );
  });
});
