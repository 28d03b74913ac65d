import { EmbeddedKind, EmbeddedValue, HostSyntax } from '../api';
import { findPlaceholders } from '../uri/placeholders';
import { editDistance } from '../uri/didYouMean';
import { DecodedText, indexOfIn, mayMentionMongo, subDecoded, toValue } from './decoded';

export { mayMentionMongo } from './decoded';
import { classifyKeyPath, KeyKind, keyName } from './keys';
import { findUriTokens } from './plainText';
import { COLON, DOLLAR, HASH, LEFT_BRACE, LESS_THAN, LINE_FEED, LOWER_B, LOWER_D, LOWER_G, LOWER_M, LOWER_N, LOWER_O, LOWER_R, LOWER_S, LOWER_V, PERCENT, PLUS, QUESTION, SLASH, SPACE } from '../lex/chars';

/** How a string value was found, which decides what is taken from it. */
export interface StringContext {
  /** Key path of the value, root first; empty when the value has no key. A function when it is built lazily. */
  path?: readonly string[] | (() => readonly string[]);
  /** What the key says, when the caller has already classified it (null: nothing). */
  keyKind?: KeyKind | null;
  /** Kind decided by the surrounding code (`client.db("…")` → database). */
  kind?: EmbeddedKind;
  /** The literal is a fragment of a concatenation: it is not a whole connection string. */
  fragment?: boolean;
  /** A value of several lines is text that mentions connection strings (a multi-line literal in code). */
  linesAreText?: boolean;
}

/** True when a line break comes before the trailing whitespace of the text. */
function hasInnerLineBreak(text: string): boolean {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) <= SPACE) end--;
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === LINE_FEED) return true;
  return false;
}

/**
 * Length of the scheme `mongodb://` or `mongodb+srv://` (any letter case) at text[from], or 0.
 * Compares character codes: no other character lower-cases to one of these letters.
 */
function schemeAt(text: string, from: number): number {
  if (
    (text.charCodeAt(from) | 0x20) !== LOWER_M ||
    (text.charCodeAt(from + 1) | 0x20) !== LOWER_O ||
    (text.charCodeAt(from + 2) | 0x20) !== LOWER_N ||
    (text.charCodeAt(from + 3) | 0x20) !== LOWER_G ||
    (text.charCodeAt(from + 4) | 0x20) !== LOWER_O ||
    (text.charCodeAt(from + 5) | 0x20) !== LOWER_D ||
    (text.charCodeAt(from + 6) | 0x20) !== LOWER_B
  ) {
    return 0;
  }
  let i = from + 7;
  if (text.charCodeAt(i) === PLUS /* + */) {
    if ((text.charCodeAt(i + 1) | 0x20) !== LOWER_S || (text.charCodeAt(i + 2) | 0x20) !== LOWER_R || (text.charCodeAt(i + 3) | 0x20) !== LOWER_V) return 0;
    i += 4;
  }
  return text.charCodeAt(i) === COLON && text.charCodeAt(i + 1) === SLASH && text.charCodeAt(i + 2) === SLASH ? i + 3 - from : 0;
}

/** True when `text` starts with `mongodb://` or `mongodb+srv://` in any letter case. */
export function startsWithScheme(text: string, from = 0): boolean {
  return schemeAt(text, from) > 0;
}

/** Length of a bare scheme (`mongodb://`, `mongodb+srv://`) at the start of text, or 0. */
function schemeLength(text: string): number {
  return schemeAt(text, 0);
}

/**
 * Tells whether a range contains "mongo" in any letter case (as mayMentionMongo), for ranges asked
 * about with non-decreasing starts: one search per occurrence in the text, however many ranges are
 * asked about.
 */
export class MongoFinder {
  /** The first "mongo" at or after the start of the last range asked about; Infinity when none. */
  private at = -1;
  private readonly re = /mongo/gi;

  constructor(private readonly text: string) {}

  within(from: number, to: number): boolean {
    if (this.at < from) {
      this.re.lastIndex = from;
      this.at = this.re.test(this.text) ? this.re.lastIndex - 5 : Infinity;
    }
    return this.at + 5 <= to;
  }
}

/** True when the whole (trimmed) text is one template placeholder such as `${MONGO_URI}`. */
export function isWholePlaceholder(text: string): boolean {
  let a = 0;
  let b = text.length;
  while (a < b && text.charCodeAt(a) <= SPACE) a++;
  while (b > a && text.charCodeAt(b - 1) <= SPACE) b--;
  if (a === b) return true;
  // Every placeholder starts with one of $ # { % <.
  const c = text.charCodeAt(a);
  if (c !== DOLLAR && c !== HASH && c !== LEFT_BRACE && c !== PERCENT && c !== LESS_THAN) return false;
  const spans = findPlaceholders(text, a, b);
  return spans.length === 1 && spans[0].start === a && spans[0].end === b;
}

