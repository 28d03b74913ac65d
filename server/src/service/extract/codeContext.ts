/**
 * What the code around a string literal says about it: the key it is assigned to
 * (`const MONGO_URI = "…"`, `mongoUri: "…"`, `os.getenv("MONGO_URI", "…")`), the driver call it is
 * passed to (`client.db("…")` → database, `db.collection("…")` → collection), whether it is only a
 * piece of a concatenation, and whether it is a format string (`%s`, `{0}`). Looks at a bounded
 * window around the literal only (see codeWindow.ts); what a call's name says is in codeCalls.ts.
 */
import { EmbeddedKind } from '../api';
import { isIdentPart } from '../lex/identifiers';
import { callee, calleeFormat, calleeKind, isLookupKey } from './literalCalls';
import { back, endsWith, endsWithFolded, forward, identStart, NameSet, WINDOW } from './codeWindow';
import { APOSTROPHE, AT, BACKTICK, CARRIAGE_RETURN, COLON, COMMA, DIGIT_0, DIGIT_9, DOLLAR, DOT, EQUALS, EXCLAMATION, GREATER_THAN, LEFT_BRACE, LEFT_BRACKET, LEFT_PAREN, LESS_THAN, LINE_FEED, LOWER_O, LOWER_R, PERCENT, PIPE, PLUS, QUESTION, QUOTE, RIGHT_BRACKET, RIGHT_PAREN, SPACE, TAB } from '../lex/chars';

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
  /** A piece after the first of a concatenation (an operator, or in Python a literal, before it). */
  continues: boolean;
  /** The last non-blank character before the literal (0 when none is near). */
  charBefore: number;
  format: 'printf' | 'braces' | undefined;
}

export function newLiteralContext(): LiteralContext {
  return { kind: undefined, keyFrom: NO_KEY, keyTo: NO_KEY, fragment: false, continues: false, charBefore: 0, format: undefined };
}

export interface ContextRules {
  /** `"a" "b"` concatenation and `"%s" % x` formatting (Python). */
  python?: boolean;
  /** `.` concatenation, `->` member calls (PHP). */
  php?: boolean;
  /** `x["db"]["coll"]` subscripts on clients and databases (Python). */
  subscripts?: boolean;
}

/** Type names between a key and `=` (`uri: string = …`, `var uri string = …`). */
const TYPE_WORDS = new NameSet(['string', 'String', 'str', 'Str']);

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
export function pythonJoined(text: string, start: number, end: number, q: number, ch: number): boolean {
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
 * Around the literal literalContext is looking at: the last non-blank character before it (`ch` at
 * `p`, -1 when there is none in the window; `before` just before that) and the first two non-blank
 * characters after it (`nx` and `nx2` from `q`).
 */
let p = -1;
let ch = 0;
let before = 0;
let q = 0;
let nx = 0;
let nx2 = 0;

/**
 * Fills ctx with what the code around the literal text[start, end) says about it; `prev` is the
 * literal before it. Takes nothing out of the document.
 */
export function literalContext(text: string, start: number, end: number, rules: ContextRules, prev: PreviousLiteral | undefined, ctx: LiteralContext): void {
  p = back(text, start);
  ch = p >= 0 ? text.charCodeAt(p) : 0;
  before = p > 0 ? text.charCodeAt(p - 1) : 0;
  q = forward(text, end);
  nx = text.charCodeAt(q);
  nx2 = text.charCodeAt(q + 1);
  ctx.kind = undefined;
  ctx.keyFrom = NO_KEY;
  ctx.keyTo = NO_KEY;
  ctx.charBefore = ch;
  const afterOperator = operatorBefore(rules);
  ctx.continues = afterOperator || (rules.python === true && (ch === QUOTE || ch === APOSTROPHE));
  ctx.fragment = afterOperator || continuesAfter(text, start, end, rules);
  ctx.format = formatAfter(text, rules);
  if (ch === LEFT_PAREN /* ( */) callArgument(text, ctx);
  else if (ch === LEFT_BRACKET /* [ */ && rules.subscripts && nx === RIGHT_BRACKET) ctx.kind = subscriptKind(text, prev);
  else assignedKey(text, prev, ctx);
}

/** Python's string prefixes (`f"…"`, `rb'…'`), in either letter case. */
const PYTHON_PREFIXES = new Set(['r', 'u', 'b', 'f', 't', 'br', 'rb', 'fr', 'rf', 'tr', 'rt']);

/** Whether a Python literal with a prefix starts at `q` (`f"…"`, `Rb'…'`). */
export function isPythonPrefixedLiteral(text: string, q: number): boolean {
  for (let k = q; k < q + 3 && k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === QUOTE || c === APOSTROPHE) return k > q && PYTHON_PREFIXES.has(text.slice(q, k).toLowerCase());
    if (!((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a))) return false;
  }
  return false;
}

