/**
 * String literals in program source: JavaScript/TypeScript, Python, Go, Java, Kotlin, C#, Ruby, PHP.
 * Comments are skipped (connection strings mentioned in them are still found), so are JavaScript and
 * Ruby regular expressions; heredocs are searched for mentions. Each literal is taken as a connection
 * string by its scheme, by the key it is assigned to, or as a database or collection name by the
 * driver call it is passed to. One forward pass.
 */
import { EmbeddedValue } from '../api';
import { isIdentPart } from '../lex/identifiers';
import { emitString, MongoFinder } from './detect';
import { keyMayMatter } from './keys';
import { KEY_IS_PREVIOUS, literalContext, newLiteralContext, NO_KEY, PreviousLiteral, pythonJoined } from './codeContext';
import { isBlank } from './codeWindow';
import { joinConcatenation } from './codeConcatenation';
import { formatPlaceholders } from './codeFormats';
import { literalScan } from './codeLiterals';
import { literalReaderState, resetLiteralReaders, setLiteralReaderState } from './codeBodies';
import { CodeLanguage, codeLanguage, commentEnd } from './codeLanguages';
import { PendingHeredocs } from './codeHeredocs';
import { regexEnd, regexMayStart, WORD } from './codeRegexes';
import { findUriTokens } from './plainText';
import { DOLLAR, EQUALS, LESS_THAN, LINE_FEED, QUOTE, SEMICOLON, SLASH } from '../lex/chars';

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
  private readonly heredocs = new PendingHeredocs();
  /** The end of the last token: plain code runs from there to the next stop. */
  private last = 0;
  /** What the last token left for deciding whether a `/` starts a regular expression (a character, or WORD). */
  private sig = SEMICOLON; // a regular expression may start here
  private wordStart = 0;
  private wordEnd = 0;
  /** The first occurrence of each stop character at or after the last position searched from (text.length: none). */
  private readonly nextAt: number[];
  /** The first line break at or after the last position searched from, while heredocs are pending. */
  private nextLineBreak = -1;

  constructor(private readonly text: string, private readonly lang: CodeLanguage) {
    this.mongo = new MongoFinder(text);
    this.nextAt = lang.stops.map(() => -1);
  }

  /** Connection strings mentioned in text[from, to) (a comment, a heredoc body). */
  mentions(from: number, to: number, comment = false): void {
    if (!this.mongo.within(from, to)) return;
    for (const [a, b] of findUriTokens(this.text, from, to)) this.out.push({ kind: 'uri', text: this.text.slice(a, b), start: a, syntax: 'raw', ...(comment ? { comment } : {}) });
  }

  run(): EmbeddedValue[] {
    const n = this.text.length;
    let i = 0;
    while (i < n) {
      const at = this.nextStop(i);
      if (at >= n) break;
      i = this.token(at);
    }
    return this.out;
  }

  /**
   * The first stop at or after i (text.length when there is none): a character where something may
   * start, or the line break after heredoc openers. One indexOf per occurrence of each stop character.
   */
  private nextStop(i: number): number {
    const { text, nextAt } = this;
    const stops = this.lang.stops;
    const n = text.length;
    let at = n;
    for (let k = 0; k < stops.length; k++) {
      let p = nextAt[k];
      if (p < i) {
        p = text.indexOf(stops[k], i);
        nextAt[k] = p = p < 0 ? n : p;
      }
      if (p < at) at = p;
    }
    if (this.heredocs.count > 0) {
      if (this.nextLineBreak < i) {
        this.nextLineBreak = text.indexOf('\n', i);
        if (this.nextLineBreak < 0) this.nextLineBreak = n;
      }
      if (this.nextLineBreak < at) at = this.nextLineBreak;
    }
    return at;
  }

  /** Reads what starts at the stop i; returns where plain code goes on. */
  private token(i: number): number {
    const { text, lang } = this;
    const c = text.charCodeAt(i);
    if (c === LINE_FEED) {
      const e = this.heredocs.skipBodies(text, i + 1, this);
      this.quietToken(i, e);
      return e;
    }
    const e = commentEnd(text, i, c, lang);
    if (e >= 0) {
      this.quietToken(i, e);
      this.mentions(i, e, true);
      return e;
    }
    if (c === EQUALS) return i + 1;
    // A `$` inside a word (C#): the word goes on.
    if (c === DOLLAR && !lang.letterPrefixes && lang.sigilPrefixes && i > this.last && isIdentPart(text.charCodeAt(i - 1))) return wordEnd(text, i);
    const end = this.literalAt(i);
    if (end >= 0) return end;
    if (lang.heredoc && c === LESS_THAN) {
      const h = this.heredocs.open(text, i, lang.heredoc);
      if (h >= 0) return this.afterLiteral(h);
    }
    if (lang.regex && c === SLASH) {
      const r = this.regexAt(i);
      if (r >= 0) return r;
    }
    // A `$` starting a word (C#) that starts no literal: the word goes on.
    return c === DOLLAR ? wordEnd(text, i) : i + 1;
  }

  /**
   * Reads the string literal at the stop i, from its prefix when it has one; returns where code goes
   * on after it, or -1 when none starts there.
   */
  private literalAt(i: number): number {
    const { text } = this;
    const literals = this.lang.literals;
    let start = this.lang.letterPrefixes ? this.prefixStart(i) : i;
    const before = literalReaderState();
    let end = literals.end(text, start);
    if (end < 0 && start < i) {
      start = i;
      end = literals.end(text, i);
    }
    if (end < 0) return -1;
    if (!literalScan.ignore) this.literal(start, end, before);
    return this.afterLiteral(Math.max(end, start + 1));
  }

  /** `rb"…"`: the start of a word of one or two letters just before the quote at i (a longer word is not a prefix), or i. */
  private prefixStart(i: number): number {
    const text = this.text;
    let k = i;
    while (k > this.last && i - k < 3 && isIdentPart(text.charCodeAt(k - 1))) k--;
    return k < i && i - k < 3 && (k === this.last || !isIdentPart(text.charCodeAt(k - 1))) ? k : i;
  }

  /** Reads the regular expression at the `/` at i when one may start there; returns where code goes on after it, or -1. */
  private regexAt(i: number): number {
    this.settleSig(i);
    if (!regexMayStart(this.text, this.sig, this.wordStart, this.wordEnd)) return -1;
    const e = regexEnd(this.text, i);
    return e > 0 ? this.afterLiteral(e) : -1;
  }

  /** Code goes on at i after a literal (a string, a regular expression, a heredoc opener), where a `/` divides; returns i. */
  private afterLiteral(i: number): number {
    this.sig = QUOTE;
    this.last = i;
    return i;
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

  /** Makes the literal text[start, end), read with `readerState`, the previous one (one object, reused). */
  private remember(start: number, end: number, readerState: number): Previous {
    const info: Previous = this.prev ?? { start, end, kind: undefined, readerState, format: undefined, text: undefined };
    info.start = start;
    info.end = end;
    info.kind = this.ctx.kind;
    info.readerState = readerState;
    info.format = this.ctx.format;
    info.text = undefined;
    this.prev = info;
    return info;
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
    const info = this.remember(start, end, readerState);
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
    let fragment = ctx.fragment;
    // A literal that starts a concatenation and mentions mongo: the chain, joined, is the value.
    if (fragment && mentionsMongo && !ctx.format && !ctx.continues) {
      const chain = joinConcatenation(text, end, this.lang, d, (e, q) => pythonJoined(text, start, e, q, ctx.charBefore));
      if (chain) {
        d = chain;
        fragment = false;
      }
    }
    emitString(this.out, d, lit.syntax, { path: key ? [key] : [], linesAreText: true, kind: ctx.kind, fragment: fragment || undefined });
  }
}

/** The end of the word going on at i. */
function wordEnd(text: string, i: number): number {
  while (i < text.length && isIdentPart(text.charCodeAt(i))) i++;
  return i;
}

export function extractSourceStrings(text: string, languageId: string): EmbeddedValue[] {
  const lang = codeLanguage(languageId);
  resetLiteralReaders();
  return lang ? new SourceScanner(text, lang).run() : [];
}
