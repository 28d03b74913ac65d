/**
 * A docker-compose document read into a model: its services, each with the facts that decide where a
 * connection string written in the file leads (image, command, environment, ports, the names it has on
 * the network), every fact with its document span.
 *
 * A small reader of YAML's block and flow structure (the scalars are read by extract/yamlScalars.ts and
 * yamlBlockScalars.ts): it reads the first document, in time linear in its length, at most MAX_DEPTH
 * collections deep (what is deeper is passed over), and never throws. An alias is the node its anchor
 * names; merge keys (`<<: *base`) are resolved within a budget of entries per file, so that aliases of
 * aliases (a billion laughs) cost no more than the budget.
 */
import type { Span } from '../api';
import { isSpace, lineEnd, nextLine } from '../extract/decoded';
import { readBlockScalar } from '../extract/yamlBlockScalars';
import { firstNonBlank, flowPlainEnd, isDocumentMarker, quotedVerbatimEnd, readPlain, readQuoted, type Scalar } from '../extract/yamlScalars';

// ---------------------------------------------------------------------------------------------
// YAML nodes

interface NodeBase {
  /** From the node's first character to the end of its last one (a scalar: its content, inside quotes). */
  span: Span;
}
export interface YamlScalar extends NodeBase {
  kind: 'scalar';
  value: string;
  /** Written without quotes (`null`, `~` are null then). */
  plain: boolean;
  /** The document offset of each character of `value` (and of its end) when it is not a verbatim slice. */
  offsets?: number[];
}
export interface YamlEntry {
  key: string;
  keySpan: Span;
  value?: YamlNode;
}
export interface YamlMap extends NodeBase {
  kind: 'map';
  entries: YamlEntry[];
}
export interface YamlSeq extends NodeBase {
  kind: 'seq';
  items: YamlNode[];
}
export interface YamlAlias extends NodeBase {
  kind: 'alias';
  /** The node of the anchor, when it was defined before the alias. */
  target?: YamlNode;
}
export type YamlNode = YamlScalar | YamlMap | YamlSeq | YamlAlias;

/** Collections nested deeper than this are passed over. */
const MAX_DEPTH = 64;
/** Entries that merge keys may bring in, in a whole file. */
const MERGE_BUDGET = 50_000;

const HASH = 0x23;
const DASH = 0x2d;
const COLON = 0x3a;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

function blankOrEnd(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return Number.isNaN(c) || isSpace(c) || c === LF || c === CR;
}

function lineStartOf(text: string, i: number): number {
  return text.lastIndexOf('\n', i - 1) + 1;
}

/** A scalar node from what yamlScalars read. */
function scalarNode(s: Scalar, plain: boolean): YamlScalar {
  const { text, start, offsets } = s.d;
  const node: YamlScalar = { kind: 'scalar', value: text, plain, span: { start, end: offsets ? offsets[text.length]! : start + text.length } };
  if (offsets) node.offsets = offsets;
  return node;
}

/** The implicit key at `i` (`key:` or `"key":`, on one line), and where its value starts. */
interface Key {
  text: string;
  span: Span;
  after: number;
}

class Reader {
  /** The start of the line to read next (block context). */
  private pos = 0;
  /** The end of the first document. */
  private end: number;
  /** The cursor of flow context. */
  private fi = 0;
  /** Set when a flow collection runs past a line that ends it (unclosed). */
  private flowBroken = false;
  private readonly anchors = new Map<string, YamlNode>();

  constructor(private readonly text: string) {
    this.end = text.length;
  }

  root(): YamlNode | undefined {
    const t = this.text;
    // Directives and the `---` of the first document.
    for (let ls = 0; ls < t.length; ls = nextLine(t, ls)) {
      const c = t.charCodeAt(ls);
      if (c === 0x25 /* % */ || c === HASH || firstNonBlank(t, ls) === lineEnd(t, ls)) continue;
      this.pos = isDocumentMarker(t, ls) && c === DASH ? nextLine(t, ls) : ls;
      break;
    }
    return this.block(-1, 0, false);
  }

