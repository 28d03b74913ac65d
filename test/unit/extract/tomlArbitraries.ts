/**
 * Generators of valid TOML documents for the differential test of the TOML extractor
 * (tomlDifferential.test.ts). A document is built from known parts, so that for every string value the
 * test knows its key path, its decoded text and the document offset that every decoded character was
 * written at: smol-toml gives values but no ranges. Shares no code with the extractor.
 *
 * The documents use tables (`[a."b c"]`), arrays of tables, dotted and quoted keys, inline tables (also
 * over several lines, as TOML 1.1 allows), arrays with comments, the four kinds of strings with every
 * escape (`\"`, `\\`, `\uXXXX`, `\UXXXXXXXX`, `\xXX`, `\e`, ...), line-ending backslashes, trimmed first
 * line breaks, CRLF line ends, and comments that mention connection strings.
 */
import fc from 'fast-check';

export type PathStep = string | number;

/** A part of a string literal's content: `src` as written, `dec` what it reads as. */
interface Piece {
  src: string;
  dec: string;
  /** `src` is `dec` written as is: decoded character k comes from document offset (piece start + k). */
  verbatim: boolean;
}

export type Style = 'basic' | 'literal' | 'ml-basic' | 'ml-literal';

interface Literal {
  style: Style;
  value: string;
  pieces: Piece[];
}

/** One part of a key: as written, and as read. */
interface KeySeg {
  src: string;
  name: string;
}

interface Key {
  segs: KeySeg[];
  /** What separates the parts (`.`, ` . `). */
  dot: string;
}

type Value =
  | { t: 'str'; lit: Literal }
  | { t: 'raw'; src: string }
  | { t: 'array'; items: Value[]; multiline: boolean; trailingComma: boolean; comments: Array<string | null> }
  | { t: 'table'; entries: Array<{ key: Key; value: Value }>; multiline: boolean; trailingComma: boolean };

type Line =
  | { t: 'kv'; indent: string; key: Key; eq: string; value: Value; comment: string | null }
  | { t: 'comment'; indent: string; text: string }
  | { t: 'blank' };

interface Section {
  header: Key;
  /** `[[header.name]]`: an array of tables. */
  aot: KeySeg | null;
  pad: string;
  comment: string | null;
  lines: Line[];
}

interface DocSpec {
  eol: '\n' | '\r\n';
  root: Line[];
  sections: Section[];
  finalEol: boolean;
}

/** A string value of a generated document. */
export interface StringSite {
  /** Key path in the parsed document: keys, and indices of arrays and arrays of tables. */
  path: PathStep[];
  /** The keys of the path joined with `.` (array indices left out). */
  key: string;
  style: Style;
  /** The decoded value, as the generator meant it. */
  value: string;
  /** Document offsets of the content between the quotes. */
  contentStart: number;
  contentEnd: number;
  /** `offsets[i]`: document offset decoded character i was written at; `offsets[value.length]`: the end of the content. */
  offsets: number[];
}

export interface TomlCase {
  text: string;
  strings: StringSite[];
  /** Comments, from `#` to the end of the line. */
  comments: Array<{ start: number; end: number }>;
  /** Which syntax the document uses (to check that the generator covers everything). */
  features: Set<string>;
}

// ---------------------------------------------------------------------------------------------
// Keys. The four vocabularies read as disjoint names, so that a generated document never defines a
// key twice or a table over a value: leaves end a key, prefixes start dotted keys, headers name
// tables, `AOT` names arrays of tables. Repeated leaves and headers are renamed by the renderer.

const seg = (src: string, name: string): KeySeg => ({ src, name });
const bare = (s: string): KeySeg => seg(s, s);

