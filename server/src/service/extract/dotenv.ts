/**
 * `.env` files: `KEY=value` and `export KEY=value`, values unquoted (an inline comment starts at
 * ` #`), single-quoted (literal), double-quoted (may span lines; `\n`, `\r`, `\t`, `\"`, `\\`
 * escapes) or in backticks (literal).
 */
import { EmbeddedValue } from '../api';
import { APOSTROPHE, BACKSLASH, BACKTICK, CARRIAGE_RETURN, COLON, DASH, DOT, EQUALS, HASH, LINE_FEED, LOWER_E, QUOTE } from '../lex/chars';
import { isWordChar } from '../lex/identifiers';
import { DecodedBuilder, DecodedText, indexOfIn, isSpace, lineEnd, nextLine, verbatim } from './decoded';
import { emitString, MongoFinder, StringContext } from './detect';
import { classifyKeys, keyMayMatter, mayNameWithoutMongo } from './keys';
import { findUriTokens } from './plainText';
import { READ_TO_END, stepValues, StepExtractor } from './steps';

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
 * Statements of a .env file: a line, or an assignment whose quoted value spans lines.
 *
 * Most lines of a large file say nothing: before anything is sliced or decoded, a statement is
 * skipped when it does not contain "mongo" and its key cannot name a collection or an Atlas
 * resource (the only things a key says of a value without "mongo" in either).
 */
export const dotenvSteps: StepExtractor<null> = {
  initial: null,
  same: () => true,
  reader(text) {
    const quotes = new QuoteFinder(text);
    const mongo = new MongoFinder(text);
    // One key path and context for every value (emitString keeps neither).
    const path = [''];
    const ctx: StringContext = { path, keyKind: null };
    return (line, _state, out, step) => {
      const nl = text.indexOf('\n', line);
      // As lineEnd and nextLine: the line ends before a \r, also at the end of the text.
      const brk = nl < 0 ? text.length : nl;
      const eol = brk > line && text.charCodeAt(brk - 1) === CARRIAGE_RETURN ? brk - 1 : brk;
      step.next = nl < 0 ? text.length : nl + 1;
      step.readEnd = step.next;
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
      if (keyEnd === keyStart || (sep !== EQUALS /* = */ && sep !== COLON /* : */)) {
        // A comment, a blank line, or something else: look for mentions.
        if (mongo.within(line, eol)) scanComment(out, text, line, eol);
        return;
      }
      i++;
      while (i < eol && isSpace(text.charCodeAt(i))) i++;
      const q = text.charCodeAt(i);
      const quoted = q === QUOTE || q === APOSTROPHE || q === BACKTICK;
      const close = quoted ? quotes.closing(i) : -1;
      // Looking for a closing quote that is not there reads to the end of the text.
      if (quoted && close < 0) step.readEnd = READ_TO_END;
      let closeEol = eol;
      if (close > 0) {
        closeEol = lineEnd(text, close);
        step.next = nextLine(text, closeEol);
        step.readEnd = step.next;
      }
      // A line continuation in "…" joins what is around it: "mo\<newline>ngo" reads as mongo.
      const mayJoin = q === QUOTE && close > 0 && indexOfIn(text, 0x5c, i + 1, close) >= 0;
      if (!mayJoin && !mongo.within(line, closeEol) && !mayNameWithoutMongo(text, keyStart, keyEnd)) return;
      path[0] = text.slice(keyStart, keyEnd);
      const keyKind = keyMayMatter(text, keyStart, keyEnd) ? classifyKeys(path[0]) ?? null : null;
      ctx.keyKind = keyKind;
      // Without a telling key, only a value that mentions "mongo" has something to find.
      const valueMatters = (keyKind !== null && keyKind !== 'uri-if-mongo') || mayJoin;
      if (close > 0) {
        if (valueMatters || mongo.within(i + 1, close)) {
          const d = q === QUOTE ? decodeDotenvDouble(text, i + 1, close) : verbatim(text, i + 1, close);
          emitString(out, d, q === QUOTE ? 'dotenv-double' : q === APOSTROPHE ? 'dotenv-single' : 'raw', ctx);
        }
        if (mongo.within(close + 1, closeEol)) scanComment(out, text, close + 1, closeEol);
      } else {
        let end = i;
        while (end < eol && !(text.charCodeAt(end) === HASH /* # */ && (end === i || isSpace(text.charCodeAt(end - 1))))) end++;
        const restFrom = end;
        while (end > i && isSpace(text.charCodeAt(end - 1))) end--;
        if (valueMatters || mongo.within(i, end)) emitString(out, verbatim(text, i, end), 'dotenv-unquoted', ctx);
        if (mongo.within(restFrom, eol)) scanComment(out, text, restFrom, eol);
      }
    };
  },
};

export function extractDotenv(text: string): EmbeddedValue[] {
  return stepValues(dotenvSteps, text);
}
