/**
 * YAML, docker-compose files and Helm values, read by a small line scanner rather than a full parser:
 * block mappings nested by indentation (for key paths), sequences (`- item`, `- KEY=value` as in
 * compose `environment:` lists, `- name: X` / `value: …` pairs as in Kubernetes `env:`), plain,
 * quoted and block scalars, simple flow collections, comments and document markers.
 * Helm template directives (`{{- if … }}`) are tolerated. One forward pass: linear in the text length.
 */
import { EmbeddedValue, HostSyntax } from '../api';
import {
  AMPERSAND, APOSTROPHE, ASTERISK, AT, BACKSLASH, BACKTICK, CARRIAGE_RETURN, COLON, COMMA, DASH, DOLLAR, DOT,
  EQUALS, EXCLAMATION, GREATER_THAN, HASH, LEFT_BRACE, LEFT_BRACKET, LINE_FEED, LOWER_A, LOWER_CASE_BIT,
  LOWER_F, LOWER_N, LOWER_O, LOWER_T, LOWER_Y, LOWER_Z, PERCENT, PIPE, PLUS, QUESTION, QUOTE, RIGHT_BRACE,
  RIGHT_BRACKET, SPACE, TAB, TILDE, UNDERSCORE, isAsciiLetter, isDigit,
} from '../lex/chars';
import { DecodedText, indexOfIn, isSpace, lineEnd, nextLine, subDecoded, verbatim, withText } from './decoded';
import { emitString, mayMentionMongo } from './detect';
import { classifyKeys, keyMayMatter, KeyKind, mayNameWithoutMongo } from './keys';
import { findUriTokens } from './plainText';
import { StepExtractor } from './steps';
import {
  flowPlainEnd,
  isDocumentMarker,
  hasPlainComment,
  lastPlainComment,
  plainContinues,
  plainOneLineEnd,
  quotedVerbatimEnd,
  readBlockScalar,
  readPlain,
  readQuoted,
  Scalar,
} from './yamlScalars';

/** A value's own key: a string, undefined when it has none, or null for the key on the value's line (see leafText). */
type Key = string | null | undefined;

interface Entry {
  indent: number;
  /** The key is the text [from, to), sliced into `key` when first needed (see keyOf). */
  from: number;
  to: number;
  key: string | undefined;
  /** A block sequence at the same indentation as its key (`key:\n- a`) has started. */
  sequenceAtSameIndent: boolean;
  /** What this key and the two above it say about a value under it; computed when first asked (undefined until then). */
  kind: KeyKind | null | undefined;
  /** This key or one of the keys above it mentions "mongo". */
  mongo: boolean;
}

/** Plain scalars that YAML reads as null, booleans or numbers: not strings. */
const NOT_STRINGS = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|no|No|on|On|off|Off|[-+]?[0-9][0-9_.eE+-]*)$/;

/** True when a plain scalar starting with character `c` may be one of NOT_STRINGS (`~`, n, t, f, y, o, a sign or a digit). */
function mayBeNotString(c: number): boolean {
  if (isDigit(c)) return true;
  switch (c | LOWER_CASE_BIT) {
    case LOWER_N:
    case LOWER_T:
    case LOWER_F:
    case LOWER_Y:
    case LOWER_O:
      return true;
  }
  return c === TILDE || c === PLUS || c === DASH;
}

/**
 * Where the name starts in an item `KEY=value` whose first `=` is at `eq` (`KEY` is
 * `-{0,2}[A-Za-z_][A-Za-z0-9_.-]*`: the name is after the dashes), or -1 when text[0, eq) is not one.
 */
function keyAssignment(text: string, eq: number): number {
  let i = 0;
  while (i < 2 && text.charCodeAt(i) === DASH) i++;
  if (i >= eq) return -1;
  const c = text.charCodeAt(i);
  if (!(isAsciiLetter(c) || c === UNDERSCORE)) return -1;
  for (let j = i + 1; j < eq; j++) {
    const d = text.charCodeAt(j);
    if (!(isAsciiLetter(d) || isDigit(d) || d === UNDERSCORE || d === DOT || d === DASH)) return -1;
  }
  return i;
}

/**
 * True when the key text[from, to) makes a value nothing whatever the keys above it: it has a letter
 * or a digit (so that it is not all `.`, `:` and `_`, which would leave a parent key as the last
 * segment of the path) and keyMayMatter rules it out.
 */
