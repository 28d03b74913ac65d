/**
 * Hovers on the names of driver calls with limits (limits/codeCalls.ts): the limits that apply, with
 * what this call or file passes (stages of the pipeline, keys of the sort, indexes created).
 */
import { LIMITS, limitLink } from '../data/limits';
import { isWordChar } from '../lex/identifiers';
import type { Span } from '../api';
import { METHODS, SHARED_NAMES, callRegion, inCommentOrString, parenAfter, readCall, receiverText, sortKeys, startsWithLiteral } from './codeCalls';

function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : pluralForm}`;
}

/** Hover on the name of a call with a limit: the method name under the offset, read again on demand. */
export function callHover(text: string, offset: number, python: boolean, indexCounts: ReadonlyMap<string, { count: number }>): { contents: string; span: Span } | null {
  let start = offset;
  let end = offset;
  while (start > 0 && offset - start < 40 && isWordChar(text.charCodeAt(start - 1))) start--;
  while (end < text.length && end - offset < 40 && isWordChar(text.charCodeAt(end))) end++;
  const method = text.slice(start, end);
  const category = METHODS[method];
  if (!category) return null;
  let dot = start - 1;
  while (dot > 0 && (text[dot] === ' ' || text[dot] === '\t')) dot--;
  const paren = parenAfter(text, end);
  if (text[dot] !== '.' || paren < 0 || inCommentOrString(text, dot, python)) return null;
  const region = callRegion(text, paren);
  if (SHARED_NAMES.has(method) && !startsWithLiteral(region)) return null;
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
