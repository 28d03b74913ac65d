/**
 * String literals in program source: JavaScript/TypeScript, Python, Go, Java, Kotlin, C#, Ruby, PHP.
 * Comments are skipped (connection strings mentioned in them are still found), so are JavaScript and
 * Ruby regular expressions; heredocs are searched for mentions. Each literal is taken as a connection
 * string by its scheme, by the key it is assigned to, or as a database or collection name by the
 * driver call it is passed to. One forward pass.
 */
import { EmbeddedValue, HostSyntax } from '../../../server/src/service/types';
import { DecodedText, isLineBreak, lineEnd, nextLine } from '../../../server/src/service/extract/decoded';
import { emitString, mayMentionMongo } from '../../../server/src/service/extract/detect';
import { ContextRules, formatPlaceholders, LiteralInfo, literalContext } from './sourceOracleContext';
import {
  LiteralReader,
  readCSharpLiteral,
  readGoLiteral,
  readJavaLiteral,
  readJsLiteral,
  readKotlinLiteral,
  readPhpLiteral,
  readPythonLiteral,
  readRubyLiteral,
  resetLiteralReaders,
} from './sourceOracleLiterals';
import { findUriTokens } from '../../../server/src/service/extract/plainText';

interface CodeLanguage extends ContextRules {
  read: LiteralReader;
  /** `//` and `/* … *\/` comments. */
  slashComments?: boolean;
  /** `#` comments. */
  hashComments?: boolean;
  /** Regular expression literals (`/…/`). */
  regex?: boolean;
  /** Heredocs: `<<~ID` (Ruby) or `<<<ID` (PHP). */
  heredoc?: 'ruby' | 'php';
}

const JS: CodeLanguage = { read: readJsLiteral, slashComments: true, regex: true };

const LANGUAGES: Record<string, CodeLanguage> = {
  javascript: JS,
  javascriptreact: JS,
  typescript: JS,
  typescriptreact: JS,
  python: { read: readPythonLiteral, hashComments: true, python: true, subscripts: true },
  go: { read: readGoLiteral, slashComments: true },
  java: { read: readJavaLiteral, slashComments: true },
  kotlin: { read: readKotlinLiteral, slashComments: true },
  csharp: { read: readCSharpLiteral, slashComments: true },
  ruby: { read: readRubyLiteral, hashComments: true, regex: true, heredoc: 'ruby' },
  php: { read: readPhpLiteral, slashComments: true, hashComments: true, php: true, heredoc: 'php' },
};

export function isSourceLanguage(languageId: string): boolean {
  return LANGUAGES[languageId] !== undefined;
}

/** Words after which a `/` starts a regular expression rather than a division. */
const REGEX_AFTER_WORDS = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await', 'if', 'unless', 'when', 'and', 'or', 'not']);

function isIdentStart(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x24 || c > 0x7f;
}

function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= 0x30 && c <= 0x39);
}

