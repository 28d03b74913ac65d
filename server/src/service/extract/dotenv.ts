/**
 * `.env` files: `KEY=value` and `export KEY=value`, values unquoted (an inline comment starts at
 * ` #`), single-quoted (literal), double-quoted (may span lines; `\n`, `\r`, `\t`, `\"`, `\\`
 * escapes) or in backticks (literal).
 */
import { EmbeddedValue } from '../api';
import { APOSTROPHE, BACKSLASH, BACKTICK, CARRIAGE_RETURN, COLON, DASH, DOT, EQUALS, HASH, isJsWhitespace, LINE_FEED, LOWER_E, QUOTE } from '../lex/chars';
import { isWordChar } from '../lex/identifiers';
import { DecodedBuilder, DecodedText, indexOfIn, isSpace, lineEnd, nextLine, verbatim } from './decoded';
import { emitString, MongoFinder, StringContext } from './detect';
import { classifyKeys, KeyKind, keyMayMatter, mayNameWithoutMongo } from './keys';
import { findUriTokens } from './plainText';
import { READ_TO_END, Step, stepValues, StepExtractor } from './steps';
import { lineStartAfter, NextMatch, nextOfAny } from './triggers';

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/** Characters of a key: letters, digits, `_`, `.` and `-`. */
const KEY_CHARS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  KEY_CHARS[c] = isWordChar(c) || c === DOT || c === DASH ? 1 : 0;
}

function isKeyChar(c: number): boolean {
  return c < 128 && KEY_CHARS[c] === 1;
}

/** Decodes a double-quoted dotenv value text[from, to): `\n`, `\r`, `\t`, `\"`, `\\` and line continuations. */
export function decodeDotenvDouble(text: string, from: number, to: number): DecodedText {
  const first = indexOfIn(text, 0x5c, from, to);
  if (first < 0) return verbatim(text, from, to);
  const b = new DecodedBuilder(text, from);
  let run = from;
  for (let i = first; i < to; i++) {
    if (text.charCodeAt(i) !== BACKSLASH) continue;
    if (text.charCodeAt(i + 1) === LINE_FEED || (text.charCodeAt(i + 1) === CARRIAGE_RETURN && text.charCodeAt(i + 2) === LINE_FEED)) {
      // A backslash at the end of a line joins the lines, as in a shell that sources the file.
      b.raw(run, i);
      i += text.charCodeAt(i + 1) === CARRIAGE_RETURN ? 2 : 1;
      run = i + 1;
      continue;
    }
    const e = ESCAPES[text[i + 1]];
    if (e === undefined || i + 1 >= to) continue;
    b.raw(run, i);
    b.char(e, i);
    i++;
    run = i + 1;
  }
  b.raw(run, to);
  return b.finish(to);
}

/**
 * Finds the quote that closes a value opened at `open` (backslash escapes only in "…"), or -1.
 * Remembers failures: with no closing quote after some offset there is none after any later one,
 * so a file full of unmatched quotes is still read in linear time.
 */
class QuoteFinder {
  private readonly noneAfter = new Map<number, number>();

  constructor(private readonly text: string) {}

  closing(open: number): number {
    const text = this.text;
    const q = text.charCodeAt(open);
    if (open >= (this.noneAfter.get(q) ?? Infinity)) return -1;
    for (let i = open + 1; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === BACKSLASH && q === QUOTE) i++;
      else if (c === q) return i;
    }
    this.noneAfter.set(q, open);
    return -1;
  }
}

/** Connection strings in the rest of a line; in a comment when that starts (after blanks) with `#`. */
function scanComment(out: EmbeddedValue[], text: string, from: number, to: number): void {
  let s = from;
  while (s < to && isSpace(text.charCodeAt(s))) s++;
  const comment = text.charCodeAt(s) === HASH;
  for (const [a, b] of findUriTokens(text, from, to)) out.push({ kind: 'uri', text: text.slice(a, b), start: a, syntax: 'raw', ...(comment ? { comment } : {}) });
}

/**
 * Reads the statements of one .env document. Most lines of a large file say nothing: before anything
 * is sliced or decoded, a statement is skipped when it does not contain "mongo" and its key cannot
 * name a collection or an Atlas resource (the only things a key says of a value without "mongo" in
 * either).
 */
class DotenvReader {
  private readonly quotes: QuoteFinder;
  private readonly mongo: MongoFinder;
  /** One key path and context for every value (emitString keeps neither). */
  private readonly path = [''];
  private readonly ctx: StringContext = { path: this.path, keyKind: null };
  /** The key of the statement being read: text[keyStart, keyEnd). */
  private keyStart = 0;
  private keyEnd = 0;
  /** Where locate found the statement's first line to end, its closing quote (-1: none) and the end of the line of that quote. */
  private eol = 0;
  private close = -1;
  private closeEol = 0;

