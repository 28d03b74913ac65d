/**
 * Readers of string literals in program source, one per language. Each decodes escapes with an exact
 * offset map and keeps interpolations as `${…}` placeholders (JS templates and Kotlin as written;
 * Python f-strings and C# `$"…"` `{x}`, Ruby `#{x}` and PHP `{$x}` rewritten to `${x}`), so the core
 * treats them as opaque.
 */
import { HostSyntax } from '../api';
import { DecodedBuilder, DecodedText } from './decoded';
import { cEscape, cEscapeEnd, Literal, LiteralReader } from './codeEscapes';
import { readTextBlock, trimRawLines } from './codeBlocks';
import { APOSTROPHE, AT, BACKSLASH, BACKTICK, CARRIAGE_RETURN, DOLLAR, HASH, LEFT_BRACE, LINE_FEED, LOWER_B, LOWER_F, LOWER_R, LOWER_T, LOWER_U, QUOTE, RIGHT_BRACE } from '../lex/chars';

export type { Literal, LiteralReader } from './codeEscapes';

/** How backslashes work: C-like escapes, none, only `\\` and `\'` (Ruby, PHP single quotes), or raw-but-quoting (Python r""). */
type Escapes = 'c' | 'none' | 'single' | 'raw-quote';
/** Interpolation: none, `${…}` kept as written, `{…}` → `${…}`, `#{…}` → `${…}`, PHP `{$…}` → `${…}`. */
type Interpolation = 'none' | 'dollar' | 'brace' | 'hash' | 'php';

/** Below this offset, a search for a closing brace has already failed: do not search again. */
let failedUntil = -1;

/** Offset of the `}` closing the brace at `open` (nested braces and simple strings skipped), or -1. Bounded. */
function matchBrace(text: string, open: number): number {
  if (open < failedUntil && failedUntil <= text.length) return -1;
  let depth = 0;
  const limit = Math.min(text.length, open + 1024);
  for (let i = open; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === LEFT_BRACE) depth++;
    else if (c === RIGHT_BRACE) {
      if (--depth === 0) return i;
    } else if (c === QUOTE || c === APOSTROPHE || c === BACKTICK) {
      for (i++; i < limit && text.charCodeAt(i) !== c; i++) if (text.charCodeAt(i) === BACKSLASH) i++;
    } else if (c === LINE_FEED && depth > 8) break;
  }
  failedUntil = limit;
  return -1;
}

/** Forgets failed searches (a new document). */
export function resetLiteralReaders(): void {
  failedUntil = -1;
}

/**
 * The readers' state: what they remember of failed searches. A literal read again with the state it
 * was first read with decodes the same way.
 */
export function literalReaderState(): number {
  return failedUntil;
}

export function setLiteralReaderState(state: number): void {
  failedUntil = state;
}

interface BodyOptions {
  close: string;
  escapes: Escapes;
  interpolation: Interpolation;
  multiline: boolean;
  /** `""` stands for `"` (C# verbatim strings). */
  doubledQuote?: boolean;
}

