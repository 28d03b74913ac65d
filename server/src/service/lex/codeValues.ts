/**
 * The literal values of code, read from a token list (lex/codeScanner.ts): brackets paired once, then
 * objects, arrays, strings, numbers and keywords parsed where a call passes them; anything else is an
 * opaque `other` value with its span.
 */
import type { Token, TokenList } from '../api';
import { CLOSERS, OPENERS } from './codeScanner';


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

/** The index of the token that holds `offset` (from its start up to, not including, its end), or -1. */
export function tokenIndexAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = tokens[mid]!;
    if (t.end <= offset) lo = mid + 1;
    else if (t.start > offset) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/** Where the current database changes in a script: `use("shop")`, `use shop`, or an assignment to `db`. */
export interface DatabaseSwitch {
  offset: number;
  name: string;
  /** The name's token (a string's or an identifier's). */
  token: Token;
}

/**
 * The database switches of a script, in document order: `use("shop")` and `use shop` (the whole
 * statement on one line), and `db = <expression>` where `ofAssignment` reads a database name from the
 * expression that starts at token `from` (the token after the `=`; `line`: the line of `db`).
 */
export function findDatabaseSwitches(list: TokenList, ofAssignment: (list: TokenList, from: number, line: number) => Token | undefined): DatabaseSwitch[] {
  const { tokens } = list;
  const out: DatabaseSwitch[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.kind !== 'ident' || isPunct(tokens[k - 1], '.')) continue;
    if (t.text === 'use') {
      const a = tokens[k + 1];
      const b = tokens[k + 2];
      if (isPunct(a, '(') && b?.kind === 'string' && isPunct(tokens[k + 3], ')')) out.push({ offset: t.start, name: b.text, token: b });
      else if (a?.kind === 'ident' && a.line === t.line && (tokens[k + 2]?.line ?? -1) !== t.line) out.push({ offset: t.start, name: a.text, token: a });
    } else if (t.text === 'db' && isPunct(tokens[k + 1], '=') && !isPunct(tokens[k + 2], '=')) {
      const name = ofAssignment(list, k + 2, t.line);
      if (name) out.push({ offset: t.start, name: name.text, token: name });
    }
  }
  return out;
}

