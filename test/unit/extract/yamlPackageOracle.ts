/**
 * What the `yaml` package (v2) reads in a YAML stream: every scalar with its decoded value, its source
 * range, its style and the keys of the pairs above it, and every comment. The reference the YAML
 * extractor is compared with (yamlDifferential.test.ts); it shares no code with server/src/service/extract.
 */
import { isMap, isPair, isScalar, isSeq, parseAllDocuments, Parser, visit } from 'yaml';
import type { Pair, Scalar } from 'yaml';

export type ScalarStyle = 'plain' | 'single' | 'double' | 'block';

/** The collection a scalar is directly in. */
export type Container = 'block-map' | 'flow-map' | 'block-seq' | 'flow-seq' | 'document';

/** A key of a pair above a scalar: its decoded text (undefined when the key is a collection), and whether its mapping is a flow one. */
export interface YamlKey {
  text: string | undefined;
  flow: boolean;
  /** Where the key starts. */
  start: number;
  /**
   * For a `value` key of a block mapping with a `name:` pair before it whose value is a scalar that is
   * not empty (a Kubernetes `env` entry), when the value starts on the key's line: that name.
   */
  name?: YamlName;
}

/** The value of a `name:` pair, its style, and where its key starts and its value ends. */
export interface YamlName {
  value: string;
  style: ScalarStyle;
  keyStart: number;
  end: number;
}

export interface YamlScalar {
  /** The decoded value; for a plain scalar yaml reads as a number, a boolean or null, the text it was read from. */
  value: string;
  style: ScalarStyle;
  /** Where the node starts (at the opening quote or the block header) and where its value ends, as yaml gives them. */
  start: number;
  end: number;
  /** The scalar is the key of a pair. */
  isKey: boolean;
  /** Keys of the pairs the scalar is (a value) under, root first. */
  keys: YamlKey[];
  container: Container;
}

export interface YamlReading {
  /** Errors of any document of the stream (warnings, such as unresolved tags, are not errors). */
  errors: string[];
  scalars: YamlScalar[];
  /** Comments, from the `#` to the end of the line: [start, end). */
  comments: Array<[number, number]>;
  /** What each document is: a block or flow collection, a scalar, or nothing. */
  roots: Array<Container | 'scalar' | 'empty'>;
  /** Some key is written explicitly (`? key`). */
  explicitKeys: boolean;
  /** Where each `name` key of a block mapping with a scalar value starts. */
  nameKeys: number[];
}

function scalarText(node: Scalar): string {
  return typeof node.value === 'string' ? node.value : String(node.source ?? '');
}

function styleOf(node: Scalar): ScalarStyle {
  switch (node.type) {
    case 'QUOTE_DOUBLE':
      return 'double';
    case 'QUOTE_SINGLE':
      return 'single';
    case 'BLOCK_LITERAL':
    case 'BLOCK_FOLDED':
      return 'block';
    default:
      return 'plain';
  }
}

function keyText(pair: Pair): string | undefined {
  const key = pair.key as unknown;
  if (key === null || key === undefined) return '';
  return isScalar(key) ? scalarText(key) : undefined;
}

/** The name of a `value` pair (see YamlKey.name). */
function nameBefore(text: string, items: readonly Pair[], pair: Pair): YamlName | undefined {
  const key = pair.key as { range?: [number, number, number] } | null;
  const value = pair.value as { range?: [number, number, number] } | null;
  if (!key?.range || !value?.range || /[\n\r]/.test(text.slice(key.range[1], value.range[0]))) return undefined;
  let name: YamlName | undefined;
  for (const item of items) {
    if (item === pair) break;
    if (keyText(item) !== 'name' || !isScalar(item.value)) continue;
    const v = item.value;
    const k = item.key as Scalar;
    if (!(v.type === 'PLAIN' && scalarText(v) === '')) name = { value: scalarText(v), style: styleOf(v), keyStart: k.range?.[0] ?? 0, end: v.range?.[1] ?? 0 };
  }
  return name;
}

/** Every comment token of the concrete syntax tree, and whether it has an explicit key indicator. */
function comments(text: string): { comments: Array<[number, number]>; explicitKeys: boolean } {
  const out: Array<[number, number]> = [];
  let explicitKeys = false;
  const walk = (t: unknown): void => {
    if (Array.isArray(t)) {
      for (const x of t) walk(x);
      return;
    }
    if (t === null || typeof t !== 'object') return;
    const o = t as Record<string, unknown>;
    if (o.type === 'comment' && typeof o.offset === 'number' && typeof o.source === 'string') out.push([o.offset, o.offset + o.source.length]);
    if (o.type === 'explicit-key-ind') explicitKeys = true;
    for (const k of Object.keys(o)) if (k !== 'source') walk(o[k]);
  };
  for (const token of new Parser().parse(text)) walk(token);
  return { comments: out.sort((a, b) => a[0] - b[0]), explicitKeys };
}

export function readYaml(text: string): YamlReading {
  const cst = comments(text);
  const reading: YamlReading = { errors: [], scalars: [], comments: cst.comments, roots: [], explicitKeys: cst.explicitKeys, nameKeys: [] };
  for (const doc of parseAllDocuments(text)) {
    for (const e of doc.errors) reading.errors.push(e.message);
    const root = doc.contents;
    if (isMap(root) || isSeq(root)) reading.roots.push(`${root.flow ? 'flow' : 'block'}-${isMap(root) ? 'map' : 'seq'}`);
    else reading.roots.push(isScalar(root) && !(root.type === 'PLAIN' && scalarText(root) === '') ? 'scalar' : 'empty');
    visit(doc, {
      Scalar(key, node, path) {
        const isKey = key === 'key';
        const own = path[path.length - 1];
        const ownMap = path[path.length - 2];
        if (isKey && node.value === 'name' && isPair(own) && isScalar(own.value) && isMap(ownMap) && !ownMap.flow) reading.nameKeys.push(node.range?.[0] ?? 0);
        const keys: YamlKey[] = [];
        // The pairs above the scalar: the last one is its own pair (as its key or its value).
        const pairsEnd = isKey ? path.length - 1 : path.length;
        for (let i = 0; i < pairsEnd; i++) {
          const p = path[i];
          if (!isPair(p)) continue;
          const map = path[i - 1];
          const flow = isMap(map) && map.flow === true;
          const key: YamlKey = { text: keyText(p), flow, start: (p.key as Scalar | null)?.range?.[0] ?? 0 };
          if (!flow && isMap(map) && key.text === 'value') {
            const name = nameBefore(text, map.items, p);
            if (name !== undefined) key.name = name;
          }
          keys.push(key);
        }
        const last = path[path.length - 1];
        let container: Container = 'document';
        if (isSeq(last)) container = last.flow ? 'flow-seq' : 'block-seq';
        else if (isPair(last)) {
          const map = path[path.length - 2];
          container = isMap(map) && map.flow === true ? 'flow-map' : 'block-map';
        }
        const range = node.range ?? [0, 0, 0];
        reading.scalars.push({ value: scalarText(node), style: styleOf(node), start: range[0], end: range[1], isKey, keys, container });
      },
    });
  }
  return reading;
}