  constructor(private readonly text: string) {
    this.quotes = new QuoteFinder(text);
    this.mongo = new MongoFinder(text);
  }

  /**
   * Where the statement starting at `line` ends (in `step`) and, when it is an assignment, where its
   * value is: its first character (returned; -1 when it is no assignment), its closing quote (in
   * `close`, -1 when unquoted or unclosed) and the end of the line it ends on (`closeEol`; the first
   * line's end in `eol`). The key is in keyStart and keyEnd.
   */
  private locate(line: number, step: Step<null>): number {
    const text = this.text;
    const nl = text.indexOf('\n', line);
    // As lineEnd and nextLine: the line ends before a \r, also at the end of the text.
    const brk = nl < 0 ? text.length : nl;
    const eol = brk > line && text.charCodeAt(brk - 1) === CARRIAGE_RETURN ? brk - 1 : brk;
    step.next = nl < 0 ? text.length : nl + 1;
    step.readEnd = step.next;
    const i = this.valueStart(line, eol);
    this.eol = this.closeEol = eol;
    this.close = -1;
    if (i < 0) return i;
    const q = text.charCodeAt(i);
    const quoted = q === QUOTE || q === APOSTROPHE || q === BACKTICK;
    const close = quoted ? this.quotes.closing(i) : -1;
    // Looking for a closing quote that is not there reads to the end of the text.
    if (quoted && close < 0) step.readEnd = READ_TO_END;
    this.close = close;
    if (close > 0) {
      this.closeEol = lineEnd(text, close);
      step.next = nextLine(text, this.closeEol);
      step.readEnd = step.next;
    }
    return i;
  }

  /** Reads the statement starting at `line`: a line, or an assignment whose quoted value spans lines. */
  statement(line: number, out: EmbeddedValue[], step: Step<null>): void {
    const text = this.text;
    const i = this.locate(line, step);
    const { eol, close, closeEol } = this;
    if (i < 0) {
      // A comment, a blank line, or something else: look for mentions.
      if (this.mongo.within(line, eol)) scanComment(out, text, line, eol);
      return;
    }
    const q = text.charCodeAt(i);
    // A line continuation in "…" joins what is around it: "mo\<newline>ngo" reads as mongo.
    const mayJoin = q === QUOTE && close > 0 && indexOfIn(text, 0x5c, i + 1, close) >= 0;
    if (!mayJoin && !this.mongo.within(line, closeEol) && !mayNameWithoutMongo(text, this.keyStart, this.keyEnd)) return;
    // Without a telling key, only a value that mentions "mongo" has something to find.
    const keyKind = this.classifyKey();
    const valueMatters = (keyKind !== null && keyKind !== 'uri-if-mongo') || mayJoin;
    if (close > 0) this.quotedValue(out, i, close, closeEol, valueMatters);
    else this.unquotedValue(out, i, eol, valueMatters);
  }

  /** The assignment of the statement at `line`, whatever its key and value say: its name and decoded value. */
  assignment(line: number, step: Step<null>): DotenvAssignment | undefined {
    const text = this.text;
    const i = this.locate(line, step);
    const { eol, close } = this;
    if (i < 0) return undefined;
    const name = text.slice(this.keyStart, this.keyEnd);
    const q = text.charCodeAt(i);
    if (close > 0) {
      const value = q === QUOTE ? decodeDotenvDouble(text, i + 1, close) : verbatim(text, i + 1, close);
      return { name, value, quote: q === QUOTE ? 'double' : q === APOSTROPHE ? 'single' : 'backtick' };
    }
    let end = i;
    while (end < eol && !(text.charCodeAt(end) === HASH && (end === i || isSpace(text.charCodeAt(end - 1))))) end++;
    while (end > i && isSpace(text.charCodeAt(end - 1))) end--;
    return { name, value: verbatim(text, i, end), quote: 'none' };
  }

  /**
   * Reads `KEY=` or `KEY:` (after `export ` when it is there) on the line from `line` to `eol`, putting
   * the key's bounds in keyStart and keyEnd; returns where its value starts (after blanks), or -1 when
   * the line is no assignment.
   */
  private valueStart(line: number, eol: number): number {
    const text = this.text;
    let i = line;
    while (i < eol && isSpace(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) === LOWER_E /* e */ && text.startsWith('export', i) && isSpace(text.charCodeAt(i + 6))) {
      i += 6;
      while (i < eol && isSpace(text.charCodeAt(i))) i++;
    }
    const keyStart = i;
    while (i < eol && isKeyChar(text.charCodeAt(i))) i++;
    const keyEnd = i;
    while (i < eol && isSpace(text.charCodeAt(i))) i++;
    const sep = text.charCodeAt(i);
    if (keyEnd === keyStart || (sep !== EQUALS /* = */ && sep !== COLON /* : */)) return -1;
    this.keyStart = keyStart;
    this.keyEnd = keyEnd;
    i++;
    while (i < eol && isSpace(text.charCodeAt(i))) i++;
    return i;
  }

