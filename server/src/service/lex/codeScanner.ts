/**
 * The lexer of source code that the whole-document analyzers share: JavaScript/TypeScript (and MongoDB
 * playgrounds), Python and HCL (Terraform). One forward pass over a CharStream gives tokens (comments
 * skipped) with their document spans, and `parseValue` reads the literal values of call arguments
 * (strings, numbers, arrays, objects). It is not a parser of any of these languages: anything else is
 * an opaque `other` value.
 */
import type { Token } from '../api';
import { CharStream } from './charStream';
import { APOSTROPHE, ASTERISK, BACKSLASH, BACKTICK, CARRIAGE_RETURN, DASH, DOLLAR, DOT, EQUALS, GREATER_THAN, HASH, LEFT_BRACE, LEFT_BRACKET, LESS_THAN, LINE_FEED, LOWER_A, LOWER_Z, PERCENT, QUOTE, RIGHT_BRACE, RIGHT_BRACKET, SLASH, SPACE, TAB, UNDERSCORE, isAsciiLetter, isDigit } from './chars';
import { isIdentPart, isIdentStart } from './identifiers';

export type { Token, TokenKind, TokenList } from '../api';

/** The languages the lexer reads. */
export type Dialect = 'js' | 'python' | 'hcl';

interface DialectRules {
  /** `//` line comments. */
  lineComments: boolean;
  /** `#` line comments. */
  hashComments: boolean;
  /** `"""…"""` and `'''…'''` strings (Python). */
  tripleQuotes: boolean;
  /** `/…/` regular expression literals. */
  regex: boolean;
  /** The characters that open a string. */
  quotes: readonly number[];
  /** `<<EOF` / `<<-EOF` heredocs (HCL). */
  heredocs: boolean;
  /** Operators of two characters read as one token, besides `=>` and `...`. */
  comparisons: boolean;
  identStart: (c: number) => boolean;
  identPart: (c: number) => boolean;
}

/** Identifier characters, except that U+0080–U+00BF (the no-break space, Latin-1 signs) take no part in one here. */
const jsIdentStart = (c: number) => isIdentStart(c) && (c < 0x80 || c >= 0xc0);
const jsIdentPart = (c: number) => isIdentPart(c) && (c < 0x80 || c >= 0xc0);
/** HCL identifiers: ASCII letters and `_`, then also digits and `-`. */
const hclIdentStart = (c: number) => isAsciiLetter(c) || c === UNDERSCORE;
const hclIdentPart = (c: number) => hclIdentStart(c) || isDigit(c) || c === DASH;

const DIALECTS: Record<Dialect, DialectRules> = {
  js: { lineComments: true, hashComments: false, tripleQuotes: false, regex: true, quotes: [QUOTE, APOSTROPHE, BACKTICK], heredocs: false, comparisons: false, identStart: jsIdentStart, identPart: jsIdentPart },
  python: { lineComments: false, hashComments: true, tripleQuotes: true, regex: false, quotes: [QUOTE, APOSTROPHE], heredocs: false, comparisons: false, identStart: jsIdentStart, identPart: jsIdentPart },
  hcl: { lineComments: true, hashComments: true, tripleQuotes: false, regex: false, quotes: [QUOTE], heredocs: true, comparisons: true, identStart: hclIdentStart, identPart: hclIdentPart },
};

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', '0': '\0' };
const HCL_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t' };