function saysNothing(text: string, from: number, to: number): boolean {
  // A quoted key with escapes may say anything once decoded (see keyText).
  if (indexOfIn(text, BACKSLASH, from, to) >= 0) return false;
  for (let i = to - 1; i >= from; i--) {
    const c = text.charCodeAt(i) | LOWER_CASE_BIT;
    if ((c >= LOWER_A && c <= LOWER_Z) || isDigit(c)) return !keyMayMatter(text, from, to);
  }
  return false;
}

/**
 * True when the key text[from, to) makes a value that does not mention "mongo" nothing: whatever the
 * keys above it (see saysNothing), or, when `quietPath` (no key of the path mentions "mongo" either),
 * unless it may name a collection or an Atlas resource (see mayNameWithoutMongo).
 */
function saysNothingHere(text: string, from: number, to: number, quietPath: boolean): boolean {
  if (indexOfIn(text, BACKSLASH, from, to) >= 0) return false;
  return quietPath ? !mayNameWithoutMongo(text, from, to) || saysNothing(text, from, to) : saysNothing(text, from, to);
}

/** Start of the line after the one that ends at `eol` (as lineEnd gives it: at its \n, at the \r of a \r\n, or at the end). */
function afterEol(text: string, eol: number): number {
  if (eol >= text.length) return text.length;
  return text.charCodeAt(eol) === CARRIAGE_RETURN ? Math.min(eol + 2, text.length) : eol + 1;
}

/** The last `name: X` key, so that a sibling `value:` reads as the value of X. */
interface LastName {
  col: number;
  depth: number;
  value: string;
}

class YamlScanner {
  out: EmbeddedValue[] = [];
  /** The mapping stack: its entries are stack[0 .. depth); entries past depth are kept for reuse. */
  private stack: Entry[] = [];
  private depth = 0;
  lastName: LastName | undefined;

  /** The key found by the last readKey: its text is text[keyFrom, keyTo), its value starts after afterColon. */
  keyFrom = 0;
  keyTo = 0;
  private afterColon = -1;
  /** Where the last readKey started (a continuation check reads the key of the next line before the main loop does). */
  private keyAt = -1;

  constructor(private readonly text: string) {}

  /** The first "mongo" (any letter case) at or after mongoFrom: Infinity when there is none, -1 before the first search. */
  private mongoAt = -1;
  private mongoFrom = 0;
  private readonly mongoRe = /mongo/gi;

  /**
   * True when the document text [from, to) contains "mongo" in any letter case (as mayMentionMongo):
   * one search per occurrence while ranges are asked about in document order, as they mostly are.
   */
  private mentionsMongo(from: number, to: number): boolean {
    if (this.mongoAt < from || from < this.mongoFrom) {
      const re = this.mongoRe;
      re.lastIndex = from;
      this.mongoAt = re.test(this.text) ? re.lastIndex - 5 : Infinity;
      this.mongoFrom = from;
    }
    return this.mongoAt + 5 <= to;
  }

  run(): EmbeddedValue[] {
    const text = this.text;
    let line = 0;
    while (line < text.length) line = this.line(line);
    return this.out;
  }

  /**
   * Reads one top-level statement: from `pos` (the start of the text or of a top-level line, see
   * isTopLevel) up to the next top-level line, whose start it returns. Values go to `out`; `lastName`
   * is the state before it (the only state a top-level line does not reset), this.lastName after it.
   */
  statement(pos: number, lastName: LastName | undefined, out: EmbeddedValue[]): number {
    const text = this.text;
    this.out = out;
    this.depth = 0;
    this.lastName = lastName;
    this.lastKeyLine = -1;
    let line = this.line(pos);
    while (line < text.length && !this.isTopLevel(line)) line = this.line(line);
    return line;
  }

  /**
   * True when the line at `line` starts a top-level statement: a document marker, or a key at column 0
   * (not a sequence item). Reading such a line empties the mapping stack, so what is read from it on
   * depends only on the text from there and on lastName.
   */
  private isTopLevel(line: number): boolean {
    const text = this.text;
    const c = text.charCodeAt(line);
    if (isSpace(c) || c === LINE_FEED || c === CARRIAGE_RETURN || c === HASH) return false;
    if (isDocumentMarker(text, line)) return true;
    const eol = lineEnd(text, line);
    if (c === DASH && (line + 1 >= eol || isSpace(text.charCodeAt(line + 1)))) return false;
    return this.readKey(line, eol);
  }

  /** The last line looked at ahead by stopsPlain (-1: none): its start, first non-blank and end. */
  private peekLine = -1;
  private peekFirst = 0;
  private peekEol = 0;