const LEAVES: KeySeg[] = [
  bare('uri'), bare('url'), bare('MONGODB_URI'), bare('mongo_url'), bare('DATABASE_URL'), bare('db'), bare('database_name'),
  bare('collection'), bare('name'), bare('note'), bare('description'), bare('host'), bare('clusterName'), bare('connectionString'),
  bare('x-1'), seg('"mongo uri"', 'mongo uri'), seg("'conn.str'", 'conn.str'), seg('"k\\"q"', 'k"q'), seg('"\\u006dongo_dsn"', 'mongo_dsn'),
  seg('"MONGO\\U0000005FURL"', 'MONGO_URL'), seg("'C:\\tmp'", 'C:\\tmp'), seg('""', ''), seg('"é"', 'é'), seg('"tab\\tkey"', 'tab\tkey'),
];
const PREFIXES: KeySeg[] = [bare('mongo'), bare('spring'), bare('data'), bare('mongodb'), seg('"my app"', 'my app'), seg("'a.b'", 'a.b'), bare('cfg'), seg('"\\u0041tlas"', 'Atlas')];
const HEADERS: KeySeg[] = [bare('database'), bare('prod'), seg('"prod env"', 'prod env'), seg("'x.y'", 'x.y'), bare('app'), seg('"m\\u00e9ta"', 'méta'), bare('settings')];
const AOT: KeySeg[] = [bare('replicas'), bare('workers'), seg('"shard set"', 'shard set')];

const dot = fc.constantFrom('.', '.', '.', ' . ', '\t.');
const key: fc.Arbitrary<Key> = fc
  .tuple(fc.array(fc.constantFrom(...PREFIXES), { maxLength: 2 }), fc.constantFrom(...LEAVES), dot)
  .map(([prefixes, leaf, d]) => ({ segs: [...prefixes, leaf], dot: d }));
const header: fc.Arbitrary<Key> = fc
  .tuple(fc.array(fc.constantFrom(...HEADERS), { minLength: 1, maxLength: 3 }), dot)
  .map(([segs, d]) => ({ segs, dot: d }));

// ---------------------------------------------------------------------------------------------
// String values: the text they read as, then how it is written.

/** Connection strings, with characters that need escapes in some kinds of strings. */
const URIS = [
  'mongodb://u:p@h:27017/db?w=1', 'mongodb+srv://c.abc.mongodb.net/app?retryWrites=true', 'mongodb://a,b:27018/?replicaSet=rs',
  'mongodb://[::1]:27017', 'mongodb://u%40x:p%3Aw@h/db', 'mongodb://h/db?appName=é€😀', 'mongodb://h1:70000/db', 'mongodb://h/db?appName=a"b',
  'mongodb://u:p\\w@h/', "mongodb://it's/db", 'MONGODB://H:1/D', 'mongodb+srv://x.y.z', 'mongodb://h:1/db\n', 'mongodb://h/?a=1\tb',
  'mongodb://${USER}:${PASS}@h/db', 'mongodb://h/db # not a comment', 'mongodb://u:p@h/db?x=1 ', 'mongodb://h/""db', "mongodb://h/''db",
  'mongodb://h/\u0001\u007f\u001b', 'mongodb://a\r\nb', 'mongodb://h/"""x', "mongodb://h/'''x",
];

/** Other values: names, placeholders, prose that mentions connection strings, text in need of escapes. */
const OTHERS = [
  '', 'localhost:27017', 'shop', 'app_1', '${MONGO_URI}', '${MONGO_URI:-mongodb://h/db}', '${spring.uri:mongodb://x:1/y}', 'C:\\path\\x',
  'see mongodb://a:1/b, and mongodb+srv://c.d.e/f.', 'mongosh "mongodb://h/x" --eval 1', 'line one\nmongodb://h:1/a\nline three',
  "it's", 'mongo-1:27017', 'postgres://u@h/db', 'Mongo', 'x = "y" # z', '\u0000\u001f\u007f', 'tab\there', 'quote """ triple',
  "triple ''' lit", 'mongodb://', 'mongodb+srv://', ' mongodb://lead:1/space', '"quoted"', "''", '"', '\\', '\n', '\n\nmongodb://h:2/two-lines',
];

/** Fragments of random values. */
const FRAGMENTS = [
  'mongodb://', 'mongodb+srv://', 'u:p@', 'h:27017', 'a.b.c', '/db', '?w=1', '&appName=x', ' ', ' ', '\n', '\r\n', '\t', '"', '""', "'", "''",
  '\\', 'é', '😀', '€', '\u{10FFFF}', 'see ', 'mongosh ', ',', '.', '#', '=', '[x]', '{', '}', '${X}', '%40', '\u0001', '\u007f', '\u001b',
  '\b', '\f', '\r', 'MONGO', 'mongodb://h/x', 'mongodb://u:p@h:1/db?w=majority', '\u00a0', '\u2028', '\ufeff',
];

const decodedValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...URIS) },
  { weight: 3, arbitrary: fc.constantFrom(...OTHERS) },
  { weight: 3, arbitrary: fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 8 }).map((a) => a.join('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
);

/** Control characters that TOML does not allow in any string as they are (tab is allowed). */
function isControl(cp: number): boolean {
  return (cp < 0x20 && cp !== 0x09) || cp === 0x7f;
}

/** Can the value be written in this kind of string at all? (Basic strings can write anything with escapes.) */
function writable(value: string, style: Style): boolean {
  if (style === 'basic' || style === 'ml-basic') return true;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (style === 'literal' && (c === 0x27 || isControl(c))) return false;
    if (style === 'ml-literal') {
      // A CR only before a LF; no `'''` (the closing delimiter).
      if (c === 0x0d ? value.charCodeAt(i + 1) !== 0x0a : c !== 0x0a && isControl(c)) return false;
    }
  }
  return style !== 'ml-literal' || !value.includes("'''");
}

const SHORT_ESCAPES: Record<string, string> = { '\b': 'b', '\t': 't', '\n': 'n', '\f': 'f', '\r': 'r', '\u001b': 'e', '"': '"', '\\': '\\' };

function hex(n: number, width: number, upper: boolean): string {
  const s = n.toString(16).padStart(width, '0');
  return upper ? s.toUpperCase() : s;
}

/** Reads random choices from a list of numbers (0, where fast-check shrinks to, is the plainest choice). */
class Rolls {
  private k = 0;
  constructor(private readonly rolls: number[]) {}
  /** A number in [0, n). */
  next(n: number): number {
    return this.rolls[this.k++ % this.rolls.length] % n;
  }
}

/** The escapes that write code point `cp` in a basic string. */
function escapesOf(cp: number, r: Rolls): string[] {
  const upper = r.next(2) === 1;
  const out: string[] = [];
  const short = SHORT_ESCAPES[String.fromCodePoint(cp)];
  if (short !== undefined) out.push(`\\${short}`, `\\${short}`);
  if (cp <= 0xffff) out.push(`\\u${hex(cp, 4, upper)}`);
  if (cp <= 0xff) out.push(`\\x${hex(cp, 2, upper)}`);
  out.push(`\\U${hex(cp, 8, upper)}`);
  return out;
}

const isBlank = (ch: string | undefined): boolean => ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';

/** Writes `value` as the content of a string of the given kind, with escapes and line breaks chosen by `r`. */
function encode(value: string, style: Style, r: Rolls): Literal {
  const pieces: Piece[] = [];
  const verbatim = (s: string): void => void pieces.push({ src: s, dec: s, verbatim: true });
  const escape = (src: string, dec: string): void => void pieces.push({ src, dec, verbatim: false });
  const chars = Array.from(value);
  const multi = style === 'ml-basic' || style === 'ml-literal';
  /** The last two characters written, to keep from writing the closing delimiter. */
  const tail = (): string => pieces.map((p) => p.src).join('').slice(-2);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    const cp = ch.codePointAt(0) as number;
    if (style === 'literal' || style === 'ml-literal') {
      if (ch === '\r') {
        verbatim('\r\n');
        i++;
      } else verbatim(ch);
      continue;
    }
    // A line-ending backslash before a character that it would not swallow (or at the end). Not right
    // before the last quotes: smol-toml (1.9) drops the one or two quotes just before the closing
    // delimiter when a line-ending backslash comes before them (it reads `"""\<LF>""""` as "", not `"`).
    if (style === 'ml-basic' && !isBlank(ch) && !/^"+$/.test(chars.slice(i).join('')) && r.next(8) === 7) {
      const breaks = ['\n', '\r\n', '\n\n', '\n  \t', '\n   \n  '];
      escape(`\\${' '.repeat(r.next(3))}${breaks[r.next(breaks.length)]}`, '');
    }
    let raw: boolean;
    if (ch === '"') raw = style === 'ml-basic' && tail() !== '""' && r.next(2) === 1;
    else if (ch === '\\') raw = false;
    else if (ch === '\r') raw = style === 'ml-basic' && chars[i + 1] === '\n' && r.next(2) === 1;
    else if (ch === '\n') raw = style === 'ml-basic' && r.next(4) !== 3;
    else if (isControl(cp)) raw = false;
    else raw = r.next(5) !== 4;
    if (raw && ch === '\r') {
      verbatim('\r\n');
      i++;
    } else if (raw) {
      verbatim(ch);
    } else {
      const options = escapesOf(cp, r);
      escape(options[r.next(options.length)], ch);
    }
  }
  if (style === 'ml-basic' && r.next(8) === 7) escape(`\\${['\n', '\r\n', '\n    '][r.next(3)]}`, '');
  // A line break right after the opening delimiter is not part of the value: one is put there when the
  // content starts with a line break, and now and then anyway.
  if (multi && (pieces.length > 0 && /^\r?\n/.test(pieces[0].src) ? true : r.next(2) === 1)) {
    pieces.unshift({ src: r.next(3) === 2 ? '\r\n' : '\n', dec: '', verbatim: false });
  }
  return { style, value, pieces };
}

