/**
 * Shell words: a word made of unquoted, '…', "…" and $'…' parts, read as the shell reads it, either
 * only to find where it ends or decoded with the document offset of every character and the syntax
 * each part is written in. `$VAR` and `${VAR}` stay as placeholders; `$(cmd)` and `` `cmd` `` read as
 * `${cmd}`.
 */
import { HostSyntax } from '../api';
import { DecodedBuilder } from './decoded';
import { AMPERSAND, APOSTROPHE, BACKSLASH, BACKTICK, CARRIAGE_RETURN, DOLLAR, GREATER_THAN, LEFT_BRACE, LEFT_PAREN, LESS_THAN, LINE_FEED, PIPE, QUOTE, RIGHT_PAREN, SEMICOLON, SPACE, TAB } from '../lex/chars';

const ANSI_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"' };

/** True when `c` ends an unquoted word (a blank or an operator character). */
export function isWordEnd(c: number): boolean {
  return c === SPACE || c === TAB || c === LINE_FEED || c === CARRIAGE_RETURN || c === SEMICOLON || c === AMPERSAND || c === PIPE || c === LEFT_PAREN || c === RIGHT_PAREN || c === LESS_THAN || c === GREATER_THAN;
}

/** Where a word's parts start (in decoded characters) and in which syntax, for one decoding. */
export type SyntaxMarks = Array<[number, HostSyntax]>;

/** Reads the words of one document. */
export class ShellWords {
  /** Below this offset, a search for a closing bracket has already failed: do not search again. */
  private failedUntil = -1;
  /**
   * The decoding under way (none while only looking for a word's end): the builder, the syntax marks,
   * and the run of characters taken as they are that is not appended yet.
   */
  private builder: DecodedBuilder | undefined;
  private marks: SyntaxMarks = [];
  private runFrom = -1;
  private runTo = -1;

  constructor(private readonly text: string) {}

  /** Where the word at i ends. */
  end(i: number): number {
    this.builder = undefined;
    this.runFrom = -1;
    return this.read(i);
  }

  /**
   * Decodes the word at i into b (a run of characters taken as they are is appended at once), recording
   * in `syntaxAt` where each part starts and its syntax; returns where it ends.
   */
  decode(i: number, b: DecodedBuilder, syntaxAt: SyntaxMarks): number {
    this.builder = b;
    this.marks = syntaxAt;
    this.runFrom = -1;
    const end = this.read(i);
    this.flushRaw();
    this.builder = undefined;
    return end;
  }

  /** Reads the word at i, decoding it when there is a builder; returns where it ends. */
  private read(i: number): number {
    const text = this.text;
    let double = false;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (!double && isWordEnd(c)) break;
      let next = -1;
      if (c === APOSTROPHE && !double) {
        next = this.singleQuoted(i);
      } else if (c === DOLLAR && text.charCodeAt(i + 1) === APOSTROPHE && !double) {
        next = this.ansiQuoted(i);
      } else if (c === QUOTE) {
        double = !double;
        this.mark(double ? 'shell-double' : 'shell-unquoted');
        next = i + 1;
      } else if (c === BACKSLASH) {
        next = this.backslash(i, double);
      } else if (c === DOLLAR || c === BACKTICK) {
        next = this.substitution(i, c);
      }
      if (next < 0) {
        if (this.builder) this.raw(i, i + 1);
        next = i + 1;
      }
      i = next;
    }
    return i;
  }

  /** '…' at i: taken as it is; returns its end. */
  private singleQuoted(i: number): number {
    const close = this.text.indexOf("'", i + 1);
    const e = close < 0 ? this.text.length : close;
    this.mark('shell-single');
    this.raw(i + 1, e);
    this.mark('shell-unquoted');
    return e + 1;
  }

  /** $'…' at i, with C escapes; returns its end. */
  private ansiQuoted(i: number): number {
    const text = this.text;
    let k = i + 2;
    this.mark('shell-ansi');
    while (k < text.length && text.charCodeAt(k) !== APOSTROPHE) {
      if (text.charCodeAt(k) === BACKSLASH && ANSI_ESCAPES[text[k + 1]] !== undefined) {
        this.char(ANSI_ESCAPES[text[k + 1]], k, k + 2);
        k += 2;
      } else {
        this.raw(k, k + 1);
        k++;
      }
    }
    this.mark('shell-unquoted');
    return k + 1;
  }

  /** A backslash at i, unquoted or (`double`) in "…"; returns where the word goes on. */
  private backslash(i: number, double: boolean): number {
    const text = this.text;
    const e = text.charCodeAt(i + 1);
    if (e === LINE_FEED) return i + 2; // line continuation
    if (!double || e === DOLLAR || e === BACKTICK || e === QUOTE || e === BACKSLASH) {
      if (i + 1 < text.length) this.char(text[i + 1], i, i + 2);
      return i + 2;
    }
    this.raw(i, i + 1);
    return i + 1;
  }

  /**
   * `$(cmd)` or `` `cmd` `` at i (starting with `c`), which stand for text filled in later and read as
   * `${cmd}`, or `${VAR}`, kept as written; returns its end, or -1 when none is closed there.
   */
  private substitution(i: number, c: number): number {
    const text = this.text;
    const d = text.charCodeAt(i + 1);
    if ((c === DOLLAR && d === LEFT_PAREN) || c === BACKTICK) {
      const close = c === BACKTICK ? text.indexOf('`', i + 1) : this.closing(i + 1, 0x29);
      if (close > 0) {
        const inner = c === BACKTICK ? i + 1 : i + 2;
        const brace = c === BACKTICK ? i : i + 1;
        this.char('$', i, i + 1);
        this.char('{', brace, brace + 1);
        this.raw(inner, close);
        this.char('}', close, close + 1);
        return close + 1;
      }
    }
    if (c === DOLLAR && d === LEFT_BRACE) {
      const close = this.closing(i + 1, 0x7d);
      if (close > 0) {
        this.raw(i, close + 1);
        return close + 1;
      }
    }
    return -1;
  }

  /** Offset of the `close` closing the bracket at `open`, quotes skipped, or -1. Bounded. */
  private closing(open: number, close: number): number {
    if (open < this.failedUntil) return -1;
    const text = this.text;
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
    this.failedUntil = limit;
    return -1;
  }

  private flushRaw(): void {
    if (this.runFrom >= 0) {
      this.builder!.raw(this.runFrom, this.runTo);
      this.runFrom = -1;
    }
  }

  /** Takes document text [from, to) as it is (joined to the run before it when they touch). */
  private raw(from: number, to: number): void {
    if (!this.builder || from >= to) return;
    if (this.runFrom >= 0 && this.runTo === from) {
      this.runTo = to;
      return;
    }
    this.flushRaw();
    this.runFrom = from;
    this.runTo = to;
  }

  /** Appends `s`, the decoding of document text [from, to). */
  private char(s: string, from: number, to: number): void {
    if (!this.builder) return;
    this.flushRaw();
    this.builder.char(s, from, to);
  }

  /** A part in syntax `s` starts here. */
  private mark(s: HostSyntax): void {
    if (!this.builder) return;
    this.flushRaw();
    this.marks.push([this.builder.size, s]);
  }
}
