/**
 * Sharding: the key of `sh.shardCollection(ns, key)`, the shardCollection command and Python's
 * `admin.command("shardCollection", ns, key=…)`, and unique indexes created in the same file on the
 * collection it shards. Hover on shardCollection.
 */
import { DOCS } from '../data/docLinks';
import type { Value } from '../lex/codeValues';
import { problemOf } from '../rules/ruleTable';
import type { Problem, Span } from '../api';
import { contentSpan, spanOf } from './clusterCalls';
import { message } from '../data/l10n';

/** A sharded collection of the file: its shard key fields in order. */
export interface ShardedCollection {
  namespace: string;
  fields: string[];
}

/** Index types that cannot back a shard key. */
const FORBIDDEN_TYPES: ReadonlySet<string> = new Set(['text', '2d', '2dsphere', 'geoHaystack']);

/**
 * Field names of values that grow with every insert: `_id` (ObjectId), `id`, and names whose last word
 * (camelCase or snake_case) is `at`, `time`, `timestamp`, `ts`, `date`, `datetime`, `seq`, `sequence`
 * or `counter` (`createdAt`, `created_at`, `eventTime`, `orderDate`, `seq`). A name such as `userId`
 * is not: it refers to existing documents, so inserts spread over its values.
 */
const MONOTONIC_LAST_WORDS: ReadonlySet<string> = new Set(['at', 'time', 'timestamp', 'ts', 'date', 'datetime', 'seq', 'sequence', 'counter']);

export function isMonotonicName(field: string): boolean {
  if (field === '_id' || field === 'id') return true;
  const last = field.split('.').pop()!;
  const words = last
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[_\W]+/)
    .filter((w) => w !== '');
  const word = words[words.length - 1];
  return word !== undefined && MONOTONIC_LAST_WORDS.has(word);
}

/** What a shard key value other than 1 and "hashed" asks for. */
function describeKeyValue(v: Value): string {
  if (v.kind === 'number') return v.value === -1 ? message('shard.descending') : message('shard.value', { value: v.value });
  if (v.kind === 'string') return FORBIDDEN_TYPES.has(v.value) ? message('shard.typedIndex', { type: v.value }) : message('shard.indexType', { type: v.value });
  return message('value.this');
}

/** Checks a shard key document; returns the sharded collection when the namespace and key are literals. */
export function checkShardKey(namespace: Value | undefined, key: Value | undefined, problems: Problem[]): ShardedCollection | undefined {
  if (key?.kind !== 'object') return undefined;
  for (const p of key.props) {
    const v = p.value;
    const wildcard = p.key === '$**' || p.key.endsWith('.$**');
    const ascending = v.kind === 'number' && v.value === 1;
    const hashed = v.kind === 'string' && v.value === 'hashed';
    if (wildcard || (v.kind === 'number' && !ascending) || (v.kind === 'string' && !hashed)) {
      const what = wildcard ? message('shard.wildcard') : describeKeyValue(v);
      problems.push(
        problemOf(
          'shard-key-index-type',
          wildcard ? { start: p.keyStart, end: p.keyEnd } : v.kind === 'string' ? contentSpan(v) : spanOf(v),
          message('shard.keyIndexType', { what }),
        ),
      );
    }
  }
  const only = key.props.length === 1 && !key.hasSpread ? key.props[0]! : undefined;
  if (only && only.value.kind === 'number' && only.value.value === 1 && isMonotonicName(only.key)) {
    problems.push(
      problemOf(
        'shard-key-monotonic',
        { start: only.keyStart, end: only.keyEnd },
        message('shard.monotonic', { field: only.key }),
        { replacement: '"hashed"', replaceSpan: spanOf(only.value), title: message('fix.shardHashed', { key: `{ ${only.key}: "hashed" }` }) },
      ),
    );
  }
  if (namespace?.kind !== 'string' || key.hasSpread) return undefined;
  return { namespace: namespace.value, fields: key.props.map((p) => p.key) };
}

/** A unique index whose keys do not start with the shard key of its collection. */
export function checkUniqueIndex(sharded: ShardedCollection, keys: ReadonlyArray<{ key: string; span: Span }>, nameSpan: Span, problems: Problem[]): void {
  const prefix = sharded.fields.every((f, i) => keys[i]?.key === f);
  if (prefix) return;
  const shardKey = sharded.fields.join(', ');
  problems.push(
    problemOf(
      'unique-index-not-shard-key-prefix',
      keys[0]?.span ?? nameSpan,
      message('shard.uniqueNotPrefix', { namespace: sharded.namespace, key: `{ ${shardKey} }`, fields: shardKey }),
    ),
  );
}

export function shardCollectionHover(): string {
  return [
    '**shardCollection** — shard key restrictions',
    '',
    '- Each shard key field is `1` (ranged, ascending) or `"hashed"`; descending, text, geospatial and wildcard indexes cannot back a shard key, nor can a multikey index (a field holding arrays).',
    '- A unique index on a sharded collection must start with the shard key; uniqueness is not enforced across shards otherwise, so the server refuses it.',
    '- A ranged key on a field that grows with every insert (`_id`, timestamps, counters) sends all inserts to one shard; hash it to spread them.',
    '',
    `[Sharded Clusters](${DOCS.limitsSharding})`,
  ].join('\n');
}
