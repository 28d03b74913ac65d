/**
 * Writing known values into documents, for the property tests of the extractors that have no
 * independent parser to be compared with (.env, .properties, shell, program source).
 *
 * A test picks a value and a key, writes them in one of the ways the format allows (quotes, escapes,
 * line continuations, ...) among filler lines, and knows what the extractor must return: the decoded
 * text, where every decoded character was written, where the value ends, its key, kind and syntax.
 * The spelling rules are written here from each format's own definition; nothing here comes from the
 * extractors (server/src/service/extract), so a mistake in one is not repeated in the other.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { EmbeddedValue } from '../../../server/src/service/api';
import { checkProperty } from '../../helpers/fuzz';
import { describe, it } from 'node:test';

/** The message of the last failed assertion: the shrunk counterexample's, once fast-check is done. */
let lastFailure: string | undefined;

/** Runs an assertion, noting its message when it fails (for `check` to report). */
export function noted(check: () => void): void {
  try {
    check();
  } catch (e) {
    lastFailure = e instanceof Error ? e.message : String(e);
    throw e;
  }
}

/** checkProperty, with the message of the counterexample's failed assertion in the error (the document, what differs). */
export function check<T>(name: string, property: fc.IProperty<T>, defaultRuns: number): void {
  lastFailure = undefined;
  try {
    checkProperty(name, property, defaultRuns);
  } catch (e) {
    throw new Error(`${e instanceof Error ? e.message : String(e)}\n${lastFailure ?? ''}`);
  }
}

/** Choices made from a list of numbers drawn by fast-check; shrinking them to zeros picks the first (simplest) option everywhere. */
export class Pick {
  private i = 0;

  constructor(private readonly seeds: readonly number[]) {}

  /** A number in [0, n). */
  of(n: number): number {
    if (n <= 1 || this.seeds.length === 0) return 0;
    return this.seeds[this.i++ % this.seeds.length] % n;
  }

  one<T>(options: readonly T[]): T {
    return options[this.of(options.length)];
  }

  /** True now and then (one time in `n`). */
  sometimes(n = 4): boolean {
    return this.of(n) === n - 1;
  }
}

/** The numbers a Pick draws from. */
export const seeds: fc.Arbitrary<number[]> = fc.array(fc.nat({ max: 1 << 20 }), { maxLength: 48 });

/** What an extractor must return for a value written into a document. */
export interface Expected {
  kind: string;
  text: string;
  /** The document offset each decoded UTF-16 unit was written at, then where the value ends. */
  offsets: number[];
  key?: string;
  syntax: string;
}

/** A piece of a value's source and what it decodes to; a piece that decodes to itself is taken as written. */
export type Segment = [src: string, decoded: string];

/** Writes a document and records the values written into it. */
export class DocWriter {
  src = '';
  readonly expected: Expected[] = [];
  private text = '';
  private at: number[] = [];

  /** Text that is not part of a value. */
  code(s: string): this {
    this.src += s;
    return this;
  }

  /** Starts a value. */
  begin(): this {
    this.text = '';
    this.at = [];
    return this;
  }

  /** Value text written as it is: each unit comes from its own offset. */
  raw(s: string): this {
    for (let k = 0; k < s.length; k++) this.at.push(this.src.length + k);
    this.text += s;
    this.src += s;
    return this;
  }

  /** An escape: `spelling` decodes to `decoded`, whose every unit comes from where the escape starts. */
  esc(spelling: string, decoded: string): this {
    for (let k = 0; k < decoded.length; k++) this.at.push(this.src.length);
    this.text += decoded;
    this.src += spelling;
    return this;
  }

  /** Segments: taken as written when they decode to themselves, else escapes. */
  segments(parts: readonly Segment[]): this {
    for (const [src, decoded] of parts) {
      if (src === decoded) this.raw(src);
      else this.esc(src, decoded);
    }
    return this;
  }

  /** Ends the value here (where text appended to it would go). */
  end(kind: string, syntax: string, key?: string): this {
    const v: Expected = { kind, text: this.text, offsets: [...this.at, this.src.length], syntax };
    if (key !== undefined) v.key = key;
    this.expected.push(v);
    return this;
  }

  /** The decoded text of the value being written. */
  get decoded(): string {
    return this.text;
  }
}

/** How the source of a value may go on between two characters without adding any (a line continuation). */
export interface Continuations {
  spellings: readonly string[];
  atStart?: boolean;
  atEnd?: boolean;
  /** False when a continuation may not come before this source (a blank that it would swallow). */
  before?: (following: string) => boolean;
  /** False when a continuation may not come before the character at this index. */
  beforeIndex?: (index: number) => boolean;
}

/**
 * Spells a value from its end, so that each character's spelling knows the source that follows it
 * (`close`, the closing delimiter, after the last): `ways(ch, following, index)` lists the ways to write
 * the code point `ch`. Returns the value's segments.
 */
