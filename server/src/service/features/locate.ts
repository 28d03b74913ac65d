/** Finds what is under a document offset: which embedded value, and which part of its connection string. */
import type { Analysis } from '../api';
import { fromDocumentOffset } from '../extract/offsets';
import { uriParseOf, type UriParse } from '../rules/validation';
import { ResolvedOption } from '../uri/options';
import { HostPart } from '../uri/types';
import { EmbeddedValue, Span } from '../api';
import type { ProfileChoice } from '../rules/profile';

export type UriPart =
  | { kind: 'scheme'; span: Span }
  | { kind: 'username'; span: Span }
  | { kind: 'password'; span: Span }
  | { kind: 'host'; span: Span; host: HostPart }
  | { kind: 'port'; span: Span; host: HostPart }
  | { kind: 'database'; span: Span }
  | { kind: 'optionKey'; span: Span; option: ResolvedOption }
  | { kind: 'optionValue'; span: Span; option: ResolvedOption }
  | { kind: 'other'; span: Span };

export interface Located {
  value: EmbeddedValue;
  valueIndex: number;
  /** Offset in the value's decoded text. */
  i: number;
  /** The connection string's parse, from the value's record in the analysis. */
  parse: UriParse;
  part: UriPart;
  /** The driver profile the document was checked with. */
  profile?: ProfileChoice;
}

export function valueEnd(value: EmbeddedValue): number {
  return value.offsets ? value.offsets[value.offsets.length - 1] : value.start + value.text.length;
}

/** Index of the value whose document range contains `offset` (end inclusive), or -1. Values are sorted by start. */
export function findValueAt(values: readonly EmbeddedValue[], offset: number): number {
  let lo = 0;
  let hi = values.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid].start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  for (let k = found; k >= 0 && k > found - 4; k--) {
    if (offset >= values[k].start && offset <= valueEnd(values[k])) return k;
  }
  return -1;
}

/** Decoded offset for a document offset inside the value (clamped to the value). */
export function decodedIndex(value: EmbeddedValue, offset: number): number {
  const i = fromDocumentOffset(value, offset);
  if (i >= 0) return i;
  return offset < value.start ? 0 : value.text.length;
}

const inside = (s: Span, i: number) => i >= s.start && i <= s.end;

function partAt(parse: UriParse, i: number): UriPart {
  const u = parse.parsed;
  if (u.scheme.span.end > 0 && i <= u.bodyStart && i < u.bodyStart) return { kind: 'scheme', span: { start: 0, end: u.bodyStart } };
  if (u.userinfo) {
    if (inside(u.userinfo.username.span, i) && i < u.userinfo.username.span.end + (u.userinfo.password ? 0 : 1)) return { kind: 'username', span: u.userinfo.username.span };
    if (u.userinfo.password && inside(u.userinfo.password.span, i) && i < u.userinfo.atSpan.end) return { kind: 'password', span: u.userinfo.password.span };
  }
  for (const h of u.hosts) {
    if (h.port && inside({ start: h.port.span.start - 1, end: h.port.span.end }, i)) return { kind: 'port', span: h.port.span, host: h };
    if (inside(h.span, i)) return { kind: 'host', span: h.host.span, host: h };
  }
  if (u.database && inside(u.database.span, i)) return { kind: 'database', span: u.database.span };
  for (const r of parse.options.all) {
    const p = r.part;
    if (inside(p.key.span, i) && (!p.value || i < p.value.span.start)) return { kind: 'optionKey', span: p.key.span, option: r };
    if (p.value && inside(p.value.span, i)) return { kind: 'optionValue', span: p.value.span, option: r };
  }
  return { kind: 'other', span: { start: i, end: i } };
}

/** What the offset points at, when it is inside a connection string. */
export function locate(analysis: Analysis, offset: number): Located | undefined {
  const valueIndex = findValueAt(analysis.values, offset);
  if (valueIndex < 0) return undefined;
  const value = analysis.values[valueIndex];
  const parse = uriParseOf(value, analysis.records[valueIndex]);
  if (!parse) return undefined;
  const i = decodedIndex(value, offset);
  const located: Located = { value, valueIndex, i, parse, part: partAt(parse, i) };
  if (analysis.profile) located.profile = analysis.profile;
  return located;
}
