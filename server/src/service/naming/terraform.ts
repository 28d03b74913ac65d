/**
 * Atlas names in Terraform files (language id `terraform`): the `name` of `mongodbatlas_cluster`,
 * `mongodbatlas_advanced_cluster`, `mongodbatlas_project` and `mongodbatlas_organization` resources,
 * with the `project_id` a cluster belongs to, and `cluster_name = "…"` in any `mongodbatlas_*`
 * resource or data source. One forward pass; strings with `${…}` or `%{…}` templates are not read as
 * names.
 */
import { AtlasNameKind } from '../rules/atlasNames';

export interface TerraformAtlasName {
  kind: AtlasNameKind;
  /** A resource that creates the cluster/project, or a reference to one that exists. */
  role: 'definition' | 'reference';
  /** Decoded string value. */
  name: string;
  /** Document offset of each decoded character, and one past the end (length name.length + 1). */
  offsets: number[];
  /** The resource type and label: `mongodbatlas_cluster.main`. */
  resource: string;
  /** The `project_id` of a cluster definition as written (a string or an expression), '' when absent. */
  projectKey: string;
}

const CLUSTER_RESOURCES: ReadonlySet<string> = new Set(['mongodbatlas_cluster', 'mongodbatlas_advanced_cluster', 'mongodbatlas_flex_cluster']);

interface StringToken {
  value: string;
  offsets: number[];
  /** Contains a `${…}` or `%{…}` template: not a literal name. */
  template: boolean;
  end: number;
}

/** Reads a quoted string starting at `i` (the `"`); stops at the closing quote or the line end. */
function readString(text: string, i: number): StringToken {
  let value = '';
  const offsets: number[] = [];
  let template = false;
  let j = i + 1;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === 0x22) break;
    if (c === 0x0a) return { value, offsets: [...offsets, j], template, end: j };
    if (c === 0x5c) {
      const e = text[j + 1] ?? '';
      value += e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e;
      offsets.push(j);
      j += 2;
      continue;
    }
    if ((c === 0x24 || c === 0x25) && text.charCodeAt(j + 1) === 0x7b && text.charCodeAt(j - 1) !== c) {
      template = true;
      // Skip to the matching `}` of the template (nested braces and quotes counted, within the line).
      let depth = 0;
      for (j += 1; j < text.length && text.charCodeAt(j) !== 0x0a; j++) {
        const d = text.charCodeAt(j);
        if (d === 0x7b) depth++;
        else if (d === 0x7d && --depth === 0) break;
      }
      j++;
      continue;
    }
    value += text[j];
    offsets.push(j);
    j++;
  }
  offsets.push(j);
  return { value, offsets, template, end: Math.min(j + 1, text.length) };
}

function isIdentStart(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
}

function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d;
}

type Token = { kind: 'ident'; text: string; start: number } | { kind: 'string'; s: StringToken; start: number } | { kind: 'punct'; ch: string; start: number };

/** The end of the line that contains `i`. */
function lineEnd(text: string, i: number): number {
  const n = text.indexOf('\n', i);
  return n < 0 ? text.length : n;
}

interface Block {
  /** Brace depth inside the block's body. */
  depth: number;
  type: string;
  label: string;
  isData: boolean;
  names: Array<{ kind: AtlasNameKind; role: TerraformAtlasName['role']; s: StringToken }>;
  projectKey: string;
}

