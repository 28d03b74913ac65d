/**
 * Connection strings in Kubernetes manifests that the value extraction cannot see as written:
 *
 * - Secret `data:` values are base64. Each is decoded; when the decoded text is a connection string (by
 *   the extraction's own decision, extract/detect.ts) it is checked with every rule, and each problem is
 *   shown on the encoded value, its quick fix an edit of the encoded value (the fixed string encoded again).
 *   A decoded string that ends with a line break (`echo` without `-n`) is reported too. (`stringData:`
 *   values are plain YAML: the extraction checks them.)
 * - A container's `env:` value may use earlier entries as `$(NAME)` (`$$` is a `$`): Kubernetes fills them
 *   in from literal values and from keys of Secrets and ConfigMaps (`valueFrom`, `envFrom`). A value with
 *   a reference that this file defines is checked as filled in; a problem a variable brings in is shown on
 *   the reference, with the definition as related information. What the value's own check reports is not
 *   reported again; a reference this file does not define stays an opaque placeholder.
 *
 * No secret appears in a message or a hover: decoded strings are shown with their secrets masked.
 */
import { LineIndex } from '../lex/lines';
import { uriFileName } from '../data/text';
import type { DocumentAnalysis, EmbeddedValue, FixData, HostSyntax, Problem, RelatedPlace, Settings, SourceCode, Span, ValueRecord } from '../api';
import { offsetOf } from '../extract/decoded';
import { emitString } from '../extract/detect';
import { toDocumentOffset } from '../extract/offsets';
import { validateEmbeddedValue, validateUri } from '../rules/validation';
import { parseConnectionString } from '../uri/parser';
import { maskSpans, secretSpans } from '../uri/secrets';
import { decodeBase64, encodeBase64 } from './kubernetesBase64';
import { documentsOf, get, readDocuments, textOf, type YamlNode, type YamlScalar } from './kubernetesYaml';
import { message } from '../data/l10n';

const EMPTY: DocumentAnalysis = { problems: [], hoverAt: () => null };

/**
 * How a decoded Secret value is checked: as written, `$NAME` and `{name}` not read as placeholders (the
 * placeholder forms of a `.properties` value; nothing fills anything into a Secret).
 */
const DECODED_SYNTAX: HostSyntax = 'properties';

/** A value filled in from references grows at most to this length (the rest of its references stay as written). */
export const MAX_EXPANDED_LENGTH = 8192;
/** At most this many characters are filled in for a whole document. */
export const MAX_EXPANDED_TOTAL = 1 << 20;

/** A key of a Secret or a ConfigMap of this file. */
interface KeyValue {
  /** The value Kubernetes gives the key (decoded from base64 for a Secret's `data:`). */
  value: string;
  scalar: YamlScalar;
  /** `Secret mongo-credentials` or `ConfigMap app-config`. */
  resource: string;
  key: string;
  /** Decoded from base64: its characters have no offsets of their own. */
  encoded: boolean;
  /** The other manifest of the folder it is written in (absent: this document). */
  file?: OtherFile;
}

/** A manifest beside the document, which a Deployment's references may reach. */
interface OtherFile {
  uri: string;
  lines: LineIndex;
}

interface Resource {
  kind: 'Secret' | 'ConfigMap';
  name: string;
  keys: Map<string, KeyValue>;
}

/** What an environment variable of a container holds, where Kubernetes takes it from. */
interface Definition {
  name: string;
  value: string;
  /** Where each run of the value is written. */
  parts: Part[];
  /** `env MONGO_USER` or `key password of Secret mongo-credentials`. */
  label: string;
  /** Where the definition is written (its value). */
  span: Span;
  fromSecret: boolean;
  /** The other manifest it is written in (absent: this document). */
  file?: OtherFile;
}

/** A reference `$(NAME)` written in a value, at these document offsets. */
interface Reference {
  name: string;
  span: Span;
  definition: Definition | undefined;
}

/** A run [start, end) of a filled-in value and where it is written. */
interface Part {
  start: number;
  end: number;
  /** The reference written in the value that brought the run in; undefined for the value's own text. */
  via?: Reference;
  /** Own text: the decoded indices of the scalar it is; else the definition whose text it is and its document offsets. */
  own?: { from: number; to: number };
  definition?: Definition;
  docStart: number;
  docEnd: number;
}

interface Expansion {
  text: string;
  parts: Part[];
  references: Reference[];
}

