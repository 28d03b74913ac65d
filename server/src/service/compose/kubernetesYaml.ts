/**
 * A small reading of the YAML structure of Kubernetes manifests: documents separated by `---`, block
 * mappings and sequences by indentation, flow collections, and scalars with the document offset of every
 * decoded character (read by the scalar readers of extract/yamlScalars.ts). Enough to find the `kind:`,
 * `metadata.name`, `data:` and `stringData:` of Secrets and ConfigMaps and the `env:` lists of containers;
 * not a YAML parser (no anchors, merges or tags are resolved). Lines that are only a Helm action
 * (`{{- if .Values.x }}`) are skipped. Every line is read a bounded number of times, nesting deeper than
 * MAX_DEPTH is skipped, and nothing throws: what it cannot read is an `other` node.
 */
import type { SourceCode } from '../api';
import { COLON, DASH, HASH, SPACE, TAB } from '../lex/chars';
import { type DecodedText, isSpace, lineEnd, nextLine } from '../extract/decoded';
import { firstNonBlank, isDocumentMarker, readPlain, readQuoted } from '../extract/yamlScalars';
import { readBlockScalar } from '../extract/yamlBlockScalars';

export type ScalarStyle = 'plain' | 'single' | 'double' | 'block';

export interface YamlScalar {
  type: 'scalar';
  /** The decoded text, with the document offset of each character. */
  d: DecodedText;
  style: ScalarStyle;
  /** Document offsets of the scalar's content (inside the quotes; from the first to after the last content character). */
  start: number;
  end: number;
}

export interface YamlEntry {
  key: string;
  keyStart: number;
  value: YamlNode;
}

export interface YamlMap {
  type: 'map';
  entries: YamlEntry[];
}

export interface YamlSeq {
  type: 'seq';
  items: YamlNode[];
}

/** Anything else: an alias, a value that could not be read, nesting too deep. */
export interface YamlOther {
  type: 'other';
}

export type YamlNode = YamlScalar | YamlMap | YamlSeq | YamlOther;

/** Block nesting deeper than this is skipped (Kubernetes manifests nest about 12 levels). */
export const MAX_DEPTH = 48;
/** Flow collections nested deeper than this are not read. */
const MAX_FLOW_DEPTH = 16;

const OTHER: YamlOther = Object.freeze({ type: 'other' });

/** The value of `key` in a mapping node (the last entry of that key), or undefined. */
export function get(node: YamlNode | undefined, key: string): YamlNode | undefined {
  if (!node || node.type !== 'map') return undefined;
  let found: YamlNode | undefined;
  for (const e of node.entries) if (e.key === key) found = e.value;
  return found;
}

/** The text of a scalar node, or undefined when it is not one. */
export function textOf(node: YamlNode | undefined): string | undefined {
  return node && node.type === 'scalar' ? node.d.text : undefined;
}

function scalar(d: DecodedText, style: ScalarStyle, start: number, end: number): YamlScalar {
  return { type: 'scalar', d, style, start, end };
}

/** The end offset of a decoded text (after its last character). */
function endOf(d: DecodedText): number {
  return d.offsets ? d.offsets[d.text.length]! : d.start + d.text.length;
}

/** A line that holds only a Helm/Go template action (`{{- if .Values.x }}`, `{{ end }}`): rendered away. */
function isTemplateLine(text: string, s: number, le: number): boolean {
  if (!text.startsWith('{{', s)) return false;
  let e = le;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  return e - s >= 4 && text.startsWith('}}', e - 2) && text.indexOf('}}', s + 2) === e - 2;
}

/**
 * Where the `:` of a block mapping key ends when the text [s, le) starts with one (`key:` followed by a
 * blank or the line end; `"key":` quoted), as [key, after the colon]; undefined when it does not.
 */
