/**
 * The body of a string literal in program source, from after its opening quote to its closing
 * delimiter: how backslashes and interpolations (`${…}`, `{…}`, `#{…}`, `{$…}`) work in it, read two
 * ways: decoded with an exact offset map (readBody), or only measured (scanBody). Interpolations are
 * kept as `${…}` placeholders so that the core treats them as opaque.
 */
import { DecodedBuilder, DecodedText } from './decoded';
import { cEscape, cEscapeEnd } from './codeEscapes';
import { APOSTROPHE, BACKSLASH, BACKTICK, CARRIAGE_RETURN, DOLLAR, HASH, LEFT_BRACE, LINE_FEED, QUOTE, RIGHT_BRACE } from '../lex/chars';

/** How backslashes work: C-like escapes, none, only `\\` and `\'` (Ruby, PHP single quotes), or raw-but-quoting (Python r""). */
export type Escapes = 'c' | 'none' | 'single' | 'raw-quote';
/** Interpolation: none, `${…}` kept as written, `{…}` → `${…}`, `#{…}` → `${…}`, PHP `{$…}` → `${…}`. */
export type Interpolation = 'none' | 'dollar' | 'brace' | 'hash' | 'php';

export interface BodyOptions {
  close: string;
  escapes: Escapes;
  interpolation: Interpolation;
  multiline: boolean;
  /** `""` stands for `"` (C# verbatim strings). */
  doubledQuote?: boolean;
}

/** A body on one line, ending at `close`. */
export const single = (close: string, escapes: Escapes = 'c', interpolation: Interpolation = 'none'): BodyOptions => ({ close, escapes, interpolation, multiline: false });
/** A body that may span lines, ending at `close`. */
export const multi = (close: string, escapes: Escapes = 'c', interpolation: Interpolation = 'none'): BodyOptions => ({ close, escapes, interpolation, multiline: true });

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

/** The offset after the closing brace matching the one at `open`, or -1 when there is none. */
function afterBrace(text: string, open: number): number {
  const j = matchBrace(text, open);
  return j > 0 ? j + 1 : -1;
}

/**
 * The end of the interpolation (or the doubled brace `{{`, `}}` of a `{…}` style) starting with `c`
 * at i, or -1 when none starts there. Searches for closing braces as matchBrace does.
 */
function interpolationEnd(text: string, i: number, c: number, interpolation: Interpolation): number {
  const next = text.charCodeAt(i + 1);
  switch (interpolation) {
    case 'dollar':
      return c === DOLLAR && next === LEFT_BRACE ? afterBrace(text, i + 1) : -1;
    case 'brace':
      if (c !== LEFT_BRACE && c !== RIGHT_BRACE) return -1;
      if (next === c) return i + 2;
      return c === LEFT_BRACE ? afterBrace(text, i) : -1;
    case 'hash':
      return c === HASH && next === LEFT_BRACE ? afterBrace(text, i + 1) : -1;
    case 'php':
      return c === LEFT_BRACE && next === DOLLAR ? afterBrace(text, i) : -1;
  }
  return -1;
}

/** True when `c` can start an interpolation or a doubled brace (a cheap test before interpolationEnd). */
function mayInterpolate(c: number): boolean {
  return c === DOLLAR || c === LEFT_BRACE || c === RIGHT_BRACE || c === HASH;
}

/**
 * Appends the body text [run, i) and then the interpolation text[i, end) found by interpolationEnd
 * (starting with `c`, in a style other than 'dollar', whose `${…}` is kept as written) to b, as it
 * reads: `{{` as `{`, `{x}`, `#{x}` and `{$x}` as `${x}` (the added `$` and `{` map to the characters
 * they stand for).
 */
function appendInterpolation(b: DecodedBuilder, text: string, run: number, i: number, end: number, c: number, interpolation: Interpolation): void {
  b.raw(run, i);
  if (interpolation === 'brace' && text.charCodeAt(i + 1) === c) {
    b.char(text[i], i);
    return;
  }
  b.char('$', i);
  if (interpolation === 'brace') {
    b.raw(i, end);
    return;
  }
  b.char('{', i + 1);
  // `#{x}` and `{$x}` both read `${x}`: the first two characters stand for `${`.
  b.raw(i + 2, end);
}