/** True when a concatenation operator comes before the literal (`+`, `+=`, PHP's `.` and `.=`). */
function operatorBefore(rules: ContextRules): boolean {
  return (ch === PLUS && before !== PLUS) || (ch === EQUALS && (before === PLUS || (rules.php === true && before === DOT))) || (rules.php === true && ch === DOT);
}

/** True when a concatenation goes on after the literal text[start, end): it is then a piece, not a whole value. */
function continuesAfter(text: string, start: number, end: number, rules: ContextRules): boolean {
  if (nx === PLUS && nx2 !== PLUS) return true;
  if (rules.php && nx === DOT && !(nx2 >= DIGIT_0 && nx2 <= DIGIT_9)) return true;
  return rules.python === true && (nx === QUOTE || nx === APOSTROPHE || isPythonPrefixedLiteral(text, q)) && pythonJoined(text, start, end, q, ch);
}

/** The format directives the literal has by what follows it (`"%s" % x`, `"{0}".format(x)`, `"%s".formatted(x)`). */
function formatAfter(text: string, rules: ContextRules): LiteralContext['format'] {
  let format: LiteralContext['format'];
  if (rules.python && nx === PERCENT && nx2 !== EQUALS) format = 'printf';
  if (nx === DOT && text.startsWith('.format', q)) {
    if (text.startsWith('.format(', q)) format = 'braces';
    if (text.startsWith('.formatted(', q)) format = 'printf';
  }
  return format;
}

/** The literal is an argument of the call whose `(` is at p: the format string of a formatting call, or a name for a driver call. */
function callArgument(text: string, ctx: LiteralContext): void {
  if (!callee(text, p)) return;
  const format = calleeFormat(text);
  if (format) ctx.format = format;
  const wholeArgument = nx === RIGHT_PAREN || nx === COMMA;
  if (wholeArgument && !ctx.fragment) ctx.kind = calleeKind(text, nx);
}

/** What the subscript `x["…"]` whose `[` is at p names (Python): a database of a client, a collection of a database. */
function subscriptKind(text: string, prev: PreviousLiteral | undefined): EmbeddedKind | undefined {
  const k = back(text, p);
  if (k >= 0 && text.charCodeAt(k) === RIGHT_BRACKET && prev?.kind === 'database' && back(text, k) === prev.end - 1) return 'collection';
  if (k < 0 || !isIdentPart(text.charCodeAt(k))) return undefined;
  const s = identStart(text, k);
  const e = k + 1;
  if (endsWithFolded(text, s, e, 'client')) return 'database';
  if (
    (e - s === 2 && text.startsWith('db', s)) ||
    (e - s === 8 && text.startsWith('database', s)) ||
    endsWith(text, s, e, '_db') ||
    endsWith(text, s, e, 'Db') ||
    endsWith(text, s, e, '_database') ||
    endsWith(text, s, e, 'Database')
  ) {
    return 'collection';
  }
  return undefined;
}

/** Sets the key of ctx to the key the literal is assigned to or the default of, by the operator that ends at p. */
function assignedKey(text: string, prev: PreviousLiteral | undefined, ctx: LiteralContext): void {
  if (ch === EQUALS /* = */ && before !== EQUALS && before !== EXCLAMATION && before !== LESS_THAN && before !== GREATER_THAN && !ctx.fragment) {
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
