/**
 * Reading the calls that configure a deployment, in JavaScript/TypeScript, MongoDB playgrounds and
 * Python: their arguments (Python keyword arguments included), a variable passed in place of a literal
 * (`const cfg = {…}` / `cfg = {…}` earlier in the file), command documents (`{ replSetInitiate: cfg }`,
 * `command("shardCollection", ns, key=…)`), and the namespace a collection receiver stands for.
 */
import type { Span, Token, TokenList } from '../api';
import { type DatabaseSwitch, type Value, findDatabaseSwitches, parseValue, skipExpression } from '../lex/codeValues';

export type ObjectValue = Extract<Value, { kind: 'object' }>;

/** A named option: a property of an options document, or a Python keyword argument. */
export interface OptionField {
  value: Value;
  keySpan: Span;
}

/** The arguments of a call: positional ones, keyword ones (Python), and whether some are unknown (`...x`, `**kw`, `*args`). */
export interface CallArguments {
  positional: Value[];
  keywords: Map<string, OptionField>;
  unpacked: boolean;
}

export function isPunct(t: Token | undefined, text: string): boolean {
  return t !== undefined && t.kind === 'punct' && t.text === text;
}

export function spanOf(v: { start: number; end: number }): Span {
  return { start: v.start, end: v.end };
}

/** The characters inside the quotes of a string literal (the literal itself when it is empty). */
export function contentSpan(v: { start: number; end: number }): Span {
  return v.end - v.start > 2 ? { start: v.start + 1, end: v.end - 1 } : spanOf(v);
}

/** The arguments between the `(` at token `open` and its `)` at `close`. */
export function readCallArguments(list: TokenList, open: number, close: number): CallArguments {
  const { tokens } = list;
  const out: CallArguments = { positional: [], keywords: new Map(), unpacked: false };
  let k = open + 1;
  while (k < close) {
    const t = tokens[k]!;
    if (isPunct(t, ',')) {
      k++;
      continue;
    }
    if (isPunct(t, '...') || isPunct(t, '*')) {
      out.unpacked = true;
      k = Math.max(k + 1, skipExpression(list, k + 1));
      continue;
    }
    const eq = tokens[k + 1];
    if (t.kind === 'ident' && isPunct(eq, '=') && !isPunct(tokens[k + 2], '=') && !isPunct(tokens[k + 2], '>')) {
      const [value, next] = parseValue(list, k + 2);
      out.keywords.set(t.text, { value, keySpan: spanOf(t) });
      k = next > k ? next : k + 1;
      continue;
    }
    const [value, next] = parseValue(list, k);
    out.positional.push(value);
    k = next > k ? next : k + 1;
  }
  return out;
}

/** `true` in JavaScript, `True` in Python. */
export function isTrue(v: Value | undefined, text: string): boolean {
  if (!v) return false;
  if (v.kind === 'literal') return v.value === 'true';
  return v.kind === 'other' && text.slice(v.start, v.end) === 'True';
}

/** An identifier standing alone as a value (`cfg`), or undefined. */
function identifierOf(v: Value, text: string): string | undefined {
  if (v.kind !== 'other') return undefined;
  const s = text.slice(v.start, v.end);
  return /^[A-Za-z_$][\w$]*$/.test(s) ? s : undefined;
}

/**
 * The assignments `name = {` of a file (`const`, `let`, `var` or none before the name; not a member,
 * not `==`), read once when first needed; a variable is resolved to the last one before its use.
 */
export class Assignments {
  private byName: Map<string, number[]> | undefined;
  /** The literals read so far, by the token index of their bracket. */
  private readonly parsed = new Map<number, Value>();

  constructor(
    private readonly list: TokenList,
    private readonly text: string,
  ) {}

