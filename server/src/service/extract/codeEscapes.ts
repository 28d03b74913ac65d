/** What all literal readers share: the literal they return and C-like escape decoding. */
import { HostSyntax } from '../api';
import { DecodedBuilder, DecodedText, fromCodePoint, hexValue, indexOfIn } from './decoded';
import { CARRIAGE_RETURN, LEFT_BRACE, LINE_FEED, LOWER_U, LOWER_X, UPPER_U } from '../lex/chars';

export interface Literal {
  /** Offset of the literal's first character (prefix or quote). */
  start: number;
  /** Offset just after the closing delimiter. */
  end: number;
  d: DecodedText;
  syntax: HostSyntax;
  /** A character literal: never a value. */
  ignore?: boolean;
}

export type LiteralReader = (text: string, i: number) => Literal | undefined;

const C_ESCAPES: Record<string, string> = {
  n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', a: '\x07', e: '\x1b', '0': '\0',
  '\\': '\\', "'": "'", '"': '"', '`': '`', $: '$', '/': '/', '?': '?', '{': '{', '#': '#',
};

/** Decodes one C-like escape at i (a backslash) into b; returns the offset after it. */
export function cEscape(b: DecodedBuilder, text: string, i: number): number {
  const e = text[i + 1];
  if (e === '\n') return i + 2;
  if (e === '\r') return text.charCodeAt(i + 2) === LINE_FEED ? i + 3 : i + 2;
  if (e === 'x' || e === 'u' || e === 'U') {
    let s: string | undefined;
    let len = 0;
    if (e === 'u' && text[i + 2] === '{') {
      const close = indexOfIn(text, 0x7d, i + 3, Math.min(text.length, i + 12));
      if (close > i + 3) {
        s = fromCodePoint(hexValue(text, i + 3, close - i - 3));
        len = close + 1 - i;
      }
    } else {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      s = fromCodePoint(hexValue(text, i + 2, n));
      len = 2 + n;
    }
    if (s !== undefined) {
      b.char(s, i);
      return i + len;
    }
  }
  const simple = e === '0' && /[0-7]/.test(text[i + 2] ?? '') ? undefined : C_ESCAPES[e];
  if (simple !== undefined) {
    b.char(simple, i);
    return i + 2;
  }
  // Not an escape: kept as written (a backslash at the very end of the text is the last character).
  const end = Math.min(i + 2, text.length);
  b.raw(i, end);
  return end;
}


/** The offset after the C-like escape at i (a backslash), as cEscape finds it, without decoding it. */
export function cEscapeEnd(text: string, i: number): number {
  const e = text.charCodeAt(i + 1);
  if (e === CARRIAGE_RETURN) return text.charCodeAt(i + 2) === LINE_FEED ? i + 3 : i + 2;
  if (e === LOWER_X /* x */ || e === LOWER_U /* u */ || e === UPPER_U /* U */) {
    if (e === LOWER_U && text.charCodeAt(i + 2) === LEFT_BRACE /* { */) {
      const close = indexOfIn(text, 0x7d, i + 3, Math.min(text.length, i + 12));
      if (close > i + 3 && isCodePoint(hexValue(text, i + 3, close - i - 3))) return close + 1;
    } else {
      const n = e === LOWER_X ? 2 : e === LOWER_U ? 4 : 8;
      if (isCodePoint(hexValue(text, i + 2, n))) return i + 2 + n;
    }
  }
  // A line continuation, a one-character escape, or a backslash kept as written.
  return Math.min(i + 2, text.length);
}

function isCodePoint(cp: number): boolean {
  return cp >= 0 && cp <= 0x10ffff;
}
