/**
 * Readers of string literals in program source, one per language. Each decodes escapes with an exact
 * offset map and keeps interpolations as `${…}` placeholders (JS templates and Kotlin as written;
 * Python f-strings and C# `$"…"` `{x}`, Ruby `#{x}` and PHP `{$x}` rewritten to `${x}`), so the core
 * treats them as opaque.
 */
import { HostSyntax } from '../types';
import { DecodedBuilder, DecodedText, fromCodePoint, hexValue, indexOfIn, isSpace, lineEnd, offsetOf } from './decoded';

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

/** How backslashes work: C-like escapes, none, only `\\` and `\'` (Ruby, PHP single quotes), or raw-but-quoting (Python r""). */
type Escapes = 'c' | 'none' | 'single' | 'raw-quote';
/** Interpolation: none, `${…}` kept as written, `{…}` → `${…}`, `#{…}` → `${…}`, PHP `{$…}` → `${…}`. */
type Interpolation = 'none' | 'dollar' | 'brace' | 'hash' | 'php';

const C_ESCAPES: Record<string, string> = {
  n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', a: '\x07', e: '\x1b', '0': '\0',
  '\\': '\\', "'": "'", '"': '"', '`': '`', $: '$', '/': '/', '?': '?', '{': '{', '#': '#',
};

/** Below this offset, a search for a closing brace has already failed: do not search again. */
let failedUntil = -1;

/** Offset of the `}` closing the brace at `open` (nested braces and simple strings skipped), or -1. Bounded. */
function matchBrace(text: string, open: number): number {
  if (open < failedUntil && failedUntil <= text.length) return -1;
  let depth = 0;
  const limit = Math.min(text.length, open + 1024);
  for (let i = open; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x7b) depth++;
    else if (c === 0x7d) {
      if (--depth === 0) return i;
    } else if (c === 0x22 || c === 0x27 || c === 0x60) {
      for (i++; i < limit && text.charCodeAt(i) !== c; i++) if (text.charCodeAt(i) === 0x5c) i++;
    } else if (c === 0x0a && depth > 8) break;
  }
  failedUntil = limit;
  return -1;
}

/** Forgets failed searches (a new document). */
export function resetLiteralReaders(): void {
  failedUntil = -1;
}

