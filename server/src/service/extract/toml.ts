/**
 * TOML: `[table]` and `[[array.table]]` headers and dotted keys give key paths; values are basic
 * strings (escapes), literal strings, multi-line basic `"""` (line-ending backslashes) and literal
 * `'''` strings, arrays and inline tables. One forward pass.
 */
import { EmbeddedValue, HostSyntax } from '../api';
import { APOSTROPHE, BACKSLASH, CARRIAGE_RETURN, COMMA, DASH, DOT, EQUALS, HASH, LEFT_BRACE, LEFT_BRACKET, LINE_FEED, QUOTE, RIGHT_BRACE, RIGHT_BRACKET } from '../lex/chars';
import { isWordChar } from '../lex/identifiers';
import { DecodedBuilder, DecodedText, fromCodePoint, hexValue, isSpace, isWhitespace, lineEnd, verbatim } from './decoded';
import { emitString } from './detect';
import { findUriTokens } from './plainText';

const ESCAPES: Record<string, string> = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', e: '\x1b', '"': '"', '\\': '\\' };
const HEX_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

/** Decodes basic-string content text[from, to); `multiline` allows line-ending backslashes. */
export function decodeTomlBasic(text: string, from: number, to: number, multiline: boolean): DecodedText {
  const b = new DecodedBuilder(text, from);
  let run = from;
  for (let i = from; i < to; ) {
    if (text.charCodeAt(i) !== BACKSLASH) {
      i++;
      continue;
    }
    b.raw(run, i);
    const e = text[i + 1];
    if (multiline && (e === ' ' || e === '\t' || e === '\n' || e === '\r')) {
      let j = i + 1;
      while (j < to && isSpace(text.charCodeAt(j))) j++;
      if (j < to && (text.charCodeAt(j) === LINE_FEED || text.charCodeAt(j) === CARRIAGE_RETURN)) {
        while (j < to && isWhitespace(text.charCodeAt(j))) j++;
        i = j;
        run = i;
        continue;
      }
    }
    if (e !== undefined && ESCAPES[e] !== undefined) {
      b.char(ESCAPES[e], i);
      i += 2;
    } else if (e !== undefined && HEX_LENGTH[e] !== undefined && fromCodePoint(hexValue(text, i + 2, HEX_LENGTH[e])) !== undefined) {
      b.char(fromCodePoint(hexValue(text, i + 2, HEX_LENGTH[e])) as string, i);
      i += 2 + HEX_LENGTH[e];
    } else {
      b.raw(i, Math.min(i + 2, to));
      i += 2;
    }
    run = Math.min(i, to);
  }
  b.raw(run, to);
  return b.finish(to);
}

function isBareKeyChar(c: number): boolean {
  return isWordChar(c) || c === DASH;
}

class TomlScanner {
  readonly out: EmbeddedValue[] = [];
  private table: string[] = [];
  /** Nesting of arrays and inline tables; very deep nesting is skipped rather than recursed into. */
  private depth = 0;

  constructor(private readonly text: string) {}

  run(): EmbeddedValue[] {
    const text = this.text;
    let i = 0;
    while (i < text.length) {
      i = this.skipBlank(i, true);
      if (i >= text.length) break;
      const c = text.charCodeAt(i);
      if (c === HASH) {
        i = this.comment(i);
      } else if (c === LEFT_BRACKET /* [ */) {
        const double = text.charCodeAt(i + 1) === LEFT_BRACKET;
        const key = this.readKey(i + (double ? 2 : 1));
        this.table = key.parts;
        i = lineEnd(text, key.end);
        this.mentions(key.end, i);
      } else {
        const key = this.readKey(i);
        let j = this.skipBlank(key.end, false);
        if (key.parts.length === 0 || text.charCodeAt(j) !== EQUALS) {
          const e = lineEnd(text, i);
          this.mentions(i, e);
          i = e + 1;
          continue;
        }
        j = this.value(this.skipBlank(j + 1, false), [...this.table, ...key.parts]);
        const e = lineEnd(text, j);
        this.mentions(j, e);
        i = e + 1;
      }
    }
    return this.out;
  }

  /** Connection strings in the rest of a line; in a comment when that starts (after blanks) with `#`. */
  private mentions(from: number, to: number): void {
    let s = from;
    while (s < to && isSpace(this.text.charCodeAt(s))) s++;
    const comment = this.text.charCodeAt(s) === HASH;
    for (const [a, b] of findUriTokens(this.text, from, to)) this.out.push({ kind: 'uri', text: this.text.slice(a, b), start: a, syntax: 'raw', ...(comment ? { comment } : {}) });
  }

  private comment(i: number): number {
    const e = lineEnd(this.text, i);
    this.mentions(i, e);
    return e;
  }

