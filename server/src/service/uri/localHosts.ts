/**
 * Hosts on this machine (or on the container's host): a connection to them does not cross a network,
 * which is what the TLS and proxy advice and the credential rule need to know.
 */
import { asciiLower } from '../data/text';

const LOOPBACK_IPV4 = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

export function isLocalHost(host: string): boolean {
  // Told by the last character: most hosts end with none of these names' (a `t`, an `l`, a digit, a `]`),
  // and the names that end with a letter are compared in place, without a lower-cased copy.
  const n = host.length;
  if (n === 0) return false;
  const last = host.charCodeAt(n - 1);
  if (last === 0x74 || last === 0x54) return endsWithInAnyCase(host, 'localhost') && (n === 9 || host.charCodeAt(n - 10) === 0x2e);
  if (last === 0x6c || last === 0x4c) return n === 20 && endsWithInAnyCase(host, 'host.docker.internal');
  if (!((last >= 0x30 && last <= 0x39) || last === 0x5d)) return false;
  const h = asciiLower(host);
  return (
    h === 'localhost' || h.endsWith('.localhost') || h === 'host.docker.internal' || h === '::1' || h === '[::1]' ||
    h === '0:0:0:0:0:0:0:1' || h === '0.0.0.0' || LOOPBACK_IPV4.test(h)
  );
}

/** True when `text` ends with `lower` (lower-case ASCII) with its letters A–Z in either case. */
function endsWithInAnyCase(text: string, lower: string): boolean {
  const from = text.length - lower.length;
  if (from < 0) return false;
  for (let i = 0; i < lower.length; i++) {
    const c = text.charCodeAt(from + i);
    const p = lower.charCodeAt(i);
    if (c !== p && !(p >= 0x61 && p <= 0x7a && c === p - 0x20)) return false;
  }
  return true;
}

/**
 * Suffixes of names that resolve only inside a private network: a Kubernetes cluster's own names
 * (`mongo.shop.svc`, `mongo-0.mongo.shop.svc.cluster.local`) and the special-use domains of private names
 * (`.internal`, reserved for private use; `.local`, multicast DNS on the local link; `.home.arpa`;
 * `.localdomain`).
 */
const PRIVATE_SUFFIXES = ['.svc', '.cluster.local', '.internal', '.local', '.home.arpa', '.localdomain'];

/** Whether a dotted host name resolves only inside a private network (PRIVATE_SUFFIXES; a final `.` too). */
export function isPrivateName(host: string): boolean {
  const name = host.charCodeAt(host.length - 1) === 0x2e ? host.slice(0, -1) : host;
  return PRIVATE_SUFFIXES.some((suffix) => name.length > suffix.length && endsWithInAnyCase(name, suffix));
}
