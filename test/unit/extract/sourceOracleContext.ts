/**
 * What the code around a string literal says about it: the key it is assigned to
 * (`const MONGO_URI = "…"`, `mongoUri: "…"`, `os.getenv("MONGO_URI", "…")`), the driver call it is
 * passed to (`client.db("…")` → database, `db.collection("…")` → collection), whether it is only a
 * piece of a concatenation, and whether it is a format string (`%s`, `{0}`). Looks at a bounded
 * window around the literal only.
 */
import { EmbeddedKind } from '../../../server/src/service/types';
import { DecodedText, offsetOf } from '../../../server/src/service/extract/decoded';

export interface LiteralInfo {
  start: number;
  end: number;
  text: string;
  kind?: EmbeddedKind;
}

export interface LiteralContext {
  kind?: EmbeddedKind;
  key?: string;
  fragment?: boolean;
  format?: 'printf' | 'braces';
}

export interface ContextRules {
  /** `"a" "b"` concatenation and `"%s" % x` formatting (Python). */
  python?: boolean;
  /** `.` concatenation, `->` member calls (PHP). */
  php?: boolean;
  /** `x["db"]["coll"]` subscripts on clients and databases (Python). */
  subscripts?: boolean;
}

const WINDOW = 256;

/** Database-name calls on an object (`client.db("…")`), and the bare `use("…")` of mongosh playgrounds. */
const DATABASE_CALLS = new Set(['db', 'getSiblingDB', 'getDB', 'getDatabase', 'get_database', 'GetDatabase', 'Database', 'useDb', 'selectDatabase']);
const COLLECTION_CALLS = new Set([
  'collection', 'getCollection', 'createCollection', 'get_collection', 'create_collection', 'GetCollection', 'Collection', 'CreateCollection', 'selectCollection',
]);
/** Environment and configuration lookups whose second argument is a default for the key in the first. */
const LOOKUP_CALLS = new Set(['getenv', 'get', 'fetch', 'env', 'getProperty', 'getOrDefault', 'getOrElse', 'GetValue', 'GetEnvironmentVariable']);
const PRINTF_CALLS = new Set(['Sprintf', 'Printf', 'Errorf', 'printf', 'sprintf', 'format', 'formatted']);
const BRACE_FORMAT_CALLS = new Set(['Format']);
/** Type names between a key and `=` (`uri: string = …`, `var uri string = …`). */
const TYPE_WORDS = new Set(['string', 'String', 'str', 'Str']);

function isIdentChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x24 || c > 0x7f;
}

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** Index of the last non-blank character before `i` (within the window), or -1. */
function back(text: string, i: number): number {
  const stop = Math.max(0, i - WINDOW);
  for (let k = i - 1; k >= stop; k--) if (!isBlank(text.charCodeAt(k))) return k;
  return -1;
}

/** Index of the first non-blank character at or after `i` (within the window). */
function forward(text: string, i: number): number {
  const stop = Math.min(text.length, i + WINDOW);
  let k = i;
  while (k < stop && isBlank(text.charCodeAt(k))) k++;
  return k;
}

/** Start of the identifier that ends at index `k` (inclusive). */
function identStart(text: string, k: number): number {
  let s = k;
  while (s > 0 && k - s < 128 && isIdentChar(text.charCodeAt(s - 1))) s--;
  return s;
}

/** The name of the function called with `(` at index p, whether it is a member call, and what precedes it. */
function callee(text: string, p: number): { name: string; member: boolean; annotation: boolean } | undefined {
  let k = back(text, p);
  if (k >= 0 && text.charCodeAt(k) === 0x3e /* > of generic arguments */ && text.charCodeAt(k - 1) !== 0x2d) {
    let depth = 0;
    const stop = Math.max(0, k - 128);
    for (; k >= stop; k--) {
      const c = text.charCodeAt(k);
      if (c === 0x3e) depth++;
      else if (c === 0x3c && --depth === 0) break;
      else if (c === 0x0a) return undefined;
    }
    k = back(text, k);
  }
  if (k < 0 || !isIdentChar(text.charCodeAt(k))) return undefined;
  const s = identStart(text, k);
  const before = s > 0 ? text.charCodeAt(s - 1) : 0;
  const member = before === 0x2e || (before === 0x3e && text.charCodeAt(s - 2) === 0x2d);
  return { name: text.slice(s, k + 1), member, annotation: before === 0x40 };
}