const STYLES: Style[] = ['basic', 'literal', 'ml-basic', 'ml-literal'];

const stringValue: fc.Arbitrary<Value> = decodedValue.chain((value) =>
  fc
    .tuple(fc.constantFrom(...STYLES.filter((s) => writable(value, s))), fc.array(fc.nat(9999), { minLength: 8, maxLength: 64 }))
    .map(([style, rolls]): Value => ({ t: 'str', lit: encode(value, style, new Rolls(rolls)) })),
);

const RAW_VALUES = [
  '42', '-17', '+1_000', '3.14', '-0.01', '5e+22', 'true', 'false', 'inf', '-nan', '0x1F', '0o17', '0b101', '1979-05-27T07:32:00Z',
  '1979-05-27', '07:32:00', '1979-05-27 07:32:00.999',
];

/** Comment texts (after `#`): no control characters but tab. */
const COMMENTS = [
  '', ' plain', ' mongodb://c:1/x', ' see mongodb+srv://a.b.c/d, ok', ' "quoted" \'x\' = [ ] {', ' é😀\t', '# uri = "mongodb://h/c"', ' ${MONGO_URI}',
];
const comment = fc.constantFrom(...COMMENTS);
const maybeComment = fc.option(comment, { freq: 4 });

const { value } = fc.letrec<{ value: Value; array: Value; table: Value }>((tie) => ({
  value: fc.oneof(
    { maxDepth: 3, depthIdentifier: 'toml' },
    { weight: 6, arbitrary: stringValue },
    { weight: 1, arbitrary: fc.constantFrom(...RAW_VALUES).map((src): Value => ({ t: 'raw', src })) },
    { weight: 2, arbitrary: tie('array') },
    { weight: 2, arbitrary: tie('table') },
  ),
  array: fc
    .record({
      items: fc.array(tie('value'), { maxLength: 4 }),
      multiline: fc.boolean(),
      trailingComma: fc.boolean(),
      comments: fc.array(maybeComment, { minLength: 4, maxLength: 4 }),
    })
    .map((a): Value => ({ t: 'array', ...a })),
  table: fc
    .record({
      entries: fc.array(fc.record({ key, value: tie('value') }), { maxLength: 3 }),
      multiline: fc.boolean(),
      trailingComma: fc.boolean(),
    })
    .map((t): Value => ({ t: 'table', ...t })),
}));

const indent = fc.constantFrom('', '', '', '  ', '\t');
const line: fc.Arbitrary<Line> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ indent, key, eq: fc.constantFrom(' = ', '=', ' =\t', '  =  '), value, comment: maybeComment }).map((l): Line => ({ t: 'kv', ...l })) },
  { weight: 1, arbitrary: fc.record({ indent, text: comment }).map((l): Line => ({ t: 'comment', ...l })) },
  { weight: 1, arbitrary: fc.constant<Line>({ t: 'blank' }) },
);
const lines = fc.array(line, { maxLength: 5 });