  /** Reads what starts at the line `line`; returns the start of the line to read next. */
  private line(line: number): number {
    const text = this.text;
    let eol: number;
    let p: number;
    if (line === this.peekLine) {
      eol = this.peekEol;
      p = this.peekFirst;
    } else {
      eol = lineEnd(text, line);
      p = line;
      while (p < eol && isSpace(text.charCodeAt(p))) p++;
    }
    if (p >= eol) return afterEol(text, eol);
    const c = text.charCodeAt(p);
    if (c === HASH) {
      this.mentions(p, eol);
      return afterEol(text, eol);
    }
    if (p === line && isDocumentMarker(text, line)) {
      this.depth = 0;
      this.lastName = undefined;
      this.mentions(p + 3, eol);
      return afterEol(text, eol);
    }
    if (p === line && c === PERCENT /* a directive */) return afterEol(text, eol);
    return this.node(line, p, eol);
  }

  /** Keys of the enclosing mappings, root first (the innermost 16: only the last few decide what a value is). */
  private path(): string[] {
    const from = Math.max(0, this.depth - 16);
    const path: string[] = [];
    for (let k = from; k < this.depth; k++) path.push(this.keyOf(this.stack[k]));
    return path;
  }

  /** Connection strings in the rest of a line; in a comment when that starts (after blanks) with `#`. */
  private mentions(from: number, to: number): void {
    if (to - from < 10 || !this.mentionsMongo(from, to)) return;
    let s = from;
    while (s < to && isSpace(this.text.charCodeAt(s))) s++;
    const comment = this.text.charCodeAt(s) === HASH;
    for (const [a, b] of findUriTokens(this.text, from, to)) this.out.push({ kind: 'uri', text: this.text.slice(a, b), start: a, syntax: 'raw', ...(comment ? { comment } : {}) });
  }

  /**
   * Reads `key:` at p (plain or quoted key followed by `:` and a blank or the end of the line); true
   * when there is one, with its text at [keyFrom, keyTo) and its value after afterColon.
   */
  private readKey(p: number, eol: number): boolean {
    if (p !== this.keyAt) {
      this.keyAt = p;
      this.afterColon = readKey(this.text, p, eol, this);
    }
    return this.afterColon >= 0;
  }

  /**
   * The own key of the value being read when it is the key on its line (null stands for it): the text
   * [leafFrom, leafTo), sliced when first needed.
   */
  private leafFrom = 0;
  private leafTo = 0;
  private leafKey: string | undefined;

  private leafText(): string {
    return (this.leafKey ??= keyText(this.text, this.leafFrom, this.leafTo));
  }

  /** Reads the content of one line that starts at `line` with its first non-blank at `p`; returns where to go on. */
  private node(line: number, p: number, eol: number): number {
    const text = this.text;
    let itemIndent = -1;
    while (text.charCodeAt(p) === DASH && (p + 1 >= eol || isSpace(text.charCodeAt(p + 1)))) {
      const col = p - line;
      while (this.depth > 0) {
        const top = this.stack[this.depth - 1];
        if (top.indent < col) break;
        // A sequence at the indentation of the key on the line before (`key:\n- a`), or of one already seen.
        if (top.indent === col && (top.sequenceAtSameIndent || this.lastKeyLine >= 0)) {
          top.sequenceAtSameIndent = true;
          break;
        }
        this.depth--;
      }
      if (this.lastName && this.lastName.col > col) this.lastName = undefined;
      itemIndent = col;
      p++;
      while (p < eol && isSpace(text.charCodeAt(p))) p++;
    }
    // An item's anchor and tag (`- &a x`, `- !Sub "…"`) are not part of it.
    if (itemIndent >= 0) p = skipProperties(text, p, eol);
    this.lastKeyLine = -1;
    if (p >= eol) return afterEol(text, eol);
    if (text.charCodeAt(p) === HASH) {
      this.mentions(p, eol);
      return afterEol(text, eol);
    }
    if (this.readKey(p, eol)) {
      const col = p - line;
      const stack = this.stack;
      let depth = this.depth;
      while (depth > 0 && stack[depth - 1].indent >= col) depth--;
      this.depth = depth;
      // A key left of the last `name:` ends the mapping it was in.
      if (this.lastName && this.lastName.col > col) this.lastName = undefined;
      const keyFrom = this.keyFrom;
      const keyTo = this.keyTo;
      const v = skipProperties(text, this.afterColon, eol);
      if (v >= eol || text.charCodeAt(v) === HASH) {
        this.push(col, keyFrom, keyTo);
        this.lastKeyLine = line;
        this.mentions(v, eol);
        return afterEol(text, eol);
      }
      const lastName = this.lastName;
      let leaf: string | null = null;
      if (keyTo - keyFrom === 5 && text.startsWith('value', keyFrom) && lastName && lastName.col === col && lastName.depth === depth) {
        leaf = lastName.value;
      } else {
        this.leafFrom = keyFrom;
        this.leafTo = keyTo;
        this.leafKey = undefined;
      }
      const isName = keyTo - keyFrom === 4 && text.startsWith('name', keyFrom);
      if (leaf === null && !isName && !this.mentionsMongo(keyFrom, eol)) {
        // Most lines: neither the key nor the rest of the line can make a value worth reporting.
        const quietPath = depth === 0 || !stack[depth - 1].mongo;
        if (saysNothingHere(text, keyFrom, keyTo, quietPath)) {
          const next = this.droppedValueEnd(v, eol, col, quietPath);
          if (next >= 0) return next;
        }
      }
      const scalar = this.value(v, eol, col, leaf, false, isName);
      if (isName && scalar !== undefined) this.lastName = { col, depth, value: scalar };
      return this.resumeAt;
    }
    if (itemIndent >= 0) {
      this.value(p, eol, itemIndent, undefined, true, false);
      return this.resumeAt;
    }
    const top = this.depth > 0 ? this.stack[this.depth - 1] : undefined;
    if (top && p - line > top.indent && !text.startsWith('{{', p)) {
      // The value of a key, on the line after it.
      this.value(p, eol, top.indent, undefined, false, false);
      return this.resumeAt;
    }
    this.mentions(p, eol);
    return afterEol(text, eol);
  }

