/**
 * The calls a string literal may be an argument of: which function a `(` calls, and what its name
 * says: a driver call that takes a database or collection name, a formatting call that takes a format
 * string, or an environment lookup whose second argument is the default for the key in the first.
 */
import { EmbeddedKind } from '../api';
import { isIdentPart } from '../lex/identifiers';
import { back, identStart, NameSet } from './codeWindow';
import { AT, COMMA, DASH, DOT, GREATER_THAN, LEFT_PAREN, LESS_THAN, LINE_FEED, RIGHT_PAREN } from '../lex/chars';

/** Database-name calls on an object (`client.db("…")`), and the bare `use("…")` of mongosh playgrounds. */
const DATABASE_CALLS = new NameSet(['db', 'getSiblingDB', 'getDB', 'getDatabase', 'get_database', 'GetDatabase', 'Database', 'useDb', 'selectDatabase']);
const COLLECTION_CALLS = new NameSet([
  'collection', 'getCollection', 'createCollection', 'get_collection', 'create_collection', 'GetCollection', 'Collection', 'CreateCollection', 'selectCollection',
]);
/** Environment and configuration lookups whose second argument is a default for the key in the first. */
const LOOKUP_CALLS = new NameSet(['getenv', 'get', 'fetch', 'env', 'getProperty', 'getOrDefault', 'getOrElse', 'GetValue', 'GetEnvironmentVariable']);
const PRINTF_CALLS = new NameSet(['Sprintf', 'Printf', 'Errorf', 'printf', 'sprintf', 'format', 'formatted']);
const BRACE_FORMAT_CALLS = new NameSet(['Format']);

/** The function called with `(` at index p (set by callee): its name's range, whether it is a member call, and whether an `@` precedes it. */
let calleeFrom = 0;
let calleeTo = 0;
let calleeMember = false;
let calleeAnnotation = false;

/** Finds the function called with `(` at index p; false when there is none. */
export function callee(text: string, p: number): boolean {
  let k = back(text, p);
  if (k >= 0 && text.charCodeAt(k) === GREATER_THAN /* > of generic arguments */ && text.charCodeAt(k - 1) !== DASH) {
    let depth = 0;
    const stop = Math.max(0, k - 128);
    for (; k >= stop; k--) {
      const c = text.charCodeAt(k);
      if (c === GREATER_THAN) depth++;
      else if (c === LESS_THAN && --depth === 0) break;
      else if (c === LINE_FEED) return false;
    }
    k = back(text, k);
  }
  if (k < 0 || !isIdentPart(text.charCodeAt(k))) return false;
  const s = identStart(text, k);
  const prefix = s > 0 ? text.charCodeAt(s - 1) : 0;
  calleeFrom = s;
  calleeTo = k + 1;
  calleeMember = prefix === DOT || (prefix === GREATER_THAN && text.charCodeAt(s - 2) === DASH);
  calleeAnnotation = prefix === AT;
  return true;
}

/** `getenv("X"`: true when the previous literal, ending at index k + 1, is the first argument of a lookup call (its text is the key). */
export function isLookupKey(text: string, k: number, prev: { start: number; end: number } | undefined): boolean {
  if (!prev || k !== prev.end - 1) return false;
  const open = back(text, prev.start);
  return open >= 0 && text.charCodeAt(open) === LEFT_PAREN && callee(text, open) && LOOKUP_CALLS.has(text, calleeFrom, calleeTo);
}

/** The format directives of the string passed to the function found by callee: `%s` (printf-like calls), `{0}` (`Format`), or none. */
export function calleeFormat(text: string): 'printf' | 'braces' | undefined {
  if (PRINTF_CALLS.has(text, calleeFrom, calleeTo)) return 'printf';
  if (BRACE_FORMAT_CALLS.has(text, calleeFrom, calleeTo)) return 'braces';
  return undefined;
}

/**
 * What a whole argument of the function found by callee names, `next` being the character after it
 * (`)` or `,`): a database (`client.db("…")`, `use("…")`), a collection (`db.collection("…")`,
 * `@Document("…")`), or nothing.
 */
export function calleeKind(text: string, next: number): EmbeddedKind | undefined {
  const from = calleeFrom;
  const to = calleeTo;
  const member = calleeMember;
  if ((member && DATABASE_CALLS.has(text, from, to)) || (!member && next === RIGHT_PAREN && to - from === 3 && text.startsWith('use', from))) return 'database';
  if (member && next === COMMA && to - from === 16 && text.startsWith('selectCollection', from)) return 'database';
  if (member && COLLECTION_CALLS.has(text, from, to)) return 'collection';
  if (calleeAnnotation && to - from === 8 && text.startsWith('Document', from)) return 'collection';
  return undefined;
}
