import { Span } from '../api';

export interface Decoded {
  /** The decoded text. */
  value: string;
  /** Raw spans of `%` signs not followed by two hex digits (left as they are in `value`). */
  badEscapes: Span[];
  /** True when at least one `%XX` escape was decoded. */
  hadEscapes: boolean;
  /** True when the escapes formed bytes that are not valid UTF-8 (replaced by U+FFFD). */
  invalidUtf8: boolean;
  /** `map[i]` = raw offset of decoded character i; `map[value.length]` = raw end. Absent when nothing was decoded. */
  map?: number[];
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

const utf8 = new TextDecoder('utf-8', { fatal: false });
const utf8Strict = new TextDecoder('utf-8', { fatal: true });

/**
 * Percent-decodes `text.slice(start, end)` as UTF-8. Never throws; a `%` that does not start
 * a valid escape is kept literally and reported in `badEscapes`. Linear time.
 */
const NO_SPANS: Span[] = Object.freeze([]) as unknown as Span[];

export function decodePercent(text: string, start: number, end: number, raw?: string): Decoded {
  let firstPercent = -1;
  for (let i = start; i < end; i++) {
    if (text.charCodeAt(i) === 0x25) {
      firstPercent = i;
      break;
    }
  }
  if (firstPercent < 0) {
    return { value: raw ?? text.slice(start, end), badEscapes: NO_SPANS, hadEscapes: false, invalidUtf8: false };
  }
  const badEscapes: Span[] = [];

  let out = text.slice(start, firstPercent);
  const map: number[] = [];
  for (let k = start; k < firstPercent; k++) map.push(k);
  let hadEscapes = false;
  let invalidUtf8 = false;
  let i = firstPercent;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c !== 0x25) {
      out += text[i];
      map.push(i);
      i++;
      continue;
    }
    // A run of %XX escapes is decoded together so multi-byte UTF-8 sequences come out whole.
    const bytes: number[] = [];
    const runStart = i;
    const byteStarts: number[] = [];
    while (i + 2 < end && text.charCodeAt(i) === 0x25) {
      const h = hexValue(text.charCodeAt(i + 1));
      const l = hexValue(text.charCodeAt(i + 2));
      if (h < 0 || l < 0) break;
      bytes.push(h * 16 + l);
      byteStarts.push(i);
      i += 3;
    }
    if (bytes.length === 0) {
      // A lone or malformed %: keep it literally.
      badEscapes.push({ start: i, end: Math.min(end, i + 3) });
      out += '%';
      map.push(i);
      i++;
      continue;
    }
    hadEscapes = true;
    const arr = Uint8Array.from(bytes);
    let decoded: string;
    try {
      decoded = utf8Strict.decode(arr);
    } catch {
      invalidUtf8 = true;
      decoded = utf8.decode(arr);
    }
    // Map decoded characters back to the escape that starts them (approximate inside a multi-byte run).
    let b = 0;
    for (let k = 0; k < decoded.length; k++) {
      map.push(byteStarts[Math.min(b, byteStarts.length - 1)] ?? runStart);
      const cp = decoded.codePointAt(k)!;
      b += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (cp > 0xffff) {
        k++;
        map.push(map[map.length - 1]);
      }
    }
    out += decoded;
  }
  map.push(end);
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
