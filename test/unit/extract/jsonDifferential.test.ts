/**
 * The JSON extractor against a reference copy of its first version, built on jsonc-parser's scanner
 * (jsonOracle.ts): on random JSON and JSONC documents, valid or broken, both find exactly the same
 * values, in the same order, with the same offsets, keys and syntaxes.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { createScanner } from 'jsonc-parser';
import { extractJson, jsoncStringValue } from '../../../server/src/service/extract/json';
import { checkProperty } from '../../helpers/fuzz';
import { documentText } from '../fuzz/arbitraries';
import { extractJsonOracle } from './jsonOracle';

/** Key texts as written between the quotes: words that classify, escapes, separators, broken escapes. */
const KEYS = [
  'MONGODB_URI', 'MONGO_URL', 'mongo', 'mongodb', 'uri', 'url', 'URL', 'DATABASE_URL', 'database', 'db', 'DatabaseName', 'collection',
  'CollectionName', 'name', 'ConnectionStrings', 'Connection_Strings', 'Mongo', 'MongoDB', 'MongoCatalog', 'ConnectionString', 'atlas',
  'clusterName', 'projectName', 'ATLAS_ORG_NAME', 'spring.data.mongodb.uri', 'Mongo:Uri', 'Mongo__Uri', 'a.', '.', '', 'x', 'description',
  'tags', 'item1', 'MONGO\\u005fURI', 'ur\\u006c', 'u\\ri', '\\"uri\\"', 'uri\\u00', 'uri\\u00zz', 'mongo\\/uri', 'db\\\\', '\\u0044B',
  'c\\bd', 'é', '\u{1F600}', 'mongo\tdb', 'Mongo\u0001Uri',
];

/** Value texts as written between the quotes. */
const VALUES = [
  '', 'mongodb://u:p@h:27017/db?w=1', 'mongodb+srv://c.abc.mongodb.net/app', 'mongodb:\\/\\/u:p\\u0040h:70000\\/db', '\\u006dongodb://h/db',
  'localhost:27017', 'mongo-1:27017', 'mongo://h:27017', 'shop', 'app_1', '${MONGO_URI:-mongodb://h/db}', '${X}', '${X:-}', '{{ .Values.uri }}',
  'mongosh mongodb://localhost:27017/test --eval x', 'see mongodb://a:1/b, mongodb+srv://c/d', 'postgres://u@h/db', 'https://example.com/x',
  'mongodb://', 'mongodb+srv://', 'MONGODB://H:1/D', 'a\\"b', '\\n\\t\\b\\f\\r', '\\uD83D\\uDE00', '\\x40', '\\u12', '\\u12zz', '\\q', '\\/',
  'é€\u{1F600}', '\uD800', '\u0000', 'mongodb://h:1/\\u0064b', 'mongodb://h/?appName=\\"x\\"', 'Mongo', 'Widget 1',
];

/** Text between tokens: whitespace, comments, numbers, literals and garbage. */
const TRIVIA = [
  '', '', '', ' ', ' ', '\n', '\n  ', '\r\n', '\r', '\t', ' // c mongodb://h:1/x\n', '//mongodb://a:1/b\r\n', '/* mongodb://u@h:1/db */',
  '/**/', '/*/ x */', '// c', '/ ', '-', '- 1', '-1.5e+3', '0.', '1e', 'true', 'null', 'false', 'tru', 'x', ':', '::', '\u00a0', '\f', '\u2028',
];

/** Pieces that break a document: stray brackets, quotes, escapes, unclosed comments. */
const NOISE = ['{', '}', '[', ']', ',', ':', '"', '\\', '\\"', '"\\', '\n', '\r', '/*', '*/', '//', '/', '"uri":', '"mongodb://h:1', '\\u00', '*'];

const trivia = fc.constantFrom(...TRIVIA);

/** A string token: pieces of text, closed by a quote, or left open by the end, a line break or a backslash. */
function stringToken(pieces: readonly string[]): fc.Arbitrary<string> {
  return fc
    .tuple(fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 3 }), fc.constantFrom('"', '"', '"', '"', '"', '"', '', '\n', '\\', '\\"'))
    .map(([parts, close]) => `"${parts.join('')}${close}`);
}

const keyToken = stringToken(KEYS);
const valueToken = stringToken(VALUES);
const separator = fc.constantFrom(',', ',', ',', ', ', ',\n  ', '', ',,', ' , // c\n', ',/* c */');

const { value } = fc.letrec<{ value: string; object: string; array: string }>((tie) => ({
  value: fc.oneof(
    { maxDepth: 6, depthIdentifier: 'json' },
    { weight: 5, arbitrary: valueToken },
    { weight: 1, arbitrary: fc.constantFrom('1', '-2.5', 'true', 'null', 'x', '') },
    { weight: 2, arbitrary: tie('object') },
    { weight: 2, arbitrary: tie('array') },
  ),
  object: fc
    .tuple(
      fc.array(fc.tuple(trivia, keyToken, trivia, fc.constantFrom(':', ':', ': ', '', '::'), trivia, tie('value'), separator), { maxLength: 5 }),
      trivia,
      fc.constantFrom('}', '}', '}', '', ']'),
    )
    .map(([entries, t, close]) => `{${entries.map((e) => e.join('')).join('')}${t}${close}`),
  array: fc
    .tuple(fc.array(fc.tuple(trivia, tie('value'), separator), { maxLength: 5 }), trivia, fc.constantFrom(']', ']', ']', '', '}'))
    .map(([items, t, close]) => `[${items.map((e) => e.join('')).join('')}${t}${close}`),
}));

