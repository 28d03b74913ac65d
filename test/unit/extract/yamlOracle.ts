/**
 * YAML, docker-compose files and Helm values, read by a small line scanner rather than a full parser:
 * block mappings nested by indentation (for key paths), sequences (`- item`, `- KEY=value` as in
 * compose `environment:` lists, `- name: X` / `value: …` pairs as in Kubernetes `env:`), plain,
 * quoted and block scalars, simple flow collections, comments and document markers.
 * Helm template directives (`{{- if … }}`) are tolerated. One forward pass: linear in the text length.
 */
import { EmbeddedValue, HostSyntax } from '../../../server/src/service/types';
import { DecodedText, isSpace, lineEnd, nextLine, subDecoded, verbatim, withText } from '../../../server/src/service/extract/decoded';
import { emitString } from '../../../server/src/service/extract/detect';
import { classifyKeys, KeyKind } from '../../../server/src/service/extract/keys';
import { findUriTokens } from '../../../server/src/service/extract/plainText';
import { isDocumentMarker, readBlockScalar, readPlain, readQuoted, Scalar } from './yamlOracleScalars';

/** Where a value sits: under the keys of the stack and its own key `extra`, or at an explicit path (in flow collections). */
type Where = { extra: string | undefined } | string[];

interface Entry {
  indent: number;
  key: string;
  /** A block sequence at the same indentation as its key (`key:\n- a`) has started. */
  sequenceAtSameIndent: boolean;
}

/** Plain scalars that YAML reads as null, booleans or numbers: not strings. */
const NOT_STRINGS = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|no|No|on|On|off|Off|[-+]?[0-9][0-9_.eE+-]*)$/;

const KEY_ASSIGNMENT = /^(-{0,2}[A-Za-z_][A-Za-z0-9_.-]*)=/;

class YamlScanner {
  readonly out: EmbeddedValue[] = [];
  private stack: Entry[] = [];
  /** The last `name: X` key, so that a sibling `value:` reads as the value of X. */
  private lastName: { col: number; depth: number; value: string } | undefined;

  constructor(private readonly text: string) {}

  run(): EmbeddedValue[] {
    const text = this.text;
    let line = 0;
    while (line < text.length) {
      const eol = lineEnd(text, line);
      let p = line;
      while (p < eol && isSpace(text.charCodeAt(p))) p++;
      if (p >= eol) {
        line = nextLine(text, eol);
        continue;
      }
      const c = text.charCodeAt(p);
      if (c === 0x23 /* # */) {
        this.mentions(p, eol);
        line = nextLine(text, eol);
      } else if (p === line && isDocumentMarker(text, line)) {
        this.stack = [];
        this.lastName = undefined;
        this.mentions(p + 3, eol);
        line = nextLine(text, eol);
      } else if (p === line && c === 0x25 /* % directive */) {
        line = nextLine(text, eol);
      } else {
        line = this.node(line, p, eol);
      }
    }
    return this.out;
  }

  /** Keys of the enclosing mappings, root first (the innermost 16: only the last few decide what a value is). */
  private path(): string[] {
    const from = Math.max(0, this.stack.length - 16);
    const path: string[] = [];
    for (let k = from; k < this.stack.length; k++) path.push(this.stack[k].key);
    return path;
  }

  /** Connection strings in the rest of a line, marked as in a comment when the rest is one (`# ...`). */
  private mentions(from: number, to: number): void {
    const comment = /^[ \t]*#/.test(this.text.slice(from, to));
    for (const [a, b] of findUriTokens(this.text, from, to)) this.out.push({ kind: 'uri', text: this.text.slice(a, b), start: a, syntax: 'raw', ...(comment ? { comment } : {}) });
  }

