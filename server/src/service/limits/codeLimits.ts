/**
 * Limits of literals in code (JavaScript/TypeScript, MongoDB playgrounds, Python): fields of a
 * compound index, indexes created on one collection, stages of an aggregation pipeline, keys of a sort
 * and the nesting depth of documents passed to collection methods; with hovers on those calls that
 * show the limits. The calls are found by limits/codeCalls.ts, checked by limits/limitChecks.ts, and
 * their hovers written by limits/limitHovers.ts.
 */
import { LIMITS } from '../data/limits';
import type { DocumentAnalysis, Problem, SourceCode } from '../api';
import { JS_LANGUAGES, METHODS, findCalls, mayHaveCalls, readArguments, receiverText, sortKeys } from './codeCalls';
import { wordGate } from '../lex/sourceCode';
import { type IndexCount, checkDepth, checkIndexCount, checkIndexes, checkPipeline, checkSortKeys } from './limitChecks';
import { callHover } from './limitHovers';
import { checkDocumentCall } from './documentChecks';
import { checkFilterCall, checkPipelineFilters } from './queryChecks';
import { checkIndexCollation } from './indexCollation';
import { blockingStageHover, checkDiskUse } from './blockingStages';

/** Every call mayHaveCalls finds names one of METHODS: the names, searched for with the other analyzers' (lex/sourceCode.ts). */
const METHOD_NAMES = wordGate(Object.keys(METHODS), (languageId) => languageId === 'python' || JS_LANGUAGES.has(languageId));

export function analyzeCodeLimits(code: SourceCode): DocumentAnalysis {
  const { text, languageId } = code;
  if (languageId !== 'python' && !JS_LANGUAGES.has(languageId)) return { problems: [], hoverAt: () => null };
  const problems: Problem[] = [];
  /** Indexes created per receiver; whether the limit was reported for it. */
  const indexCounts = new Map<string, IndexCount>();
  const list = METHOD_NAMES.present(code) && mayHaveCalls(text) && code.worksWithMongoDB() ? code.tokens() : undefined;
  for (const call of list ? findCalls(list) : []) {
    const { category } = call;
    const deep = call.region.maxDepth > LIMITS.documentNestingDepth.value;
    const args = readArguments(list!, call.region);
    if (deep) for (const arg of args) checkDepth(list!.tokens, arg, problems);
    if (category === 'document') {
      checkDocumentCall(list!, text, call, args, problems);
      checkFilterCall(text, call, args, problems);
    }
    const first = args[0];
    if (category === 'index' || category === 'indexes') {
      const receiver = receiverText(text, call.dot);
      let entry = indexCounts.get(receiver);
      if (!entry) indexCounts.set(receiver, (entry = { count: 0, reported: false }));
      entry.count += checkIndexes(list!, category, first, problems);
      checkIndexCount(entry, receiver, call.nameSpan, problems);
      checkIndexCollation(list!, call, args, problems);
    } else if (category === 'aggregate') {
      if (first?.value.kind === 'array') {
        checkPipeline(list!, first.value, problems);
        checkPipelineFilters(text, first.value, problems);
        checkDiskUse(list!, text, args, problems);
      }
    } else if (category === 'sort') {
      const keys = first ? sortKeys(list!, first) : undefined;
      if (keys) checkSortKeys(keys, problems);
    }
  }
  return {
    problems,
    // A file that shows nothing of MongoDB gets no limits on its calls, in a hover neither (`items.sort(…)`).
    hoverAt: (offset) => (code.worksWithMongoDB() ? (callHover(code, offset, indexCounts) ?? blockingStageHover(code, offset)) : null),
  };
}
