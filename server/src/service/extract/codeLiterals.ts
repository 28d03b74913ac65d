/**
 * The string literal syntaxes of each language: which prefixes and quotes open a literal and how its
 * body is read (see codeBodies.ts). Each decodes escapes with an exact offset map and keeps
 * interpolations as `${…}` placeholders (JS templates and Kotlin as written; Python f-strings and C#
 * `$"…"` `{x}`, Ruby `#{x}` and PHP `{$x}` rewritten to `${x}`), so the core treats them as opaque.
 */
import { HostSyntax } from '../api';
import { Literal, LiteralReader } from './codeEscapes';
import { readTextBlock, trimRawLines } from './codeBlocks';
import { BodyOptions, multi, readBody, scanBody, single } from './codeBodies';
import { APOSTROPHE, AT, BACKTICK, DOLLAR, LOWER_B, LOWER_F, LOWER_R, LOWER_T, LOWER_U, QUOTE } from '../lex/chars';

export type { Literal, LiteralReader } from './codeEscapes';

/** What the last call of a `LiteralSyntax.end` found besides the end. */
export const literalScan = {
  /** A character literal: never a value. */
  ignore: false,
  /** The literal has a backslash (its decoded text may differ from its source in more than quotes). */
  backslash: false,
};

/** The string literals of one language. */
export interface LiteralSyntax {
  /** The literal starting at i, decoded; undefined when none starts there. */
  read: LiteralReader;
  /**
   * The offset just after the literal starting at i, or -1 when none starts there: what `read` finds,
   * without decoding, leaving the readers' state as `read` does. Sets `literalScan`.
   */
  end(text: string, i: number): number;
}

/** What an opener function found: where the body starts, how it is read, or a reader of a whole special literal. */
let openFrom = 0;
let openSyntax: HostSyntax = 'js-double';
let openBody: BodyOptions = { close: '"', escapes: 'c', interpolation: 'none', multiline: false };
let openIgnore = false;
let openSpecial: ((text: string, i: number) => Literal) | undefined;

/** Tells whether a literal starts at i; when it does, sets the open* variables. */
type Opener = (text: string, i: number) => boolean;

function opened(from: number, syntax: HostSyntax, o: BodyOptions, ignore = false): boolean {
  openFrom = from;
  openSyntax = syntax;
  openBody = o;
  openIgnore = ignore;
  openSpecial = undefined;
  return true;
}

function special(reader: (text: string, i: number) => Literal): boolean {
  openSpecial = reader;
  openIgnore = false;
  return true;
}

function literalSyntax(open: Opener): LiteralSyntax {
  return {
    read: (text, i) => {
      if (!open(text, i)) return undefined;
      if (openSpecial) return openSpecial(text, i);
      const body = readBody(text, openFrom, openBody);
      const lit: Literal = { start: i, end: body.end, d: body.d, syntax: openSyntax };
      if (openIgnore) lit.ignore = true;
      return lit;
    },
    end: (text, i) => {
      if (!open(text, i)) return -1;
      literalScan.ignore = openIgnore;
      if (openSpecial) {
        literalScan.backslash = true;
        return openSpecial(text, i).end;
      }
      literalScan.backslash = false;
      return scanBody(text, openFrom, openBody, literalScan);
    },
  };
}

const SINGLE_QUOTE = single("'");
const DOUBLE_QUOTE = single('"');
const JS_TEMPLATE = multi('`', 'c', 'dollar');

export const jsLiterals = literalSyntax((text, i) => {
  const c = text.charCodeAt(i);
  if (c === APOSTROPHE) return opened(i + 1, 'js-single', SINGLE_QUOTE);
  if (c === QUOTE) return opened(i + 1, 'js-double', DOUBLE_QUOTE);
  if (c === BACKTICK) return opened(i + 1, 'js-template', JS_TEMPLATE);
  return false;
});

/** Python bodies by quote (bit 0: double), triple quotes (bit 1), raw (bit 2) and f-string (bit 3). */
const PYTHON_BODIES: BodyOptions[] = [];
for (let k = 0; k < 16; k++) {
  const q = k & 1 ? '"' : "'";
  const triple = (k & 2) !== 0;
  PYTHON_BODIES.push({ close: triple ? q + q + q : q, escapes: k & 4 ? 'raw-quote' : 'c', interpolation: k & 8 ? 'brace' : 'none', multiline: triple });
}