  private index(): Map<string, number[]> {
    if (this.byName) return this.byName;
    const { tokens } = this.list;
    const byName = new Map<string, number[]>();
    for (let k = 0; k + 2 < tokens.length; k++) {
      const t = tokens[k]!;
      if (t.kind !== 'ident' || isPunct(tokens[k - 1], '.')) continue;
      // `cfg = {`, or with a one-word type `cfg: Config = {`.
      const typed = isPunct(tokens[k + 1], ':') && tokens[k + 2]?.kind === 'ident' ? 2 : 0;
      if (!isPunct(tokens[k + 1 + typed], '=')) continue;
      const v = tokens[k + 2 + typed];
      if (!v) continue;
      if (!isPunct(v, '{') && !isPunct(v, '[')) continue;
      let at = byName.get(t.text);
      if (!at) byName.set(t.text, (at = []));
      at.push(k + 2 + typed);
    }
    return (this.byName = byName);
  }

  /** The value itself, or the literal last assigned to the variable it names before `offset`. */
  resolve(v: Value | undefined, offset: number): Value | undefined {
    if (!v) return undefined;
    const name = identifierOf(v, this.text);
    if (name === undefined) return v;
    const at = this.index().get(name);
    if (!at) return v;
    let found = -1;
    for (const k of at) if (this.list.tokens[k]!.start < offset) found = k;
    if (found < 0) return v;
    let value = this.parsed.get(found);
    if (!value) this.parsed.set(found, (value = this.literalAt(found)));
    return value;
  }

  /**
   * The literal whose bracket is token `open`, read on its own: without semicolons (Python, much
   * JavaScript) the statement after it would otherwise be taken for the rest of its expression.
   */
  private literalAt(open: number): Value {
    const { tokens, match } = this.list;
    const close = match[open]!;
    if (close < 0) return parseValue(this.list, open)[0];
    const own = new Int32Array(close + 1 - open);
    for (let k = open; k <= close; k++) own[k - open] = match[k]! < 0 ? -1 : match[k]! - open;
    return parseValue({ tokens: tokens.slice(open, close + 1), match: own }, 0)[0];
  }
}

/** The properties of an options document as option fields; undefined when it is no object literal. */
export function fieldsOf(doc: Value | undefined): Map<string, OptionField> | undefined {
  if (doc?.kind !== 'object') return undefined;
  const out = new Map<string, OptionField>();
  for (const p of doc.props) out.set(p.key, { value: p.value, keySpan: { start: p.keyStart, end: p.keyEnd } });
  return out;
}

/** A database command as a call passes it: its name, the value of its name key, and its other fields. */
export interface CommandDocument {
  name: string;
  nameSpan: Span;
  value: Value | undefined;
  fields: Map<string, OptionField>;
  /** Some fields cannot be read (a spread, `**kwargs`). */
  open: boolean;
}

/**
 * The command of `db.adminCommand({ name: value, … })`, `db.runCommand(…)` or Python's
 * `admin.command("name", value, key=…)` / `command({"name": value, …})`, when its name is one of `names`.
 */
export function commandOf(args: CallArguments, names: ReadonlySet<string>): CommandDocument | undefined {
  const first = args.positional[0];
  if (first?.kind === 'object') {
    const prop = first.props.find((p) => names.has(p.key));
    if (!prop) return undefined;
    const fields = fieldsOf(first)!;
    fields.delete(prop.key);
    return { name: prop.key, nameSpan: { start: prop.keyStart, end: prop.keyEnd }, value: prop.value, fields, open: first.hasSpread || args.unpacked };
  }
  if (first?.kind === 'string' && names.has(first.value)) {
    return { name: first.value, nameSpan: contentSpan(first), value: args.positional[1], fields: new Map(args.keywords), open: args.unpacked };
  }
  return undefined;
}

/**
 * Where the current database changes: `use("shop")`, `use shop`, `db = db.getSiblingDB("shop")`, Python
 * `db = client["shop"]`. Without semicolons the next statement follows an assignment: its expression
 * ends with its line.
 */
export function findClusterDatabaseSwitches(list: TokenList): DatabaseSwitch[] {
  return findDatabaseSwitches(list, (l, from, line) => {
    if (isPunct(l.tokens[from], '>')) return undefined; // `db => …`
    let end = skipExpression(l, from);
    while (end > from && l.tokens[end - 1]!.line !== line) end--;
    return databaseOfExpression(l.tokens.slice(from, end));
  });
}