  /** The start of the next line with content (past empty and comment lines), or -1 at the end of the document. */
  private contentLine(): number {
    const t = this.text;
    let ls = this.pos;
    while (ls < this.end) {
      const s = firstNonBlank(t, ls);
      const c = t.charCodeAt(s);
      if (s < t.length && c !== LF && c !== CR && c !== HASH) {
        if (s === ls && isDocumentMarker(t, ls)) {
          this.end = ls;
          break;
        }
        this.pos = ls;
        return ls;
      }
      ls = nextLine(t, s);
    }
    this.pos = this.end;
    return -1;
  }

  /** The node on the next lines, indented more than `parent` (a sequence may be at `parent` under a key). */
  private block(parent: number, depth: number, mapValue: boolean): YamlNode | undefined {
    const ls = this.contentLine();
    if (ls < 0) return undefined;
    const s = firstNonBlank(this.text, ls);
    const col = s - ls;
    if (col <= parent && !(mapValue && col === parent && this.text.charCodeAt(s) === DASH && blankOrEnd(this.text, s + 1))) return undefined;
    return this.node(s, parent, depth, true);
  }

  /** Passes over the rest of the line and the lines indented more than `parent`. */
  private skipBlock(at: number, parent: number): void {
    this.pos = nextLine(this.text, at);
    for (let ls = this.contentLine(); ls >= 0 && firstNonBlank(this.text, ls) - ls > parent; ls = this.contentLine()) this.pos = nextLine(this.text, ls);
  }

  /**
   * The node whose text starts at `i` (after `key:` or `- `, or a line's first character) in a collection
   * indented `parent`; `compound`: it may be a block mapping or sequence starting on this line.
   */
  private node(i: number, parent: number, depth: number, compound: boolean): YamlNode | undefined {
    const t = this.text;
    const eol = lineEnd(t, i);
    while (i < eol && isSpace(t.charCodeAt(i))) i++;
    if (depth > MAX_DEPTH) {
      this.skipBlock(i, parent);
      return undefined;
    }
    let anchor: string | undefined;
    // Properties: an anchor and a tag, in either order.
    for (let c = t.charCodeAt(i); i < eol && (c === 0x26 /* & */ || c === 0x21) /* ! */; c = t.charCodeAt(i)) {
      let e = i + 1;
      while (e < eol && !isSpace(t.charCodeAt(e))) e++;
      if (c === 0x26) anchor = t.slice(i + 1, e);
      i = e;
      while (i < eol && isSpace(t.charCodeAt(i))) i++;
    }
    const node = this.content(i, eol, parent, depth, compound);
    if (node && anchor !== undefined) this.anchors.set(anchor, node);
    return node;
  }

  private content(i: number, eol: number, parent: number, depth: number, compound: boolean): YamlNode | undefined {
    const t = this.text;
    const c = t.charCodeAt(i);
    if (i >= eol || c === HASH) {
      this.pos = nextLine(t, eol);
      return this.block(parent, depth, !compound);
    }
    if (c === DASH && blankOrEnd(t, i + 1)) {
      if (compound) return this.seq(i, depth + 1);
    } else if (c === 0x2a /* * */) {
      let e = i + 1;
      while (e < eol && !isSpace(t.charCodeAt(e))) e++;
      this.pos = nextLine(t, eol);
      const alias: YamlAlias = { kind: 'alias', span: { start: i, end: e } };
      const target = this.anchors.get(t.slice(i + 1, e));
      if (target) alias.target = target;
      return alias;
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      this.fi = i;
      this.flowBroken = false;
      const node = this.flowCollection(parent, depth + 1);
      this.pos = this.flowBroken ? this.fi : nextLine(t, lineEnd(t, this.fi));
      return node;
    } else if (c === 0x7c /* | */ || c === 0x3e /* > */) {
      const s = readBlockScalar(t, i, parent);
      if (s) {
        this.pos = nextLine(t, s.end);
        return scalarNode(s, false);
      }
    }
    if (compound) {
      const k = this.key(i, eol);
      if (k) return this.map(i, k, depth + 1);
    }
    const quoted = c === 0x22 || c === 0x27;
    const s = (quoted ? readQuoted(t, i, parent) : undefined) ?? readPlain(t, i, parent, false, () => false, eol);
    this.pos = nextLine(t, lineEnd(t, s.end));
    return scalarNode(s, !quoted);
  }