/** Reads a literal body from `from` up to its closing delimiter. Unterminated single-line literals end at the line end. */
export function readBody(text: string, from: number, o: BodyOptions): { d: DecodedText; end: number } {
  const b = new DecodedBuilder(text, from);
  const close = o.close;
  const closeCode = close.charCodeAt(0);
  let run = from;
  let i = from;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === closeCode && (close.length === 1 || text.startsWith(close, i))) {
      if (o.doubledQuote && text.charCodeAt(i + 1) === closeCode) {
        b.raw(run, i);
        b.char(close, i);
        i += 2;
        run = i;
        continue;
      }
      b.raw(run, i);
      return { d: b.finish(i), end: i + close.length };
    }
    if ((c === LINE_FEED || c === CARRIAGE_RETURN) && !o.multiline) break;
    if (c === BACKSLASH /* \ */ && o.escapes !== 'none') {
      if (o.escapes === 'c') {
        b.raw(run, i);
        i = cEscape(b, text, i);
        run = i;
        continue;
      }
      if (o.escapes === 'raw-quote') {
        i = Math.min(i + 2, n);
        continue;
      }
      const e = text.charCodeAt(i + 1);
      if (e === BACKSLASH || e === closeCode) {
        b.raw(run, i);
        b.char(text[i + 1], i);
        i += 2;
        run = i;
        continue;
      }
    }
    if (o.interpolation !== 'none') {
      const next = text.charCodeAt(i + 1);
      if (o.interpolation === 'dollar' && c === DOLLAR && next === LEFT_BRACE) {
        const j = matchBrace(text, i + 1);
        if (j > 0) {
          i = j + 1;
          continue;
        }
      } else if (o.interpolation === 'brace' && (c === LEFT_BRACE || c === RIGHT_BRACE)) {
        if (next === c) {
          b.raw(run, i);
          b.char(text[i], i);
          i += 2;
          run = i;
          continue;
        }
        const j = c === LEFT_BRACE ? matchBrace(text, i) : -1;
        if (j > 0) {
          b.raw(run, i);
          b.char('$', i);
          b.raw(i, j + 1);
          i = j + 1;
          run = i;
          continue;
        }
      } else if ((o.interpolation === 'hash' && c === HASH && next === LEFT_BRACE) || (o.interpolation === 'php' && c === LEFT_BRACE && next === DOLLAR)) {
        const j = matchBrace(text, o.interpolation === 'hash' ? i + 1 : i);
        if (j > 0) {
          b.raw(run, i);
          b.char('$', i);
          b.char('{', i + 1);
          // `#{x}` and `{$x}` both read `${x}`: the first two characters stand for `${`.
          b.raw(i + 2, j + 1);
          i = j + 1;
          run = i;
          continue;
        }
      }
    }
    i++;
  }
  b.raw(run, i);
  return { d: b.finish(i), end: i };
}

/**
 * The end of a literal body from `from`, as readBody finds it (with the same searches for closing
 * braces), without decoding it. Notes a backslash in the body in `literalScan`.
 */
function scanBody(text: string, from: number, o: BodyOptions): number {
  const close = o.close;
  const closeCode = close.charCodeAt(0);
  const escapes = o.escapes;
  const interpolation = o.interpolation;
  let i = from;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === closeCode && (close.length === 1 || text.startsWith(close, i))) {
      if (o.doubledQuote && text.charCodeAt(i + 1) === closeCode) {
        i += 2;
        continue;
      }
      return i + close.length;
    }
    if ((c === LINE_FEED || c === CARRIAGE_RETURN) && !o.multiline) break;
    if (c === BACKSLASH /* \ */) {
      literalScan.backslash = true;
      if (escapes === 'c') {
        i = cEscapeEnd(text, i);
        continue;
      }
      if (escapes === 'raw-quote') {
        i = Math.min(i + 2, n);
        continue;
      }
      if (escapes === 'single') {
        const e = text.charCodeAt(i + 1);
        if (e === BACKSLASH || e === closeCode) {
          i += 2;
          continue;
        }
      }
    }
    if (interpolation !== 'none') {
      const next = text.charCodeAt(i + 1);
      if (interpolation === 'dollar' && c === DOLLAR && next === LEFT_BRACE) {
        const j = matchBrace(text, i + 1);
        if (j > 0) {
          i = j + 1;
          continue;
        }
      } else if (interpolation === 'brace' && (c === LEFT_BRACE || c === RIGHT_BRACE)) {
        if (next === c) {
          i += 2;
          continue;
        }
        const j = c === LEFT_BRACE ? matchBrace(text, i) : -1;
        if (j > 0) {
          i = j + 1;
          continue;
        }
      } else if ((interpolation === 'hash' && c === HASH && next === LEFT_BRACE) || (interpolation === 'php' && c === LEFT_BRACE && next === DOLLAR)) {
        const j = matchBrace(text, interpolation === 'hash' ? i + 1 : i);
        if (j > 0) {
          i = j + 1;
          continue;
        }
      }
    }
    i++;
  }
  return i;
}

/** What the last call of a `LiteralSyntax.end` found besides the end. */
export const literalScan = {
  /** A character literal: never a value. */
  ignore: false,
  /** The literal has a backslash (its decoded text may differ from its source in more than quotes). */
  backslash: false,
};

/** The string literals of one language. */
export interface LiteralSyntax {
  /** The literal starting at i, decoded; undefined when none starts there. */
  read: LiteralReader;
  /**
   * The offset just after the literal starting at i, or -1 when none starts there: what `read` finds,
   * without decoding, leaving the readers' state as `read` does. Sets `literalScan`.
   */
  end(text: string, i: number): number;
}

