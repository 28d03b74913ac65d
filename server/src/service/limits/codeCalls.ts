/**
 * Driver calls in code (JavaScript/TypeScript, MongoDB playgrounds, Python) that have limits: call
 * sites are found by one regular-expression pass; each call's argument list is tokenized once
 * (lex/codeScanner.ts), and calls inside an argument list already scanned are not read again, so the
 * work stays linear in the size of the document.
 */
import { type Prop, type TokenList, type Value, pairBrackets, parseValue, scanTokens } from '../lex/codeScanner';
import { APOSTROPHE, BACKSLASH, BACKTICK, CARRIAGE_RETURN, DOLLAR, DOT, HASH, LEFT_BRACE, LEFT_BRACKET, LEFT_PAREN, LINE_FEED, QUESTION, QUOTE, RIGHT_BRACE, RIGHT_BRACKET, RIGHT_PAREN, SLASH, SPACE, TAB } from '../lex/chars';
import { isWordChar } from '../lex/identifiers';
import type { Span } from '../api';

export const JS_LANGUAGES: ReadonlySet<string> = new Set(['javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'mongodb']);

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
export const SHARED_NAMES: ReadonlySet<string> = new Set(['sort', 'find']);

/**
 * `.method(` or `.method<Type>(`; the names are those of METHODS (longest first). The lookahead on
 * their first letters lets the engine skip most dots at once.
 */
const CALL = new RegExp(
  `\\.[ \\t]*(?=[${[...new Set(Object.keys(METHODS).map((k) => k[0]))].join('')}])(${Object.keys(METHODS).sort((a, b) => b.length - a.length).join('|')})[ \\t]*(?:<[^<>()\\n]{0,80}>[ \\t]*)?\\(`,
  'g',
);

/** A parsed argument, with its token range when it was read from the argument list (first < 0 otherwise). */
export interface Argument {
  value: Value;
  first: number;
  end: number;
}

/** A call site: where its `(` is, where the argument list ends, and how deeply `{`/`[` nest in it. */
export interface CallRegion {
  paren: number;
  /** Just after the closing `)`; -1 when the list is not closed. */
  end: number;
  /** Deepest nesting of `{` and `[` inside the argument list (strings skipped). */
  maxDepth: number;
  /** First character after `(` that is not blank. */
  firstChar: string;
}

/** A call found by `findCalls`: its method, where the `.` and the name are, and its argument list. */
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

/** `"`, `'` or a backtick. */
function isQuote(c: number): boolean {
  return c === QUOTE || c === APOSTROPHE || c === BACKTICK;
}

/**
 * True when `at` is inside a comment or a string that starts earlier on its line: the line is read
 * from its start (at most 240 characters back; a longer line is taken as code).
 */
export function inCommentOrString(text: string, at: number, python: boolean): boolean {
  const stop = Math.max(0, at - 240);
  let lineStart = at;
  while (lineStart > stop && text.charCodeAt(lineStart - 1) !== LINE_FEED) lineStart--;
  if (lineStart === stop && stop > 0 && text.charCodeAt(stop - 1) !== LINE_FEED) return false;
  let quote = 0;
  for (let k = lineStart; k < at; k++) {
    const c = text.charCodeAt(k);
    if (quote !== 0) {
      if (c === BACKSLASH) k++;
      else if (c === quote) quote = 0;
    } else if (isQuote(c)) quote = c;
    else if (python ? c === HASH : c === SLASH && text.charCodeAt(k + 1) === SLASH) return true;
  }
  return quote !== 0;
}

/** The receiver of a call, as written before the `.` at `dot` (`db.users`, `db.getCollection("users")`), without blanks. */
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
    }
  }
  return text.slice(k + 1, dot).replace(/\s+/g, '').replace(/'/g, '"');
}