/** `getenv("X"`: the key X when the literal before index k + 1 is the first argument of a lookup call. */
function lookupKey(text: string, k: number, prev: LiteralInfo | undefined): string | undefined {
  if (!prev || k !== prev.end - 1) return undefined;
  const open = back(text, prev.start);
  const call = open >= 0 && text.charCodeAt(open) === 0x28 ? callee(text, open) : undefined;
  return call && LOOKUP_CALLS.has(call.name) ? prev.text : undefined;
}

/** The key written before an operator whose first character is at `op`. */
function keyBefore(text: string, op: number, prev: LiteralInfo | undefined): string | undefined {
  let k = back(text, op);
  if (k < 0) return undefined;
  let c = text.charCodeAt(k);
  if (c === 0x29 /* ) */) return lookupKey(text, back(text, k), prev); // `getenv("X") ?: "…"`
  if (c === 0x5d /* ] */) {
    k = back(text, k);
    c = text.charCodeAt(k);
  }
  if ((c === 0x22 || c === 0x27 || c === 0x60) && prev && prev.end === k + 1) return prev.text;
  if (!isIdentChar(c)) return undefined;
  let s = identStart(text, k);
  let name = text.slice(s, k + 1);
  if (TYPE_WORDS.has(name)) {
    let j = back(text, s);
    if (j >= 0 && text.charCodeAt(j) === 0x3a) j = back(text, text.charCodeAt(j - 1) === 0x3f ? j - 1 : j);
    if (j < 0 || !isIdentChar(text.charCodeAt(j))) return undefined;
    s = identStart(text, j);
    name = text.slice(s, j + 1);
  }
  return name.replace(/^[$@]+/, '');
}

export function literalContext(text: string, lit: { start: number; end: number }, rules: ContextRules, prev: LiteralInfo | undefined): LiteralContext {
  const ctx: LiteralContext = {};
  const p = back(text, lit.start);
  const ch = p >= 0 ? text.charCodeAt(p) : 0;
  const before = p > 0 ? text.charCodeAt(p - 1) : 0;
  const q = forward(text, lit.end);
  const nx = text.charCodeAt(q);
  const nx2 = text.charCodeAt(q + 1);

  // Pieces of a concatenation are not whole values.
  if ((ch === 0x2b && before !== 0x2b) || (ch === 0x3d && (before === 0x2b || (rules.php && before === 0x2e))) || (rules.php && ch === 0x2e)) ctx.fragment = true;
  if (nx === 0x2b && nx2 !== 0x2b) ctx.fragment = true;
  if (rules.php && nx === 0x2e && !(nx2 >= 0x30 && nx2 <= 0x39)) ctx.fragment = true;
  if (rules.python && (nx === 0x22 || nx === 0x27)) ctx.fragment = true;

  if (rules.python && nx === 0x25 && nx2 !== 0x3d) ctx.format = 'printf';
  if (text.startsWith('.format(', q)) ctx.format = 'braces';
  if (text.startsWith('.formatted(', q)) ctx.format = 'printf';

  if (ch === 0x28 /* ( */) {
    const call = callee(text, p);
    if (call) {
      if (PRINTF_CALLS.has(call.name)) ctx.format = 'printf';
      else if (BRACE_FORMAT_CALLS.has(call.name)) ctx.format = 'braces';
      const wholeArgument = nx === 0x29 || nx === 0x2c;
      if (wholeArgument && !ctx.fragment) {
        if ((call.member && DATABASE_CALLS.has(call.name)) || (!call.member && call.name === 'use' && nx === 0x29)) ctx.kind = 'database';
        else if (call.member && call.name === 'selectCollection' && nx === 0x2c) ctx.kind = 'database';
        else if (call.member && COLLECTION_CALLS.has(call.name)) ctx.kind = 'collection';
        else if (call.annotation && call.name === 'Document') ctx.kind = 'collection';
      }
    }
  } else if (ch === 0x5b /* [ */ && rules.subscripts && nx === 0x5d) {
    const k = back(text, p);
    if (k >= 0 && text.charCodeAt(k) === 0x5d && prev?.kind === 'database' && back(text, k) === prev.end - 1) ctx.kind = 'collection';
    else if (k >= 0 && isIdentChar(text.charCodeAt(k))) {
      const name = text.slice(identStart(text, k), k + 1);
      if (/client$/i.test(name)) ctx.kind = 'database';
      else if (/^(?:db|database)$|_db$|Db$|_database$|Database$/.test(name)) ctx.kind = 'collection';
    }
  } else if (ch === 0x3d /* = */ && before !== 0x3d && before !== 0x21 && before !== 0x3c && before !== 0x3e && !ctx.fragment) {
    // `x = "…"`, `x := "…"`, `x ??= "…"`, `x ||= "…"`
    let op = p;
    if (before === 0x3a || before === 0x3f || before === 0x7c) op = before === 0x3a ? p - 1 : p - 2;
    ctx.key = keyBefore(text, op, prev);
  } else if (ch === 0x3e /* > */ && before === 0x3d) {
    ctx.key = keyBefore(text, p - 1, prev); // `'key' => "…"`
  } else if (ch === 0x3a /* : */ && before !== 0x3a) {
    ctx.key = keyBefore(text, before === 0x3f ? p - 1 : p, prev); // `key: "…"`, and `env.X ?: "…"` (Kotlin)
  } else if ((ch === 0x7c && before === 0x7c) || (ch === 0x3f && before === 0x3f)) {
    ctx.key = keyBefore(text, p - 1, prev); // `process.env.MONGO_URI || "…"`
  } else if (ch === 0x72 && before === 0x6f && !isIdentChar(text.charCodeAt(p - 2))) {
    ctx.key = keyBefore(text, p - 1, prev); // Python `os.environ.get("X") or "…"`
  } else if (ch === 0x2c /* , */ && prev) {
    // `os.getenv("MONGO_URI", "…")`: the default of a lookup.
    ctx.key = lookupKey(text, back(text, p), prev);
  }
  return ctx;
}