const section: fc.Arbitrary<Section> = fc.record({
  // An array of tables also at the top level.
  header: fc.oneof({ weight: 4, arbitrary: header }, { weight: 1, arbitrary: fc.constant<Key>({ segs: [], dot: '.' }) }),
  aot: fc.option(fc.constantFrom(...AOT), { freq: 3 }),
  pad: fc.constantFrom('', '', ' '),
  comment: maybeComment,
  lines,
});

const docSpec: fc.Arbitrary<DocSpec> = fc.record({
  eol: fc.constantFrom<'\n' | '\r\n'>('\n', '\n', '\r\n'),
  root: lines,
  sections: fc.array(section, { maxLength: 4 }),
  finalEol: fc.boolean(),
});

// ---------------------------------------------------------------------------------------------
// Rendering: writes the document and notes where every string value and comment went.

const OPEN: Record<Style, string> = { basic: '"', literal: "'", 'ml-basic': '"""', 'ml-literal': "'''" };

/** A key part renamed with a suffix (`uri` → `uri_2`, `"a b"` → `"a b_2"`). */
function renamed(s: KeySeg, n: number): KeySeg {
  const src = /^[A-Za-z0-9_-]+$/.test(s.src) ? `${s.src}_${n}` : `${s.src.slice(0, -1)}_${n}${s.src.slice(-1)}`;
  return { src, name: `${s.name}_${n}` };
}

/** Renames the last part of `segs` until the names are not in `used`; adds them. */
function unique(segs: KeySeg[], used: Set<string>): KeySeg[] {
  let out = segs;
  for (let n = 2; used.has(JSON.stringify(out.map((s) => s.name))); n++) out = [...segs.slice(0, -1), renamed(segs[segs.length - 1], n)];
  used.add(JSON.stringify(out.map((s) => s.name)));
  return out;
}

class Renderer {
  text = '';
  readonly strings: StringSite[] = [];
  readonly comments: Array<{ start: number; end: number }> = [];
  readonly features = new Set<string>();

  constructor(private readonly eol: string) {}

  private write(s: string): void {
    this.text += s;
  }

  private comment(text: string): void {
    const start = this.text.length;
    this.write(`#${text}`);
    this.comments.push({ start, end: this.text.length });
    this.features.add('comment');
    if (text.includes('mongodb')) this.features.add('comment-with-uri');
  }