/** `x.getSiblingDB("shop")`, `client.db("shop")`, `client.get_database("shop")`, `client["shop"]`, `client.shop`. */
function databaseOfExpression(e: readonly Token[]): Token | undefined {
  const n = e.length;
  const last = e[n - 1];
  const arg = e[n - 2];
  if (n >= 4 && isPunct(last, ')') && arg?.kind === 'string' && isPunct(e[n - 3], '(') && isPunct(e[n - 5], '.')) {
    return /^(?:getSiblingDB|getDB|db|get_database)$/.test(e[n - 4]?.text ?? '') ? arg : undefined;
  }
  if (n === 4 && isPunct(last, ']') && arg?.kind === 'string' && isPunct(e[1], '[') && e[0]!.kind === 'ident') return arg;
  if (n === 3 && e[0]!.kind === 'ident' && /client/i.test(e[0]!.text) && isPunct(e[1], '.') && last?.kind === 'ident') return last;
  return undefined;
}

export function databaseAt(switches: readonly DatabaseSwitch[], offset: number): string | undefined {
  let name: string | undefined;
  for (const s of switches) if (s.offset < offset) name = s.name;
  return name;
}

/**
 * The receiver of the call whose `.` is token `dot`, from the tokens (so comments between lines are no
 * part of it): `db.orders`, `db.getSiblingDB("shop").getCollection("orders")`, `db["orders"]`; a
 * bracketed part may hold one string at most. Empty when it is anything else.
 */
export function receiverBefore(list: TokenList, dot: number): string {
  const { tokens } = list;
  const parts: string[] = [];
  let k = dot - 1;
  while (k >= 0) {
    const t = tokens[k]!;
    if (isPunct(t, ')') || isPunct(t, ']')) {
      const opener = t.text === ')' ? '(' : '[';
      const inner = tokens[k - 1];
      if (isPunct(tokens[k - 1], opener)) {
        parts.unshift(`${opener}${t.text}`);
        k -= 2;
      } else if (inner?.kind === 'string' && isPunct(tokens[k - 2], opener)) {
        parts.unshift(`${opener}"${inner.text}"${t.text}`);
        k -= 3;
      } else return '';
      continue;
    }
    if (t.kind !== 'ident') return '';
    parts.unshift(t.text);
    if (!isPunct(tokens[k - 1], '.')) break;
    parts.unshift('.');
    k -= 2;
  }
  return parts.join('');
}

const IDENT = '[A-Za-z_$][\\w$]*';
const STRING = '"([^"]+)"';
const COLLECTION = `(?:\\.getCollection\\(${STRING}\\)|\\.collection\\(${STRING}\\)|\\.get_collection\\(${STRING}\\)|\\[${STRING}\\]|\\.(${IDENT}))`;
const IN_NAMED_DB = new RegExp(`^db\\.(?:getSiblingDB|getDB)\\(${STRING}\\)${COLLECTION}$`);
const IN_CURRENT_DB = new RegExp(`^db${COLLECTION}$`);

/**
 * The namespace `<database>.<collection>` a receiver (receiverBefore) stands for:
 * `db.getSiblingDB("shop").orders`, or `db.orders` / `db.getCollection("orders")` / `db["orders"]`
 * after a switch to a known database; undefined when it cannot be told.
 */
export function namespaceOf(receiver: string, currentDb: string | undefined): string | undefined {
  const named = IN_NAMED_DB.exec(receiver);
  if (named) {
    const collection = named.slice(2).find((g) => g !== undefined);
    return collection === undefined ? undefined : `${named[1]}.${collection}`;
  }
  const current = IN_CURRENT_DB.exec(receiver);
  if (!current || currentDb === undefined) return undefined;
  const collection = current.slice(1).find((g) => g !== undefined);
  if (collection === undefined || /^(?:getSiblingDB|getDB|getCollection|collection|get_collection|getMongo)$/.test(collection)) return undefined;
  return `${currentDb}.${collection}`;
}
