import { EmbeddedValue } from '../api';
import { DASH, DOT, PLUS, isAsciiLetter, isDigit } from '../lex/chars';

/** True for characters that end a bare connection-string token in running text or code. */
function isTokenEnd(c: number): boolean {
  return (
    c <= 0x20 || // whitespace and control characters
    c === 0x22 || // "
    c === 0x27 || // '
    c === 0x60 || // `
    c === 0x3c || // <
    c === 0x3e || // >
    c === 0x7f
  );
}

function isSchemeWordChar(c: number): boolean {
  return isAsciiLetter(c) || isDigit(c) || c === PLUS || c === DOT || c === DASH;
}

/** Where a template placeholder starting at i ends (on the same line, at most 256 characters), or -1. */
export function placeholderEnd(text: string, i: number, to: number): number {
  const c = text.charCodeAt(i);
  const d = text.charCodeAt(i + 1);
  const limit = Math.min(to, i + 258);
  if ((c === 0x7b && d === 0x7b) || (c === 0x24 && d === 0x7b)) {
    const double = c === 0x7b;
    for (let j = i + 2; j < limit; j++) {
      const e = text.charCodeAt(j);
      if (e === 0x0a) return -1;
      if (e === 0x7d) {
        if (!double) return j + 1;
        if (text.charCodeAt(j + 1) === 0x7d && j + 2 <= to) return j + 2;
      }
    }
    return -1;
  }
  if (c === 0x3c) {
    let j = i + 1;
    while (j < to && j - i <= 64) {
      const e = text.charCodeAt(j);
      const word = (e >= 0x30 && e <= 0x39) || (e >= 0x41 && e <= 0x5a) || (e >= 0x61 && e <= 0x7a) || e === 0x5f || e === 0x2d || e === 0x2e || e === 0x20;
      if (!word) break;
      j++;
    }
    return j < to && j > i + 1 && text.charCodeAt(j) === 0x3e ? j + 1 : -1;
  }
  return -1;
}

/** Drops punctuation that ends the sentence around a token rather than the token itself. */
function trimTrailing(text: string, start: number, end: number): number {
  // Unbalanced closing brackets belong to the prose: "(see mongodb://host)".
  let parens = 0;
  let squares = 0;
  let braces = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x28) parens++;
    else if (c === 0x29) parens--;
    else if (c === 0x5b) squares++;
    else if (c === 0x5d) squares--;
    else if (c === 0x7b) braces++;
    else if (c === 0x7d) braces--;
  }
  while (end > start) {
    const c = text.charCodeAt(end - 1);
    if (c === 0x2e || c === 0x2c || c === 0x3b || c === 0x3a || c === 0x21 || c === 0x3f || c === 0x2a) {
      end--;
    } else if (c === 0x29 && parens < 0) {
      parens++;
      end--;
    } else if (c === 0x5d && squares < 0) {
      squares++;
      end--;
    } else if (c === 0x7d && braces < 0) {
      braces++;
      end--;
    } else {
      break;
    }
  }
  return end;
}

/** True after the `:-` or `:=` of a shell default (`${MONGO_URI:-mongodb://localhost}`). */
function isDefaultOperator(text: string, start: number, from: number): boolean {
  return start - 2 >= from && text.charCodeAt(start - 1) === 0x2d && text.charCodeAt(start - 2) === 0x3a;
}

/** Offset of the next `://` in text[from, to), or -1. Never looks past `to`. */
function indexOfSchemeSeparator(text: string, from: number, to: number): number {
  if (to === text.length) return text.indexOf('://', from);
  for (let i = from; i + 3 <= to; i++) {
    if (text.charCodeAt(i) === 0x3a && text.charCodeAt(i + 1) === 0x2f && text.charCodeAt(i + 2) === 0x2f) return i;
  }
  return -1;
}

/**
 * Finds `mongodb://` and `mongodb+srv://` tokens in text[from, to): each runs to the next
 * whitespace, quote or angle bracket, except inside template placeholders (`{{ .Values.host }}`,
 * `${VAR}`, `<password>`); sentence punctuation after it is dropped, and a bare scheme is skipped.
 * Returns [start, end) pairs. Linear in the text length.
 */
const NONE: Array<[number, number]> = [];

export function findUriTokens(text: string, from: number, to: number): Array<[number, number]> {
  if (to - from < 10) return NONE;
  let i = indexOfSchemeSeparator(text, from, to);
  if (i < 0) return NONE;
  const found: Array<[number, number]> = [];
  while (i >= 0) {
    let start = -1;
    if (i - 7 >= from && text.slice(i - 7, i).toLowerCase() === 'mongodb') start = i - 7;
    else if (i - 11 >= from && text.slice(i - 11, i).toLowerCase() === 'mongodb+srv') start = i - 11;
    if (start < 0 || (start > from && isSchemeWordChar(text.charCodeAt(start - 1)) && !isDefaultOperator(text, start, from))) {
      i = indexOfSchemeSeparator(text, i + 3, to);
      continue;
    }
    const bodyStart = i + 3;
    let end = bodyStart;
    while (end < to) {
      const c = text.charCodeAt(end);
      if (c === 0x7b || c === 0x24 || c === 0x3c) {
        const p = placeholderEnd(text, end, to);
        if (p > 0) {
          end = p;
          continue;
        }
      }
      if (isTokenEnd(c)) break;
      end++;
    }
    end = trimTrailing(text, bodyStart, end);
    if (end > bodyStart) found.push([start, end]);
    i = indexOfSchemeSeparator(text, Math.max(end, bodyStart), to);
  }
  return found;
}

/**
 * Tells whether a range may hold a connection string (has a `://`), for ranges asked about in
 * increasing order: one indexOf per `://` in the text, however many ranges are asked about.
 */
export class SeparatorFinder {
  /** The first `://` at or after the start of the last range asked about; Infinity when none. */
  private at = -1;

  constructor(private readonly text: string) {}

  within(from: number, to: number): boolean {
    if (this.at < from) {
      const i = this.text.indexOf('://', from);
      this.at = i < 0 ? Infinity : i;
    }
    return this.at + 3 <= to;
  }
}

/** Connection strings in any text: the fallback for languages without their own extractor. */
export function scanPlainText(text: string, from = 0, to = text.length): EmbeddedValue[] {
  return findUriTokens(text, from, to).map(([start, end]) => ({ kind: 'uri', text: text.slice(start, end), start, syntax: 'raw' }));
}
