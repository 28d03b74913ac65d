/**
 * Checks the DNS answer for a mongodb+srv:// host as a driver would (Initial DNS Seedlist Discovery
 * specification): which servers the SRV records list, which options the TXT record adds, and what a
 * driver would refuse. Pure: the lookup itself happens outside the core, only on the user's request.
 */
import { TXT_RECORD_OPTIONS } from '../data/uriOptions';
import { listAnd, message } from '../data/l10n';

export interface SrvRecord {
  name: string;
  port: number;
  priority: number;
  weight: number;
}

export interface SrvCheck {
  /** The name whose SRV records were looked up. */
  query: string;
  hosts: { host: string; port: number }[];
  /** The options of the TXT record (`authSource=admin&replicaSet=rs0`), or null when there is none. */
  txtOptions: string | null;
  /** What a driver would refuse or ignore, in words. */
  problems: string[];
}

/** The options a TXT record may set, lower-cased; any other makes a driver raise an error. */
const TXT_OPTIONS = new Set(TXT_RECORD_OPTIONS.map((name) => name.toLowerCase()));
/** "authSource, loadBalanced and replicaSet". */

export function srvQueryName(host: string): string {
  return `_mongodb._tcp.${host}`;
}

function normalize(name: string): string {
  return name.toLowerCase().replace(/\.$/, '');
}

/** Checks the SRV and TXT records found for `host` (TXT records as DNS gives them: each a list of chunks). */
export function checkSrvAnswer(host: string, records: readonly SrvRecord[], txt: readonly (readonly string[])[]): SrvCheck {
  const problems: string[] = [];
  const name = normalize(host);
  const labels = name.split('.');
  // A host of three or more labels: targets must share its parent domain. Fewer: they must be below the host itself.
  const domain = labels.length >= 3 ? labels.slice(1).join('.') : name;
  const hosts = records.map((r) => ({ host: normalize(r.name), port: r.port }));
  if (hosts.length === 0) problems.push(message('srv.noRecords', { query: srvQueryName(host) }));
  for (const h of hosts) {
    if (!h.host.endsWith(`.${domain}`)) problems.push(message('srv.outsideDomain', { host: h.host, domain }));
  }
  let txtOptions: string | null = null;
  if (txt.length > 1) problems.push(message('srv.txtCount', { count: txt.length, host }));
  if (txt.length >= 1) {
    txtOptions = txt[0].join('');
    for (const item of txtOptions.split('&')) {
      const key = item.split('=')[0];
      if (key !== '' && !TXT_OPTIONS.has(key.toLowerCase())) {
        problems.push(message('srv.txtOption', { key, allowed: listAnd(TXT_RECORD_OPTIONS) }));
      }
    }
  }
  return { query: srvQueryName(host), hosts, txtOptions, problems };
}