  /** Reads the content of one line that starts at `line` with its first non-blank at `p`; returns where to go on. */
  private node(line: number, p: number, eol: number): number {
    const text = this.text;
    let itemIndent = -1;
    while (text.charCodeAt(p) === 0x2d && (p + 1 >= eol || isSpace(text.charCodeAt(p + 1)))) {
      const col = p - line;
      while (this.stack.length > 0) {
        const top = this.stack[this.stack.length - 1];
        if (top.indent < col) break;
        if (top.indent === col && (top.sequenceAtSameIndent || this.isLastLineKey(top))) {
          top.sequenceAtSameIndent = true;
          break;
        }
        this.stack.pop();
      }
      if (this.lastName && this.lastName.col > col) this.lastName = undefined;
      itemIndent = col;
      p++;
      while (p < eol && isSpace(text.charCodeAt(p))) p++;
    }
    this.lastKeyLine = -1;
    if (p >= eol) return nextLine(text, eol);
    if (text.charCodeAt(p) === 0x23) {
      this.mentions(p, eol);
      return nextLine(text, eol);
    }
    const key = readKey(text, p, eol);
    if (key) {
      const col = p - line;
      while (this.stack.length > 0 && this.stack[this.stack.length - 1].indent >= col) this.stack.pop();
      let v = skipProperties(text, key.afterColon, eol);
      if (v >= eol || text.charCodeAt(v) === 0x23) {
        this.stack.push({ indent: col, key: key.key, sequenceAtSameIndent: false });
        this.lastKeyLine = line;
        this.mentions(v, eol);
        return nextLine(text, eol);
      }
      const leaf =
        key.key === 'value' && this.lastName && this.lastName.col === col && this.lastName.depth === this.stack.length ? this.lastName.value : key.key;
      const scalar = this.value(v, col, { extra: leaf }, false);
      if (key.key === 'name' && scalar) this.lastName = { col, depth: this.stack.length, value: scalar.text };
      v = this.resumeAt;
      return v;
    }
    if (itemIndent >= 0) {
      this.value(p, itemIndent, { extra: undefined }, true);
      return this.resumeAt;
    }
    const top = this.stack[this.stack.length - 1];
    if (top && p - line > top.indent && !text.startsWith('{{', p)) {
      // The value of a key, on the line after it.
      this.value(p, top.indent, { extra: undefined }, false);
      return this.resumeAt;
    }
    this.mentions(p, eol);
    return nextLine(text, eol);
  }

  /** Line of the last key whose value is on the following lines (-1 once another line was read). */
  private lastKeyLine = -1;
  /** Where the main loop goes on after a value: the start of the line after it. */
  private resumeAt = 0;

  private isLastLineKey(e: Entry): boolean {
    return this.lastKeyLine >= 0 && this.stack[this.stack.length - 1] === e;
  }

  /** Reads a value at `v`; returns its decoded text when it is a scalar. */
  private value(v: number, parentIndent: number, where: Where, isItem: boolean): DecodedText | undefined {
    const text = this.text;
    const c = text.charCodeAt(v);
    let scalar: Scalar | undefined;
    let syntax: HostSyntax = 'yaml-plain';
    if (c === 0x7c /* | */ || c === 0x3e /* > */) {
      scalar = readBlockScalar(text, v, parentIndent);
      syntax = 'yaml-block';
    } else if (c === 0x22 || c === 0x27) {
      scalar = readQuoted(text, v, parentIndent);
      syntax = c === 0x22 ? 'yaml-double' : 'yaml-single';
    } else if (c === 0x5b || (c === 0x7b && text.charCodeAt(v + 1) !== 0x7b)) {
      this.resumeAt = nextLine(text, this.flow(v, parentIndent, Array.isArray(where) ? where : this.pathWith(where.extra)));
      return undefined;
    } else if (c === 0x2a /* *alias */) {
      this.resumeAt = nextLine(text, v);
      return undefined;
    }
    if (!scalar) {
      syntax = 'yaml-plain';
      scalar = readPlain(text, v, parentIndent, false, this.stopsPlain);
    }
    this.emit(scalar.d, syntax, where, isItem);
    const eol = lineEnd(text, scalar.end);
    this.mentions(scalar.comment ?? scalar.end, eol);
    this.resumeAt = nextLine(text, eol);
    return scalar.d;
  }

  /** True when a continuation line would rather start a key or a sequence item. */
  private readonly stopsPlain = (_line: number, s: number): boolean => {
    const text = this.text;
    const le = lineEnd(text, s);
    if (text.charCodeAt(s) === 0x2d && (s + 1 >= le || isSpace(text.charCodeAt(s + 1)))) return true;
    return readKey(text, s, le) !== undefined || text.startsWith('{{', s);
  };

  /** The key path of the stack, and `extra` after it. */
  private pathWith(extra: string | undefined): string[] {
    const path = this.path();
    if (extra !== undefined) path.push(extra);
    return path;
  }

  /** What the keys of the stack (and `extra`, the value's own key) say about a value. */
  private classify(extra: string | undefined): KeyKind | undefined {
    const s = this.stack;
    const n = s.length;
    if (extra !== undefined) return classifyKeys(extra, s[n - 1]?.key, s[n - 2]?.key);
    return n > 0 ? classifyKeys(s[n - 1].key, s[n - 2]?.key, s[n - 3]?.key) : undefined;
  }

  private emit(value: DecodedText, syntax: HostSyntax, where: Where, isItem: boolean): void {
    if (syntax === 'yaml-plain' && NOT_STRINGS.test(value.text)) return;
    let d = kubernetesVariables(value);
    if (isItem) {
      const m = KEY_ASSIGNMENT.exec(d.text.length > 256 ? d.text.slice(0, 256) : d.text);
      if (m) {
        const key = m[1].replace(/^-+/, '');
        d = subDecoded(d, m[0].length, d.text.length);
        where = Array.isArray(where) ? [...where, key] : where.extra === undefined ? { extra: key } : [...this.pathWith(where.extra), key];
      }
    }
    if (Array.isArray(where)) {
      emitString(this.out, d, syntax, { path: where });
    } else {
      const extra = where.extra;
      emitString(this.out, d, syntax, { keyKind: this.classify(extra) ?? null, path: () => this.pathWith(extra) });
    }
  }

