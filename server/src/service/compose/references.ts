/**
 * References to variables in a value, as each tool writes them: `${NAME}`, `$NAME` and `${NAME<op>operand}`
 * (compose and dotenv-expand), `${key}` and `${key:default}` (Spring).
 */
import { isAsciiLetter, isDigit, LEFT_BRACE, UNDERSCORE } from '../lex/chars';
import { pairsIn } from '../lex/pairs';

/** Whose rules a value is interpolated by (`none`: not at all). */
export type InterpolationSyntax = 'compose' | 'dotenv' | 'spring' | 'none';

/** A parsed reference: its name, operator and the raw text of its operand, and where it ends. */
export interface Parsed {
  name: string;
  /** `''` for a plain reference; else `:-`, `-`, `:?`, `?`, `:+`, `+` (compose, dotenv) or `:` (Spring). */
  op: string;
  /** The operand's offsets in the text being read. */
  operandStart: number;
  operandEnd: number;
  end: number;
}

function isNameStart(c: number): boolean {
  return isAsciiLetter(c) || c === UNDERSCORE;
}

function isNamePart(c: number): boolean {
  return isNameStart(c) || isDigit(c);
}

/**
 * The `}` that closes the `${` whose `{` is at `open`, counting nested `${…}`; -1 when there is none. The
 * braces of a text are paired once, in one pass (a run of `${` left open is read in linear time).
 */
function closingBrace(text: string, open: number): number {
  return pairsIn(text, text.length, '{', '}').get(open) ?? -1;
}

/** Reads the reference at the `$` at `i`, or undefined when none starts there. */
export function parseReference(text: string, i: number, syntax: InterpolationSyntax): Parsed | undefined {
  if (syntax === 'none') return undefined;
  const next = text.charCodeAt(i + 1);
  if (next !== LEFT_BRACE) {
    if (syntax === 'spring' || !isNameStart(next)) return undefined;
    let k = i + 2;
    while (k < text.length && isNamePart(text.charCodeAt(k))) k++;
    return { name: text.slice(i + 1, k), op: '', operandStart: k, operandEnd: k, end: k };
  }
  const close = closingBrace(text, i + 1);
  if (close < 0) return undefined;
  if (syntax === 'spring') {
    // `${a.b}` or `${a.b:default}`: the name runs to the first `:`.
    const colon = text.indexOf(':', i + 2);
    const nameEnd = colon >= 0 && colon < close ? colon : close;
    const name = text.slice(i + 2, nameEnd).trim();
    if (name === '') return undefined;
    return { name, op: nameEnd < close ? ':' : '', operandStart: Math.min(nameEnd + 1, close), operandEnd: close, end: close + 1 };
  }
  let k = i + 2;
  if (!isNameStart(text.charCodeAt(k))) return undefined;
  while (k < close && isNamePart(text.charCodeAt(k))) k++;
  const name = text.slice(i + 2, k);
  if (k === close) return { name, op: '', operandStart: close, operandEnd: close, end: close + 1 };
  const op = /^(?::[-?+]|[-?+])/.exec(text.slice(k, k + 2))?.[0];
  if (!op) return undefined;
  return { name, op, operandStart: k + op.length, operandEnd: close, end: close + 1 };
}

/** True when `text` holds a reference that `syntax` interpolates. */
export function hasReferences(text: string, syntax: InterpolationSyntax): boolean {
  for (let i = text.indexOf('$'); i >= 0; i = text.indexOf('$', i + 1)) {
    if (parseReference(text, i, syntax)) return true;
  }
  return false;
}