/** Manifests beside a document read for the Secrets and ConfigMaps it refers to: at most this many, each at most this long. */
const MAX_BESIDE_FILES = 64;
const MAX_BESIDE_CHARS = 1 << 20;


interface Hover {
  span: Span;
  contents: () => string;
}

/** Markdown inline code of a text shown in a hover (line breaks written as \n). */
function inline(text: string): string {
  return '`' + text.replace(/`/g, "'").replace(/\r/g, '\\r').replace(/\n/g, '\\n') + '`';
}

/** The connection string with its secrets masked. */
function masked(text: string): string {
  return maskSpans(text, secretSpans(parseConnectionString(text)));
}

function scalarSyntax(s: YamlScalar): HostSyntax {
  return s.style === 'plain' ? 'yaml-plain' : s.style === 'single' ? 'yaml-single' : s.style === 'double' ? 'yaml-double' : 'yaml-block';
}

/** The resources of a node: itself, or the items of a `kind: List`. */
function collectRoots(node: YamlNode, out: YamlNode[], depth: number): void {
  if (node.type !== 'map') return;
  const items = get(node, 'items');
  if (textOf(get(node, 'kind'))?.endsWith('List') && items?.type === 'seq' && depth < 4) {
    for (const item of items.items) collectRoots(item, out, depth + 1);
  } else out.push(node);
}

export function analyzeKubernetes(code: SourceCode, values: readonly EmbeddedValue[], settings: Settings, records: readonly ValueRecord[]): DocumentAnalysis {
  if (code.languageId !== 'yaml') return EMPTY;
  const text = code.text;
  if (text.indexOf('Secret') < 0 && text.indexOf('$(') < 0) return EMPTY;
  const problems: Problem[] = [];
  const hovers: Hover[] = [];
  const resources = new Map<string, Resource>();
  const lineIndex = new LineIndex(code.text);
  let ownProblems: Set<string> | undefined;
  let budget = MAX_EXPANDED_TOTAL;
  const seen = new Set<string>();

  function push(p: Problem): void {
    const key = `${p.ruleId}@${p.span.start}:${p.span.end}:${p.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    problems.push(p);
  }

  /** A Secret or a ConfigMap: its keys (checking the encoded values of a Secret's `data:`). */
  function readResource(node: YamlNode, file?: OtherFile, into = resources): void {
    const kind = textOf(get(node, 'kind'));
    if (kind !== 'Secret' && kind !== 'ConfigMap') return;
    const name = textOf(get(get(node, 'metadata'), 'name')) ?? '';
    const resource: Resource = { kind, name, keys: new Map() };
    const own = `${kind} ${name || message('k8s.unnamed')}`;
    const label = file ? message('k8s.inFile', { resource: own, file: uriFileName(file.uri) }) : own;
    const data = get(node, 'data');
    if (data?.type === 'map') {
      for (const e of data.entries) {
        if (e.value.type !== 'scalar') continue;
        if (kind === 'ConfigMap') {
          resource.keys.set(e.key, { value: e.value.d.text, scalar: e.value, resource: label, key: e.key, encoded: false, ...(file ? { file } : {}) });
          continue;
        }
        const decoded = decodeBase64(e.value.d.text);
        if (!decoded) continue;
        resource.keys.set(e.key, { value: decoded.text, scalar: e.value, resource: label, key: e.key, encoded: true, ...(file ? { file } : {}) });
        // The values of another manifest are checked in that manifest.
        if (!file) checkEncoded(e.key, label, e.value, decoded.text, decoded.padded);
      }
    }
    // stringData is merged into data, its keys winning; the extraction checks its values.
    const stringData = kind === 'Secret' ? get(node, 'stringData') : undefined;
    if (stringData?.type === 'map') {
      for (const e of stringData.entries) {
        if (e.value.type === 'scalar') resource.keys.set(e.key, { value: e.value.d.text, scalar: e.value, resource: label, key: e.key, encoded: false, ...(file ? { file } : {}) });
      }
    }
    if (name !== '') into.set(`${kind}/${name}`, resource);
  }

  /** Checks the decoded value of a Secret's `data:` key when it is (or holds) a connection string. */
  function checkEncoded(key: string, resource: string, scalar: YamlScalar, decoded: string, padded: boolean): void {
    const found: EmbeddedValue[] = [];
    emitString(found, { text: decoded, start: 0 }, DECODED_SYNTAX, { path: ['data', key] });
    const span = { start: scalar.start, end: scalar.end };
    const inDecoded = (inner: string) => message('k8s.decodedPrefix', { key, resource, inner });
    for (const v of found) {
      if (v.kind !== 'uri') continue;
      const value: EmbeddedValue = { ...v, syntax: DECODED_SYNTAX };
      const record = validateEmbeddedValue(value, settings, code.languageId, code.uri);
      for (const p of record.problems) {
        const problem: Problem = { ruleId: p.ruleId, severity: p.severity, message: inDecoded(p.message), span };
        // A placeholder for the password (credentials-in-source) means nothing in a Secret: no fix.
        const fix = p.data && p.ruleId !== 'credentials-in-source' ? encodedFix(p, value, decoded, span, key, padded) : undefined;
        if (fix) problem.data = fix;
        push(problem);
      }
      const trailing = /[\r\n]+$/.exec(v.text);
      const kept = trailing ? v.text.length - trailing[0].length : 0;
      // Reported by the rules themselves when they see it (a port `27017\n`); else here.
      if (trailing && offsetOf(v, v.text.length) === decoded.length && !record.problems.some((p) => p.span.end > kept)) {
        const trimmed = decoded.slice(0, decoded.length - trailing[0].length);
        const parsed = parseConnectionString(v.text.slice(0, v.text.length - trailing[0].length));
        const [ruleId, part] = parsed.options.length > 0 ? ['option-invalid-value', message('k8s.partOption')] : parsed.slash ? ['database-invalid-char', message('k8s.partDatabase')] : ['host-invalid', message('k8s.partHost')];
        push({
          ruleId,
          severity: 'warning',
          message: inDecoded(message('k8s.lineBreak', { part })),
          span,
          data: { replacement: encodeBase64(trimmed, padded), replaceSpan: span, title: message('fix.k8sLineBreak', { key }) },
        });
      }
      const shown = masked(v.text);
      const ending = trailing ? ' It ends with a line break.' : '';
      hovers.push({
        span,
        contents: () => [`**${resource}, key \`${key}\`**: base64 in \`data:\`, decoded (secrets masked)`, '', inline(shown), ...(ending ? ['', ending.trim()] : [])].join('\n'),
      });
    }
  }

  /** Every container (a mapping with an `env:` or `envFrom:` list) under a node. */
  function findContainers(node: YamlNode, depth: number): void {
    if (depth > 64) return;
    if (node.type === 'seq') {
      for (const item of node.items) findContainers(item, depth + 1);
      return;
    }
    if (node.type !== 'map') return;
    const env = get(node, 'env');
    const envFrom = get(node, 'envFrom');
    if (env?.type === 'seq' || envFrom?.type === 'seq') container(env, envFrom);
    for (const e of node.entries) if (e.key !== 'env' && e.key !== 'envFrom') findContainers(e.value, depth + 1);
  }

  /** The Secrets and ConfigMaps of the other manifests of the folder, read when a reference first misses this file's. */
  let beside: Map<string, Resource> | undefined;
  function findResource(kind: 'Secret' | 'ConfigMap', name: string | undefined): Resource | undefined {
    if (name === undefined) return undefined;
    const key = `${kind}/${name}`;
    const found = resources.get(key);
    if (found) return found;
    beside ??= besideResources();
    return beside.get(key);
  }

  function besideResources(): Map<string, Resource> {
    const out = new Map<string, Resource>();
    const folder = code.uri.slice(0, code.uri.lastIndexOf('/'));
    const listed = folder && code.files?.list?.(folder);
    if (!listed) return out;
    let read = 0;
    for (const uri of listed) {
      if (uri === code.uri || !/\.ya?ml$/i.test(uri) || read >= MAX_BESIDE_FILES) continue;
      const other = code.files!.read(uri);
      read++;
      if (other === undefined || other.length > MAX_BESIDE_CHARS || (other.indexOf('Secret') < 0 && other.indexOf('ConfigMap') < 0)) continue;
      const file: OtherFile = { uri, lines: new LineIndex(other) };
      const roots: YamlNode[] = [];
      for (const doc of readDocuments(other)) for (const node of doc) collectRoots(node, roots, 0);
      for (const node of roots) readResource(node, file, out);
    }
    return out;
  }

  /** A definition from a key of a Secret or a ConfigMap of this file. */
  function keyDefinition(name: string, kv: KeyValue): Definition {
    const span = { start: kv.scalar.start, end: kv.scalar.end };
    const d: Definition = { name, value: kv.value, parts: [], label: message('k8s.keyOf', { key: kv.key, resource: kv.resource }), span, fromSecret: kv.resource.startsWith('Secret'), ...(kv.file ? { file: kv.file } : {}) };
    if (kv.value === '') return d;
    if (kv.encoded || kv.scalar.d.text !== kv.value) d.parts.push({ start: 0, end: kv.value.length, definition: d, docStart: span.start, docEnd: span.end });
    else d.parts.push({ start: 0, end: kv.value.length, definition: d, docStart: offsetOf(kv.scalar.d, 0), docEnd: offsetOf(kv.scalar.d, kv.value.length) });
    return d;
  }

  /**
   * One container's environment, in the order Kubernetes builds it: `envFrom` first (a later source wins),
   * then `env` in order. A key of an `envFrom` source becomes a definition when a value refers to it, not
   * every key of a large ConfigMap for every container that imports it.
   */
  function container(env: YamlNode | undefined, envFrom: YamlNode | undefined): void {
    if (env?.type !== 'seq') return;
    const sources: Array<{ prefix: string; r: Resource }> = [];
    if (envFrom?.type === 'seq') {
      for (const item of envFrom.items) {
        const prefix = textOf(get(item, 'prefix')) ?? '';
        const secretRef = get(item, 'secretRef');
        const configMapRef = get(item, 'configMapRef');
        const r = secretRef ? findResource('Secret', textOf(get(secretRef, 'name'))) : configMapRef ? findResource('ConfigMap', textOf(get(configMapRef, 'name'))) : undefined;
        if (r) sources.push({ prefix, r });
      }
    }
    const own = new Map<string, Definition | null>();
    const imported = new Map<string, Definition | undefined>();
    const vars = {
      get(name: string): Definition | null | undefined {
        if (own.has(name)) return own.get(name);
        if (!imported.has(name)) {
          let found: Definition | undefined;
          for (let k = sources.length - 1; k >= 0 && !found; k--) {
            const { prefix, r } = sources[k]!;
            const kv = name.startsWith(prefix) ? r.keys.get(name.slice(prefix.length)) : undefined;
            if (kv) found = keyDefinition(name, kv);
          }
          imported.set(name, found);
        }
        return imported.get(name);
      },
      set(name: string, d: Definition | null): void {
        own.set(name, d);
      },
    };
    for (const item of env.items) {
      const name = textOf(get(item, 'name'));
      if (name === undefined || name === '') continue;
      const valueFrom = get(item, 'valueFrom');
      const value = get(item, 'value');
      if (valueFrom) {
        const secretRef = get(valueFrom, 'secretKeyRef');
        const configMapRef = get(valueFrom, 'configMapKeyRef');
        const ref = secretRef ?? configMapRef;
        const r = secretRef ? findResource('Secret', textOf(get(secretRef, 'name'))) : configMapRef ? findResource('ConfigMap', textOf(get(configMapRef, 'name'))) : undefined;
        const kv = r?.keys.get(textOf(get(ref, 'key')) ?? '');
        // Not in this file (or a field of the pod): set where it runs, unknown here.
        vars.set(name, kv ? keyDefinition(name, kv) : null);
        continue;
      }
      if (value?.type !== 'scalar') {
        vars.set(name, value === undefined ? { name, value: '', parts: [], label: message('k8s.env', { name }), span: { start: 0, end: 0 }, fromSecret: false } : null);
        continue;
      }
      const x = expand(value, vars);
      const span = { start: value.start, end: value.end };
      const definition: Definition = { name, value: x.text, parts: [], label: message('k8s.env', { name }), span, fromSecret: false };
      for (const p of x.parts) {
        // Seen from a later value, the own text of this one is text of this definition.
        definition.parts.push(p.definition ? { start: p.start, end: p.end, definition: p.definition, docStart: p.docStart, docEnd: p.docEnd } : { start: p.start, end: p.end, definition, docStart: p.docStart, docEnd: p.docEnd });
      }
      vars.set(name, definition);
      if (x.references.some((r) => r.definition)) checkComposed(name, value, x);
    }
  }

  /** A value with its `$(NAME)` references filled in from `vars`, as Kubernetes does it. */
  function expand(scalar: YamlScalar, vars: { get(name: string): Definition | null | undefined }): Expansion {
    const d = scalar.d;
    const t = d.text;
    let text = '';
    const parts: Part[] = [];
    const references: Reference[] = [];
    const own = (from: number, to: number) => {
      if (to <= from) return;
      const last = parts[parts.length - 1];
      if (last?.own && last.own.to === from) {
        last.own.to = to;
        last.end += to - from;
        last.docEnd = offsetOf(d, to);
      } else parts.push({ start: text.length, end: text.length + to - from, own: { from, to }, docStart: offsetOf(d, from), docEnd: offsetOf(d, to) });
      text += t.slice(from, to);
    };
    let literalFrom = 0;
    for (let i = t.indexOf('$'); i >= 0 && i + 1 < t.length; i = t.indexOf('$', i + 1)) {
      const next = t.charCodeAt(i + 1);
      if (next === 0x24 /* $ */) {
        // `$$` is a `$`.
        own(literalFrom, i);
        own(i + 1, i + 2);
        literalFrom = i + 2;
        i++;
        continue;
      }
      if (next !== 0x28 /* ( */) continue;
      const close = t.indexOf(')', i + 2);
      if (close < 0) break;
      const name = t.slice(i + 2, close);
      const definition = vars.get(name) ?? undefined;
      const reference: Reference = { name, span: { start: offsetOf(d, i), end: offsetOf(d, close + 1) }, definition };
      references.push(reference);
      own(literalFrom, i);
      if (definition && text.length + definition.value.length <= MAX_EXPANDED_LENGTH && budget >= definition.value.length) {
        budget -= definition.value.length;
        const base = text.length;
        for (const p of definition.parts) parts.push({ start: base + p.start, end: base + p.end, via: reference, definition: p.definition, docStart: p.docStart, docEnd: p.docEnd });
        text += definition.value;
      } else {
        // Unknown here (or too long): left as written, a placeholder.
        if (definition) reference.definition = undefined;
        own(i, close + 1);
      }
      literalFrom = close + 1;
      i = close;
    }
    own(literalFrom, t.length);
    return { text, parts, references };
  }

  /** The set of `rule@offset` of the problems the value extraction reported (made once, when first needed). */
  function ownSet(): Set<string> {
    if (!ownProblems) {
      const set = new Set<string>();
      for (let k = 0; k < values.length; k++) {
        const v = values[k]!;
        for (const p of records[k]?.problems ?? []) set.add(`${p.ruleId}@${toDocumentOffset(v, p.span.start)}`);
      }
      ownProblems = set;
    }
    return ownProblems;
  }

  /** Checks an env value whose references this file defines, as filled in, when it is a connection string. */
  function checkComposed(name: string, scalar: YamlScalar, x: Expansion): void {
    const found: EmbeddedValue[] = [];
    emitString(found, { text: x.text, start: 0 }, scalarSyntax(scalar), { path: ['env', name] });
    let checked = false;
    for (const v of found) {
      if (v.kind !== 'uri') continue;
      checked = true;
      const shift = offsetOf(v, 0);
      for (const p of validateUri(v.text, settings, undefined, scalarSyntax(scalar))) {
        const placed = place(scalar, x, p, shift);
        if (placed) push(placed);
      }
    }
    if (!checked) return;
    for (const ref of x.references) {
      if (!ref.definition) continue;
      hovers.push({ span: ref.span, contents: () => composedHover(x) });
    }
  }

  /** A problem of a filled-in value, placed in the document: on the value's own text, or on the reference that brought it in. */
  function place(scalar: YamlScalar, x: Expansion, p: Problem, shift: number): Problem | undefined {
    const span = { start: p.span.start + shift, end: p.span.end + shift };
    const over = x.parts.filter((q) => q.start < Math.max(span.end, span.start + 1) && q.end > span.start);
    if (over.length === 0 && x.parts.length > 0) over.push(x.parts[x.parts.length - 1]!);
    const first = over[0];
    if (!first) return undefined;
    if (!first.via) {
      const own = first.own!;
      const from = own.from + Math.max(0, span.start - first.start);
      const to = own.from + Math.min(span.end, first.end) - first.start;
      const docSpan = { start: offsetOf(scalar.d, from), end: offsetOf(scalar.d, Math.max(from, to)) };
      // What the value shows by itself is reported by its own check.
      if (ownSet().has(`${p.ruleId}@${docSpan.start}`)) return undefined;
      return { ruleId: p.ruleId, severity: p.severity, message: over.length === 1 ? p.message : message('composed.prefix', { inner: p.message }), span: docSpan };
    }
    const d = first.definition!;
    const place: RelatedPlace = { documentUri: d.file?.uri ?? code.uri, span: { start: first.docStart, end: first.docEnd }, message: message('related.definition', { name: d.name, label: d.label }) };
    if (d.file) place.range = { start: d.file.lines.positionOf(first.docStart), end: d.file.lines.positionOf(first.docEnd) };
    const related: RelatedPlace[] = [place];
    return {
      ruleId: p.ruleId,
      severity: p.severity,
      message: message('k8s.prefixWhere', { inner: p.message, name: first.via.name, label: d.label, line: (d.file?.lines ?? lineIndex).lineOf(first.docStart) }),
      span: first.via.span,
      related,
    };
  }

  /** Hover on a reference of a filled-in value: the value as filled in, secrets masked, and where each variable comes from. */
  function composedHover(x: Expansion): string {
    const parsed = parseConnectionString(x.text);
    const secretsAt = secretSpans(parsed);
    // Text from a Secret is masked wherever it lands (a password in a host's place too).
    const hidden = mergeSpans([...secretsAt, ...x.parts.filter((p) => p.definition?.fromSecret).map((p) => ({ start: p.start, end: p.end }))]);
    const lines = ['**Value with its variables filled in** (as Kubernetes fills `$(NAME)` in; secrets masked)', '', inline(maskSpans(x.text, hidden)), ''];
    const listed = new Set<string>();
    for (const ref of x.references) {
      if (listed.has(ref.name)) continue;
      listed.add(ref.name);
      const d = ref.definition;
      if (!d) {
        lines.push(`- \`${ref.name}\`: not defined by an earlier entry of this file: left as written`);
        continue;
      }
      const parts = x.parts.filter((p) => p.via === ref);
      const start = parts.length > 0 ? parts[0]!.start : 0;
      const end = parts.length > 0 ? parts[parts.length - 1]!.end : 0;
      const secret = d.fromSecret || parts.some((p) => p.definition?.fromSecret) || secretsAt.some((s) => s.start < end && start < s.end);
      lines.push(`- \`${ref.name}\` (${d.label}, line ${(d.file?.lines ?? lineIndex).lineOf(d.span.start)}): ${secret ? '`****`' : inline(x.text.slice(start, end))}`);
    }
    return lines.join('\n');
  }

  const roots: YamlNode[] = [];
  for (const doc of documentsOf(code)) for (const node of doc) collectRoots(node, roots, 0);
  for (const node of roots) readResource(node);
  for (const node of roots) findContainers(node, 0);
  if (problems.length === 0 && hovers.length === 0) return EMPTY;
  return {
    problems,
    hoverAt: () => null,
    hoverFirstAt: (offset) => {
      for (const h of hovers) if (offset >= h.span.start && offset <= h.span.end) return { contents: h.contents(), span: h.span };
      return null;
    },
  };
}

