/**
 * Query filters the server refuses, in the literal filters of driver calls (`find`, `findOne`,
 * `countDocuments`, `deleteMany`, `updateOne`, …, and the `$match` stages of a pipeline): `$text`
 * together with `$near` or `$nearSphere` (or a `$geoNear` stage in a pipeline that matches with
 * `$text`), and `$where` code that uses `db`, which `$where` cannot reach.
 */
import type { Problem, Span } from '../api';
import type { Prop, Value } from '../lex/codeValues';
import { problemOf } from '../rules/ruleTable';
import type { Argument, CallSite } from './codeCalls';
import { objectsIn, sourceOf } from './callArgs';
import { message } from '../data/l10n';

/** Calls of category 'document' whose first argument is a query filter. */
const FILTERS: ReadonlySet<string> = new Set([
  'find', 'findOne', 'countDocuments', 'deleteOne', 'deleteMany', 'updateOne', 'updateMany', 'replaceOne', 'findOneAndUpdate', 'findOneAndReplace',
  'find_one', 'count_documents', 'delete_one', 'delete_many', 'update_one', 'update_many', 'replace_one', 'find_one_and_update', 'find_one_and_replace',
]);

/** Geospatial operators that sort by distance, which a text search cannot be combined with. */
const NEAR = new Set(['$near', '$nearSphere']);

/** `db` used as an object (`db.users`, `db["users"]`, `db.getSiblingDB(…)`), not a field called db. */
const USES_DB = /(?<![\w$.])db\s*[.[]/;

/** The operators a filter uses, anywhere in it. */
interface FilterFacts {
  text?: Prop;
  near: Prop[];
}

function factsOf(text: string, filter: Value, problems: Problem[]): FilterFacts {
  const facts: FilterFacts = { near: [] };
  for (const o of objectsIn(filter)) {
    for (const p of o.props) {
      if (p.key === '$text') facts.text ??= p;
      else if (NEAR.has(p.key)) facts.near.push(p);
      else if (p.key === '$where') checkWhere(text, p, problems);
    }
  }
  return facts;
}

function keySpan(p: Prop): Span {
  return { start: p.keyStart, end: p.keyEnd };
}

/** `$where` code given as a string or a function that uses `db`. */
function checkWhere(text: string, p: Prop, problems: Problem[]): void {
  const v = p.value;
  if (v.kind !== 'string' && v.kind !== 'other') return;
  const source = sourceOf(text, v);
  // A variable or a call is no code we can read; a function, an arrow function or a string is.
  if (v.kind === 'other' && !/^(?:async\s+)?(?:function\b|\([^)]*\)\s*=>|[\w$]+\s*=>|Code\s*\()/.test(source)) return;
  const m = USES_DB.exec(source);
  if (!m) return;
  const start = v.start + m.index;
  problems.push(
    problemOf('where-uses-db', { start, end: start + 2 }, message('query.whereUsesDb')),
  );
}

/** Checks the filter of a call of category 'document'. */
export function checkFilterCall(text: string, call: CallSite, args: readonly Argument[], problems: Problem[]): void {
  if (!FILTERS.has(call.method) || !args[0]) return;
  const facts = factsOf(text, args[0].value, problems);
  if (facts.text) for (const near of facts.near) textWithNear(near, problems);
}

function textWithNear(near: Prop, problems: Problem[]): void {
  problems.push(problemOf('query-text-with-near', keySpan(near), message('query.textWithNear', { operator: near.key })));
}

/** Checks the `$match` stages of a pipeline, and a `$geoNear` stage beside a `$text` match. */
export function checkPipelineFilters(text: string, pipeline: Extract<Value, { kind: 'array' }>, problems: Problem[]): void {
  let textMatch: Prop | undefined;
  const geoNear: Prop[] = [];
  for (const stage of pipeline.items) {
    if (stage.kind !== 'object') continue;
    for (const p of stage.props) {
      if (p.key === '$match') {
        const facts = factsOf(text, p.value, problems);
        if (facts.text) {
          textMatch ??= facts.text;
          for (const near of facts.near) textWithNear(near, problems);
        }
      } else if (p.key === '$geoNear') geoNear.push(p);
    }
  }
  if (!textMatch) return;
  for (const p of geoNear) {
    problems.push(problemOf('query-text-with-near', keySpan(p), message('query.geoNearWithText')));
  }
}