/** What an opener function found: where the body starts, how it is read, or a reader of a whole special literal. */
let openFrom = 0;
let openSyntax: HostSyntax = 'js-double';
let openBody: BodyOptions = { close: '"', escapes: 'c', interpolation: 'none', multiline: false };
let openIgnore = false;
let openSpecial: ((text: string, i: number) => Literal) | undefined;

/** Tells whether a literal starts at i; when it does, sets the open* variables. */
type Opener = (text: string, i: number) => boolean;

function opened(from: number, syntax: HostSyntax, o: BodyOptions, ignore = false): boolean {
  openFrom = from;
  openSyntax = syntax;
  openBody = o;
  openIgnore = ignore;
  openSpecial = undefined;
  return true;
}

function special(reader: (text: string, i: number) => Literal): boolean {
  openSpecial = reader;
  openIgnore = false;
  return true;
}

function literalSyntax(open: Opener): LiteralSyntax {
  return {
    read: (text, i) => {
      if (!open(text, i)) return undefined;
      if (openSpecial) return openSpecial(text, i);
      const body = readBody(text, openFrom, openBody);
      const lit: Literal = { start: i, end: body.end, d: body.d, syntax: openSyntax };
      if (openIgnore) lit.ignore = true;
      return lit;
    },
    end: (text, i) => {
      if (!open(text, i)) return -1;
      literalScan.ignore = openIgnore;
      if (openSpecial) {
        literalScan.backslash = true;
        return openSpecial(text, i).end;
      }
      literalScan.backslash = false;
      return scanBody(text, openFrom, openBody);
    },
  };
}

const single = (close: string, escapes: Escapes = 'c', interpolation: Interpolation = 'none'): BodyOptions => ({ close, escapes, interpolation, multiline: false });
const multi = (close: string, escapes: Escapes = 'c', interpolation: Interpolation = 'none'): BodyOptions => ({ close, escapes, interpolation, multiline: true });

const SINGLE_QUOTE = single("'");
const DOUBLE_QUOTE = single('"');
const JS_TEMPLATE = multi('`', 'c', 'dollar');

export const jsLiterals = literalSyntax((text, i) => {
  const c = text.charCodeAt(i);
  if (c === APOSTROPHE) return opened(i + 1, 'js-single', SINGLE_QUOTE);
  if (c === QUOTE) return opened(i + 1, 'js-double', DOUBLE_QUOTE);
  if (c === BACKTICK) return opened(i + 1, 'js-template', JS_TEMPLATE);
  return false;
});

/** Python bodies by quote (bit 0: double), triple quotes (bit 1), raw (bit 2) and f-string (bit 3). */
const PYTHON_BODIES: BodyOptions[] = [];
for (let k = 0; k < 16; k++) {
  const q = k & 1 ? '"' : "'";
  const triple = (k & 2) !== 0;
  PYTHON_BODIES.push({ close: triple ? q + q + q : q, escapes: k & 4 ? 'raw-quote' : 'c', interpolation: k & 8 ? 'brace' : 'none', multiline: triple });
}

export const pythonLiterals = literalSyntax((text, i) => {
  let j = i;
  let raw = false;
  let f = false;
  while (j - i < 3) {
    const c = text.charCodeAt(j) | 0x20;
    if (c === LOWER_R /* r */) raw = true;
    else if (c === LOWER_F /* f */ || c === LOWER_T /* t */) f = true;
    else if (!(c === LOWER_B /* b */ || c === LOWER_U /* u */)) break;
    j++;
  }
  const q = text.charCodeAt(j);
  if ((q !== QUOTE && q !== APOSTROPHE) || j - i > 2) return false;
  const triple = text.charCodeAt(j + 1) === q && text.charCodeAt(j + 2) === q;
  const o = PYTHON_BODIES[(q === QUOTE ? 1 : 0) | (triple ? 2 : 0) | (raw ? 4 : 0) | (f ? 8 : 0)];
  const syntax: HostSyntax = raw ? 'python-raw' : f ? (q === QUOTE ? 'python-f-double' : 'python-f-single') : q === QUOTE ? 'python-double' : 'python-single';
  return opened(j + o.close.length, syntax, o);
});

const GO_RAW = multi('`', 'none');