/**
 * The default inside a placeholder that is the whole value, or undefined: `${NAME:-default}` (also
 * `-`, `:=`, `=`) in shells and compose files, `${spring.key:default}` in Spring.
 */
function placeholderDefault(text: string): [number, number] | undefined {
  if (!text.startsWith('${') || !text.endsWith('}')) return undefined;
  let i = 2;
  while (i < text.length && i < 130 && /[A-Za-z0-9_.-]/.test(text[i])) i++;
  if (i === 2) return undefined;
  let from: number;
  if (text[i] === ':' && (text[i + 1] === '-' || text[i + 1] === '=')) from = i + 2;
  else if (text[i] === ':') from = i + 1;
  else return undefined;
  const to = text.length - 1;
  return indexOfIn(text, 0x7d, from, text.length) === to ? [from, to] : undefined;
}

/** The key of a value as users write it, or undefined when it has none. */
function keyOf(pathOf: StringContext['path']): string | undefined {
  const p = typeof pathOf === 'function' ? pathOf() : pathOf;
  return p && p.length > 0 ? keyName(p) : undefined;
}

/**
 * Decides what a string value found in a document is and appends it to `out`:
 * a connection string by its scheme or its key, a database or collection name by its key or the
 * call it is passed to, or else the connection strings mentioned inside it (a shell command, a sentence).
 */
export function emitString(out: EmbeddedValue[], d: DecodedText, syntax: HostSyntax, ctx: StringContext = {}): void {
  const text = d.text;
  if (text.length === 0) {
    // An empty name passed to a driver call (`client.db("")`) is a mistake worth a diagnostic; an
    // empty configuration value only leaves the setting unset.
    if ((ctx.kind === 'database' || ctx.kind === 'collection') && !ctx.fragment) out.push(toValue(ctx.kind, d, syntax));
    return;
  }
  const pathOf = ctx.path;
  const path = typeof pathOf === 'function' ? undefined : pathOf;
  const keyKind: KeyKind | undefined =
    ctx.kind ?? (ctx.keyKind !== undefined ? ctx.keyKind ?? undefined : path && path.length > 0 ? classifyKeyPath(path) : undefined);

  if (startsWithScheme(text) && !(ctx.linesAreText && hasInnerLineBreak(text))) {
    if (ctx.fragment || (schemeLength(text) === text.length && keyKind !== 'uri')) return;
    out.push(toValue('uri', d, syntax, keyOf(pathOf)));
    return;
  }
  if (keyKind !== undefined) {
    const dflt = placeholderDefault(text);
    if (dflt) {
      emitString(out, subDecoded(d, dflt[0], dflt[1]), syntax, ctx);
      return;
    }
    if (isWholePlaceholder(text) || ctx.fragment) return;
    if ((keyKind === 'uri' || keyKind === 'uri-if-mongo') && mayBeConnectionString(text, keyKind)) {
      out.push(toValue('uri', d, syntax, keyOf(pathOf)));
      return;
    }
    if (keyKind === 'database' || keyKind === 'collection' || keyKind === 'atlas-cluster' || keyKind === 'atlas-project' || keyKind === 'atlas-organization') {
      // A sentence under such a key is a message about it (`selectMongoDb: "Select a database first"`), and
      // a regular expression's source one that matches names (`const COLLECTION = "(?:\\.collection\\((\\w+)\\))"`).
      if (!isSentence(text) && !REGEX_SOURCE.test(text)) {
        out.push(toValue(keyKind, d, syntax, keyOf(pathOf)));
        return;
      }
    }
  }
  emitMentions(out, d, syntax);
}

/**
 * What only a regular expression's source holds: a group `(?:`, `(?=`, `(?!` or `(?<`. (Not a backslash
 * before a letter: `a\shop` is a name written with a backslash by mistake, which is reported.)
 */