  /**
   * Where to go on after a value at `v` of a key that says nothing, on a line ending at `eol` without
   * "mongo" from the key on, when the value is all on that line: nothing on the line can be reported
   * then. -1 when the value may go on over the following lines (then value reads it).
   */
  private droppedValueEnd(v: number, eol: number, parentIndent: number, quietPath: boolean): number {
    const text = this.text;
    const c = text.charCodeAt(v);
    if (c === QUOTE || c === APOSTROPHE) return quotedVerbatimEnd(text, v) >= 0 ? afterEol(text, eol) : -1;
    if (c === PIPE || c === GREATER_THAN) return -1;
    if (c === LEFT_BRACKET || (c === LEFT_BRACE && text.charCodeAt(v + 1) !== LEFT_BRACE)) return this.droppedFlowEnd(v, eol, quietPath);
    if (c === ASTERISK /* an alias */) return afterEol(text, eol);
    // A plain scalar: on one line when the next line does not go on with it, or when a comment ends it.
    if (!plainContinues(text, eol, parentIndent, this.stopsPlain) || hasPlainComment(text, v, eol)) return afterEol(text, eol);
    return -1;
  }

  /**
   * droppedValueEnd for a flow collection opening at `open`: read as flow does, when it closes on its
   * line and every scalar followed by `:` (every key) says nothing. -1 when it does not, or when
   * something rarer comes (`#`, `$`, `=`, `{{`, a quoted scalar with escapes): then flow reads it.
   */
  private droppedFlowEnd(open: number, eol: number, quietPath: boolean): number {
    const text = this.text;
    let depth = 0;
    let i = open;
    while (i < eol) {
      const c = text.charCodeAt(i);
      if (c === SPACE || c === TAB || c === COLON || c === COMMA) {
        i++;
        continue;
      }
      if (c === LEFT_BRACKET || c === LEFT_BRACE) {
        if (c === LEFT_BRACE && text.charCodeAt(i + 1) === LEFT_BRACE) return -1;
        depth++;
        i++;
        continue;
      }
      if (c === RIGHT_BRACKET || c === RIGHT_BRACE) {
        i++;
        if (--depth === 0) return afterEol(text, eol);
        continue;
      }
      let from = i;
      let to: number;
      if (c === QUOTE || c === APOSTROPHE) {
        const close = quotedVerbatimEnd(text, i);
        if (close < 0 || indexOfIn(text, EQUALS, i + 1, close) >= 0) return -1;
        from = i + 1;
        to = close;
        i = close + 1;
      } else {
        // A plain scalar, as flowPlainEnd reads it, but for what is rare: placeholders, comments, `KEY=` items.
        let j = i;
        for (; j < eol; j++) {
          const d = text.charCodeAt(j);
          if (d === COMMA || d === LEFT_BRACKET || d === RIGHT_BRACKET || d === LEFT_BRACE || d === RIGHT_BRACE) break;
          if (d === COLON) {
            const e = text.charCodeAt(j + 1);
            if (j + 1 >= eol || e === SPACE || e === TAB || e === COMMA) break;
          } else if (d === HASH || d === DOLLAR || d === EQUALS || d === CARRIAGE_RETURN) {
            return -1;
          }
        }
        while (j > i && isSpace(text.charCodeAt(j - 1))) j--;
        to = i = j;
      }
      let k = i;
      while (k < eol && isSpace(text.charCodeAt(k))) k++;
      if (text.charCodeAt(k) === COLON && !saysNothingHere(text, from, to, quietPath)) return -1;
    }
    return -1;
  }

