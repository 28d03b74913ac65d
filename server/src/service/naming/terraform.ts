/**
 * Atlas names in Terraform files (language id `terraform`): the `name` of `mongodbatlas_cluster`,
 * `mongodbatlas_advanced_cluster`, `mongodbatlas_project` and `mongodbatlas_organization` resources,
 * with the `project_id` a cluster belongs to, and `cluster_name = "…"` in any `mongodbatlas_*`
 * resource or data source. One pass over the document's HCL tokens (lex/sourceCode.ts); strings with
 * `${…}` or `%{…}` templates are not read as names.
 */
import type { SourceCode, Token } from '../api';
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

/** A string token: its decoded value and the offset of each decoded character (and one past the end). */
interface StringToken {
  value: string;
  offsets: number[];
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

function stringOf(t: Token | undefined): StringToken | undefined {
  return t?.kind === 'string' ? { value: t.text, offsets: t.offsets ?? [] } : undefined;
}

/** The end of the line that contains `i`. */
function lineEnd(text: string, i: number): number {
  const n = text.indexOf('\n', i);
  return n < 0 ? text.length : n;
}

export function scanTerraformAtlas(code: SourceCode): TerraformAtlasName[] {
  const out: TerraformAtlasName[] = [];
  const { text } = code;
  if (text.indexOf('mongodbatlas_') < 0) return out;
  const { tokens } = code.tokens();
  let depth = 0;
  const blocks: Block[] = [];
  /** The attribute name waiting for its value (`name =`), with the depth it was written at. */
  let pending: { name: string; depth: number } | undefined;

  const closeBlock = (b: Block) => {
    for (const entry of b.names) {
      out.push({ kind: entry.kind, role: entry.role, name: entry.s.value, offsets: entry.s.offsets, resource: `${b.type}.${b.label}`, projectKey: b.projectKey });
    }
  };

  const attributeValue = (name: string, t: Token) => {
    const b = blocks[blocks.length - 1];
    if (!b) return;
    const s = stringOf(t);
    if (name === 'project_id') {
      b.projectKey = s ? s.value : t.kind === 'template' ? text.slice(t.start, t.end) : text.slice(t.start, lineEnd(text, t.start)).trim();
      return;
    }
    if (!s) return;
    if (name === 'cluster_name') b.names.push({ kind: 'cluster', role: 'reference', s });
    else if (name === 'name') {
      if (CLUSTER_RESOURCES.has(b.type)) b.names.push({ kind: 'cluster', role: b.isData ? 'reference' : 'definition', s });
      else if (b.type === 'mongodbatlas_project') b.names.push({ kind: 'project', role: b.isData ? 'reference' : 'definition', s });
      else if (b.type === 'mongodbatlas_organization') b.names.push({ kind: 'organization', role: b.isData ? 'reference' : 'definition', s });
    }
  };

  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    const waiting = pending;
    pending = undefined;
    if (t.kind !== 'punct') {
      if (waiting && waiting.depth === depth && t.kind !== 'heredoc') attributeValue(waiting.name, t);
      continue;
    }
    if (t.text === '{') {
      // `resource "type" "label" {` or `data "type" "label" {`
      const [a, type, label] = [tokens[k - 3], stringOf(tokens[k - 2]), stringOf(tokens[k - 1])];
      depth++;
      if (a?.kind === 'ident' && (a.text === 'resource' || a.text === 'data') && type && label && type.value.startsWith('mongodbatlas_')) {
        blocks.push({ depth, type: type.value, label: label.value, isData: a.text === 'data', names: [], projectKey: '' });
      }
    } else if (t.text === '}') {
      const top = blocks[blocks.length - 1];
      if (top && top.depth === depth) closeBlock(blocks.pop()!);
      depth = Math.max(0, depth - 1);
    } else if (t.text === '=') {
      const key = tokens[k - 1];
      const top = blocks[blocks.length - 1];
      if (key?.kind === 'ident' && top && top.depth === depth) pending = { name: key.text, depth };
    }
  }
  while (blocks.length > 0) closeBlock(blocks.pop()!);
  out.sort((x, y) => x.offsets[0]! - y.offsets[0]!);
  return out;
}
