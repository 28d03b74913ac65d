/**
 * YAML keys: reading `key:` at the start of a line, decoding a quoted key, skipping the anchors and
 * tags before a value, and judging whether a key makes the values under it worth reading.
 */
import {
  AMPERSAND, APOSTROPHE, ASTERISK, AT, BACKSLASH, BACKTICK, CARRIAGE_RETURN, COLON, COMMA, EXCLAMATION,
  GREATER_THAN, HASH, LEFT_BRACE, LEFT_BRACKET, LOWER_A, LOWER_CASE_BIT, LOWER_Z, PERCENT, PIPE, QUESTION,
  QUOTE, isDigit,
} from '../lex/chars';
import { indexOfIn, isSpace } from './decoded';
import { keyMayMatter, mayNameWithoutMongo } from './keys';
import { readQuoted } from './yamlScalars';

/** A value's own key: a string, undefined when it has none, or null for the key on the value's line (see leafText). */
export type Key = string | null | undefined;

/**
 * True when the key text[from, to) makes a value nothing whatever the keys above it: it has a letter
 * or a digit (so that it is not all `.`, `:` and `_`, which would leave a parent key as the last
 * segment of the path) and keyMayMatter rules it out.
 */
export function saysNothing(text: string, from: number, to: number): boolean {
  // A quoted key with escapes may say anything once decoded (see keyText).
  if (indexOfIn(text, BACKSLASH, from, to) >= 0) return false;
  for (let i = to - 1; i >= from; i--) {
    const c = text.charCodeAt(i) | LOWER_CASE_BIT;
    if ((c >= LOWER_A && c <= LOWER_Z) || isDigit(c)) return !keyMayMatter(text, from, to);
  }
  return false;
}

/**
 * True when the key text[from, to) makes a value that does not mention "mongo" nothing: whatever the
 * keys above it (see saysNothing), or, when `quietPath` (no key of the path mentions "mongo" either),
 * unless it may name a collection or an Atlas resource (see mayNameWithoutMongo).
 */
export function saysNothingHere(text: string, from: number, to: number, quietPath: boolean): boolean {
  if (indexOfIn(text, BACKSLASH, from, to) >= 0) return false;
  return quietPath ? !mayNameWithoutMongo(text, from, to) || saysNothing(text, from, to) : saysNothing(text, from, to);
}

/** Start of the line after the one that ends at `eol` (as lineEnd gives it: at its \n, at the \r of a \r\n, or at the end). */
export function afterEol(text: string, eol: number): number {
  if (eol >= text.length) return text.length;
  return text.charCodeAt(eol) === CARRIAGE_RETURN ? Math.min(eol + 2, text.length) : eol + 1;
}

/** Where readKey puts the bounds of the key text. */
export interface KeyBounds {
  keyFrom: number;
  keyTo: number;
}

/** readKey for a key quoted with the quote at p. */
function readQuotedKey(text: string, p: number, eol: number, out: KeyBounds): number {
  const c = text.charCodeAt(p);
  for (let j = p + 1; j < eol; j++) {
    const d = text.charCodeAt(j);
    if (d === BACKSLASH && c === QUOTE) {
      j++;
      continue;
    }
    if (d !== c) continue;
    if (c === APOSTROPHE && text.charCodeAt(j + 1) === APOSTROPHE) {
      // `''` is a quote inside a single-quoted key.
      j++;
      continue;
    }
    let k = j + 1;
    while (k < eol && isSpace(text.charCodeAt(k))) k++;
    if (text.charCodeAt(k) === COLON && (k + 1 >= eol || isSpace(text.charCodeAt(k + 1)))) {
      out.keyFrom = p + 1;
      out.keyTo = j;
      return k + 1;
    }
    return -1;
  }
  return -1;
}

/**
 * `key:` at p (plain or quoted key followed by `:` and a blank or the end of the line): returns the
 * offset after the colon and puts the bounds of the key text in `out`; -1 when there is no key.
 */
export function readKey(text: string, p: number, eol: number, out: KeyBounds): number {
  const c = text.charCodeAt(p);
  if (c === QUOTE || c === APOSTROPHE) return readQuotedKey(text, p, eol, out);
  // Indicators that cannot start a plain key (`[`, `{`, `|`, `>`, `?`, `%`, `@`, `` ` ``, `#`, `!`, `&`, `*`, `,`).
  switch (c) {
    case LEFT_BRACKET:
    case LEFT_BRACE:
    case PIPE:
    case GREATER_THAN:
    case QUESTION:
    case PERCENT:
    case AT:
    case BACKTICK:
    case HASH:
    case EXCLAMATION:
    case AMPERSAND:
    case ASTERISK:
    case COMMA:
      return -1;
  }
  for (let j = p; j < eol; j++) {
    const d = text.charCodeAt(j);
    if (d > COLON) {
      // Letters and most punctuation: only `{{` (a template directive) ends the search.
      if (d === LEFT_BRACE && text.charCodeAt(j + 1) === LEFT_BRACE) return -1;
      continue;
    }
    if (d === COLON) {
      if (j + 1 >= eol || isSpace(text.charCodeAt(j + 1))) {
        let e = j;
        while (e > p && isSpace(text.charCodeAt(e - 1))) e--;
        if (e <= p) return -1;
        out.keyFrom = p;
        out.keyTo = e;
        return j + 1;
      }
    } else if ((d === HASH || d === QUOTE || d === APOSTROPHE) && j > p && isSpace(text.charCodeAt(j - 1))) {
      return -1;
    }
  }
  return -1;
}

/** The key text[from, to) as readKey found it: a quoted key is decoded (`"a\\"b"`, `'it''s'`). */
export function keyText(text: string, from: number, to: number): string {
  const q = text.charCodeAt(to);
  if ((q === QUOTE || q === APOSTROPHE) && from > 0 && text.charCodeAt(from - 1) === q) {
    const scalar = readQuoted(text, from - 1, -1);
    if (scalar && scalar.end === to + 1) return scalar.d.text;
  }
  return text.slice(from, to);
}

/** Skips blanks, anchors (`&a`) and tags (`!!str`, `!Ref`) before a value. */
export function skipProperties(text: string, i: number, eol: number): number {
  for (;;) {
    while (i < eol && isSpace(text.charCodeAt(i))) i++;
    const c = text.charCodeAt(i);
    if (i >= eol || (c !== AMPERSAND && c !== EXCLAMATION)) return i;
    while (i < eol && !isSpace(text.charCodeAt(i))) i++;
  }
}