export function spell(
  value: string,
  pick: Pick,
  close: string,
  ways: (ch: string, following: string, index: number) => Segment[][],
  continuations?: Continuations,
): Segment[] {
  const cps = [...value];
  const out: Segment[][] = [];
  let following = close;
  const maybeContinue = (allowed: boolean, index: number) => {
    if (!continuations || !allowed || !pick.sometimes(5)) return;
    if (continuations.before && !continuations.before(following)) return;
    if (continuations.beforeIndex && !continuations.beforeIndex(index)) return;
    const c = pick.one(continuations.spellings);
    out.push([[c, '']]);
    following = c + following;
  };
  maybeContinue(continuations?.atEnd === true, cps.length);
  for (let k = cps.length - 1; k >= 0; k--) {
    const options = ways(cps[k], following, k);
    if (options.length === 0) throw new Error(`no way to write ${JSON.stringify(cps[k])} before ${JSON.stringify(following)} in ${JSON.stringify(value)}`);
    // The first way (the character as it is, where it may be) more often than the others.
    const seg = pick.sometimes(3) ? options[0] : pick.one(options);
    out.push(seg);
    following = (seg.map((s) => s[0]).join('') + following).slice(0, 24);
    maybeContinue(k > 0 || continuations?.atStart === true, k);
  }
  return out.reverse().flat();
}

/** `n` in hexadecimal with `width` digits, in either letter case. */
export function hex(n: number, width: number, upper = false): string {
  const h = n.toString(16).padStart(width, '0');
  return upper ? h.toUpperCase() : h;
}

/** The UTF-16 units of a code point as `\uXXXX` escapes, each its own segment (Java, JSON, properties). */
export function utf16Escapes(ch: string, upper: boolean): Segment[] {
  const out: Segment[] = [];
  for (let k = 0; k < ch.length; k++) out.push([`\\u${hex(ch.charCodeAt(k), 4, upper)}`, ch[k]]);
  return out;
}

export function isHexDigit(c: string | undefined): boolean {
  return c !== undefined && /^[0-9A-Fa-f]$/.test(c);
}

/** What a key says of its value, as the tests build keys. */
export type KeyKind = 'uri' | 'database' | 'collection';

/** A key made of words, and what it says. */
export interface KeyWords {
  words: string[];
  kind: KeyKind;
}

const MONGO_WORDS = ['mongo', 'mongodb'];
const PREFIX_WORDS = ['app', 'primary', 'orders', 'test', 'my', 'service2'];
const URI_WORDS = [['uri'], ['url'], ['dsn'], ['connection', 'string'], ['conn', 'str'], ['connection', 'str'], ['conn', 'string']];
const DATABASE_WORDS = [['db'], ['database'], ['db', 'name'], ['database', 'name']];
const COLLECTION_WORDS = [['collection'], ['collection', 'name']];

/**
 * Keys that name a MongoDB connection string (a mongo word, then a URL word: `MONGO_URI`,
 * `mongodbConnectionString`), database (`MONGO_DB_NAME`) or collection (`ORDERS_COLLECTION`).
 * The mongo word comes right before the last words, so that dotted keys keep it in the parent segment.
 */
export function mongoKey(kinds: readonly KeyKind[] = ['uri', 'database', 'collection']): fc.Arbitrary<KeyWords> {
  return fc
    .tuple(fc.constantFrom(...kinds), fc.array(fc.constantFrom(...PREFIX_WORDS), { maxLength: 2 }), fc.constantFrom(...MONGO_WORDS), fc.nat())
    .map(([kind, prefix, mongo, n]) => {
      if (kind === 'collection') {
        const words = [...prefix, ...COLLECTION_WORDS[n % COLLECTION_WORDS.length]];
        return { words: n % 3 === 0 ? [mongo, ...words] : words.length > 1 ? words : ['orders', ...words], kind };
      }
      const tail = (kind === 'uri' ? URI_WORDS : DATABASE_WORDS)[n % (kind === 'uri' ? URI_WORDS.length : DATABASE_WORDS.length)];
      return { words: [...prefix, mongo, ...tail], kind };
    });
}

export type KeyStyle = 'SCREAMING' | 'snake' | 'camel' | 'Pascal' | 'kebab' | 'dotted';

/** Identifier styles, for program source and shell variables. */
export const IDENTIFIER_STYLES: readonly KeyStyle[] = ['SCREAMING', 'snake', 'camel', 'Pascal'];
export const ALL_STYLES: readonly KeyStyle[] = [...IDENTIFIER_STYLES, 'kebab', 'dotted'];

const capital = (w: string) => w[0].toUpperCase() + w.slice(1);

/** A key's words in one style; a dotted key keeps the last words together (`app.mongodb.connectionString`). */
export function keyIn(k: KeyWords, style: KeyStyle): string {
  const w = k.words;
  switch (style) {
    case 'SCREAMING':
      return w.join('_').toUpperCase();
    case 'snake':
      return w.join('_');
    case 'camel':
      return w[0] + w.slice(1).map(capital).join('');
    case 'Pascal':
      return w.map(capital).join('');
    case 'kebab':
      return w.join('-');
    case 'dotted': {
      const tailLength = k.kind === 'collection' ? (w[w.length - 1] === 'name' ? 2 : 1) : w.length - w.findIndex((x) => MONGO_WORDS.includes(x)) - 1;
      const head = w.slice(0, w.length - tailLength);
      const tail = w.slice(w.length - tailLength);
      return [...head, tail[0] + tail.slice(1).map(capital).join('')].join('.');
    }
  }
}