/** Spans sorted and merged where they overlap or touch. */
function mergeSpans(spans: Span[]): Span[] {
  spans.sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/**
 * The quick fix of a problem of a decoded Secret value (a replacement of a span of the decoded string) as
 * an edit of the encoded value: the decoded string with the replacement made, encoded again (and the
 * same for each alternative). Undefined when it has none.
 */
function encodedFix(p: Problem, value: EmbeddedValue, decoded: string, span: Span, key: string, padded: boolean): FixData | undefined {
  const data = p.data!;
  const at = (data.replaceSpan as Span | undefined) ?? p.span;
  const from = offsetOf(value, at.start);
  const to = offsetOf(value, at.end);
  const encoded = (replacement: string) => encodeBase64(decoded.slice(0, from) + replacement + decoded.slice(to), padded);
  const again = (title: string) => message('fix.k8sEncoded', { title, key });
  if (typeof data.replacement !== 'string') return undefined;
  const fix: FixData = { replacement: encoded(data.replacement), replaceSpan: span, title: again(typeof data.title === 'string' ? data.title : message('fix.ruleFallback', { rule: p.ruleId })) };
  if (data.alternatives?.length) fix.alternatives = data.alternatives.map((a) => ({ replacement: encoded(a.replacement), title: again(a.title) }));
  return fix;
}
