/**
 * What the code around a string literal says about it: the key it is assigned to
 * (`const MONGO_URI = "…"`, `mongoUri: "…"`, `os.getenv("MONGO_URI", "…")`), the driver call it is
 * passed to (`client.db("…")` → database, `db.collection("…")` → collection), whether it is only a
 * piece of a concatenation, and whether it is a format string (`%s`, `{0}`). Looks at a bounded
 * window around the literal only.
 */
import { EmbeddedKind } from '../api';
import { isIdentPart } from '../lex/identifiers';
import { DecodedText, offsetOf } from './decoded';
import { APOSTROPHE, AT, BACKTICK, CARRIAGE_RETURN, COLON, COMMA, DASH, DIGIT_0, DIGIT_9, DOLLAR, DOT, EQUALS, EXCLAMATION, GREATER_THAN, LEFT_BRACE, LEFT_BRACKET, LEFT_PAREN, LESS_THAN, LINE_FEED, LOWER_O, LOWER_R, PERCENT, PIPE, PLUS, QUESTION, QUOTE, RIGHT_BRACKET, RIGHT_PAREN, SPACE, TAB } from '../lex/chars';

/** The literal before the one asked about, as far as its context matters. */
export interface PreviousLiteral {
  start: number;
  end: number;
  kind?: EmbeddedKind;
}

/** Where the key of a literal is: nowhere, a range of the document, or the text of the previous literal. */
export const NO_KEY = -1;
export const KEY_IS_PREVIOUS = -2;

/** What the code around a string literal says about it (filled in by literalContext). */
export interface LiteralContext {
  kind: EmbeddedKind | undefined;
  /** Start of the key in the document, or NO_KEY, or KEY_IS_PREVIOUS (the previous literal's text is the key). */
  keyFrom: number;
  keyTo: number;
  fragment: boolean;
  format: 'printf' | 'braces' | undefined;
}

export function newLiteralContext(): LiteralContext {
  return { kind: undefined, keyFrom: NO_KEY, keyTo: NO_KEY, fragment: false, format: undefined };
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

/** A set of names asked about by their range in the document, without taking them out of it. */
class NameSet {
  private readonly byLength: Array<string[] | undefined> = [];

  constructor(names: readonly string[]) {
    for (const name of names) (this.byLength[name.length] ??= []).push(name);
  }

  has(text: string, from: number, to: number): boolean {
    const names = this.byLength[to - from];
    if (names === undefined) return false;
    for (const name of names) if (text.startsWith(name, from)) return true;
    return false;
  }
}

/** Database-name calls on an object (`client.db("…")`), and the bare `use("…")` of mongosh playgrounds. */
const DATABASE_CALLS = new NameSet(['db', 'getSiblingDB', 'getDB', 'getDatabase', 'get_database', 'GetDatabase', 'Database', 'useDb', 'selectDatabase']);
const COLLECTION_CALLS = new NameSet([
  'collection', 'getCollection', 'createCollection', 'get_collection', 'create_collection', 'GetCollection', 'Collection', 'CreateCollection', 'selectCollection',
]);
/** Environment and configuration lookups whose second argument is a default for the key in the first. */
const LOOKUP_CALLS = new NameSet(['getenv', 'get', 'fetch', 'env', 'getProperty', 'getOrDefault', 'getOrElse', 'GetValue', 'GetEnvironmentVariable']);
const PRINTF_CALLS = new NameSet(['Sprintf', 'Printf', 'Errorf', 'printf', 'sprintf', 'format', 'formatted']);
const BRACE_FORMAT_CALLS = new NameSet(['Format']);
/** Type names between a key and `=` (`uri: string = …`, `var uri string = …`). */
const TYPE_WORDS = new NameSet(['string', 'String', 'str', 'Str']);

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB || c === LINE_FEED || c === CARRIAGE_RETURN;
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
  while (s > 0 && k - s < 128 && isIdentPart(text.charCodeAt(s - 1))) s--;
  return s;
}

/** True when text[from, to) ends with `suffix`. */
function endsWith(text: string, from: number, to: number, suffix: string): boolean {
  return to - from >= suffix.length && text.startsWith(suffix, to - suffix.length);
}

/** True when text[from, to) ends with `suffix` (lower case) in any letter case. */
function endsWithFolded(text: string, from: number, to: number, suffix: string): boolean {
  const at = to - suffix.length;
  if (at < from) return false;
  for (let k = 0; k < suffix.length; k++) {
    const c = text.charCodeAt(at + k);
    // Only these two characters fold to a lower-case ASCII letter.
    if (c !== suffix.charCodeAt(k) && c + SPACE !== suffix.charCodeAt(k)) return false;
  }
  return true;
}

