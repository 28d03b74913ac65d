import { Span } from '../api';
import { DIGIT_0, DIGIT_9, LOWER_A, LOWER_F, PERCENT, UPPER_A, UPPER_F } from '../lex/chars';

export interface Decoded {
  /** The decoded text. */
  value: string;
  /** Raw spans of `%` signs not followed by two hex digits (left as they are in `value`): the first MAX_BAD_ESCAPES. */
  badEscapes: Span[];
  /** True when at least one `%XX` escape was decoded. */
  hadEscapes: boolean;
  /** True when the escapes formed bytes that are not valid UTF-8 (replaced by U+FFFD). */
  invalidUtf8: boolean;
  /** `map[i]` = raw offset of decoded character i; `map[value.length]` = raw end. Absent when the text has no `%`. */
  map?: number[];
}

function hexValue(c: number): number {
  if (c >= DIGIT_0 && c <= DIGIT_9) return c - 0x30;
  if (c >= UPPER_A && c <= UPPER_F) return c - 0x37;
  if (c >= LOWER_A && c <= LOWER_F) return c - 0x57;
  return -1;
}

const utf8 = new TextDecoder('utf-8', { fatal: false });
const utf8Strict = new TextDecoder('utf-8', { fatal: true });

/**
 * The most bad escapes one part records: the first ones. Every rule that reports them reports at most
 * 100 problems per connection string (rules/context.ts), so a million `%` need not make a million spans.
 */
export const MAX_BAD_ESCAPES = 128;

const NO_SPANS: Span[] = Object.freeze([]) as unknown as Span[];

/** The bytes of one run of escapes, reused from call to call (grown for a longer run). */
let scratch = new Uint8Array(64);

/** True when text[i] is `%` followed by two hex digits, all before `end`. */
function isEscape(text: string, i: number, end: number): boolean {
  return i + 2 < end && text.charCodeAt(i) === PERCENT && hexValue(text.charCodeAt(i + 1)) >= 0 && hexValue(text.charCodeAt(i + 2)) >= 0;
}

/** What decodeRun leaves: where the map goes on (it starts there too), and whether the run was valid UTF-8. */
let mapAt = 0;
let runInvalidUtf8 = false;

/** Up to this many ASCII escapes in a run are made a string character by character (no decoder called). */
const SHORT_ASCII_RUN = 32;

/**
 * Decodes `count` %XX escapes from runStart as UTF-8 together (so multi-byte sequences come out whole),
 * and maps each decoded character back to the escape that starts it (approximate inside a multi-byte run),
 * from place `mapAt` of the map on.
 */
function decodeRun(text: string, runStart: number, count: number, map: number[]): string {
  if (scratch.length < count) scratch = new Uint8Array(Math.max(count, 2 * scratch.length));
  const bytes = scratch;
  let ascii = true;
  for (let b = 0; b < count; b++) {
    const at = runStart + 3 * b;
    const byte = hexValue(text.charCodeAt(at + 1)) * 16 + hexValue(text.charCodeAt(at + 2));
    bytes[b] = byte;
    if (byte >= 0x80) ascii = false;
  }
  runInvalidUtf8 = false;
  let m = mapAt;
  if (ascii) {
    // Escape b of the run starts at runStart + 3b.
    for (let b = 0; b < count; b++) map[m++] = runStart + 3 * b;
    mapAt = m;
    if (count === 1) return String.fromCharCode(bytes[0]);
    if (count > SHORT_ASCII_RUN) return utf8.decode(bytes.subarray(0, count));
    let decoded = '';
    for (let b = 0; b < count; b++) decoded += String.fromCharCode(bytes[b]);
    return decoded;
  }
  const run = bytes.subarray(0, count);
  let decoded: string;
  try {
    decoded = utf8Strict.decode(run);
  } catch {
    runInvalidUtf8 = true;
    decoded = utf8.decode(run);
  }
  let b = 0;
  for (let k = 0; k < decoded.length; k++) {
    const at = runStart + 3 * Math.min(b, count - 1);
    map[m++] = at;
    const cp = decoded.codePointAt(k)!;
    b += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (cp > 0xffff) {
      k++;
      map[m++] = at;
    }
  }
  mapAt = m;
  return decoded;
}

/**
 * Percent-decodes `text.slice(start, end)` as UTF-8. Never throws; a `%` that does not start
 * a valid escape is kept literally and reported in `badEscapes`. Linear time: literal text is copied
 * a run at a time, and each run of escapes is decoded in one go.
 */
export function decodePercent(text: string, start: number, end: number, raw?: string): Decoded {
  let firstPercent = -1;
  for (let i = start; i < end; i++) {
    if (text.charCodeAt(i) === PERCENT) {
      firstPercent = i;
      break;
    }
  }
  if (firstPercent < 0) {
    return { value: raw ?? text.slice(start, end), badEscapes: NO_SPANS, hadEscapes: false, invalidUtf8: false };
  }
  const badEscapes: Span[] = [];
  // The map has a place for each decoded character and one for the end: never more than the raw
  // characters and one, so it is made of that size once and cut to its length at the end.
  const map: number[] = new Array<number>(end - start + 1);
  let m = 0;
  let out = '';
  let hadEscapes = false;
  let invalidUtf8 = false;
  // Literal text (bad escapes included) since `literal`, copied when an escape or the end comes.
  let literal = start;
  let i = firstPercent;
  while (i < end) {
    if (text.charCodeAt(i) !== PERCENT) {
      i++;
      continue;
    }
    if (!isEscape(text, i, end)) {
      // A lone or malformed %: kept literally.
      if (badEscapes.length < MAX_BAD_ESCAPES) badEscapes.push({ start: i, end: Math.min(end, i + 3) });
      i++;
      continue;
    }
    out += text.slice(literal, i);
    for (let k = literal; k < i; k++) map[m++] = k;
    // A run of %XX escapes is decoded together so multi-byte UTF-8 sequences come out whole.
    const runStart = i;
    let count = 0;
    while (isEscape(text, i, end)) {
      count++;
      i += 3;
    }
    mapAt = m;
    out += decodeRun(text, runStart, count, map);
    m = mapAt;
    hadEscapes = true;
    if (runInvalidUtf8) invalidUtf8 = true;
    literal = i;
  }
  out += text.slice(literal, end);
  for (let k = literal; k < end; k++) map[m++] = k;
  map[m++] = end;
  if (map.length !== m) map.length = m;
  return { value: out, badEscapes, hadEscapes, invalidUtf8, map };
}

/** Raw offset of decoded character `i` of a part that starts at `rawStart`. */
export function rawOffset(d: Decoded, rawStart: number, i: number): number {
  if (!d.map) return rawStart + i;
  return d.map[Math.max(0, Math.min(i, d.map.length - 1))];
}

/** Raw span of decoded characters [i, j). */
export function rawSpan(d: Decoded, rawStart: number, i: number, j: number): Span {
  const start = rawOffset(d, rawStart, i);
  let end: number;
  if (!d.map) end = rawStart + j;
  else if (j >= d.map.length - 1) end = d.map[d.map.length - 1];
  else end = d.map[j];
  return { start, end: Math.max(end, start + 1) };
}

/** Percent-encodes every character that is not unreserved (RFC 3986) or a sub-delimiter we keep. */
export function percentEncode(value: string, keep = ''): string {
  let out = '';
  for (const ch of value) {
    if (/^[A-Za-z0-9\-._~]$/.test(ch) || keep.includes(ch)) out += ch;
    else {
      for (const byte of new TextEncoder().encode(ch)) out += '%' + byte.toString(16).toUpperCase().padStart(2, '0');
    }
  }
  return out;
}
