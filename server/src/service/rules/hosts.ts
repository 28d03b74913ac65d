import { DEFAULT_PORT } from '../data/connectionString';
import { HostPart } from '../uri/types';
import { Severity, type Span } from '../api';
import type { RuleId } from './ruleTable';
import { overlaps, RuleContext } from './context';
import { DASH, DIGIT_0, DIGIT_9, DOT, LOWER_A, LOWER_Z, PERCENT, TILDE, UNDERSCORE, UPPER_A, UPPER_Z } from '../lex/chars';
import { message, type MessageArgs } from '../data/l10n';
import type { MessageId } from '../data/messages';

/**
 * Whether the Node.js driver's own host parser rejects the host that starts at an offset (its host list
 * starts where ours does): its hosts are in the order of their offsets, and are searched.
 */
class NodeRejectedHosts {
  constructor(private readonly node: NonNullable<RuleContext['node']>) {}

  has(start: number): boolean {
    const hosts = this.node.hosts;
    let lo = 0;
    let hi = hosts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (hosts[mid].start < start) lo = mid + 1;
      else hi = mid;
    }
    return lo < hosts.length && hosts[lo].start === start && hosts[lo].rejection !== undefined;
  }
}

function nodeRejectedHosts(ctx: RuleContext): NodeRejectedHosts | undefined {
  return ctx.node ? new NodeRejectedHosts(ctx.node) : undefined;
}

/**
 * Under the Node profile a host problem is an error when the driver's own host parser (URL-based)
 * rejects the same host; otherwise it stays a warning. mongodb+srv hosts are not parsed until the
 * DNS lookup, so they are never rejected when the client is created.
 */
function nodeSeverity(ctx: RuleContext, h: HostPart, rejected: NodeRejectedHosts | undefined): Severity {
  const node = ctx.node;
  if (!node) return 'error';
  if (node.rejection) return overlaps(node.rejection.span, h.span) ? 'error' : 'warning';
  return rejected?.has(h.span.start) ? 'error' : 'warning';
}

function isHostnameCharSlow(c: number): boolean {
  return (
    c > 0x7f ||
    (c >= UPPER_A && c <= UPPER_Z) ||
    (c >= LOWER_A && c <= LOWER_Z) ||
    (c >= DIGIT_0 && c <= DIGIT_9) ||
    c === DASH || c === DOT || c === UNDERSCORE || c === TILDE || c === PERCENT // - . _ ~ %
  );
}

/** isHostnameCharSlow of the ASCII characters, as a table. */
const HOSTNAME_CHAR = Uint8Array.from({ length: 0x80 }, (_, c) => (isHostnameCharSlow(c) ? 1 : 0));

function isHostnameChar(c: number): boolean {
  return c > 0x7f || HOSTNAME_CHAR[c] === 1;
}

/**
 * Reports a problem of host `h`, its message and severity worked out only when the rule is not past its
 * cap (a list of many bad hosts reports the first ones).
 */
function reportHost<K extends MessageId>(ctx: RuleContext, h: HostPart, rejected: NodeRejectedHosts | undefined, ruleId: RuleId, span: Span, id: K, ...args: MessageArgs<K>): void {
  if (!ctx.saturated(ruleId)) ctx.report(ruleId, span, message(id, ...args), { node: nodeSeverity(ctx, h, rejected) });
}

function checkPort(ctx: RuleContext, h: HostPart, rejected: NodeRejectedHosts | undefined): void {
  const port = h.port;
  if (!port) return;
  if (port.raw === '') {
    if (!ctx.saturated('port-invalid')) {
      ctx.report('port-invalid', { start: port.span.start - 1, end: port.span.end }, message('port.empty'), {
        node: nodeSeverity(ctx, h, rejected),
        data: { replacement: '', title: message('fix.removeEmptyPort') },
      });
    }
    return;
  }
  if (port.value === undefined) {
    // Without an "@", user:password reads as host:port: the "port" may be a password, never echo it.
    if (ctx.uri.userinfo) reportHost(ctx, h, rejected, 'port-invalid', port.span, 'port.notNumber', { port: port.raw });
    else reportHost(ctx, h, rejected, 'port-invalid', port.span, 'port.passwordLike');
    return;
  }
  if (port.value < 1 || port.value > 65535) {
    reportHost(ctx, h, rejected, 'port-invalid', port.span, 'port.outOfRange', { port: port.raw });
  }
}

