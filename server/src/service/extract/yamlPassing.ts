/**
 * Passing over YAML that holds nothing, for the scanner of the block structure (yaml.ts). At a line
 * the scanner is about to read, when no key of the mapping stack says anything, the text up to the
 * next trigger (see TRIGGERS) can hold no value. The scanner may then jump to a later line E when:
 *
 * - E is a key line (`key:` at its first non-blank, not a sequence item, not a document marker or a
 *   directive) at a column e, and every other line before it (from the line jumped from; blank lines
 *   and lines that start with `#` aside) starts at a column of at least e. Those lines only change
 *   stack entries at their own column or deeper, all of which E's key pops: after E the stack is the
 *   same whatever they were. A key at column e also ends every plain scalar, and no `name:` is read
 *   (it is a trigger; nor is the scanner asked to jump while it holds one).
 * - No value of a line before E goes on past its line in a way that is not ended by E: a quoted scalar
 *   or a flow collection that does not close on its line, or any block scalar (their content lines may
 *   start at E's column) — see lineKeepsToItself.
 */
import { DASH, GREATER_THAN, HASH, PERCENT, PIPE, QUOTE, APOSTROPHE } from '../lex/chars';
import { isSpace, lineEnd } from './decoded';
import { NextMatch, nextOfAny } from './triggers';
import { droppedFlowEnd, opensFlow } from './yamlFlow';
import { afterEol, KeyBounds, readKey, skipProperties } from './yamlKeys';
import { isDocumentMarker, quotedVerbatimEnd } from './yamlScalars';

/**
 * What can make a line report something under keys that say nothing: "mongo", the words that make a
 * key say something (keys.ts: uri, url, dsn, collection, str[ing], db, database, name; `atlas` for good
 * measure), a backslash (an escape may spell any of them), and `=` (an item `KEY=value`).
 */
const TRIGGER_WORDS = /(?:mongo|ur[il]|dsn|collection|str|db|database|name|atlas)/gi;

/**
 * Less text than this before the next trigger is read line by line: passing over it would cost more
 * than reading it (dense documents).
 */
const MIN_PASS = 512;

/** The most text read line by line, after a trigger, before passing is tried again. */
const MAX_BACK_OFF = 8192;

/** Deeper than this, lines are not passed over (one search of the text for each column). */
const MAX_COLUMN = 32;

/**
 * Lines that keep to themselves for certain, the usual shapes of a line with a quote or a bracket:
 * blanks, item dashes, a plain key, then a quoted scalar that closes (no escape) or a flow collection
 * of one level with closed quoted scalars, then at most a comment. Matched at a line start (sticky).
 */
const CLOSED_ON_ITS_LINE = new RegExp(
  String.raw`[ \t]*(?:-[ \t]+)*(?:[A-Za-z0-9_][A-Za-z0-9_./-]*:[ \t]+)?` +
    String.raw`(?:"[^"\\\n]*"|'[^'\n]*'|\{(?:[^{}\[\]"'\n#\\]|"[^"\\\n]*")*\}|\[(?:[^{}\[\]"'\n#\\]|"[^"\\\n]*")*\])` +
    String.raw`[ \t]*(?:#[^\n]*)?\r?(?:\n|$)`,
  'y',
);

/** Characters that may start a value going on past its line: quotes, flow collections, block scalars. */
const MULTI_LINE_STARTS = ['"', "'", '[', '{', '|', '>'];

export class YamlPasser {
  /** A passer for `text`, or undefined when the text is too short for any pass (see MIN_PASS): a small text (a fenced block) is read at once. */
  static for(text: string): YamlPasser | undefined {
    return text.length > MIN_PASS ? new YamlPasser(text) : undefined;
  }

  private readonly triggers: NextMatch[];
  private readonly multiLine: NextMatch[];
  /** belowColumn[c]: lines (their `\n`) whose first non-blank, not `#`, is at a column below c. */
  private readonly belowColumn: Array<NextMatch | undefined> = [];
  private readonly key: KeyBounds = { keyFrom: 0, keyTo: 0 };
  /** Lines that start in [checkedFrom, checkedTo) keep to themselves (lineKeepsToItself). */
  private checkedFrom = 0;
  private checkedTo = 0;
  /** No pass is tried from a line before this (see pass). */
  private notBefore = 0;
  private backOff = 0;
  /** Line starts of the candidates for E of the last pass. */
  private readonly candidates: number[] = [];

  /** `minPass`: less text than this before the next trigger is read line by line (MIN_PASS; tests pass over any). */
  constructor(
    private readonly text: string,
    private readonly minPass = MIN_PASS,
  ) {
    this.triggers = [new NextMatch(text, new RegExp(TRIGGER_WORDS), true), new NextMatch(text, '\\'), new NextMatch(text, '=')];
    this.multiLine = MULTI_LINE_STARTS.map((ch) => new NextMatch(text, ch));
    this.closed = new RegExp(CLOSED_ON_ITS_LINE);
  }

  private readonly closed: RegExp;

