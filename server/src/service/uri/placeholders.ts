import { HostSyntax, Span } from '../api';
import { EXTERNAL_AUTH_SOURCE } from '../data/authMechanisms';
import { pairsIn } from '../lex/pairs';
import { AT, COLON, COMMA, DASH, DIGIT_0, DIGIT_9, DOLLAR, DOT, GREATER_THAN, HASH, LEFT_BRACE, LEFT_BRACKET, LEFT_PAREN, LESS_THAN, LOWER_A, LOWER_D, LOWER_F, LOWER_Q, LOWER_S, LOWER_V, LOWER_Z, PERCENT, QUESTION, RIGHT_BRACE, RIGHT_BRACKET, SLASH, SPACE, UNDERSCORE, UPPER_A, UPPER_F, UPPER_Z, isAsciiLetter } from '../lex/chars';

/** Which forms count as placeholders in a value, from how the value is written. */
export interface PlaceholderStyle {
  /**
   * `$NAME` and `$(NAME)`: substituted by shells, compose files, dotenv tools, Kubernetes, PHP and Kotlin
   * strings; plain text in JavaScript '…'/"…", Python strings other than f-strings, Java, Go, C# and Ruby
   * single-quoted strings, and Java properties (Spring substitutes `${…}` only).
   */
  bareDollar: boolean;
  /**
   * `{name}`, `{0}` and `{}`: the fields of Python's str.format, C#'s String.Format, Java's MessageFormat
   * and Rust's format!, and of connection strings in documentation. Elsewhere a brace is a character of
   * the value (a password may hold one), unless a field stands where a host is written (HOST_FORMAT_FIELD).
   */
  formatFields: boolean;
}

/** Every form. */
export const EVERY_FORM: PlaceholderStyle = { bareDollar: true, formatFields: true };
const DEFAULT_STYLE: PlaceholderStyle = { bareDollar: true, formatFields: false };

/** Syntaxes in which `$NAME` is text, not a placeholder. */
const LITERAL_DOLLAR: ReadonlySet<HostSyntax> = new Set<HostSyntax>([
  'js-single', 'js-double', 'python-single', 'python-double', 'python-raw', 'go-double', 'go-raw', 'java-double',
  'java-text-block', 'csharp-regular', 'csharp-verbatim', 'csharp-raw', 'ruby-single', 'php-single', 'properties',
]);

/** Syntaxes whose strings are often format strings, and text that is not a value of a file (prose, comments). */
const FORMAT_FIELDS: ReadonlySet<HostSyntax> = new Set<HostSyntax>([
  'raw', 'python-single', 'python-double', 'python-raw', 'java-double', 'java-text-block', 'kotlin-double', 'kotlin-raw',
  'csharp-regular', 'csharp-verbatim', 'csharp-interpolated', 'csharp-verbatim-interpolated', 'csharp-raw',
]);

const STYLES = new Map<string, PlaceholderStyle>();

/**
 * A format field where a host is written (`mongodb://{host}`, `…@{host}:…`, `,{host2}`): no host holds a
 * brace, so a value with one is a format string whatever its syntax (a configuration file's
 * `mongodb://{user}:{password}@{host}:{port}/{db}`, filled in by the code that reads it).
 */
const HOST_FORMAT_FIELD = /(?:\/\/|@|,)\{[A-Za-z_][\w.]*\}(?=[:,/?]|$)/;

/**
 * The placeholder forms of a value written in `syntax` (when unknown: every form but format fields), and
 * format fields too when `text`, the value, has one where a host is written.
 */
export function placeholderStyle(syntax: HostSyntax | undefined, text?: string): PlaceholderStyle {
  const hostField = text !== undefined && text.includes('{') && HOST_FORMAT_FIELD.test(text);
  if (syntax === undefined) return hostField ? EVERY_FORM : DEFAULT_STYLE;
  const bareDollar = !LITERAL_DOLLAR.has(syntax);
  const formatFields = hostField || FORMAT_FIELDS.has(syntax);
  const key = `${bareDollar}${formatFields}`;
  let style = STYLES.get(key);
  if (!style) STYLES.set(key, (style = { bareDollar, formatFields }));
  return style;
}

function isWordChar(c: number): boolean {
  return (c >= UPPER_A && c <= UPPER_Z) || (c >= LOWER_A && c <= LOWER_Z) || (c >= DIGIT_0 && c <= DIGIT_9) || c === UNDERSCORE;
}