  /** Line of the last key whose value is on the following lines (-1 once another line was read). */
  private lastKeyLine = -1;
  /** Where the main loop goes on after a value: the start of the line after it. */
  private resumeAt = 0;

  /** Pushes the key text[from, to) at indentation `indent` on the mapping stack. */
  private push(indent: number, from: number, to: number): void {
    const e = this.stack[this.depth];
    const mongo = (this.depth > 0 && this.stack[this.depth - 1].mongo) || this.mentionsMongo(from, to);
    if (e === undefined) {
      this.stack.push({ indent, from, to, key: undefined, sequenceAtSameIndent: false, kind: undefined, mongo });
    } else {
      e.mongo = mongo;
      e.indent = indent;
      e.from = from;
      e.to = to;
      e.key = undefined;
      e.sequenceAtSameIndent = false;
      e.kind = undefined;
    }
    this.depth++;
  }

  /**
   * Reads a value at `v` (on a line ending at `eol`) whose own key (if any) is `key`; returns its
   * decoded text when it is a scalar and `wantText` is set.
   */
  private value(v: number, eol: number, parentIndent: number, key: Key, isItem: boolean, wantText: boolean): string | undefined {
    const text = this.text;
    const c = text.charCodeAt(v);
    let scalar: Scalar | undefined;
    let syntax: HostSyntax = 'yaml-plain';
    if (c === PIPE || c === GREATER_THAN) {
      scalar = readBlockScalar(text, v, parentIndent);
      syntax = 'yaml-block';
    } else if (c === QUOTE || c === APOSTROPHE) {
      syntax = c === QUOTE ? 'yaml-double' : 'yaml-single';
      const close = quotedVerbatimEnd(text, v);
      if (close >= 0) return this.verbatimValue(v + 1, close, close + 1, -1, eol, syntax, key, isItem, wantText);
      scalar = readQuoted(text, v, parentIndent);
    } else if (c === LEFT_BRACKET || (c === LEFT_BRACE && text.charCodeAt(v + 1) !== LEFT_BRACE)) {
      this.resumeAt = nextLine(text, this.flow(v, eol, parentIndent, key));
      return undefined;
    } else if (c === ASTERISK /* an alias */) {
      this.resumeAt = nextLine(text, v);
      return undefined;
    }
    if (!scalar) {
      syntax = 'yaml-plain';
      const end = plainOneLineEnd(text, v, eol, parentIndent, this.stopsPlain);
      if (end >= 0) return this.verbatimValue(v, end, end, lastPlainComment(), eol, syntax, key, isItem, wantText);
      scalar = readPlain(text, v, parentIndent, false, this.stopsPlain, eol);
    }
    this.emit(scalar.d, syntax, key, undefined, isItem);
    const end = scalar.end <= eol ? eol : lineEnd(text, scalar.end);
    this.mentions(scalar.comment ?? scalar.end, end);
    this.resumeAt = afterEol(text, end);
    return scalar.d.text;
  }

  /**
   * A scalar that is the document text [from, to) of the line ending at `eol`, ending at `end` (after a
   * closing quote), with a comment after it at `comment` (-1: none).
   */
  private verbatimValue(
    from: number,
    to: number,
    end: number,
    comment: number,
    eol: number,
    syntax: HostSyntax,
    key: Key,
    isItem: boolean,
    wantText: boolean,
  ): string | undefined {
    this.emitRange(from, to, syntax, key, undefined, isItem);
    this.mentions(comment >= 0 ? comment : end, eol);
    this.resumeAt = afterEol(this.text, eol);
    return wantText ? this.text.slice(from, to) : undefined;
  }

