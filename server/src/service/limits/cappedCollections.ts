/**
 * Capped collections: `db.createCollection(name, { capped: true, size, max })`, Python's
 * `create_collection(name, capped=True, size=…, max=…)` and the `create` command. The server needs a
 * size, and refuses a max document count of 2^31 or more. Hover on `capped` and `max`.
 */
import { LIMITS, limitLink } from '../data/limits';
import { problemOf } from '../rules/ruleTable';
import type { Problem, Span } from '../api';
import { type OptionField, isTrue, spanOf } from './clusterCalls';
import { message } from '../data/l10n';

/**
 * Checks the options of a collection being created; `open` says some options cannot be read (a spread,
 * `**kwargs`), so that a missing size is not reported.
 */
export function checkCappedOptions(
  options: ReadonlyMap<string, OptionField>,
  open: boolean,
  text: string,
  problems: Problem[],
  hover: (span: Span, contents: string) => void,
): void {
  const capped = options.get('capped');
  const max = options.get('max');
  if (capped) hover(capped.keySpan, cappedHover());
  if (max) hover(max.keySpan, cappedHover());
  if (!capped || !isTrue(capped.value, text)) return;
  if (!options.has('size') && !open) {
    problems.push(
      problemOf('capped-size-missing', capped.keySpan, message('capped.sizeMissing')),
    );
  }
  const limit = LIMITS.cappedMaxDocuments.value;
  if (max && max.value.kind === 'number' && max.value.value >= limit) {
    problems.push(
      problemOf(
        'capped-max-too-large',
        spanOf(max.value),
        message('capped.maxTooLarge', { value: max.value.value, limit }),
      ),
    );
  }
}

function cappedHover(): string {
  return ['**capped collection** — limits', '', `- ${LIMITS.cappedMaxDocuments.summary}`, '', limitLink(LIMITS.cappedMaxDocuments)].join('\n');
}
