/**
 * Shell scripts: words made of unquoted, '…', "…" and $'…' parts are decoded as the shell reads them,
 * `NAME=value` words give the key, `$VAR` and `${VAR}` stay as placeholders and `$(cmd)` and
 * `` `cmd` `` read as `${cmd}`. Comments and heredoc bodies are searched for mentions.
 */
import { EmbeddedValue, HostSyntax } from '../api';
import { DecodedBuilder, DecodedText, indexOfIn, lineEnd, nextLine, subDecoded } from './decoded';
import { emitString, mayMentionMongo } from './detect';
import { classifyKeyPath } from './keys';
import { findUriTokens } from './plainText';
import { AMPERSAND, APOSTROPHE, BACKSLASH, BACKTICK, CARRIAGE_RETURN, DOLLAR, GREATER_THAN, HASH, LEFT_BRACE, LEFT_PAREN, LESS_THAN, LINE_FEED, PIPE, QUOTE, RIGHT_PAREN, SEMICOLON, SPACE, TAB } from '../lex/chars';

const ANSI_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"' };

function isWordEnd(c: number): boolean {
  return c === SPACE || c === TAB || c === LINE_FEED || c === CARRIAGE_RETURN || c === SEMICOLON || c === AMPERSAND || c === PIPE || c === LEFT_PAREN || c === RIGHT_PAREN || c === LESS_THAN || c === GREATER_THAN;
}

/** Below this offset, a search for a closing bracket has already failed: do not search again. */
let failedUntil = -1;

/** Offset of the `)` closing the `(` at `open`, quotes skipped, or -1. Bounded. */
function closingParen(text: string, open: number, close: number): number {
  if (open < failedUntil) return -1;
  let depth = 0;
  const limit = Math.min(text.length, open + 4096);
  for (let i = open; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) i++;
    else if (c === APOSTROPHE) {
      for (i++; i < limit && text.charCodeAt(i) !== APOSTROPHE; i++);
    } else if (c === text.charCodeAt(open)) depth++;
    else if (c === close && --depth === 0) return i;
  }
  failedUntil = limit;
  return -1;
}

/** Where a word's parts start (in decoded characters) and in which syntax, for one decoding. */
type SyntaxMarks = Array<[number, HostSyntax]>;

/**
 * The decoding under way in readWord (none while only looking for a word's end): the builder, the
 * syntax marks, and the run of characters taken as they are that is not appended yet.
 */
let builder: DecodedBuilder | undefined;
let marks: SyntaxMarks = [];
let runFrom = -1;
let runTo = -1;

function flushRaw(): void {
  if (runFrom >= 0) {
    builder!.raw(runFrom, runTo);
    runFrom = -1;
  }
}

function raw(from: number, to: number): void {
  if (!builder || from >= to) return;
  if (runFrom >= 0 && runTo === from) {
    runTo = to;
    return;
  }
  flushRaw();
  runFrom = from;
  runTo = to;
}

function char(s: string, from: number, to: number): void {
  if (!builder) return;
  flushRaw();
  builder.char(s, from, to);
}

function mark(s: HostSyntax): void {
  if (!builder) return;
  flushRaw();
  marks.push([builder.size, s]);
}

/**
 * Reads the word at i and returns where it ends. With a builder, decodes it (a run of characters taken
 * as they are is appended at once) and records in `syntaxAt` where each part starts and its syntax.
 */
function readWord(text: string, i: number, b?: DecodedBuilder, syntaxAt?: SyntaxMarks): number {
  builder = b;
  marks = syntaxAt ?? marks;
  runFrom = -1;
  let double = false;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (!double && isWordEnd(c)) break;
    if (c === APOSTROPHE /* ' */ && !double) {
      const close = text.indexOf("'", i + 1);
      const e = close < 0 ? text.length : close;
      mark('shell-single');
      raw(i + 1, e);
      i = e + 1;
      mark('shell-unquoted');
      continue;
    }
    if (c === DOLLAR /* $ */ && text.charCodeAt(i + 1) === APOSTROPHE && !double) {
      // $'…' with C escapes
      let k = i + 2;
      mark('shell-ansi');
      while (k < text.length && text.charCodeAt(k) !== APOSTROPHE) {
        if (text.charCodeAt(k) === BACKSLASH && ANSI_ESCAPES[text[k + 1]] !== undefined) {
          char(ANSI_ESCAPES[text[k + 1]], k, k + 2);
          k += 2;
        } else {
          raw(k, k + 1);
          k++;
        }
      }
      i = k + 1;
      mark('shell-unquoted');
      continue;
    }
    if (c === QUOTE /* " */) {
      double = !double;
      mark(double ? 'shell-double' : 'shell-unquoted');
      i++;
      continue;
    }
    if (c === BACKSLASH /* \ */) {
      const e = text.charCodeAt(i + 1);
      if (e === LINE_FEED) {
        i += 2; // line continuation
      } else if (!double || e === DOLLAR || e === BACKTICK || e === QUOTE || e === BACKSLASH) {
        if (i + 1 < text.length) char(text[i + 1], i, i + 2);
        i += 2;
      } else {
        raw(i, i + 1);
        i++;
      }
      continue;
    }
    if ((c === DOLLAR && text.charCodeAt(i + 1) === LEFT_PAREN) || c === BACKTICK) {
      // $(cmd) and `cmd` stand for text filled in later: ${cmd}
      const close = c === BACKTICK ? text.indexOf('`', i + 1) : closingParen(text, i + 1, 0x29);
      if (close > 0) {
        const inner = c === BACKTICK ? i + 1 : i + 2;
        const brace = c === BACKTICK ? i : i + 1;
        char('$', i, i + 1);
        char('{', brace, brace + 1);
        raw(inner, close);
        char('}', close, close + 1);
        i = close + 1;
        continue;
      }
    }
    if (c === DOLLAR && text.charCodeAt(i + 1) === LEFT_BRACE) {
      const close = closingParen(text, i + 1, 0x7d);
      if (close > 0) {
        raw(i, close + 1);
        i = close + 1;
        continue;
      }
    }
    if (builder) raw(i, i + 1);
    i++;
  }
  if (builder) flushRaw();
  builder = undefined;
  return i;
}

