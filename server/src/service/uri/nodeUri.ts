/**
 * The connection string as the Node.js driver (mongodb 7.x) reads it when `new MongoClient(uri)` runs:
 * its URL layer (mongodb-connection-string-url) splits off the credentials and the host list, WHATWG URL
 * reads the path and the query, URLSearchParams decodes the options and `HostAddress` parses each host
 * with the platform URL class. Where that reading differs from the specification's, the Node profile
 * follows this one. Every step is a single forward scan or a platform URL parse (linear time).
 */
import { Span } from '../api';
import { decodePercent } from './percent';
import { AMPERSAND, AT, CARRIAGE_RETURN, COLON, COMMA, DASH, DIGIT_0, DIGIT_9, DOT, EQUALS, LEFT_BRACKET, LINE_FEED, LOWER_A, LOWER_Z, PERCENT, PLUS, QUESTION, RIGHT_BRACKET, SLASH, SPACE, TAB, UNDERSCORE, UPPER_A, UPPER_Z } from '../lex/chars';
import { message } from '../data/l10n';

export interface NodeRejection {
  span: Span;
  message: string;
}

/** A `host[:port]` item between commas, as the driver splits it: where it is (start, end) and its text. */
export interface NodeHost extends Span {
  raw: string;
  /**
   * Why `HostAddress` throws for this item (never for mongodb+srv, whose host is only looked up later);
   * its span is the host itself.
   */
  rejection: NodeRejection | undefined;
}

export interface NodeQueryItem {
  /** The `key=value` item between `&` separators (`;` separates nothing for URLSearchParams). */
  span: Span;
  keySpan: Span;
  /** Absent when the item has no `=`: URLSearchParams then reads an empty value. */
  valueSpan?: Span;
  /** Decoded as URLSearchParams does: `+` is a space, bad `%` escapes stay as they are. */
  key: string;
  value: string;
}

export interface NodeUri {
  srv: boolean;
  /** The first reason the URL layer throws (scheme, credentials, host list, mongodb+srv host). */
  rejection?: NodeRejection;
  username?: Span;
  password?: Span;
  hostsSpan: Span;
  /** The host items that are not empty (an empty one is a host named "", which the driver accepts). */
  hosts: NodeHost[];
  /** How many items the host list has, empty ones included (the driver counts them all). */
  hostCount: number;
  /** The path after the host list, up to `?` or `#`, when there is one. */
  path?: { span: Span; dbName?: string; rejection?: NodeRejection };
  query?: Span;
  /** Every item of the query, in order (the fragment after `#` is not part of it). */
  items: NodeQueryItem[];
  /** Text after `#`, which the driver drops. */
  fragment?: Span;
}

const ILLEGAL_USERINFO = ':/?#[]@';

function isLineTerminator(c: number): boolean {
  return c === LINE_FEED || c === CARRIAGE_RETURN || c === 0x2028 || c === 0x2029;
}

function decodes(s: string): boolean {
  try {
    decodeURIComponent(s);
    return true;
  } catch {
    return false;
  }
}

function firstIllegal(s: string): string | undefined {
  for (const ch of s) if (ILLEGAL_USERINFO.includes(ch)) return ch;
  return undefined;
}

function isPlainHostChar(c: number): boolean {
  return (c >= LOWER_A && c <= LOWER_Z) || (c >= UPPER_A && c <= UPPER_Z) || (c >= DIGIT_0 && c <= DIGIT_9) || c === DOT || c === DASH || c === UNDERSCORE;
}

/**
 * A host item that the URL parser takes as it is and `HostAddress` accepts: letters, digits, ".", "-"
 * and "_", then nothing, or ":" and nothing, or ":" and a port from 1 to 65535 in at most five digits
 * (empty as a whole too: the driver reads an empty entry as a host named ""). Most hosts are; they need no URL.
 */
function isPlainHostItem(raw: string): boolean {
  let i = 0;
  while (i < raw.length && isPlainHostChar(raw.charCodeAt(i))) i++;
  if (i === raw.length) return true;
  if (i === 0 || raw.charCodeAt(i) !== COLON) return false;
  const digits = raw.length - i - 1;
  if (digits > 5) return false;
  let port = 0;
  for (let k = i + 1; k < raw.length; k++) {
    const c = raw.charCodeAt(k);
    if (c < DIGIT_0 || c > DIGIT_9) return false;
    port = port * 10 + (c - 0x30);
  }
  return digits === 0 || (port >= 1 && port <= 65535);
}

/** Characters that make URL reject a host it reads as opaque (its forbidden host code points, those left here). */
const FORBIDDEN_OPAQUE_HOST = '<>[\\]^|';
/** Characters that end or split the authority: the URL class decides items with one (and those with blanks, controls or characters beyond ASCII, which it strips, drops or encodes). */
const AUTHORITY_CHANGING = '@/?#';

