/**
 * The limits checked on the literals of driver calls (limits/codeCalls.ts): fields of a compound
 * index, indexes created on one collection, stages of an aggregation pipeline, keys of a sort and the
 * nesting depth of documents. Each check pushes its problems onto the list it is given.
 */
import { LIMITS } from '../data/limits';
import type { Token, TokenList } from '../api';
import type { Value } from '../lex/codeValues';
import { problemOf } from '../rules/ruleTable';
import type { Problem, Span } from '../api';
import { type Argument, nested, sortKeys } from './codeCalls';
import { message } from '../data/l10n';

type ArrayValue = Extract<Value, { kind: 'array' }>;

/** Indexes created on one receiver so far, and whether the limit was reported for it. */
export interface IndexCount {
  count: number;
  reported: boolean;
}

function spanOf(v: { start: number; end: number }): Span {
  return { start: v.start, end: v.end };
}

/** The first bracket (`{` or `[`) in tokens[from, to) that opens a level deeper than `max`, or undefined. */
function tooDeep(tokens: readonly Token[], from: number, to: number, max: number): { token: Token; depth: number } | undefined {
  let depth = 0;
  let deepest: { token: Token; depth: number } | undefined;
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    if (t.kind !== 'punct') continue;
    if (t.text === '{' || t.text === '[') {
      depth++;
      if (depth > max && !deepest) deepest = { token: t, depth };
      if (deepest && depth > deepest.depth) deepest.depth = depth;
    } else if (t.text === '}' || t.text === ']') depth--;
  }
  return deepest;
}

/** A document (or list of documents) nested deeper than MongoDB accepts. */
export function checkDepth(tokens: readonly Token[], arg: Argument, problems: Problem[]): void {
  const v = arg.value;
  if (v.kind !== 'object' && v.kind !== 'array' && v.kind !== 'other') return;
  const open = tokens[arg.first];
  if (!open || open.kind !== 'punct' || (open.text !== '{' && open.text !== '[')) return;
  // An array argument is a list of documents (insertMany, bulkWrite, a pipeline): its own bracket is no level.
  const max = LIMITS.documentNestingDepth.value + (open.text === '[' ? 1 : 0);
  const deep = tooDeep(tokens, arg.first, arg.end, max);
  if (!deep) return;
  const levels = deep.depth - (open.text === '[' ? 1 : 0);
  problems.push(
    problemOf(
      'document-too-deep',
      spanOf(deep.token),
      message('limits.nesting', { levels, max: LIMITS.documentNestingDepth.value }),
    ),
  );
}

/** Indexes a createIndex/createIndexes call creates; reports index keys with too many fields. */
export function checkIndexes(list: TokenList, category: 'index' | 'indexes', first: Argument | undefined, problems: Problem[]): number {
  if (category === 'index') {
    if (first) checkIndexFields(list, first, problems);
    return 1;
  }
  if (first?.value.kind !== 'array') return 1;
  for (const item of first.value.items) {
    const key = item.kind === 'object' ? item.props.find((p) => p.key === 'key') : undefined;
    if (key) checkIndexFields(list, nested(key.value), problems);
  }
  return first.value.items.length;
}

/**
 * The fields of an index key (an object literal, or a Python list of tuples), like the keys of a sort.
 * The fields of a text index (`{ title: 'text', body: 'text' }`) are weights of one text key, which the
 * server does not hold to the compound limit (it accepts 34 of them, SERVER-96216): they count as one.
 */
function checkIndexFields(list: TokenList, arg: Argument, problems: Problem[]): void {
  const all = sortKeys(list, arg);
  const limit = LIMITS.compoundIndexFields.value;
  if (!all || all.length <= limit) return;
  const v = arg.value;
  const firstText = v.kind === 'object' ? v.props.findIndex((p) => isTextKey(p.value)) : -1;
  const fields = firstText < 0 || v.kind !== 'object' ? all : all.filter((_, k) => k === firstText || !isTextKey(v.props[k]!.value));
  if (fields.length <= limit) return;
  const extra = fields[limit]!;
  problems.push(
    problemOf('index-too-many-fields', extra.span, message('limits.indexFields', { count: fields.length, limit })),
  );
}

/** An index key's value that makes it a field of the text index. */
function isTextKey(value: Value): boolean {
  return value.kind === 'string' && value.value === 'text';
}

/** Reports (once per receiver) more indexes than a collection can have; `nameSpan` is the call's method name. */
export function checkIndexCount(entry: IndexCount, receiver: string, nameSpan: Span, problems: Problem[]): void {
  const limit = LIMITS.indexesPerCollection.value;
  // The `_id` index every collection has counts toward the limit.
  if (entry.reported || entry.count + 1 <= limit) return;
  entry.reported = true;
  problems.push(
    problemOf(
      'indexes-too-many',
      nameSpan,
      message('limits.indexes', { count: entry.count, receiver: receiver || message('limits.thisCollection'), total: entry.count + 1, limit }),
    ),
  );
}

/** Stages of a pipeline (and of its sub-pipelines), and the keys of its `$sort` stages. */
export function checkPipeline(list: TokenList, pipeline: ArrayValue, problems: Problem[]): void {
  const limit = LIMITS.pipelineStages.value;
  if (pipeline.items.length > limit) {
    problems.push(
      problemOf(
        'pipeline-too-many-stages',
        spanOf(pipeline.items[limit]!),
        message('limits.stages', { count: pipeline.items.length, limit }),
      ),
    );
  }
  for (const stage of pipeline.items) {
    if (stage.kind !== 'object') continue;
    for (const p of stage.props) {
      const keys = p.key === '$sort' ? sortKeys(list, nested(p.value)) : undefined;
      if (keys) checkSortKeys(keys, problems);
      // Sub-pipelines of $facet and $lookup/$unionWith are pipelines of their own.
      if (p.key === '$facet' && p.value.kind === 'object') {
        for (const f of p.value.props) if (f.value.kind === 'array') checkPipeline(list, f.value, problems);
      }
      if ((p.key === '$lookup' || p.key === '$unionWith') && p.value.kind === 'object') {
        const sub = p.value.props.find((q) => q.key === 'pipeline');
        if (sub && sub.value.kind === 'array') checkPipeline(list, sub.value, problems);
      }
    }
  }
}

/** Too many keys in a sort, and keys given twice. */
export function checkSortKeys(keys: ReadonlyArray<{ key: string; span: Span }>, problems: Problem[]): void {
  const limit = LIMITS.sortKeys.value;
  if (keys.length > limit) {
    problems.push(problemOf('sort-too-many-keys', keys[limit]!.span, message('limits.sortKeys', { count: keys.length, limit })));
  }
  const seen = new Set<string>();
  for (const k of keys) {
    if (seen.has(k.key)) {
      problems.push(problemOf('sort-duplicate-key', k.span, message('limits.sortDuplicate', { key: k.key })));
    } else seen.add(k.key);
  }
}
