/**
 * A quick test of whether the limits of driver calls (limits/codeLimits.ts) can find anything in a
 * source file, without tokenizing it: false only when analyzeCodeLimits surely finds no problem.
 * One pass over the text reads it as lex/codeScanner.ts does (strings, template literals, comments,
 * regular expression literals, identifiers, numbers), without making tokens, and looks at what each
 * limit needs:
 *
 * - The fields of an index, the stages of a pipeline (and the keys of its `$sort` stages) and the keys
 *   of a sort are read from an object or array literal passed first: an identifier `createIndex`,
 *   `createIndexes`, `ensureIndex`, `create_index`, `create_indexes`, `aggregate` or `sort`, then `(`
 *   and `{` or `[` (blanks and commas between; a `/`, `#` or `<` there is taken for a comment or type
 *   arguments that may hide one).
 * - More than 63 indexes on one collection: an index call without a literal counts one, so there must
 *   be 64 identifiers naming an index call.
 * - A document nested deeper than 100 levels needs an argument list in which `{` and `[` reach that
 *   depth: the largest rise of the count of `{` and `[` tokens minus `}` and `]` tokens anywhere in
 *   the file bounds the depth in every argument list.
 *
 * - Document literals (limits/documentChecks.ts, limits/queryChecks.ts): a field given twice in one
 *   object literal needs two keys (an identifier, string or number followed by `:`, after `{`, `,`,
 *   `;` or a closing bracket) that read alike within the same `{…}`, brackets paired as
 *   lex/codeValues.ts pairs them; `$text` with `$near`/`$geoNear`, and `$where`, need those words; an
 *   `_id` problem needs the word `_id` and a call that writes documents; a null character in a field
 *   name needs it or an escape of it. Words are also looked for with escapes read, as strings read them.
 *
 * Where the reading is not certain (a number longer than the lexer reads at once), the answer is yes.
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
const RPAREN = 0x29;
const ASTERISK = 0x2a;
const COMMA = 0x2c;
const COLON = 0x3a;
const SEMICOLON = 0x3b;
const DOT = 0x2e;
const SLASH = 0x2f;
const LESS = 0x3c;
const LBRACKET = 0x5b;
const BACKSLASH = 0x5c;
const RBRACKET = 0x5d;
const BACKTICK = 0x60;
const LBRACE = 0x7b;
const RBRACE = 0x7d;

/**
 * False when analyzeCodeLimits finds no problem in `text` read as `languageId`. `worksWithMongoDB()` is
 * asked once a call is found, as the analysis asks it (SourceCode.worksWithMongoDB; the CLI's prefilter
 * answers it from the file's bytes and project).
 */
export function mayExceedCodeLimits(text: string, languageId: string, worksWithMongoDB: () => boolean = () => true): boolean {
  const python = languageId === 'python';
  if (!python && !JS_LANGUAGES.has(languageId)) return false;
  if (!mayHaveCalls(text) || !worksWithMongoDB()) return false;
  const mentions = mentionsIn(text);
  if ((mentions('$text') && (mentions('$near') || mentions('$geoNear'))) || mentions('$where') || mayHoldNullKey(text)) return true;
  return mayExceed(text, python, mentions('_id'));
}

/**
 * The null character, or an escape that may spell it in a string used as a key (a field name is all
 * the check reads): `\0`, `\00` or `\000` not followed by another octal digit (`\033`, an escape
 * character, is none), `\x00`, `\u0000`, `\u{0}`, `\U00000000`, `\N{NUL}`, then the rest of the string
 * (escapes skipped), its closing quote, maybe a `]`, and a `:`. Character classes of regular expressions
 * (`[^\x00-\x1f]`) and strings that are no keys are common in code and say nothing.
 */