/**
 * True when `new URL("iLoveJS://" + item)` surely throws, for an item of printable ASCII without `@`,
 * `/`, `?` and `#` (false: it may not, URL decides). Such an item is the whole authority: its host runs to
 * the first `:` outside brackets (an empty one fails); a host in brackets that does not end in `]` fails
 * (one that does is an IPv6 address, left to URL); any other host fails on a forbidden host code point;
 * a port fails on anything but digits, or a value over 65535. Items of many characters that URL rejects
 * are decided so without a thrown error each (a list of 100,000 such items took seconds).
 * nodeUriFastPath.test.ts holds it to the URL class.
 */
export function urlSurelyRejects(item: string): boolean {
  let colon = -1;
  let inside = false;
  for (let i = 0; i < item.length; i++) {
    const c = item.charCodeAt(i);
    if (c <= SPACE || c >= 0x7f || AUTHORITY_CHANGING.includes(item[i])) return false;
    if (colon >= 0) continue;
    if (c === LEFT_BRACKET) inside = true;
    else if (c === RIGHT_BRACKET) inside = false;
    else if (c === COLON && !inside) colon = i;
  }
  const host = colon >= 0 ? item.slice(0, colon) : item;
  if (colon === 0) return true;
  if (host.charCodeAt(0) === LEFT_BRACKET) {
    if (host.charCodeAt(host.length - 1) !== RIGHT_BRACKET) return true;
  } else {
    for (let i = 0; i < host.length; i++) if (FORBIDDEN_OPAQUE_HOST.includes(host[i])) return true;
  }
  if (colon < 0) return false;
  let port = 0;
  for (let i = colon + 1; i < item.length; i++) {
    const c = item.charCodeAt(i);
    if (c < DIGIT_0 || c > DIGIT_9) return true;
    port = Math.min(port * 10 + (c - DIGIT_0), 65536);
  }
  return port > 65535;
}

/** What `new HostAddress(item)` does: a `.sock` suffix makes a socket path, anything else goes through URL. */
export function nodeHostRejection(raw: string, span: Span): NodeRejection | undefined {
  if (isPlainHostItem(raw)) return undefined;
  const escaped = raw.split(' ').join('%20');
  if (escaped.endsWith('.sock')) {
    return decodes(escaped) ? undefined : { span, message: message('node.socketDecode', { path: raw }) };
  }
  const rejected = (): NodeRejection => ({ span, message: message('node.hostParse', { host: raw, why: explainHost(raw) }) });
  if (urlSurelyRejects(escaped)) return rejected();
  let url: URL;
  try {
    url = new URL(`iLoveJS://${escaped}`);
  } catch {
    return rejected();
  }
  if (!decodes(url.hostname)) {
    return { span, message: message('node.hostDecode', { host: raw }) };
  }
  if (url.port !== '' && Number.parseInt(url.port, 10) === 0) {
    return { span, message: message('node.port0') };
  }
  return undefined;
}

const FORBIDDEN_HOST_CHARS = '<>[]\\^|';

function explainHost(raw: string): string {
  if (raw.startsWith('[')) {
    return raw.includes(']') ? message('node.host.bracket') : message('node.host.unclosed');
  }
  for (const ch of raw) if (FORBIDDEN_HOST_CHARS.includes(ch)) return message('node.host.char', { char: ch });
  const colon = raw.indexOf(':');
  if (colon === 0) return message('node.host.nameMissing');
  if (colon >= 0) {
    const port = raw.slice(colon + 1);
    if (port.includes(':')) return message('node.host.colons');
    return message('node.host.port', { port });
  }
  return message('node.host.invalid');
}

/**
 * The pathname URL gives text[start, end) (a path after the hosts) without asking it, when URL keeps the
 * path as written (most paths, `/app`): it starts with "/", holds only letters, digits, ".", "-", "_"
 * and "/" (nothing URL encodes or decodes), and no segment is "." or ".." (which URL resolves).
 * Undefined for any other path.
 */
export function plainPathname(text: string, start: number, end: number): string | undefined {
  if (end <= start || text.charCodeAt(start) !== SLASH) return undefined;
  let segment = start + 1;
  for (let i = start + 1; i <= end; i++) {
    const c = i < end ? text.charCodeAt(i) : SLASH;
    if (c === SLASH) {
      const length = i - segment;
      if ((length === 1 || length === 2) && text.charCodeAt(segment) === DOT && text.charCodeAt(i - 1) === DOT) return undefined;
      segment = i + 1;
    } else if (!isPlainHostChar(c)) return undefined;
  }
  return text.slice(start, end);
}