const REGEX_SOURCE = /\(\?[:=!<]/;

/**
 * Prose (a label, a message of a catalogue), which no one writes as a database, collection or Atlas name:
 * words with a letter, separated by single spaces, four or more of them, or three that start with a
 * capital or end with `.`, `!`, `?` or `:` (`Select a database first`, `{scheme} is not a MongoDB
 * scheme`). `shop orders` and `my shop db` stay names with spaces in them.
 */
const WORD = /^\S*[A-Za-z]\S*$/;

function isSentence(text: string): boolean {
  if (text.length < 8 || text.length > 2000 || !text.includes(' ')) return false;
  const words = text.split(' ');
  if (words.length < 3 || !words.every((w) => WORD.test(w))) return false;
  return words.length >= 4 || /^[^a-z]*[A-Z]/.test(words[0]!) || /[.!?:]$/.test(text);
}

/**
 * Whether the value of a key that names a connection string can be one (it has no mongodb:// scheme):
 * a near miss of the scheme (`mongo://`, `mongodb-srv://`, `mongodb+srv:/`) is, to be reported with its
 * fix; another scheme (`https://`, `redis://`, `file://`) is not; without a scheme, only a host list
 * (`db.example.com:27017,db2/app`) is one that lacks its scheme. A version (`^7.0.2`), a bare word
 * (`mongo`, a host name or a placeholder), a path or a sentence is not. Under keys that name any URL
 * (`DATABASE_URL`, kind uri-if-mongo) only a near miss of the scheme counts.
 */
function mayBeConnectionString(text: string, keyKind: 'uri' | 'uri-if-mongo'): boolean {
  const scheme = SCHEME_PREFIX.exec(text);
  if (scheme) return isNearMissScheme(scheme[1]);
  return keyKind === 'uri' && looksLikeHostList(text);
}

/** `name:/` or `name://` at the start of a value: a URL scheme. */
const SCHEME_PREFIX = /^([A-Za-z][A-Za-z0-9+.-]{0,31}):\/\/?/;

/** A scheme that is a misspelling of mongodb or mongodb+srv (mongo, mongos, mongodb-srv, mongdb), not another kind of URL. */
function isNearMissScheme(scheme: string): boolean {
  const lower = scheme.toLowerCase();
  return lower.includes('mongo') || editDistance(lower.replace(/[+-]?srv$/, ''), 'mongodb', 2) <= 2;
}

const HOST_NAME = /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*$/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const PLACEHOLDER = /^\$\{[^}\s]{1,128}\}$/;

/** One `host[:port]` of a host list: a name whose last label has a letter, an IPv4 address, an IP literal or a placeholder. */
function isHostItem(item: string): boolean {
  let host = item;
  let port = '';
  if (item.startsWith('[')) {
    const close = item.indexOf(']');
    if (close < 0 || !/^[0-9A-Fa-f:.]+$/.test(item.slice(1, close))) return false;
    host = '';
    port = item.slice(close + 1);
    if (port !== '' && !port.startsWith(':')) return false;
    port = port.slice(1);
  } else {
    const colon = item.lastIndexOf(':');
    if (colon >= 0 && !item.endsWith('}')) {
      host = item.slice(0, colon);
      port = item.slice(colon + 1);
    }
  }
  if (port !== '' || item.includes(':')) {
    if (!/^\d{1,5}$/.test(port) && !PLACEHOLDER.test(port) && !(item.startsWith('[') && port === '')) return false;
  }
  if (host === '') return item.startsWith('[');
  if (PLACEHOLDER.test(host) || IPV4.test(host)) return true;
  if (!HOST_NAME.test(host)) return false;
  // A long single word of upper- and lower-case letters is base64 or a token (a Secret's data), not a host.
  if (host.length >= 16 && !host.includes('.') && /[a-z]/.test(host) && /[A-Z]/.test(host)) return false;
  const last = host.slice(host.lastIndexOf('.') + 1);
  return /[A-Za-z]/.test(last);
}

/**
 * A host list as it stands after `mongodb://`: [user[:password]@]host[:port][,host[:port]…][/database]
 * [?options], with something that makes it more than one word (a port, a dot, a comma, a path or
 * credentials). Read left to right, once.
 */
function looksLikeHostList(text: string): boolean {
  if (text.length > 4096 || !/[:.,/@]/.test(text) || /\s/.test(text)) return false;
  let end = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === SLASH /* / */ || c === QUESTION /* ? */) {
      end = i;
      break;
    }
  }
  const at = text.lastIndexOf('@', end - 1);
  const hosts = text.slice(at + 1, end);
  if (hosts === '') return false;
  return hosts.split(',').every(isHostItem);
}

/** Connection strings mentioned inside a longer text value (`mongosh mongodb://… --eval …`). */
export function emitMentions(out: EmbeddedValue[], d: DecodedText, syntax: HostSyntax): void {
  if (d.text.length < 10 || !mayMentionMongo(d.text, 0, d.text.length)) return;
  for (const [a, b] of findUriTokens(d.text, 0, d.text.length)) out.push(toValue('uri', subDecoded(d, a, b), syntax));
}