  private key(segs: KeySeg[], d: string): void {
    this.write(segs.map((s) => s.src).join(d));
    if (segs.length > 1) this.features.add('dotted-key');
    if (segs.some((s) => /^["']/.test(s.src))) this.features.add('quoted-key');
  }

  lines(ls: Line[], base: PathStep[]): void {
    const used = new Set<string>();
    for (const l of ls) {
      if (l.t === 'kv') {
        const segs = unique(l.key.segs, used);
        this.write(l.indent);
        this.key(segs, l.key.dot);
        this.write(l.eq);
        this.value(l.value, [...base, ...segs.map((s) => s.name)], false);
        if (l.comment !== null) {
          this.write(' ');
          this.comment(l.comment);
        }
      } else if (l.t === 'comment') {
        this.write(l.indent);
        this.comment(l.text);
      }
      this.write(this.eol);
    }
  }

  private value(v: Value, path: PathStep[], inTable: boolean): void {
    if (v.t === 'raw') {
      this.write(v.src);
    } else if (v.t === 'str') {
      this.literal(v.lit, path);
    } else if (v.t === 'array') {
      this.features.add(inTable ? 'array-in-inline-table' : 'array');
      this.write('[');
      v.items.forEach((item, i) => {
        if (v.multiline) this.write(`${this.eol}    `);
        else if (i > 0) this.write(' ');
        this.value(item, [...path, i], inTable);
        if (i < v.items.length - 1 || v.trailingComma) this.write(',');
        const c = v.comments[i % v.comments.length];
        if (v.multiline && c !== null) {
          this.write(' ');
          this.comment(c);
        }
      });
      if (v.multiline) this.write(this.eol);
      this.write(']');
    } else {
      this.features.add(v.multiline ? 'multi-line-inline-table' : 'inline-table');
      const used = new Set<string>();
      this.write(v.multiline ? '{' : '{ ');
      v.entries.forEach((e, i) => {
        const segs = unique(e.key.segs, used);
        if (v.multiline) this.write(`${this.eol}  `);
        this.key(segs, e.key.dot);
        this.write(' = ');
        this.value(e.value, [...path, ...segs.map((s) => s.name)], true);
        if (i < v.entries.length - 1 || v.trailingComma) this.write(',');
        if (i < v.entries.length - 1 && !v.multiline) this.write(' ');
      });
      if (v.multiline) this.write(this.eol);
      this.write(v.multiline ? '}' : ' }');
    }
  }

  private literal(lit: Literal, path: PathStep[]): void {
    const open = OPEN[lit.style];
    this.features.add(lit.style);
    this.write(open);
    const contentStart = this.text.length;
    const offsets: number[] = [];
    for (const p of lit.pieces) {
      const at = this.text.length;
      if (p.verbatim) for (let k = 0; k < p.src.length; k++) offsets.push(at + k);
      else for (let k = 0; k < p.dec.length; k++) offsets.push(at);
      this.write(p.src);
      if (!p.verbatim) this.features.add(p.dec === '' ? (at === contentStart ? 'trimmed-line-break' : 'line-ending-backslash') : `escape ${p.src.slice(0, 2)}`);
    }
    offsets.push(this.text.length);
    this.strings.push({
      path,
      key: path.filter((s) => typeof s === 'string').join('.'),
      style: lit.style,
      value: lit.value,
      contentStart,
      contentEnd: this.text.length,
      offsets,
    });
    this.write(open);
  }

  sections(list: Section[]): void {
    const usedTables = new Set<string>();
    const aotLength = new Map<string, number>();
    for (const s of list) {
      if (s.header.segs.length === 0 && !s.aot) continue;
      let segs: KeySeg[];
      let base: PathStep[];
      if (s.aot) {
        segs = [...s.header.segs, s.aot];
        const id = JSON.stringify(segs.map((k) => k.name));
        const index = aotLength.get(id) ?? 0;
        aotLength.set(id, index + 1);
        base = [...segs.map((k) => k.name), index];
        this.features.add('array-of-tables');
      } else {
        segs = unique(s.header.segs, usedTables);
        base = segs.map((k) => k.name);
        this.features.add('table');
      }
      this.write(s.aot ? `[[${s.pad}` : `[${s.pad}`);
      this.key(segs, s.header.dot);
      this.write(s.aot ? `${s.pad}]]` : `${s.pad}]`);
      if (s.comment !== null) {
        this.write(' ');
        this.comment(s.comment);
      }
      this.write(this.eol);
      this.lines(s.lines, base);
    }
  }
}

function render(spec: DocSpec): TomlCase {
  const r = new Renderer(spec.eol);
  if (spec.eol === '\r\n') r.features.add('crlf');
  r.lines(spec.root, []);
  r.sections(spec.sections);
  // Without a line break at the end when the last line allows it.
  if (!spec.finalEol && r.text.endsWith(spec.eol)) r.text = r.text.slice(0, -spec.eol.length);
  return { text: r.text, strings: r.strings, comments: r.comments, features: r.features };
}

/** A valid TOML document, with where its string values and comments are. */
export const tomlCase: fc.Arbitrary<TomlCase> = docSpec.map(render);

/** The syntax that the generated documents should use between them. */
export const FEATURES = [
  'basic', 'literal', 'ml-basic', 'ml-literal', 'escape \\"', 'escape \\\\', 'escape \\u', 'escape \\U', 'escape \\x', 'escape \\e', 'escape \\n',
  'line-ending-backslash', 'trimmed-line-break', 'table', 'array-of-tables', 'dotted-key', 'quoted-key', 'inline-table', 'multi-line-inline-table',
  'array', 'array-in-inline-table', 'comment', 'comment-with-uri', 'crlf',
];