function keyAt(text: string, s: number, le: number): [string, number] | undefined {
  const c = text.charCodeAt(s);
  if (c === 0x22 /* " */ || c === 0x27 /* ' */) {
    const q = readQuoted(text, s, Number.MAX_SAFE_INTEGER);
    if (!q || q.end > le) return undefined;
    let i = q.end;
    while (i < le && isSpace(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) !== COLON || !(i + 1 >= le || isSpace(text.charCodeAt(i + 1)))) return undefined;
    return [q.d.text, i + 1];
  }
  if (c === DASH && (s + 1 >= le || isSpace(text.charCodeAt(s + 1)))) return undefined;
  if (c === HASH || c === 0x7b /* { */ || c === 0x5b /* [ */ || c === 0x7c /* | */ || c === 0x3e /* > */ || c === 0x2a /* * */) return undefined;
  for (let i = s; i < le; i++) {
    const d = text.charCodeAt(i);
    if (d === COLON && (i + 1 >= le || isSpace(text.charCodeAt(i + 1)))) {
      let e = i;
      while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
      return e > s ? [text.slice(s, e), i + 1] : undefined;
    }
    if (d === HASH && i > s && isSpace(text.charCodeAt(i - 1))) return undefined;
  }
  return undefined;
}

/** True when [s, le) starts a block sequence item (`-` followed by a blank or the line end). */
function isItem(text: string, s: number, le: number): boolean {
  return text.charCodeAt(s) === DASH && (s + 1 >= le || isSpace(text.charCodeAt(s + 1)));
}

/** The next line with content: its start, its first non-blank, its end, its indentation. */
interface Line {
  line: number;
  s: number;
  le: number;
  col: number;
}

class Reader {
  /** Start of the next line not read yet. */
  pos = 0;
  private depth = 0;

  constructor(private readonly text: string) {}

  /** The next line with content from pos (blank, comment and template lines are passed over, pos moves past them); undefined at the end or at a document marker. */
  peek(): Line | undefined {
    const text = this.text;
    while (this.pos < text.length) {
      const line = this.pos;
      const s = firstNonBlank(text, line);
      const le = lineEnd(text, s);
      if (s >= le || text.charCodeAt(s) === HASH || isTemplateLine(text, s, le)) {
        this.pos = nextLine(text, le);
        continue;
      }
      if (s === line && (isDocumentMarker(text, line) || text.charCodeAt(s) === 0x25 /* % */)) return undefined;
      return { line, s, le, col: s - line };
    }
    return undefined;
  }

  /** Skips the lines indented more than `indent`. */
  private skipBlock(indent: number): void {
    for (let l = this.peek(); l && l.col > indent; l = this.peek()) this.pos = nextLine(this.text, l.le);
  }

  /** Reads the node whose content starts at `s` (column `col`, on a line ending at `le`), in a block whose parent is indented `parentIndent`. */
  node(s: number, le: number, col: number, parentIndent: number): YamlNode {
    if (this.depth >= MAX_DEPTH) {
      this.pos = nextLine(this.text, le);
      this.skipBlock(parentIndent);
      return OTHER;
    }
    this.depth++;
    const node = isItem(this.text, s, le) ? this.sequence(s, le, col) : keyAt(this.text, s, le) ? this.mapping(s, le, col) : this.value(s, le, parentIndent);
    this.depth--;
    return node;
  }

  /** A block sequence whose first `-` is at `s`, column `col`. */
  private sequence(s: number, le: number, col: number): YamlSeq {
    const text = this.text;
    const items: YamlNode[] = [];
    for (;;) {
      let v = s + 1;
      while (v < le && isSpace(text.charCodeAt(v))) v++;
      if (v >= le || text.charCodeAt(v) === HASH) {
        this.pos = nextLine(text, le);
        items.push(this.nested(col, false));
      } else {
        items.push(this.node(v, le, v - (s - col), col));
      }
      let next = this.peek();
      while (next && next.col > col) {
        // What the item did not take (a stray deeper line): passed over.
        this.pos = nextLine(text, next.le);
        next = this.peek();
      }
      if (!next || next.col < col || !isItem(text, next.s, next.le)) break;
      s = next.s;
      le = next.le;
    }
    return { type: 'seq', items };
  }