/** The driver's split: `scheme://[username[:password]@]hosts` then the rest (mongodb-connection-string-url). */
export function readAsNodeDriver(text: string): NodeUri {
  const srv = text.startsWith('mongodb+srv://');
  const out: NodeUri = { srv, hostsSpan: { start: 0, end: 0 }, hosts: [], hostCount: 0, items: [] };
  if (!srv && !text.startsWith('mongodb://')) {
    out.rejection = { span: { start: 0, end: Math.min(text.length, 10) }, message: message('node.scheme') };
    return out;
  }
  const body = srv ? 14 : 10;
  const n = text.length;
  // username = [^:@]*, then either "@" or ":" password "@" (password = up to the first "@").
  let u = body;
  while (u < n && text.charCodeAt(u) !== COLON && text.charCodeAt(u) !== AT) u++; // : @
  let at = -1;
  if (text[u] === '@') at = u;
  else if (text[u] === ':') at = text.indexOf('@', u + 1);
  let hostsStart = at >= 0 ? at + 1 : body;
  if (at >= 0 && text[hostsStart] === ':') {
    at = -1; // the host list may not start with ":", so the regular expression backs off the credentials
    hostsStart = body;
  }
  if (text[hostsStart] === ':') {
    out.rejection = { span: { start: hostsStart, end: hostsStart + 1 }, message: message('node.hostListColon') };
    return out;
  }
  if (at >= 0) {
    out.username = { start: body, end: u };
    if (u < at) out.password = { start: u + 1, end: at };
  }
  let hostsEnd = hostsStart;
  for (; hostsEnd < n; hostsEnd++) {
    const c = text.charCodeAt(hostsEnd);
    if (c === SLASH || c === QUESTION || c === AT) break; // / ? @
  }
  out.hostsSpan = { start: hostsStart, end: hostsEnd };
  out.rejection = urlLayerRejection(text, out, body);
  if (out.rejection) return out;

  out.hostCount = readHosts(text, hostsStart, hostsEnd, srv, out.hosts);
  if (srv && out.hostCount !== 1) {
    out.rejection = { span: out.hostsSpan, message: message('node.srvCount') };
  } else if (srv && out.hosts[0]?.raw.includes(':')) {
    const c = text.indexOf(':', hostsStart);
    out.rejection = { span: { start: c, end: hostsEnd }, message: message('node.srvColon') };
  }
  readRest(text, hostsEnd, out);
  return out;
}

/** How many verdicts of host items readHosts keeps. */
const MAX_VERDICTS = 64;

/**
 * The items between commas, into `hosts`, each with why `HostAddress` throws for it (mongodb+srv hosts
 * are only looked up later); empty items, which it takes for hosts named "", are counted only (a run of
 * a million commas makes no record). Returns the number of items.
 */
function readHosts(text: string, start: number, end: number, srv: boolean, hosts: NodeHost[]): number {
  let count = 0;
  let itemStart = start;
  // The verdict of an item that is not plain, by its text (null: accepted): a list repeating one is read
  // once. The first MAX_VERDICTS items are kept (a list of many different items would only fill it).
  let verdicts: Map<string, string | null> | undefined;
  for (let i = start; i <= end; i++) {
    if (i === end || text.charCodeAt(i) === COMMA) {
      count++;
      if (i > itemStart) {
        const raw = text.slice(itemStart, i);
        const host: NodeHost = { start: itemStart, end: i, raw, rejection: undefined };
        if (!srv && !isPlainHostItem(raw)) {
          const known = (verdicts ??= new Map()).get(raw);
          if (known === undefined) {
            // The host is the span of its rejection (one record less for each rejected host of a long list).
            host.rejection = nodeHostRejection(raw, host);
            if (verdicts.size < MAX_VERDICTS) verdicts.set(raw, host.rejection?.message ?? null);
          } else if (known !== null) {
            host.rejection = { span: host, message: known };
          }
        }
        hosts.push(host);
      }
      itemStart = i + 1;
    }
  }
  return count;
}

function urlLayerRejection(text: string, out: NodeUri, body: number): NodeRejection | undefined {
  const { username, password, hostsSpan } = out;
  if (hostsSpan.end === hostsSpan.start) {
    return { span: { start: Math.max(0, body - 3), end: hostsSpan.end }, message: message('node.noHost') };
  }
  for (const part of [username, password]) {
    if (part && !decodes(text.slice(part.start, part.end))) {
      return { span: part, message: message('node.userinfoDecode', { part: part === username ? message('word.username') : message('word.password') }) };
    }
  }
  const user = username ? text.slice(username.start, username.end) : '';
  const illegalUser = firstIllegal(user);
  if (username && illegalUser) {
    const hex = illegalUser.charCodeAt(0).toString(16).toUpperCase();
    return { span: username, message: message('node.usernameChar', { char: illegalUser, hex }) };
  }
  if ((!username || username.end === username.start || !password || password.end === password.start) && (text[body] === '@' || text[body] === ':')) {
    return { span: { start: body, end: body + 1 }, message: message('node.emptyUserinfo') };
  }
  if (password) {
    const illegal = firstIllegal(text.slice(password.start, password.end));
    if (illegal) return { span: password, message: message('node.passwordChar', { char: illegal }) };
  }
  if (text[hostsSpan.end] === '@') {
    return { span: { start: hostsSpan.end, end: hostsSpan.end + 1 }, message: message('node.secondAt') };
  }
  return undefined;
}

