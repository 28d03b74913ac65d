/**
 * Connection-string parser following the MongoDB connection-string specification.
 * It never throws and never rejects: it records the structure with a span for every part and
 * leaves judgement to the rules. Every loop is a single forward scan (linear time).
 */
import { Span } from '../api';
import { decodePercent, type Decoded } from './percent';
import { asciiLower } from '../data/text';
import { DecodedPart, HostPart, HostType, OptionPart, ParsedUri, SchemeKind } from './types';
import { AT, COLON, DASH, DIGIT_0, DIGIT_9, DOT, LEFT_BRACKET, LOWER_A, LOWER_Z, PLUS, QUESTION, SLASH, UPPER_A, UPPER_Z } from '../lex/chars';

const SCHEME_STANDARD = 'mongodb://';
const SCHEME_SRV = 'mongodb+srv://';

/**
 * The next `%` and `:` of the string being parsed at or after a position: one search of the engine's
 * own answers every later question from a position up to the one found (the parts are read left to
 * right), so that a string without `%` is never scanned for one part by part, and the whole string is
 * searched about once whatever the number of parts.
 */
let cursorText = '';
let percentFrom = 0;
let percentAt = -1;
let colonFrom = 0;
let colonAt = -1;

/** Starts the cursors of a string: each searches first when first asked (from where it is asked). */
function startCursors(text: string): void {
  cursorText = text;
  percentFrom = colonFrom = text.length + 1;
  percentAt = colonAt = -1;
}

/** True when text[start, end) holds a `%`. */
function hasPercent(start: number, end: number): boolean {
  if (start < percentFrom || (percentAt >= 0 && percentAt < start)) {
    percentFrom = start;
    percentAt = cursorText.indexOf('%', start);
  }
  return percentAt >= 0 && percentAt < end;
}

/** The first `:` in text[start, end), or -1. */
function firstColonIn(start: number, end: number): number {
  if (start < colonFrom || (colonAt >= 0 && colonAt < start)) {
    colonFrom = start;
    colonAt = cursorText.indexOf(':', start);
  }
  return colonAt >= 0 && colonAt < end ? colonAt : -1;
}

/**
 * A part without `%` (nearly every part): its own decoded record — the decoded text is the raw text,
 * without bad escapes or a map — so that it is one object and not two. `decoded` is a getter of the
 * class (never an own field: the part stays a tree for JSON), and the record's constant fields are the
 * prototype's.
 */
class PlainPart implements DecodedPart {
  span: Span;
  raw: string;
  value: string;
  constructor(start: number, end: number, raw: string) {
    this.span = { start, end };
    this.raw = raw;
    this.value = raw;
  }
  get decoded(): Decoded {
    return this as unknown as Decoded;
  }
}
Object.defineProperties(PlainPart.prototype, {
  badEscapes: { value: Object.freeze([]) },
  hadEscapes: { value: false },
  invalidUtf8: { value: false },
  map: { value: undefined },
});

function part(text: string, start: number, end: number): DecodedPart {
  const raw = text.slice(start, end);
  if (!hasPercent(start, end)) return new PlainPart(start, end, raw);
  const decoded = decodePercent(text, start, end, raw);
  return { span: { start, end }, raw, decoded, value: decoded.value };
}

/** Lower-cases ASCII A–Z only, as the specification requires for option keys. */
export { asciiLower } from '../data/text';

/**
 * The lower-cased option keys, by key, in a small table of slots chosen by the key's length and first and
 * last characters: keys repeat (retryWrites), lower-casing one copies it, and a freshly cut key compared
 * with the one in its slot costs less than hashing it for a map. A key that meets another in its slot
 * takes its place.
 */
const lowerSlots: string[] = new Array<string>(512).fill('');
const lowerOfSlot: string[] = new Array<string>(512).fill('');

function lowerKey(key: string): string {
  const n = key.length;
  if (n === 0) return key;
  const slot = (n * 31 + key.charCodeAt(0) * 7 + key.charCodeAt(n - 1)) & 511;
  if (lowerSlots[slot] === key) return lowerOfSlot[slot];
  const lower = asciiLower(key);
  if (n <= 64) {
    lowerSlots[slot] = key;
    lowerOfSlot[slot] = lower;
  }
  return lower;
}

