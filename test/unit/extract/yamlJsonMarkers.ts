/**
 * Where a decoded character comes from, asked of a parser: put a marker character into the document
 * at the offset an extractor gives for it, parse again, and see where the marker lands in the decoded
 * value. Used by the YAML and JSON differential tests with the `yaml` package and jsonc-parser; shares
 * no code with server/src/service/extract.
 *
 * Markers are private-use characters (U+E000 on), which no generated document contains and which
 * YAML and JSON take as ordinary printable characters.
 */

const FIRST_MARKER = 0xe000;
const LAST_MARKER = 0xf8ff;
/** How many markers a document can take at once. */
export const MAX_MARKERS = LAST_MARKER - FIRST_MARKER + 1;

/** The marker character number k. */
export function marker(k: number): string {
  return String.fromCharCode(FIRST_MARKER + k);
}

export function isMarker(c: number): boolean {
  return c >= FIRST_MARKER && c <= LAST_MARKER;
}

/** True when the text contains a marker character. */
export function hasMarker(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isMarker(text.charCodeAt(i))) return true;
  return false;
}

/** The document with marker k put in at offset positions[k] (positions strictly increasing). */
export function insertMarkers(doc: string, positions: readonly number[]): string {
  let out = '';
  let from = 0;
  positions.forEach((p, k) => {
    out += doc.slice(from, p) + marker(k);
    from = p;
  });
  return out + doc.slice(from);
}

/** A decoded value with its markers taken out: the text, and where each marker was in it (-1: absent). */
export interface Unmarked {
  text: string;
  at: number[];
}

/**
 * Takes the markers out of a decoded value. When `dropBlanksBefore(k)`, blanks just before marker k go
 * too: a marker put in before a line break keeps the blanks before it, which the folding of a quoted
 * YAML scalar would have dropped.
 */
export function removeMarkers(value: string, count: number, dropBlanksBefore: (k: number) => boolean = () => false): Unmarked {
  const at = new Array<number>(count).fill(-1);
  let text = '';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (!isMarker(c)) {
      text += value[i];
      continue;
    }
    const k = c - FIRST_MARKER;
    if (dropBlanksBefore(k)) {
      let e = text.length;
      while (e > 0 && (text[e - 1] === ' ' || text[e - 1] === '\t')) e--;
      text = text.slice(0, e);
    }
    if (k < count) at[k] = text.length;
  }
  return { text, at };
}