  private skipBlank(i: number, newlines: boolean): number {
    const text = this.text;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (isSpace(c) || (newlines && (c === LINE_FEED || c === CARRIAGE_RETURN))) i++;
      else break;
    }
    return i;
  }

  /** A dotted key (`a."b c".d`) or a table name; stops at `=`, `]` or the end of the line. */
  private readKey(i: number): { parts: string[]; end: number } {
    const text = this.text;
    const parts: string[] = [];
    for (;;) {
      i = this.skipBlank(i, false);
      const c = text.charCodeAt(i);
      if (c === QUOTE || c === APOSTROPHE) {
        const eol = lineEnd(text, i);
        let j = i + 1;
        while (j < eol && text.charCodeAt(j) !== c) j += c === QUOTE && text.charCodeAt(j) === BACKSLASH ? 2 : 1;
        parts.push(c === QUOTE ? decodeTomlBasic(text, i + 1, Math.min(j, eol), false).text : text.slice(i + 1, Math.min(j, eol)));
        i = Math.min(j + 1, eol);
      } else {
        const s = i;
        while (i < text.length && isBareKeyChar(text.charCodeAt(i))) i++;
        if (i === s) break;
        parts.push(text.slice(s, i));
      }
      i = this.skipBlank(i, false);
      if (text.charCodeAt(i) !== DOT) break;
      i++;
    }
    return { parts, end: i };
  }

  /** Reads a value at i under `path`; returns the offset after it. */
  private value(i: number, path: string[]): number {
    const text = this.text;
    const c = text.charCodeAt(i);
    if (c === QUOTE || c === APOSTROPHE) return this.string(i, path);
    if ((c === LEFT_BRACKET || c === LEFT_BRACE) && this.depth < 64) {
      this.depth++;
      const end = c === LEFT_BRACKET ? this.array(i + 1, path) : this.inlineTable(i + 1, path);
      this.depth--;
      return end;
    }
    while (i < text.length) {
      const d = text.charCodeAt(i);
      if (d === COMMA || d === RIGHT_BRACKET || d === RIGHT_BRACE || d === HASH || d === LINE_FEED || d === CARRIAGE_RETURN) break;
      i++;
      if (d === LEFT_BRACKET || d === LEFT_BRACE) break;
    }
    return i;
  }

  private string(i: number, path: string[]): number {
    const text = this.text;
    const q = text.charCodeAt(i);
    const multi = text.charCodeAt(i + 1) === q && text.charCodeAt(i + 2) === q;
    let from: number;
    let to: number;
    let end: number;
    if (multi) {
      from = i + 3;
      if (text.charCodeAt(from) === LINE_FEED) from++;
      else if (text.charCodeAt(from) === CARRIAGE_RETURN && text.charCodeAt(from + 1) === LINE_FEED) from += 2;
      const delimiter = q === QUOTE ? '"""' : "'''";
      let close = from;
      for (;;) {
        close = text.indexOf(delimiter, close);
        if (close < 0 || q !== QUOTE) break;
        let slashes = 0;
        while (close - 1 - slashes >= from && text.charCodeAt(close - 1 - slashes) === BACKSLASH) slashes++;
        if (slashes % 2 === 0) break;
        close++;
      }
      if (close < 0) {
        to = end = text.length;
      } else {
        // Up to two quotes right before the closing delimiter belong to the content.
        let extra = 0;
        while (extra < 2 && text.charCodeAt(close + 3 + extra) === q) extra++;
        to = close + extra;
        end = close + 3 + extra;
      }
    } else {
      from = i + 1;
      const eol = lineEnd(text, i);
      let j = from;
      while (j < eol && text.charCodeAt(j) !== q) j += q === QUOTE && text.charCodeAt(j) === BACKSLASH ? 2 : 1;
      to = Math.min(j, eol);
      end = j < eol ? j + 1 : eol;
    }
    const d = q === QUOTE ? decodeTomlBasic(text, from, to, multi) : verbatim(text, from, to);
    const syntax: HostSyntax = q === QUOTE ? (multi ? 'toml-ml-basic' : 'toml-basic') : multi ? 'toml-ml-literal' : 'toml-literal';
    emitString(this.out, d, syntax, { path });
    return end;
  }

  private array(i: number, path: string[]): number {
    const text = this.text;
    while (i < text.length) {
      i = this.skipBlank(i, true);
      const c = text.charCodeAt(i);
      if (c === RIGHT_BRACKET) return i + 1;
      if (c === COMMA) i++;
      else if (c === HASH) i = this.comment(i);
      else if (c === RIGHT_BRACE) return i; // a stray brace: let the caller see it
      else {
        const next = this.value(i, path);
        i = next > i ? next : i + 1;
      }
    }
    return i;
  }

  private inlineTable(i: number, path: string[]): number {
    const text = this.text;
    while (i < text.length) {
      i = this.skipBlank(i, true);
      const c = text.charCodeAt(i);
      if (c === RIGHT_BRACE) return i + 1;
      if (c === COMMA) {
        i++;
        continue;
      }
      if (c === HASH) {
        i = this.comment(i);
        continue;
      }
      const key = this.readKey(i);
      const j = this.skipBlank(key.end, false);
      if (key.parts.length === 0 || text.charCodeAt(j) !== EQUALS) return lineEnd(text, i);
      i = this.value(this.skipBlank(j + 1, false), [...path, ...key.parts]);
    }
    return i;
  }
}

export function extractToml(text: string): EmbeddedValue[] {
  return new TomlScanner(text).run();
}