  /** A block mapping whose first key is at `s`, column `col`. */
  private mapping(s: number, le: number, col: number): YamlMap {
    const text = this.text;
    const entries: YamlEntry[] = [];
    for (;;) {
      const key = keyAt(text, s, le);
      if (key) {
        let v = key[1];
        while (v < le && isSpace(text.charCodeAt(v))) v++;
        let value: YamlNode;
        if (v >= le || text.charCodeAt(v) === HASH) {
          this.pos = nextLine(text, le);
          value = this.nested(col, true);
        } else value = this.node(v, le, v - (s - col), col);
        entries.push({ key: key[0], keyStart: s, value });
      } else this.pos = nextLine(text, le);
      let next = this.peek();
      while (next && next.col > col) {
        // What the value did not take (a stray deeper line): passed over.
        this.pos = nextLine(text, next.le);
        next = this.peek();
      }
      if (!next || next.col < col) break;
      if (isItem(text, next.s, next.le)) break;
      s = next.s;
      le = next.le;
    }
    return { type: 'map', entries };
  }

  /** The node on the lines after a key or `-` with nothing after it (indented more, or a sequence at the key's indentation). */
  private nested(indent: number, inMapping: boolean): YamlNode {
    const next = this.peek();
    if (!next) return scalar({ text: '', start: this.pos }, 'plain', this.pos, this.pos);
    if (next.col > indent || (inMapping && next.col === indent && isItem(this.text, next.s, next.le))) return this.node(next.s, next.le, next.col, indent);
    return scalar({ text: '', start: next.line }, 'plain', next.line, next.line);
  }

  /** A value written after a key or a `-` at `v` on its line: a scalar or a flow collection. */
  private value(v: number, le: number, parentIndent: number): YamlNode {
    const text = this.text;
    let c = text.charCodeAt(v);
    // Tags and anchors before the value are passed over.
    while ((c === 0x21 /* ! */ || c === 0x26) /* & */ && v < le) {
      while (v < le && !isSpace(text.charCodeAt(v))) v++;
      while (v < le && isSpace(text.charCodeAt(v))) v++;
      if (v >= le) {
        this.pos = nextLine(text, le);
        return this.nested(parentIndent, false);
      }
      c = text.charCodeAt(v);
    }
    if (c === 0x2a /* * alias */) {
      this.pos = nextLine(text, le);
      return OTHER;
    }
    if (c === 0x7c /* | */ || c === 0x3e /* > */) {
      const b = readBlockScalar(text, v, parentIndent);
      this.pos = nextLine(text, b ? b.end : le);
      if (!b) return OTHER;
      return scalar(b.d, 'block', b.d.start, endOf(b.d));
    }
    if (c === 0x22 /* " */ || c === 0x27 /* ' */) {
      const q = readQuoted(text, v, parentIndent);
      if (!q) {
        this.pos = nextLine(text, le);
        return OTHER;
      }
      this.pos = nextLine(text, q.end - 1);
      return scalar(q.d, c === 0x22 ? 'double' : 'single', v + 1, q.end - 1);
    }
    if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      const f = new FlowReader(text, parentIndent).read(v, 0);
      this.pos = nextLine(text, f.end > v ? f.end - 1 : le);
      return f.node;
    }
    const stop = (_line: number, s: number, e: number) => isItem(text, s, e) || keyAt(text, s, e) !== undefined;
    const p = readPlain(text, v, parentIndent, false, stop, le);
    this.pos = nextLine(text, Math.max(p.end, v));
    return scalar(p.d, 'plain', p.d.start, endOf(p.d));
  }
}

/** Reads a flow collection (`{a: b, c: [d]}`), over lines; a collection that does not close is `other` up to its line's end. */
class FlowReader {
  constructor(
    private readonly text: string,
    private readonly parentIndent: number,
  ) {}

