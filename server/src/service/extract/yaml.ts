/**
 * YAML, docker-compose files and Helm values, read by a small line scanner rather than a full parser:
 * block mappings nested by indentation (for key paths), sequences (`- item`, `- KEY=value` as in
 * compose `environment:` lists, `- name: X` / `value: …` pairs as in Kubernetes `env:`), plain,
 * quoted and block scalars, simple flow collections, comments and document markers.
 * Helm template directives (`{{- if … }}`) are tolerated. One forward pass: linear in the text length.
 *
 * This file reads the block structure; keys are read in yamlKeys.ts, the value after a key or an item
 * in yamlValueReader.ts, scalars in yamlScalars.ts and yamlBlockScalars.ts, flow collections in
 * yamlFlow.ts, and the mapping stack and the reporting of values are in yamlValues.ts.
 */
import { EmbeddedValue } from '../api';
import { CARRIAGE_RETURN, DASH, HASH, LINE_FEED, PERCENT } from '../lex/chars';
import { isSpace, lineEnd } from './decoded';
import { StepExtractor } from './steps';
import { afterEol, readKey, saysNothing, saysNothingHere, skipProperties } from './yamlKeys';
import { isDocumentMarker } from './yamlScalars';
import { YamlValueReader } from './yamlValueReader';
import { YamlPasser } from './yamlPassing';

/** The last `name: X` key, so that a sibling `value:` reads as the value of X. */
interface LastName {
  col: number;
  depth: number;
  value: string;
}

/** Reads the block structure of a document (keys, the mapping stack, sequences); values go to YamlValueReader's methods. */
class YamlScanner extends YamlValueReader {
  lastName: LastName | undefined;

  /** The key found by the last readKey: its text is text[keyFrom, keyTo), its value starts after afterColon. */
  keyFrom = 0;
  keyTo = 0;
  private afterColon = -1;
  /** Where the last readKey started (a continuation check reads the key of the next line before the main loop does). */
  private keyAt = -1;
  /** Line of the last key whose value is on the following lines (-1 once another line was read). */
  private lastKeyLine = -1;

  /** Reads the whole text; `passer`: passes over lines that hold nothing (see yamlPassing.ts). */
  run(passer: YamlPasser | undefined): EmbeddedValue[] {
    const text = this.text;
    const quiet = (): boolean => this.lastName === undefined && this.quietStack();
    let line = 0;
    while (line < text.length) {
      line = this.line(line);
      if (passer !== undefined && line < text.length) line = passer.pass(line, quiet);
    }
    return this.out;
  }

  /** True when no key of the mapping stack says anything of a value under it (nor mentions "mongo"). */
  private quietStack(): boolean {
    const stack = this.stack;
    for (let k = 0; k < this.depth; k++) {
      const e = stack[k];
      if (e.mongo || !saysNothing(this.text, e.from, e.to)) return false;
    }
    return true;
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

  /** Reads the content of one line that starts at `line` with its first non-blank at `p`; returns where to go on. */
  private node(line: number, p: number, eol: number): number {
    const text = this.text;
    let itemIndent = -1;
    while (text.charCodeAt(p) === DASH && (p + 1 >= eol || isSpace(text.charCodeAt(p + 1)))) {
      itemIndent = p - line;
      this.startItem(itemIndent);
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
    if (this.readKey(p, eol)) return this.keyLine(line, p, eol);
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

  /** Reads a sequence item's `- ` at column `col`: it ends the mappings it is not inside of. */
  private startItem(col: number): void {
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
  }

  /** Reads the key that readKey found at `p` on the line starting at `line` (ending at `eol`), and its value; returns where to go on. */
  private keyLine(line: number, p: number, eol: number): number {
    const text = this.text;
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

  /** True when a continuation line would rather start a key or a sequence item. */
  protected readonly stopsPlain = (line: number, s: number, le: number): boolean => {
    const text = this.text;
    this.peekLine = line;
    this.peekFirst = s;
    this.peekEol = le;
    if (text.charCodeAt(s) === DASH && (s + 1 >= le || isSpace(text.charCodeAt(s + 1)))) return true;
    return this.readKey(s, le) || text.startsWith('{{', s);
  };
}

export function extractYaml(text: string): EmbeddedValue[] {
  return new YamlScanner(text).run(YamlPasser.for(text));
}

/** extractYaml reading every line (the reference of the passing over lines, for tests). */
export function extractYamlReadingEverything(text: string): EmbeddedValue[] {
  return new YamlScanner(text).run(undefined);
}

/** extractYaml passing over every stretch of lines it can, however short (for tests: documents are small there). */
export function extractYamlPassingAll(text: string): EmbeddedValue[] {
  return new YamlScanner(text).run(new YamlPasser(text, 1));
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