/** A JSON or JSONC document, now and then broken: noise put in at random places, or cut short. */
const jsonText: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(fc.tuple(trivia, value), { minLength: 1, maxLength: 3 }),
    fc.array(fc.tuple(fc.nat(), fc.constantFrom(...NOISE)), { maxLength: 3 }),
    fc.option(fc.nat(), { freq: 4 }),
  )
  .map(([parts, noise, cut]) => {
    let doc = parts.map(([t, v]) => t + v).join('\n');
    for (const [at, piece] of noise) {
      const k = at % (doc.length + 1);
      doc = doc.slice(0, k) + piece + doc.slice(k);
    }
    return cut === null ? doc : doc.slice(0, cut % (doc.length + 1));
  });

/** Values far below their keys: more nested arrays and objects than the extractor looks up through. */
const deepText: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(keyToken, { minLength: 1, maxLength: 3 }),
    fc.array(fc.constantFrom('[', '[', '{', '{"a": ', '{"uri": ', '[{}, '), { minLength: 55, maxLength: 75 }),
    fc.array(fc.tuple(valueToken, fc.constantFrom(', ', ']', '}', '], ', '}, ')), { maxLength: 6 }),
  )
  .map(([keys, opens, values]) => `${keys.map((k) => `{${k}: `).join('')}${opens.join('')}${values.map((v) => v.join('')).join('')}`);

function assertSame(doc: string): void {
  assert.deepStrictEqual(extractJson(doc), extractJsonOracle(doc), JSON.stringify(doc));
}

/** Broken documents whose tokens end in odd places: the end of the text, a backslash, a line break. */
const EDGES = [
  '', '"', '"\\', '"ab\\"', '{"uri": "localhost\\"', '{"uri": "localhost', '{"uri": "localhost\\', '{"uri":"a\nb"}', '{"uri":"a\rb"}',
  '{"uri":"a\\\nb"}', '/*', '/', '//', '/*/', '/*mongodb://h:1/db', '// mongodb://h:1/db', '{"uri": "x" /* mongodb://a:1/b */}',
  '{"MONGO_URI": "x\\u"}', '{"MONGO\\u005fURI": "localhost:1"}', '{"MONGO\\u005URI": "localhost:1"}', '{"ur\\', '{"a": {"mongo": {"uri": "h"}}}',
  '{"ConnectionStrings": {"Mongo": "h:1", "Other": "mongodb://x"}}', '{"uri" "h", "uri": , "h2"}', '{,"uri": "h"}', '["a", "mongodb://h:1"]',
  '{"MONGO_URI": ' + '['.repeat(63) + '"h"', '{"MONGO_URI": ' + '['.repeat(64) + '"h"', '{"MONGO_URI": ' + '['.repeat(65) + '"h"',
  '{"DATABASE_URL": "postgres://h", "DATABASE_URL": "mongo://h", "DATABASE_URL": "mon\\u0067o://h"}', '{"url": "\\u006dongodb://h:1/db"}',
  '"mongodb://h:1"', '{"a": "mongodb://h:1"}]}]}"mongodb://x:2"', '{"uri": "mongodb://h:1"\r\n}', '{"uri":"' + 'a'.repeat(100),
];

describe('JSON extraction against jsonc-parser', () => {
  it('the same values on broken documents whose tokens end at the end of the text, a backslash or a line break', () => {
    for (const doc of EDGES) assertSame(doc);
  });

  it('the same values on random JSON and JSONC documents, valid and broken', () => {
    checkProperty('json differential', fc.property(jsonText, (doc) => assertSame(doc)), 1500);
  });

  it('the same values below more nesting than the key lookup reaches', () => {
    checkProperty('json differential deep', fc.property(deepText, (doc) => assertSame(doc)), 300);
  });

  it('the same values on documents of every format', () => {
    checkProperty('json differential other formats', fc.property(documentText, (doc) => assertSame(doc)), 500);
  });

  it('decodes property names exactly as jsonc-parser does', () => {
    const name = fc.array(fc.oneof(fc.constantFrom(...KEYS, ...VALUES, ...NOISE)), { maxLength: 6 }).map((a) => `"${a.join('')}`);
    checkProperty(
      'json property names',
      fc.property(name, (doc) => {
        const scanner = createScanner(doc, false);
        scanner.scan();
        assert.equal(jsoncStringValue(doc, 0), scanner.getTokenValue(), JSON.stringify(doc));
      }),
      1000,
    );
  });
});