  /** The implicit key at `i`, on the line ending at `eol`. */
  private key(i: number, eol: number): Key | undefined {
    const t = this.text;
    const c = t.charCodeAt(i);
    let j: number;
    let key: Omit<Key, 'after'>;
    if (c === 0x22 || c === 0x27) {
      const close = quotedVerbatimEnd(t, i);
      let s: Scalar | undefined;
      if (close >= 0) s = { d: { text: t.slice(i + 1, close), start: i + 1 }, end: close + 1 };
      else s = readQuoted(t, i, -1);
      if (!s || s.end > eol) return undefined;
      key = { text: s.d.text, span: { start: i + 1, end: s.end - 1 } };
      j = s.end;
      while (j < eol && isSpace(t.charCodeAt(j))) j++;
    } else {
      if ('[]{}&*!|>%@`#,'.includes(t[i]!) || (('-?:'.includes(t[i]!)) && blankOrEnd(t, i + 1))) return undefined;
      for (j = i; j < eol; j++) {
        const d = t.charCodeAt(j);
        if (d === COLON && blankOrEnd(t, j + 1)) break;
        if (d === HASH && isSpace(t.charCodeAt(j - 1))) return undefined;
      }
      let e = j;
      while (e > i && isSpace(t.charCodeAt(e - 1))) e--;
      key = { text: t.slice(i, e), span: { start: i, end: e } };
    }
    return j < eol && t.charCodeAt(j) === COLON && blankOrEnd(t, j + 1) ? { ...key, after: j + 1 } : undefined;
  }

  /** A block mapping whose first key `k` starts at `first`. */
  private map(first: number, k: Key, depth: number): YamlMap {
    const t = this.text;
    const col = first - lineStartOf(t, first);
    const entries: YamlEntry[] = [];
    let end = k.span.end;
    for (let key: Key | undefined = k; key; ) {
      const value = this.node(key.after, col, depth, false);
      const entry: YamlEntry = { key: key.text, keySpan: key.span };
      if (value) entry.value = value;
      entries.push(entry);
      end = Math.max(end, value ? value.span.end : key.span.end);
      key = undefined;
      // The next key at this indentation; lines indented more that are not a value are passed over.
      for (let ls = this.contentLine(); ls >= 0; ls = this.contentLine()) {
        const s = firstNonBlank(t, ls);
        if (s - ls < col) break;
        if (s - ls === col) {
          key = this.key(s, lineEnd(t, s));
          if (key || t.charCodeAt(s) === DASH) break;
        }
        this.pos = nextLine(t, s);
      }
    }
    return { kind: 'map', entries, span: { start: first, end } };
  }

  /** A block sequence whose first `-` is at `first`. */
  private seq(first: number, depth: number): YamlSeq {
    const t = this.text;
    const col = first - lineStartOf(t, first);
    const items: YamlNode[] = [];
    let end = first + 1;
    for (let dash = first; dash >= 0; ) {
      const item = this.node(dash + 1, col, depth, true);
      if (item) {
        items.push(item);
        end = Math.max(end, item.span.end);
      }
      dash = -1;
      for (let ls = this.contentLine(); ls >= 0; ls = this.contentLine()) {
        const s = firstNonBlank(t, ls);
        if (s - ls < col) break;
        if (s - ls === col) {
          if (t.charCodeAt(s) === DASH && blankOrEnd(t, s + 1)) dash = s;
          break;
        }
        this.pos = nextLine(t, s);
      }
    }
    return { kind: 'seq', items, span: { start: first, end } };
  }

  // -------------------------------------------------------------------------------------------
  // Flow context

  /** Skips blanks, line breaks and comments; false when the collection ends without closing (a line not indented more than `parent`). */
  private flowSpace(parent: number): boolean {
    const t = this.text;
    while (this.fi < this.end) {
      const c = t.charCodeAt(this.fi);
      if (isSpace(c) || c === CR) this.fi++;
      else if (c === HASH && blankOrEnd(t, this.fi - 1)) this.fi = lineEnd(t, this.fi);
      else if (c === LF) {
        const ls = this.fi + 1;
        const s = firstNonBlank(t, ls);
        const d = t.charCodeAt(s);
        if (s < t.length && s - ls <= parent && d !== LF && d !== CR && d !== 0x5d && d !== 0x7d && d !== HASH) {
          this.fi = ls;
          this.flowBroken = true;
          return false;
        }
        this.fi = ls;
      } else return true;
    }
    return false;
  }

