/**
 * The scalar values of a YAML document by their flattened key paths, as Spring Boot reads
 * `application.yml` into properties (`spring: { data: { mongodb: { host: db } } }` is
 * `spring.data.mongodb.host`; a key may hold dots itself, `spring.data.mongodb.host: db`). Only block
 * mappings are followed: sequences (Spring's `a[0]`) and flow collections are passed over. When a key
 * path is written twice (several documents in one file), the last one wins. One pass over the lines,
 * linear in the text.
 */
import type { DecodedText } from './decoded';
import { afterEol, keyText, readKey, skipProperties, type KeyBounds } from './yamlKeys';
import { firstNonBlank, isDocumentMarker, readPlain, readQuoted, type StopAt } from './yamlScalars';
import { readBlockScalar } from './yamlBlockScalars';
import { APOSTROPHE, DASH, GREATER_THAN, HASH, LEFT_BRACE, LEFT_BRACKET, PIPE, QUOTE, SPACE, TAB, CARRIAGE_RETURN } from '../lex/chars';

/** The end of the line at `from`, before its `\n` or `\r\n`. */
function lineEndOf(text: string, from: number): number {
  const n = text.indexOf('\n', from);
  const e = n < 0 ? text.length : n;
  return e > from && text.charCodeAt(e - 1) === CARRIAGE_RETURN ? e - 1 : e;
}

/**
 * The values of `keys` (flattened key paths) in a YAML text: the last value written for each; of every
 * key path without `keys` (the pass costs the same: a finder that looks up many keys reads them all once).
 */
export function yamlAssignmentsOf(text: string, keys?: Iterable<string>): Map<string, DecodedText> {
  const wanted = keys === undefined ? undefined : new Set(keys);
  const out = new Map<string, DecodedText>();
  if (wanted?.size === 0) return out;
  /** The keys of the open block mappings, with the column of each. */
  const stack: Array<{ col: number; path: string }> = [];
  const bounds: KeyBounds = { keyFrom: 0, keyTo: 0 };
  // A line that starts a sequence item or a key ends a plain scalar of the lines above it.
  const stopAt: StopAt = (_line, s, le) => text.charCodeAt(s) === DASH || readKey(text, s, le, { keyFrom: 0, keyTo: 0 }) >= 0;
  let line = 0;
  while (line < text.length) {
    const eol = lineEndOf(text, line);
    const s = firstNonBlank(text, line);
    let next = afterEol(text, eol);
    if (isDocumentMarker(text, line)) {
      stack.length = 0;
      line = next;
      continue;
    }
    const c = text.charCodeAt(s);
    if (s >= eol || c === HASH || c === DASH || c === LEFT_BRACKET || c === LEFT_BRACE) {
      line = next;
      continue;
    }
    const col = s - line;
    const afterColon = readKey(text, s, eol, bounds);
    if (afterColon < 0) {
      line = next;
      continue;
    }
    while (stack.length > 0 && stack[stack.length - 1]!.col >= col) stack.pop();
    const key = keyText(text, bounds.keyFrom, bounds.keyTo);
    const path = stack.length > 0 ? `${stack[stack.length - 1]!.path}.${key}` : key;
    const v = skipProperties(text, firstNonBlankFrom(text, afterColon, eol), eol);
    if (v >= eol || text.charCodeAt(v) === HASH) {
      // A mapping (or nothing) under this key.
      stack.push({ col, path });
    } else {
      // Read whatever the value is, so that the lines of a block or multi-line scalar are not taken for keys.
      const d = text.charCodeAt(v);
      const scalar =
        d === QUOTE || d === APOSTROPHE
          ? readQuoted(text, v, col)
          : d === PIPE || d === GREATER_THAN
            ? readBlockScalar(text, v, col)
            : d === LEFT_BRACKET || d === LEFT_BRACE
              ? undefined
              : readPlain(text, v, col, false, stopAt, eol);
      if (scalar) {
        if (!wanted || wanted.has(path)) out.set(path, scalar.d);
        next = Math.max(next, afterEol(text, lineEndOf(text, Math.max(v, scalar.end - 1))));
      }
    }
    line = next;
  }
  return out;
}

function firstNonBlankFrom(text: string, from: number, eol: number): number {
  let i = from;
  while (i < eol && (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB)) i++;
  return i;
}