function indexOfChar(text: string, ch: number, from: number, to: number): number {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === ch) return i;
  return -1;
}

function lastIndexOfChar(text: string, ch: number, from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) if (text.charCodeAt(i) === ch) return i;
  return -1;
}

/** What parseScheme finds: the scheme record of the parse, and where the body starts. */
interface SchemeFound {
  readonly scheme: ParsedUri['scheme'];
  readonly bodyStart: number;
}

/** The scheme record of text[0, raw.length) and the body after `separator`; frozen when one record serves every string. */
function schemeFound(kind: SchemeKind, raw: string, separator: number, frozen = false): SchemeFound {
  const scheme = { kind, span: { start: 0, end: raw.length }, raw };
  const found = { scheme, bodyStart: raw.length + separator };
  if (!frozen) return found;
  Object.freeze(scheme.span);
  Object.freeze(scheme);
  return Object.freeze(found);
}

/** The two schemes of nearly every string, and a string without one: one frozen record each. */
const FOUND_SRV = schemeFound('mongodb+srv', 'mongodb+srv', 3, true);
const FOUND_STANDARD = schemeFound('mongodb', 'mongodb', 3, true);
const FOUND_MISSING = schemeFound('missing', '', 0, true);

function parseScheme(text: string): SchemeFound {
  // The character after `mongodb` tells which of the two schemes to compare (one comparison, not two).
  const after = text.charCodeAt(7);
  if (after === COLON) {
    if (text.startsWith(SCHEME_STANDARD)) return FOUND_STANDARD;
  } else if (after === PLUS && text.startsWith(SCHEME_SRV)) return FOUND_SRV;
  // Something else: find a `scheme://` prefix made of scheme characters.
  let i = 0;
  while (i < text.length && i < 64) {
    const c = text.charCodeAt(i);
    const isSchemeChar =
      (c >= LOWER_A && c <= LOWER_Z) || (c >= UPPER_A && c <= UPPER_Z) || (c >= DIGIT_0 && c <= DIGIT_9) || c === PLUS || c === DASH || c === DOT;
    if (!isSchemeChar) break;
    i++;
  }
  if (i > 0 && text.startsWith('://', i)) {
    return schemeFound('invalid', text.slice(0, i), 3);
  }
  // `mongodb+srv:/host` (one slash): the scheme of a MongoDB string with a slash missing, not a host list.
  if (i > 0 && text.startsWith(':/', i) && /mongo/i.test(text.slice(0, i))) {
    return schemeFound('invalid', text.slice(0, i), 2);
  }
  return FOUND_MISSING;
}

function isIPv4(s: string): boolean {
  let parts = 0;
  let digits = 0;
  let value = 0;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 0x2e;
    if (c === DOT) {
      if (digits === 0 || value > 255) return false;
      parts++;
      digits = 0;
      value = 0;
    } else if (c >= DIGIT_0 && c <= DIGIT_9) {
      digits++;
      value = value * 10 + (c - 0x30);
      if (digits > 3) return false;
    } else return false;
  }
  return parts === 4;
}

function parsePortValue(raw: string): number | undefined {
  if (raw.length === 0 || raw.length > 6) return raw.length > 6 && /^\d+$/.test(raw) ? Number(raw) : undefined;
  // Up to six digits: the number read as they are checked.
  let value = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c < DIGIT_0 || c > DIGIT_9) return undefined;
    value = value * 10 + (c - DIGIT_0);
  }
  return value;
}

/** The two states of an IP literal's brackets, shared by every host. */
const UNCLOSED: HostPart['bracket'] = Object.freeze({ closed: false });
const CLOSED: HostPart['bracket'] = Object.freeze({ closed: true });

