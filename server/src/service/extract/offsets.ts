/** Offset maps of embedded values: decoded (value) offsets to document offsets and back. */
import { EmbeddedValue, Span } from '../api';
import { SPACE } from '../lex/chars';
import { isLineBreak, isSpace } from './decoded';

/** Maps an offset in a value's decoded text to a document offset. */
export function toDocumentOffset(value: EmbeddedValue, i: number): number {
  if (!value.offsets) return value.start + i;
  const n = value.offsets.length;
  if (n === 0) return value.start;
  return value.offsets[Math.max(0, Math.min(i, n - 1))];
}

/**
 * The document offset where the value's text up to `i` ends: after the source of character i - 1. The
 * same as toDocumentOffset but where pieces of a concatenation join (`"…?w=1" + x`), where that would be
 * the start of the next piece.
 */
export function toDocumentEnd(value: EmbeddedValue, i: number): number {
  const join = value.joins?.find(([at]) => at === i);
  return join ? join[1] : toDocumentOffset(value, i);
}

/** Maps a document offset to an offset in the value's decoded text, or -1 if outside. */
export function fromDocumentOffset(value: EmbeddedValue, offset: number): number {
  if (!value.offsets) {
    const i = offset - value.start;
    return i >= 0 && i <= value.text.length ? i : -1;
  }
  const o = value.offsets;
  if (offset < o[0] || offset > o[o.length - 1]) return -1;
  let lo = 0;
  let hi = o.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (o[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Whether a space of a YAML value's decoded text in [from, to) stands for a line break of the document
 * (`documentText`): YAML joins the lines of a folded (`>`) or multi-line flow value with a space, which a
 * reader of the file does not see as one (blanks that end the line are dropped, the space may stand at
 * the first of them). At most 256 characters are looked at (an empty span: its place).
 */
export function spaceFromLineBreak(documentText: string, value: EmbeddedValue, from: number, to: number): boolean {
  if (!value.offsets || value.syntax === undefined || !value.syntax.startsWith('yaml-')) return false;
  const text = value.text;
  const end = Math.min(text.length, Math.max(to, from + 1), from + 256);
  for (let k = from; k < end; k++) {
    if (text.charCodeAt(k) === SPACE && endsLine(documentText, toDocumentOffset(value, k))) return true;
  }
  return false;
}

/** Whether a line break, or blanks then one, is at `at` (YAML drops the blanks that end a folded line). */
function endsLine(documentText: string, at: number): boolean {
  let i = at;
  while (isSpace(documentText.charCodeAt(i))) i++;
  return isLineBreak(documentText.charCodeAt(i));
}

/**
 * The document ranges that YAML folded into the spaces of a value (spaceFromLineBreak): each from the
 * end of a line's content (its trailing blanks included) to the next line's content, so that removing
 * them writes the value on one line without those spaces. Undefined when there is none, or when a
 * character before one is not written as it is (an escape), whose end is not known here.
 */
export function foldedBreaks(documentText: string, value: EmbeddedValue): Span[] | undefined {
  if (!value.offsets || value.syntax === undefined || !value.syntax.startsWith('yaml-')) return undefined;
  const text = value.text;
  const out: Span[] = [];
  for (let k = 1; k + 1 < text.length; k++) {
    if (text.charCodeAt(k) !== SPACE || !endsLine(documentText, toDocumentOffset(value, k))) continue;
    const before = toDocumentOffset(value, k - 1);
    if (documentText[before] !== text[k - 1]) return undefined;
    out.push({ start: before + 1, end: toDocumentOffset(value, k + 1) });
  }
  return out.length > 0 ? out : undefined;
}
