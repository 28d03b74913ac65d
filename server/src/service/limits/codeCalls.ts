/**
 * Driver calls in code (JavaScript/TypeScript, MongoDB playgrounds, Python) that have limits, found in
 * the document's token stream (lex/sourceCode.ts), which the other whole-document analyzers share:
 * comments and strings are no tokens, so no call is found in them. Calls inside an argument list
 * already read are not read again, so the work stays linear in the size of the document.
 */
import type { Token, TokenList } from '../api';
import { type Prop, type Value, parseValue } from '../lex/codeValues';
import { CARRIAGE_RETURN, DOLLAR, DOT, LEFT_BRACKET, LEFT_PAREN, LINE_FEED, QUESTION, RIGHT_BRACKET, RIGHT_PAREN, SPACE, TAB } from '../lex/chars';
import { isWordChar } from '../lex/identifiers';
import { JAVASCRIPT_LANGUAGES } from '../extract/codeLanguages';
import type { Span } from '../api';

export const JS_LANGUAGES: ReadonlySet<string> = new Set([...JAVASCRIPT_LANGUAGES, 'mongodb']);

export type Category = 'index' | 'indexes' | 'aggregate' | 'sort' | 'document';

export const METHODS: Readonly<Record<string, Category>> = {
  createIndex: 'index',
  ensureIndex: 'index',
  create_index: 'index',
  createIndexes: 'indexes',
  create_indexes: 'indexes',
  aggregate: 'aggregate',
  sort: 'sort',
  insertOne: 'document',
  insertMany: 'document',
  updateOne: 'document',
  updateMany: 'document',
  replaceOne: 'document',
  findOneAndUpdate: 'document',
  findOneAndReplace: 'document',
  bulkWrite: 'document',
  find: 'document',
  findOne: 'document',
  deleteOne: 'document',
  deleteMany: 'document',
  countDocuments: 'document',
  save: 'document',
  insert_one: 'document',
  insert_many: 'document',
  update_one: 'document',
  update_many: 'document',
  replace_one: 'document',
  find_one_and_update: 'document',
  find_one_and_replace: 'document',
  bulk_write: 'document',
  find_one: 'document',
  delete_one: 'document',
  delete_many: 'document',
  count_documents: 'document',
};

/** Method names that other libraries share (`Array.prototype.sort`, `Array.prototype.find`): only with a literal argument. */
export const SHARED_NAMES: ReadonlySet<string> = new Set(['sort', 'find', 'save']);

/**
 * `.method(` or `.method<Type>(` with a name of METHODS: the cheap test of whether a document may hold
 * such a call at all (only then is it read as tokens). The lookahead on their first letters lets the
 * engine skip most dots at once.
 */
const CALL = new RegExp(
  `\\.\\s*(?=[${[...new Set(Object.keys(METHODS).map((k) => k[0]))].join('')}])(?:${Object.keys(METHODS).sort((a, b) => b.length - a.length).join('|')})\\s*[<(]`,
);

export function mayHaveCalls(text: string): boolean {
  return CALL.test(text);
}

/** The category of a method name with limits, or undefined (never one of Object.prototype's names). */
export function categoryOf(name: string): Category | undefined {
  return Object.prototype.hasOwnProperty.call(METHODS, name) ? METHODS[name] : undefined;
}

/** A parsed argument, with its token range when it was read from the argument list (first < 0 otherwise). */
export interface Argument {
  value: Value;
  first: number;
  end: number;
}

/** A call's argument list: the tokens of its `(` and `)`, and how deeply `{`/`[` nest in it. */
export interface CallRegion {
  /** Token index of the `(`. */
  open: number;
  /** Token index of the matching `)`. */
  close: number;
  /** Deepest nesting of `{` and `[` inside the argument list. */
  maxDepth: number;
}

/** A call with limits: its method, where the `.` and the name are, and its argument list. */
export interface CallSite {
  method: string;
  category: Category;
  /** Offset of the `.` before the method name. */
  dot: number;
  nameSpan: Span;
  /** The argument list, closed. */
  region: CallRegion;
}

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB || c === LINE_FEED || c === CARRIAGE_RETURN;
}

function isPunct(t: Token | undefined, text: string): boolean {
  return t !== undefined && t.kind === 'punct' && t.text === text;
}

/** Type arguments `<…>` after a method name: at most this many characters, on one line, without brackets. */
const MAX_TYPE_ARGUMENTS = 82;

/** Token index of the `(` after the method name at token `k` (type arguments skipped), or -1. */
function parenAfter(tokens: readonly Token[], k: number): number {
  let p = k + 1;
  const name = tokens[k]!;
  if (isPunct(tokens[p], '<')) {
    const from = tokens[p]!.start;
    for (p++; p < tokens.length && !isPunct(tokens[p], '>'); p++) {
      const t = tokens[p]!;
      if (t.line !== name.line || t.end - from > MAX_TYPE_ARGUMENTS || (t.kind === 'punct' && '()<'.includes(t.text))) return -1;
    }
    p++;
  }
  return isPunct(tokens[p], '(') ? p : -1;
}

/** The argument list whose `(` is token `open`, or undefined while it is not closed (still being typed). */
function callRegion(list: TokenList, open: number): CallRegion | undefined {
  const close = list.match[open]!;
  if (close < 0) return undefined;
  const { tokens } = list;
  let depth = 0;
  let maxDepth = 0;
  for (let k = open + 1; k < close; k++) {
    const t = tokens[k]!;
    if (t.kind !== 'punct') continue;
    if (t.text === '{' || t.text === '[') {
      if (++depth > maxDepth) maxDepth = depth;
    } else if (t.text === '}' || t.text === ']') depth--;
  }
  return { open, close, maxDepth };
}