  /** The flow collection opening at `fi`. */
  private flowCollection(parent: number, depth: number): YamlMap | YamlSeq | undefined {
    const t = this.text;
    const start = this.fi;
    if (depth > MAX_DEPTH) {
      // Passed over: to its closing bracket (brackets in quotes are counted too).
      let open = 0;
      for (; this.fi < this.end; this.fi++) {
        const c = t.charCodeAt(this.fi);
        if (c === 0x5b || c === 0x7b) open++;
        else if ((c === 0x5d || c === 0x7d) && --open === 0) break;
      }
      this.fi++;
      return undefined;
    }
    const isMap = t.charCodeAt(this.fi++) === 0x7b;
    const entries: YamlEntry[] = [];
    const items: YamlNode[] = [];
    while (!this.flowBroken && this.flowSpace(parent)) {
      const c = t.charCodeAt(this.fi);
      if (c === 0x5d || c === 0x7d) {
        this.fi++;
        break;
      }
      if (c === COMMA) {
        this.fi++;
        continue;
      }
      const before = this.fi;
      const k = this.flowItem(parent, depth);
      if (this.flowBroken) break;
      this.flowSpace(parent);
      if (t.charCodeAt(this.fi) === COLON) {
        this.fi++;
        let value: YamlNode | undefined;
        if (this.flowSpace(parent) && !',]}'.includes(t[this.fi]!)) value = this.flowItem(parent, depth);
        const entry: YamlEntry = { key: k?.kind === 'scalar' ? k.value : '', keySpan: k ? k.span : { start: before, end: before } };
        if (value) entry.value = value;
        if (isMap) entries.push(entry);
        else items.push({ kind: 'map', entries: [entry], span: { start: before, end: this.fi } });
      } else if (isMap) {
        if (k?.kind === 'scalar') entries.push({ key: k.value, keySpan: k.span });
      } else if (k) items.push(k);
      if (this.fi === before) this.fi++;
    }
    const span = { start, end: this.fi };
    return isMap ? { kind: 'map', entries, span } : { kind: 'seq', items, span };
  }

  /** The node at `fi` in a flow collection. */
  private flowItem(parent: number, depth: number): YamlNode | undefined {
    const t = this.text;
    let anchor: string | undefined;
    let c = t.charCodeAt(this.fi);
    while (c === 0x26 || c === 0x21) {
      let e = this.fi + 1;
      while (e < this.end && !blankOrEnd(t, e) && !',[]{}'.includes(t[e]!)) e++;
      if (c === 0x26) anchor = t.slice(this.fi + 1, e);
      this.fi = e;
      if (!this.flowSpace(parent)) return undefined;
      c = t.charCodeAt(this.fi);
    }
    let node: YamlNode | undefined;
    if (c === 0x5b || c === 0x7b) node = this.flowCollection(parent, depth + 1);
    else if (c === 0x2a) {
      let e = this.fi + 1;
      while (e < this.end && !blankOrEnd(t, e) && !',[]{}'.includes(t[e]!)) e++;
      const alias: YamlAlias = { kind: 'alias', span: { start: this.fi, end: e } };
      const target = this.anchors.get(t.slice(this.fi + 1, e));
      if (target) alias.target = target;
      this.fi = e;
      node = alias;
    } else if (c === 0x22 || c === 0x27) {
      const s = readQuoted(t, this.fi, parent);
      if (!s) {
        this.fi = lineEnd(t, this.fi);
        return undefined;
      }
      this.fi = s.end;
      node = scalarNode(s, false);
    } else {
      const e = flowPlainEnd(t, this.fi, lineEnd(t, this.fi));
      if (e === this.fi) return undefined;
      node = { kind: 'scalar', value: t.slice(this.fi, e), plain: true, span: { start: this.fi, end: e } };
      this.fi = e;
    }
    if (node && anchor !== undefined) this.anchors.set(anchor, node);
    return node;
  }
}

/** The node of the first YAML document of `text` (undefined when it is empty). */
export function readYaml(text: string): YamlNode | undefined {
  return new Reader(text).root();
}

// ---------------------------------------------------------------------------------------------
// The compose model

/** A value of the file and where it is written. */
export interface Located {
  value: string;
  span: Span;
}

export interface EnvironmentEntry {
  name: Located;
  /** Absent for `KEY` (list form) and `KEY:` / `KEY: null` (map form): taken from the shell. */
  value?: Located;
}