/** Words after which a `/` starts a regular expression rather than a division. */
const REGEX_AFTER = new Set(['return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'void', 'yield', 'await', 'delete', 'throw', 'new']);

/** Tokens that may end an expression: after them, `/` divides; elsewhere it starts a regex. */
function endsExpression(t: Token | undefined): boolean {
  if (!t) return false;
  if (t.kind === 'punct') return t.text === ')' || t.text === ']' || t.text === '}';
  return !(t.kind === 'ident' && REGEX_AFTER.has(t.text));
}

export interface ScanOptions {
  /** Offset to start at (default 0). */
  from?: number;
  /** Offset to stop at (default: the end of the text). */
  to?: number;
  /** Stop once the bracket opened by the first token is closed: reads one argument list, not the file. */
  untilBalanced?: boolean;
  /** The language (default JavaScript). */
  dialect?: Dialect;
}

/** One forward pass over the text. */
export function scanTokens(text: string, options: ScanOptions = {}): Token[] {
  return new Lexer(text, options).run();
}

const TWO_CHAR_COMPARISONS = new Set(['==', '!=', '<=', '>=']);

class Lexer {
  private readonly s: CharStream;
  private readonly rules: DialectRules;
  private readonly tokens: Token[] = [];
  private line = 0;
  private depth = 0;

  constructor(
    private readonly text: string,
    private readonly options: ScanOptions,
  ) {
    this.s = new CharStream(text, options.from ?? 0, Math.min(options.to ?? text.length, text.length));
    this.rules = DIALECTS[options.dialect ?? 'js'];
  }

  run(): Token[] {
    const { s, rules, tokens } = this;
    while (!s.eos()) {
      if (this.options.untilBalanced && this.depth === 0 && tokens.length > 0) break;
      const c = s.peek();
      if (c === LINE_FEED) {
        this.line++;
        s.advance(1);
      } else if (c === SPACE || c === TAB || c === CARRIAGE_RETURN || c === 0xfeff) s.advance(1);
      else if ((rules.hashComments && c === HASH) || (rules.lineComments && c === SLASH && s.peek(1) === SLASH)) s.advanceToLineEnd();
      else if (c === SLASH && s.peek(1) === ASTERISK) this.skipped(() => s.advancePast('*/'));
      else if (!this.literal(c)) this.punct(c);
    }
    return tokens;
  }

  /** Skips what `move` moves over, counting its lines. */
  private skipped(move: () => void): void {
    const from = this.s.pos;
    move();
    this.line += this.s.linesIn(from, this.s.pos);
  }

  private push(kind: Token['kind'], start: number, end: number, text: string, offsets?: number[]): void {
    const token: Token = { kind, start, end, text, line: this.line };
    if (offsets) token.offsets = offsets;
    this.tokens.push(token);
    this.line += this.s.linesIn(start, end);
    this.s.pos = end;
  }

  /** A string, number, identifier, regular expression or heredoc at the current character. */
  private literal(c: number): boolean {
    const { s, rules, text } = this;
    const start = s.pos;
    if (rules.tripleQuotes && (c === QUOTE || c === APOSTROPHE) && s.peek(1) === c && s.peek(2) === c) {
      const quote = String.fromCharCode(c).repeat(3);
      const close = text.indexOf(quote, start + 3);
      const end = close < 0 || close + 3 > s.end ? s.end : close + 3;
      this.push('string', start, end, text.slice(start + 3, Math.max(start + 3, end - 3)));
      return true;
    }
    if (rules.quotes.includes(c)) {
      if (this.options.dialect === 'hcl') {
        const r = readHclString(text, start);
        this.push(r.template ? 'template' : 'string', start, r.end, r.value, r.offsets);
      } else {
        const r = readString(text, start);
        this.push(r.hasExpr ? 'template' : 'string', start, r.end, r.value);
      }
      return true;
    }
    if (isDigit(c) || (c === DOT && isDigit(s.peek(1)))) {
      const m = /^(?:0[xXoObB][\da-fA-F_]+|\d[\d_]*(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)n?/.exec(text.slice(start, start + 64));
      const end = start + (m ? m[0].length : 1);
      this.push('number', start, end, text.slice(start, end));
      return true;
    }
    if (rules.identStart(c)) {
      s.advance(1);
      s.advanceWhile(rules.identPart);
      this.push('ident', start, s.pos, text.slice(start, s.pos));
      return true;
    }
    if (rules.regex && c === SLASH && !endsExpression(this.tokens[this.tokens.length - 1])) {
      this.push('regex', start, regexEnd(s), text.slice(start, s.pos));
      return true;
    }
    if (rules.heredocs && c === LESS_THAN && s.peek(1) === LESS_THAN) {
      const end = heredocEnd(text, start);
      if (end < 0) return false;
      this.push('heredoc', start, end, '');
      return true;
    }
    return false;
  }

  private punct(c: number): void {
    const { s, text } = this;
    const start = s.pos;
    let len = 1;
    if (c === DOT && s.peek(1) === DOT && s.peek(2) === DOT) len = 3;
    else if (c === EQUALS && s.peek(1) === GREATER_THAN) len = 2;
    else if (this.rules.comparisons && TWO_CHAR_COMPARISONS.has(text.slice(start, start + 2))) len = 2;
    const punct = len === 1 ? (PUNCTS[c] ??= String.fromCharCode(c)) : text.slice(start, start + len);
    if (OPENERS[punct]) this.depth++;
    else if (CLOSERS.has(punct)) this.depth--;
    this.tokens.push({ kind: 'punct', start, end: start + len, text: punct, line: this.line });
    s.advance(len);
  }
}

const PUNCTS: Array<string | undefined> = [];

/** Closing brackets, and the closer of each opening one. */
export const CLOSERS: ReadonlySet<string> = new Set([')', ']', '}']);
export const OPENERS: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };

/** Moves over a regular expression literal (at its `/`), flags included; returns its end. */
function regexEnd(s: CharStream): number {
  s.advance(1);
  let inClass = false;
  while (!s.eos() && s.peek() !== LINE_FEED) {
    const d = s.peek();
    if (d === BACKSLASH) s.advance(1);
    else if (d === LEFT_BRACKET) inClass = true;
    else if (d === RIGHT_BRACKET) inClass = false;
    else if (d === SLASH && !inClass) break;
    s.advance(1);
  }
  s.advance(1);
  s.advanceWhile((f) => f >= LOWER_A && f <= LOWER_Z);
  return s.pos;
}

/** Reads a quoted string starting at `i` (the quote); returns its decoded value and end. */
function readString(text: string, i: number): { value: string; end: number; hasExpr: boolean } {
  const quote = text.charCodeAt(i);
  let value = '';
  let hasExpr = false;
  let j = i + 1;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === quote) return { value, end: j + 1, hasExpr };
    if (c === BACKSLASH) {
      const e = text[j + 1] ?? '';
      value += SIMPLE_ESCAPES[e] ?? (e === '\n' ? '' : e);
      j += 2;
      continue;
    }
    if (quote !== BACKTICK && c === LINE_FEED) break; // unterminated
    if (quote === BACKTICK && c === DOLLAR && text.charCodeAt(j + 1) === LEFT_BRACE) {
      hasExpr = true;
      j = templateEnd(text, j + 1, false);
      continue;
    }
    value += text[j];
    j++;
  }
  return { value, end: Math.min(j, text.length), hasExpr };
}