function parseHost(text: string, start: number, end: number): HostPart {
  const span = { start, end };
  if (text.charCodeAt(start) === LEFT_BRACKET /* [ */) {
    const close = indexOfChar(text, 0x5d, start + 1, end);
    if (close < 0) {
      return { span, host: part(text, start + 1, end), type: 'ip_literal', bracket: UNCLOSED };
    }
    const host = part(text, start + 1, close);
    const h: HostPart = { span, host, type: 'ip_literal', bracket: CLOSED };
    if (close + 1 < end) {
      if (text.charCodeAt(close + 1) === COLON) {
        const raw = text.slice(close + 2, end);
        h.port = { span: { start: close + 2, end }, raw, value: parsePortValue(raw) };
      } else {
        h.junkAfterBracket = { start: close + 1, end };
      }
    }
    return h;
  }
  // Colons: the first few and the last are enough to describe any host (bounded allocation); the list
  // is made only for a host with two or more (a plain `host:port` has one).
  const firstColon = firstColonIn(start, end);
  // A second colon is asked of the cursor (whose search goes on to the next host's colon); only a host
  // with two or more reads backwards for its last.
  const secondColon = firstColon < 0 ? -1 : firstColonIn(firstColon + 1, end);
  const lastColon = secondColon < 0 ? firstColon : lastIndexOfChar(text, COLON, secondColon, end);
  let colonCount = firstColon < 0 ? 0 : secondColon < 0 ? 1 : 2;
  let colons: Span[] | undefined;
  if (colonCount >= 2) {
    colonCount = 0;
    for (let i = firstColon; i < end; i++) if (text.charCodeAt(i) === COLON) colonCount++;
    colons = [];
    for (let i = firstColon; i < end && colons.length < 7; i++) if (text.charCodeAt(i) === COLON) colons.push({ start: i, end: i + 1 });
    if (colonCount > colons.length) colons.push({ start: lastColon, end: lastColon + 1 });
  }
  let hostEnd = end;
  let port: HostPart['port'];
  if (colonCount >= 1) {
    hostEnd = firstColon;
    const raw = text.slice(lastColon + 1, end);
    port = { span: { start: lastColon + 1, end }, raw, value: parsePortValue(raw) };
  }
  const host = part(text, start, hostEnd);
  let type: HostType = 'hostname';
  const v = host.value;
  if (v.includes('/')) type = 'unix';
  else if (isIPv4(v)) type = 'ipv4';
  if (!port) return { span, host, type };
  if (colonCount < 2) return { span, host, type, port };
  return { span, host, type, port, extraColons: colons! };
}

/**
 * Where the parts of a connection string end, as `sections` finds them: the `@` of the userinfo, the
 * first `/` and `?` after it (module state like the cursors: one string is parsed at a time, and the
 * parse reads them at once, without an object made for them).
 */
let sectionAt = -1;
let sectionFirstSlash = -1;
let sectionQuestion = -1;
let sectionAuthorityEnd = 0;
let sectionRecoveredPastSlash = false;

/** Finds the `@`, `/` and `?` that divide the string (after the scheme, from bodyStart). */
function sections(text: string, bodyStart: number): void {
  const n = text.length;
  // Options start at the first `?` (the `?` may not appear in the host section or database).
  // The searches are the engine's own: each runs once over the string.
  let question = text.indexOf('?', bodyStart);
  // The host section ends at the first `/` or `?`.
  let firstSlash = text.indexOf('/', bodyStart);
  if (question >= 0 && firstSlash > question) firstSlash = -1;
  let authorityEnd = firstSlash >= 0 ? firstSlash : question >= 0 ? question : n;
  // The last `@` before the end of the host section, found by the engine's forward search (its backward
  // one is much slower); the first `@` past that end is what atPastSlash needs to know.
  let at = -1;
  let nextAt = text.indexOf('@', bodyStart);
  while (nextAt >= 0 && nextAt < authorityEnd) {
    at = nextAt;
    nextAt = text.indexOf('@', nextAt + 1);
  }
  let recoveredPastSlash = false;
  if (at < 0) {
    at = atPastSlash(text, firstSlash, question, nextAt);
    if (at >= 0) {
      recoveredPastSlash = true;
      question = indexOfChar(text, QUESTION, at, n);
      firstSlash = indexOfChar(text, SLASH, at, question < 0 ? n : question);
      authorityEnd = firstSlash >= 0 ? firstSlash : question >= 0 ? question : n;
    }
  }
  sectionAt = at;
  sectionFirstSlash = firstSlash;
  sectionQuestion = question;
  sectionAuthorityEnd = authorityEnd;
  sectionRecoveredPastSlash = recoveredPastSlash;
}

