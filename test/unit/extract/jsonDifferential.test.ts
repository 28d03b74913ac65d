/**
 * The JSON extractor against jsonc-parser (jsonOracle.ts: its scanner and parse tree, comments and
 * trailing commas allowed), on well-formed JSONC documents and on random, mostly broken ones:
 * (a) soundness: every value reported lies in a string token jsonc-parser scans (or in a comment, for
 *     raw mentions), as its decoded value or the right part of it, with every character where
 *     jsonc-parser says it comes from (markers put in at the reported offsets land in front of the right
 *     decoded characters, see yamlJsonMarkers.ts, through escapes such as `\u0040` and `\/`), and, for
 *     strings of the parse tree, it is a value (not a property name) under the keys of its path;
 * (b) completeness: every string value of the parse tree that is a connection string is reported, whole.
 * Strings with escapes jsonc-parser rejects (`\q`, `\u12`) are decoded differently on purpose (the
 * extractor keeps them as written, jsonc-parser drops them): of those only the range is compared.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { createScanner } from 'jsonc-parser';
import { extractValues } from '../../../server/src/service/extract';
import { jsoncStringValue } from '../../../server/src/service/extract/jsonStrings';
import type { EmbeddedValue } from '../../../server/src/service/api';
import { assertShareAtLeast, checkProperty } from '../../helpers/fuzz';
import { documentText } from '../fuzz/arbitraries';
import { jsoncText } from './jsonArbitraries';
import { readJson, scanJson, JsonReading, JsonString } from './jsonOracle';
import { hasMarker, insertMarkers, MAX_MARKERS, removeMarkers } from './yamlJsonMarkers';

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

/** Values far below their keys: more nested arrays and objects than the extractor looks up through, left open. */
const deepOpenText: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(keyToken, { minLength: 1, maxLength: 3 }),
    fc.array(fc.constantFrom('[', '[', '{', '{"a": ', '{"uri": ', '[{}, '), { minLength: 55, maxLength: 75 }),
    fc.array(fc.tuple(valueToken, fc.constantFrom(', ', ']', '}', '], ', '}, ')), { maxLength: 6 }),
  )
  .map(([keys, opens, values]) => `${keys.map((k) => `{${k}: `).join('')}${opens.join('')}${values.map((v) => v.join('')).join('')}`);

/** The same closed: well-formed documents (whose strings may have escapes JSON does not have). */
const deepClosedText: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(fc.constantFrom(...KEYS), { minLength: 1, maxLength: 3 }),
    fc.array(fc.constantFrom('[', '[', '{"a": ', '{"uri": ', '[{}, '), { minLength: 55, maxLength: 75 }),
    fc.array(fc.constantFrom(...VALUES), { minLength: 1, maxLength: 6 }),
  )
  .map(([keys, opens, values]) => {
    const closers = [...keys.map(() => '}'), ...opens.map((o) => (o.startsWith('{') ? '}' : ']'))].reverse().join('');
    return `${keys.map((k) => `{"${k}": `).join('')}${opens.join('')}[${values.map((v) => `"${v}"`).join(', ')}]${closers}`;
  });

const deepText: fc.Arbitrary<string> = fc.oneof(deepOpenText, deepClosedText);

/** `mongodb://` or `mongodb+srv://` and something after it (a bare scheme is not reported without a key that says it is one). */
const CONNECTION_STRING = /^mongodb(?:\+srv)?:\/\/./i;

/** Keys further in than this many enclosing objects and arrays, and all but the innermost 16 keys, are left out of key paths. */
const LOOKUP_DEPTH = 64;
const PATH_KEYS = 16;

/** Parse errors about escapes and characters inside strings (`InvalidUnicode`, `InvalidEscapeCharacter`, `InvalidCharacter`): the structure is sound. */
const STRING_CONTENT_ERRORS = new Set([14, 15, 16]);

/**
 * True when the parse tree is the document's structure: no parse errors but inside strings. Elsewhere
 * jsonc-parser's parser recovers from broken input its own way (it skips to the next comma or bracket),
 * the extractor as its scanner sees the tokens (every string after `{` or `,` in an object is a property
 * name, brackets close only their own kind); then only what both see is compared: the string tokens.
 */
function wellFormed(reading: JsonReading): boolean {
  return reading.errors.every((e) => STRING_CONTENT_ERRORS.has(e.error as number));
}

/**
 * A string the two decode differently on purpose: with an escape jsonc-parser rejects (it drops it, the
 * extractor keeps it as written), or open and ending in `\"` (jsonc-parser reads an escaped quote, the
 * extractor its closing quote).
 */
function decodedDifferently(s: JsonString): boolean {
  return !s.validEscapes || (!s.closed && s.body.endsWith('\\"'));
}

/** The keys of a string of the parse tree, as the extractor reports them. */
function expectedKeys(s: JsonString): string[] | undefined {
  if (!s.path) return undefined;
  return s.path
    .slice(-LOOKUP_DEPTH)
    .filter((p): p is string => typeof p === 'string')
    .slice(-PATH_KEYS);
}

function offsetsOf(v: EmbeddedValue): number[] {
  return v.offsets ?? Array.from({ length: v.text.length + 1 }, (_, k) => v.start + k);
}

/** Where a reported value was found: the string token (its index; -1 for a comment or when not compared) and the index of its first character in the token's value. */
interface Located {
  value: EmbeddedValue;
  string: number;
  at: number;
}

/** A reported value to find in the tokens: the offsets where its markers go and the index of the character each must land before. */
interface Probe {
  v: EmbeddedValue;
  where: string;
  positions: number[];
  expected: number[];
}

/**
 * Checks a value's offset map in itself and chooses where its markers go; undefined for a mention in a
 * comment and for a value in a string the two decode differently (both checked here).
 */
function probe(doc: string, reading: JsonReading, structure: boolean, v: EmbeddedValue, where: string, counts: Counts): Probe | undefined {
  const offsets = offsetsOf(v);
  assert.equal(offsets.length, v.text.length + 1, `offset map of the right length: ${where}`);
  assert.equal(offsets[0], v.start, `offset map starting at the start: ${where}`);
  for (let k = 1; k < offsets.length; k++) assert.ok(offsets[k] >= offsets[k - 1], `monotone offsets: ${where}`);
  const end = offsets[v.text.length];
  assert.ok(end <= doc.length, `inside the document: ${where}`);
  if (v.syntax === 'raw') {
    assert.ok(
      reading.comments.some(([a, b]) => a <= v.start && end <= b),
      `a raw value is a mention in a comment: ${where}`,
    );
    assert.equal(doc.slice(v.start, end), v.text, `a mention in a comment is verbatim: ${where}`);
    return undefined;
  }
  assert.equal(v.syntax, 'json', `the syntax of a string: ${where}`);
  const s = reading.strings.find((t) => t.start < v.start && end <= (t.closed ? t.end - 1 : t.end));
  assert.ok(s, `the value is between the quotes of a string: ${where}`);
  if (decodedDifferently(s)) {
    // Markers could break the escapes jsonc-parser rejects: only the range is compared.
    if (structure) assert.notEqual(s.role, 'key', `the value is not a property name: ${where}`);
    counts.rangeOnly++;
    return undefined;
  }
  const positions: number[] = [];
  const expected: number[] = [];
  offsets.forEach((o, k) => {
    if (positions[positions.length - 1] === o) return;
    positions.push(o);
    expected.push(k);
  });
  return { v, where, positions, expected };
}

/** The tokens read again with markers at the given offsets: for marker g, the string it is in (-1: none) and its index in the value without markers. */
interface MarkedTokens {
  stringOf: number[];
  at: number[];
  unmarked: Map<number, string>;
  marked: Map<number, string>;
}

function scanMarked(doc: string, reading: JsonReading, positions: readonly number[], where: string): MarkedTokens {
  const again = scanJson(insertMarkers(doc, positions));
  assert.equal(again.strings.length, reading.strings.length, `markers at the reported offsets leave the string tokens as they are: ${where}`);
  const r: MarkedTokens = { stringOf: positions.map(() => -1), at: positions.map(() => -1), unmarked: new Map(), marked: new Map() };
  again.strings.forEach((s, i) => {
    if (!hasMarker(s.value)) return;
    const u = removeMarkers(s.value, positions.length);
    u.at.forEach((a, g) => {
      if (a < 0) return;
      r.stringOf[g] = i;
      r.at[g] = a;
    });
    r.unmarked.set(i, u.text);
    r.marked.set(i, s.value);
  });
  return r;
}

/** Where the probe's markers landed: checks it (soundness) and finds the value in its string. */
function land(reading: JsonReading, structure: boolean, p: Probe, m: MarkedTokens, ids: readonly number[], counts: Counts): Located {
  const { v, where } = p;
  const holders = new Set(ids.map((g) => m.stringOf[g]));
  assert.ok(holders.size === 1 && !holders.has(-1), `the value lies in one string: ${where}`);
  const index = m.stringOf[ids[0]];
  const s = reading.strings[index];
  if (structure) assert.notEqual(s.role, 'key', `the value is not a property name: ${where}`);
  assert.equal(m.unmarked.get(index), s.value, `markers only add themselves to the value: ${where} ${JSON.stringify(m.marked.get(index))}`);
  const at = m.at[ids[0]] - p.expected[0];
  assert.deepEqual(
    ids.map((g) => m.at[g]),
    p.expected.map((k) => at + k),
    `every character comes from where jsonc-parser says: ${where} ${JSON.stringify(m.marked.get(index))}`,
  );
  assert.equal(v.text, s.value.slice(at, at + v.text.length), `the value is the decoded string or a part of it: ${where}`);
  const keys = structure ? expectedKeys(s) : undefined;
  if (keys !== undefined) {
    if (v.key !== undefined) assert.equal(v.key, keys.join('.'), `the key path: ${where}`);
    else assert.ok(keys.length === 0 || at !== 0 || v.text !== s.value, `a whole value under keys has its key: ${where}`);
  }
  counts.values++;
  return { value: v, string: index, at };
}

/** What the comparisons looked at. */
interface Counts {
  documents: number;
  /** Documents whose structure is compared too (see wellFormed). */
  wellFormed: number;
  /** Values found in strings and compared whole, and those compared by range only. */
  values: number;
  rangeOnly: number;
  /** Connection strings of the parse tree looked for (in well-formed documents). */
  connectionStrings: number;
}

function newCounts(): Counts {
  return { documents: 0, wellFormed: 0, values: 0, rangeOnly: 0, connectionStrings: 0 };
}

/** Runs both on a document; adds what was compared to `counts`. */
function compare(doc: string, counts: Counts = newCounts()): Counts {
  // The markers must be the only private-use characters (some generated documents have any characters).
  if (hasMarker(doc)) return counts;
  counts.documents++;
  const reading = readJson(doc);
  const structure = wellFormed(reading);
  if (structure) counts.wellFormed++;
  const values = extractValues(doc, 'jsonc', 'file:///p/appsettings.json');
  const located: Located[] = [];
  const probes: Probe[] = [];
  for (const v of values) {
    const p = probe(doc, reading, structure, v, `${JSON.stringify(v)} in ${JSON.stringify(doc)}`, counts);
    if (p) probes.push(p);
    else located.push({ value: v, string: -1, at: 0 });
  }
  const all = [...new Set(probes.flatMap((p) => p.positions))].sort((a, b) => a - b);
  let together: MarkedTokens | undefined;
  if (all.length <= MAX_MARKERS) {
    try {
      together = scanMarked(doc, reading, all, JSON.stringify(doc));
    } catch {
      // One of the values puts markers outside strings: found one by one below.
    }
  }
  for (const p of probes) {
    if (together) located.push(land(reading, structure, p, together, p.positions.map((o) => all.indexOf(o)), counts));
    else located.push(land(reading, structure, p, scanMarked(doc, reading, p.positions, p.where), p.positions.map((_, k) => k), counts));
  }
  if (!structure) return counts;
  reading.strings.forEach((s, i) => {
    if (s.role !== 'value' || decodedDifferently(s) || !CONNECTION_STRING.test(s.value)) return;
    counts.connectionStrings++;
    assert.ok(
      located.some((l) => l.string === i && l.at === 0 && l.value.kind === 'uri' && l.value.text === s.value),
      `${JSON.stringify(s.value)} is reported: ${JSON.stringify(doc)} ${JSON.stringify(values)}`,
    );
  });
  return counts;
}

/**
 * The least a property must have compared: the share of documents whose structure is compared, values
 * compared whole per document, the share of values compared whole rather than by range only, and
 * connection strings looked for per well-formed document.
 */
interface Minimum {
  wellFormed: number;
  values: number;
  whole: number;
  connectionStrings: number;
}

function checkCompared(name: string, docs: fc.Arbitrary<string>, runs: number, min: Minimum): void {
  const counts = newCounts();
  checkProperty(name, fc.property(docs, (doc) => void compare(doc, counts)), runs);
  // No cases run when only counting them (FUZZ_COUNT_ONLY).
  if (counts.documents === 0) return;
  const { documents, wellFormed, values, rangeOnly, connectionStrings } = counts;
  assertShareAtLeast(wellFormed, documents, min.wellFormed, `${name}: only ${wellFormed} of ${documents} documents well-formed`);
  assert.ok(values >= min.values * documents, `${name}: only ${values} values compared in ${documents} documents`);
  assertShareAtLeast(values, values + rangeOnly, min.whole, `${name}: ${rangeOnly} values compared by range only, ${values} whole`);
  assert.ok(connectionStrings >= min.connectionStrings * wellFormed, `${name}: only ${connectionStrings} connection strings looked for in ${wellFormed} documents`);
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
  it('jsonc-parser reads strings, paths and comments as the comparison expects', () => {
    const doc = '{"a": [{"MONGO\\u005fURI": "mongodb:\\/\\/h\\u0040x/db"}], // c\n "b": "\\q" /* d */,}';
    const r = readJson(doc);
    // `\q` is no JSON escape (15: InvalidEscapeCharacter): the structure is sound all the same.
    assert.deepEqual(
      r.errors.map((e) => e.error),
      [15],
    );
    assert.ok(wellFormed(r));
    assert.deepEqual(r.comments, [[doc.indexOf('// c'), doc.indexOf('// c') + 4], [doc.indexOf('/* d */'), doc.indexOf('/* d */') + 7]]);
    assert.deepEqual(
      r.strings.map((s) => [s.value, s.role, s.path, s.validEscapes]),
      [
        ['a', 'key', ['a'], true],
        ['MONGO_URI', 'key', ['a', 0, 'MONGO_URI'], true],
        ['mongodb://h@x/db', 'value', ['a', 0, 'MONGO_URI'], true],
        ['b', 'key', ['b'], true],
        ['', 'value', ['b'], false],
      ],
    );
    assert.deepEqual(expectedKeys(r.strings[2]), ['a', 'MONGO_URI']);
  });

  it('agrees on application settings, package files and escapes', () => {
    const docs = [
      `{
  // Settings of the service
  "ConnectionStrings": {
    "Orders": "mongodb+srv://orders:pw@cluster0.example.mongodb.net/orders",
    "Catalog": "mongodb://catalog\\u0040h:27017\\/catalog?w=1", /* mongodb://h:1/comment */
  },
  "MongoDB": { "ConnectionString": "mongodb://localhost:27017", "DatabaseName": "shop", "CollectionName": "orders", },
  "scripts": { "db": "mongosh \\"mongodb://localhost:27017/test\\" --quiet" },
  "hosts": ["mongodb://a:27017", 42, true, null, "\\u006dongodb://escaped:1/x"],
}`,
      '["mongodb://h:1/\\ud83d\\ude00", {"uri": "${MONGO_URI:-mongodb://h:2/d}"}]',
    ];
    for (const doc of docs) {
      const c = compare(doc);
      assert.ok(c.values >= 2 && c.connectionStrings >= 1 && c.values >= c.connectionStrings && c.rangeOnly === 0, `${JSON.stringify(c)} ${doc}`);
    }
  });

  it('on broken documents whose tokens end at the end of the text, a backslash or a line break', () => {
    for (const doc of EDGES) compare(doc);
  });

  it('on well-formed JSONC documents', () => {
    checkCompared('jsonc documents against jsonc-parser', jsoncText, 800, { wellFormed: 1, values: 2, whole: 1, connectionStrings: 1 });
  });

  it('on random JSON and JSONC documents, valid and broken', () => {
    // Mostly broken: the structure of only a few is compared, the strings of all.
    checkCompared('json differential', jsonText, 1500, { wellFormed: 0.04, values: 0.5, whole: 0.6, connectionStrings: 0 });
  });

  it('below more nesting than the key lookup reaches', () => {
    checkCompared('json differential deep', deepText, 300, { wellFormed: 0.3, values: 0.5, whole: 0.6, connectionStrings: 0.2 });
  });

  it('on documents of every format', () => {
    // Text of every format, full of escapes JSON does not have: mostly strings compared by range.
    checkCompared('json differential other formats', documentText, 500, { wellFormed: 0.02, values: 0.05, whole: 0.2, connectionStrings: 0 });
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
