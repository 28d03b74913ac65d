/**
 * A small linear scanner for JavaScript/TypeScript: tokens (comments skipped) and the literal
 * values of call arguments (strings, numbers, arrays, objects), each with its document span.
 * It is not a JavaScript parser: anything else becomes an opaque `other` value.
 */
import { isIdentPart, isIdentStart } from './identifiers';

export type TokenKind = 'ident' | 'punct' | 'string' | 'template' | 'number' | 'regex';

export interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  /** Identifier name, punctuator, number text, or the decoded string (template without `${}`). */
  text: string;
  /** Line number, for statements like `use sales` that end at the line end. */
  line: number;
}

/** Identifier characters, except that U+0080–U+00BF (the no-break space, Latin-1 signs) take no part in one here. */
function isScannedIdentStart(c: number): boolean {
  return isIdentStart(c) && (c < 0x80 || c >= 0xc0);
}

function isScannedIdentPart(c: number): boolean {
  return isIdentPart(c) && (c < 0x80 || c >= 0xc0);
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', '0': '\0' };

/** Tokens that may end an expression: after them, `/` divides; elsewhere it starts a regex. */
function endsExpression(t: Token | undefined): boolean {
  if (!t) return false;
  if (t.kind === 'punct') return t.text === ')' || t.text === ']' || t.text === '}';
  return !(t.kind === 'ident' && /^(?:return|typeof|case|do|else|in|of|void|yield|await|delete|throw|new)$/.test(t.text));
}

/** Reads a quoted string starting at `i` (the quote); returns its decoded value and end. */
function readString(text: string, i: number): { value: string; end: number; hasExpr: boolean } {
  const quote = text[i]!;
  let value = '';
  let hasExpr = false;
  let j = i + 1;
  while (j < text.length) {
    const c = text[j]!;
    if (c === quote) return { value, end: j + 1, hasExpr };
    if (c === '\\') {
      const e = text[j + 1] ?? '';
      value += SIMPLE_ESCAPES[e] ?? (e === '\n' ? '' : e);
      j += 2;
      continue;
    }
    if (quote !== '`' && c === '\n') break; // unterminated
    if (quote === '`' && c === '$' && text[j + 1] === '{') {
      hasExpr = true;
      let depth = 0;
      for (j += 1; j < text.length; j++) {
        if (text[j] === '{') depth++;
        else if (text[j] === '}' && --depth === 0) break;
      }
      j++;
      continue;
    }
    value += c;
    j++;
  }
  return { value, end: j, hasExpr };
}

export interface ScanOptions {
  /** Offset to start at (default 0). */
  from?: number;
  /** Offset to stop at (default: the end of the text). */
  to?: number;
  /** Stop once the bracket opened by the first token is closed: reads one argument list, not the file. */
  untilBalanced?: boolean;
  /** Python: `#` comments, triple-quoted strings, `//` is an operator and there are no regex literals. */
  python?: boolean;
}

/** One forward pass over the text. */
export function scanTokens(text: string, options: ScanOptions = {}): Token[] {
  const tokens: Token[] = [];
  const python = options.python === true;
  let line = 0;
  let depth = 0;
  let i = options.from ?? 0;
  const n = Math.min(options.to ?? text.length, text.length);
  while (i < n) {
    if (options.untilBalanced && depth === 0 && tokens.length > 0) break;
    const c = text[i]!;
    if (c === '\n') {
      line++;
      i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\ufeff') {
      i++;
      continue;
    }
    if (python && c === '#') {
      while (i < n && text[i] !== '\n') i++;
      continue;
    }
    if (python && (c === '"' || c === "'") && text[i + 1] === c && text[i + 2] === c) {
      const close = text.indexOf(c + c + c, i + 3);
      const end = close < 0 ? n : close + 3;
      for (let k = i; k < end; k++) if (text[k] === '\n') line++;
      tokens.push({ kind: 'string', start: i, end, text: text.slice(i + 3, Math.max(i + 3, end - 3)), line });
      i = end;
      continue;
    }
    if (!python && c === '/' && text[i + 1] === '/') {
      while (i < n && text[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      const end = close < 0 ? n : close + 2;
      for (let k = i; k < end; k++) if (text[k] === '\n') line++;
      i = end;
      continue;
    }
    const start = i;
    if (c === '"' || c === "'" || c === '`') {
      const s = readString(text, i);
      for (let k = i; k < s.end; k++) if (text[k] === '\n') line++;
      tokens.push({ kind: s.hasExpr ? 'template' : 'string', start, end: s.end, text: s.value, line });
      i = s.end;
      continue;
    }
    if (/\d/.test(c) || (c === '.' && /\d/.test(text[i + 1] ?? ''))) {
      const m = /^(?:0[xXoObB][\da-fA-F_]+|\d[\d_]*(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)n?/.exec(text.slice(i, i + 64));
      const len = m ? m[0].length : 1;
      tokens.push({ kind: 'number', start, end: i + len, text: text.slice(i, i + len), line });
      i += len;
      continue;
    }
    if (isScannedIdentStart(text.charCodeAt(i))) {
      let j = i + 1;
      while (j < n && isScannedIdentPart(text.charCodeAt(j))) j++;
      tokens.push({ kind: 'ident', start, end: j, text: text.slice(i, j), line });
      i = j;
      continue;
    }
    if (!python && c === '/' && !endsExpression(tokens[tokens.length - 1])) {
      let j = i + 1;
      let inClass = false;
      while (j < n && text[j] !== '\n') {
        const d = text[j]!;
        if (d === '\\') j++;
        else if (d === '[') inClass = true;
        else if (d === ']') inClass = false;
        else if (d === '/' && !inClass) break;
        j++;
      }
      j++;
      while (j < n && /[a-z]/.test(text[j]!)) j++;
      tokens.push({ kind: 'regex', start, end: j, text: text.slice(i, j), line });
      i = j;
      continue;
    }
    const three = text.slice(i, i + 3);
    const len = three === '...' ? 3 : text.slice(i, i + 2) === '=>' ? 2 : 1;
    const punct = text.slice(i, i + len);
    if (OPENERS[punct]) depth++;
    else if (CLOSERS.has(punct)) depth--;
    tokens.push({ kind: 'punct', start, end: i + len, text: punct, line });
    i += len;
  }
  return tokens;
}

// -------------------------------------------------------------------------------------------
// Literal values

export type Value =
  | { kind: 'object'; start: number; end: number; props: Prop[]; hasSpread: boolean }
  | { kind: 'array'; start: number; end: number; items: Value[] }
  | { kind: 'string'; start: number; end: number; value: string }
  | { kind: 'number'; start: number; end: number; value: number }
  | { kind: 'literal'; start: number; end: number; value: 'true' | 'false' | 'null' | 'undefined' }
  | { kind: 'other'; start: number; end: number };

export interface Prop {
  key: string;
  keyStart: number;
  keyEnd: number;
  value: Value;
}

/** Number wrappers of mongosh and the drivers: `NumberInt(1)`, `Long("5")`, ... */
const NUMBER_WRAPPERS = /^(?:NumberInt|NumberLong|NumberDecimal|Int32|Long|Double|Decimal128)$/;
const CLOSERS = new Set([')', ']', '}']);
const OPENERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

/** The tokens with, for each opening bracket, the index of its closing one (-1 when unclosed). */
export interface TokenList {
  tokens: readonly Token[];
  match: Int32Array;
}

/** Pairs brackets in one pass; a closer that does not fit the innermost opener is ignored. */
export function pairBrackets(tokens: readonly Token[]): TokenList {
  const match = new Int32Array(tokens.length).fill(-1);
  const stack: number[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.kind !== 'punct') continue;
    if (OPENERS[t.text]) stack.push(k);
    else if (CLOSERS.has(t.text) && stack.length > 0 && OPENERS[tokens[stack[stack.length - 1]!]!.text] === t.text) {
      match[stack.pop()!] = k;
    }
  }
  return { tokens, match };
}

/**
 * Index after an expression that starts at `i`: up to a `,`, `;` or closer at depth 0. Bracketed
 * groups are jumped over, so the cost is the number of tokens at the expression's own level.
 */
export function skipExpression(list: TokenList, i: number): number {
  const { tokens, match } = list;
  for (let k = i; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.kind !== 'punct') continue;
    if (OPENERS[t.text]) {
      if (match[k]! < 0) return tokens.length;
      k = match[k]!;
    } else if (CLOSERS.has(t.text) || t.text === ',' || t.text === ';') return k;
  }
  return tokens.length;
}

function isPunct(t: Token | undefined, text: string): boolean {
  return !!t && t.kind === 'punct' && t.text === text;
}

/** Literals nested deeper than this are read as opaque values (command documents are shallow). */
const MAX_DEPTH = 32;

/** Parses the value that starts at token `i`; returns it and the index after it. */
export function parseValue(list: TokenList, i: number, depth = 0): [Value, number] {
  const { tokens } = list;
  const t = tokens[i];
  if (!t) return [{ kind: 'other', start: 0, end: 0 }, i];
  const end = skipExpression(list, i);
  const last = tokens[end - 1] ?? t;
  const other: Value = { kind: 'other', start: t.start, end: last.end };
  if (depth >= MAX_DEPTH) return [other, end];
  if (isPunct(t, '{')) return parseObject(list, i, end, other, depth);
  if (isPunct(t, '[')) return parseArray(list, i, end, other, depth);
  if (end !== i + 1) {
    // `-1`, `NumberInt(1)`: still numbers; anything longer is an expression.
    if (isPunct(t, '-') && end === i + 2 && tokens[i + 1]!.kind === 'number') {
      return [{ kind: 'number', start: t.start, end: last.end, value: -Number(tokens[i + 1]!.text.replace(/_/g, '')) }, end];
    }
    if (t.kind === 'ident' && NUMBER_WRAPPERS.test(t.text) && end === i + 4 && isPunct(tokens[i + 1], '(')) {
      const arg = tokens[i + 2]!;
      const value = arg.kind === 'number' || arg.kind === 'string' ? Number(arg.text) : NaN;
      if (!Number.isNaN(value)) return [{ kind: 'number', start: t.start, end: last.end, value }, end];
    }
    return [other, end];
  }
  if (t.kind === 'string') return [{ kind: 'string', start: t.start, end: t.end, value: t.text }, end];
  if (t.kind === 'number') {
    const value = Number(t.text.replace(/_/g, '').replace(/n$/, ''));
    return [Number.isNaN(value) ? other : { kind: 'number', start: t.start, end: t.end, value }, end];
  }
  if (t.kind === 'ident' && /^(?:true|false|null|undefined)$/.test(t.text)) {
    return [{ kind: 'literal', start: t.start, end: t.end, value: t.text as 'true' }, end];
  }
  return [other, end];
}

function parseArray(list: TokenList, i: number, end: number, other: Value, depth: number): [Value, number] {
  const { tokens } = list;
  const items: Value[] = [];
  let k = i + 1;
  while (k < end - 1) {
    if (isPunct(tokens[k], ',')) {
      k++;
      continue;
    }
    if (isPunct(tokens[k], '...')) {
      const next = skipExpression(list, k + 1);
      items.push({ kind: 'other', start: tokens[k]!.start, end: tokens[next - 1]!.end });
      k = next;
      continue;
    }
    const [v, next] = parseValue(list, k, depth + 1);
    items.push(v);
    k = next === k ? k + 1 : next;
  }
  if (!isPunct(tokens[end - 1], ']')) return [other, end];
  return [{ kind: 'array', start: tokens[i]!.start, end: tokens[end - 1]!.end, items }, end];
}

function parseObject(list: TokenList, i: number, end: number, other: Value, depth: number): [Value, number] {
  const { tokens } = list;
  const props: Prop[] = [];
  let hasSpread = false;
  let k = i + 1;
  while (k < end - 1) {
    const t = tokens[k]!;
    if (isPunct(t, ',')) {
      k++;
      continue;
    }
    const keyToken = t.kind === 'ident' || t.kind === 'string' || t.kind === 'number' ? t : undefined;
    if (keyToken && isPunct(tokens[k + 1], ':')) {
      const [value, next] = parseValue(list, k + 2, depth + 1);
      const quoted = keyToken.kind === 'string';
      props.push({
        key: keyToken.text,
        keyStart: keyToken.start + (quoted ? 1 : 0),
        keyEnd: keyToken.end - (quoted ? 1 : 0),
        value,
      });
      k = next;
      continue;
    }
    if (keyToken && keyToken.kind === 'ident' && (isPunct(tokens[k + 1], ',') || k + 1 === end - 1)) {
      // Shorthand `{ op }`: the value is a variable.
      props.push({ key: t.text, keyStart: t.start, keyEnd: t.end, value: { kind: 'other', start: t.start, end: t.end } });
      k++;
      continue;
    }
    if (isPunct(t, '...')) hasSpread = true;
    // A spread, a computed key or a method: not a literal member we can read.
    hasSpread = hasSpread || isPunct(t, '[');
    const next = skipExpression(list, k);
    k = next === k ? k + 1 : next;
  }
  if (!isPunct(tokens[end - 1], '}')) return [other, end];
  return [{ kind: 'object', start: tokens[i]!.start, end: tokens[end - 1]!.end, props, hasSpread }, end];
}
