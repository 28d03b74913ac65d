/**
 * Readers of YAML flow scalars that keep the document offset of every decoded character:
 * double-quoted (escapes, folding, escaped line breaks), single-quoted (`''`, folding) and plain
 * (multi-line folding); block scalars are read in yamlBlockScalars.ts. Each runs forward once.
 */
import {
  APOSTROPHE, BACKSLASH, CARRIAGE_RETURN, COLON, COMMA, DASH, DOLLAR, DOT, HASH, LEFT_BRACE, LEFT_BRACKET,
  LINE_FEED, QUOTE, RIGHT_BRACE, RIGHT_BRACKET, SPACE, TAB,
} from '../lex/chars';
import { DecodedBuilder, DecodedText, fromCodePoint, hexValue, isSpace, lineEnd, nextLine, verbatim } from './decoded';
import { placeholderEnd } from './plainText';

/**
 * Whether a plain scalar in block context stops before the non-empty line starting at `line`, with its
 * first non-blank at `s` and its end at `le` (a key or a sequence item starts there).
 */
export type StopAt = (line: number, s: number, le: number) => boolean;

export interface Scalar {
  d: DecodedText;
  /** Document offset just after the scalar (after the closing quote). */
  end: number;
  /** Where a comment after the scalar starts on its last line, if any. */
  comment?: number;
}

const DOUBLE_ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ',
  '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};
const HEX_ESCAPE_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

/** Offset of the first non-blank character (not a space or tab) at or after `line`. */
export function firstNonBlank(text: string, line: number): number {
  let i = line;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** True at a `---` or `...` document marker. */
export function isDocumentMarker(text: string, line: number): boolean {
  const c = text.charCodeAt(line);
  if (c !== DASH && c !== DOT) return false;
  if (text.charCodeAt(line + 1) !== c || text.charCodeAt(line + 2) !== c) return false;
  const after = text.charCodeAt(line + 3);
  return Number.isNaN(after) || after === SPACE || after === TAB || after === LINE_FEED || after === CARRIAGE_RETURN;
}

/**
 * Skips a line break at `i` and the empty lines after it; returns the offset of the next line's first
 * non-blank character and the number of empty lines, or undefined when the scalar cannot go on there
 * (end of text, a document marker, or a line not indented more than `parentIndent`).
 */
function skipLineFold(text: string, i: number, parentIndent: number): { next: number; empties: number } | undefined {
  let empties = 0;
  let line = nextLine(text, i);
  for (;;) {
    if (line >= text.length) return undefined;
    const s = firstNonBlank(text, line);
    const le = lineEnd(text, s);
    if (s >= le) {
      empties++;
      line = nextLine(text, le);
      continue;
    }
    if (s - line <= parentIndent || isDocumentMarker(text, line)) return undefined;
    return { next: s, empties };
  }
}

/**
 * Offset of the closing quote of the quoted scalar opening at `open` when it is a verbatim slice of its
 * line (no escape, no doubled quote, no line break: most are), or -1.
 */
export function quotedVerbatimEnd(text: string, open: number): number {
  if (text.charCodeAt(open) === QUOTE) {
    for (let i = open + 1; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === QUOTE) return i;
      if (c === BACKSLASH || c === LINE_FEED || c === CARRIAGE_RETURN) return -1;
    }
    return -1;
  }
  for (let i = open + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === APOSTROPHE) return text.charCodeAt(i + 1) === APOSTROPHE ? -1 : i;
    if (c === LINE_FEED || c === CARRIAGE_RETURN) return -1;
  }
  return -1;
}

/**
 * Decodes the escape whose backslash is at `i` in a double-quoted scalar into `b`; returns the offset
 * after it, or -1 when it escapes a line break after which the scalar cannot go on (see skipLineFold).
 */
function readEscape(text: string, i: number, parentIndent: number, b: DecodedBuilder): number {
  const e = text[i + 1];
  if (e === '\n' || e === '\r') {
    // An escaped line break: the lines join without a space.
    const fold = skipLineFold(text, i + 1, parentIndent);
    return fold ? fold.next : -1;
  }
  if (e !== undefined && DOUBLE_ESCAPES[e] !== undefined) {
    b.char(DOUBLE_ESCAPES[e], i);
    return i + 2;
  }
  if (e !== undefined && HEX_ESCAPE_LENGTH[e] !== undefined) {
    const n = HEX_ESCAPE_LENGTH[e];
    const s = fromCodePoint(hexValue(text, i + 2, n));
    if (s !== undefined) {
      b.char(s, i);
      return i + 2 + n;
    }
    b.raw(i, i + 2);
    return i + 2;
  }
  b.raw(i, Math.min(i + 2, text.length));
  return i + 2;
}

/** Reads a quoted scalar opening at `open`; undefined when it is not closed. */
export function readQuoted(text: string, open: number, parentIndent: number): Scalar | undefined {
  const double = text.charCodeAt(open) === QUOTE;
  const close = quotedVerbatimEnd(text, open);
  if (close >= 0) return { d: verbatim(text, open + 1, close), end: close + 1 };
  const b = new DecodedBuilder(text, open + 1);
  let run = open + 1;
  let i = run;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (double && c === QUOTE) {
      b.raw(run, i);
      return { d: b.finish(i), end: i + 1 };
    }
    if (!double && c === APOSTROPHE) {
      if (text.charCodeAt(i + 1) !== APOSTROPHE) {
        b.raw(run, i);
        return { d: b.finish(i), end: i + 1 };
      }
      b.raw(run, i);
      b.char("'", i);
      i += 2;
      run = i;
      continue;
    }
    if (double && c === BACKSLASH) {
      b.raw(run, i);
      i = readEscape(text, i, parentIndent, b);
      if (i < 0) return undefined;
      run = i;
      continue;
    }
    if (c === LINE_FEED || c === CARRIAGE_RETURN) {
      // Folding: trailing blanks go, the line break becomes a space or the empty lines become \n.
      let e = i;
      while (e > run && isSpace(text.charCodeAt(e - 1))) e--;
      b.raw(run, e);
      const fold = skipLineFold(text, i, parentIndent);
      if (!fold) return undefined;
      if (fold.empties === 0) b.char(' ', i);
      else for (let k = 0; k < fold.empties; k++) b.char('\n', i);
      i = fold.next;
      run = i;
      continue;
    }
    i++;
  }
  return undefined;
}