  /** Skips blanks, line breaks and comments from i; the offset of the next character, or -1 at a document marker or the end. */
  private skip(i: number): number {
    const text = this.text;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === SPACE || c === TAB || c === 0x0d) i++;
      else if (c === 0x0a) {
        i++;
        if (isDocumentMarker(text, i)) return -1;
      } else if (c === HASH) i = lineEnd(text, i);
      else return i;
    }
    return -1;
  }

  /** The collection or scalar at i: the node and the offset after it (i itself when nothing could be read). */
  read(i: number, depth: number): { node: YamlNode; end: number } {
    const text = this.text;
    const c = text.charCodeAt(i);
    if (c === 0x7b || c === 0x5b) {
      if (depth >= MAX_FLOW_DEPTH) return { node: OTHER, end: i };
      const isMap = c === 0x7b;
      const close = isMap ? 0x7d : 0x5d;
      const entries: YamlEntry[] = [];
      const items: YamlNode[] = [];
      let k = i + 1;
      for (;;) {
        k = this.skip(k);
        if (k < 0) return { node: OTHER, end: i };
        const d = text.charCodeAt(k);
        if (d === close) return { node: isMap ? { type: 'map', entries } : { type: 'seq', items }, end: k + 1 };
        if (d === 0x2c /* , */) {
          k++;
          continue;
        }
        const first = this.read(k, depth + 1);
        if (first.end <= k) return { node: OTHER, end: i };
        k = first.end;
        const colon = this.skip(k);
        if (colon >= 0 && text.charCodeAt(colon) === COLON) {
          const at = this.skip(colon + 1);
          let value: YamlNode = scalar({ text: '', start: colon + 1 }, 'plain', colon + 1, colon + 1);
          const e = at < 0 ? -1 : text.charCodeAt(at);
          if (at >= 0 && e !== 0x2c && e !== close) {
            const second = this.read(at, depth + 1);
            if (second.end <= at) return { node: OTHER, end: i };
            value = second.node;
            k = second.end;
          } else k = colon + 1;
          if (isMap && first.node.type === 'scalar') entries.push({ key: first.node.d.text, keyStart: first.node.start, value });
        } else if (isMap) {
          if (first.node.type === 'scalar') entries.push({ key: first.node.d.text, keyStart: first.node.start, value: scalar({ text: '', start: k }, 'plain', k, k) });
        } else items.push(first.node);
      }
    }
    if (c === 0x22 || c === 0x27) {
      const q = readQuoted(text, i, this.parentIndent);
      if (!q) return { node: OTHER, end: i };
      return { node: scalar(q.d, c === 0x22 ? 'double' : 'single', i + 1, q.end - 1), end: q.end };
    }
    const p = readPlain(text, i, this.parentIndent, true, () => true, lineEnd(text, i));
    return { node: scalar(p.d, 'plain', p.d.start, endOf(p.d)), end: p.end };
  }
}

/** The documents of a YAML stream: for each, its top-level nodes (one, unless the document is malformed). */
export function readDocuments(text: string): YamlNode[][] {
  const docs: YamlNode[][] = [[]];
  const r = new Reader(text);
  while (r.pos < text.length) {
    const before = r.pos;
    const l = r.peek();
    if (!l) {
      if (r.pos >= text.length) break;
      // A document marker or a directive.
      if (text.startsWith('---', r.pos) && docs[docs.length - 1]!.length > 0) docs.push([]);
      r.pos = nextLine(text, r.pos);
      continue;
    }
    docs[docs.length - 1]!.push(r.node(l.s, l.le, l.col, -1));
    if (r.pos <= before) r.pos = nextLine(text, l.le);
  }
  return docs.filter((d) => d.length > 0);
}

const documentsByCode = new WeakMap<SourceCode, YamlNode[][]>();

/** readDocuments of a document, read once for all the analyzers of one analysis (they share its SourceCode). */
export function documentsOf(code: SourceCode): YamlNode[][] {
  let docs = documentsByCode.get(code);
  if (!docs) documentsByCode.set(code, (docs = readDocuments(code.text)));
  return docs;
}