export interface PortMapping {
  hostIp?: string;
  /** The host side (a port or a range); absent when only the container port is given. */
  published?: string;
  /** The container side (a port or a range). */
  target: string;
  protocol?: string;
  span: Span;
}

export interface ComposeService {
  name: string;
  nameSpan: Span;
  /** The service's block, from its name to the end of its value. */
  span: Span;
  /** The block and the anchored nodes it takes in through aliases and merge keys. */
  regions: Span[];
  image?: Located;
  /** Each argument; a string command split as compose splits it. */
  command?: Located[];
  entrypoint?: Located[];
  environment: EnvironmentEntry[];
  envFiles: Array<{ path: Located; required: boolean }>;
  ports: PortMapping[];
  expose: Located[];
  hostname?: Located;
  containerName?: Located;
  networkMode?: Located;
  /** The networks it joins, and its aliases on them. */
  networks: Located[];
  aliases: Located[];
  /** `links` and `external_links`: `service:alias` or `service`. */
  links: Array<{ service: Located; alias?: Located }>;
  extraHosts: Array<{ host: Located; address?: Located }>;
  replicas?: Located;
  healthcheck?: { span: Span; test?: Located[] };
}

export interface ComposeFile {
  services: ComposeService[];
  /** The `services` key, when the file has one. */
  servicesSpan?: Span;
  /** The file brings in other compose files (`include:`): their services are not seen here. */
  includes: boolean;
  /** The networks declared external: containers of other projects may be on them. */
  externalNetworks: string[];
}

/** Reads nodes with aliases resolved and merge keys applied, within the file's budget. */
class Resolver {
  private budget = MERGE_BUDGET;
  /** The spans of the anchored nodes read through aliases, for the service being read. */
  regions: Span[] = [];

  deref(node: YamlNode | undefined): YamlNode | undefined {
    if (node?.kind !== 'alias') return node;
    if (node.target) this.regions.push(node.target.span);
    return node.target?.kind === 'alias' ? undefined : node.target;
  }

  /** The entries of a mapping, merged ones after its own (a key written in the mapping wins). */
  entries(node: YamlNode | undefined, depth = 0): YamlEntry[] {
    const m = this.deref(node);
    if (m?.kind !== 'map') return [];
    if (!m.entries.some((e) => e.key === '<<')) return m.entries;
    const own = m.entries.filter((e) => e.key !== '<<');
    if ((this.budget -= m.entries.length) < 0 || depth > 8) return own;
    const seen = new Set(own.map((e) => e.key));
    for (const e of m.entries) {
      if (e.key !== '<<') continue;
      const v = this.deref(e.value);
      for (const source of v?.kind === 'seq' ? v.items : [v]) {
        for (const x of this.entries(source, depth + 1)) {
          if (--this.budget < 0) return own;
          if (!seen.has(x.key)) {
            seen.add(x.key);
            own.push(x);
          }
        }
      }
    }
    return own;
  }

  scalar(node: YamlNode | undefined): YamlScalar | undefined {
    const s = this.deref(node);
    return s?.kind === 'scalar' && !(s.plain && (s.value === 'null' || s.value === '~' || s.value === '')) ? s : undefined;
  }

  located(node: YamlNode | undefined): Located | undefined {
    const s = this.scalar(node);
    return s && { value: s.value, span: s.span };
  }

  items(node: YamlNode | undefined): YamlNode[] {
    const s = this.deref(node);
    return s?.kind === 'seq' ? s.items : [];
  }

  /** The scalars of a sequence. */
  list(node: YamlNode | undefined): Located[] {
    const out: Located[] = [];
    for (const item of this.items(node)) {
      const l = this.located(item);
      if (l) out.push(l);
    }
    return out;
  }

  /** A command: a list of arguments, or a string split as compose splits it. */
  args(node: YamlNode | undefined): Located[] | undefined {
    const s = this.deref(node);
    if (s?.kind === 'seq') return this.list(s);
    const sc = this.scalar(s);
    return sc && shellWords(sc.value, (i) => offsetIn(sc, i));
  }
}

/** The document offset of character i of a scalar's value. */
function offsetIn(s: YamlScalar, i: number): number {
  return s.offsets ? s.offsets[i]! : s.span.start + i;
}

