/**
 * Base64 of Kubernetes Secret `data:` values, in both directions: the standard alphabet, padding optional,
 * blanks and line breaks (a folded block scalar) passed over. Only text is decoded: bytes that are not
 * UTF-8, or that hold control characters other than tabs and line breaks (a key, a keystore), are not.
 * Pure: no Buffer (the core runs in web hosts too).
 */

/** Encoded values longer than this are not decoded (a connection string is far shorter). */
export const MAX_ENCODED_LENGTH = 1 << 16;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUES = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUES[ALPHABET.charCodeAt(i)] = i;

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf8Encoder = new TextEncoder();

export interface DecodedBase64 {
  text: string;
  /** The encoded value ends with `=` padding (when its length needs it). */
  padded: boolean;
}

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** The text `encoded` stands for, or undefined when it is not base64 of UTF-8 text (or is empty, or too long). */
export function decodeBase64(encoded: string): DecodedBase64 | undefined {
  if (encoded.length > MAX_ENCODED_LENGTH) return undefined;
  const sextets: number[] = [];
  let padding = 0;
  for (let i = 0; i < encoded.length; i++) {
    const c = encoded.charCodeAt(i);
    if (isBlank(c)) continue;
    if (c === 0x3d /* = */) {
      padding++;
      continue;
    }
    // Nothing but blanks and padding after the padding.
    if (padding > 0) return undefined;
    const v = c < 128 ? VALUES[c]! : -1;
    if (v < 0) return undefined;
    sextets.push(v);
  }
  const n = sextets.length;
  if (n === 0 || n % 4 === 1 || padding > 2 || (padding > 0 && (n + padding) % 4 !== 0)) return undefined;
  const bytes = new Uint8Array(Math.floor((n * 6) / 8));
  let b = 0;
  for (let i = 0; i + 1 < n; i += 4) {
    const s0 = sextets[i]!;
    const s1 = sextets[i + 1]!;
    const s2 = sextets[i + 2];
    const s3 = sextets[i + 3];
    bytes[b++] = (s0 << 2) | (s1 >> 4);
    if (s2 !== undefined) bytes[b++] = ((s1 & 15) << 4) | (s2 >> 2);
    if (s3 !== undefined) bytes[b++] = ((s2! & 3) << 6) | s3;
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return undefined;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return undefined;
  }
  return { text, padded: padding > 0 || n % 4 === 0 };
}

/** The base64 of the UTF-8 of `text`, with `=` padding or without. */
export function encodeBase64(text: string, padded: boolean): string {
  const bytes = utf8Encoder.encode(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    out += ALPHABET[a >> 2]! + ALPHABET[((a & 3) << 4) | ((b ?? 0) >> 4)]!;
    out += b === undefined ? (padded ? '=' : '') : ALPHABET[((b & 15) << 2) | ((c ?? 0) >> 6)]!;
    out += c === undefined ? (padded ? '=' : '') : ALPHABET[c & 63]!;
  }
  return out;
}