  /**
   * Where the scanner may go on from the line start `n` (see the top of this file), `n` when nowhere
   * further; `quietStack`: whether no key of the mapping stack says anything, and no `name:` is pending.
   */
  pass(n: number, quietStack: () => boolean): number {
    if (n < this.notBefore) return n;
    const text = this.text;
    const trigger = nextOfAny(this.triggers, n);
    if (trigger - n < this.minPass) {
      // Nor from any line before the trigger: E could be no further than the line of the trigger. Where
      // triggers come one after another (a dense document), passing is not tried again for a while,
      // longer each time, so that searching for triggers costs little there.
      this.notBefore = trigger + 1 + this.backOff;
      this.backOff = Math.min(Math.max(2 * this.backOff, this.minPass), MAX_BACK_OFF);
      return n;
    }
    // The line of the trigger is read as usual: E can be no further.
    const limit = trigger >= text.length ? text.length : text.lastIndexOf('\n', trigger - 1) + 1;
    if (limit - n < this.minPass || !quietStack()) return n;
    let s = n;
    while (isSpace(text.charCodeAt(s))) s++;
    let col = s - n;
    if (col > MAX_COLUMN) return n;
    const candidates = this.candidates;
    candidates.length = 0;
    let at = n;
    while (col > 0) {
      const x = this.below(col).from(at);
      if (x + 1 > limit) break;
      at = x + 1;
      s = at;
      while (isSpace(text.charCodeAt(s))) s++;
      col = s - at;
      if (this.isKeyLine(at, s)) candidates.push(at);
    }
    if (candidates.length === 0) return n;
    const unsafe = this.firstSpreadingLine(n, candidates[candidates.length - 1]);
    for (let k = candidates.length - 1; k >= 0; k--) {
      if (candidates[k] <= unsafe) {
        this.backOff = 0;
        return candidates[k];
      }
    }
    return n;
  }

  /** The search for line breaks followed by a line at a column below c. */
  private below(c: number): NextMatch {
    let m = this.belowColumn[c];
    if (m === undefined) {
      // A line at column < c: blanks, then neither a blank, a line break nor `#` (a lone \r is text).
      m = new NextMatch(this.text, new RegExp(`\\n[ \\t]{0,${c - 1}}(?:[^ \\t\\r\\n#]|\\r(?!\\n|$))`, 'g'));
      this.belowColumn[c] = m;
    }
    return m;
  }

  /** True when the line at `line`, first non-blank at `s`, is a key line the scanner reads with keyLine. */
  private isKeyLine(line: number, s: number): boolean {
    const text = this.text;
    const eol = lineEnd(text, s);
    if (s >= eol) return false;
    const c = text.charCodeAt(s);
    if (c === HASH || (c === DASH && (s + 1 >= eol || isSpace(text.charCodeAt(s + 1))))) return false;
    if (s === line && (isDocumentMarker(text, line) || c === PERCENT)) return false;
    return readKey(text, s, eol, this.key) >= 0;
  }

  /** The first line starting in [from, to) whose value may go on past it (see lineKeepsToItself); `to` when none. */
  private firstSpreadingLine(from: number, to: number): number {
    const text = this.text;
    let pos: number;
    if (from >= this.checkedFrom && from <= this.checkedTo) pos = this.checkedTo;
    else {
      this.checkedFrom = this.checkedTo = pos = from;
    }
    while (pos < to) {
      const q = nextOfAny(this.multiLine, pos);
      if (q >= to) break;
      // pos is a line start and q >= pos: the line of q starts at pos or later.
      const line = text.lastIndexOf('\n', q - 1) + 1;
      const eol = lineEnd(text, q);
      this.closed.lastIndex = line;
      if (!this.closed.test(text) && !this.lineKeepsToItself(line, eol)) {
        this.checkedTo = line;
        return line;
      }
      pos = this.checkedTo = afterEol(text, eol);
    }
    if (to > this.checkedTo) this.checkedTo = to;
    return to;
  }

  /**
   * True when the value read from the line at `line` (ending at `eol`) cannot go on past the line but
   * where a key line further left ends it: it is no quoted scalar or flow collection left open at the
   * end of the line, and no block scalar. Mirrors how the scanner finds where a value starts.
   */
  private lineKeepsToItself(line: number, eol: number): boolean {
    const text = this.text;
    let p = line;
    while (p < eol && isSpace(text.charCodeAt(p))) p++;
    if (p >= eol || text.charCodeAt(p) === HASH) return true;
    let item = false;
    while (text.charCodeAt(p) === DASH && (p + 1 >= eol || isSpace(text.charCodeAt(p + 1)))) {
      item = true;
      p++;
      while (p < eol && isSpace(text.charCodeAt(p))) p++;
    }
    if (item) p = skipProperties(text, p, eol);
    if (p >= eol || text.charCodeAt(p) === HASH) return true;
    const afterColon = readKey(text, p, eol, this.key);
    const v = afterColon >= 0 ? skipProperties(text, afterColon, eol) : p;
    if (v >= eol) return true;
    const c = text.charCodeAt(v);
    if (c === QUOTE || c === APOSTROPHE) return quotedVerbatimEnd(text, v) >= 0;
    if (c === PIPE || c === GREATER_THAN) return false;
    if (opensFlow(text, v, c)) return droppedFlowEnd(text, v, eol, true) >= 0;
    return true;
  }
}
