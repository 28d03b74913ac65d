/**
 * Limits of literals in code (JavaScript/TypeScript, MongoDB playgrounds, Python): fields of a
 * compound index, indexes created on one collection, stages of an aggregation pipeline, keys of a sort
 * and the nesting depth of documents passed to collection methods; with hovers on those calls that
 * show the limits. Call sites are found by one regular-expression pass; each call's argument list is
 * tokenized once (features/adminCommandScanner.ts), and calls inside an argument already read are not
 * read again, so the work stays linear in the size of the document.
 */
import { LIMITS, limitLink } from '../data/limits';
import { Prop, Token, TokenList, Value, pairBrackets, parseValue, scanTokens } from '../lex/codeScanner';
import type { DocumentAnalysis } from '../api';
import { problemOf, type RuleId } from '../rules/ruleTable';
import { Problem, Span } from '../api';

const JS_LANGUAGES = new Set(['javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'mongodb']);

type Category = 'index' | 'indexes' | 'aggregate' | 'sort' | 'document';

const METHODS: Readonly<Record<string, Category>> = {
  createIndex: 'index',
  ensureIndex: 'index',
  create_index: 'index',
  createIndexes: 'indexes',
  create_indexes: 'indexes',
  aggregate: 'aggregate',
  sort: 'sort',
  insertOne: 'document',
  insertMany: 'document',
  updateOne: 'document',
  updateMany: 'document',
  replaceOne: 'document',
  findOneAndUpdate: 'document',
  findOneAndReplace: 'document',
  bulkWrite: 'document',
  find: 'document',
  findOne: 'document',
  deleteOne: 'document',
  deleteMany: 'document',
  countDocuments: 'document',
  insert_one: 'document',
  insert_many: 'document',
  update_one: 'document',
  update_many: 'document',
  replace_one: 'document',
  find_one_and_update: 'document',
  find_one_and_replace: 'document',
  bulk_write: 'document',
  find_one: 'document',
  delete_one: 'document',
  delete_many: 'document',
  count_documents: 'document',
};

/** Method names that other libraries share (`Array.prototype.sort`, `Array.prototype.find`): only with a literal argument. */
const SHARED_NAMES: ReadonlySet<string> = new Set(['sort', 'find']);

/**
 * `.method(` or `.method<Type>(`; the names are those of METHODS (longest first). The lookahead on
 * their first letters lets the engine skip most dots at once.
 */
const CALL = new RegExp(
  `\\.[ \\t]*(?=[${[...new Set(Object.keys(METHODS).map((k) => k[0]))].join('')}])(${Object.keys(METHODS).sort((a, b) => b.length - a.length).join('|')})[ \\t]*(?:<[^<>()\\n]{0,80}>[ \\t]*)?\\(`,
  'g',
);

type ArrayValue = Extract<Value, { kind: 'array' }>;

function spanOf(v: { start: number; end: number }): Span {
  return { start: v.start, end: v.end };
}

const problem = (ruleId: RuleId, span: Span, message: string): Problem => problemOf(ruleId, span, message);

/**
 * True when `at` is inside a comment or a string that starts earlier on its line: the line is read
 * from its start (at most 240 characters back; a longer line is taken as code).
 */
function inCommentOrString(text: string, at: number, python: boolean): boolean {
  const stop = Math.max(0, at - 240);
  let lineStart = at;
  while (lineStart > stop && text.charCodeAt(lineStart - 1) !== 0x0a) lineStart--;
  if (lineStart === stop && stop > 0 && text.charCodeAt(stop - 1) !== 0x0a) return false;
  let quote = 0;
  for (let k = lineStart; k < at; k++) {
    const c = text.charCodeAt(k);
    if (quote !== 0) {
      if (c === 0x5c) k++;
      else if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27 || c === 0x60) quote = c;
    else if (python ? c === 0x23 : c === 0x2f && text.charCodeAt(k + 1) === 0x2f) return true;
  }
  return quote !== 0;
}

/** The receiver of a call, as written before the `.` at `dot` (`db.users`, `db.getCollection("users")`), without blanks. */
function receiverText(text: string, dot: number): string {
  let k = dot - 1;
  const stop = Math.max(0, dot - 256);
  let depth = 0;
  for (; k >= stop; k--) {
    const c = text.charCodeAt(k);
    if (c === 0x29 || c === 0x5d) depth++;
    else if (c === 0x28 || c === 0x5b) {
      if (depth === 0) break;
      depth--;
    } else if (depth === 0) {
      const ident = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x24 || c === 0x2e || c === 0x3f;
      if (!ident && c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
    }
  }
  return text.slice(k + 1, dot).replace(/\s+/g, '').replace(/'/g, '"');
}

/** The arguments of the call whose `(` is token 0: each parsed value with its first token index. */
function readArguments(list: TokenList): Argument[] {
  const { tokens } = list;
  const args: Argument[] = [];
  const close = list.match[0]!;
  const stop = close < 0 ? tokens.length : close;
  let k = 1;
  while (k < stop) {
    if (tokens[k]!.kind === 'punct' && tokens[k]!.text === ',') {
      k++;
      continue;
    }
    const [value, next] = parseValue(list, k);
    args.push({ value, first: k, end: next });
    k = next > k ? next : k + 1;
  }
  return args;
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

/** A parsed argument, with its token range when it was read from the argument list (first < 0 otherwise). */
interface Argument {
  value: Value;
  first: number;
  end: number;
}

/** A nested value (a `$sort` stage, the `key` of createIndexes): no token range of its own. */
function nested(value: Value): Argument {
  return { value, first: -1, end: -1 };
}

/** Keys of a sort (or index) given as an object literal or (Python) a list of `(field, direction)` tuples. */
function sortKeys(list: TokenList, arg: Argument): Array<{ key: string; span: Span }> | undefined {
  const v = arg.value;
  if (v.kind === 'object') return v.props.map((p: Prop) => ({ key: p.key, span: { start: p.keyStart, end: p.keyEnd } }));
  if (v.kind === 'array' && arg.first >= 0) return tupleFirstStrings(list, arg.first, arg.end);
  return undefined;
}

/** `[("a", 1), ("b", -1)]`: the first string of each parenthesized tuple directly inside the list. */
function tupleFirstStrings(list: TokenList, first: number, end: number): Array<{ key: string; span: Span }> {
  const { tokens, match } = list;
  const out: Array<{ key: string; span: Span }> = [];
  for (let k = first + 1; k < end - 1; k++) {
    const t = tokens[k]!;
    if (t.kind === 'punct' && (t.text === '{' || t.text === '[')) {
      if (match[k]! < 0) break;
      k = match[k]!;
      continue;
    }
    if (t.kind === 'punct' && t.text === '(') {
      const s = tokens[k + 1];
      if (s?.kind === 'string') out.push({ key: s.text, span: { start: s.start + 1, end: Math.max(s.start + 1, s.end - 1) } });
      if (match[k]! < 0) break;
      k = match[k]!;
    }
  }
  return out;
}

function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : pluralForm}`;
}

/** A call site: where its `(` is, where the argument list ends, and how deeply `{`/`[` nest in it. */
interface CallRegion {
  paren: number;
  /** Just after the closing `)`; -1 when the list is not closed. */
  end: number;
  /** Deepest nesting of `{` and `[` inside the argument list (strings skipped). */
  maxDepth: number;
  /** First character after `(` that is not blank. */
  firstChar: string;
}

/** Argument lists longer than this are not read (a list left open while typing ends here). */
const MAX_ARGUMENT_LIST = 1 << 20;

/**
 * One pass over an argument list: its end and its bracket depth, skipping string literals. An
 * unclosed list gives end -1 and `scanned`, where the pass stopped.
 */
function callRegion(text: string, paren: number): CallRegion & { scanned: number } {
  let parens = 0;
  let depth = 0;
  let maxDepth = 0;
  let firstChar = '';
  const stop = Math.min(text.length, paren + MAX_ARGUMENT_LIST);
  for (let i = paren; i < stop; i++) {
    const c = text.charCodeAt(i);
    if (firstChar === '' && i > paren && c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) firstChar = text[i]!;
    if (c === 0x22 || c === 0x27 || c === 0x60) {
      // Skip the string (a template may span lines; the others end at the line).
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i++;
        else if (d === c || (d === 0x0a && c !== 0x60)) break;
      }
    } else if (c === 0x28) parens++;
    else if (c === 0x29) {
      if (--parens === 0) return { paren, end: i + 1, maxDepth, firstChar, scanned: i + 1 };
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > maxDepth) maxDepth = depth;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return { paren, end: -1, maxDepth, firstChar, scanned: stop };
}

/** What a call passes: parsed arguments over the tokens of its argument list. */
function readCall(text: string, region: CallRegion, python: boolean): { list: TokenList; args: Argument[] } {
  const tokens = scanTokens(text, { from: region.paren, to: region.end, untilBalanced: true, python });
  const list = pairBrackets(tokens);
  return { list, args: readArguments(list) };
}

/** Index of the `(` of the call whose method name is at [start, end), or -1. */
function parenAfter(text: string, end: number): number {
  let k = end;
  while (k < text.length && (text[k] === ' ' || text[k] === '\t')) k++;
  if (text[k] === '<') {
    const close = text.indexOf('>', k);
    if (close < 0 || close - k > 82) return -1;
    k = close + 1;
    while (k < text.length && (text[k] === ' ' || text[k] === '\t')) k++;
  }
  return text[k] === '(' ? k : -1;
}

export function analyzeCodeLimits(text: string, languageId: string): DocumentAnalysis {
  const python = languageId === 'python';
  if (!python && !JS_LANGUAGES.has(languageId)) return { problems: [], hoverAt: () => null };
  const problems: Problem[] = [];
  /** Indexes created per receiver; whether the limit was reported for it. */
  const indexCounts = new Map<string, { count: number; reported: boolean }>();
  let readUntil = 0;
  CALL.lastIndex = 0;
  for (let m = CALL.exec(text); m; m = CALL.exec(text)) {
    const paren = m.index + m[0].length - 1;
    if (paren < readUntil || inCommentOrString(text, m.index, python)) continue;
    const method = m[1]!;
    const region = callRegion(text, paren);
    // Calls inside what was scanned are not read again: every character is scanned once.
    readUntil = region.scanned;
    if (region.end < 0) continue; // an argument list still being typed
    const literal = region.firstChar === '{' || region.firstChar === '[';
    if (SHARED_NAMES.has(method) && !literal) continue;
    const category = METHODS[method]!;
    const deep = region.maxDepth > LIMITS.documentNestingDepth.value;
    // Most calls pass shallow documents: only index, pipeline and sort literals need reading.
    if (category === 'document' && !deep) continue;
    const { list, args } = readCall(text, region, python);
    if (deep) for (const arg of args) checkDepth(list.tokens, arg, problems);
    const first = args[0];
    const nameStart = m.index + m[0].indexOf(method, 1);
    const nameSpan = { start: nameStart, end: nameStart + method.length };
    if (category === 'index' || category === 'indexes') {
      const receiver = receiverText(text, m.index);
      let entry = indexCounts.get(receiver);
      if (!entry) indexCounts.set(receiver, (entry = { count: 0, reported: false }));
      entry.count += checkIndexes(list, category, first, problems);
      const limit = LIMITS.indexesPerCollection.value;
      // The `_id` index every collection has counts toward the limit.
      if (!entry.reported && entry.count + 1 > limit) {
        entry.reported = true;
        problems.push(
          problem(
            'indexes-too-many',
            nameSpan,
            `This file creates ${entry.count} indexes on ${receiver || 'this collection'}; with the _id index that is ${entry.count + 1}, more than the ${limit} indexes a collection can have.`,
          ),
        );
      }
    } else if (category === 'aggregate') {
      if (first?.value.kind === 'array') checkPipeline(list, first.value, problems);
    } else if (category === 'sort') {
      const keys = first ? sortKeys(list, first) : undefined;
      if (keys) checkSortKeys(keys, problems);
    }
  }
  return {
    problems,
    hoverAt: (offset) => callHover(text, offset, python, indexCounts),
  };
}

/** Indexes a createIndex/createIndexes call creates; reports index keys with too many fields. */
function checkIndexes(list: TokenList, category: 'index' | 'indexes', first: Argument | undefined, problems: Problem[]): number {
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

/** Hover on the name of a call with a limit: the method name under the offset, read again on demand. */
function callHover(text: string, offset: number, python: boolean, indexCounts: ReadonlyMap<string, { count: number }>): { contents: string; span: Span } | null {
  let start = offset;
  let end = offset;
  const isWord = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
  while (start > 0 && offset - start < 40 && isWord(text.charCodeAt(start - 1))) start--;
  while (end < text.length && end - offset < 40 && isWord(text.charCodeAt(end))) end++;
  const method = text.slice(start, end);
  const category = METHODS[method];
  if (!category) return null;
  let dot = start - 1;
  while (dot > 0 && (text[dot] === ' ' || text[dot] === '\t')) dot--;
  const paren = parenAfter(text, end);
  if (text[dot] !== '.' || paren < 0 || inCommentOrString(text, dot, python)) return null;
  const region = callRegion(text, paren);
  const literal = region.firstChar === '{' || region.firstChar === '[';
  if (SHARED_NAMES.has(method) && !literal) return null;
  const span = { start, end };
  if (category === 'index' || category === 'indexes') {
    const receiver = receiverText(text, dot);
    return { span, contents: indexHover(method, receiver, indexCounts.get(receiver)?.count ?? 0) };
  }
  if (category === 'document') return { span, contents: documentHover(method) };
  const call = region.end > 0 ? readCall(text, region, python) : undefined;
  const first = call?.args[0];
  if (category === 'aggregate') return { span, contents: aggregateHover(first?.value.kind === 'array' ? first.value.items.length : undefined) };
  const keys = call && first ? sortKeys(call.list, first) : undefined;
  return { span, contents: sortHover(keys?.length) };
}

function checkDepth(tokens: readonly Token[], arg: Argument, problems: Problem[]): void {
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
    problem(
      'document-too-deep',
      spanOf(deep.token),
      `This literal nests ${levels} levels deep; MongoDB accepts documents of at most ${LIMITS.documentNestingDepth.value} levels (every embedded object or array is one).`,
    ),
  );
}

/** The fields of an index key (an object literal, or a Python list of tuples), like the keys of a sort. */
function checkIndexFields(list: TokenList, arg: Argument, problems: Problem[]): void {
  const fields = sortKeys(list, arg);
  const limit = LIMITS.compoundIndexFields.value;
  if (!fields || fields.length <= limit) return;
  const extra = fields[limit]!;
  problems.push(
    problem('index-too-many-fields', extra.span, `This index lists ${fields.length} fields; a compound index can have at most ${limit}. The fields from here on are too many.`),
  );
}

function checkPipeline(list: TokenList, pipeline: ArrayValue, problems: Problem[]): void {
  const limit = LIMITS.pipelineStages.value;
  if (pipeline.items.length > limit) {
    problems.push(
      problem(
        'pipeline-too-many-stages',
        spanOf(pipeline.items[limit]!),
        `This pipeline has ${pipeline.items.length} stages; MongoDB runs at most ${limit} stages in one pipeline. The stages from here on are too many.`,
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

function checkSortKeys(keys: ReadonlyArray<{ key: string; span: Span }>, problems: Problem[]): void {
  const limit = LIMITS.sortKeys.value;
  if (keys.length > limit) {
    problems.push(problem('sort-too-many-keys', keys[limit]!.span, `This sort has ${keys.length} keys; MongoDB sorts on at most ${limit}. The keys from here on are too many.`));
  }
  const seen = new Set<string>();
  for (const k of keys) {
    if (seen.has(k.key)) {
      problems.push(problem('sort-duplicate-key', k.span, `"${k.key}" is already a key of this sort: the sort would not be what it reads like (in an object literal, the later value replaces the earlier one).`));
    } else seen.add(k.key);
  }
}

// -------------------------------------------------------------------------------------------
// Hover

function indexHover(method: string, receiver: string, created: number): string {
  return [
    `**${method}** — index limits`,
    '',
    `- ${LIMITS.compoundIndexFields.summary}`,
    `- ${LIMITS.indexesPerCollection.summary}`,
    '',
    `This file creates ${plural(created, 'index', 'indexes')} on \`${receiver || 'this collection'}\` (plus \`_id\`).`,
    '',
    limitLink(LIMITS.indexesPerCollection),
  ].join('\n');
}

function aggregateHover(stages: number | undefined): string {
  const lines = [`**aggregate** — pipeline limits`, '', `- ${LIMITS.pipelineStages.summary}`, `- \`$sort\`: ${LIMITS.sortKeys.summary}`, `- ${LIMITS.bsonDocumentSize.summary}`];
  if (stages !== undefined) lines.push('', `This pipeline has ${plural(stages, 'stage')}.`);
  lines.push('', limitLink(LIMITS.pipelineStages));
  return lines.join('\n');
}

function sortHover(keys: number | undefined): string {
  const lines = [`**sort** — ${LIMITS.sortKeys.summary}`];
  if (keys !== undefined) lines.push('', `This sort has ${plural(keys, 'key')}.`);
  lines.push('', limitLink(LIMITS.sortKeys));
  return lines.join('\n');
}

function documentHover(method: string): string {
  return [`**${method}** — document limits`, '', `- ${LIMITS.documentNestingDepth.summary}`, `- ${LIMITS.bsonDocumentSize.summary}`, '', limitLink(LIMITS.documentNestingDepth)].join('\n');
}
