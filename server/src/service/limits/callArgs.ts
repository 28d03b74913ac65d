/**
 * Reading the arguments of a driver call (limits/codeCalls.ts) beyond the first: options given as a
 * JavaScript object (`{ upsert: true }`) or as Python keyword arguments (`upsert=True`), and what a
 * value spells (`false`/`False`, a regular expression).
 */
import type { Span, TokenList } from '../api';
import { type Prop, type Value, parseValue } from '../lex/codeValues';
import type { Argument } from './codeCalls';

export type ObjectValue = Extract<Value, { kind: 'object' }>;

/** An option of a call: its value, and the span of its name. */
export interface Option {
  value: Value;
  keySpan: Span;
}

/** The property `key` of an object value (the last one, as JavaScript and Python keep it). */
export function propOf(v: Value | undefined, key: string): Prop | undefined {
  if (v?.kind !== 'object') return undefined;
  let found: Prop | undefined;
  for (const p of v.props) if (p.key === key) found = p;
  return found;
}

/**
 * The option `name` among the arguments from `from` on: a property of an object literal argument, or a
 * Python keyword argument `name=value`.
 */
export function optionOf(list: TokenList, args: readonly Argument[], from: number, name: string): Option | undefined {
  const { tokens } = list;
  for (let i = from; i < args.length; i++) {
    const arg = args[i]!;
    const p = propOf(arg.value, name);
    if (p) return { value: p.value, keySpan: { start: p.keyStart, end: p.keyEnd } };
    if (arg.first < 0) continue;
    const k = tokens[arg.first];
    const eq = tokens[arg.first + 1];
    if (k?.kind === 'ident' && k.text === name && eq?.kind === 'punct' && eq.text === '=' && tokens[arg.first + 2]?.text !== '=') {
      const [value] = parseValue(list, arg.first + 2);
      return { value, keySpan: { start: k.start, end: k.end } };
    }
  }
  return undefined;
}

/** The source text of a value. */
export function sourceOf(text: string, v: Value): string {
  return text.slice(v.start, v.end);
}

/** `true` (JavaScript) or `True` (Python). */
export function isTrue(text: string, v: Value | undefined): boolean {
  return v !== undefined && /^(?:true|True)$/.test(sourceOf(text, v));
}

/** `false` (JavaScript) or `False` (Python). */
export function isFalse(text: string, v: Value | undefined): boolean {
  return v !== undefined && /^(?:false|False)$/.test(sourceOf(text, v));
}

/**
 * A regular expression: a JavaScript literal `/…/`, `RegExp(…)`, `BSONRegExp(…)` (with or without
 * `new`), or Python's `re.compile(…)` and bson's `Regex(…)`.
 */
export function isRegex(text: string, v: Value): boolean {
  if (v.kind !== 'other') return false;
  return /^(?:\/|(?:new\s+)?(?:[\w$]+\s*\.\s*)?(?:RegExp|BSONRegExp|Regex)\s*[.(]|re\s*\.\s*compile\s*\()/.test(sourceOf(text, v));
}

/** Every object value in `v` (itself included), outside in; sub-values that are no literals are not entered. */
export function* objectsIn(v: Value): Generator<ObjectValue> {
  if (v.kind === 'object') {
    yield v;
    for (const p of v.props) yield* objectsIn(p.value);
  } else if (v.kind === 'array') {
    for (const item of v.items) yield* objectsIn(item);
  }
}