/**
 * Rewrites format directives into `${…}` placeholders (`%s` → `${s}`, `{0}` → `${0}`), keeping the
 * offset map: the added `$` and braces map to the directive's first and last characters.
 */
export function formatPlaceholders(d: DecodedText, style: 'printf' | 'braces'): DecodedText {
  const t = d.text;
  if (t.indexOf(style === 'printf' ? '%' : '{') < 0) return d;
  let out = '';
  const offsets: number[] = [];
  const push = (s: string, at: number) => {
    out += s;
    for (let k = 0; k < s.length; k++) offsets.push(at);
  };
  for (let i = 0; i < t.length; ) {
    const c = t[i];
    if (style === 'printf' && c === '%') {
      if (t[i + 1] === '%') {
        push('%', offsetOf(d, i));
        i += 2;
        continue;
      }
      const m = /^%(?:\([A-Za-z0-9_]{1,64}\))?[-+ #0]{0,5}[0-9*]{0,5}(?:\.[0-9*]{1,5})?[hlLqjzt]{0,2}[A-Za-z]/.exec(t.slice(i, i + 96));
      if (m) {
        push('${', offsetOf(d, i));
        for (let k = 1; k < m[0].length; k++) push(t[i + k], offsetOf(d, i + k));
        push('}', offsetOf(d, i + m[0].length - 1));
        i += m[0].length;
        continue;
      }
    } else if (style === 'braces' && (c === '{' || c === '}')) {
      if (t[i + 1] === c) {
        push(c, offsetOf(d, i));
        i += 2;
        continue;
      }
      let close = -1;
      for (let k = i + 1; c === '{' && k < t.length && k - i <= 64; k++) {
        if (t[k] === '{') break;
        if (t[k] === '}') {
          close = k;
          break;
        }
      }
      if (close > i) {
        push('$', offsetOf(d, i));
        for (let k = i; k <= close; k++) push(t[k], offsetOf(d, k));
        i = close + 1;
        continue;
      }
    }
    push(c, offsetOf(d, i));
    i++;
  }
  offsets.push(offsetOf(d, t.length));
  return { text: out, start: offsets[0], offsets };
}