function checkHost(ctx: RuleContext, h: HostPart, rejected: NodeRejectedHosts | undefined): void {
  if (h.type === 'ip_literal') {
    if (h.bracket && !h.bracket.closed) {
      reportHost(ctx, h, rejected, 'host-invalid', h.span, 'host.ipLiteralUnclosed');
      return;
    }
    if (h.junkAfterBracket) {
      reportHost(ctx, h, rejected, 'host-invalid', h.junkAfterBracket, 'host.afterBracket');
      return;
    }
    if (!/^[0-9A-Fa-f:.]+(%[0-9A-Za-z._~%-]+)?$/.test(h.host.raw) || !h.host.raw.includes(':')) {
      reportHost(ctx, h, rejected, 'host-invalid', h.host.span.end > h.host.span.start ? h.host.span : h.span, 'host.notIpv6', { host: h.host.raw });
    }
    checkPort(ctx, h, rejected);
    return;
  }
  if (h.extraColons) {
    const c = h.extraColons;
    const doubled = c.some((s, i) => i > 0 && c[i - 1].end === s.start);
    reportHost(ctx, h, rejected, 'host-invalid', { start: c[0].start, end: c[c.length - 1].end }, doubled ? 'host.doubleColon' : 'host.extraColon');
    return;
  }
  if (h.host.raw === '') {
    reportHost(ctx, h, rejected, 'host-invalid', h.span, 'host.nameMissing');
    return;
  }
  if (h.type === 'unix') {
    if (!h.host.value.endsWith('.sock')) {
      reportHost(ctx, h, rejected, 'host-socket-invalid', h.host.span, 'host.socketSuffix');
    }
    if (h.port) reportHost(ctx, h, rejected, 'host-invalid', { start: h.port.span.start - 1, end: h.port.span.end }, 'host.socketPort');
    return;
  }
  for (const bad of h.host.decoded.badEscapes) {
    reportHost(ctx, h, rejected, 'host-invalid', bad, 'host.badEscape');
  }
  const raw = h.host.raw;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (!isHostnameChar(c)) {
      if (!ctx.saturated('host-invalid')) {
        const ch = raw[i] === ' ' ? message('char.space') : message('char.quoted', { char: raw[i]! });
        reportHost(ctx, h, rejected, 'host-invalid', { start: h.host.span.start + i, end: h.host.span.start + i + 1 }, 'host.badChar', { char: ch });
      }
      break;
    }
  }
  checkPort(ctx, h, rejected);
}

/** Host list: at least one host, well-formed hosts and ports (connection-string spec, "Host"). */
export function checkHosts(ctx: RuleContext): void {
  const uri = ctx.uri;
  if (uri.scheme.kind === 'invalid' && uri.hosts.length === 0 && uri.text.length === uri.bodyStart) return;
  if (uri.hosts.length === 0 && uri.emptyHosts.length === 0) {
    const node: Severity = ctx.node && !ctx.node.rejection ? 'warning' : 'error';
    const db = uri.database;
    if (uri.slash && uri.slash.start === uri.hostsSpan.start && db && /\.sock\b/.test(db.value)) {
      const path = '/' + db.value.replace(/\/$/, '');
      const encoded = path.split('/').join('%2F');
      ctx.report(
        'host-unescaped-slash',
        { start: uri.slash.start, end: db.span.end },
        message('host.socketUnescaped', { encoded }),
        { node, data: { replacement: encoded, title: message('fix.encodeSocket') } },
      );
      return;
    }
    if (uri.text.length === 0) return;
    const at = uri.hostsSpan.start;
    ctx.report('host-missing', { start: Math.max(0, at - 3), end: Math.max(at, uri.hostsSpan.end) }, message('host.missing'), { node });
    return;
  }
  // The Node.js driver keeps an empty entry as a host named "" and counts it as a host: the checks that
  // count hosts (mongodb+srv, directConnection, loadBalanced) say so when it matters.
  for (const e of uri.emptyHosts) {
    ctx.report('host-empty', e, message('host.empty'), {
      node: 'warning',
      data: { replacement: '', title: message('fix.removeComma') },
    });
  }
  const rejected = nodeRejectedHosts(ctx);
  const hosts = uri.hosts;
  // Repeats are looked for only where there are two hosts or more (most strings have one); a few hosts
  // are compared with each other, more go through a set of their keys.
  const seen = hosts.length > FEW_HOSTS ? new Set<string>() : undefined;
  for (let k = 0; k < hosts.length; k++) {
    const h = hosts[k];
    checkHost(ctx, h, rejected);
    // Past the rule's cap, repeats are not looked for (a run of one host repeated many times).
    if (ctx.saturated('host-duplicate')) continue;
    let repeated = false;
    if (seen) {
      const key = h.host.value.toLowerCase() + ':' + portOf(h);
      if (seen.has(key)) repeated = true;
      else seen.add(key);
    } else if (k > 0) repeated = repeatsEarlier(hosts, k);
    if (repeated) ctx.report('host-duplicate', h.span, message('host.duplicate', { host: h.host.value + (h.port ? ':' + h.port.raw : '') }));
  }
}

/** Up to this many hosts, repeats are found by comparing each host with those before it. */
const FEW_HOSTS = 8;

/** The port a host is reached on, as repeats compare them. */
function portOf(h: HostPart): number {
  return h.port?.value ?? DEFAULT_PORT;
}

/** True when host k has the name (in any case) and port of a host before it. */
function repeatsEarlier(hosts: readonly HostPart[], k: number): boolean {
  const h = hosts[k];
  const port = portOf(h);
  const name = h.host.value;
  for (let j = 0; j < k; j++) {
    const o = hosts[j];
    if (portOf(o) === port && sameName(o.host.value, name)) return true;
  }
  return false;
}

/**
 * True when two host names are the same in any case (their toLowerCase() are equal): ASCII names are
 * compared letter by letter without lower-cased copies; a name with other characters is lower-cased.
 */
function sameName(a: string, b: string): boolean {
  if (a === b) return true;
  // Up to the first character that is not ASCII, lower-casing maps each character to one: the first
  // ASCII letters that differ in any case tell the names apart (most names differ early).
  const common = Math.min(a.length, b.length);
  let i = 0;
  for (; i < common; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x > 0x7f || y > 0x7f) return a.toLowerCase() === b.toLowerCase();
    if (x !== y && ((x | 0x20) !== (y | 0x20) || (x | 0x20) < 0x61 || (x | 0x20) > 0x7a)) return false;
  }
  if (a.length === b.length) return true;
  // One is an ASCII prefix of the other in any case: different, unless the rest has other characters.
  const longer = a.length > b.length ? a : b;
  for (; i < longer.length; i++) if (longer.charCodeAt(i) > 0x7f) return a.toLowerCase() === b.toLowerCase();
  return false;
}
