/**
 * Connection strings that code builds by concatenation: `"mongodb://app:" + password + "@db1:27017/shop"`,
 * Java's `"mongodb://…/reporting" + "?replicaSet=rpt"`, Python's adjacent literals and PHP's `.`. From a
 * literal that starts such a chain, the literals after it are read and joined, so is a decimal number
 * (`":" + 27017`); each other operand (a name, a member, a call, an index: `host`, `cfg.db.host`,
 * `os.environ["PW"]`, `$host`) is joined as a placeholder `${…}` over its source, as a template's
 * interpolation is. A chain with an operand of any
 * other shape (`a ? b : c`, an arithmetic expression) is not joined: its pieces stay pieces, as they were.
 */
import type { DecodedText } from './decoded';
import type { CodeLanguage } from './codeLanguages';
import { isPythonPrefixedLiteral } from './codeContext';
import { isBlank } from './codeWindow';
import { isSpace } from './decoded';
import { literalScan } from './codeLiterals';
import { literalReaderState, setLiteralReaderState } from './codeBodies';
import { APOSTROPHE, DIGIT_0, DIGIT_9, DOT, EQUALS, PLUS, QUOTE } from '../lex/chars';

/** At most this many pieces in one chain (a longer one is left in pieces). */
const MAX_PIECES = 32;

/**
 * An operand that is not a literal: a name (PHP's `$name`), then members, calls and indexes on one line
 * each, at most 256 characters.
 */
const OPERAND = /[A-Za-z_$@][\w$]*(?:[ \t]*(?:\?\.|\.|->|::)[ \t]*[A-Za-z_$][\w$]*|[ \t]*\((?:[^()\n]|\((?:[^()\n]|\([^()\n]*\))*\))*\)|[ \t]*\[[^[\]\n]*\])*/y;
const MAX_OPERAND = 256;

/** A decimal integer written in the code (not one with a fraction, an exponent or a suffix). */
const NUMBER = /[0-9]{1,9}(?![\w.])/y;

function skipBlanks(text: string, i: number): number {
  while (i < text.length && isBlank(text.charCodeAt(i))) i++;
  return i;
}

/**
 * Whether the expression ends at `i` (blanks of the line aside): at the end of the line or the text, a
 * `;`, `,` or closing bracket, or a comment. Anything else (`* 2`, `? a : b`, `.trim()`) makes the chain's
 * last operand something other than what was read.
 */
function endsExpression(text: string, i: number): boolean {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  if (i >= text.length) return true;
  const c = text[i]!;
  if (c === '\n' || c === '\r' || c === ';' || c === ',' || c === ')' || c === ']' || c === '}') return true;
  return text.startsWith('//', i) || text.startsWith('/*', i) || c === '#';
}

/** Whether a concatenation operator is at `i`: `+` (not `++` or `+=`), or PHP's `.` (not a number's). */
function operatorAt(text: string, i: number, lang: CodeLanguage): boolean {
  const c = text.charCodeAt(i);
  const next = text.charCodeAt(i + 1);
  if (c === PLUS) return next !== PLUS && next !== EQUALS;
  return lang.php === true && c === DOT && next !== EQUALS && !(next >= DIGIT_0 && next <= DIGIT_9);
}

/** The decoded pieces of a chain: literals, and placeholders over operands. */
interface Piece {
  text: string;
  /** The document offset of each character and, last, the end. */
  offsets: number[];
}

function pieceOf(d: DecodedText): Piece {
  const n = d.text.length;
  const offsets = d.offsets ? d.offsets.slice(0, n + 1) : Array.from({ length: n + 1 }, (_, k) => d.start + k);
  return { text: d.text, offsets };
}

/** `${operand}` over the operand's source text[from, to). */
function placeholderOf(text: string, from: number, to: number): Piece {
  const offsets = [from, from];
  for (let k = from; k < to; k++) offsets.push(k);
  offsets.push(to - 1, to);
  return { text: `\${${text.slice(from, to)}}`, offsets };
}

/**
 * The chain that the literal ending at `end` (decoded: `first`) starts, joined; undefined when nothing
 * follows it, or when the chain has a piece it does not read. Reads ahead with the literal readers,
 * whose state it leaves as it found it. `pythonJoined(end, q)` says whether, in Python, a literal at `q`
 * is joined to the one ending at `end` (codeContext.ts decides so for a literal's context).
 */
export function joinConcatenation(
  text: string,
  end: number,
  lang: CodeLanguage,
  first: DecodedText,
  pythonJoined: (end: number, q: number) => boolean,
): DecodedText | undefined {
  const state = literalReaderState();
  const scan = { ignore: literalScan.ignore, backslash: literalScan.backslash };
  try {
    const pieces: Piece[] = [pieceOf(first)];
    let pos = end;
    while (pieces.length < MAX_PIECES) {
      let q = skipBlanks(text, pos);
      let operator = false;
      if (operatorAt(text, q, lang)) {
        operator = true;
        q = skipBlanks(text, q + 1);
      } else if (!(lang.python && (text.charCodeAt(q) === QUOTE || text.charCodeAt(q) === APOSTROPHE || isPythonPrefixedLiteral(text, q)) && pythonJoined(pos, q))) {
        break;
      }
      const before = literalReaderState();
      const e = lang.literals.end(text, q);
      if (e > q && !literalScan.ignore) {
        setLiteralReaderState(before);
        const lit = lang.literals.read(text, q);
        if (!lit) return undefined;
        pieces.push(pieceOf(lit.d));
        pos = e;
        continue;
      }
      setLiteralReaderState(before);
      if (!operator) return undefined;
      NUMBER.lastIndex = q;
      const digits = NUMBER.exec(text);
      if (digits) {
        // A number written in the code (`":" + 27017 + "/"`) is part of the string as written.
        pieces.push({ text: digits[0], offsets: Array.from({ length: digits[0].length + 1 }, (_, k) => q + k) });
        pos = q + digits[0].length;
        continue;
      }
      OPERAND.lastIndex = q;
      const m = OPERAND.exec(text);
      if (!m || m[0].length > MAX_OPERAND) return undefined;
      pieces.push(placeholderOf(text, q, q + m[0].length));
      pos = q + m[0].length;
    }
    if (pieces.length < 2 || pieces.length >= MAX_PIECES || !endsExpression(text, pos)) return undefined;
    return joined(pieces);
  } finally {
    setLiteralReaderState(state);
    literalScan.ignore = scan.ignore;
    literalScan.backslash = scan.backslash;
  }
}

/** The pieces as one decoded text; `joins` say where each piece after the first starts, and where the one before it ends in the document. */
function joined(pieces: readonly Piece[]): DecodedText {
  let text = '';
  const offsets: number[] = [];
  const joins: Array<readonly [number, number]> = [];
  for (let k = 0; k < pieces.length; k++) {
    const p = pieces[k]!;
    if (k > 0) joins.push([text.length, pieces[k - 1]!.offsets[pieces[k - 1]!.text.length]!]);
    text += p.text;
    for (let c = 0; c < p.text.length; c++) offsets.push(p.offsets[c]!);
  }
  offsets.push(pieces[pieces.length - 1]!.offsets[pieces[pieces.length - 1]!.text.length]!);
  return { text, start: offsets[0]!, offsets, joins };
}