/** Where the comment after the last plain line read by plainLineEnd starts, or -1. */
let plainComment = -1;

/**
 * End of the content of a plain scalar on one line (before ` #`, without trailing blanks); where its
 * comment starts goes to plainComment.
 */
function plainLineEnd(text: string, from: number, eol: number, inFlow: boolean): number {
  let i = from;
  while (i < eol) {
    const c = text.charCodeAt(i);
    if (c === HASH && i > from && isSpace(text.charCodeAt(i - 1))) break;
    if (c === LEFT_BRACE || c === DOLLAR) {
      const p = placeholderEnd(text, i, eol);
      if (p > 0) {
        i = p;
        continue;
      }
    }
    if (inFlow && (c === COMMA || c === LEFT_BRACKET || c === RIGHT_BRACKET || c === LEFT_BRACE || c === RIGHT_BRACE)) break;
    if (inFlow && c === COLON && (i + 1 >= eol || isSpace(text.charCodeAt(i + 1)) || text.charCodeAt(i + 1) === COMMA)) break;
    i++;
  }
  plainComment = i < eol && text.charCodeAt(i) === HASH ? i : -1;
  let end = i;
  while (end > from && isSpace(text.charCodeAt(end - 1))) end--;
  return end;
}

/**
 * True when the line after `eol` (after empty lines) goes on with a plain scalar in block context
 * (indented more than `parentIndent`, not a comment, a document marker or what `stopAt` ends it at).
 */
export function plainContinues(text: string, eol: number, parentIndent: number, stopAt: StopAt): boolean {
  let pos = nextLine(text, eol);
  while (pos < text.length) {
    const s = firstNonBlank(text, pos);
    const le = lineEnd(text, s);
    // stopAt first: it is asked about the line after the scalar, whether or not the scalar goes on there.
    if (s < le) return !(stopAt(pos, s, le) || s - pos <= parentIndent || text.charCodeAt(s) === HASH || isDocumentMarker(text, pos));
    pos = nextLine(text, le);
  }
  return false;
}

/** True when a comment ends the plain scalar from `from` on the line ending at `eol` (block context). */
export function hasPlainComment(text: string, from: number, eol: number): boolean {
  plainLineEnd(text, from, eol, false);
  return plainComment >= 0;
}

/** Where the comment after the plain scalar measured by plainOneLineEnd starts, or -1. */
export function lastPlainComment(): number {
  return plainComment;
}

/**
 * End of a plain scalar in block context from `start` (on a line ending at `eol`) when it is all on
 * that line (then lastPlainComment() tells where a comment after it starts), or -1 when it goes on
 * over the following lines (see readPlain).
 */
export function plainOneLineEnd(text: string, start: number, eol: number, parentIndent: number, stopAt: StopAt): number {
  const end = plainLineEnd(text, start, eol, false);
  if (plainComment >= 0) return end;
  return plainContinues(text, eol, parentIndent, stopAt) ? -1 : end;
}

/** End of a plain scalar in a flow collection from `start`, on a line ending at `eol` (it never goes on over a line break). */
export function flowPlainEnd(text: string, start: number, eol: number): number {
  return plainLineEnd(text, start, eol, true);
}

/**
 * Reads a plain scalar from `start`: the rest of the line and, in block context, the following lines
 * indented more than `parentIndent`, folded. `stopAt(lineStart, firstNonBlank, lineEnd)` ends it before a line
 * that starts something else (a key, a sequence item).
 */
export function readPlain(
  text: string,
  start: number,
  parentIndent: number,
  inFlow: boolean,
  stopAt: StopAt,
  eol = lineEnd(text, start),
): Scalar {
  const firstEnd = plainLineEnd(text, start, eol, inFlow);
  const firstComment = plainComment;
  if (inFlow || firstComment >= 0 || !plainContinues(text, eol, parentIndent, stopAt)) {
    const single: Scalar = { d: verbatim(text, start, firstEnd), end: firstEnd };
    if (firstComment >= 0) single.comment = firstComment;
    return single;
  }
  const b = new DecodedBuilder(text, start);
  b.raw(start, firstEnd);
  let last = firstEnd;
  let comment: number | undefined;
  let pos = nextLine(text, eol);
  let breaks = 0;
  while (pos < text.length) {
    const s = firstNonBlank(text, pos);
    const le = lineEnd(text, s);
    if (s >= le) {
      breaks++;
      pos = nextLine(text, le);
      continue;
    }
    if (s - pos <= parentIndent || text.charCodeAt(s) === HASH || isDocumentMarker(text, pos) || stopAt(pos, s, le)) break;
    const lineEndAt = plainLineEnd(text, s, le, false);
    const lineComment = plainComment;
    if (breaks === 0) b.char(' ', last);
    else for (let k = 0; k < breaks; k++) b.char('\n', last);
    b.raw(s, lineEndAt);
    last = lineEndAt;
    breaks = 0;
    pos = nextLine(text, le);
    if (lineComment >= 0) {
      comment = lineComment;
      break;
    }
  }
  return { d: b.finish(last), end: last, ...(comment !== undefined ? { comment } : {}) };
}
