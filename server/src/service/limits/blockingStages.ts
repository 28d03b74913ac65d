/**
 * The memory limit of blocking stages (`$sort`, `$group`): a hint on an aggregation that has one and
 * turns disk use off (`allowDiskUse: false`), and hovers on `allowDiskUse`, `$sort` and `$group` that
 * state the limit.
 */
import { LIMITS, limitLink } from '../data/limits';
import type { Problem, SourceCode, Span, TokenList } from '../api';
import { tokenIndexAt, type Value } from '../lex/codeValues';
import { problemOf } from '../rules/ruleTable';
import type { Argument } from './codeCalls';
import { isFalse, optionOf } from './callArgs';
import { message } from '../data/l10n';

const BLOCKING = new Set(['$sort', '$group']);

const MEGABYTE = 1024 * 1024;

/** The memory limit in MB. */
function megabytes(): number {
  return LIMITS.blockingStageMemory.value / MEGABYTE;
}

/** The first blocking stage of a pipeline (or of its $facet sub-pipelines), by its operator. */
function blockingStage(pipeline: Extract<Value, { kind: 'array' }>): string | undefined {
  for (const stage of pipeline.items) {
    if (stage.kind !== 'object') continue;
    for (const p of stage.props) {
      if (BLOCKING.has(p.key)) return p.key;
      if (p.key === '$facet' && p.value.kind === 'object') {
        for (const f of p.value.props) {
          const inner = f.value.kind === 'array' ? blockingStage(f.value) : undefined;
          if (inner) return inner;
        }
      }
    }
  }
  return undefined;
}

/** An aggregate call whose pipeline has a blocking stage, with `allowDiskUse: false` (or `allowDiskUse=False`). */
export function checkDiskUse(list: TokenList, text: string, args: readonly Argument[], problems: Problem[]): void {
  const pipeline = args[0]?.value;
  if (pipeline?.kind !== 'array') return;
  const option = optionOf(list, args, 1, 'allowDiskUse');
  if (!option || !isFalse(text, option.value)) return;
  const stage = blockingStage(pipeline);
  if (!stage) return;
  problems.push(
    problemOf(
      'aggregation-disk-use-disabled',
      option.keySpan,
      message('stage.diskUseDisabled', { stage, megabytes: megabytes() }),
    ),
  );
}


/** The word around `offset` (letters, digits, `_` and `$`), read from the text. */
function wordAt(text: string, offset: number): string {
  const part = /[\w$]/;
  let start = offset;
  let end = offset;
  while (start > 0 && offset - start < 16 && part.test(text[start - 1]!)) start--;
  while (end < text.length && end - offset < 16 && part.test(text[end]!)) end++;
  return text.slice(start, end);
}

/** Hover on `allowDiskUse`, `$sort` or `$group` (an identifier, or a string key in Python and JSON-like code). */
export function blockingStageHover(code: SourceCode, offset: number): { contents: string; span: Span } | null {
  const word = wordAt(code.text, offset);
  if (word !== 'allowDiskUse' && !BLOCKING.has(word)) return null;
  const tokens = code.tokens().tokens;
  const t = tokens[tokenIndexAt(tokens, offset)];
  if (!t || (t.kind !== 'ident' && t.kind !== 'string') || t.text !== word) return null;
  const quoted = t.kind === 'string' ? 1 : 0;
  const span = { start: t.start + quoted, end: t.end - quoted };
  const limit = LIMITS.blockingStageMemory;
  const head = word === 'allowDiskUse' ? '**allowDiskUse** — memory of blocking stages' : `**${word}** — a blocking stage`;
  const contents = [
    head,
    '',
    limit.summary,
    '',
    `\`allowDiskUse: false\` makes such a stage fail beyond ${megabytes()} MB; \`true\` lets it spill to disk when the server does not by default.`,
    '',
    limitLink(limit),
  ].join('\n');
  return { contents, span };
}
