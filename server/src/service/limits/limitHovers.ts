/**
 * Hovers on the names of driver calls with limits (limits/codeCalls.ts): the limits that apply, with
 * what this call or file passes (stages of the pipeline, keys of the sort, indexes created).
 */
import { LIMITS, limitLink } from '../data/limits';
import { isWordChar } from '../lex/identifiers';
import { tokenIndexAt } from '../lex/codeValues';
import type { SourceCode, Span } from '../api';
import { callAt, categoryOf, readArguments, receiverText, sortKeys } from './codeCalls';

function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : pluralForm}`;
}


/** Hover on the name of a call with a limit: the call is read from the document's tokens. */
export function callHover(code: SourceCode, offset: number, indexCounts: ReadonlyMap<string, { count: number }>): { contents: string; span: Span } | null {
  // Only a word that names a method with limits makes the tokens worth reading.
  let start = offset;
  let end = offset;
  const { text } = code;
  while (start > 0 && offset - start < 40 && isWordChar(text.charCodeAt(start - 1))) start--;
  while (end < text.length && end - offset < 40 && isWordChar(text.charCodeAt(end))) end++;
  if (!categoryOf(text.slice(start, end))) return null;
  const list = code.tokens();
  const call = callAt(list, tokenIndexAt(list.tokens, offset));
  if (!call) return null;
  const { method, category, nameSpan: span } = call;
  if (category === 'index' || category === 'indexes') {
    const receiver = receiverText(text, call.dot);
    return { span, contents: indexHover(method, receiver, indexCounts.get(receiver)?.count ?? 0) };
  }
  if (category === 'document') return { span, contents: documentHover(method) };
  const first = readArguments(list, call.region)[0];
  if (category === 'aggregate') return { span, contents: aggregateHover(first?.value.kind === 'array' ? first.value.items.length : undefined) };
  const keys = first ? sortKeys(list, first) : undefined;
  return { span, contents: sortHover(keys?.length) };
}

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
