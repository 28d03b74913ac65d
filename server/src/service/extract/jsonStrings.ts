/**
 * JSON string contents: decoded with the document offset of every character (`\u0040`, `\/`, `\"`),
 * decoded as jsonc-parser does (for property names), and encoded for the inside of a JSON string.
 */
import { DecodedBuilder, DecodedText, hexValue, indexOfIn, verbatim } from './decoded';
import { BACKSLASH, CARRIAGE_RETURN, DIGIT_0, DIGIT_9, LINE_FEED, LOWER_A, LOWER_F, LOWER_U, QUOTE, SPACE, UPPER_A, UPPER_F } from '../lex/chars';

const SIMPLE_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** Decodes the JSON string content text[from, to) (without quotes). */
export function decodeJsonString(text: string, from: number, to: number): DecodedText {
  const first = indexOfIn(text, 0x5c, from, to);
  if (first < 0) return verbatim(text, from, to);
  const b = new DecodedBuilder(text, from);
  let run = from;
  for (let i = first; i < to; ) {
    if (text.charCodeAt(i) !== BACKSLASH) {
      i++;
      continue;
    }
    b.raw(run, i);
    const e = text[i + 1];
    if (e === 'u') {
      const cp = hexValue(text, i + 2, 4);
      if (cp >= 0 && i + 6 <= to) {
        b.char(String.fromCharCode(cp), i);
        i += 6;
      } else {
        b.raw(i, i + 1);
        i += 1;
      }
    } else if (e !== undefined && i + 1 < to && SIMPLE_ESCAPES[e] !== undefined) {
      b.char(SIMPLE_ESCAPES[e], i);
      i += 2;
    } else {
      b.raw(i, Math.min(i + 2, to));
      i += 2;
    }
    run = Math.min(i, to);
  }
  b.raw(run, to);
  return b.finish(to);
}

/** Escapes a decoded string for the inside of a JSON string. */
export function encodeJsonString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    const c = s.charCodeAt(i);
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < SPACE) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += ch;
  }
  return out;
}

/**
 * The value of the string token whose opening quote is at `quote`, as jsonc-parser decodes it: an
 * invalid escape or a `\u` without four hex digits is dropped, the string ends at an unescaped line break.
 */
export function jsoncStringValue(text: string, quote: number): string {
  const len = text.length;
  let result = '';
  let pos = quote + 1;
  let start = pos;
  for (;;) {
    if (pos >= len) return result + text.substring(start, pos);
    const ch = text.charCodeAt(pos);
    if (ch === QUOTE || ch === LINE_FEED || ch === CARRIAGE_RETURN) return result + text.substring(start, pos);
    if (ch !== BACKSLASH) {
      pos++;
      continue;
    }
    result += text.substring(start, pos);
    pos++;
    if (pos >= len) return result;
    const e = text.charCodeAt(pos++);
    if (e === LOWER_U /* u */) {
      let digits = 0;
      let cp = 0;
      while (digits < 4) {
        const d = hexDigit(text.charCodeAt(pos));
        if (d < 0) break;
        cp = cp * 16 + d;
        pos++;
        digits++;
      }
      if (digits === 4) result += String.fromCharCode(cp);
    } else {
      const simple = SIMPLE_ESCAPES[String.fromCharCode(e)];
      if (simple !== undefined) result += simple;
    }
    start = pos;
  }
}

function hexDigit(c: number): number {
  return c >= DIGIT_0 && c <= DIGIT_9 ? c - 0x30 : c >= UPPER_A && c <= UPPER_F ? c - 0x37 : c >= LOWER_A && c <= LOWER_F ? c - 0x57 : -1;
}