/** The function called with `(` at index p (set by callee): its name's range, whether it is a member call, and whether an `@` precedes it. */
let calleeFrom = 0;
let calleeTo = 0;
let calleeMember = false;
let calleeAnnotation = false;

/** Finds the function called with `(` at index p; false when there is none. */
function callee(text: string, p: number): boolean {
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
  const before = s > 0 ? text.charCodeAt(s - 1) : 0;
  calleeFrom = s;
  calleeTo = k + 1;
  calleeMember = before === DOT || (before === GREATER_THAN && text.charCodeAt(s - 2) === DASH);
  calleeAnnotation = before === AT;
  return true;
}

/** `getenv("X"`: true when the previous literal, ending at index k + 1, is the first argument of a lookup call (its text is the key). */
function isLookupKey(text: string, k: number, prev: PreviousLiteral | undefined): boolean {
  if (!prev || k !== prev.end - 1) return false;
  const open = back(text, prev.start);
  return open >= 0 && text.charCodeAt(open) === LEFT_PAREN && callee(text, open) && LOOKUP_CALLS.has(text, calleeFrom, calleeTo);
}

/** Sets the key of ctx to the key written before an operator whose first character is at `op`. */
function keyBefore(text: string, op: number, prev: PreviousLiteral | undefined, ctx: LiteralContext): void {
  let k = back(text, op);
  if (k < 0) return;
  let c = text.charCodeAt(k);
  if (c === RIGHT_PAREN /* ) */) {
    if (isLookupKey(text, back(text, k), prev)) ctx.keyFrom = KEY_IS_PREVIOUS; // `getenv("X") ?: "…"`
    return;
  }
  if (c === RIGHT_BRACKET /* ] */) {
    k = back(text, k);
    c = text.charCodeAt(k);
  }
  if ((c === QUOTE || c === APOSTROPHE || c === BACKTICK) && prev && prev.end === k + 1) {
    ctx.keyFrom = KEY_IS_PREVIOUS;
    return;
  }
  if (!isIdentPart(c)) return;
  let s = identStart(text, k);
  let e = k + 1;
  if (TYPE_WORDS.has(text, s, e)) {
    let j = back(text, s);
    if (j >= 0 && text.charCodeAt(j) === COLON) j = back(text, text.charCodeAt(j - 1) === QUESTION ? j - 1 : j);
    if (j < 0 || !isIdentPart(text.charCodeAt(j))) return;
    s = identStart(text, j);
    e = j + 1;
  }
  // Sigils are not part of the key (`$uri`, `@uri`).
  while (s < e && (text.charCodeAt(s) === DOLLAR || text.charCodeAt(s) === AT)) s++;
  ctx.keyFrom = s;
  ctx.keyTo = e;
}

/**
 * Python: whether the literal text[start, end) and the one at `q` make one (their concatenation). They do
 * on one line, and on lines that brackets join: the character before the first (`ch`) is `(`, `[`, `{`,
 * `,` or the quote of a literal before it, or the second is indented deeper than the statement of the
 * first. Not a literal on a line of its own after an assignment (an attribute docstring).
 */
function pythonJoined(text: string, start: number, end: number, q: number, ch: number): boolean {
  let k = end;
  while (k < q && text.charCodeAt(k) !== LINE_FEED && text.charCodeAt(k) !== CARRIAGE_RETURN) k++;
  if (k >= q || ch === LEFT_PAREN || ch === LEFT_BRACKET || ch === LEFT_BRACE || ch === COMMA || ch === QUOTE || ch === APOSTROPHE) return true;
  let next = q;
  while (next > k && text.charCodeAt(next - 1) !== LINE_FEED && text.charCodeAt(next - 1) !== CARRIAGE_RETURN) next--;
  let line = start;
  const stop = Math.max(0, start - WINDOW);
  while (line > stop && text.charCodeAt(line - 1) !== LINE_FEED && text.charCodeAt(line - 1) !== CARRIAGE_RETURN) line--;
  // A line too long to look at: as if joined.
  if (line > 0 && text.charCodeAt(line - 1) !== LINE_FEED && text.charCodeAt(line - 1) !== CARRIAGE_RETURN) return true;
  let indent = line;
  while (indent < start && (text.charCodeAt(indent) === SPACE || text.charCodeAt(indent) === TAB)) indent++;
  return q - next > indent - line;
}

/**
 * Fills ctx with what the code around the literal text[start, end) says about it; `prev` is the
 * literal before it. Takes nothing out of the document.
 */
