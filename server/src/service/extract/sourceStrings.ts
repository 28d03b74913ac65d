/**
 * String literals in program source: JavaScript/TypeScript, Python, Go, Java, Kotlin, C#, Ruby, PHP.
 * Comments are skipped (connection strings mentioned in them are still found), so are JavaScript and
 * Ruby regular expressions; heredocs are searched for mentions. Each literal is taken as a connection
 * string by its scheme, by the key it is assigned to, or as a database or collection name by the
 * driver call it is passed to. One forward pass.
 */
import { EmbeddedValue } from '../api';
import { isIdentPart, isIdentStart } from '../lex/identifiers';
import { lineEnd, nextLine } from './decoded';
import { emitString, MongoFinder } from './detect';
import { keyMayMatter } from './keys';
import { ContextRules, formatPlaceholders, KEY_IS_PREVIOUS, literalContext, newLiteralContext, NO_KEY, PreviousLiteral } from './codeContext';
import { csharpLiterals, goLiterals, javaLiterals, jsLiterals, kotlinLiterals, literalScan, LiteralSyntax, phpLiterals, pythonLiterals, rubyLiterals } from './codeLiterals';
import { literalReaderState, resetLiteralReaders, setLiteralReaderState } from './codeBodies';
import { findUriTokens } from './plainText';
import { ASTERISK, BACKSLASH, CARRIAGE_RETURN, DOLLAR, EQUALS, HASH, LEFT_BRACKET, LESS_THAN, LINE_FEED, QUOTE, SEMICOLON, RIGHT_BRACKET, RIGHT_PAREN, SLASH, SPACE, TAB } from '../lex/chars';

/** `sig` after a word (any value that is no character the checks compare with). */
const WORD = -2;

interface CodeLanguage extends ContextRules {
  literals: LiteralSyntax;
  /** `//` and `/* … *\/` comments. */
  slashComments?: boolean;
  /** `#` comments. */
  hashComments?: boolean;
  /** Regular expression literals (`/…/`). */
  regex?: boolean;
  /** Heredocs: `<<~ID` (Ruby) or `<<<ID` (PHP). */
  heredoc?: 'ruby' | 'php';
  /** Literals may start with letters just before the quote (Python `rb"…"`). */
  letterPrefixes?: boolean;
  /** Literals may start with `$` and `@` (C# `$@"…"`). */
  sigilPrefixes?: boolean;
  /** The characters where something may start: a literal, a comment, a regular expression, a heredoc. */
  stops: string[];
}

function language(o: Omit<CodeLanguage, 'stops'>): CodeLanguage {
  let chars = '"\'';
  if (o.literals === jsLiterals || o.literals === goLiterals) chars += '`';
  if (o.slashComments || o.regex) chars += '/';
  if (o.hashComments) chars += '#';
  if (o.heredoc) chars += '<';
  if (o.heredoc === 'ruby') chars += '='; // `=begin`
  if (o.sigilPrefixes) chars += '$@';
  return { ...o, stops: [...chars] };
}

const JS = language({ literals: jsLiterals, slashComments: true, regex: true });

const LANGUAGES: Record<string, CodeLanguage> = {
  javascript: JS,
  javascriptreact: JS,
  typescript: JS,
  typescriptreact: JS,
  python: language({ literals: pythonLiterals, hashComments: true, python: true, subscripts: true, letterPrefixes: true }),
  go: language({ literals: goLiterals, slashComments: true }),
  java: language({ literals: javaLiterals, slashComments: true }),
  kotlin: language({ literals: kotlinLiterals, slashComments: true }),
  csharp: language({ literals: csharpLiterals, slashComments: true, sigilPrefixes: true }),
  ruby: language({ literals: rubyLiterals, hashComments: true, regex: true, heredoc: 'ruby' }),
  php: language({ literals: phpLiterals, slashComments: true, hashComments: true, php: true, heredoc: 'php' }),
};

export function isSourceLanguage(languageId: string): boolean {
  return LANGUAGES[languageId] !== undefined;
}

/** Words after which a `/` starts a regular expression rather than a division. */
const REGEX_AFTER_WORDS = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await', 'if', 'unless', 'when', 'and', 'or', 'not']);

