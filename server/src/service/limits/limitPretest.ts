/**
 * A quick test of whether the limits of driver calls (limits/codeLimits.ts) can find anything in a
 * source file, without tokenizing it: false only when analyzeCodeLimits surely finds no problem.
 * Each limit needs something cheap to see in the text:
 *
 * - The fields of an index, the stages of a pipeline (and the keys of its `$sort` stages) and the keys
 *   of a sort are read from an object or array literal passed first: `createIndex({`, `aggregate([`,
 *   `sort({` (blanks and commas between; a `/`, `#` or `<` there is taken for a comment or type
 *   arguments that may hide one).
 * - More than 63 indexes on one collection: an index call without a literal counts one, so there must
 *   be 64 calls, each with `createIndex`, `ensureIndex` or `create_index` in its name.
 * - A document nested deeper than 100 levels needs an argument list in which `{` and `[` reach that
 *   depth. The brackets are counted as tokens, with the lexer's reading of strings, template literals,
 *   comments and regular expression literals (lex/codeScanner.ts): the largest rise of that count
 *   anywhere in the file bounds the depth in every argument list. Where the reading is not certain (a
 *   number longer than the lexer reads at once), the answer is yes.
 *
 * test/unit/limits/limitPretestProperty.test.ts holds it to the analysis on random files.
 */
import { LIMITS } from '../data/limits';
import { JS_LANGUAGES, mayHaveCalls } from './codeCalls';

const LF = 0x0a;
const CR = 0x0d;
const TAB = 0x09;
const SPACE = 0x20;
const BOM = 0xfeff;
const QUOTE = 0x22;
const HASH = 0x23;
const DOLLAR = 0x24;
const APOSTROPHE = 0x27;
const LPAREN = 0x28;
const COMMA = 0x2c;
const ASTERISK = 0x2a;
const DOT = 0x2e;
const SLASH = 0x2f;
const LESS = 0x3c;
const LBRACKET = 0x5b;
const BACKSLASH = 0x5c;
const RBRACKET = 0x5d;
const UNDERSCORE = 0x5f;
const BACKTICK = 0x60;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const RPAREN = 0x29;

/** False when analyzeCodeLimits finds no problem in `text` read as `languageId`. */
export function mayExceedCodeLimits(text: string, languageId: string): boolean {
  const python = languageId === 'python';
  if (!python && !JS_LANGUAGES.has(languageId)) return false;
  if (!mayHaveCalls(text)) return false;
  if (LITERAL_CALLS.some((name) => mayPassLiteral(text, name))) return true;
  // Every index call is named so (createIndexes and create_indexes hold createIndex and create_index); one
  // without a literal counts one index.
  const indexCalls = occurrences(text, 'createIndex') + occurrences(text, 'ensureIndex') + occurrences(text, 'create_index');
  if (indexCalls + 1 > LIMITS.indexesPerCollection.value) return true;
  return maxBracketRise(text, python) > LIMITS.documentNestingDepth.value;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isLetter(c: number): boolean {
  const l = c | 0x20;
  return l >= 0x61 && l <= 0x7a;
}

/** A character of an identifier in any dialect's reading (beyond ASCII: any). */
function isAnyIdentPart(c: number): boolean {
  return isLetter(c) || isDigit(c) || c === UNDERSCORE || c === DOLLAR || c > 0x7f;
}

/** The lexer's identifier characters (U+0080–U+00BF take no part in one). */
function isIdentStart(c: number): boolean {
  return isLetter(c) || c === UNDERSCORE || c === DOLLAR || c >= 0xc0;
}

function isIdentPart(c: number): boolean {
  return isIdentStart(c) || isDigit(c);
}

function isBlank(c: number): boolean {
  return c === SPACE || c === LF || c === TAB || c === CR || c === BOM;
}

/** The first character at or after `i` that is no blank (NaN at the end). */
function skipBlanks(text: string, i: number): number {
  while (i < text.length && isBlank(text.charCodeAt(i))) i++;
  return i;
}

/** Calls whose problems need an object or array literal as their first argument. */
const LITERAL_CALLS = ['sort', 'aggregate', 'createIndex', 'ensureIndex', 'create_index', 'createIndexes', 'create_indexes'];

/**
 * Whether `name` may be called with an object or array literal first: `name` as a whole word, then `(`,
 * and `{` or `[` after blanks and commas (the arguments are read past commas). A `/`, `#` or `<` where a
 * blank may be is taken for a comment or type arguments, which may hide one.
 */
export function mayPassLiteral(text: string, name: string): boolean {
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
    // A letter, digit, `_` or `$` before: no identifier `name` after a `.` starts here (a number may end there, no `.`).
    if (at > 0 && isAnyIdentPart(text.charCodeAt(at - 1))) continue;
    let k = at + name.length;
    if (k < text.length && isAnyIdentPart(text.charCodeAt(k))) continue;
    k = skipBlanks(text, k);
    let c = text.charCodeAt(k);
    if (c === SLASH || c === HASH || c === LESS) return true;
    if (c !== LPAREN) continue;
    do k = skipBlanks(text, k + 1);
    while (text.charCodeAt(k) === COMMA);
    c = text.charCodeAt(k);
    if (c === LBRACE || c === LBRACKET || c === SLASH || c === HASH) return true;
  }
  return false;
}

/** How many times `word` is in the text. */
function occurrences(text: string, word: string): number {
  let count = 0;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) count++;
  return count;
}