export function scanTerraformAtlas(text: string): TerraformAtlasName[] {
  const out: TerraformAtlasName[] = [];
  if (text.indexOf('mongodbatlas_') < 0) return out;
  const n = text.length;
  const recent: Token[] = [];
  let depth = 0;
  const blocks: Block[] = [];
  /** The attribute name waiting for its value (`name =`), with the depth it was written at. */
  let pendingAttribute: { name: string; depth: number } | undefined;
  const push = (t: Token) => {
    recent.push(t);
    if (recent.length > 4) recent.shift();
  };

  const closeBlock = (b: Block) => {
    for (const entry of b.names) {
      out.push({ kind: entry.kind, role: entry.role, name: entry.s.value, offsets: entry.s.offsets, resource: `${b.type}.${b.label}`, projectKey: b.projectKey });
    }
  };

  const attributeValue = (name: string, valueStart: number, s: StringToken | undefined) => {
    const b = blocks[blocks.length - 1];
    if (!b) return;
    if (name === 'project_id') {
      b.projectKey = s ? (s.template ? text.slice(valueStart, s.end) : s.value) : text.slice(valueStart, lineEnd(text, valueStart)).trim();
      return;
    }
    if (!s || s.template) return;
    if (name === 'cluster_name') b.names.push({ kind: 'cluster', role: 'reference', s });
    else if (name === 'name') {
      if (CLUSTER_RESOURCES.has(b.type)) b.names.push({ kind: 'cluster', role: b.isData ? 'reference' : 'definition', s });
      else if (b.type === 'mongodbatlas_project') b.names.push({ kind: 'project', role: b.isData ? 'reference' : 'definition', s });
      else if (b.type === 'mongodbatlas_organization') b.names.push({ kind: 'organization', role: b.isData ? 'reference' : 'definition', s });
    }
  };

  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a) {
      i++;
      continue;
    }
    if (c === 0x23 || (c === 0x2f && text.charCodeAt(i + 1) === 0x2f)) {
      i = lineEnd(text, i);
      continue;
    }
    if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a) {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? n : close + 2;
      continue;
    }
    if (c === 0x3c && text.startsWith('<<', i)) {
      // Heredoc: `<<EOF` or `<<-EOF` up to a line that is the marker.
      const m = /^<<-?([A-Za-z_][A-Za-z0-9_]*)/.exec(text.slice(i, i + 80));
      if (m) {
        let k = lineEnd(text, i) + 1;
        while (k < n) {
          const e = lineEnd(text, k);
          if (text.slice(k, e).trim() === m[1]) break;
          k = e + 1;
        }
        i = lineEnd(text, k);
        pendingAttribute = undefined;
        continue;
      }
    }
    if (c === 0x22) {
      const s = readString(text, i);
      const pending = pendingAttribute;
      pendingAttribute = undefined;
      if (pending && pending.depth === depth) attributeValue(pending.name, i, s);
      push({ kind: 'string', s, start: i });
      i = s.end;
      continue;
    }
    if (isIdentStart(c)) {
      let j = i + 1;
      while (j < n && isIdentPart(text.charCodeAt(j))) j++;
      const word = text.slice(i, j);
      const pending = pendingAttribute;
      pendingAttribute = undefined;
      if (pending && pending.depth === depth) attributeValue(pending.name, i, undefined);
      push({ kind: 'ident', text: word, start: i });
      i = j;
      continue;
    }
    const ch = text[i]!;
    if (ch === '{') {
      // `resource "type" "label" {` or `data "type" "label" {`
      const [a, b2, c2] = [recent[recent.length - 3], recent[recent.length - 2], recent[recent.length - 1]];
      depth++;
      if (a?.kind === 'ident' && (a.text === 'resource' || a.text === 'data') && b2?.kind === 'string' && c2?.kind === 'string' && b2.s.value.startsWith('mongodbatlas_')) {
        blocks.push({ depth, type: b2.s.value, label: c2.s.value, isData: a.text === 'data', names: [], projectKey: '' });
      }
    } else if (ch === '}') {
      const top = blocks[blocks.length - 1];
      if (top && top.depth === depth) closeBlock(blocks.pop()!);
      depth = Math.max(0, depth - 1);
    } else if (ch === '=' && text.charCodeAt(i + 1) !== 0x3d && text.charCodeAt(i - 1) !== 0x3d && text.charCodeAt(i - 1) !== 0x21) {
      const key = recent[recent.length - 1];
      const top = blocks[blocks.length - 1];
      if (key?.kind === 'ident' && top && top.depth === depth) pendingAttribute = { name: key.text, depth };
    } else pendingAttribute = undefined;
    push({ kind: 'punct', ch, start: i });
    i++;
  }
  while (blocks.length > 0) closeBlock(blocks.pop()!);
  out.sort((x, y) => x.offsets[0]! - y.offsets[0]!);
  return out;
}