  /** What the key says about its value (kept in ctx for emitString), or null when it says nothing. */
  private classifyKey(): KeyKind | null {
    const path = this.path;
    path[0] = this.text.slice(this.keyStart, this.keyEnd);
    const keyKind = keyMayMatter(this.text, this.keyStart, this.keyEnd) ? classifyKeys(path[0]) ?? null : null;
    this.ctx.keyKind = keyKind;
    return keyKind;
  }

  /** The value quoted from `open` to `close`, and mentions in the rest of its last line (to closeEol). */
  private quotedValue(out: EmbeddedValue[], open: number, close: number, closeEol: number, valueMatters: boolean): void {
    const text = this.text;
    const q = text.charCodeAt(open);
    if (valueMatters || this.mongo.within(open + 1, close)) {
      const d = q === QUOTE ? decodeDotenvDouble(text, open + 1, close) : verbatim(text, open + 1, close);
      emitString(out, d, q === QUOTE ? 'dotenv-double' : q === APOSTROPHE ? 'dotenv-single' : 'raw', this.ctx);
    }
    if (this.mongo.within(close + 1, closeEol)) scanComment(out, text, close + 1, closeEol);
  }

  /** The unquoted value from i up to an inline comment (` #`) or the line end `eol`, and mentions in that comment. */
  private unquotedValue(out: EmbeddedValue[], i: number, eol: number, valueMatters: boolean): void {
    const text = this.text;
    let end = i;
    while (end < eol && !(text.charCodeAt(end) === HASH /* # */ && (end === i || isSpace(text.charCodeAt(end - 1))))) end++;
    const restFrom = end;
    while (end > i && isSpace(text.charCodeAt(end - 1))) end--;
    if (valueMatters || this.mongo.within(i, end)) emitString(out, verbatim(text, i, end), 'dotenv-unquoted', this.ctx);
    if (this.mongo.within(restFrom, eol)) scanComment(out, text, restFrom, eol);
  }
}

/** A pass over less text than this (a dense file) makes the passer wait before it tries again. */
const MIN_PASS = 256;

/** The most text read statement by statement, after a short pass, before passing is tried again. */
const MAX_BACK_OFF = 8192;

/** Statements of a .env file: a line, or an assignment whose quoted value spans lines (see DotenvReader). */
export const dotenvSteps: StepExtractor<null> = {
  initial: null,
  same: () => true,
  reader(text) {
    const reader = new DotenvReader(text);
    return (line, _state, out, step) => reader.statement(line, out, step);
  },
  passer: (text) => dotenvPasser(text, MIN_PASS),
};

/** dotenvSteps passing over every stretch it can, however short (for tests). */
export const dotenvStepsPassingAll: StepExtractor<null> = { ...dotenvSteps, passer: (text) => dotenvPasser(text, 0) };

/**
 * The passer of dotenvSteps: a line without a quote is a statement of its own; without "mongo" in it,
 * it has a value only when its key may name one without "mongo" (mayNameWithoutMongo: a key ending
 * in `name` or `collection`, or without letters, which keyMayMatter then finds saying nothing;
 * `atlas` for good measure). Lines without any of these are passed over in one jump. After a pass
 * over less than `minPass` characters (a dense file), passing is not tried again for a while, longer
 * each time, so that searching for triggers costs little there.
 */
function dotenvPasser(text: string, minPass: number): (pos: number) => number {
  const triggers = [
    new NextMatch(text, /(?:mongo|name|collection|atlas)/gi, true),
    new NextMatch(text, '"'),
    new NextMatch(text, "'"),
    new NextMatch(text, '`'),
  ];
  let notBefore = 0;
  let backOff = 0;
  return (pos) => {
    if (pos < notBefore) return pos;
    const at = nextOfAny(triggers, pos);
    const next = lineStartAfter(text, pos, at);
    if (next - pos < minPass) {
      notBefore = at + 1 + backOff;
      backOff = Math.min(Math.max(2 * backOff, minPass), MAX_BACK_OFF);
    } else backOff = 0;
    return next;
  };
}

/** A `KEY=value` of a .env file: the key, the value decoded (with its document offsets), how it is quoted. */
export interface DotenvAssignment {
  name: string;
  value: DecodedText;
  quote: 'none' | 'double' | 'single' | 'backtick';
}

