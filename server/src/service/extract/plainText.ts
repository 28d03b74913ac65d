import { EmbeddedValue } from '../types';

const SCHEME_RE = /mongodb(?:\+srv)?:\/\//g;

/** True for characters that end a bare connection-string token in running text or code. */
function isTokenEnd(c: number): boolean {
  return (
    c <= 0x20 || // whitespace and control characters
    c === 0x22 || // "
    c === 0x27 || // '
    c === 0x60 || // `
    c === 0x3c || // <
    c === 0x3e || // >
    c === 0x7f
  );
}

/**
 * Finds `mongodb://` and `mongodb+srv://` tokens in any text. A token runs to the next
 * whitespace, quote or angle bracket. Linear in the text length.
 */
export function scanPlainText(text: string): EmbeddedValue[] {
  const values: EmbeddedValue[] = [];
  SCHEME_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SCHEME_RE.exec(text))) {
    const start = m.index;
    // Part of a longer word (e.g. "xmongodb://")? Then it is not a scheme.
    if (start > 0 && /[A-Za-z0-9+.-]/.test(text[start - 1])) continue;
    let end = start + m[0].length;
    while (end < text.length && !isTokenEnd(text.charCodeAt(end))) end++;
    values.push({ kind: 'uri', text: text.slice(start, end), start });
    SCHEME_RE.lastIndex = end;
  }
  return values;
}