  /** True when a continuation line would rather start a key or a sequence item. */
  private readonly stopsPlain = (line: number, s: number, le: number): boolean => {
    const text = this.text;
    this.peekLine = line;
    this.peekFirst = s;
    this.peekEol = le;
    if (text.charCodeAt(s) === DASH && (s + 1 >= le || isSpace(text.charCodeAt(s + 1)))) return true;
    return this.readKey(s, le) || text.startsWith('{{', s);
  };

  /** The key path of the stack, and then `k1` and `k2` when given. */
  private pathWith(k1: string | undefined, k2: string | undefined): string[] {
    const path = this.path();
    if (k1 !== undefined) path.push(k1);
    if (k2 !== undefined) path.push(k2);
    return path;
  }

  private keyOf(e: Entry): string {
    return (e.key ??= keyText(this.text, e.from, e.to));
  }

  /** The key of stack entry k, or undefined when there is none. */
  private stackKey(k: number): string | undefined {
    return k >= 0 ? this.keyOf(this.stack[k]) : undefined;
  }

  /** What the keys of the stack, then `k1` and `k2` (the innermost, when given), say about a value. */
  private classify(k1: Key, k2: string | undefined): KeyKind | undefined {
    const s = this.stack;
    const n = this.depth;
    const text = this.text;
    if (k2 !== undefined) {
      if (saysNothing(k2, 0, k2.length)) return undefined;
      return classifyKeys(k2, k1 === null ? this.leafText() : k1, this.stackKey(n - 1));
    }
    if (k1 === null) {
      if (saysNothing(text, this.leafFrom, this.leafTo)) return undefined;
      return classifyKeys(this.leafText(), this.stackKey(n - 1), this.stackKey(n - 2));
    }
    if (k1 !== undefined) {
      if (saysNothing(k1, 0, k1.length)) return undefined;
      return classifyKeys(k1, this.stackKey(n - 1), this.stackKey(n - 2));
    }
    if (n === 0) return undefined;
    const top = s[n - 1];
    if (top.kind === undefined) {
      top.kind = saysNothing(text, top.from, top.to) ? null : classifyKeys(this.keyOf(top), this.stackKey(n - 2), this.stackKey(n - 3)) ?? null;
    }
    return top.kind ?? undefined;
  }

  /** Emits the document text [from, to) as a scalar (see emit), once it may be worth it. */
  private emitRange(from: number, to: number, syntax: HostSyntax, k1: Key, k2: string | undefined, isItem: boolean): void {
    if (from >= to) return;
    const text = this.text;
    // What emit would drop at once: no key that says what it is, no mention of mongo, no `KEY=` of an item.
    if (!this.mentionsMongo(from, to) && !(isItem && indexOfIn(text, EQUALS, from, to) >= 0) && this.classify(k1, k2) === undefined) return;
    this.emit(verbatim(text, from, to), syntax, k1, k2, isItem);
  }

  /**
   * Emits a scalar found under the keys of the stack and then `k1`, `k2` (innermost last, when given).
   * An item `KEY=value` (compose `environment:` lists) is the value of KEY.
   */
  private emit(value: DecodedText, syntax: HostSyntax, key1: Key, k2: string | undefined, isItem: boolean): void {
    let k1 = key1 === null ? this.leafText() : key1;
    const text = value.text;
    if (text.length === 0) return;
    if (syntax === 'yaml-plain' && mayBeNotString(text.charCodeAt(0)) && NOT_STRINGS.test(text)) return;
    let from = 0;
    if (isItem) {
      const eq = text.indexOf('=');
      const name = eq > 0 && eq < 256 ? keyAssignment(text, eq) : -1;
      if (name >= 0) {
        const key = text.slice(name, eq);
        from = eq + 1;
        if (k1 === undefined) k1 = key;
        else k2 = key;
      }
    }
    const keyKind = this.classify(k1, k2);
    // Without a key that says what it is, only a value that mentions mongo can hold a connection string.
    if (keyKind === undefined && !mayMentionMongo(text, from, text.length)) return;
    let d = kubernetesVariables(value);
    if (from > 0) d = subDecoded(d, from, d.text.length);
    emitString(this.out, d, syntax, { keyKind: keyKind ?? null, path: () => this.pathWith(k1, k2) });
  }

  /** Flow collections open around the current scalar, innermost last: whether each is a mapping, and its current key. */
  private flowIsMap: boolean[] = [];
  /** The current key of each: the text [flowKeyFrom, flowKeyTo), or flowKeyText when it was decoded; flowKeyFrom is -1 when there is none. */
  private flowKeyFrom: number[] = [];
  private flowKeyTo: number[] = [];
  private flowKeyText: Array<string | undefined> = [];