export function literalContext(text: string, start: number, end: number, rules: ContextRules, prev: PreviousLiteral | undefined, ctx: LiteralContext): void {
  ctx.kind = undefined;
  ctx.keyFrom = NO_KEY;
  ctx.keyTo = NO_KEY;
  ctx.fragment = false;
  ctx.format = undefined;
  const p = back(text, start);
  const ch = p >= 0 ? text.charCodeAt(p) : 0;
  const before = p > 0 ? text.charCodeAt(p - 1) : 0;
  const q = forward(text, end);
  const nx = text.charCodeAt(q);
  const nx2 = text.charCodeAt(q + 1);

  // Pieces of a concatenation are not whole values.
  if ((ch === PLUS && before !== PLUS) || (ch === EQUALS && (before === PLUS || (rules.php && before === DOT))) || (rules.php && ch === DOT)) ctx.fragment = true;
  if (nx === PLUS && nx2 !== PLUS) ctx.fragment = true;
  if (rules.php && nx === DOT && !(nx2 >= DIGIT_0 && nx2 <= DIGIT_9)) ctx.fragment = true;
  if (rules.python && (nx === QUOTE || nx === APOSTROPHE) && pythonJoined(text, start, end, q, ch)) ctx.fragment = true;

  if (rules.python && nx === PERCENT && nx2 !== EQUALS) ctx.format = 'printf';
  if (nx === DOT && text.startsWith('.format', q)) {
    if (text.startsWith('.format(', q)) ctx.format = 'braces';
    if (text.startsWith('.formatted(', q)) ctx.format = 'printf';
  }

  if (ch === LEFT_PAREN /* ( */) {
    if (callee(text, p)) {
      const from = calleeFrom;
      const to = calleeTo;
      if (PRINTF_CALLS.has(text, from, to)) ctx.format = 'printf';
      else if (BRACE_FORMAT_CALLS.has(text, from, to)) ctx.format = 'braces';
      const wholeArgument = nx === RIGHT_PAREN || nx === COMMA;
      if (wholeArgument && !ctx.fragment) {
        const member = calleeMember;
        if ((member && DATABASE_CALLS.has(text, from, to)) || (!member && nx === RIGHT_PAREN && to - from === 3 && text.startsWith('use', from))) ctx.kind = 'database';
        else if (member && nx === COMMA && to - from === 16 && text.startsWith('selectCollection', from)) ctx.kind = 'database';
        else if (member && COLLECTION_CALLS.has(text, from, to)) ctx.kind = 'collection';
        else if (calleeAnnotation && to - from === 8 && text.startsWith('Document', from)) ctx.kind = 'collection';
      }
    }
  } else if (ch === LEFT_BRACKET /* [ */ && rules.subscripts && nx === RIGHT_BRACKET) {
    const k = back(text, p);
    if (k >= 0 && text.charCodeAt(k) === RIGHT_BRACKET && prev?.kind === 'database' && back(text, k) === prev.end - 1) ctx.kind = 'collection';
    else if (k >= 0 && isIdentPart(text.charCodeAt(k))) {
      const s = identStart(text, k);
      const e = k + 1;
      if (endsWithFolded(text, s, e, 'client')) ctx.kind = 'database';
      else if (
        (e - s === 2 && text.startsWith('db', s)) ||
        (e - s === 8 && text.startsWith('database', s)) ||
        endsWith(text, s, e, '_db') ||
        endsWith(text, s, e, 'Db') ||
        endsWith(text, s, e, '_database') ||
        endsWith(text, s, e, 'Database')
      ) {
        ctx.kind = 'collection';
      }
    }
  } else if (ch === EQUALS /* = */ && before !== EQUALS && before !== EXCLAMATION && before !== LESS_THAN && before !== GREATER_THAN && !ctx.fragment) {
    // `x = "…"`, `x := "…"`, `x ??= "…"`, `x ||= "…"`
    let op = p;
    if (before === COLON || before === QUESTION || before === PIPE) op = before === COLON ? p - 1 : p - 2;
    keyBefore(text, op, prev, ctx);
  } else if (ch === GREATER_THAN /* > */ && before === EQUALS) {
    keyBefore(text, p - 1, prev, ctx); // `'key' => "…"`
  } else if (ch === COLON /* : */ && before !== COLON) {
    keyBefore(text, before === QUESTION ? p - 1 : p, prev, ctx); // `key: "…"`, and `env.X ?: "…"` (Kotlin)
  } else if ((ch === PIPE && before === PIPE) || (ch === QUESTION && before === QUESTION)) {
    keyBefore(text, p - 1, prev, ctx); // `process.env.MONGO_URI || "…"`
  } else if (ch === LOWER_R && before === LOWER_O && !isIdentPart(text.charCodeAt(p - 2))) {
    keyBefore(text, p - 1, prev, ctx); // Python `os.environ.get("X") or "…"`
  } else if (ch === COMMA /* , */ && prev) {
    // `os.getenv("MONGO_URI", "…")`: the default of a lookup.
    if (isLookupKey(text, back(text, p), prev)) ctx.keyFrom = KEY_IS_PREVIOUS;
  }
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
