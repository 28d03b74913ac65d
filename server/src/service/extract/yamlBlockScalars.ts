/**
 * YAML block scalars (`|` literal, `>` folded, with chomping and indentation indicators): their
 * content lines read with the document offset of every decoded character, in two passes (the first
 * measures, the second fills).
 */
import { DASH, DIGIT_0, DIGIT_1, DIGIT_9, GREATER_THAN, HASH, PLUS } from '../lex/chars';
import { isSpace, lineEnd, nextLine, verbatim } from './decoded';
import { firstNonBlank, Scalar } from './yamlScalars';

/**
 * Reads a block scalar whose header (`|`, `>`, with indicators) is at `header`. Trailing line breaks
 * are left out of the value whatever the chomping: connection-string parsers drop them.
 * Returns undefined when the header is not one.
 */
export function readBlockScalar(text: string, header: number, parentIndent: number): Scalar | undefined {
  const folded = text.charCodeAt(header) === GREATER_THAN;
  let i = header + 1;
  let explicit = 0;
  for (let k = 0; k < 2; k++) {
    const c = text.charCodeAt(i);
    if (c === PLUS || c === DASH) i++;
    else if (c >= DIGIT_1 && c <= DIGIT_9) {
      explicit = c - DIGIT_0;
      i++;
    }
  }
  const eol = lineEnd(text, header);
  while (i < eol && isSpace(text.charCodeAt(i))) i++;
  if (i < eol && text.charCodeAt(i) !== HASH) return undefined;
  const first = nextLine(text, eol);
  const indent = explicit > 0 ? Math.max(parentIndent, 0) + explicit : -1;
  // Two passes over the lines: the first measures, the second fills a string and an offset map of that size.
  const length = blockLines(text, first, parentIndent, indent, folded, undefined, undefined);
  const last = blockLast;
  // No content: the scalar ends with its header line (the line after it starts something else).
  if (length === 0) return { d: { text: '', start: eol }, end: eol };
  // One line, not indented, nothing before it: a verbatim slice of the document.
  if (blockLineCount === 1 && blockFrom === first) return { d: verbatim(text, first, last), end: last };
  const parts: string[] = [];
  const offsets = new Array<number>(length + 1);
  blockLines(text, first, parentIndent, indent, folded, parts, offsets);
  offsets[length] = last;
  return { d: { text: parts.length === 1 ? parts[0] : parts.join(''), start: offsets[0], offsets }, end: last };
}

/** What blockLines measured last: the end of the scalar (after its last content line), its number of content lines, where the first one's content starts. */
let blockLast = 0;
let blockLineCount = 0;
let blockFrom = 0;

/**
 * The content of a block scalar whose lines start at `first`, with the indentation `indent` (-1: the
 * first content line's): returns its decoded length and puts its end in blockLast; when `parts` and
 * `offsets` are given, also the decoded text (in parts) and the document offset of each character.
 * Trailing line breaks are left out.
 */
function blockLines(
  text: string,
  first: number,
  parentIndent: number,
  indent: number,
  folded: boolean,
  parts: string[] | undefined,
  offsets: number[] | undefined,
): number {
  let pos = first;
  let empties = 0;
  let prevMore = true; // the first line starts without a fold
  let last = pos;
  let lines = 0;
  let n = 0;
  while (pos < text.length) {
    const s = firstNonBlank(text, pos);
    const le = lineEnd(text, s);
    if (s >= le && (indent < 0 || s - pos <= indent)) {
      empties++;
      pos = nextLine(text, le);
      continue;
    }
    if (indent < 0) {
      if (s - pos <= parentIndent) break;
      indent = s - pos;
    }
    if (s - pos < indent) break;
    const from = pos + indent;
    if (lines === 0) blockFrom = from;
    const more = isSpace(text.charCodeAt(from));
    // What comes between the previous content line and this one: line breaks, or a space for a fold.
    const breaks = lines === 0 ? empties : !folded || more || prevMore ? empties + 1 : empties === 0 ? -1 : empties;
    n = appendBreaks(breaks, lines === 0 ? from : last, n, parts, offsets);
    n = appendLine(text, from, le, n, parts, offsets);
    last = le;
    prevMore = more;
    empties = 0;
    lines++;
    pos = nextLine(text, le);
  }
  blockLast = last;
  blockLineCount = lines;
  return n;
}

/**
 * What comes before a content line of a block scalar: `breaks` line breaks, or a space when it is -1
 * (a fold), all from the document offset `at`. Appended at decoded length `n` to parts and offsets when
 * they are given; returns the decoded length after it.
 */
function appendBreaks(breaks: number, at: number, n: number, parts: string[] | undefined, offsets: number[] | undefined): number {
  if (breaks === 0) return n;
  const count = breaks < 0 ? 1 : breaks;
  if (offsets && parts) {
    parts.push(breaks < 0 ? ' ' : count === 1 ? '\n' : '\n'.repeat(count));
    for (let k = 0; k < count; k++) offsets[n + k] = at;
  }
  return n + count;
}

/** The content text[from, le) of a line, appended as appendBreaks does; returns the decoded length after it. */
function appendLine(text: string, from: number, le: number, n: number, parts: string[] | undefined, offsets: number[] | undefined): number {
  if (!offsets || !parts) return n + le - from;
  parts.push(text.slice(from, le));
  for (let k = from; k < le; k++) offsets[n++] = k;
  return n;
}