/** A character of `\s` other than the line feed. */
function isBlankOfLine(c: number): boolean {
  return c !== LINE_FEED && isJsWhitespace(c);
}

/**
 * Where the line starts when only blanks, or blanks, `export` and blanks, come before `at` on it (where
 * an assignment's name is written); -1 otherwise. Read backwards from `at`, so that a name met many times
 * inside a long line (references in one connection string) costs a character or two each.
 */
function assignedLineStart(text: string, at: number): number {
  let k = at;
  while (k > 0 && isBlankOfLine(text.charCodeAt(k - 1))) k--;
  if (k === 0 || text.charCodeAt(k - 1) === LINE_FEED) return k;
  if (k === at || k < 6 || !text.startsWith('export', k - 6)) return -1;
  k -= 6;
  while (k > 0 && isBlankOfLine(text.charCodeAt(k - 1))) k--;
  return k === 0 || text.charCodeAt(k - 1) === LINE_FEED ? k : -1;
}

/** Names a finder of assignments looks up by searching for them before it reads every line once. */
const FEW_NAMES = 8;

/** Blanks a name may follow at the start of its line (any `\s` but a line feed), and `export ` after them. */
const LEADING_BLANKS = /[^\S\n]*/y;
const EXPORT_PREFIX = /export[^\S\n]+/y;

/**
 * The last assignment of a name in a .env file (or before an offset: a shell script's assignments before
 * a line). The first few names are found by searching for them, so that a large file costs what its
 * occurrences of those names cost; past them, every line is read once into an index, so that a file
 * whose strings use hundreds of variables is not searched from its end once per variable. Both ways
 * find the same assignment: an occurrence of the name at the start of a line (after blanks, or after
 * `export ` and blanks) on a line that reads as an assignment of that name, the last one that ends by
 * `before`. (A line inside a quoted value that spans lines and reads like an assignment is taken for one.)
 */
export class DotenvAssignments {
  private readonly reader: DotenvReader;
  private readonly step: Step<null> = { next: 0, readEnd: 0, state: null };
  private searched = 0;
  /** Every line's assignment by name, with where the name is written, in document order (read when first needed). */
  private index: Map<string, Array<{ at: number; a: DotenvAssignment }>> | undefined;

  constructor(
    private readonly text: string,
    /** How many names are searched for before every line is read (tests compare the two ways). */
    private readonly searches = FEW_NAMES,
  ) {
    this.reader = new DotenvReader(text);
  }

  last(name: string, before = this.text.length): DotenvAssignment | undefined {
    if (name === '') return undefined;
    // An occurrence ends by `before`; one at offset 0 is found however small `before` is (as lastIndexOf finds it).
    const latest = Math.max(0, before - name.length);
    // A name that starts with a blank is no variable's; the index files names after the blanks.
    if (/^\s/.test(name) || (this.index === undefined && this.searched++ < this.searches)) return this.search(name, latest);
    const list = (this.index ??= this.readAll()).get(name);
    if (!list) return undefined;
    // The last entry written at or before `latest`.
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.at <= latest) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? list[lo - 1]!.a : undefined;
  }

  private search(name: string, latest: number): DotenvAssignment | undefined {
    const text = this.text;
    for (let at = text.lastIndexOf(name, latest); at >= 0; at = at > 0 ? text.lastIndexOf(name, at - 1) : -1) {
      // Only at the start of a line, after blanks or `export `: most occurrences are references.
      const line = assignedLineStart(text, at);
      if (line < 0) continue;
      const a = this.reader.assignment(line, this.step);
      if (a && a.name === name) return a;
    }
    return undefined;
  }

  /** Each line's assignment, under its name at each place where the search would find that name: after the blanks, after `export `. */
  private readAll(): Map<string, Array<{ at: number; a: DotenvAssignment }>> {
    const text = this.text;
    const index = new Map<string, Array<{ at: number; a: DotenvAssignment }>>();
    for (let line = 0; line < text.length; line = nextLine(text, line)) {
      const a = this.reader.assignment(line, this.step);
      if (a && a.name !== '') {
        LEADING_BLANKS.lastIndex = line;
        LEADING_BLANKS.test(text);
        const first = LEADING_BLANKS.lastIndex;
        EXPORT_PREFIX.lastIndex = first;
        const afterExport = EXPORT_PREFIX.test(text) ? EXPORT_PREFIX.lastIndex : -1;
        for (const at of [first, afterExport]) {
          if (at < 0 || !text.startsWith(a.name, at)) continue;
          const list = index.get(a.name);
          if (list) list.push({ at, a });
          else index.set(a.name, [{ at, a }]);
        }
      }
    }
    return index;
  }
}

export function extractDotenv(text: string): EmbeddedValue[] {
  return stepValues(dotenvSteps, text);
}
