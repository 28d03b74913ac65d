/**
 * The YAML extractor against the `yaml` package (yamlPackageOracle.ts), on random YAML documents and
 * streams that the package reads without errors:
 * (a) soundness: every value reported lies in a scalar the package reads (or in a comment, for raw
 *     mentions), as the scalar's decoded value or the right part of it, with every character where the
 *     package says it comes from (markers put in at the reported offsets land at the right places of the
 *     decoded value, see yamlJsonMarkers.ts), in the right syntax and under the keys the package sees;
 * (b) completeness: every scalar whose value is a connection string is reported, whole.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { extractValues } from '../../../server/src/service/extract';
import type { EmbeddedValue } from '../../../server/src/service/api';
import { assertShareAtLeast, checkProperty } from '../../helpers/fuzz';
import { yamlStream, yamlText } from '../fuzz/yamlArbitraries';
import { hasMarker, insertMarkers, MAX_MARKERS, removeMarkers } from './yamlJsonMarkers';
import { readYaml, YamlName, YamlReading, YamlScalar } from './yamlPackageOracle';

const SYNTAX: Record<YamlScalar['style'], string> = { plain: 'yaml-plain', single: 'yaml-single', double: 'yaml-double', block: 'yaml-block' };

/** `mongodb://` or `mongodb+srv://` and something after it (a bare scheme is not reported without a key that says it is one). */
const CONNECTION_STRING = /^mongodb(?:\+srv)?:\/\/./i;

/** A compose `environment:` item `KEY=value` (also `--key=value` arguments): where the value starts, and the key. */
function itemAssignment(s: YamlScalar): { from: number; key: string } | undefined {
  if (s.container !== 'block-seq' && s.container !== 'flow-seq') return undefined;
  const m = /^-{0,2}([A-Za-z_][A-Za-z0-9_.-]*)=/.exec(s.value);
  return m && m[0].length <= 256 ? { from: m[0].length, key: m[1] } : undefined;
}

/**
 * Kubernetes expands `$(NAME)` (not `$$(NAME)`) in container settings: the extractor reads it as the
 * placeholder `${NAME}`, character for character.
 */
function asPlaceholders(s: string): string {
  return s.replace(/(^|[^$])\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (_m, before: string, name: string) => `${before}\${${name}}`);
}

/**
 * The keys the extractor reports a scalar under, from what the package reads: the keys of the block
 * mappings above it, then the key of its own pair when it is directly in a flow mapping (the extractor
 * keeps no other key of nested flow collections), with `value` under a sibling `name: X` read as X
 * (Kubernetes `env`) unless another `name:` comes between them, and the KEY of an item `KEY=value`.
 * Undefined when a key is a collection.
 */
function expectedKeys(s: YamlScalar, nameKeys: readonly number[]): string[] | undefined {
  const keys: string[] = [];
  for (const k of s.keys) {
    if (k.text === undefined) return undefined;
    if (!k.flow) keys.push(k.text);
  }
  const lastBlock = s.keys.filter((k) => !k.flow).pop();
  // The extractor remembers the last `name:` only: one between them (in a nested entry) hides it.
  const name = lastBlock?.name && !nameKeys.some((at) => at > (lastBlock.name as YamlName).keyStart && at < lastBlock.start) ? lastBlock.name : undefined;
  // The extractor leaves out the final line breaks of a block scalar.
  if (name !== undefined) keys[keys.length - 1] = name.style === 'block' ? name.value.replace(/\n+$/, '') : name.value;
  const own = s.keys[s.keys.length - 1];
  if (s.container === 'flow-map' && own?.text !== undefined) keys.push(own.text);
  const item = itemAssignment(s);
  if (item) keys.push(item.key);
  return keys;
}

/** The value as the extractor reports it when it reports it whole: after `KEY=`, with `${NAME}` for `$(NAME)`, block scalars without their final line breaks. */
function wholeValue(s: YamlScalar): { from: number; text: string } {
  const from = itemAssignment(s)?.from ?? 0;
  let text = asPlaceholders(s.value).slice(from);
  if (s.style === 'block') text = text.replace(/\n+$/, '');
  return { from, text };
}

/** Where a reported value was found: the scalar (its index; -1 for a comment) and the index of its first character in the scalar's value. */
interface Located {
  value: EmbeddedValue;
  scalar: number;
  at: number;
}

function offsetsOf(v: EmbeddedValue): number[] {
  return v.offsets ?? Array.from({ length: v.text.length + 1 }, (_, k) => v.start + k);
}