/** End of a regular expression literal starting at the `/` at i, or -1 when there is none on this line. */
function regexEnd(text: string, i: number): number {
  let inClass = false;
  for (let k = i + 1; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === LINE_FEED || c === CARRIAGE_RETURN) return -1;
    if (c === BACKSLASH) k++;
    else if (c === LEFT_BRACKET) inClass = true;
    else if (c === RIGHT_BRACKET) inClass = false;
    else if (c === SLASH && !inClass) {
      k++;
      while (k < text.length && isIdentPart(text.charCodeAt(k))) k++;
      return k;
    }
  }
  return -1;
}

/** A heredoc opener at i: its terminator and where the opener ends. */
function heredocOpener(text: string, i: number, style: 'ruby' | 'php'): { id: string; indented: boolean; end: number } | undefined {
  let k = i;
  if (style === 'php') {
    if (!text.startsWith('<<<', k)) return undefined;
    k += 3;
  } else {
    if (!text.startsWith('<<', k)) return undefined;
    k += 2;
  }
  let indented = style === 'php';
  if (style === 'ruby' && (text[k] === '~' || text[k] === '-')) {
    indented = true;
    k++;
  }
  while (style === 'php' && text[k] === ' ') k++;
  const q = text[k] === '"' || text[k] === "'" ? text[k] : '';
  if (q) k++;
  const s = k;
  while (k < text.length && isIdentPart(text.charCodeAt(k))) k++;
  if (k === s || !isIdentStart(text.charCodeAt(s))) return undefined;
  // A Ruby `<<` without `~`/`-` is a shift unless an upper-case word follows.
  if (style === 'ruby' && !indented && !/^[A-Z_][A-Z0-9_]*$/.test(text.slice(s, k))) return undefined;
  if (q && text[k] !== q) return undefined;
  return { id: text.slice(s, k), indented, end: k + (q ? 1 : 0) };
}

/** The previous literal: where it is, its kind, and (read when first needed) its text. */
interface Previous extends PreviousLiteral {
  kind: PreviousLiteral['kind'];
  /** The readers' state before it was read, to read it again the same way. */
  readerState: number;
  format: 'printf' | 'braces' | undefined;
  text: string | undefined;
}

/**
 * The scanner skips plain code to the next character where something may start (a quote, a comment,
 * ...), found with one indexOf per occurrence of each such character. What came before a stop (the character or word a `/` follows)
 * is looked up backwards, never further than the end of the previous token. A literal is decoded only
 * when it can be a value: it mentions "mongo", it is the argument of a driver call, or it is assigned
 * to a key that can name a connection string, database or collection.
 */
class SourceScanner {
  readonly out: EmbeddedValue[] = [];
  private readonly ctx = newLiteralContext();
  private readonly mongo: MongoFinder;
  private prev: Previous | undefined;
  private pendingHeredocs: Array<{ id: string; indented: boolean }> = [];
  /** The end of the last token: plain code runs from there to the next stop. */
  private last = 0;
  /** What the last token left for deciding whether a `/` starts a regular expression (a character, or WORD). */
  private sig = SEMICOLON; // a regular expression may start here
  private wordStart = 0;
  private wordEnd = 0;

  constructor(private readonly text: string, private readonly lang: CodeLanguage) {
    this.mongo = new MongoFinder(text);
  }

  private mentions(from: number, to: number, comment = false): void {
    if (!this.mongo.within(from, to)) return;
    for (const [a, b] of findUriTokens(this.text, from, to)) this.out.push({ kind: 'uri', text: this.text.slice(a, b), start: a, syntax: 'raw', ...(comment ? { comment } : {}) });
  }

  /** Brings `sig` (and the word) up to date with the plain code between the last token and i. */
  private settleSig(i: number): void {
    const text = this.text;
    const last = this.last;
    let k = i - 1;
    while (k >= last && isBlank(text.charCodeAt(k))) k--;
    if (k < last) return;
    const c = text.charCodeAt(k);
    if (isIdentPart(c)) {
      let s = k;
      while (s > last && isIdentPart(text.charCodeAt(s - 1))) s--;
      this.sig = WORD;
      this.wordStart = s;
      this.wordEnd = k + 1;
    } else {
      this.sig = c;
    }
  }