export const goLiterals = literalSyntax((text, i) => {
  const c = text.charCodeAt(i);
  if (c === QUOTE) return opened(i + 1, 'go-double', DOUBLE_QUOTE);
  if (c === BACKTICK) return opened(i + 1, 'go-raw', GO_RAW);
  if (c === APOSTROPHE) return opened(i + 1, 'go-double', SINGLE_QUOTE, true);
  return false;
});

export const javaLiterals = literalSyntax((text, i) => {
  const c = text.charCodeAt(i);
  if (c === QUOTE && text.startsWith('"""', i)) return special(readTextBlock);
  if (c === QUOTE) return opened(i + 1, 'java-double', DOUBLE_QUOTE);
  if (c === APOSTROPHE) return opened(i + 1, 'java-double', SINGLE_QUOTE, true);
  return false;
});

const KOTLIN_RAW = multi('"""', 'none', 'dollar');
const KOTLIN_DOUBLE = single('"', 'c', 'dollar');

export const kotlinLiterals = literalSyntax((text, i) => {
  const c = text.charCodeAt(i);
  if (c === QUOTE && text.startsWith('"""', i)) return opened(i + 3, 'kotlin-raw', KOTLIN_RAW);
  if (c === QUOTE) return opened(i + 1, 'kotlin-double', KOTLIN_DOUBLE);
  if (c === APOSTROPHE) return opened(i + 1, 'kotlin-double', SINGLE_QUOTE, true);
  return false;
});

const CSHARP_VERBATIM = { ...multi('"', 'none', 'none'), doubledQuote: true };
const CSHARP_VERBATIM_INTERPOLATED = { ...multi('"', 'none', 'brace'), doubledQuote: true };
const CSHARP_INTERPOLATED = single('"', 'c', 'brace');

/** A C# raw string whose opening quotes end at q (after `dollars` dollar signs from i). */
function csharpRaw(text: string, i: number): Literal {
  let j = i;
  let dollars = 0;
  while (text.charCodeAt(j) === DOLLAR) {
    dollars++;
    j++;
  }
  let q = j;
  while (text.charCodeAt(q) === QUOTE) q++;
  const close = '"'.repeat(q - j);
  const body = readBody(text, q, multi(close, 'none', dollars === 1 ? 'brace' : 'none'));
  return trimRawLines({ start: i, end: body.end, d: body.d, syntax: 'csharp-raw' });
}

export const csharpLiterals = literalSyntax((text, i) => {
  let j = i;
  let dollars = 0;
  let verbatim = false;
  while (j - i < 4) {
    const c = text.charCodeAt(j);
    if (c === DOLLAR) dollars++;
    else if (c === AT && !verbatim) verbatim = true;
    else break;
    j++;
  }
  const c = text.charCodeAt(j);
  if (c === APOSTROPHE && j === i) return opened(i + 1, 'csharp-regular', SINGLE_QUOTE, true);
  if (c !== QUOTE) return false;
  // A raw string has no `@`, so its dollar signs run from i to j.
  if (!verbatim && text.startsWith('"""', j)) return special(csharpRaw);
  if (verbatim) return opened(j + 1, dollars ? 'csharp-verbatim-interpolated' : 'csharp-verbatim', dollars ? CSHARP_VERBATIM_INTERPOLATED : CSHARP_VERBATIM);
  return opened(j + 1, dollars ? 'csharp-interpolated' : 'csharp-regular', dollars ? CSHARP_INTERPOLATED : DOUBLE_QUOTE);
});

const RUBY_SINGLE = multi("'", 'single');
const RUBY_DOUBLE = multi('"', 'c', 'hash');

export const rubyLiterals = literalSyntax((text, i) => {
  const c = text.charCodeAt(i);
  if (c === APOSTROPHE) return opened(i + 1, 'ruby-single', RUBY_SINGLE);
  if (c === QUOTE) return opened(i + 1, 'ruby-double', RUBY_DOUBLE);
  return false;
});

const PHP_DOUBLE = multi('"', 'c', 'php');

export const phpLiterals = literalSyntax((text, i) => {
  const c = text.charCodeAt(i);
  if (c === APOSTROPHE) return opened(i + 1, 'php-single', RUBY_SINGLE);
  if (c === QUOTE) return opened(i + 1, 'php-double', PHP_DOUBLE);
  return false;
});