/**
 * An unescaped `/` or `?` in the password (`user:pa/ss@host`) would cut the string early: the `@` that
 * ends the userinfo when one follows in the path, or right after the `?` with no `=`, `&` or `/` in
 * between; -1 when there is none.
 */
function atPastSlash(text: string, firstSlash: number, question: number, nextAt: number): number {
  // Most strings without credentials have no "@" after the hosts either (`nextAt`, the first `@` at or
  // after the end of the host section, is -1).
  if (nextAt < 0) return -1;
  const n = text.length;
  const pathEnd = question >= 0 ? question : n;
  const atInPath = firstSlash >= 0 ? lastIndexOfChar(text, AT, firstSlash, pathEnd) : -1;
  if (atInPath >= 0) return atInPath;
  if (question < 0) return -1;
  const atAfterQ = indexOfChar(text, AT, question, n);
  if (atAfterQ < 0) return -1;
  const between = text.slice(question, atAfterQ);
  return !between.includes('=') && !between.includes('&') && !between.includes('/') ? atAfterQ : -1;
}

/** The empty host entries and semicolons of a string without any (nearly all): one frozen array. */
const NO_SPANS: readonly Span[] = Object.freeze([]);

export function parseConnectionString(text: string): ParsedUri {
  startCursors(text);
  const parsed = parseWithCursors(text);
  cursorText = '';
  return parsed;
}

function parseWithCursors(text: string): ParsedUri {
  const scheme = parseScheme(text);
  const bodyStart = scheme.bodyStart;
  const n = text.length;
  sections(text, bodyStart);
  const at = sectionAt;
  const firstSlash = sectionFirstSlash;
  const question = sectionQuestion;
  const authorityEnd = sectionAuthorityEnd;
  let userinfo: ParsedUri['userinfo'];
  if (at >= 0) {
    const colon = firstColonIn(bodyStart, at);
    const username = part(text, bodyStart, colon >= 0 ? colon : at);
    const password = colon >= 0 ? part(text, colon + 1, at) : undefined;
    userinfo = { span: { start: bodyStart, end: at }, atSpan: { start: at, end: at + 1 }, username, password, recoveredPastSlash: sectionRecoveredPastSlash };
  }
  const hostsStart = at >= 0 ? at + 1 : bodyStart;
  const hosts = readHosts(text, hostsStart, authorityEnd);
  const emptyHosts = emptyHostsFound;
  let database: DecodedPart | undefined;
  if (firstSlash >= 0) {
    const dbEnd = question >= 0 ? question : n;
    if (dbEnd > firstSlash + 1) database = part(text, firstSlash + 1, dbEnd);
  }
  const options = question >= 0 ? readOptions(text, question) : [];
  // Every field in the one literal, the absent ones undefined: a field added afterwards changes the
  // object's shape and grows a store of properties outside it.
  return {
    text,
    scheme: scheme.scheme,
    bodyStart,
    userinfo,
    hostsSpan: { start: hostsStart, end: authorityEnd },
    hosts,
    emptyHosts,
    slash: firstSlash >= 0 ? { start: firstSlash, end: firstSlash + 1 } : undefined,
    database,
    question: question >= 0 ? { start: question, end: question + 1 } : undefined,
    optionsSpan: question >= 0 ? { start: question + 1, end: n } : undefined,
    options,
    semicolons: question >= 0 ? semicolonsFound : NO_SPANS,
  };
}

/** The empty host entries that readHosts found last (module state, as the sections). */
let emptyHostsFound: readonly Span[] = NO_SPANS;

