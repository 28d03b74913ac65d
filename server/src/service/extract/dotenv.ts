/**
 * `.env` files: `KEY=value` and `export KEY=value`, values unquoted (an inline comment starts at
 * ` #`), single-quoted (literal), double-quoted (may span lines; `\n`, `\r`, `\t`, `\"`, `\\`
 * escapes) or in backticks (literal).
 */
import { EmbeddedValue } from '../types';
import { DecodedBuilder, DecodedText, indexOfIn, isSpace, lineEnd, nextLine, verbatim } from './decoded';
import { emitString } from './detect';
import { findUriTokens } from './plainText';
import { READ_TO_END, runSteps, StepExtractor } from './steps';

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

function isKeyChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x2e || c === 0x2d;
}

/** Decodes a double-quoted dotenv value text[from, to): `\n`, `\r`, `\t`, `\"`, `\\` and line continuations. */
export function decodeDotenvDouble(text: string, from: number, to: number): DecodedText {
  const first = indexOfIn(text, 0x5c, from, to);
  if (first < 0) return verbatim(text, from, to);
  const b = new DecodedBuilder(text, from);
  let run = from;
  for (let i = first; i < to; i++) {
    if (text.charCodeAt(i) !== 0x5c) continue;
    if (text.charCodeAt(i + 1) === 0x0a || (text.charCodeAt(i + 1) === 0x0d && text.charCodeAt(i + 2) === 0x0a)) {
      // A backslash at the end of a line joins the lines, as in a shell that sources the file.
      b.raw(run, i);
      i += text.charCodeAt(i + 1) === 0x0d ? 2 : 1;
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
      if (c === 0x5c && q === 0x22) i++;
      else if (c === q) return i;
    }
    this.noneAfter.set(q, open);
    return -1;
  }
}

function scanComment(out: EmbeddedValue[], text: string, from: number, to: number): void {
  for (const [a, b] of findUriTokens(text, from, to)) out.push({ kind: 'uri', text: text.slice(a, b), start: a, syntax: 'raw' });
}

/** Statements of a .env file: a line, or an assignment whose quoted value spans lines. */
export const dotenvSteps: StepExtractor<null> = {
  initial: null,
  same: () => true,
  reader(text) {
    const quotes = new QuoteFinder(text);
    return (line, _state, out, step) => {
      const eol = lineEnd(text, line);
      step.next = nextLine(text, eol);
      step.readEnd = step.next;
      let i = line;
      while (i < eol && isSpace(text.charCodeAt(i))) i++;
      if (text.startsWith('export', i) && isSpace(text.charCodeAt(i + 6))) {
        i += 6;
        while (i < eol && isSpace(text.charCodeAt(i))) i++;
      }
      const keyStart = i;
      while (i < eol && isKeyChar(text.charCodeAt(i))) i++;
      const keyEnd = i;
      while (i < eol && isSpace(text.charCodeAt(i))) i++;
      const sep = text.charCodeAt(i);
      if (keyEnd === keyStart || (sep !== 0x3d /* = */ && sep !== 0x3a /* : */)) {
        scanComment(out, text, line, eol); // a comment, a blank line, or something else: look for mentions
        return;
      }
      const path = [text.slice(keyStart, keyEnd)];
      i++;
      while (i < eol && isSpace(text.charCodeAt(i))) i++;
      const q = text.charCodeAt(i);
      const close = q === 0x22 || q === 0x27 || q === 0x60 ? quotes.closing(i) : -1;
      // Looking for a closing quote that is not there reads to the end of the text.
      if ((q === 0x22 || q === 0x27 || q === 0x60) && close < 0) step.readEnd = READ_TO_END;
      if (close > 0) {
        const d = q === 0x22 ? decodeDotenvDouble(text, i + 1, close) : verbatim(text, i + 1, close);
        emitString(out, d, q === 0x22 ? 'dotenv-double' : q === 0x27 ? 'dotenv-single' : 'raw', { path });
        const closeEol = lineEnd(text, close);
        step.next = nextLine(text, closeEol);
        step.readEnd = step.next;
        scanComment(out, text, close + 1, closeEol);
      } else {
        let end = i;
        while (end < eol && !(text.charCodeAt(end) === 0x23 /* # */ && (end === i || isSpace(text.charCodeAt(end - 1))))) end++;
        const restFrom = end;
        while (end > i && isSpace(text.charCodeAt(end - 1))) end--;
        emitString(out, verbatim(text, i, end), 'dotenv-unquoted', { path });
        scanComment(out, text, restFrom, eol);
      }
    };
  },
};

export function extractDotenv(text: string): EmbeddedValue[] {
  return runSteps(dotenvSteps, text).values;
}