/**
 * The end of the `\\` or `\` + closing quote escape at i in a body with 'single' escapes, or -1 when
 * the backslash escapes nothing there.
 */
function singleEscapeEnd(text: string, i: number, closeCode: number): number {
  const e = text.charCodeAt(i + 1);
  return e === BACKSLASH || e === closeCode ? i + 2 : -1;
}

/** True when the closing delimiter `close` (whose first character is `closeCode`) starts with `c` at i. */
function closesAt(text: string, i: number, c: number, close: string, closeCode: number): boolean {
  return c === closeCode && (close.length === 1 || text.startsWith(close, i));
}

/** True when a closing `"` at i is the first of a `""` that stands for a quote (C# verbatim strings). */
function doubledAt(text: string, i: number, o: BodyOptions, closeCode: number): boolean {
  return o.doubledQuote === true && text.charCodeAt(i + 1) === closeCode;
}

/** Reads a literal body from `from` up to its closing delimiter. Unterminated single-line literals end at the line end. */
export function readBody(text: string, from: number, o: BodyOptions): { d: DecodedText; end: number } {
  const b = new DecodedBuilder(text, from);
  const close = o.close;
  const closeCode = close.charCodeAt(0);
  const escapes = o.escapes;
  const interpolation = o.interpolation;
  let run = from;
  let i = from;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (closesAt(text, i, c, close, closeCode)) {
      b.raw(run, i);
      if (!doubledAt(text, i, o, closeCode)) return { d: b.finish(i), end: i + close.length };
      b.char(close, i);
      i += 2;
      run = i;
      continue;
    }
    if ((c === LINE_FEED || c === CARRIAGE_RETURN) && !o.multiline) break;
    if (c === BACKSLASH /* \ */ && escapes !== 'none') {
      if (escapes === 'raw-quote') {
        i = Math.min(i + 2, n);
        continue;
      }
      if (escapes === 'c') {
        b.raw(run, i);
        i = run = cEscape(b, text, i);
        continue;
      }
      const e = singleEscapeEnd(text, i, closeCode);
      if (e >= 0) {
        b.raw(run, i);
        b.char(text[i + 1], i);
        i = run = e;
        continue;
      }
    }
    const end = interpolation !== 'none' && mayInterpolate(c) ? interpolationEnd(text, i, c, interpolation) : -1;
    if (end < 0) {
      i++;
      continue;
    }
    if (interpolation === 'dollar') {
      i = end; // kept as written: it stays in the run
      continue;
    }
    appendInterpolation(b, text, run, i, end, c, interpolation);
    i = run = end;
  }
  b.raw(run, i);
  return { d: b.finish(i), end: i };
}

/** The end of the escape at i (a backslash) in a body, as readBody reads it, or -1 when it escapes nothing there. */
function escapeEnd(text: string, i: number, escapes: Escapes, closeCode: number): number {
  switch (escapes) {
    case 'c':
      return cEscapeEnd(text, i);
    case 'raw-quote':
      return Math.min(i + 2, text.length);
    case 'single':
      return singleEscapeEnd(text, i, closeCode);
  }
  return -1;
}

/**
 * The end of a literal body from `from`, as readBody finds it (with the same searches for closing
 * braces), without decoding it. Sets `scan.backslash` when the body has a backslash.
 */
export function scanBody(text: string, from: number, o: BodyOptions, scan: { backslash: boolean }): number {
  const close = o.close;
  const closeCode = close.charCodeAt(0);
  const escapes = o.escapes;
  const interpolation = o.interpolation;
  let i = from;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (closesAt(text, i, c, close, closeCode)) {
      if (!doubledAt(text, i, o, closeCode)) return i + close.length;
      i += 2;
      continue;
    }
    if ((c === LINE_FEED || c === CARRIAGE_RETURN) && !o.multiline) break;
    let end = -1;
    if (c === BACKSLASH /* \ */) {
      scan.backslash = true;
      end = escapeEnd(text, i, escapes, closeCode);
    }
    if (end < 0 && interpolation !== 'none' && mayInterpolate(c)) end = interpolationEnd(text, i, c, interpolation);
    i = end < 0 ? i + 1 : end;
  }
  return i;
}
