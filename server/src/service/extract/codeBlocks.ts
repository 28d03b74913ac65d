/** Multi-line literals with indentation rules: Java text blocks and C# raw strings. */
import { DecodedBuilder, isSpace, lineEnd, offsetOf } from './decoded';
import { cEscape, Literal } from './codeEscapes';
import { BACKSLASH, CARRIAGE_RETURN, LINE_FEED } from '../lex/chars';

/**
 * A multi-line C# raw string: the first and last line breaks are not content, and the closing line's
 * indentation is removed from every line.
 */
export function trimRawLines(lit: Literal): Literal {
  const d = lit.d;
  const t = d.text;
  const first = t.startsWith('\r\n') ? 2 : t.startsWith('\n') ? 1 : 0;
  const lastBreak = t.lastIndexOf('\n');
  if (first === 0 || lastBreak < first - 1 || t.slice(lastBreak + 1).trim() !== '') return lit;
  const indent = t.length - lastBreak - 1;
  let contentEnd = lastBreak;
  if (t[contentEnd - 1] === '\r') contentEnd--;
  let text = '';
  const offsets: number[] = [];
  let atLineStart = true;
  let stripped = 0;
  for (let k = first; k < contentEnd; k++) {
    const ch = t[k];
    if (atLineStart && stripped < indent && (ch === ' ' || ch === '\t')) {
      stripped++;
      continue;
    }
    atLineStart = ch === '\n';
    if (atLineStart) stripped = 0;
    text += ch;
    offsets.push(offsetOf(d, k));
  }
  offsets.push(offsetOf(d, contentEnd));
  return { ...lit, d: { text, start: offsets[0], offsets } };
}

/**
 * A Java text block: content starts on the line after `"""`; the common indentation of its lines
 * (and of the closing delimiter's line) and trailing blanks are stripped; escapes apply afterwards.
 */
export function readTextBlock(text: string, i: number): Literal {
  let s = i + 3;
  while (s < text.length && isSpace(text.charCodeAt(s))) s++;
  if (text.charCodeAt(s) === CARRIAGE_RETURN) s++;
  if (text.charCodeAt(s) === LINE_FEED) s++;
  let close = s;
  while (close < text.length && !text.startsWith('"""', close)) close += text.charCodeAt(close) === BACKSLASH ? 2 : 1;
  const end = Math.min(close, text.length);
  // Common indentation of the non-blank lines and of the closing line.
  let indent = Infinity;
  for (let line = s; line <= end; ) {
    const le = Math.min(lineEnd(text, line), end);
    let k = line;
    while (k < le && isSpace(text.charCodeAt(k))) k++;
    if (k < le || le === end) indent = Math.min(indent, k - line);
    // The next line; a lone \r ends the last one (with no \n after it, there is no next line).
    const next = text.indexOf('\n', le) + 1;
    if (le >= end || next <= 0) break;
    line = next;
  }
  const b = new DecodedBuilder(text, s);
  // A backslash that joins the last line with content to the closing one: the value ends before it.
  let joinedAt = -1;
  let joinedSize = -1;
  for (let line = s; line < end; ) {
    const le = Math.min(lineEnd(text, line), end);
    const from = Math.min(line + indent, le);
    let to = le;
    while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
    let run = from;
    let continued = false;
    for (let k = from; k < to; ) {
      if (text.charCodeAt(k) !== BACKSLASH) {
        k++;
        continue;
      }
      b.raw(run, k);
      if (k + 1 >= to) {
        // A backslash at the end of a line joins the next line without a line break.
        continued = true;
        joinedAt = k;
        joinedSize = b.size;
        run = to;
        break;
      }
      k = cEscape(b, text, k);
      run = k;
    }
    b.raw(run, to);
    const next = le < text.length ? text.indexOf('\n', le) + 1 : 0;
    if (le >= end || next <= 0) break;
    if (!continued) b.char('\n', le);
    line = next;
  }
  const valueEnd = joinedAt >= 0 && b.size === joinedSize ? joinedAt : end;
  return { start: i, end: close < text.length ? close + 3 : text.length, d: b.finish(valueEnd), syntax: 'java-text-block' };
}