  /**
   * Reads a flow collection (`[a, b]`, `{k: v}`) opening at `open` on a line ending at `eol`, the
   * value of key `key` (if any); returns the offset after it.
   */
  private flow(open: number, eol: number, parentIndent: number, key: Key): number {
    const text = this.text;
    const isMap = this.flowIsMap;
    const keyFrom = this.flowKeyFrom;
    const keyTo = this.flowKeyTo;
    const keyText = this.flowKeyText;
    let depth = 0;
    let i = open;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === LINE_FEED) {
        const s = nextLine(text, i);
        let j = s;
        while (j < text.length && isSpace(text.charCodeAt(j))) j++;
        const d = text.charCodeAt(j);
        if (j < text.length && d !== LINE_FEED && d !== CARRIAGE_RETURN && j - s <= parentIndent && d !== RIGHT_BRACKET && d !== RIGHT_BRACE) return i;
        i = s;
        eol = lineEnd(text, s);
        continue;
      }
      if (isSpace(c) || c === CARRIAGE_RETURN || c === COLON) {
        i++;
        continue;
      }
      if (c === COMMA) {
        if (depth > 0) keyFrom[depth - 1] = -1;
        i++;
      } else if (c === HASH && i > open && /\s/.test(text[i - 1])) {
        this.mentions(i, eol);
        i = eol;
      } else if (c === LEFT_BRACKET || (c === LEFT_BRACE && text.charCodeAt(i + 1) !== LEFT_BRACE)) {
        isMap[depth] = c === LEFT_BRACE;
        keyFrom[depth] = -1;
        depth++;
        i++;
      } else if (c === RIGHT_BRACKET || c === RIGHT_BRACE) {
        if (depth > 0) depth--;
        i++;
        if (depth === 0) return i;
      } else {
        let from = i;
        let to: number;
        let end: number;
        let decoded: DecodedText | undefined;
        let syntax: HostSyntax = 'yaml-plain';
        if (c === QUOTE || c === APOSTROPHE) {
          syntax = c === QUOTE ? 'yaml-double' : 'yaml-single';
          const close = quotedVerbatimEnd(text, i);
          if (close >= 0) {
            from = i + 1;
            to = close;
            end = close + 1;
          } else {
            const scalar = readQuoted(text, i, parentIndent);
            if (!scalar) return lineEnd(text, i);
            decoded = scalar.d;
            to = end = scalar.end;
            eol = lineEnd(text, end);
          }
        } else {
          to = end = flowPlainEnd(text, i, eol);
          if (end === i) to = end = i + 1;
        }
        let k = end;
        while (k < text.length && isSpace(text.charCodeAt(k))) k++;
        if (depth > 0) {
          const top = depth - 1;
          if (isMap[top] && keyFrom[top] < 0 && text.charCodeAt(k) === COLON) {
            keyFrom[top] = from;
            keyTo[top] = to;
            keyText[top] = decoded ? decoded.text : undefined;
          } else if (
            isMap[top] &&
            keyFrom[top] >= 0 &&
            !decoded &&
            keyText[top] === undefined &&
            !this.mentionsMongo(from, to) &&
            saysNothing(text, keyFrom[top], keyTo[top])
          ) {
            // A value under a key that says nothing, without "mongo": nothing to report.
          } else {
            const inner = isMap[top] && keyFrom[top] >= 0 ? keyText[top] ?? text.slice(keyFrom[top], keyTo[top]) : undefined;
            let k1 = key;
            let k2: string | undefined;
            if (inner !== undefined) {
              if (k1 === undefined) k1 = inner;
              else k2 = inner;
            }
            if (decoded) this.emit(decoded, syntax, k1, k2, !isMap[top]);
            else this.emitRange(from, to, syntax, k1, k2, !isMap[top]);
          }
        }
        i = end;
      }
    }
    return i;
  }
}

/**
 * Kubernetes expands `$(NAME)` in container `env` values, `command` and `args` (`$$(NAME)` stays):
 * read it as the placeholder `${NAME}`, character for character.
 */
function kubernetesVariables(d: DecodedText): DecodedText {
  if (d.text.indexOf('$(') < 0) return d;
  const text = d.text.replace(/(?<!\$)\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (_m, name: string) => `\${${name}}`);
  return withText(d, text);
}