  /** Reads a flow collection (`[a, b]`, `{k: v}`) opening at `open`; returns the offset after it. */
  private flow(open: number, parentIndent: number, path: string[]): number {
    const text = this.text;
    const frames: Array<{ isMap: boolean; key?: string }> = [];
    let i = open;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x0a) {
        const s = nextLine(text, i);
        let j = s;
        while (j < text.length && isSpace(text.charCodeAt(j))) j++;
        const d = text.charCodeAt(j);
        if (j < text.length && d !== 0x0a && d !== 0x0d && j - s <= parentIndent && d !== 0x5d && d !== 0x7d) return i;
        i = s;
        continue;
      }
      if (isSpace(c) || c === 0x0d || c === 0x3a) {
        i++;
        continue;
      }
      const top = frames[frames.length - 1];
      if (c === 0x2c) {
        if (top) top.key = undefined;
        i++;
      } else if (c === 0x23 && i > open && /\s/.test(text[i - 1])) {
        const e = lineEnd(text, i);
        this.mentions(i, e);
        i = e;
      } else if (c === 0x5b || (c === 0x7b && text.charCodeAt(i + 1) !== 0x7b)) {
        frames.push({ isMap: c === 0x7b });
        i++;
      } else if (c === 0x5d || c === 0x7d) {
        frames.pop();
        i++;
        if (frames.length === 0) return i;
      } else {
        let scalar: Scalar | undefined;
        let syntax: HostSyntax = 'yaml-plain';
        if (c === 0x22 || c === 0x27) {
          scalar = readQuoted(text, i, parentIndent);
          syntax = c === 0x22 ? 'yaml-double' : 'yaml-single';
          if (!scalar) return lineEnd(text, i);
        } else {
          scalar = readPlain(text, i, parentIndent, true, () => true);
          if (scalar.end === i) scalar = { d: verbatim(text, i, i + 1), end: i + 1 };
        }
        let k = scalar.end;
        while (k < text.length && isSpace(text.charCodeAt(k))) k++;
        if (top?.isMap && top.key === undefined && text.charCodeAt(k) === 0x3a) {
          top.key = scalar.d.text;
        } else if (top) {
          this.emit(scalar.d, syntax, top.isMap && top.key !== undefined ? [...path, top.key] : path, !top.isMap);
        }
        i = scalar.end;
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

/** `key:` at p (plain or quoted key followed by `:` and a blank or the end of the line). */
export function readKey(text: string, p: number, eol: number): { key: string; afterColon: number } | undefined {
  const c = text.charCodeAt(p);
  if (c === 0x22 || c === 0x27) {
    for (let j = p + 1; j < eol; j++) {
      const d = text.charCodeAt(j);
      if (d === 0x5c && c === 0x22) {
        j++;
        continue;
      }
      if (d !== c) continue;
      let k = j + 1;
      while (k < eol && isSpace(text.charCodeAt(k))) k++;
      if (text.charCodeAt(k) === 0x3a && (k + 1 >= eol || isSpace(text.charCodeAt(k + 1)))) return { key: text.slice(p + 1, j), afterColon: k + 1 };
      return undefined;
    }
    return undefined;
  }
  // Indicators that cannot start a plain key (`[`, `{`, `|`, `>`, `?`, `%`, `@`, `` ` ``, `#`, `!`, `&`, `*`).
  if ('[{|>?%@`#!&*,'.includes(text[p])) return undefined;
  for (let j = p; j < eol; j++) {
    const d = text.charCodeAt(j);
    if (d === 0x3a && (j + 1 >= eol || isSpace(text.charCodeAt(j + 1)))) {
      let e = j;
      while (e > p && isSpace(text.charCodeAt(e - 1))) e--;
      return e > p ? { key: text.slice(p, e), afterColon: j + 1 } : undefined;
    }
    if (j > p && isSpace(text.charCodeAt(j - 1)) && (d === 0x23 || d === 0x22 || d === 0x27)) return undefined;
    if (d === 0x7b && text.charCodeAt(j + 1) === 0x7b) return undefined;
  }
  return undefined;
}

/** Skips blanks, anchors (`&a`) and tags (`!!str`, `!Ref`) before a value. */
function skipProperties(text: string, i: number, eol: number): number {
  for (;;) {
    while (i < eol && isSpace(text.charCodeAt(i))) i++;
    const c = text.charCodeAt(i);
    if (i >= eol || (c !== 0x26 && c !== 0x21)) return i;
    while (i < eol && !isSpace(text.charCodeAt(i))) i++;
  }
}

export function extractYaml(text: string): EmbeddedValue[] {
  return new YamlScanner(text).run();
}
