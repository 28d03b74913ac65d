/**
 * mongodb+srv:// ⇄ seed list. A mongodb+srv string stands for the hosts of its SRV record, with TLS on
 * and the options of its TXT record: given the DNS answer (looked up by the caller, never here), the
 * equivalent mongodb:// string is the seed list, `tls=true` unless the string sets TLS itself, the TXT
 * options the string does not set, and the rest as written (placeholders and escapes kept); srvMaxHosts
 * and srvServiceName, which only a mongodb+srv string takes, are left out.
 * The way back is never certain (the SRV record may not exist), so it is only offered as information:
 * a mongodb:// string whose hosts all lie under one parent domain.
 */
import type { Analysis } from '../api';
import { encodeForHost } from '../extract';
import { toDocumentOffset } from '../extract/offsets';
import { overlapsPlaceholder } from '../uri/placeholders';
import { placeholdersOf, stringAt, type StringAt } from './describe';

export interface SrvAnswerHosts {
  hosts: readonly { host: string; port: number }[];
  txtOptions: string | null;
}

/** The mongodb+srv string at `offset` with one host and no placeholder in it, and that host. */
function srvStringAt(analysis: Analysis, offset: number): { at: StringAt; host: string } | null {
  const at = stringAt(analysis, offset);
  if (!at) return null;
  const parsed = at.uri.parsed;
  if (parsed.scheme.kind !== 'mongodb+srv' || parsed.hosts.length !== 1 || parsed.hosts[0].port) return null;
  if (overlapsPlaceholder(parsed.hosts[0].host.span, placeholdersOf(at.uri, at.value))) return null;
  return { at, host: parsed.hosts[0].host.value.toLowerCase() };
}

/** The host of the mongodb+srv string at `offset` (one host, no placeholder in it), for a DNS look-up. */
export function srvHostAt(analysis: Analysis, offset: number): string | null {
  return srvStringAt(analysis, offset)?.host ?? null;
}

const SRV_ONLY = new Set(['srvmaxhosts', 'srvservicename']);

/** The edit that writes the mongodb+srv string at `offset` as the seed list `answer` gives. */
export function seedListEdit(analysis: Analysis, offset: number, answer: SrvAnswerHosts): { start: number; end: number; newText: string; uri: string } | null {
  const at = srvStringAt(analysis, offset)?.at;
  if (!at || answer.hosts.length === 0) return null;
  const parsed = at.uri.parsed;
  const text = parsed.text;
  const hosts = answer.hosts.map((h) => `${h.host.replace(/\.$/, '')}:${h.port}`).join(',');
  const userinfo = parsed.userinfo ? text.slice(parsed.userinfo.span.start, parsed.userinfo.atSpan.end) : '';
  const options = parsed.options.filter((o) => !SRV_ONLY.has(o.keyLower)).map((o) => text.slice(o.span.start, o.span.end));
  const written = new Set(parsed.options.map((o) => o.keyLower));
  for (const item of (answer.txtOptions ?? '').split('&')) {
    const key = item.slice(0, item.indexOf('=') < 0 ? item.length : item.indexOf('=')).toLowerCase();
    if (key && !written.has(key)) options.push(item);
  }
  if (!written.has('tls') && !written.has('ssl')) options.push('tls=true');
  const database = parsed.database ? parsed.database.raw : '';
  const uri = `mongodb://${userinfo}${hosts}/${database}${options.length ? `?${options.join('&')}` : ''}`;
  const start = toDocumentOffset(at.value, 0);
  const end = toDocumentOffset(at.value, at.value.text.length);
  return { start, end, newText: encodeForHost(at.value, uri), uri };
}

/**
 * The parent domain that every host of the mongodb:// string at `offset` lies under (two hosts or
 * more, each a name of three labels or more: `db1.example.net`, `db2.example.net` → `example.net`);
 * null otherwise.
 */
export function sharedParentDomain(analysis: Analysis, offset: number): string | null {
  const at = stringAt(analysis, offset);
  if (!at) return null;
  const parsed = at.uri.parsed;
  if (parsed.scheme.kind !== 'mongodb' || parsed.hosts.length < 2) return null;
  let parent: string | null = null;
  for (const h of parsed.hosts) {
    if (h.type !== 'hostname') return null;
    const name = h.host.value.toLowerCase();
    const dot = name.indexOf('.');
    const rest = dot < 0 ? '' : name.slice(dot + 1);
    if (!rest.includes('.') || !/^[a-z0-9.-]+$/.test(rest)) return null;
    if (parent !== null && parent !== rest) return null;
    parent = rest;
  }
  return parent;
}