/** The hosts of text[hs, he), separated by commas; a run of empty entries (",,,,") is one span. */
function readHosts(text: string, hs: number, he: number): HostPart[] {
  emptyHostsFound = NO_SPANS;
  if (he <= hs) return [];
  const firstComma = text.indexOf(',', hs);
  if (firstComma < 0 || firstComma > he) {
    // One host (most strings): an array of its size, not one grown by a push.
    return [parseHost(text, hs, he)];
  }
  const hosts: HostPart[] = [];
  let empty: Span[] | undefined;
  let itemStart = hs;
  for (;;) {
    let i = text.indexOf(',', itemStart);
    if (i < 0 || i > he) i = he;
    if (i === itemStart) {
      empty ??= [];
      const last = empty[empty.length - 1];
      if (last && last.end === itemStart) last.end = Math.min(i + 1, he);
      else empty.push({ start: itemStart, end: Math.min(i + 1, he) });
    } else hosts.push(parseHost(text, itemStart, i));
    if (i === he) {
      if (empty) emptyHostsFound = empty;
      return hosts;
    }
    itemStart = i + 1;
  }
}

/** The `;` separators that readOptions found last. */
let semicolonsFound: readonly Span[] = NO_SPANS;

/** Up to this many options are put in an array made of their size. */
const FEW_ITEMS = 16;

/** Where the separators of the first items are, as readOptions counts them (reused from string to string). */
const separatorsAt = new Int32Array(FEW_ITEMS);

/** The options after the `?` at `question`, separated by `&` (or `;`, the legacy separator, when no `&` is used). */
function readOptions(text: string, question: number): OptionPart[] {
  const n = text.length;
  let semicolons: Span[] | undefined;
  // `;` separates only when no `&` is used (otherwise it is data).
  const firstAmpersand = text.indexOf('&', question + 1);
  const separator = firstAmpersand < 0 ? ';' : '&';
  let itemStart = question + 1;
  let sep: OptionPart['separator'] = '?';
  // The next `=`, found again only once passed (a search from each item could read the rest of the string each time).
  let nextEquals = text.indexOf('=', itemStart);
  // A few items (most strings) go into an array of their number, counted first, instead of one that a
  // push grows to sixteen places; many are pushed (a large array made at once would be a slow one).
  // The separators counted are kept, and the items read up to them without searching again.
  let separators = 0;
  for (let k = firstAmpersand >= 0 ? firstAmpersand : text.indexOf(';', itemStart); k >= 0 && separators < FEW_ITEMS; k = text.indexOf(separator, k + 1)) {
    separatorsAt[separators++] = k;
  }
  const few = separators < FEW_ITEMS;
  const options: OptionPart[] = few ? new Array<OptionPart>(separators + 1) : [];
  let used = 0;
  for (let item = 0; ; item++) {
    let i = item < separators ? separatorsAt[item] : few ? n : text.indexOf(separator, itemStart);
    if (i < 0) i = n;
    if (i > itemStart) {
      if (nextEquals >= 0 && nextEquals < itemStart) nextEquals = text.indexOf('=', itemStart);
      const eq = nextEquals >= 0 && nextEquals < i ? nextEquals : -1;
      const span = { start: itemStart, end: i };
      const key = part(text, itemStart, eq >= 0 ? eq : i);
      const keyLower = lowerKey(key.value);
      const index = used++;
      // Each shape as one literal: a property added afterwards costs every option a second allocation.
      options[index] = eq >= 0 ? { span, key, keyLower, separator: sep, index, value: part(text, eq + 1, i) } : { span, key, keyLower, separator: sep, index };
    }
    if (i === n) {
      // Empty items (`a=1&&b=2`, a trailing `&`) take no place.
      if (options.length !== used) options.length = used;
      semicolonsFound = semicolons ?? NO_SPANS;
      return options;
    }
    if (separator === ';') {
      (semicolons ??= []).push({ start: i, end: i + 1 });
      sep = ';';
    } else sep = '&';
    itemStart = i + 1;
  }
}
