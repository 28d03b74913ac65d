/**
 * Readers of string literals in program source, one per language. Each decodes escapes with an exact
 * offset map and keeps interpolations as `${…}` placeholders (JS templates and Kotlin as written;
 * Python f-strings and C# `$"…"` `{x}`, Ruby `#{x}` and PHP `{$x}` rewritten to `${x}`), so the core
 * treats them as opaque.
 */
import { HostSyntax } from '../../../server/src/service/types';
import { DecodedBuilder, DecodedText } from '../../../server/src/service/extract/decoded';
import { cEscape, Literal, LiteralReader } from './sourceOracleEscapes';
import { readTextBlock, trimRawLines } from './sourceOracleBlocks';

export type { Literal, LiteralReader } from './sourceOracleEscapes';

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
        i = Math.min(i + 2, n);
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