/** Where readKey puts the bounds of the key text. */
interface KeyBounds {
  keyFrom: number;
  keyTo: number;
}

/**
 * `key:` at p (plain or quoted key followed by `:` and a blank or the end of the line): returns the
 * offset after the colon and puts the bounds of the key text in `out`; -1 when there is no key.
 */
function readKey(text: string, p: number, eol: number, out: KeyBounds): number {
  const c = text.charCodeAt(p);
  if (c === QUOTE || c === APOSTROPHE) {
    for (let j = p + 1; j < eol; j++) {
      const d = text.charCodeAt(j);
      if (d === BACKSLASH && c === QUOTE) {
        j++;
        continue;
      }
      if (d !== c) continue;
      if (c === APOSTROPHE && text.charCodeAt(j + 1) === APOSTROPHE) {
        // `''` is a quote inside a single-quoted key.
        j++;
        continue;
      }
      let k = j + 1;
      while (k < eol && isSpace(text.charCodeAt(k))) k++;
      if (text.charCodeAt(k) === COLON && (k + 1 >= eol || isSpace(text.charCodeAt(k + 1)))) {
        out.keyFrom = p + 1;
        out.keyTo = j;
        return k + 1;
      }
      return -1;
    }
    return -1;
  }
  // Indicators that cannot start a plain key (`[`, `{`, `|`, `>`, `?`, `%`, `@`, `` ` ``, `#`, `!`, `&`, `*`, `,`).
  switch (c) {
    case LEFT_BRACKET:
    case LEFT_BRACE:
    case PIPE:
    case GREATER_THAN:
    case QUESTION:
    case PERCENT:
    case AT:
    case BACKTICK:
    case HASH:
    case EXCLAMATION:
    case AMPERSAND:
    case ASTERISK:
    case COMMA:
      return -1;
  }
  for (let j = p; j < eol; j++) {
    const d = text.charCodeAt(j);
    if (d > COLON) {
      // Letters and most punctuation: only `{{` (a template directive) ends the search.
      if (d === LEFT_BRACE && text.charCodeAt(j + 1) === LEFT_BRACE) return -1;
      continue;
    }
    if (d === COLON) {
      if (j + 1 >= eol || isSpace(text.charCodeAt(j + 1))) {
        let e = j;
        while (e > p && isSpace(text.charCodeAt(e - 1))) e--;
        if (e <= p) return -1;
        out.keyFrom = p;
        out.keyTo = e;
        return j + 1;
      }
    } else if ((d === HASH || d === QUOTE || d === APOSTROPHE) && j > p && isSpace(text.charCodeAt(j - 1))) {
      return -1;
    }
  }
  return -1;
}

/** The key text[from, to) as readKey found it: a quoted key is decoded (`"a\\"b"`, `'it''s'`). */
function keyText(text: string, from: number, to: number): string {
  const q = text.charCodeAt(to);
  if ((q === QUOTE || q === APOSTROPHE) && from > 0 && text.charCodeAt(from - 1) === q) {
    const scalar = readQuoted(text, from - 1, -1);
    if (scalar && scalar.end === to + 1) return scalar.d.text;
  }
  return text.slice(from, to);
}

/** Skips blanks, anchors (`&a`) and tags (`!!str`, `!Ref`) before a value. */
function skipProperties(text: string, i: number, eol: number): number {
  for (;;) {
    while (i < eol && isSpace(text.charCodeAt(i))) i++;
    const c = text.charCodeAt(i);
    if (i >= eol || (c !== AMPERSAND && c !== EXCLAMATION)) return i;
    while (i < eol && !isSpace(text.charCodeAt(i))) i++;
  }
}

export function extractYaml(text: string): EmbeddedValue[] {
  return new YamlScanner(text).run();
}

/**
 * YAML read one top-level statement at a time (see steps.ts), for re-extraction after an edit. A
 * statement looks ahead at most to the end of the line that starts the next one (whether a scalar goes
 * on, where a block scalar or flow collection ends), which is what readEnd records.
 */
export const yamlSteps: StepExtractor<LastName | undefined> = {
  initial: undefined,
  same: (a, b) => a === b || (a !== undefined && b !== undefined && a.col === b.col && a.depth === b.depth && a.value === b.value),
  reader(text) {
    const scanner = new YamlScanner(text);
    return (pos, state, out, step) => {
      const next = scanner.statement(pos, state, out);
      step.next = next;
      step.readEnd = next >= text.length ? text.length : afterEol(text, lineEnd(text, next));
      step.state = scanner.lastName;
    };
  },
};