/** The part [a, b) of a scalar, located. */
function part(s: YamlScalar, a: number, b: number): Located {
  return { value: s.value.slice(a, b), span: { start: offsetIn(s, a), end: offsetIn(s, b) } };
}

/**
 * Splits a command string into words as compose does (go-shellwords): blanks separate words, `'…'`
 * keeps its text as is, `"…"` and a backslash outside single quotes take the next character as it is.
 * `offsetAt(i)` is the document offset of character i.
 */
export function shellWords(s: string, offsetAt: (i: number) => number): Located[] {
  const out: Located[] = [];
  let word = '';
  let from = -1;
  let to = 0;
  let quote = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quote === "'") {
      if (c === "'") quote = '';
      else word += c;
    } else if (c === '\\' && i + 1 < s.length) {
      if (from < 0) from = i;
      word += s[++i];
    } else if (quote === '"') {
      if (c === '"') quote = '';
      else word += c;
    } else if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      if (from >= 0) out.push({ value: word, span: { start: offsetAt(from), end: offsetAt(to) } });
      from = -1;
      word = '';
      continue;
    } else {
      if (from < 0) from = i;
      if (c === '"' || c === "'") quote = c;
      else word += c;
    }
    to = i + 1;
  }
  if (from >= 0) out.push({ value: word, span: { start: offsetAt(from), end: offsetAt(to) } });
  return out;
}

/** A port mapping of the short syntax: `[[IP:]PUBLISHED:]TARGET[/PROTOCOL]`. */
function shortPort(l: Located): PortMapping {
  let v = l.value;
  const p: PortMapping = { target: '', span: l.span };
  const slash = v.lastIndexOf('/');
  if (slash >= 0) {
    p.protocol = v.slice(slash + 1);
    v = v.slice(0, slash);
  }
  if (v.startsWith('[') && v.includes(']:')) {
    p.hostIp = v.slice(1, v.indexOf(']:'));
    v = v.slice(v.indexOf(']:') + 2);
  }
  const parts = v.split(':');
  p.target = parts.pop()!;
  const published = parts.pop();
  if (published) p.published = published;
  if (parts.length > 0) p.hostIp = parts.join(':');
  return p;
}