/** Words after which a `/` starts a regular expression literal (as the lexer reads them). */
const REGEX_AFTER: ReadonlySet<string> = new Set(['return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'void', 'yield', 'await', 'delete', 'throw', 'new']);

/** A number as the lexer reads it (from at most NUMBER_WINDOW characters). */
const NUMBER = /(?:0[xX][\da-fA-F_]+|\d[\d_]*(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)n?/y;
/** The lexer reads a number in a window of this many characters; a match that comes near its end is not certain. */
const NUMBER_WINDOW = 64;
const UNCERTAIN = Number.POSITIVE_INFINITY;

/** What the last token was, for the lexer's choice between a division and a regular expression. */
const enum Last {
  /** No token yet, or a token after which `/` starts a regular expression. */
  Operand,
  /** A token that ends an expression: `/` divides. */
  Value,
  /** An identifier: it depends on the word. */
  Word,
}

/**
 * The largest rise of the count of `{` and `[` tokens minus `}` and `]` tokens between two places of
 * the text, read as lex/codeScanner.ts reads JavaScript (or Python); UNCERTAIN where the reading is
 * not certain. It stops counting once it is over LIMITS.documentNestingDepth.
 */
export function maxBracketRise(text: string, python: boolean): number {
  const n = text.length;
  const limit = LIMITS.documentNestingDepth.value;
  let depth = 0;
  let lowest = 0;
  let rise = 0;
  let last = Last.Operand;
  let wordStart = 0;
  let wordEnd = 0;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === SPACE || c === LF || c === TAB || c === CR || c === BOM) {
      i++;
      continue;
    }
    if (isIdentStart(c)) {
      wordStart = i;
      i++;
      while (i < n && isIdentPart(text.charCodeAt(i))) i++;
      wordEnd = i;
      last = Last.Word;
      continue;
    }
    switch (c) {
      case LBRACE:
      case LBRACKET:
        depth++;
        if (depth - lowest > rise) {
          rise = depth - lowest;
          if (rise > limit) return rise;
        }
        last = Last.Operand;
        i++;
        continue;
      case RBRACE:
      case RBRACKET:
        depth--;
        if (depth < lowest) lowest = depth;
        last = Last.Value;
        i++;
        continue;
      case RPAREN:
        last = Last.Value;
        i++;
        continue;
      case HASH:
        if (python) {
          i = lineEnd(text, i);
          continue;
        }
        break;
      case SLASH: {
        const d = text.charCodeAt(i + 1);
        if (!python && d === SLASH) {
          i = lineEnd(text, i);
          continue;
        }
        if (d === ASTERISK) {
          // The lexer looks for `*/` from the `/`: `/*/` is a whole comment.
          const close = text.indexOf('*/', i);
          i = close < 0 ? n : close + 2;
          continue;
        }
        if (!python && (last === Last.Operand || (last === Last.Word && REGEX_AFTER.has(text.slice(wordStart, wordEnd))))) {
          i = regexEnd(text, i);
          last = Last.Value;
          continue;
        }
        break;
      }
      case QUOTE:
      case APOSTROPHE:
        if (python && text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === c) {
          const close = text.indexOf(c === QUOTE ? '"""' : "'''", i + 3);
          i = close < 0 ? n : close + 3;
        } else i = stringEnd(text, i, c);
        last = Last.Value;
        continue;
      case BACKTICK:
        if (python) break;
        i = stringEnd(text, i, c);
        last = Last.Value;
        continue;
      default:
        if (isDigit(c) || (c === DOT && isDigit(text.charCodeAt(i + 1)))) {
          NUMBER.lastIndex = i;
          const m = NUMBER.exec(text);
          const length = m ? m[0].length : 1;
          // Within the window the match is what the lexer reads only when it ended a few characters before its end.
          if (length > NUMBER_WINDOW - 4) return UNCERTAIN;
          i += length;
          last = Last.Value;
          continue;
        }
    }
    // Any other character is a token of its own, after which `/` starts a regular expression.
    last = Last.Operand;
    i++;
  }
  return rise;
}

/** Where the line that holds `i` ends (its line feed), or the end of the text. */
function lineEnd(text: string, i: number): number {
  const at = text.indexOf('\n', i);
  return at < 0 ? text.length : at;
}

/**
 * Just past a string at `i` (its quote `quote`) as the lexer reads one: `\` escapes the next
 * character; a '…' or "…" string ends at its line feed when it is not closed; `${` in a template
 * literal is read to its `}` by counting braces.
 */
function stringEnd(text: string, i: number, quote: number): number {
  const n = text.length;
  let j = i + 1;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (c === quote) return j + 1;
    if (c === BACKSLASH) {
      j += 2;
      continue;
    }
    if (c === LF && quote !== BACKTICK) return j;
    if (quote === BACKTICK && c === DOLLAR && text.charCodeAt(j + 1) === LBRACE) {
      let depth = 0;
      let k = j + 1;
      for (; k < n; k++) {
        const d = text.charCodeAt(k);
        if (d === LBRACE) depth++;
        else if (d === RBRACE && --depth === 0) break;
      }
      j = k + 1;
      continue;
    }
    j++;
  }
  return n;
}

/**
 * Just past a regular expression literal at `i` (its `/`) as the lexer reads one: to the next `/`
 * outside a character class, or past the line feed that ends the line first; then its flags.
 */
function regexEnd(text: string, i: number): number {
  const n = text.length;
  let j = i + 1;
  let inClass = false;
  while (j < n) {
    const d = text.charCodeAt(j);
    if (d === LF) break;
    if (d === BACKSLASH) j++;
    else if (d === LBRACKET) inClass = true;
    else if (d === RBRACKET) inClass = false;
    else if (d === SLASH && !inClass) break;
    j++;
  }
  j = Math.min(j + 1, n);
  while (j < n) {
    const f = text.charCodeAt(j);
    if (f < 0x61 || f > 0x7a) break;
    j++;
  }
  return j;
}