/** The values an extractor returned, in the form of Expected (every offset spelled out). */
function actualValues(values: readonly EmbeddedValue[]): Expected[] {
  return values.map((v) => {
    const offsets = v.offsets ? [...v.offsets] : Array.from({ length: v.text.length + 1 }, (_, k) => v.start + k);
    const e: Expected = { kind: v.kind, text: v.text, offsets, syntax: v.syntax ?? 'raw' };
    if (v.key !== undefined) e.key = v.key;
    if (v.offsets) assert.equal(v.start, v.offsets[0], 'start is the first offset');
    return e;
  });
}

/** Asserts that the values found are exactly the ones written. */
export function assertFound(values: readonly EmbeddedValue[], w: DocWriter): void {
  noted(() => assert.deepStrictEqual(actualValues(values), w.expected, `document: ${JSON.stringify(w.src)}`));
}

/**
 * Asserts what can be said of any extraction without knowing the answer: each value's offsets are
 * inside the document and never go back, start where the value starts, and a value without offsets
 * is a slice of the document.
 */
export function assertSane(doc: string, values: readonly EmbeddedValue[]): void {
  noted(() => saneOffsets(doc, values));
}

function saneOffsets(doc: string, values: readonly EmbeddedValue[]): void {
  for (const v of values) {
    if (!v.offsets) {
      assert.equal(doc.slice(v.start, v.start + v.text.length), v.text, `a value without offsets is a slice of the document: ${JSON.stringify(doc)}`);
      continue;
    }
    assert.equal(v.offsets.length, v.text.length + 1, 'one offset per unit and the end');
    assert.equal(v.offsets[0], v.start);
    assert.ok(v.start >= 0);
    for (let k = 1; k < v.offsets.length; k++) assert.ok(v.offsets[k] >= v.offsets[k - 1], `offsets never go back in ${JSON.stringify(v.text)} of ${JSON.stringify(doc)}`);
    assert.ok(v.offsets[v.text.length] <= doc.length, 'the value ends inside the document');
  }
}

/**
 * Asserts that a document with a line break put in front of it gives the same values, one offset
 * further on (nothing an extractor finds depends on where the document starts).
 */
export function assertShifted(values: readonly EmbeddedValue[], shifted: readonly EmbeddedValue[], doc: string): void {
  const moved = actualValues(values).map((v) => ({ ...v, offsets: v.offsets.map((o) => o + 1) }));
  noted(() => assert.deepStrictEqual(actualValues(shifted), moved, `with a line break in front of ${JSON.stringify(doc)}`));
}

/**
 * What any text in a format must give, known values or not: no failure, sane offsets, and the same values
 * one offset further on behind a line break. `text` mixes the format's pieces with the shared document
 * text; the property names are `<name> sane offsets` and `<name> shifted`.
 */
export function describeAnyText(
  title: string,
  name: string,
  text: fc.Arbitrary<string>,
  extract: (doc: string) => EmbeddedValue[],
  runs: { sane: number; shifted: number },
): void {
  describe(`${title} extraction of any text`, () => {
    it('never fails, and every value it finds has sane offsets', () => {
      check(`${name} sane offsets`, fc.property(text, (doc) => assertSane(doc, extract(doc))), runs.sane);
    });

    it('finds the same values, one offset further on, behind a line break', () => {
      check(`${name} shifted`, fc.property(text, (doc) => assertShifted(extract(doc), extract('\n' + doc), doc)), runs.shifted);
    });
  });
}

/**
 * Extraction of documents written from known values: it finds exactly those values (offsets, keys, kinds,
 * syntax), in documents of several items and in documents of one value written each way. The property
 * names are `<name> known values` and `<name> one value`.
 */
export function describeKnownValues<I, E>(
  title: string,
  name: string,
  documents: { items: fc.Arbitrary<readonly I[]>; entry: fc.Arbitrary<E>; one: (entry: E) => I; write: (items: readonly I[], pick: Pick) => DocWriter },
  extract: (doc: string) => EmbeddedValue[],
  runs = 1500,
): void {
  const found = (items: readonly I[], s: number[]) => {
    const w = documents.write(items, new Pick(s));
    assertFound(extract(w.src), w);
  };
  describe(`${title} extraction of values written in known ways`, () => {
    it('finds exactly the values written, with every offset, key, kind and syntax', () => {
      check(`${name} known values`, fc.property(documents.items, seeds, found), runs);
    });

    it('finds one value written each way', () => {
      check(`${name} one value`, fc.property(documents.entry, seeds, (e, s) => found([documents.one(e)], s)), runs);
    });
  });
}