const NULL_CHARACTER = /\\(?:000|00(?![01234567])|0(?![01234567])|x00|u0000|u\{0|U00000000|N\{)(?:[^'"`\\\n]|\\[\s\S])*['"`]\]?\s*:|\0/i;

/** NULL_CHARACTER, after searches for what it needs (a search for a string is many times faster than a regular expression). */
function mayHoldNullKey(text: string): boolean {
  if (text.includes('\0')) return true;
  if (!NULL_STARTS.some((s) => text.includes(s))) return false;
  return NULL_CHARACTER.test(text);
}

/** What every match of NULL_CHARACTER holds, in each letter case its `i` flag allows. */
const NULL_STARTS = ['\\0', '\\x00', '\\X00', '\\u0000', '\\U0000', '\\u{0', '\\U{0', '\\N{', '\\n{'];

/** A `\` and the character it escapes (a line feed: none). */
const ESCAPED = /\\(?:\n|([\s\S]))/g;

/**
 * Whether a word is in the text, as it is or with escapes read (`\$te\xt`, a `\` before a line break);
 * the text with its escapes read is made once, when a word is first not found as it is.
 */
function mentionsIn(text: string): (word: string) => boolean {
  let read: string | undefined;
  return (word) => {
    if (text.includes(word)) return true;
    if (!text.includes('\\')) return false;
    // `$1` of a `\` before a line feed is empty: the line feed is dropped with it.
    read ??= text.replace(ESCAPED, '$1');
    return read.includes(word);
  };
}

/** Calls that write documents (whose `_id` is checked), by name. */
const WRITE_CALLS: ReadonlySet<string> = new Set([
  'insertOne', 'insert_one', 'save', 'insertMany', 'insert_many', 'replaceOne', 'replace_one', 'findOneAndReplace', 'find_one_and_replace',
  'updateOne', 'update_one', 'updateMany', 'update_many', 'findOneAndUpdate', 'find_one_and_update',
]);

/** The escapes of a string that stand for another character (lex/codeScanner.ts reads them so). */
const ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', '0': '\0' };

/** The value of the string whose quote is at `i` and that ends at `end`, as the lexer reads it. */
function stringValue(text: string, i: number, end: number, triple: boolean): string {
  if (triple) return text.slice(i + 3, Math.max(i + 3, end - 3));
  const quote = text.charCodeAt(i);
  let value = '';
  let j = i + 1;
  const stop = text.charCodeAt(end - 1) === quote && end - 1 > i ? end - 1 : end;
  while (j < stop) {
    const c = text[j]!;
    if (c === '\\') {
      const e = text[j + 1] ?? '';
      value += ESCAPES[e] ?? (e === '\n' ? '' : e);
      j += 2;
      continue;
    }
    value += c;
    j++;
  }
  return value;
}

/** How the lexer reads a character (below 128) where a token starts. */
const enum Kind {
  Punct,
  Blank,
  Ident,
  Digit,
  Open,
  Close,
  Paren,
  Hash,
  Slash,
  Quote,
  Backtick,
  Dot,
}

const KINDS = new Uint8Array(128);
/** Characters of an identifier after its first (below 128). */
const IDENT_PART = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const letter = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === DOLLAR;
  const digit = c >= 0x30 && c <= 0x39;
  IDENT_PART[c] = letter || digit ? 1 : 0;
  KINDS[c] = letter ? Kind.Ident : digit ? Kind.Digit : Kind.Punct;
}
for (const c of [SPACE, LF, TAB, CR]) KINDS[c] = Kind.Blank;
KINDS[LBRACE] = KINDS[LBRACKET] = Kind.Open;
KINDS[RBRACE] = KINDS[RBRACKET] = Kind.Close;
KINDS[RPAREN] = Kind.Paren;
KINDS[HASH] = Kind.Hash;
KINDS[SLASH] = Kind.Slash;
KINDS[QUOTE] = KINDS[APOSTROPHE] = Kind.Quote;
KINDS[BACKTICK] = Kind.Backtick;
KINDS[DOT] = Kind.Dot;

/** The lexer's reading beyond ASCII: U+0080–U+00BF are tokens of their own, the rest identifier characters (U+FEFF a blank between tokens). */
function kindOf(c: number): Kind {
  if (c < 128) return KINDS[c]!;
  if (c === BOM) return Kind.Blank;
  return c >= 0xc0 ? Kind.Ident : Kind.Punct;
}

function isIdentPart(c: number): boolean {
  return c < 128 ? IDENT_PART[c] === 1 : c >= 0xc0;
}

function isBlank(c: number): boolean {
  return c === SPACE || c === LF || c === TAB || c === CR || c === BOM;
}

/** The first character at or after `i` that is no blank. */
function skipBlanks(text: string, i: number): number {
  while (i < text.length && isBlank(text.charCodeAt(i))) i++;
  return i;
}

/** Words after which a `/` starts a regular expression literal (as the lexer reads them). */
const REGEX_AFTER: ReadonlySet<string> = new Set(['return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'void', 'yield', 'await', 'delete', 'throw', 'new']);
/** Their lengths. */
const REGEX_AFTER_MIN = 2;
const REGEX_AFTER_MAX = 6;

/** Not a call whose problems need a literal; one that does; one that creates indexes (needs one for too many fields). */
const enum Call {
  None,
  Literal,
  Index,
}

/** Which call the identifier of `length` characters at `start` names: `sort`, `aggregate` or an index call. */
function callAt(text: string, start: number, length: number): Call {
  switch (length) {
    case 4:
      return text.startsWith('sort', start) ? Call.Literal : Call.None;
    case 9:
      return text.startsWith('aggregate', start) ? Call.Literal : Call.None;
    case 11:
      return text.startsWith('createIndex', start) || text.startsWith('ensureIndex', start) ? Call.Index : Call.None;
    case 12:
      return text.startsWith('create_index', start) ? Call.Index : Call.None;
    case 13:
      return text.startsWith('createIndexes', start) ? Call.Index : Call.None;
    case 14:
      return text.startsWith('create_indexes', start) ? Call.Index : Call.None;
    default:
      return Call.None;
  }
}

/**
 * The lexer matches a number in the 64 characters from its start (codeScanner.ts): a match that ends
 * within a few characters of that window's end may end elsewhere there. Longer ones are not certain.
 */
const SURE_NUMBER_LENGTH = 60;

/**
 * Whether a literal may be passed first after the identifier that ends at `k`: `(`, then `{` or `[`
 * after blanks and commas (the arguments are read past commas); a `/`, `#` or `<` where a blank may be
 * is taken for a comment or type arguments, which may hide one.
 */
function mayPassLiteral(text: string, k: number): boolean {
  k = skipBlanks(text, k);
  let c = text.charCodeAt(k);
  if (c === SLASH || c === HASH || c === LESS) return true;
  if (c !== LPAREN) return false;
  do k = skipBlanks(text, k + 1);
  while (text.charCodeAt(k) === COMMA);
  c = text.charCodeAt(k);
  return c === LBRACE || c === LBRACKET || c === SLASH || c === HASH;
}

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
 * One pass over the text read as lex/codeScanner.ts reads JavaScript (or Python): true when a call
 * may pass a literal whose limits are checked, when there are as many index calls as a collection can
 * have indexes, when the count of `{` and `[` tokens minus `}` and `]` tokens rises by more than
 * LIMITS.documentNestingDepth between two places, or when the reading is not certain.
 */
function mayExceed(text: string, python: boolean, idWord: boolean): boolean {
  const n = text.length;
  // Open brackets as lex/codeValues.ts pairs them (a closer that does not fit the innermost is
  // ignored), with the keys read in each `{`; whether the last token puts a key after it; a key read
  // and waiting for its `:`.
  const open: number[] = [];
  const keys: Array<Set<string> | undefined> = [];
  let keyPlace = false;
  let pending: string | undefined;
  /** Token boundaries: whether a token at `i` may be a key of the innermost `{`, and forgets a pending key. */
  const keyAt = (): boolean => {
    const place = keyPlace && open[open.length - 1] === LBRACE;
    keyPlace = false;
    pending = undefined;
    return place;
  };
  const maxDepth = LIMITS.documentNestingDepth.value;
  // The `_id` index counts too.
  const maxIndexCalls = LIMITS.indexesPerCollection.value - 1;
  let indexCalls = 0;
  let depth = 0;
  let lowest = 0;
  let last = Last.Operand;
  let wordStart = 0;
  let wordEnd = 0;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    switch (kindOf(c)) {
      case Kind.Blank:
        i++;
        continue;
      case Kind.Ident: {
        wordStart = i;
        i++;
        while (i < n && isIdentPart(text.charCodeAt(i))) i++;
        wordEnd = i;
        last = Last.Word;
        const call = callAt(text, wordStart, wordEnd - wordStart);
        if (call !== Call.None) {
          if (mayPassLiteral(text, wordEnd)) return true;
          if (call === Call.Index && ++indexCalls > maxIndexCalls) return true;
        }
        if (idWord && isWriteCall(text, wordStart, wordEnd) && mayCall(text, wordEnd)) return true;
        if (keyAt()) pending = text.slice(wordStart, wordEnd);
        continue;
      }
      case Kind.Open:
        depth++;
        if (depth - lowest > maxDepth) return true;
        last = Last.Operand;
        keyAt();
        open.push(c);
        keys.push(undefined);
        keyPlace = true;
        i++;
        continue;
      case Kind.Close:
        depth--;
        if (depth < lowest) lowest = depth;
        last = Last.Value;
        closeBracket(c === RBRACE ? LBRACE : LBRACKET);
        i++;
        continue;
      case Kind.Paren:
        last = Last.Value;
        closeBracket(LPAREN);
        i++;
        continue;
      case Kind.Hash:
        if (python) {
          i = lineEnd(text, i);
          continue;
        }
        break;
      case Kind.Slash: {
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
        if (!python && (last === Last.Operand || (last === Last.Word && regexAfter(text, wordStart, wordEnd)))) {
          i = regexEnd(text, i);
          last = Last.Value;
          keyAt();
          continue;
        }
        break;
      }
      case Kind.Quote:
      case Kind.Backtick: {
        if (python && c === BACKTICK) break;
        const start = i;
        const triple = python && text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === c;
        if (triple) {
          const close = text.indexOf(c === QUOTE ? '"""' : "'''", i + 3);
          i = close < 0 ? n : close + 3;
        } else i = stringEnd(text, i, c);
        last = Last.Value;
        if (keyAt()) pending = stringValue(text, start, i, triple);
        continue;
      }
      case Kind.Digit:
      case Kind.Dot: {
        if (c === DOT && !isDigitAt(text, i + 1)) break;
        const end = numberEnd(text, i);
        if (end - i > SURE_NUMBER_LENGTH) return true;
        if (keyAt()) pending = text.slice(i, end);
        i = end;
        last = Last.Value;
        continue;
      }
      default:
        break;
    }
    // Any other character is a token of its own, after which `/` starts a regular expression.
    last = Last.Operand;
    if (c === COLON && pending !== undefined) {
      const top = keys.length - 1;
      const seen = (keys[top] ??= new Set());
      if (seen.has(pending)) return true;
      seen.add(pending);
    }
    keyAt();
    if (c === LPAREN) {
      open.push(c);
      keys.push(undefined);
    } else if (c === COMMA || c === SEMICOLON) keyPlace = true;
    i++;
  }
  return false;

  /** A closing bracket: it closes the innermost one when it fits; a key may follow it. */
  function closeBracket(opener: number): void {
    keyAt();
    if (open[open.length - 1] === opener) {
      open.pop();
      keys.pop();
    }
    keyPlace = true;
  }
}

/** The longest name of WRITE_CALLS (20 characters: a bit of a 32-bit number for each length). */
const MAX_WRITE_CALL = Math.max(...[...WRITE_CALLS].map((name) => name.length));
/** The lengths of the names of WRITE_CALLS (bit n: a name of n characters), and their first characters. */
const WRITE_CALL_LENGTHS = [...WRITE_CALLS].reduce((bits, name) => bits | (1 << name.length), 0);
const WRITE_CALL_FIRSTS = new Set([...WRITE_CALLS].map((name) => name.charCodeAt(0)));

/**
 * Whether the identifier from `start` to `end` names a call of WRITE_CALLS: its length and first
 * character are looked at before it is cut out of the text (most identifiers are no such name).
 */
function isWriteCall(text: string, start: number, end: number): boolean {
  const length = end - start;
  return length <= MAX_WRITE_CALL && ((WRITE_CALL_LENGTHS >>> length) & 1) === 1 && WRITE_CALL_FIRSTS.has(text.charCodeAt(start)) && WRITE_CALLS.has(text.slice(start, end));
}

/** Whether the identifier that ends at `k` may be called: `(` after blanks, or a comment or type arguments that may hide one. */
function mayCall(text: string, k: number): boolean {
  const c = text.charCodeAt(skipBlanks(text, k));
  return c === LPAREN || c === SLASH || c === HASH || c === LESS;
}

function isHexAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  const l = c | 0x20;
  return (c >= 0x30 && c <= 0x39) || (l >= 0x61 && l <= 0x66) || c === 0x5f;
}

function digitsEnd(text: string, i: number, underscores: boolean): number {
  for (;;) {
    const c = text.charCodeAt(i);
    if ((c >= 0x30 && c <= 0x39) || (underscores && c === 0x5f)) i++;
    else return i;
  }
}

/**
 * The end of the number at `i` (a digit, or a `.` before one), as the lexer's pattern
 * `(?:0[xX][\da-fA-F_]+|\d[\d_]*(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)n?` matches it
 * (a regular expression here would make this pass many times slower to compile).
 */
function numberEnd(text: string, i: number): number {
  let j: number;
  if (text.charCodeAt(i) === 0x30 && (text.charCodeAt(i + 1) | 0x20) === 0x78 && isHexAt(text, i + 2)) {
    j = i + 3;
    while (isHexAt(text, j)) j++;
  } else {
    j = text.charCodeAt(i) === DOT ? i : digitsEnd(text, i + 1, true);
    if (text.charCodeAt(j) === DOT) j = digitsEnd(text, j + 1, false);
    if ((text.charCodeAt(j) | 0x20) === 0x65) {
      let k = j + 1;
      const sign = text.charCodeAt(k);
      if (sign === 0x2b || sign === 0x2d) k++;
      if (isDigitAt(text, k)) j = digitsEnd(text, k + 1, false);
    }
  }
  return text.charCodeAt(j) === 0x6e ? j + 1 : j;
}

function isDigitAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0x30 && c <= 0x39;
}

function regexAfter(text: string, start: number, end: number): boolean {
  const length = end - start;
  return length >= REGEX_AFTER_MIN && length <= REGEX_AFTER_MAX && REGEX_AFTER.has(text.slice(start, end));
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