/** Decodes one C-like escape at i (a backslash) into b; returns the offset after it. */
function cEscape(b: DecodedBuilder, text: string, i: number): number {
  const e = text[i + 1];
  if (e === '\n') return i + 2;
  if (e === '\r') return text.charCodeAt(i + 2) === 0x0a ? i + 3 : i + 2;
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
  b.raw(i, Math.min(i + 2, text.length));
  return i + 2;
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
    if ((c === 0x0a || c === 0x0d) && !o.multiline) break;
    if (c === 0x5c /* \ */ && o.escapes !== 'none') {
      if (o.escapes === 'c') {
        b.raw(run, i);
        i = cEscape(b, text, i);
        run = i;
        continue;
      }
      if (o.escapes === 'raw-quote') {
        i += 2;
        continue;
      }
      const e = text.charCodeAt(i + 1);
      if (e === 0x5c || e === closeCode) {
        b.raw(run, i);
        b.char(text[i + 1], i);
        i += 2;
        run = i;
        continue;
      }
    }
    if (o.interpolation !== 'none') {
      const next = text.charCodeAt(i + 1);
      if (o.interpolation === 'dollar' && c === 0x24 && next === 0x7b) {
        const j = matchBrace(text, i + 1);
        if (j > 0) {
          i = j + 1;
          continue;
        }
      } else if (o.interpolation === 'brace' && (c === 0x7b || c === 0x7d)) {
        if (next === c) {
          b.raw(run, i);
          b.char(text[i], i);
          i += 2;
          run = i;
          continue;
        }
        const j = c === 0x7b ? matchBrace(text, i) : -1;
        if (j > 0) {
          b.raw(run, i);
          b.char('$', i);
          b.raw(i, j + 1);
          i = j + 1;
          run = i;
          continue;
        }
      } else if ((o.interpolation === 'hash' && c === 0x23 && next === 0x7b) || (o.interpolation === 'php' && c === 0x7b && next === 0x24)) {
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

function literal(text: string, start: number, from: number, syntax: HostSyntax, o: BodyOptions, ignore = false): Literal {
  const body = readBody(text, from, o);
  const lit: Literal = { start, end: body.end, d: body.d, syntax };
  if (ignore) lit.ignore = true;
  return lit;
}

const single = (close: string, escapes: Escapes = 'c', interpolation: Interpolation = 'none'): BodyOptions => ({ close, escapes, interpolation, multiline: false });
const multi = (close: string, escapes: Escapes = 'c', interpolation: Interpolation = 'none'): BodyOptions => ({ close, escapes, interpolation, multiline: true });

export const readJsLiteral: LiteralReader = (text, i) => {
  const c = text[i];
  if (c === "'") return literal(text, i, i + 1, 'js-single', single("'"));
  if (c === '"') return literal(text, i, i + 1, 'js-double', single('"'));
  if (c === '`') return literal(text, i, i + 1, 'js-template', multi('`', 'c', 'dollar'));
  return undefined;
};

export const readPythonLiteral: LiteralReader = (text, i) => {
  let j = i;
  let raw = false;
  let f = false;
  while (j - i < 3) {
    const c = text[j];
    if (c === 'r' || c === 'R') raw = true;
    else if (c === 'f' || c === 'F' || c === 't' || c === 'T') f = true;
    else if (!(c === 'b' || c === 'B' || c === 'u' || c === 'U')) break;
    j++;
  }
  const q = text[j];
  if ((q !== '"' && q !== "'") || j - i > 2) return undefined;
  const triple = text[j + 1] === q && text[j + 2] === q;
  const close = triple ? q + q + q : q;
  const o: BodyOptions = { close, escapes: raw ? 'raw-quote' : 'c', interpolation: f ? 'brace' : 'none', multiline: triple };
  const syntax: HostSyntax = raw ? 'python-raw' : f ? (q === '"' ? 'python-f-double' : 'python-f-single') : q === '"' ? 'python-double' : 'python-single';
  return literal(text, i, j + close.length, syntax, o);
};

export const readGoLiteral: LiteralReader = (text, i) => {
  const c = text[i];
  if (c === '"') return literal(text, i, i + 1, 'go-double', single('"'));
  if (c === '`') return literal(text, i, i + 1, 'go-raw', multi('`', 'none'));
  if (c === "'") return literal(text, i, i + 1, 'go-double', single("'"), true);
  return undefined;
};

export const readJavaLiteral: LiteralReader = (text, i) => {
  const c = text[i];
  if (c === '"' && text.startsWith('"""', i)) return readTextBlock(text, i);
  if (c === '"') return literal(text, i, i + 1, 'java-double', single('"'));
  if (c === "'") return literal(text, i, i + 1, 'java-double', single("'"), true);
  return undefined;
};

export const readKotlinLiteral: LiteralReader = (text, i) => {
  const c = text[i];
  if (c === '"' && text.startsWith('"""', i)) return literal(text, i, i + 3, 'kotlin-raw', multi('"""', 'none', 'dollar'));
  if (c === '"') return literal(text, i, i + 1, 'kotlin-double', single('"', 'c', 'dollar'));
  if (c === "'") return literal(text, i, i + 1, 'kotlin-double', single("'"), true);
  return undefined;
};

export const readCSharpLiteral: LiteralReader = (text, i) => {
  let j = i;
  let dollars = 0;
  let verbatim = false;
  while (j - i < 4) {
    if (text[j] === '$') dollars++;
    else if (text[j] === '@' && !verbatim) verbatim = true;
    else break;
    j++;
  }
  const c = text[j];
  if (c === "'" && j === i) return literal(text, i, i + 1, 'csharp-regular', single("'"), true);
  if (c !== '"') return undefined;
  const interp: Interpolation = dollars > 0 ? 'brace' : 'none';
  if (!verbatim && text.startsWith('"""', j)) {
    let q = j;
    while (text[q] === '"') q++;
    const close = '"'.repeat(q - j);
    const lit = literal(text, i, q, 'csharp-raw', multi(close, 'none', dollars === 1 ? 'brace' : 'none'));
    return trimRawLines(lit);
  }
  if (verbatim) {
    return literal(text, i, j + 1, dollars ? 'csharp-verbatim-interpolated' : 'csharp-verbatim', { ...multi('"', 'none', interp), doubledQuote: true });
  }
  return literal(text, i, j + 1, dollars ? 'csharp-interpolated' : 'csharp-regular', single('"', 'c', interp));
};

export const readRubyLiteral: LiteralReader = (text, i) => {
  const c = text[i];
  if (c === "'") return literal(text, i, i + 1, 'ruby-single', multi("'", 'single'));
  if (c === '"') return literal(text, i, i + 1, 'ruby-double', multi('"', 'c', 'hash'));
  return undefined;
};

export const readPhpLiteral: LiteralReader = (text, i) => {
  const c = text[i];
  if (c === "'") return literal(text, i, i + 1, 'php-single', multi("'", 'single'));
  if (c === '"') return literal(text, i, i + 1, 'php-double', multi('"', 'c', 'php'));
  return undefined;
};

/**
 * A multi-line C# raw string: the first and last line breaks are not content, and the closing line's
 * indentation is removed from every line.
 */
function trimRawLines(lit: Literal): Literal {
  const d = lit.d;
  const t = d.text;
  const first = t.startsWith('\r\n') ? 2 : t.startsWith('\n') ? 1 : 0;
  const lastBreak = t.lastIndexOf('\n');
  if (first === 0 || lastBreak < first - 1 || t.slice(lastBreak + 1).trim() !== '') return lit;
  const indent = t.length - lastBreak - 1;
  let contentEnd = lastBreak;
  if (t[contentEnd - 1] === '\r') contentEnd--;
  let text = '';
  const offsets: number[] = [];
  let atLineStart = true;
  let stripped = 0;
  for (let k = first; k < contentEnd; k++) {
    const ch = t[k];
    if (atLineStart && stripped < indent && (ch === ' ' || ch === '\t')) {
      stripped++;
      continue;
    }
    atLineStart = ch === '\n';
    if (atLineStart) stripped = 0;
    text += ch;
    offsets.push(offsetOf(d, k));
  }
  offsets.push(offsetOf(d, contentEnd));
  return { ...lit, d: { text, start: offsets[0], offsets } };
}

/**
 * A Java text block: content starts on the line after `"""`; the common indentation of its lines
 * (and of the closing delimiter's line) and trailing blanks are stripped; escapes apply afterwards.
 */
function readTextBlock(text: string, i: number): Literal {
  let s = i + 3;
  while (s < text.length && isSpace(text.charCodeAt(s))) s++;
  if (text.charCodeAt(s) === 0x0d) s++;
  if (text.charCodeAt(s) === 0x0a) s++;
  let close = s;
  while (close < text.length && !text.startsWith('"""', close)) close += text.charCodeAt(close) === 0x5c ? 2 : 1;
  const end = Math.min(close, text.length);
  // Common indentation of the non-blank lines and of the closing line.
  let indent = Infinity;
  for (let line = s; line <= end; ) {
    const le = Math.min(lineEnd(text, line), end);
    let k = line;
    while (k < le && isSpace(text.charCodeAt(k))) k++;
    if (k < le || le === end) indent = Math.min(indent, k - line);
    if (le >= end) break;
    line = text.indexOf('\n', le) + 1;
  }
  const b = new DecodedBuilder(text, s);
  for (let line = s; line < end; ) {
    const le = Math.min(lineEnd(text, line), end);
    const from = Math.min(line + indent, le);
    let to = le;
    while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
    let run = from;
    let continued = false;
    for (let k = from; k < to; ) {
      if (text.charCodeAt(k) !== 0x5c) {
        k++;
        continue;
      }
      b.raw(run, k);
      if (k + 1 >= to) {
        // A backslash at the end of a line joins the next line without a line break.
        continued = true;
        run = to;
        break;
      }
      k = cEscape(b, text, k);
      run = k;
    }
    b.raw(run, to);
    const next = le < text.length ? text.indexOf('\n', le) + 1 : 0;
    if (le >= end || next <= 0) break;
    if (!continued) b.char('\n', le);
    line = next;
  }
  return { start: i, end: close < text.length ? close + 3 : text.length, d: b.finish(end), syntax: 'java-text-block' };
}
