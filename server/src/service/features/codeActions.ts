/** Quick fixes: each problem that carries a replacement becomes an edit, re-escaped for its host format. */
import type { Analysis, TextDocumentLike, TextRange } from '../api';
import { foldedBreaks, spaceFromLineBreak, toDocumentEnd, toDocumentOffset } from '../extract/offsets';
import { encodeForHost } from '../extract';
import { DocumentProblem, EmbeddedValue, Span } from '../api';
import { message } from '../data/l10n';

export interface TextEditResult {
  /** Document offsets (of the document of the problem, unless `elsewhere` says another). */
  start: number;
  end: number;
  newText: string;
  /** An edit of another document, at this range. */
  elsewhere?: { documentUri: string; range: TextRange };
}

export interface CodeActionResult {
  title: string;
  kind: 'quickfix';
  isPreferred: boolean;
  edits: TextEditResult[];
  /** The problem this action fixes (rule id and document span), so clients can link it to the diagnostic. */
  ruleId: string;
  problemSpan: Span;
}

/** Widens an option item's span to take one separator with it, so removing it leaves a valid string. */
function removalSpan(text: string, span: Span): Span {
  const before = text[span.start - 1];
  if (before === '&' || before === ';') return { start: span.start - 1, end: span.end };
  if (text[span.end] === '&' || text[span.end] === ';') return { start: span.start, end: span.end + 1 };
  if (before === '?') return { start: span.start - 1, end: span.end };
  return span;
}

/** Whether a span of a value joined from pieces of code (`"…" + host + "…"`) takes in the code between two of them. */
function crossesJoin(value: EmbeddedValue, span: Span): boolean {
  return value.joins !== undefined && value.joins.some(([at]) => span.start < at && at < span.end);
}

function fixFor(p: DocumentProblem, value: EmbeddedValue | undefined): CodeActionResult | undefined {
  const data = p.data;
  if (!data) return undefined;
  if (!value) {
    // A whole-document problem: its replace span is already in document offsets.
    if (typeof data.replacement !== 'string') return undefined;
    const span = (data.replaceSpan as Span | undefined) ?? p.span;
    const edit: TextEditResult = { start: span.start, end: span.end, newText: data.replacement };
    if (data.elsewhere) edit.elsewhere = data.elsewhere;
    return { title: typeof data.title === 'string' ? data.title : message('fix.ruleFallback', { rule: p.ruleId }), kind: 'quickfix', isPreferred: true, edits: [edit], ruleId: p.ruleId, problemSpan: p.span };
  }
  if (Array.isArray(data.edits)) {
    // Several edits in value coordinates; `remove` takes a separator with the removed option.
    const spans = (data.edits as { start: number; end: number; text: string; remove?: boolean }[]).map((e) => ({ e, span: e.remove ? removalSpan(value.text, e) : e }));
    if (spans.some(({ span }) => crossesJoin(value, span))) return undefined;
    const edits = spans.map(({ e, span }) => {
      return { start: toDocumentOffset(value, span.start), end: toDocumentEnd(value, span.end), newText: e.text === '' ? '' : encodeForHost(value, e.text) };
    });
    return { title: typeof data.title === 'string' ? data.title : message('fix.ruleFallback', { rule: p.ruleId }), kind: 'quickfix', isPreferred: true, edits, ruleId: p.ruleId, problemSpan: p.span };
  }
  let span: Span = (data.replaceSpan as Span | undefined) ?? p.valueSpan;
  let newText: string;
  if (data.remove === true) {
    span = removalSpan(value.text, span);
    newText = '';
  } else if (typeof data.replacement === 'string') {
    newText = data.replacement;
  } else return undefined;
  if (crossesJoin(value, span)) return undefined;
  return {
    title: typeof data.title === 'string' ? data.title : message('fix.ruleFallback', { rule: p.ruleId }),
    kind: 'quickfix',
    isPreferred: true,
    edits: [{ start: toDocumentOffset(value, span.start), end: toDocumentEnd(value, span.end), newText: newText === '' ? '' : encodeForHost(value, newText) }],
    ruleId: p.ruleId,
    problemSpan: p.span,
  };
}

/** Joins the lines of a YAML value whose problem is at a space YAML made of a line break (offsets.ts). */
function joinFoldedLines(documentText: string, p: DocumentProblem, value: EmbeddedValue): CodeActionResult | undefined {
  if (!spaceFromLineBreak(documentText, value, p.valueSpan.start, p.valueSpan.end)) return undefined;
  const breaks = foldedBreaks(documentText, value);
  if (!breaks) return undefined;
  return {
    title: message('fix.joinFoldedLines'),
    kind: 'quickfix',
    isPreferred: true,
    edits: breaks.map((b) => ({ start: b.start, end: b.end, newText: '' })),
    ruleId: p.ruleId,
    problemSpan: p.span,
  };
}

const overlaps = (a: Span, b: Span) => a.start <= b.end && b.start <= a.end;

/** Quick fixes for the problems that touch `range` (document offsets). */
export function getCodeActions(doc: TextDocumentLike, analysis: Analysis, range: Span, reported: (p: DocumentProblem) => boolean = () => true): CodeActionResult[] {
  const out: CodeActionResult[] = [];
  const seen = new Set<string>();
  for (const p of analysis.problems) {
    if (!overlaps(p.span, range) || !reported(p)) continue;
    const value = p.valueIndex >= 0 ? analysis.values[p.valueIndex] : undefined;
    const fix = fixFor(p, value);
    // A problem at a space that YAML made of a line break: the fix is to join the lines, preferred to any other.
    const join = value ? joinFoldedLines(doc.text, p, value) : undefined;
    if (!fix && !join) continue;
    // With alternatives no fix is the obvious one: none is preferred.
    const alternatives = p.data?.alternatives ?? [];
    const fixes: CodeActionResult[] = join ? [join] : [];
    if (fix) fixes.push(alternatives.length > 0 || join ? { ...fix, isPreferred: false } : fix);
    for (const alternative of fix ? alternatives : []) {
      const other = fixFor({ ...p, data: { ...p.data, ...alternative, alternatives: undefined } }, value);
      if (other) fixes.push({ ...other, isPreferred: false });
    }
    for (const f of fixes) {
      const key = f.title + JSON.stringify(f.edits);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(f);
    }
  }
  return out;
}