  /** A token [i, e) that leaves `sig` as it was (a comment, heredoc bodies). */
  private quietToken(i: number, e: number): void {
    if (this.lang.regex) this.settleSig(i);
    this.last = e;
  }

  run(): EmbeddedValue[] {
    const { text, lang } = this;
    const n = text.length;
    const literals = lang.literals;
    const stops = lang.stops;
    // The first occurrence of each stop character at or after the last position searched from (n: none).
    const next = stops.map(() => -1);
    let nextLineBreak = -1;
    let i = 0;
    while (i < n) {
      let at = n;
      for (let k = 0; k < stops.length; k++) {
        let p = next[k];
        if (p < i) {
          p = text.indexOf(stops[k], i);
          next[k] = p = p < 0 ? n : p;
        }
        if (p < at) at = p;
      }
      if (this.pendingHeredocs.length > 0) {
        if (nextLineBreak < i) {
          nextLineBreak = text.indexOf('\n', i);
          if (nextLineBreak < 0) nextLineBreak = n;
        }
        if (nextLineBreak < at) at = nextLineBreak;
      }
      if (at >= n) break;
      i = at;
      const c = text.charCodeAt(i);
      if (c === LINE_FEED) {
        const e = this.heredocBodies(i + 1);
        this.quietToken(i, e);
        i = e;
        continue;
      }
      const d = text.charCodeAt(i + 1);
      if (c === SLASH && lang.slashComments && (d === SLASH || d === ASTERISK)) {
        let e: number;
        if (d === SLASH) e = lineEnd(text, i);
        else {
          const close = text.indexOf('*/', i + 2);
          e = close < 0 ? n : close + 2;
        }
        this.quietToken(i, e);
        this.mentions(i, e, true);
        i = e;
        continue;
      }
      if (c === HASH && lang.hashComments && !(lang.php && d === LEFT_BRACKET)) {
        const e = lineEnd(text, i);
        this.quietToken(i, e);
        this.mentions(i, e, true);
        i = e;
        continue;
      }
      if (c === EQUALS) {
        if (lang.heredoc === 'ruby' && (i === 0 || text.charCodeAt(i - 1) === LINE_FEED) && text.startsWith('=begin', i)) {
          const close = text.indexOf('\n=end', i);
          const e = close < 0 ? n : lineEnd(text, close + 1);
          this.quietToken(i, e);
          this.mentions(i, e, true);
          i = e;
          continue;
        }
        i++;
        continue;
      }
      // A literal, from its prefix when it has one.
      let start = i;
      if (lang.letterPrefixes) {
        // `rb"…"`: a word of one or two letters just before the quote (a longer word is not a prefix).
        let k = i;
        while (k > this.last && i - k < 3 && isIdentPart(text.charCodeAt(k - 1))) k--;
        if (k < i && i - k < 3 && (k === this.last || !isIdentPart(text.charCodeAt(k - 1)))) start = k;
      } else if (lang.sigilPrefixes && c === DOLLAR && i > this.last && isIdentPart(text.charCodeAt(i - 1))) {
        // A `$` inside a word: the word goes on.
        i = wordEnd(text, i);
        continue;
      }
      const before = literalReaderState();
      let end = literals.end(text, start);
      if (end < 0 && start < i) {
        start = i;
        end = literals.end(text, i);
      }
      if (end >= 0) {
        if (!literalScan.ignore) this.literal(start, end, before);
        i = Math.max(end, start + 1);
        this.sig = QUOTE; // after a literal: `/` divides
        this.last = i;
        continue;
      }
      if (lang.heredoc && c === LESS_THAN) {
        const h = heredocOpener(text, i, lang.heredoc);
        if (h) {
          this.pendingHeredocs.push({ id: h.id, indented: h.indented });
          i = h.end;
          this.sig = QUOTE; // after a literal: `/` divides
          this.last = i;
          continue;
        }
      }
      if (lang.regex && c === SLASH) {
        this.settleSig(i);
        if (this.regexAllowed()) {
          const e = regexEnd(text, i);
          if (e > 0) {
            i = e;
            this.sig = QUOTE; // after a literal: `/` divides
            this.last = i;
            continue;
          }
        }
      }
      // A `$` starting a word (C#) that starts no literal: the word goes on.
      i = c === DOLLAR ? wordEnd(text, i) : i + 1;
    }
    return this.out;
  }