/** True when the argument list starts with an object or array literal. */
function startsWithLiteral(list: TokenList, region: CallRegion): boolean {
  const first = list.tokens[region.open + 1];
  return isPunct(first, '{') || isPunct(first, '[');
}

/** The call whose method name is token `k`, when it is one with limits (for SHARED_NAMES, with a literal first argument). */
export function callAt(list: TokenList, k: number): CallSite | undefined {
  const { tokens } = list;
  const name = tokens[k];
  if (!name || name.kind !== 'ident' || !isPunct(tokens[k - 1], '.')) return undefined;
  const category = categoryOf(name.text);
  if (!category) return undefined;
  const open = parenAfter(tokens, k);
  const region = open < 0 ? undefined : callRegion(list, open);
  if (!region) return undefined;
  if (SHARED_NAMES.has(name.text) && !startsWithLiteral(list, region)) return undefined;
  return { method: name.text, category, dot: tokens[k - 1]!.start, nameSpan: { start: name.start, end: name.end }, region };
}

/**
 * The calls with limits among a document's tokens, in order. Calls inside an argument list already
 * read are skipped: every token is read a bounded number of times.
 */
export function* findCalls(list: TokenList): Generator<CallSite> {
  const { tokens } = list;
  let readUntil = 0;
  for (let k = 1; k < tokens.length; k++) {
    if (k < readUntil || tokens[k]!.kind !== 'ident') continue;
    const call = callAt(list, k);
    if (!call) continue;
    readUntil = call.region.close;
    yield call;
  }
}

/** The receiver of a call, as written before the `.` at `dot` (`db.users`, `db.getCollection("users")`), without blanks. */
/** Whether a member chain goes on over the line break at `lf`: a `.` ends the line before it or starts the line after it (up to `end`). */
function continuesChain(text: string, lf: number, end: number): boolean {
  let after = lf + 1;
  while (after < end && isBlank(text.charCodeAt(after))) after++;
  if (after >= end || text.charCodeAt(after) === DOT) return true;
  let before = lf - 1;
  while (before >= 0 && isBlank(text.charCodeAt(before))) before--;
  if (before < 0 || text.charCodeAt(before) !== DOT) return false;
  // A comment that ends with a full stop (`// Unique across shards.`) continues nothing.
  const line = text.slice(text.lastIndexOf('\n', before) + 1, before);
  return !line.includes('//') && !line.includes('#') && !line.includes('*');
}

export function receiverText(text: string, dot: number): string {
  let k = dot - 1;
  const stop = Math.max(0, dot - 256);
  let depth = 0;
  for (; k >= stop; k--) {
    const c = text.charCodeAt(k);
    if (c === RIGHT_PAREN || c === RIGHT_BRACKET) depth++;
    else if (c === LEFT_PAREN || c === LEFT_BRACKET) {
      if (depth === 0) break;
      depth--;
    } else if (depth === 0) {
      const ident = isWordChar(c) || c === DOLLAR || c === DOT || c === QUESTION;
      if (!ident && !isBlank(c)) break;
      // A line break ends the receiver, unless a chain goes on over it (`db\n  .collection("a")`, `db.\n  events`):
      // without semicolons (Python, much JavaScript) the line above is another statement.
      if (c === LINE_FEED && !continuesChain(text, k, dot)) break;
    }
  }
  return text.slice(k + 1, dot).replace(/\s+/g, '').replace(/'/g, '"');
}

/** What a call passes: each argument parsed, with its token range. */
export function readArguments(list: TokenList, region: CallRegion): Argument[] {
  const { tokens } = list;
  const args: Argument[] = [];
  let k = region.open + 1;
  while (k < region.close) {
    if (isPunct(tokens[k], ',')) {
      k++;
      continue;
    }
    const [value, next] = parseValue(list, k);
    args.push({ value, first: k, end: next });
    k = next > k ? next : k + 1;
  }
  return args;
}

/** A nested value (a `$sort` stage, the `key` of createIndexes): no token range of its own. */
export function nested(value: Value): Argument {
  return { value, first: -1, end: -1 };
}

/** Keys of a sort (or index) given as an object literal or (Python) a list of `(field, direction)` tuples. */
export function sortKeys(list: TokenList, arg: Argument): Array<{ key: string; span: Span }> | undefined {
  const v = arg.value;
  if (v.kind === 'object') return v.props.map((p: Prop) => ({ key: p.key, span: { start: p.keyStart, end: p.keyEnd } }));
  if (v.kind === 'array' && arg.first >= 0) return tupleFirstStrings(list, arg.first, arg.end);
  return undefined;
}

/** `[("a", 1), ("b", -1)]`: the first string of each parenthesized tuple directly inside the list. */
function tupleFirstStrings(list: TokenList, first: number, end: number): Array<{ key: string; span: Span }> {
  const { tokens, match } = list;
  const out: Array<{ key: string; span: Span }> = [];
  for (let k = first + 1; k < end - 1; k++) {
    const t = tokens[k]!;
    if (t.kind === 'punct' && (t.text === '{' || t.text === '[')) {
      if (match[k]! < 0) break;
      k = match[k]!;
      continue;
    }
    if (t.kind === 'punct' && t.text === '(') {
      const s = tokens[k + 1];
      if (s?.kind === 'string') out.push({ key: s.text, span: { start: s.start + 1, end: Math.max(s.start + 1, s.end - 1) } });
      if (match[k]! < 0) break;
      k = match[k]!;
    }
  }
  return out;
}

