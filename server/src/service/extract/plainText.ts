import { EmbeddedValue } from '../api';
import { APOSTROPHE, ASTERISK, BACKSLASH, BACKTICK, COLON, COMMA, DASH, DIGIT_0, DIGIT_9, DOLLAR, DOT, EXCLAMATION, GREATER_THAN, LEFT_BRACE, LEFT_BRACKET, LEFT_PAREN, LESS_THAN, LINE_FEED, LOWER_A, LOWER_Z, PLUS, QUESTION, QUOTE, RIGHT_BRACE, RIGHT_BRACKET, RIGHT_PAREN, SEMICOLON, SLASH, SPACE, UNDERSCORE, UPPER_A, UPPER_Z, isAsciiLetter, isDigit } from '../lex/chars';

/** True for characters that end a bare connection-string token in running text or code. */
function isTokenEnd(c: number): boolean {
  return (
    c <= SPACE || // whitespace and control characters
    c === QUOTE || // "
    c === APOSTROPHE || // '
    c === BACKTICK || // `
    c === LESS_THAN || // <
    c === GREATER_THAN || // >
    c === 0x7f
  );
}

function isQuote(c: number): boolean {
  return c === QUOTE || c === APOSTROPHE || c === BACKTICK;
}

function isSchemeWordChar(c: number): boolean {
  return isAsciiLetter(c) || isDigit(c) || c === PLUS || c === DOT || c === DASH;
}

/** Where a template placeholder starting at i ends (on the same line, at most 256 characters), or -1. */
export function placeholderEnd(text: string, i: number, to: number): number {
  const c = text.charCodeAt(i);
  const d = text.charCodeAt(i + 1);
  const limit = Math.min(to, i + 258);
  if ((c === LEFT_BRACE && d === LEFT_BRACE) || (c === DOLLAR && d === LEFT_BRACE)) {
    const double = c === LEFT_BRACE;
    for (let j = i + 2; j < limit; j++) {
      const e = text.charCodeAt(j);
      if (e === LINE_FEED) return -1;
      if (e === RIGHT_BRACE) {
        if (!double) return j + 1;
        if (text.charCodeAt(j + 1) === RIGHT_BRACE && j + 2 <= to) return j + 2;
      }
    }
    return -1;
  }
  if (c === LESS_THAN) {
    let j = i + 1;
    while (j < to && j - i <= 64) {
      const e = text.charCodeAt(j);
      const word = (e >= DIGIT_0 && e <= DIGIT_9) || (e >= UPPER_A && e <= UPPER_Z) || (e >= LOWER_A && e <= LOWER_Z) || e === UNDERSCORE || e === DASH || e === DOT || e === SPACE;
      if (!word) break;
      j++;
    }
    return j < to && j > i + 1 && text.charCodeAt(j) === GREATER_THAN ? j + 1 : -1;
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
    if (c === LEFT_PAREN) parens++;
    else if (c === RIGHT_PAREN) parens--;
    else if (c === LEFT_BRACKET) squares++;
    else if (c === RIGHT_BRACKET) squares--;
    else if (c === LEFT_BRACE) braces++;
    else if (c === RIGHT_BRACE) braces--;
  }
  while (end > start) {
    const c = text.charCodeAt(end - 1);
    if (c === DOT || c === COMMA || c === SEMICOLON || c === COLON || c === EXCLAMATION || c === QUESTION || c === ASTERISK) {
      end--;
    } else if (c === RIGHT_PAREN && parens < 0) {
      parens++;
      end--;
    } else if (c === RIGHT_BRACKET && squares < 0) {
      squares++;
      end--;
    } else if (c === RIGHT_BRACE && braces < 0) {
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
  return start - 2 >= from && text.charCodeAt(start - 1) === DASH && text.charCodeAt(start - 2) === COLON;
}

/** Offset of the next `://` in text[from, to), or -1. Never looks past `to`. */
function indexOfSchemeSeparator(text: string, from: number, to: number): number {
  if (to === text.length) return text.indexOf('://', from);
  for (let i = from; i + 3 <= to; i++) {
    if (text.charCodeAt(i) === COLON && text.charCodeAt(i + 1) === SLASH && text.charCodeAt(i + 2) === SLASH) return i;
  }
  return -1;
}

/**
 * Finds `mongodb://` and `mongodb+srv://` tokens in text[from, to): each runs to the next
 * whitespace, quote (escaped or not) or angle bracket, except inside template placeholders (`{{ .Values.host }}`,
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
      if (c === LEFT_BRACE || c === DOLLAR || c === LESS_THAN) {
        const p = placeholderEnd(text, end, to);
        if (p > 0) {
          end = p;
          continue;
        }
      }
      if (isTokenEnd(c)) break;
      // An escaped quote ends the token too: the string is quoted in a string (`"MongoClient(\"mongodb://h/\")"`
      // in a notebook or a log line).
      if (c === BACKSLASH && end + 1 < to && isQuote(text.charCodeAt(end + 1))) break;
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