/** End of a regular expression literal starting at the `/` at i, or -1 when there is none on this line. */
function regexEnd(text: string, i: number): number {
  let inClass = false;
  for (let k = i + 1; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x0a || c === 0x0d) return -1;
    if (c === 0x5c) k++;
    else if (c === 0x5b) inClass = true;
    else if (c === 0x5d) inClass = false;
    else if (c === 0x2f && !inClass) {
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

class SourceScanner {
  readonly out: EmbeddedValue[] = [];
  private prev: LiteralInfo | undefined;
  private pendingHeredocs: Array<{ id: string; indented: boolean }> = [];

  constructor(private readonly text: string, private readonly lang: CodeLanguage) {}

  private mentions(from: number, to: number, comment = false): void {
    for (const [a, b] of findUriTokens(this.text, from, to)) this.out.push({ kind: 'uri', text: this.text.slice(a, b), start: a, syntax: 'raw', ...(comment ? { comment } : {}) });
  }

  run(): EmbeddedValue[] {
    const { text, lang } = this;
    const n = text.length;
    let i = 0;
    let prevSig = 0x3b; // as after `;`: a regular expression may start
    let wordStart = 0;
    let wordEnd = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x0a && this.pendingHeredocs.length > 0) {
        i = this.heredocBodies(i + 1);
        continue;
      }
      if (c === 0x20 || c === 0x09 || isLineBreak(c)) {
        i++;
        continue;
      }
      const d = text.charCodeAt(i + 1);
      if (lang.slashComments && c === 0x2f && d === 0x2f) {
        const e = lineEnd(text, i);
        this.mentions(i, e, true);
        i = e;
        continue;
      }
      if (lang.slashComments && c === 0x2f && d === 0x2a) {
        const close = text.indexOf('*/', i + 2);
        const e = close < 0 ? n : close + 2;
        this.mentions(i, e, true);
        i = e;
        continue;
      }
      if (lang.hashComments && c === 0x23 && !(lang.php && d === 0x5b)) {
        const e = lineEnd(text, i);
        this.mentions(i, e, true);
        i = e;
        continue;
      }
      if (lang.heredoc === 'ruby' && c === 0x3d && (i === 0 || text.charCodeAt(i - 1) === 0x0a) && text.startsWith('=begin', i)) {
        const close = text.indexOf('\n=end', i);
        const e = close < 0 ? n : lineEnd(text, close + 1);
        this.mentions(i, e, true);
        i = e;
        continue;
      }
      const lit = lang.read(text, i);
      if (lit) {
        if (!lit.ignore) this.literal(lit.start, lit.end, lit.d, lit.syntax);
        i = Math.max(lit.end, i + 1);
        prevSig = 0x22;
        continue;
      }
      if (lang.heredoc && c === 0x3c) {
        const h = heredocOpener(text, i, lang.heredoc);
        if (h) {
          this.pendingHeredocs.push({ id: h.id, indented: h.indented });
          i = h.end;
          prevSig = 0x22;
          continue;
        }
      }
      if (lang.regex && c === 0x2f && this.regexAllowed(prevSig, wordStart, wordEnd)) {
        const e = regexEnd(text, i);
        if (e > 0) {
          i = e;
          prevSig = 0x22;
          continue;
        }
      }
      if (isIdentPart(c)) {
        wordStart = i;
        while (i < n && isIdentPart(text.charCodeAt(i))) i++;
        wordEnd = i;
        prevSig = 0x61; // a word
        continue;
      }
      prevSig = c;
      i++;
    }
    return this.out;
  }

  private regexAllowed(prevSig: number, wordStart: number, wordEnd: number): boolean {
    if (prevSig === 0x61) return REGEX_AFTER_WORDS.has(this.text.slice(wordStart, wordEnd));
    return prevSig !== 0x22 && prevSig !== 0x29 && prevSig !== 0x5d;
  }

  /** Skips the bodies of the heredocs opened on the line that ended just before `i`; returns where code goes on. */
  private heredocBodies(i: number): number {
    const text = this.text;
    for (const h of this.pendingHeredocs) {
      const from = i;
      while (i < text.length) {
        const e = lineEnd(text, i);
        let s = i;
        if (h.indented) while (s < e && (text.charCodeAt(s) === 0x20 || text.charCodeAt(s) === 0x09)) s++;
        const done = text.startsWith(h.id, s) && !isIdentPart(text.charCodeAt(s + h.id.length));
        if (done) {
          this.mentions(from, i);
          i = s + h.id.length;
          break;
        }
        i = nextLine(text, e);
      }
      if (i >= text.length) this.mentions(from, text.length);
    }
    this.pendingHeredocs = [];
    return i;
  }

  private literal(start: number, end: number, decoded: DecodedText, syntax: HostSyntax): void {
    const ctx = literalContext(this.text, { start, end }, this.lang, this.prev);
    let d = decoded;
    if (ctx.format) d = formatPlaceholders(d, ctx.format);
    const info: LiteralInfo = { start, end, text: d.text };
    if (ctx.kind) info.kind = ctx.kind;
    this.prev = info;
    if (!ctx.kind && !ctx.key && !mayMentionMongo(this.text, start, end)) return;
    if (ctx.key && !ctx.kind && /^[A-Z][A-Z0-9_]*$/.test(d.text)) return; // the name of a variable, not its value
    const path = ctx.key ? [ctx.key] : [];
    const before = this.out.length;
    emitString(this.out, d, syntax, { path, linesAreText: true, ...(ctx.kind ? { kind: ctx.kind } : {}), ...(ctx.fragment ? { fragment: true } : {}) });
    if (ctx.kind && this.out.length > before) info.kind = ctx.kind;
  }
}

export function extractSourceStrings(text: string, languageId: string): EmbeddedValue[] {
  const lang = LANGUAGES[languageId];
  resetLiteralReaders();
  return lang ? new SourceScanner(text, lang).run() : [];
}