/** True when doc[o] is a blank and only blanks come before it on its line. */
function inLeadingBlanks(doc: string, o: number): boolean {
  if (doc[o] !== ' ' && doc[o] !== '\t') return false;
  for (let i = o; i >= 0 && doc[i] !== '\n' && doc[i] !== '\r'; i--) if (doc[i] !== ' ' && doc[i] !== '\t') return false;
  return true;
}

function isLineBreak(c: string): boolean {
  return c === '\n' || c === '\r';
}

/**
 * A reported value to find in what the package reads: the offsets where markers go (every distinct
 * offset of its map, but see below) and the index in the value of the character each must land before.
 */
interface Probe {
  v: EmbeddedValue;
  where: string;
  positions: number[];
  expected: number[];
}

/** Checks a value's offset map in itself and chooses where its markers go; undefined for a mention in a comment (checked here). */
function probe(doc: string, reading: YamlReading, v: EmbeddedValue, where: string): Probe | undefined {
  const offsets = offsetsOf(v);
  assert.equal(offsets.length, v.text.length + 1, `offset map of the right length: ${where}`);
  assert.equal(offsets[0], v.start, `offset map starting at the start: ${where}`);
  for (let k = 1; k < offsets.length; k++) assert.ok(offsets[k] >= offsets[k - 1], `monotone offsets: ${where}`);
  const end = offsets[v.text.length];
  assert.ok(end <= doc.length, `inside the document: ${where}`);
  if (v.syntax === 'raw' && reading.comments.some(([a, b]) => a <= v.start && end <= b)) {
    // A connection string mentioned in a comment.
    assert.equal(doc.slice(v.start, end), v.text, `a mention in a comment is verbatim: ${where}`);
    return undefined;
  }
  // Every distinct offset gets a marker; each must land before the first character decoded from it.
  // The line breaks of the empty lines a block scalar starts with have no place of their own where a
  // marker could go (the extractor gives them the offset of the first character after them).
  let leadingBreaks = 0;
  if (v.syntax === 'yaml-block') while (v.text[leadingBreaks] === '\n') leadingBreaks++;
  const positions: number[] = [];
  const expected: number[] = [];
  offsets.forEach((o, k) => {
    if (k < leadingBreaks || positions[positions.length - 1] === o) return;
    if (v.syntax === 'yaml-block' && k < v.text.length && inLeadingBlanks(doc, o)) {
      // A marker before the blanks that start a line of a block scalar would make a more-indented
      // line of a folded scalar an ordinary one (folded into the line before): those blanks are only
      // compared as they are.
      assert.equal(doc[o], v.text[k], `a blank of a block scalar comes from a blank: ${where}`);
      return;
    }
    positions.push(o);
    expected.push(k);
  });
  return { v, where, positions, expected };
}

/** The document read again with markers at the given (distinct, increasing) offsets; the scalars' values without them, and where each marker is. */
interface MarkedReading {
  /** For marker g: the scalar it is in (-1: none) and its index in that scalar's value without markers. */
  scalarOf: number[];
  at: number[];
  /** The values without markers, and with them. */
  unmarked: Map<number, string>;
  marked: Map<number, string>;
}

function readMarked(doc: string, reading: YamlReading, positions: readonly number[], where: string): MarkedReading {
  const again = readYaml(insertMarkers(doc, positions));
  assert.deepEqual(again.errors, [], `markers at the reported offsets leave the document valid: ${where}`);
  assert.equal(again.scalars.length, reading.scalars.length, `markers at the reported offsets leave the scalars as they are: ${where}`);
  const r: MarkedReading = { scalarOf: positions.map(() => -1), at: positions.map(() => -1), unmarked: new Map(), marked: new Map() };
  again.scalars.forEach((s, i) => {
    if (!hasMarker(s.value)) return;
    let u = removeMarkers(s.value, positions.length);
    if (u.text !== reading.scalars[i].value && s.style === 'double') {
      // A fold is reported at its line break, after the blanks that folding drops.
      u = removeMarkers(s.value, positions.length, (g) => isLineBreak(doc[positions[g]] ?? ''));
    }
    u.at.forEach((a, g) => {
      if (a < 0) return;
      r.scalarOf[g] = i;
      r.at[g] = a;
    });
    r.unmarked.set(i, u.text);
    r.marked.set(i, s.value);
  });
  return r;
}

