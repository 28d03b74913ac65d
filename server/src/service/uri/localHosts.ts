/**
 * Hosts on this machine (or on the container's host): a connection to them does not cross a network,
 * which is what the TLS and proxy advice and the credential rule need to know.
 */
import { asciiLower } from '../data/text';

const LOOPBACK_IPV4 = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

export function isLocalHost(host: string): boolean {
  const h = asciiLower(host);
  return (
    h === 'localhost' || h.endsWith('.localhost') || h === 'host.docker.internal' || h === '::1' || h === '[::1]' ||
    h === '0:0:0:0:0:0:0:1' || h === '0.0.0.0' || LOOPBACK_IPV4.test(h)
  );
}