/** Just past the `}` that closes the `{` at `open` (nested braces counted); within the line when `inLine`. */
function templateEnd(text: string, open: number, inLine: boolean): number {
  let depth = 0;
  let j = open;
  for (; j < text.length; j++) {
    const d = text.charCodeAt(j);
    if (inLine && d === LINE_FEED) return j + 1;
    if (d === LEFT_BRACE) depth++;
    else if (d === RIGHT_BRACE && --depth === 0) break;
  }
  return j + 1;
}

/**
 * An HCL string at `i` (the `"`): its decoded value with the document offset of each decoded character
 * and one past the end; `template` when it holds a `${…}` or `%{…}` (then it is no literal name).
 * Strings end at their line.
 */
function readHclString(text: string, i: number): { value: string; offsets: number[]; template: boolean; end: number } {
  let value = '';
  const offsets: number[] = [];
  let template = false;
  let j = i + 1;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === QUOTE) break;
    if (c === LINE_FEED) {
      offsets.push(j);
      return { value, offsets, template, end: j };
    }
    if (c === BACKSLASH) {
      const e = text[j + 1] ?? '';
      value += HCL_ESCAPES[e] ?? e;
      offsets.push(j);
      j += 2;
      continue;
    }
    if ((c === DOLLAR || c === PERCENT) && text.charCodeAt(j + 1) === LEFT_BRACE && text.charCodeAt(j - 1) !== c) {
      template = true;
      j = templateEnd(text, j + 1, true);
      continue;
    }
    value += text[j];
    offsets.push(j);
    j++;
  }
  offsets.push(j);
  return { value, offsets, template, end: Math.min(j + 1, text.length) };
}

/** The end of the heredoc `<<EOF` / `<<-EOF` at `i`: the end of the line that holds its marker alone; -1 when it is none. */
function heredocEnd(text: string, i: number): number {
  const m = /^<<-?([A-Za-z_][A-Za-z0-9_]*)/.exec(text.slice(i, i + 80));
  if (!m) return -1;
  const lineEnd = (k: number) => {
    const n = text.indexOf('\n', k);
    return n < 0 ? text.length : n;
  };
  let k = lineEnd(i) + 1;
  while (k < text.length) {
    const e = lineEnd(k);
    if (text.slice(k, e).trim() === m[1]) break;
    k = e + 1;
  }
  return lineEnd(Math.min(k, text.length));
}
