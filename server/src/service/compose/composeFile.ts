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
import type { SourceCode, Span } from '../api';
import { isSpace, lineEnd, nextLine } from '../extract/decoded';
import { readBlockScalar } from '../extract/yamlBlockScalars';
import { firstNonBlank, flowPlainEnd, isDocumentMarker, readPlain, readQuoted, type Scalar } from '../extract/yamlScalars';

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

/** The node of the first YAML document of `text` (undefined when it is empty). */
export function readYaml(text: string): YamlNode | undefined {
  const t = text;
  /** The start of the line to read next (block context). */
  let pos = 0;
  /** The end of the first document. */
  let end = text.length;
  /** The cursor of flow context. */
  let fi = 0;
  /** Set when a flow collection runs past a line that ends it (unclosed). */
  let broken = false;
  const anchors = new Map<string, YamlNode>();
  return root();

  function root(): YamlNode | undefined {
    // Directives and the `---` of the first document.
    for (let ls = 0; ls < t.length; ls = nextLine(t, ls)) {
      const c = t.charCodeAt(ls);
      if (c === 0x25 /* % */ || c === HASH || firstNonBlank(t, ls) === lineEnd(t, ls)) continue;
      pos = isDocumentMarker(t, ls) && c === DASH ? nextLine(t, ls) : ls;
      break;
    }
    return block(-1, 0, false);
  }

  /** The start of the next line with content (past empty and comment lines), or -1 at the end of the document. */
  function next(): number {
    let ls = pos;
    while (ls < end) {
      const s = firstNonBlank(t, ls);
      const c = t.charCodeAt(s);
      if (s < t.length && c !== LF && c !== CR && c !== HASH) {
        if (s === ls && isDocumentMarker(t, ls)) {
          end = ls;
          break;
        }
        pos = ls;
        return ls;
      }
      ls = nextLine(t, s);
    }
    pos = end;
    return -1;
  }

  /** The node on the next lines, indented more than `parent` (a sequence may be at `parent` under a key). */
  function block(parent: number, depth: number, mapValue: boolean): YamlNode | undefined {
    const ls = next();
    if (ls < 0) return undefined;
    const s = firstNonBlank(t, ls);
    const col = s - ls;
    if (col <= parent && !(mapValue && col === parent && t.charCodeAt(s) === DASH && blankOrEnd(t, s + 1))) return undefined;
    return node(s, parent, depth, true);
  }

  /** Passes over the rest of the line and the lines indented more than `parent`. */
  function skip(at: number, parent: number): void {
    pos = nextLine(t, at);
    for (let ls = next(); ls >= 0 && firstNonBlank(t, ls) - ls > parent; ls = next()) pos = nextLine(t, ls);
  }

  /**
   * The node whose text starts at `i` (after `key:` or `- `, or a line's first character) in a collection
   * indented `parent`; `compound`: it may be a block mapping or sequence starting on this line.
   */
  function node(i: number, parent: number, depth: number, compound: boolean): YamlNode | undefined {
    const eol = lineEnd(t, i);
    while (i < eol && isSpace(t.charCodeAt(i))) i++;
    if (depth > MAX_DEPTH) {
      skip(i, parent);
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
    const node = content(i, eol, parent, depth, compound);
    if (node && anchor !== undefined) anchors.set(anchor, node);
    return node;
  }

  function content(i: number, eol: number, parent: number, depth: number, compound: boolean): YamlNode | undefined {
    const c = t.charCodeAt(i);
    if (i >= eol || c === HASH) {
      pos = nextLine(t, eol);
      return block(parent, depth, !compound);
    }
    if (c === DASH && blankOrEnd(t, i + 1)) {
      if (compound) return seq(i, depth + 1);
    } else if (c === 0x2a /* * */) {
      let e = i + 1;
      while (e < eol && !isSpace(t.charCodeAt(e))) e++;
      pos = nextLine(t, eol);
      const alias: YamlAlias = { kind: 'alias', span: { start: i, end: e } };
      const target = anchors.get(t.slice(i + 1, e));
      if (target) alias.target = target;
      return alias;
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      fi = i;
      broken = false;
      const node = flow(parent, depth + 1);
      pos = broken ? fi : nextLine(t, lineEnd(t, fi));
      return node;
    } else if (c === 0x7c /* | */ || c === 0x3e /* > */) {
      const s = readBlockScalar(t, i, parent);
      if (s) {
        pos = nextLine(t, s.end);
        return scalarNode(s, false);
      }
    }
    if (compound) {
      const k = keyAt(i, eol);
      if (k) return map(i, k, depth + 1);
    }
    const quoted = c === 0x22 || c === 0x27;
    const s = (quoted ? readQuoted(t, i, parent) : undefined) ?? readPlain(t, i, parent, false, () => false, eol);
    pos = nextLine(t, lineEnd(t, s.end));
    return scalarNode(s, !quoted);
  }

  /** The implicit key at `i`, on the line ending at `eol`. */
  function keyAt(i: number, eol: number): Key | undefined {
    const c = t.charCodeAt(i);
    let j: number;
    let key: Omit<Key, 'after'>;
    if (c === 0x22 || c === 0x27) {
      const s = readQuoted(t, i, -1);
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
  function map(first: number, k: Key, depth: number): YamlMap {
    const col = first - lineStartOf(t, first);
    const entries: YamlEntry[] = [];
    let end = k.span.end;
    for (let key: Key | undefined = k; key; ) {
      const value = node(key.after, col, depth, false);
      const entry: YamlEntry = { key: key.text, keySpan: key.span };
      if (value) entry.value = value;
      entries.push(entry);
      end = Math.max(end, value ? value.span.end : key.span.end);
      key = undefined;
      // The next key at this indentation; lines indented more that are not a value are passed over.
      for (let ls = next(); ls >= 0; ls = next()) {
        const s = firstNonBlank(t, ls);
        if (s - ls < col) break;
        if (s - ls === col) {
          key = keyAt(s, lineEnd(t, s));
          if (key || t.charCodeAt(s) === DASH) break;
        }
        pos = nextLine(t, s);
      }
    }
    return { kind: 'map', entries, span: { start: first, end } };
  }

  /** A block sequence whose first `-` is at `first`. */
  function seq(first: number, depth: number): YamlSeq {
    const col = first - lineStartOf(t, first);
    const items: YamlNode[] = [];
    let end = first + 1;
    for (let dash = first; dash >= 0; ) {
      const item = node(dash + 1, col, depth, true);
      if (item) {
        items.push(item);
        end = Math.max(end, item.span.end);
      }
      dash = -1;
      for (let ls = next(); ls >= 0; ls = next()) {
        const s = firstNonBlank(t, ls);
        if (s - ls < col) break;
        if (s - ls === col) {
          if (t.charCodeAt(s) === DASH && blankOrEnd(t, s + 1)) dash = s;
          break;
        }
        pos = nextLine(t, s);
      }
    }
    return { kind: 'seq', items, span: { start: first, end } };
  }

  // -------------------------------------------------------------------------------------------
  // Flow context

  /** Skips blanks, line breaks and comments; false when the collection ends without closing (a line not indented more than `parent`). */
  function blank(parent: number): boolean {
    while (fi < end) {
      const c = t.charCodeAt(fi);
      if (isSpace(c) || c === CR) fi++;
      else if (c === HASH && blankOrEnd(t, fi - 1)) fi = lineEnd(t, fi);
      else if (c === LF) {
        const ls = fi + 1;
        const s = firstNonBlank(t, ls);
        const d = t.charCodeAt(s);
        if (s < t.length && s - ls <= parent && d !== LF && d !== CR && d !== 0x5d && d !== 0x7d && d !== HASH) {
          fi = ls;
          broken = true;
          return false;
        }
        fi = ls;
      } else return true;
    }
    return false;
  }

  /** The flow collection opening at `fi`. */
  function flow(parent: number, depth: number): YamlMap | YamlSeq | undefined {
    const start = fi;
    if (depth > MAX_DEPTH) {
      // Too deep: the collection is not read, from here to the end of the line.
      fi = nextLine(t, fi);
      broken = true;
      return undefined;
    }
    const isMap = t.charCodeAt(fi++) === 0x7b;
    const entries: YamlEntry[] = [];
    const items: YamlNode[] = [];
    while (!broken && blank(parent)) {
      const c = t.charCodeAt(fi);
      if (c === 0x5d || c === 0x7d) {
        fi++;
        break;
      }
      if (c === COMMA) {
        fi++;
        continue;
      }
      const before = fi;
      const k = flowNode(parent, depth);
      if (broken) break;
      blank(parent);
      if (t.charCodeAt(fi) === COLON) {
        fi++;
        let value: YamlNode | undefined;
        if (blank(parent) && !',]}'.includes(t[fi]!)) value = flowNode(parent, depth);
        const entry: YamlEntry = { key: k?.kind === 'scalar' ? k.value : '', keySpan: k ? k.span : { start: before, end: before } };
        if (value) entry.value = value;
        if (isMap) entries.push(entry);
        else items.push({ kind: 'map', entries: [entry], span: { start: before, end: fi } });
      } else if (isMap) {
        if (k?.kind === 'scalar') entries.push({ key: k.value, keySpan: k.span });
      } else if (k) items.push(k);
      if (fi === before) fi++;
    }
    const span = { start, end: fi };
    return isMap ? { kind: 'map', entries, span } : { kind: 'seq', items, span };
  }

  /** The node at `fi` in a flow collection (anchors and tags are not read there). */
  function flowNode(parent: number, depth: number): YamlNode | undefined {
    const c = t.charCodeAt(fi);
    let node: YamlNode | undefined;
    if (c === 0x5b || c === 0x7b) node = flow(parent, depth + 1);
    else if (c === 0x2a) {
      let e = fi + 1;
      while (e < end && !blankOrEnd(t, e) && !',[]{}'.includes(t[e]!)) e++;
      const alias: YamlAlias = { kind: 'alias', span: { start: fi, end: e } };
      const target = anchors.get(t.slice(fi + 1, e));
      if (target) alias.target = target;
      fi = e;
      node = alias;
    } else if (c === 0x22 || c === 0x27) {
      const s = readQuoted(t, fi, parent);
      if (!s) {
        fi = lineEnd(t, fi);
        return undefined;
      }
      fi = s.end;
      node = scalarNode(s, false);
    } else {
      const e = flowPlainEnd(t, fi, lineEnd(t, fi));
      if (e === fi) return undefined;
      node = { kind: 'scalar', value: t.slice(fi, e), plain: true, span: { start: fi, end: e } };
      fi = e;
    }
    return node;
  }
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

/** A port mapping; the host address and the protocol are not kept. */
export interface PortMapping {
  /** The host side (a port or a range); absent when only the container port is given. */
  published?: string;
  /** The container side (a port or a range). */
  target: string;
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

// Nodes read with aliases resolved and merge keys applied, within the budget of the file being read.
let budget = 0;
/** The spans of the anchored nodes read through aliases, for the service being read. */
let regions: Span[] = [];

function deref(node: YamlNode | undefined): YamlNode | undefined {
  if (node?.kind !== 'alias') return node;
  if (node.target) regions.push(node.target.span);
  return node.target?.kind === 'alias' ? undefined : node.target;
}

/** The entries of a mapping, merged ones after its own (a key written in the mapping wins). */
function entries(node: YamlNode | undefined, depth = 0): YamlEntry[] {
  const m = deref(node);
  if (m?.kind !== 'map') return [];
  if (!m.entries.some((e) => e.key === '<<')) return m.entries;
  const own = m.entries.filter((e) => e.key !== '<<');
  if ((budget -= m.entries.length) < 0 || depth > 8) return own;
  const seen = new Set(own.map((e) => e.key));
  for (const e of m.entries) {
    if (e.key !== '<<') continue;
    const v = deref(e.value);
    for (const source of v?.kind === 'seq' ? v.items : [v]) {
      for (const x of entries(source, depth + 1)) {
        if (--budget < 0) return own;
        if (!seen.has(x.key)) {
          seen.add(x.key);
          own.push(x);
        }
      }
    }
  }
  return own;
}

/** The value of `key` in a mapping. */
function field(node: YamlNode | undefined, key: string): YamlNode | undefined {
  return entries(node).find((x) => x.key === key)?.value;
}

function scalar(node: YamlNode | undefined): YamlScalar | undefined {
  const s = deref(node);
  return s?.kind === 'scalar' && !(s.plain && (s.value === 'null' || s.value === '~' || s.value === '')) ? s : undefined;
}

function located(node: YamlNode | undefined): Located | undefined {
  const s = scalar(node);
  return s && { value: s.value, span: s.span };
}

function items(node: YamlNode | undefined): YamlNode[] {
  const s = deref(node);
  return s?.kind === 'seq' ? s.items : [];
}

/** The scalars of a sequence. */
function list(node: YamlNode | undefined): Located[] {
  const out: Located[] = [];
  for (const item of items(node)) {
    const l = located(item);
    if (l) out.push(l);
  }
  return out;
}

/** A command: a list of arguments, or a string split as compose splits it. */
function args(node: YamlNode | undefined): Located[] | undefined {
  const s = deref(node);
  if (s?.kind === 'seq') return list(s);
  const sc = scalar(s);
  return sc && shellWords(sc.value, (i) => offsetIn(sc, i));
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

/** A port mapping of the short syntax: `[[IP:]PUBLISHED:]TARGET[/PROTOCOL]` (an IPv6 address in brackets). */
function shortPort(l: Located): PortMapping {
  const parts = l.value.replace(/\/.*|^\[.*\]/g, '').split(':');
  const target = parts.pop()!;
  const published = parts.pop();
  return { target, span: l.span, ...optional('published', published || undefined) };
}

function readService(e: YamlEntry): ComposeService {
  const span = { start: e.keySpan.start, end: Math.max(e.keySpan.end, e.value?.span.end ?? 0) };
  regions = [span];
  const node = deref(e.value);
  const s: ComposeService = {
    name: e.key, nameSpan: e.keySpan, span, regions, environment: [], envFiles: [], ports: [], expose: [],
    networks: [], aliases: [], links: [], extraHosts: [],
  };
  for (const f of entries(node)) {
    const v = f.value;
    switch (f.key) {
      case 'image':
      case 'hostname':
      case 'container_name':
      case 'network_mode': {
        const l = located(v);
        if (l) s[f.key === 'container_name' ? 'containerName' : f.key === 'network_mode' ? 'networkMode' : f.key] = l;
        break;
      }
      case 'command':
      case 'entrypoint': {
        const a = args(v);
        if (a) s[f.key] = a;
        break;
      }
      case 'environment':
        s.environment = environment(v);
        break;
      case 'env_file':
        for (const item of deref(v)?.kind === 'seq' ? items(v) : [v]) {
          const m = deref(item);
          if (m?.kind === 'map') {
            const path = located(field(m, 'path'));
            if (path) s.envFiles.push({ path, required: scalar(field(m, 'required'))?.value !== 'false' });
          } else {
            const path = located(m);
            if (path) s.envFiles.push({ path, required: true });
          }
        }
        break;
      case 'ports':
        for (const item of items(v)) {
          const m = deref(item);
          if (m?.kind !== 'map') {
            const l = located(m);
            if (l) s.ports.push(shortPort(l));
            continue;
          }
          const get = (k: string) => scalar(field(m, k))?.value;
          s.ports.push({ target: get('target') ?? '', span: m.span, ...optional('published', get('published')) });
        }
        break;
      case 'expose':
        s.expose = list(v);
        break;
      case 'networks': {
        const m = deref(v);
        if (m?.kind === 'seq') s.networks = list(m);
        for (const n of entries(m)) {
          s.networks.push({ value: n.key, span: n.keySpan });
          s.aliases.push(...list(field(n.value, 'aliases')));
        }
        break;
      }
      case 'links':
      case 'external_links':
        for (const l of list(v)) {
          const [service, alias] = split(l, ':');
          s.links.push({ service, ...optional('alias', alias) });
        }
        break;
      case 'extra_hosts': {
        const m = deref(v);
        if (m?.kind === 'map') for (const h of entries(m)) s.extraHosts.push({ host: { value: h.key, span: h.keySpan }, ...optional('address', located(h.value)) });
        for (const l of list(m)) {
          const [host, address] = split(l, /[:=]/);
          s.extraHosts.push({ host, ...optional('address', address) });
        }
        break;
      }
      case 'deploy': {
        const replicas = located(field(v, 'replicas'));
        if (replicas) s.replicas = replicas;
        break;
      }
      case 'healthcheck': {
        const m = deref(v);
        if (!m) break;
        // The string form is one shell command (CMD-SHELL), not split.
        const test = field(m, 'test');
        const one = located(test);
        s.healthcheck = { span: m.span, ...optional('test', one ? [one] : deref(test)?.kind === 'seq' ? list(test) : undefined) };
        break;
      }
    }
  }
  return s;
}

/** `a:b` split at its first separator (the parts located as if written without escapes). */
function split(l: Located, sep: string | RegExp): [Located, Located?] {
  const k = l.value.search(sep);
  if (k < 0) return [l];
  const at = l.span.start;
  return [{ value: l.value.slice(0, k), span: { start: at, end: at + k } }, { value: l.value.slice(k + 1), span: { start: at + k + 1, end: l.span.end } }];
}

function optional<K extends string, T>(key: K, value: T | undefined): { [P in K]?: T } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: T };
}

/** `environment:` as a mapping (`KEY: value`) or a list (`- KEY=value`, `- KEY`). */
function environment(v: YamlNode | undefined): EnvironmentEntry[] {
  const out: EnvironmentEntry[] = [];
  const m = deref(v);
  if (m?.kind === 'map') {
    for (const e of entries(m)) out.push({ name: { value: e.key, span: e.keySpan }, ...optional('value', located(e.value)) });
  } else if (m?.kind === 'seq') {
    for (const item of m.items) {
      const s = scalar(item);
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
  budget = MERGE_BUDGET;
  const top = entries(readYaml(text));
  const file: ComposeFile = { services: [], includes: top.some((e) => e.key === 'include'), externalNetworks: [] };
  for (const n of entries(top.find((e) => e.key === 'networks')?.value)) {
    const external = scalar(field(n.value, 'external'))?.value;
    if (external && external !== 'false') file.externalNetworks.push(n.key);
  }
  const services = top.find((e) => e.key === 'services');
  if (!services) return file;
  file.servicesSpan = services.keySpan;
  for (const e of entries(services.value)) file.services.push(readService(e));
  return file;
}

const filesByCode = new WeakMap<SourceCode, ComposeFile>();

/** readComposeFile of a document, read once for all the analyzers of one analysis (they share its SourceCode). */
export function composeFileOf(code: SourceCode): ComposeFile {
  let file = filesByCode.get(code);
  if (!file) filesByCode.set(code, (file = readComposeFile(code.text)));
  return file;
}