/** Path, query and fragment as WHATWG URL splits them; the rest ends at a line break, trailing spaces are dropped. */
function readRest(text: string, start: number, out: NodeUri): void {
  let end = start;
  while (end < text.length && !isLineTerminator(text.charCodeAt(end))) end++;
  while (end > start && text.charCodeAt(end - 1) <= SPACE) end--;
  let hash = text.indexOf('#', start);
  if (hash < 0 || hash >= end) hash = end;
  else out.fragment = { start: hash + 1, end };
  let q = text.indexOf('?', start);
  if (q < 0 || q >= hash) q = hash;
  if (q > start) {
    const span = { start, end: q };
    out.path = { span };
    let pathname = plainPathname(text, start, q);
    if (pathname === undefined) {
      pathname = '/';
      try {
        pathname = new URL(`mongodb://x${text.slice(start, q)}${q < hash ? '?' : ''}`).pathname;
      } catch {
        // Not reachable for a path that starts with "/"; keep the default.
      }
    }
    if (pathname !== '/' && pathname !== '') {
      const encoded = pathname.slice(1);
      try {
        const db = decodeURIComponent(encoded);
        if (db) out.path.dbName = db;
      } catch {
        out.path.rejection = { span, message: message('node.databaseDecode') };
      }
    }
  }
  if (q >= hash) return;
  out.query = { start: q + 1, end: hash };
  let itemStart = q + 1;
  for (let i = q + 1; i <= hash; i++) {
    if (i === hash || text.charCodeAt(i) === AMPERSAND) {
      const item = i > itemStart ? queryItem(text, itemStart, i) : undefined;
      if (item) out.items.push(item);
      itemStart = i + 1;
    }
  }
}

/**
 * True when URLSearchParams reads text[start, end) as it is written: no `%` or `+` to decode, no tab
 * that URL drops, no surrogate (a lone one would become U+FFFD).
 */
function readsAsWritten(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === PERCENT || c === PLUS || c === TAB || (c >= 0xd800 && c <= 0xdfff)) return false;
  }
  return true;
}

/** Lone surrogates, which URLSearchParams reads as U+FFFD (its input is a USVString). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A key or value as URLSearchParams decodes it: "+" is a space, then the %XX escapes as UTF-8 (U+FFFD
 * for bytes that are not). Decoded here rather than by URLSearchParams itself: Node.js 20 misreads an
 * escape after a non-ASCII character (`é%FF` as two U+FFFD), where the driver's URL package does not.
 */
function decodeQueryText(s: string): string {
  const spaced = s.includes('+') ? s.split('+').join(' ') : s;
  return decodePercent(spaced, 0, spaced.length).value.replace(LONE_SURROGATE, '\uFFFD');
}

function queryItem(text: string, start: number, end: number): NodeQueryItem | undefined {
  if (readsAsWritten(text, start, end)) {
    // The common case, nothing to decode: the key up to the first "=", the value after it.
    let eq = start;
    while (eq < end && text.charCodeAt(eq) !== EQUALS) eq++;
    if (eq === end) return { span: { start, end }, keySpan: { start, end }, key: text.slice(start, end), value: '' };
    return { span: { start, end }, keySpan: { start, end: eq }, key: text.slice(start, eq), value: text.slice(eq + 1, end), valueSpan: { start: eq + 1, end } };
  }
  const raw = text.slice(start, end);
  // URL drops tabs before URLSearchParams sees the query; an item of tabs only is then empty.
  const read = raw.includes('\t') ? raw.split('\t').join('') : raw;
  if (read === '') return undefined;
  const readEq = read.indexOf('=');
  const eq = raw.indexOf('=');
  const item: NodeQueryItem = {
    span: { start, end },
    keySpan: { start, end: eq >= 0 ? start + eq : end },
    key: decodeQueryText(readEq >= 0 ? read.slice(0, readEq) : read),
    value: readEq >= 0 ? decodeQueryText(read.slice(readEq + 1)) : '',
  };
  if (eq >= 0) item.valueSpan = { start: start + eq + 1, end };
  return item;
}
