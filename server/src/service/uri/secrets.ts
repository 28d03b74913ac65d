/**
 * The parts of a connection string that are secrets and never appear in any output (messages, hover,
 * the redacted copy, logs, the CLI): the password; the values of options whose name says password
 * (proxyPassword, tlsCertificateKeyFilePassword); the values of authMechanismProperties entries whose key
 * says token, secret or password (AWS_SESSION_TOKEN); and, when the string has no "@", a non-numeric
 * "port" after the first ":" — `mongodb://user:password` without a host reads the password as a port.
 */
import { Span } from '../api';
import { ParsedUri } from './types';

const SECRET_PROPERTY = /token|secret|password|passwd|pwd/i;

/** Raw spans of the secrets of a connection string, in order, not overlapping. */
export function secretSpans(uri: ParsedUri): Span[] {
  const pw = uri.userinfo?.password;
  // The password alone (most strings with a secret) in an array of one, not one grown by a push.
  const spans: Span[] = pw && pw.span.end > pw.span.start ? [pw.span] : [];
  if (!uri.userinfo) {
    for (const h of uri.hosts) {
      if (h.port && h.port.value === undefined && h.port.span.end > h.port.span.start && !/^\d+$/.test(h.port.raw)) spans.push(h.port.span);
    }
  }
  for (const o of uri.options) {
    const v = o.value;
    // The shortest key that can hold a secret is "password" (8), authMechanismProperties the longest one looked at by name.
    if (!v || v.span.end <= v.span.start || o.keyLower.length < 8) continue;
    if (o.keyLower.includes('password')) {
      spans.push(v.span);
    } else if (o.keyLower === 'authmechanismproperties') {
      // Raw entries key:value separated by ",": each secret value's raw span.
      let from = 0;
      const raw = v.raw;
      while (from <= raw.length) {
        let comma = raw.indexOf(',', from);
        if (comma < 0) comma = raw.length;
        const colon = raw.indexOf(':', from);
        if (colon > from && colon < comma && SECRET_PROPERTY.test(decodeLoosely(raw.slice(from, colon))) && comma > colon + 1) {
          spans.push({ start: v.span.start + colon + 1, end: v.span.start + comma });
        }
        from = comma + 1;
      }
    }
  }
  return spans.length > 1 ? spans.sort((a, b) => a.start - b.start) : spans;
}

function decodeLoosely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The text with each secret span replaced by ****. */
export function maskSpans(text: string, spans: readonly Span[]): string {
  let out = '';
  let at = 0;
  for (const s of spans) {
    if (s.start < at) continue;
    out += text.slice(at, s.start) + '****';
    at = s.end;
  }
  return out + text.slice(at);
}

/**
 * The secret texts of a connection string as they may be echoed (raw and percent-decoded), longest
 * first, for masking free text that was built from the string's parts.
 */
export function secretTexts(uri: ParsedUri): string[] {
  const spans = secretSpans(uri);
  if (spans.length === 0) return [];
  if (spans.length === 1) {
    // One secret (most strings): without a "%" decoding leaves it as it is, so it is its only text;
    // with one, the raw text and its decoding (shorter: longest first), when that is another text.
    const raw = uri.text.slice(spans[0].start, spans[0].end);
    if (raw.indexOf('%') < 0) return raw.length > 0 ? [raw] : [];
    const decoded = decodeLoosely(raw);
    return decoded === raw || decoded.length === 0 ? [raw] : [raw, decoded];
  }
  const out = new Set<string>();
  for (const s of spans) {
    const raw = uri.text.slice(s.start, s.end);
    out.add(raw);
    out.add(decodeLoosely(raw));
  }
  return [...out].filter((t) => t.length > 0).sort((a, b) => b.length - a.length);
}

/** Free text with every occurrence of the string's secrets replaced by ****. */
export function maskSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (out.includes(s)) out = out.split(s).join('****');
  return out;
}

/** The first three characters of text[p...] as one number. */
function trigram(text: string, p: number): number {
  return (text.charCodeAt(p) * 0x10000 + text.charCodeAt(p + 1)) * 0x10000 + text.charCodeAt(p + 2);
}

/**
 * maskSecrets for many texts and the same secrets. With a few secrets, that; with many (a string of a
 * thousand password options), each text is read once, looking at each position for the secrets that
 * start there (by their first three characters), instead of being searched once per secret. Then the
 * secrets found are masked as maskSecrets does, in their order: masking only removes text, so a secret
 * absent from the text cannot appear, unless it holds a "*" (those are always tried) — same result.
 */
export function secretMasker(secrets: readonly string[]): (text: string) => string {
  if (secrets.length <= 8) return (text) => maskSecrets(text, secrets);
  const byTrigram = new Map<number, number[]>();
  const always: number[] = [];
  secrets.forEach((secret, k) => {
    if (secret.length < 3 || secret.includes('*')) always.push(k);
    else {
      const key = trigram(secret, 0);
      const list = byTrigram.get(key);
      if (list) list.push(k);
      else byTrigram.set(key, [k]);
    }
  });
  return (text) => {
    const found = new Set<number>(always);
    for (let p = 0; p + 3 <= text.length; p++) {
      const list = byTrigram.get(trigram(text, p));
      if (list) for (const k of list) if (!found.has(k) && text.startsWith(secrets[k], p)) found.add(k);
    }
    if (found.size === 0) return text;
    return maskSecrets(text, [...found].sort((a, b) => a - b).map((k) => secrets[k]));
  };
}