function readService(e: YamlEntry, r: Resolver): ComposeService {
  const span = { start: e.keySpan.start, end: Math.max(e.keySpan.end, e.value?.span.end ?? 0) };
  r.regions = [span];
  const node = r.deref(e.value);
  const s: ComposeService = {
    name: e.key, nameSpan: e.keySpan, span, regions: r.regions, environment: [], envFiles: [], ports: [], expose: [],
    networks: [], aliases: [], links: [], extraHosts: [],
  };
  for (const f of r.entries(node)) {
    const v = f.value;
    switch (f.key) {
      case 'image':
        s.image = r.located(v);
        break;
      case 'command':
        s.command = r.args(v);
        break;
      case 'entrypoint':
        s.entrypoint = r.args(v);
        break;
      case 'hostname':
        s.hostname = r.located(v);
        break;
      case 'container_name':
        s.containerName = r.located(v);
        break;
      case 'network_mode':
        s.networkMode = r.located(v);
        break;
      case 'environment':
        s.environment = environment(v, r);
        break;
      case 'env_file':
        for (const item of r.deref(v)?.kind === 'seq' ? r.items(v) : [v]) {
          const m = r.deref(item);
          if (m?.kind === 'map') {
            const fields = r.entries(m);
            const path = r.located(fields.find((x) => x.key === 'path')?.value);
            if (path) s.envFiles.push({ path, required: r.scalar(fields.find((x) => x.key === 'required')?.value)?.value !== 'false' });
          } else {
            const path = r.located(m);
            if (path) s.envFiles.push({ path, required: true });
          }
        }
        break;
      case 'ports':
        for (const item of r.items(v)) {
          const m = r.deref(item);
          if (m?.kind !== 'map') {
            const l = r.located(m);
            if (l) s.ports.push(shortPort(l));
            continue;
          }
          const fields = r.entries(m);
          const field = (k: string) => r.scalar(fields.find((x) => x.key === k)?.value)?.value;
          const p: PortMapping = { target: field('target') ?? '', span: m.span };
          const published = field('published');
          const hostIp = field('host_ip');
          const protocol = field('protocol');
          if (published) p.published = published;
          if (hostIp) p.hostIp = hostIp;
          if (protocol) p.protocol = protocol;
          s.ports.push(p);
        }
        break;
      case 'expose':
        s.expose = r.list(v);
        break;
      case 'networks': {
        const m = r.deref(v);
        if (m?.kind === 'seq') s.networks = r.list(m);
        for (const n of r.entries(m)) {
          s.networks.push({ value: n.key, span: n.keySpan });
          s.aliases.push(...r.list(r.entries(n.value).find((x) => x.key === 'aliases')?.value));
        }
        break;
      }
      case 'links':
      case 'external_links':
        for (const l of r.list(v)) {
          const colon = l.value.indexOf(':');
          if (colon < 0) s.links.push({ service: l });
          else {
            const at = l.span.start;
            s.links.push({
              service: { value: l.value.slice(0, colon), span: { start: at, end: at + colon } },
              alias: { value: l.value.slice(colon + 1), span: { start: at + colon + 1, end: l.span.end } },
            });
          }
        }
        break;
      case 'extra_hosts': {
        const m = r.deref(v);
        if (m?.kind === 'map') for (const h of r.entries(m)) s.extraHosts.push({ host: { value: h.key, span: h.keySpan }, ...optional('address', r.located(h.value)) });
        for (const l of r.list(m)) {
          const sep = l.value.search(/[:=]/);
          const at = l.span.start;
          if (sep < 0) s.extraHosts.push({ host: l });
          else s.extraHosts.push({ host: { value: l.value.slice(0, sep), span: { start: at, end: at + sep } }, address: { value: l.value.slice(sep + 1), span: { start: at + sep + 1, end: l.span.end } } });
        }
        break;
      }
      case 'deploy':
        s.replicas = r.located(r.entries(v).find((x) => x.key === 'replicas')?.value);
        break;
      case 'healthcheck': {
        const m = r.deref(v);
        if (!m) break;
        // The string form is one shell command (CMD-SHELL), not split.
        const test = r.entries(m).find((x) => x.key === 'test')?.value;
        const one = r.located(test);
        s.healthcheck = { span: m.span, ...optional('test', one ? [one] : r.deref(test)?.kind === 'seq' ? r.list(test) : undefined) };
        break;
      }
    }
  }
  if (s.command === undefined) delete s.command;
  if (s.entrypoint === undefined) delete s.entrypoint;
  for (const k of ['image', 'hostname', 'containerName', 'networkMode', 'replicas'] as const) if (s[k] === undefined) delete s[k];
  return s;
}

function optional<K extends string, T>(key: K, value: T | undefined): { [P in K]?: T } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: T };
}

/** `environment:` as a mapping (`KEY: value`) or a list (`- KEY=value`, `- KEY`). */
function environment(v: YamlNode | undefined, r: Resolver): EnvironmentEntry[] {
  const out: EnvironmentEntry[] = [];
  const m = r.deref(v);
  if (m?.kind === 'map') {
    for (const e of r.entries(m)) out.push({ name: { value: e.key, span: e.keySpan }, ...optional('value', r.located(e.value)) });
  } else if (m?.kind === 'seq') {
    for (const item of m.items) {
      const s = r.scalar(item);
      if (!s) continue;
      const eq = s.value.indexOf('=');
      if (eq < 0) out.push({ name: part(s, 0, s.value.length) });
      else out.push({ name: part(s, 0, eq), value: part(s, eq + 1, s.value.length) });
    }
  }
  return out;
}

/** The compose model of a document: its services and what matters about them for connection strings. */
export function readComposeFile(text: string): ComposeFile {
  const r = new Resolver();
  const top = r.entries(readYaml(text));
  const file: ComposeFile = { services: [], includes: top.some((e) => e.key === 'include'), externalNetworks: [] };
  for (const n of r.entries(top.find((e) => e.key === 'networks')?.value)) {
    const external = r.entries(n.value).find((x) => x.key === 'external');
    if (external && r.scalar(external.value)?.value !== 'false') file.externalNetworks.push(n.key);
  }
  const services = top.find((e) => e.key === 'services');
  if (!services) return file;
  file.servicesSpan = services.keySpan;
  for (const e of r.entries(services.value)) file.services.push(readService(e, r));
  return file;
}