/** Where the probe's markers landed: checks it (soundness) and finds the value in its scalar. */
function land(doc: string, reading: YamlReading, p: Probe, m: MarkedReading, ids: readonly number[], strict: boolean): Located {
  const { v, where } = p;
  const holders = new Set(ids.map((g) => m.scalarOf[g]));
  if (!strict && holders.size === 1 && holders.has(-1) && v.syntax === 'raw' && !v.offsets) {
    // A mention in text the extractor does not read as YAML, such as an anchor's name.
    assert.equal(doc.slice(v.start, v.start + v.text.length), v.text, `a mention is verbatim: ${where}`);
    return { value: v, scalar: -1, at: 0 };
  }
  assert.ok(holders.size === 1 && !holders.has(-1), `the value lies in one scalar: ${where}`);
  const index = m.scalarOf[ids[0]];
  const scalar = reading.scalars[index];
  // Lines the extractor does not read as YAML (an explicit key `? …`, a document that is one scalar) are
  // scanned as text for mentions: those are raw, and may be in a key.
  const mention = !strict && v.syntax === 'raw' && !v.offsets;
  assert.ok(mention || !scalar.isKey, `the value is not a key: ${where}`);
  assert.equal(m.unmarked.get(index), scalar.value, `markers only add themselves to the value: ${where} ${JSON.stringify(m.marked.get(index))}`);
  const at = m.at[ids[0]] - p.expected[0];
  assert.deepEqual(
    ids.map((g) => m.at[g]),
    p.expected.map((k) => at + k),
    `every character comes from where the package says: ${where} ${JSON.stringify(m.marked.get(index))}`,
  );
  assert.equal(v.text, asPlaceholders(scalar.value).slice(at, at + v.text.length), `the value is the decoded scalar or a part of it: ${where}`);

  if (!mention) assert.equal(v.syntax, SYNTAX[scalar.style], `the syntax of the scalar: ${where}`);
  const keys = expectedKeys(scalar, reading.nameKeys);
  // Mentions have no key.
  if (!mention && keys !== undefined && keys.length <= 16) {
    if (v.key !== undefined) assert.equal(v.key, keys.join('.'), `the key path: ${where}`);
    else {
      const whole = wholeValue(scalar);
      assert.ok(keys.length === 0 || at !== whole.from || v.text !== whole.text, `a whole value under keys has its key: ${where}`);
    }
  }
  return { value: v, scalar: index, at };
}

/** Finds the reported values in what the package reads (soundness): with the markers of all of them in one reading when they fit, else one by one. */
function locateAll(doc: string, reading: YamlReading, values: readonly EmbeddedValue[], strict: boolean): Located[] {
  const located: Located[] = [];
  const probes: Probe[] = [];
  for (const v of values) {
    const p = probe(doc, reading, v, `${JSON.stringify(v)} in ${JSON.stringify(doc)}`);
    if (p) probes.push(p);
    else located.push({ value: v, scalar: -1, at: 0 });
  }
  const all = [...new Set(probes.flatMap((p) => p.positions))].sort((a, b) => a - b);
  let together: MarkedReading | undefined;
  if (all.length <= MAX_MARKERS) {
    try {
      together = readMarked(doc, reading, all, JSON.stringify(doc));
    } catch {
      // One of the values puts markers where they break the document: found one by one below.
    }
  }
  for (const p of probes) {
    if (together) located.push(land(doc, reading, p, together, p.positions.map((o) => all.indexOf(o)), strict));
    else located.push(land(doc, reading, p, readMarked(doc, reading, p.positions, p.where), p.positions.map((_, k) => k), strict));
  }
  return located;
}

/** A line that starts with `- `, or with a key and `: `. */
function looksLikeKeyOrItem(line: string): boolean {
  const t = line.trimStart();
  return /^-(?:[ \t]|$)/.test(t) || /^(?:"[^"]*"|'[^']*'|[^\s#'"][^#]*?)[ \t]*:(?:[ \t]|$)/.test(t);
}

/** What a comparison looked at: nothing (skipped), or how many values were located and how many connection strings were looked for. */
interface Comparison {
  compared: boolean;
  values: number;
  connectionStrings: number;
}

const SKIPPED: Comparison = { compared: false, values: 0, connectionStrings: 0 };

/**
 * Runs both on a document. Skipped when the package reports errors or where the two legitimately read
 * it differently (below). `strict`: every value the extractor reports outside comments is in a scalar
 * it read as YAML (in the syntax of the scalar, under its keys); otherwise raw mentions in text it does
 * not read as YAML are allowed.
 */