  private regexAllowed(): boolean {
    const sig = this.sig;
    if (sig === WORD) return REGEX_AFTER_WORDS.has(this.text.slice(this.wordStart, this.wordEnd));
    return sig !== QUOTE && sig !== RIGHT_PAREN && sig !== RIGHT_BRACKET;
  }

  /** Skips the bodies of the heredocs opened on the line that ended just before `i`; returns where code goes on. */
  private heredocBodies(i: number): number {
    const text = this.text;
    for (const h of this.pendingHeredocs) {
      const from = i;
      let closed = false;
      while (i < text.length) {
        const e = lineEnd(text, i);
        let s = i;
        if (h.indented) while (s < e && (text.charCodeAt(s) === SPACE || text.charCodeAt(s) === TAB)) s++;
        const done = text.startsWith(h.id, s) && !isIdentPart(text.charCodeAt(s + h.id.length));
        if (done) {
          this.mentions(from, i);
          i = s + h.id.length;
          closed = true;
          break;
        }
        i = nextLine(text, e);
      }
      // A body without its terminator runs to the end (a terminator at the very end is no such body).
      if (!closed) this.mentions(from, text.length);
    }
    this.pendingHeredocs = [];
    return i;
  }

  /** The previous literal's text, read again when first needed. */
  private previousText(prev: Previous): string {
    if (prev.text === undefined) {
      const state = literalReaderState();
      setLiteralReaderState(prev.readerState);
      let d = this.lang.literals.read(this.text, prev.start)!.d;
      setLiteralReaderState(state);
      if (prev.format) d = formatPlaceholders(d, prev.format);
      prev.text = d.text;
    }
    return prev.text;
  }

  /** A literal text[start, end), first read with the readers' state `readerState`. */
  private literal(start: number, end: number, readerState: number): void {
    const { text, ctx } = this;
    const prev = this.prev;
    literalContext(text, start, end, this.lang, prev, ctx);
    const mentionsMongo = this.mongo.within(start, end);
    let key: string | undefined;
    let decode = ctx.kind !== undefined || mentionsMongo;
    if (ctx.keyFrom === KEY_IS_PREVIOUS) {
      key = this.previousText(prev!);
      // A key that cannot say anything leaves the literal to what it mentions, which needs "mongo"
      // in its source or an escape.
      if (!decode && key !== '') decode = literalScan.backslash || keyMayMatter(key, 0, key.length);
    } else if (ctx.keyFrom !== NO_KEY && ctx.keyTo > ctx.keyFrom) {
      if (!decode) decode = literalScan.backslash || keyMayMatter(text, ctx.keyFrom, ctx.keyTo);
      if (decode) key = text.slice(ctx.keyFrom, ctx.keyTo);
    }
    const info: Previous = this.prev ?? { start, end, kind: undefined, readerState, format: undefined, text: undefined };
    info.start = start;
    info.end = end;
    info.kind = ctx.kind;
    info.readerState = readerState;
    info.format = ctx.format;
    info.text = undefined;
    this.prev = info;
    if (!decode) return;
    if (!ctx.kind && !key && !mentionsMongo) return;
    const after = literalReaderState();
    setLiteralReaderState(readerState);
    const lit = this.lang.literals.read(text, start)!;
    setLiteralReaderState(after);
    let d = lit.d;
    if (ctx.format) d = formatPlaceholders(d, ctx.format);
    info.text = d.text;
    if (key && !ctx.kind && /^[A-Z][A-Z0-9_]*$/.test(d.text)) return; // the name of a variable, not its value
    emitString(this.out, d, lit.syntax, { path: key ? [key] : [], linesAreText: true, kind: ctx.kind, fragment: ctx.fragment || undefined });
  }
}

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB || c === LINE_FEED || c === CARRIAGE_RETURN;
}

/** The end of the word going on at i. */
function wordEnd(text: string, i: number): number {
  while (i < text.length && isIdentPart(text.charCodeAt(i))) i++;
  return i;
}

export function extractSourceStrings(text: string, languageId: string): EmbeddedValue[] {
  const lang = LANGUAGES[languageId];
  resetLiteralReaders();
  return lang ? new SourceScanner(text, lang).run() : [];
}