export const pythonLiterals = literalSyntax((text, i) => {
  let j = i;
  let raw = false;
  let f = false;
  while (j - i < 3) {
    const c = text.charCodeAt(j) | 0x20;
    if (c === LOWER_R /* r */) raw = true;
    else if (c === LOWER_F /* f */ || c === LOWER_T /* t */) f = true;
    else if (!(c === LOWER_B /* b */ || c === LOWER_U /* u */)) break;
    j++;
  }
  const q = text.charCodeAt(j);
  if ((q !== QUOTE && q !== APOSTROPHE) || j - i > 2) return false;
  const triple = text.charCodeAt(j + 1) === q && text.charCodeAt(j + 2) === q;
  const o = PYTHON_BODIES[(q === QUOTE ? 1 : 0) | (triple ? 2 : 0) | (raw ? 4 : 0) | (f ? 8 : 0)];
  const syntax: HostSyntax = raw ? 'python-raw' : f ? (q === QUOTE ? 'python-f-double' : 'python-f-single') : q === QUOTE ? 'python-double' : 'python-single';
  return opened(j + o.close.length, syntax, o);
});

const GO_RAW = multi('`', 'none');

export const goLiterals = literalSyntax((text, i) => {
  const c = text.charCodeAt(i);
  if (c === QUOTE) return opened(i + 1, 'go-double', DOUBLE_QUOTE);
  if (c === BACKTICK) return opened(i + 1, 'go-raw', GO_RAW);
  if (c === APOSTROPHE) return opened(i + 1, 'go-double', SINGLE_QUOTE, true);
  return false;
});

export const javaLiterals = literalSyntax((text, i) => {
  const c = text.charCodeAt(i);
  if (c === QUOTE && text.startsWith('"""', i)) return special(readTextBlock);
  if (c === QUOTE) return opened(i + 1, 'java-double', DOUBLE_QUOTE);
  if (c === APOSTROPHE) return opened(i + 1, 'java-double', SINGLE_QUOTE, true);
  return false;
});

const KOTLIN_RAW = multi('"""', 'none', 'dollar');
const KOTLIN_DOUBLE = single('"', 'c', 'dollar');

export const kotlinLiterals = literalSyntax((text, i) => {
  const c = text.charCodeAt(i);
  if (c === QUOTE && text.startsWith('"""', i)) return opened(i + 3, 'kotlin-raw', KOTLIN_RAW);
  if (c === QUOTE) return opened(i + 1, 'kotlin-double', KOTLIN_DOUBLE);
  if (c === APOSTROPHE) return opened(i + 1, 'kotlin-double', SINGLE_QUOTE, true);
  return false;
});

const CSHARP_VERBATIM = { ...multi('"', 'none', 'none'), doubledQuote: true };
const CSHARP_VERBATIM_INTERPOLATED = { ...multi('"', 'none', 'brace'), doubledQuote: true };
const CSHARP_INTERPOLATED = single('"', 'c', 'brace');

/** A C# raw string whose opening quotes end at q (after `dollars` dollar signs from i). */
function csharpRaw(text: string, i: number): Literal {
  let j = i;
  let dollars = 0;
  while (text.charCodeAt(j) === DOLLAR) {
    dollars++;
    j++;
  }
  let q = j;
  while (text.charCodeAt(q) === QUOTE) q++;
  const close = '"'.repeat(q - j);
  const body = readBody(text, q, multi(close, 'none', dollars === 1 ? 'brace' : 'none'));
  return trimRawLines({ start: i, end: body.end, d: body.d, syntax: 'csharp-raw' });
}

export const csharpLiterals = literalSyntax((text, i) => {
  let j = i;
  let dollars = 0;
  let verbatim = false;
  while (j - i < 4) {
    const c = text.charCodeAt(j);
    if (c === DOLLAR) dollars++;
    else if (c === AT && !verbatim) verbatim = true;
    else break;
    j++;
  }
  const c = text.charCodeAt(j);
  if (c === APOSTROPHE && j === i) return opened(i + 1, 'csharp-regular', SINGLE_QUOTE, true);
  if (c !== QUOTE) return false;
  // A raw string has no `@`, so its dollar signs run from i to j.
  if (!verbatim && text.startsWith('"""', j)) return special(csharpRaw);
  if (verbatim) return opened(j + 1, dollars ? 'csharp-verbatim-interpolated' : 'csharp-verbatim', dollars ? CSHARP_VERBATIM_INTERPOLATED : CSHARP_VERBATIM);
  return opened(j + 1, dollars ? 'csharp-interpolated' : 'csharp-regular', dollars ? CSHARP_INTERPOLATED : DOUBLE_QUOTE);
});

const RUBY_SINGLE = multi("'", 'single');
const RUBY_DOUBLE = multi('"', 'c', 'hash');

export const rubyLiterals = literalSyntax((text, i) => {
  const c = text.charCodeAt(i);
  if (c === APOSTROPHE) return opened(i + 1, 'ruby-single', RUBY_SINGLE);
  if (c === QUOTE) return opened(i + 1, 'ruby-double', RUBY_DOUBLE);
  return false;
});

const PHP_DOUBLE = multi('"', 'c', 'php');

export const phpLiterals = literalSyntax((text, i) => {
  const c = text.charCodeAt(i);
  if (c === APOSTROPHE) return opened(i + 1, 'php-single', RUBY_SINGLE);
  if (c === QUOTE) return opened(i + 1, 'php-double', PHP_DOUBLE);
  return false;
});