function isDigit(c: number): boolean {
  return c >= DIGIT_0 && c <= DIGIT_9;
}

function isHex(c: number): boolean {
  return (c >= DIGIT_0 && c <= DIGIT_9) || (c >= UPPER_A && c <= UPPER_F) || (c >= LOWER_A && c <= LOWER_F);
}

/**
 * The searches for closing delimiters of one forward scan of text[.., to): each looks at most `limit`
 * characters ahead of its `from` (which never decreases). Where a search found nothing, the next one for
 * the same delimiter resumes after the stretch already looked at, so that a run of "{{" or "${" does not
 * read the same characters again for each opener.
 */
class ClosingSearch {
  /** Per delimiter: the last position known not to start it (from the last search that found none). */
  private readonly absentUpTo = new Map<string, number>();

  constructor(
    private readonly text: string,
    private readonly to: number,
  ) {}

  /** Index of `needle` in text[from, to), at most `limit` characters ahead, or -1. */
  find(needle: string, from: number, limit: number): number {
    const stop = Math.min(this.to - needle.length, from + limit);
    const known = this.absentUpTo.get(needle) ?? -1;
    for (let i = Math.max(from, known + 1); i <= stop; i++) if (this.text.startsWith(needle, i)) return i;
    this.absentUpTo.set(needle, Math.max(known, stop));
    return -1;
  }
}

/** Names that look like `$VAR` but are real values. */
const NOT_PLACEHOLDERS = new Set([EXTERNAL_AUTH_SOURCE]);

/**
 * Spans of template placeholders that stand for text filled in later: `${VAR}`, `$(VAR)`, `#{Var}#`,
 * `{{ .Values.x }}`, `{name}` and `{}` (format strings), `%VAR%`, `%s` and `%(name)s` (printf), `$VAR`,
 * `<password>`, `[password]` and `...`. They are opaque: no problem is reported inside them.
 * One forward scan; each placeholder is bounded in length.
 */
export function findPlaceholders(text: string, from = 0, to = text.length, style: PlaceholderStyle = DEFAULT_STYLE): Span[] {
  // To the end of the text (a whole value): from opener to opener by a regular expression, which says
  // at once that most values hold none. A stretch of a larger text: character by character, so that
  // the search never reads past its end.
  return new PlaceholderScanner(text, to, style).scan(from, to === text.length);
}

/** The first place at or after i that may open a placeholder, by NEXT_OPENER; `to` when there is none. */
function nextByOpeners(text: string, i: number, to: number): number {
  NEXT_OPENER.lastIndex = i;
  if (!NEXT_OPENER.test(text)) return to;
  const end = NEXT_OPENER.lastIndex;
  const last = text.charCodeAt(end - 1);
  return last === DOT ? end - 3 : last === UNDERSCORE ? end - 2 : end - 1;
}

/** The same, character by character up to `to` (most characters open nothing: passed over without asking `at`). */
function nextByCharacters(text: string, i: number, to: number): number {
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80 ? OPENERS[c] === 1 : c === 0x2026) return i;
  }
  return to;
}

/**
 * What can start a placeholder (see PlaceholderScanner.at; a single `.` or `_` starts none): a value
 * without any of them holds none. Global, for its lastIndex; used only by nextByOpeners.
 */