const ASSIGNMENT = /^(-{0,2}[A-Za-z_][A-Za-z0-9_.-]*)=/;

export function extractShell(text: string): EmbeddedValue[] {
  const out: EmbeddedValue[] = [];
  const mentions = (from: number, to: number, comment = false) => {
    for (const [a, b] of findUriTokens(text, from, to)) out.push({ kind: 'uri', text: text.slice(a, b), start: a, syntax: 'raw', ...(comment ? { comment } : {}) });
  };
  const heredocs: Array<{ id: string; strip: boolean }> = [];
  failedUntil = -1;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === LINE_FEED && heredocs.length > 0) {
      i++;
      for (const h of heredocs) {
        const from = i;
        let closed = false;
        while (i < text.length) {
          const e = lineEnd(text, i);
          const line = text.slice(i, e);
          if ((h.strip ? line.replace(/^\t+/, '') : line) === h.id) {
            mentions(from, i);
            i = e;
            closed = true;
            break;
          }
          i = nextLine(text, e);
        }
        // A body without its terminator runs to the end (a terminator on the last line is no such body).
        if (!closed) mentions(from, text.length);
      }
      heredocs.length = 0;
      continue;
    }
    if (isWordEnd(c)) {
      if (c === LESS_THAN && text.charCodeAt(i + 1) === LESS_THAN && text.charCodeAt(i + 2) !== LESS_THAN) {
        const m = /^<<(-?)\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\2/.exec(text.slice(i, i + 80));
        if (m) {
          heredocs.push({ id: m[3], strip: m[1] === '-' });
          i += m[0].length;
          continue;
        }
      }
      i++;
      continue;
    }
    if (c === HASH /* # */) {
      const e = lineEnd(text, i);
      mentions(i, e, true);
      i = e;
      continue;
    }
    const end = readWord(text, i);
    if (mayMentionMongo(text, i, end) || keyMatters(text, i, end)) {
      const b = new DecodedBuilder(text, i);
      const syntaxAt: SyntaxMarks = [];
      readWord(text, i, b, syntaxAt);
      const d = b.finish(b.size > 0 ? b.lastEnd : end);
      emitWord(out, d, syntaxAt);
    }
    i = Math.max(end, i + 1);
  }
  return out;
}

/** True when the word text[from, end) starts with `NAME=` and NAME says what its value is. */
function keyMatters(text: string, from: number, end: number): boolean {
  const eq = indexOfIn(text, 0x3d, from, Math.min(end, from + 128));
  if (eq < 0) return false;
  const assignment = ASSIGNMENT.exec(text.slice(from, eq + 1));
  return assignment !== null && classifyKeyPath([assignment[1].replace(/^-+/, '')]) !== undefined;
}

function syntaxAtOffset(syntaxAt: SyntaxMarks, k: number): HostSyntax {
  let s: HostSyntax = 'shell-unquoted';
  for (const [at, syntax] of syntaxAt) {
    if (at > k) break;
    s = syntax;
  }
  return s;
}

function emitWord(out: EmbeddedValue[], d: DecodedText, syntaxAt: SyntaxMarks): void {
  const m = ASSIGNMENT.exec(d.text.length > 128 ? d.text.slice(0, 128) : d.text);
  if (m) {
    const k = m[0].length;
    emitString(out, subDecoded(d, k, d.text.length), syntaxAtOffset(syntaxAt, k), { path: [m[1].replace(/^-+/, '')] });
    return;
  }
  emitString(out, d, syntaxAtOffset(syntaxAt, 0), {});
}