function compare(doc: string, strict = false): Comparison {
  // Helm templates (`{{ … }}`) are text that becomes YAML once rendered: the extractor reads around
  // them, the package reads them as flow mappings or not at all.
  if (doc.includes('{{')) return SKIPPED;
  // The package takes a quoted scalar at the very end of the text that ends in an escaped quote (`'a''`,
  // `"a\"`) for a closed one.
  if (/(?:''|\\")$/.test(doc)) return SKIPPED;
  // The markers must be the only private-use characters (some generated documents have any characters).
  if (hasMarker(doc)) return SKIPPED;
  // A carriage return alone ends a line for the extractor, as for editors; the package reads it as
  // part of the line (a plain scalar goes on over it).
  if (/\r(?!\n)/.test(doc)) return SKIPPED;
  const reading = readYaml(doc);
  if (reading.errors.length > 0) return SKIPPED;
  // A document that is one scalar rather than a mapping or a sequence (no configuration file is): the
  // extractor scans its lines as text, and may read a line of a multi-line scalar as a key. A document
  // that is a flow collection (JSON written as YAML) is scanned the same way.
  if (reading.roots.some((r) => r === 'scalar' || r === 'flow-map' || r === 'flow-seq')) return SKIPPED;
  // Explicit keys (`? key`) are read as text too.
  if (reading.explicitKeys) return SKIPPED;
  // An empty key (`: value`) is text to the extractor.
  if (reading.scalars.some((s) => s.isKey && s.style === 'plain' && s.value === '')) return SKIPPED;
  // A plain key with a quote after a blank (`export "X": v`) is text to the extractor, not a key.
  if (reading.scalars.some((s) => s.isKey && s.style === 'plain' && /\s["']/.test(s.value))) return SKIPPED;
  // The extractor ends a plain scalar before a line that looks like a key or a sequence item, whatever
  // its indentation (as it would read YAML being typed); the package goes on when it is indented more.
  if (reading.scalars.some((s) => s.style === 'plain' && doc.slice(s.start, s.end).split(/\r?\n/).slice(1).some(looksLikeKeyOrItem))) return SKIPPED;
  const values = extractValues(doc, 'yaml', 'file:///p/values.yaml');
  const located = locateAll(doc, reading, values, strict);
  let connectionStrings = 0;
  reading.scalars.forEach((s, i) => {
    if (s.isKey) return;
    const whole = wholeValue(s);
    if (!CONNECTION_STRING.test(whole.text)) return;
    connectionStrings++;
    assert.ok(
      located.some((l) => l.scalar === i && l.at === whole.from && l.value.kind === 'uri' && l.value.text === whole.text),
      `${JSON.stringify(whole.text)} is reported: ${JSON.stringify(doc)} ${JSON.stringify(values)}`,
    );
  });
  return { compared: true, values: located.filter((l) => l.scalar >= 0).length, connectionStrings };
}

/** The least a property must have looked at: the share of documents compared, and values located in scalars and connection strings looked for per document compared. */
interface Minimum {
  share: number;
  values: number;
  connectionStrings: number;
}

/** Checks a property over documents, and that it looked at at least the minimum. */
function checkCompared(name: string, docs: fc.Arbitrary<string>, runs: number, strict: boolean, min: Minimum): void {
  let total = 0;
  let compared = 0;
  let values = 0;
  let connectionStrings = 0;
  checkProperty(
    name,
    fc.property(docs, (doc) => {
      const c = compare(doc, strict);
      total++;
      if (c.compared) compared++;
      values += c.values;
      connectionStrings += c.connectionStrings;
    }),
    runs,
  );
  // No cases run when only counting them (FUZZ_COUNT_ONLY).
  if (total === 0) return;
  assertShareAtLeast(compared, total, min.share, `${name}: only ${compared} of ${total} documents compared`);
  // Values per document: below 100 documents compared (a fuzz run scaled down) the means are too noisy
  // to say anything.
  if (compared < 100) return;
  assert.ok(values >= min.values * compared, `${name}: only ${values} values located in ${compared} documents`);
  assert.ok(connectionStrings >= min.connectionStrings * compared, `${name}: only ${connectionStrings} connection strings looked for in ${compared} documents`);
}

describe('YAML extraction against the yaml package', () => {
  it('the package reads values, ranges and keys as the comparison expects', () => {
    const doc = 'a:\n  - name: MONGO_URI\n    value: "mongodb://h/\\u0064b" # c\nb: {k: [x]}\n';
    const r = readYaml(doc);
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.comments, [[doc.indexOf('# c'), doc.indexOf('# c') + 3]]);
    const v = r.scalars.find((s) => s.value === 'mongodb://h/db');
    assert.ok(v);
    assert.deepEqual([v.style, v.start, v.end, v.container], ['double', doc.indexOf('"mongodb'), doc.indexOf(' # c'), 'block-map']);
    assert.deepEqual(v.keys.map((k) => [k.text, k.flow, k.name?.value]), [['a', false, undefined], ['value', false, 'MONGO_URI']]);
    assert.deepEqual(expectedKeys(v, r.nameKeys), ['a', 'MONGO_URI']);
    const x = r.scalars.find((s) => s.value === 'x');
    assert.ok(x);
    assert.deepEqual([x.container, x.keys.map((k) => [k.text, k.flow])], ['flow-seq', [['b', false], ['k', true]]]);
    assert.deepEqual(expectedKeys(x, r.nameKeys), ['b']);
  });

  it('agrees on compose files, Kubernetes manifests and every kind of scalar', () => {
    const docs = [
      `services:
  api:
    environment:
      MONGODB_URI: "mongodb://api:\${PW}@mongo:27017/shop"
      MONGO_DB: shop
      LOG_LEVEL: info # plain
    command: ["node", "server.js", "--uri", "mongodb://localhost/x"]
  worker:
    environment:
      - MONGO_URL=mongodb://worker@mongo:27017/jobs
      - "DB_NAME=jobs"
    healthcheck:
      test: >
        mongosh --quiet "mongodb://localhost:27017/admin"
        --eval "db.adminCommand('ping')"
---
spec:
  containers:
  - name: app
    env:
    - name: MONGO_URI
      value: mongodb://$(MONGO_HOST):27017/app
    - name: DB
      value: $(MONGO_DB)
    args: ["--uri", "$(MONGO_URI)"]
`,
      `plain: mongodb://h:1/a # mongodb://h:1/comment
single: 'mongodb://it''s:p@h:2/b'
double: "mongodb://u:p\\x40h:\\u0033/\\/c\\
  d"
folded: "mongodb://h:4/e,
  f"
literal: |-
  mongodb://h:5/g
block: >2
   text mongodb://h:6/h
  more
many: mongodb://h:7/i,
  h2:7/i
`,
      `flow: {uri: mongodb://h:1/a, list: ['mongodb://h:2/b', "mongodb://h:3/\\u0063"], inner: {url: "mongodb://h:4/d"}}
items: [A=1, MONGO_URL=mongodb://h:5/e]
`,
      '%YAML 1.2\r\n---\r\nuri: &u !!str mongodb://h:1/a\r\n...\r\n--- # mongodb://h:2/comment\r\n- !Sub "mongodb://h:3/${X}"\r\n',
    ];
    for (const doc of docs) {
      const c = compare(doc, true);
      assert.ok(c.compared && c.connectionStrings > 0 && c.values >= c.connectionStrings, `${JSON.stringify(c)} ${doc}`);
    }
  });

  it('skips what is not YAML to both: Helm templates, explicit keys, documents that are one scalar, broken YAML', () => {
    for (const doc of [
      'uri: {{ .Values.uri }}\n',
      '? mongodb://h/key\n: value\n',
      'mongodb://h/only-a-scalar\n',
      '{uri: mongodb://h/json-like}\n',
      'a: b: mongodb://h/broken\n',
      'k: "unterminated mongodb://h/x\n',
    ]) {
      assert.equal(compare(doc, true).compared, false, doc);
      // The extractor reads them all the same, without failing.
      extractValues(doc, 'yaml', 'file:///p/values.yaml');
    }
  });

  it('on well-formed YAML streams', () => {
    checkCompared('yaml streams against the yaml package', yamlStream, 600, true, { share: 0.9, values: 3, connectionStrings: 2 });
  });

  it('on YAML-ish line salad', () => {
    // Most of the salad is broken YAML on purpose (it is there to see the extractor through broken
    // input); what the package reads without errors is compared, without the strict checks that raw
    // mentions are only in comments.
    checkCompared('yaml salad against the yaml package', yamlText, 1500, false, { share: 0.1, values: 0.05, connectionStrings: 0.02 });
  });
});