const NEXT_OPENER = /[$#{%[<\u2026]|\.\.\.|__|:(?=[A-Za-z_])/g;

/**
 * What `at` finds at a position: the end of a placeholder that starts there (> the position), or, when
 * none does, where to go on: NEXT for the next character, else the negated position.
 */
const NEXT = 0;

/** The ASCII characters `at` looks at (1); at any other, it finds nothing (… is the one other). */
const OPENERS = new Uint8Array(0x80);
for (const c of [DOLLAR, HASH, LEFT_BRACE, PERCENT, LEFT_BRACKET, UNDERSCORE, DOT, LESS_THAN, COLON]) OPENERS[c] = 1;

class PlaceholderScanner {
  /** Made at the first opener (most values have none). */
  private closingSearch: ClosingSearch | undefined;
  /** The `]` of each `[` (made when one may open an optional part). */
  private closes: Map<number, number> | undefined;
  /** The `}` that closes each `{`, once a `${` holds another `{`. */
  private braces: Map<number, number> | undefined;
  /** Where the text's first `?` is (-1: none), once a port's name asks. */
  private firstQuery: number | undefined;

  constructor(
    private readonly text: string,
    private readonly to: number,
    private readonly style: PlaceholderStyle,
  ) {}

  /**
   * The placeholders from `from` on, from one place that may open one to the next: found by NEXT_OPENER
   * (a `.` only as `...`, a `_` only as `__`, where `at` finds nothing otherwise) when `byOpeners` (to
   * the end of the text only: the search does not stop at `to`), else character by character.
   */
  scan(from: number, byOpeners: boolean): Span[] {
    const spans: Span[] = [];
    const { text, to } = this;
    let i = from;
    while (i < to) {
      const start = byOpeners ? nextByOpeners(text, i, to) : nextByCharacters(text, i, to);
      if (start >= to) break;
      const r = this.at(start, text.charCodeAt(start));
      if (r > start) {
        // A port's name is the placeholder, not the ":" before it.
        spans.push({ start: text.charCodeAt(start) === COLON ? start + 1 : start, end: r });
        i = r;
      } else i = r === NEXT ? start + 1 : -r;
    }
    return spans;
  }

  private closing(): ClosingSearch {
    return (this.closingSearch ??= new ClosingSearch(this.text, this.to));
  }

  private at(i: number, c: number): number {
    const { text, style } = this;
    if (c === DOLLAR || c === HASH) return this.dollarOrHash(i, c);
    if (c === LEFT_BRACE) {
      if (text.charCodeAt(i + 1) === LEFT_BRACE) return this.closed(i, '}}', 256, 2);
      return style.formatFields ? this.formatField(i) : NEXT;
    }
    if (c === PERCENT) return isPrintfConversion(text, i, this.to) ? printfEnd(text, i, this.to) : this.windowsVariable(i);
    if (c === LEFT_BRACKET) return this.wordsInBrackets(i);
    if (c === UNDERSCORE && text.charCodeAt(i + 1) === UNDERSCORE) {
      // Token replacement of build and release tools: __MONGO_PASSWORD__. (Not Maven's @name@: an e-mail
      // address as an unescaped user name, alice@example.com@host, reads the same.)
      const end = tokenEnd(text, i, this.to);
      return end > 0 ? end : NEXT;
    }
    if ((c === DOT && text.startsWith('...', i)) || c === 0x2026 /* … */) {
      let j = c === 0x2026 ? i + 1 : i + 3;
      while (j < this.to && text.charCodeAt(j) === DOT) j++;
      return j;
    }
    if (c === COLON) {
      const end = portNameEnd(text, i, this.to);
      // In the host list only: no option before it (`SERVICE_NAME:NAME` of authMechanismProperties is a value).
      if (end !== NEXT) this.firstQuery ??= text.indexOf('?');
      return end !== NEXT && (this.firstQuery! < 0 || this.firstQuery! > i) ? end : NEXT;
    }
    return c === LESS_THAN ? this.wordsInAngles(i) : NEXT;
  }

  /** The end of an opener at i whose close `close` is found within `limit` characters, or NEXT. */
  private closed(i: number, close: string, limit: number, openerLength: number): number {
    const at = this.closing().find(close, i + openerLength, limit);
    return at > 0 ? at + close.length : NEXT;
  }

  /** ${VAR}, $(VAR) (Kubernetes, Makefiles), #{Var} (Octopus, Azure DevOps; an optional # after it) and $VAR. */
  private dollarOrHash(i: number, c: number): number {
    const { text, to } = this;
    const open = text.charCodeAt(i + 1);
    if (c === DOLLAR && !this.style.bareDollar && open !== LEFT_BRACE) return NEXT;
    if (open === LEFT_PAREN && c === DOLLAR) {
      const close = this.closing().find(')', i + 2, 128);
      if (close > i + 2 && /^[A-Za-z_][A-Za-z0-9_]*$/.test(text.slice(i + 2, close))) return close + 1;
    }
    if (c === HASH) {
      if (open !== LEFT_BRACE) return NEXT;
      const close = this.closing().find('}', i + 2, 128);
      if (close <= i + 2) return NEXT;
      return text.charCodeAt(close + 1) === HASH ? close + 2 : close + 1;
    }
    if (open === LEFT_BRACE) {
      // Braces inside: a JavaScript interpolation that holds a template or an object
      // (`${query ? `?${query}` : ''}`) ends at the `}` that balances them.
      const first = this.closed(i, '}', 256, 2);
      if (first === NEXT || text.lastIndexOf('{', first - 2) === i + 1) return first;
      this.braces ??= pairsIn(text, to, '{', '}');
      const close = this.braces.get(i + 1);
      return close !== undefined && close - i <= MAX_INTERPOLATION ? close + 1 : first;
    }
    if (i + 1 < to && isWordChar(open) && !isDigit(open)) {
      let j = i + 1;
      while (j < to && isWordChar(text.charCodeAt(j)) && j - i < 128) j++;
      // A word that is no placeholder is passed over whole.
      return NOT_PLACEHOLDERS.has(text.slice(i, j)) ? -j : j;
    }
    return NEXT;
  }

  /** {name}, {0}, {} of Python's str.format, C#'s String.Format and Rust's format!. */
  private formatField(i: number): number {
    const { text, to } = this;
    let j = i + 1;
    while (j < to && j - i <= 64 && (isWordChar(text.charCodeAt(j)) || text.charCodeAt(j) === DOT || text.charCodeAt(j) === COLON)) j++;
    return j < to && text.charCodeAt(j) === RIGHT_BRACE ? j + 1 : NEXT;
  }

  /** %NAME% (Windows style): the name starts with a letter or "_", so %2Ftmp%2F... stays an escape. */
  private windowsVariable(i: number): number {
    const { text, to } = this;
    if (!isWordChar(text.charCodeAt(i + 1)) || isDigit(text.charCodeAt(i + 1))) return NEXT;
    let j = i + 1;
    let nonHex = false;
    while (j < to && isWordChar(text.charCodeAt(j)) && j - i < 128) {
      if (!isHex(text.charCodeAt(j))) nonHex = true;
      j++;
    }
    return j < to && text.charCodeAt(j) === PERCENT && j - i >= 4 && nonHex ? j + 1 : NEXT;
  }

  /**
   * [password], [cluster name]: words in brackets (an IP literal always has a ":"); and the optional
   * parts of the connection string format as documentation writes it,
   * `mongodb://[username:password@]host1[:port1][,...hostN[:portN]][/[defaultauthdb][?options]]`.
   */
  private wordsInBrackets(i: number): number {
    const { text, to } = this;
    let j = i + 1;
    while (j < to && j - i <= 64 && (isWordChar(text.charCodeAt(j)) || text.charCodeAt(j) === DASH || text.charCodeAt(j) === SPACE)) j++;
    if (j > i + 1 && j < to && text.charCodeAt(j) === RIGHT_BRACKET && !isDigitsOnly(text, i + 1, j)) return j + 1;
    this.closes ??= pairsIn(text, to, '[', ']');
    return optionalPartEnd(text, i, this.closes.get(i) ?? -1);
  }

  /** <password>, <cluster-name>: words in angle brackets. */
  private wordsInAngles(i: number): number {
    const { text, to } = this;
    let j = i + 1;
    while (j < to && j - i <= 64) {
      const d = text.charCodeAt(j);
      if (!(isWordChar(d) || d === DASH || d === DOT || d === SPACE)) break;
      j++;
    }
    return j < to && j > i + 1 && text.charCodeAt(j) === GREATER_THAN ? j + 1 : NEXT;
  }
}

/** The longest `${…}` with braces inside that is read as one placeholder. */
const MAX_INTERPOLATION = 1024;

/** Characters of an optional part of the documented format, besides letters, digits and `_`. */
const OPTIONAL_PART_CHARS = new Uint8Array(0x80);
for (const ch of ':@,/?.=&+- ') OPTIONAL_PART_CHARS[ch.charCodeAt(0)] = 1;

/**
 * The end of an optional part in brackets at text[i] whose `]` is at `close` (`[username:password@]`,
 * `[:port1]`, `[,...hostN[:portN]]`, `[/[defaultauthdb][?options]]`: at most 128 characters), or NEXT.
 * It reads as one by what neither an IP literal nor a password holds: a letter beyond the hex digits,
 * and the notation's shape: a `,`, `/` or `?` first, a `:` first with a name after it, an inner
 * bracket, or a `@` last right after the `//` (`[::1]`, `[::g1]`, `[fe80::1%25eth0]` and
 * `[host1:27017]` are hosts, right or wrong; `pa[ss@]word` is a password).
 */
function optionalPartEnd(text: string, i: number, close: number): number {
  if (close < 0 || close - i > 128) return NEXT;
  const first = text.charCodeAt(i + 1);
  let notation = first === COMMA || first === SLASH || first === QUESTION || (first === COLON && isAsciiLetter(text.charCodeAt(i + 2)));
  if (text.charCodeAt(close - 1) === AT && text.charCodeAt(i - 1) === SLASH) notation = true;
  let wordLetter = false;
  for (let j = i + 1; j < close; j++) {
    const c = text.charCodeAt(j);
    if (c === LEFT_BRACKET || c === RIGHT_BRACKET) notation = true;
    else if (c >= 0x80 || !(isWordChar(c) || OPTIONAL_PART_CHARS[c] === 1)) return NEXT;
    else if (((c | 0x20) >= 0x67 && (c | 0x20) <= LOWER_Z) || c === UNDERSCORE) wordLetter = true;
  }
  return wordLetter && notation ? close + 1 : NEXT;
}

/**
 * The name of a port in a template (`HOST:PORT`, `host:port`, `:DB_PORT`, `:yourPort`): an upper-case
 * name, or a name that says "port", after a `:` and before the end of a host (`/`, `,`, `?`, `#`, `]`
 * or the end). No port is made of letters: such a word is a blank to fill in (a lower-case word that
 * says no "port", `localhost:foo`, stays an invalid port). Returns the name's end, or NEXT; the scanner
 * takes it in the host list only.
 */
function portNameEnd(text: string, i: number, to: number): number {
  let j = i + 1;
  let lower = false;
  while (j < to && j - i <= 64) {
    const c = text.charCodeAt(j);
    if (c >= LOWER_A && c <= LOWER_Z) lower = true;
    else if (!isWordChar(c)) break;
    j++;
  }
  if (j === i + 1 || isDigit(text.charCodeAt(i + 1))) return NEXT;
  if (j < to) {
    const end = text.charCodeAt(j);
    if (end !== SLASH && end !== COMMA && end !== QUESTION && end !== HASH && end !== RIGHT_BRACKET) return NEXT;
  }
  if (lower && !/port/i.test(text.slice(i + 1, j))) return NEXT;
  return !lower && j - i < 3 ? NEXT : j;
}

/** The end of `__NAME__` (upper-case letters, digits and single underscores) starting at text[i], or -1. */
function tokenEnd(text: string, i: number, to: number): number {
  const first = text.charCodeAt(i + 2);
  if (first < UPPER_A || first > UPPER_Z) return -1; // a run of "_" is no token: no slice for each of its characters
  const m = /^__[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*__/.exec(text.slice(i, Math.min(to, i + 130)));
  return m ? i + m[0].length : -1;
}

function isDigitsOnly(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isDigit(text.charCodeAt(i))) return false;
  return true;
}

/**
 * A printf conversion at text[i] (a "%"): `%s`, `%v`, `%q` (never a %XX escape, as the letter is not a
 * hex digit), `%d` not followed by a hex digit, `%(name)s` and `%1$s`.
 */
function isPrintfConversion(text: string, i: number, to: number): boolean {
  const c = text.charCodeAt(i + 1);
  if (c === LOWER_S /* s */ || c === LOWER_V /* v */ || c === LOWER_Q /* q */) return !isWordChar(text.charCodeAt(i + 2)) || i + 2 >= to;
  if (c === LOWER_D /* d */) return i + 2 >= to || !isHex(text.charCodeAt(i + 2));
  if (c === LEFT_PAREN /* ( */) return /^%\([A-Za-z_][A-Za-z0-9_]{0,63}\)[sd]/.test(text.slice(i, Math.min(to, i + 70)));
  if (isDigit(c)) return /^%[1-9]\$[sd]/.test(text.slice(i, Math.min(to, i + 4)));
  return false;
}

function printfEnd(text: string, i: number, to: number): number {
  const c = text.charCodeAt(i + 1);
  if (c === LEFT_PAREN) return Math.min(to, text.indexOf(')', i) + 2);
  if (isDigit(c)) return i + 4;
  return i + 2;
}

/** True when `span` touches any placeholder (placeholders sorted by start). */
export function overlapsPlaceholder(span: Span, placeholders: readonly Span[]): boolean {
  for (const p of placeholders) {
    if (p.start > span.end) break;
    if (span.start === span.end ? span.start >= p.start && span.start <= p.end : span.start < p.end && span.end > p.start) return true;
  }
  return false;
}