/** The arguments of the call whose `(` is token 0: each parsed value with its first token index. */
function readArguments(list: TokenList): Argument[] {
  const { tokens } = list;
  const args: Argument[] = [];
  const close = list.match[0]!;
  const stop = close < 0 ? tokens.length : close;
  let k = 1;
  while (k < stop) {
    if (tokens[k]!.kind === 'punct' && tokens[k]!.text === ',') {
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

/** Argument lists longer than this are not read (a list left open while typing ends here). */
const MAX_ARGUMENT_LIST = 1 << 20;

/**
 * One pass over an argument list: its end and its bracket depth, skipping string literals. An
 * unclosed list gives end -1 and `scanned`, where the pass stopped.
 */
export function callRegion(text: string, paren: number): CallRegion & { scanned: number } {
  let parens = 0;
  let depth = 0;
  let maxDepth = 0;
  let firstChar = '';
  const stop = Math.min(text.length, paren + MAX_ARGUMENT_LIST);
  for (let i = paren; i < stop; i++) {
    const c = text.charCodeAt(i);
    if (firstChar === '' && i > paren && !isBlank(c)) firstChar = text[i]!;
    if (isQuote(c)) {
      // Skip the string (a template may span lines; the others end at the line).
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === BACKSLASH) i++;
        else if (d === c || (d === LINE_FEED && c !== BACKTICK)) break;
      }
    } else if (c === LEFT_PAREN) parens++;
    else if (c === RIGHT_PAREN) {
      if (--parens === 0) return { paren, end: i + 1, maxDepth, firstChar, scanned: i + 1 };
    } else if (c === LEFT_BRACE || c === LEFT_BRACKET) {
      if (++depth > maxDepth) maxDepth = depth;
    } else if (c === RIGHT_BRACE || c === RIGHT_BRACKET) depth--;
  }
  return { paren, end: -1, maxDepth, firstChar, scanned: stop };
}

/** True when the argument list starts with an object or array literal. */
export function startsWithLiteral(region: CallRegion): boolean {
  return region.firstChar === '{' || region.firstChar === '[';
}

/** What a call passes: parsed arguments over the tokens of its argument list. */
export function readCall(text: string, region: CallRegion, python: boolean): { list: TokenList; args: Argument[] } {
  const tokens = scanTokens(text, { from: region.paren, to: region.end, untilBalanced: true, python });
  const list = pairBrackets(tokens);
  return { list, args: readArguments(list) };
}

/** Index of the `(` of the call whose method name ends at `end`, or -1. */
export function parenAfter(text: string, end: number): number {
  let k = end;
  while (k < text.length && (text[k] === ' ' || text[k] === '\t')) k++;
  if (text[k] === '<') {
    const close = text.indexOf('>', k);
    if (close < 0 || close - k > 82) return -1;
    k = close + 1;
    while (k < text.length && (text[k] === ' ' || text[k] === '\t')) k++;
  }
  return text[k] === '(' ? k : -1;
}

/**
 * The calls with limits in `text`, in order: not in comments or strings, with a closed argument list,
 * and (for SHARED_NAMES) a literal first argument. Calls inside an argument list already scanned are
 * skipped: every character is scanned once.
 */
export function* findCalls(text: string, python: boolean): Generator<CallSite> {
  let readUntil = 0;
  CALL.lastIndex = 0;
  for (let m = CALL.exec(text); m; m = CALL.exec(text)) {
    const paren = m.index + m[0].length - 1;
    if (paren < readUntil || inCommentOrString(text, m.index, python)) continue;
    const method = m[1]!;
    const region = callRegion(text, paren);
    readUntil = region.scanned;
    if (region.end < 0) continue; // an argument list still being typed
    if (SHARED_NAMES.has(method) && !startsWithLiteral(region)) continue;
    const nameStart = m.index + m[0].indexOf(method, 1);
    yield { method, category: METHODS[method]!, dot: m.index, nameSpan: { start: nameStart, end: nameStart + method.length }, region };
  }
}
