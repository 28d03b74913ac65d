/**
 * Shell scripts: words (see shellWords.ts) are decoded as the shell reads them, `NAME=value` words give
 * the key, `$VAR` and `${VAR}` stay as placeholders and `$(cmd)` and `` `cmd` `` read as `${cmd}`.
 * Comments and heredoc bodies are searched for mentions.
 */
import { EmbeddedValue, HostSyntax } from '../api';
import { DecodedBuilder, DecodedText, indexOfIn, lineEnd, nextLine, subDecoded } from './decoded';
import { emitString, mayMentionMongo } from './detect';
import { classifyKeyPath } from './keys';
import { findUriTokens } from './plainText';
import { isWordEnd, ShellWords, SyntaxMarks } from './shellWords';
import { HASH, LESS_THAN, LINE_FEED } from '../lex/chars';

const ASSIGNMENT = /^(-{0,2}[A-Za-z_][A-Za-z0-9_.-]*)=/;

/** Reads a shell script word by word, with its comments and heredocs. */
class ShellScanner {
  readonly out: EmbeddedValue[] = [];
  private readonly words: ShellWords;
  /** The heredocs opened on the line being read, whose bodies start on the next line. */
  private readonly heredocs: Array<{ id: string; strip: boolean }> = [];

  constructor(private readonly text: string) {
    this.words = new ShellWords(text);
  }

  run(): EmbeddedValue[] {
    const text = this.text;
    let i = 0;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === LINE_FEED && this.heredocs.length > 0) i = this.heredocBodies(i + 1);
      else if (isWordEnd(c)) i = this.operator(i, c);
      else if (c === HASH /* # */) i = this.comment(i);
      else i = this.word(i);
    }
    return this.out;
  }

  private mentions(from: number, to: number, comment = false): void {
    const text = this.text;
    for (const [a, b] of findUriTokens(text, from, to)) this.out.push({ kind: 'uri', text: text.slice(a, b), start: a, syntax: 'raw', ...(comment ? { comment } : {}) });
  }

  /** A blank or an operator character `c` at i, or a heredoc opener (`<<EOF`, `<<-'EOF'`); returns where to go on. */
  private operator(i: number, c: number): number {
    const text = this.text;
    if (c === LESS_THAN && text.charCodeAt(i + 1) === LESS_THAN && text.charCodeAt(i + 2) !== LESS_THAN) {
      const m = /^<<(-?)\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\2/.exec(text.slice(i, i + 80));
      if (m) {
        this.heredocs.push({ id: m[3], strip: m[1] === '-' });
        return i + m[0].length;
      }
    }
    return i + 1;
  }

  /** Skips the bodies of the pending heredocs, the first starting at i, searching them for mentions; returns where code goes on. */
  private heredocBodies(i: number): number {
    const text = this.text;
    for (const h of this.heredocs) {
      const from = i;
      let closed = false;
      while (i < text.length) {
        const e = lineEnd(text, i);
        const line = text.slice(i, e);
        if ((h.strip ? line.replace(/^\t+/, '') : line) === h.id) {
          this.mentions(from, i);
          i = e;
          closed = true;
          break;
        }
        i = nextLine(text, e);
      }
      // A body without its terminator runs to the end (a terminator on the last line is no such body).
      if (!closed) this.mentions(from, text.length);
    }
    this.heredocs.length = 0;
    return i;
  }

  /** The comment at the `#` at i; returns its end. */
  private comment(i: number): number {
    const e = lineEnd(this.text, i);
    this.mentions(i, e, true);
    return e;
  }

  /** The word at i: decoded and reported when it may be worth it; returns where to go on. */
  private word(i: number): number {
    const text = this.text;
    const end = this.words.end(i);
    if (mayMentionMongo(text, i, end) || keyMatters(text, i, end)) {
      const b = new DecodedBuilder(text, i);
      const syntaxAt: SyntaxMarks = [];
      this.words.decode(i, b, syntaxAt);
      const d = b.finish(b.size > 0 ? b.lastEnd : end);
      emitWord(this.out, d, syntaxAt);
    }
    return Math.max(end, i + 1);
  }
}

export function extractShell(text: string): EmbeddedValue[] {
  return new ShellScanner(text).run();
}

/** True when the word text[from, end) starts with `NAME=` and NAME says what its value is. */
function keyMatters(text: string, from: number, end: number): boolean {
  const eq = indexOfIn(text, 0x3d, from, Math.min(end, from + 128));
  if (eq < 0) return false;
  const assignment = ASSIGNMENT.exec(text.slice(from, eq + 1));
  return assignment !== null && classifyKeyPath([assignment[1].replace(/^-+/, '')]) !== undefined;
}

function syntaxAtOffset(syntaxAt: SyntaxMarks, k: number): HostSyntax {
  let s: HostSyntax = 'shell-unquoted';
  for (const [at, syntax] of syntaxAt) {
    if (at > k) break;
    s = syntax;
  }
  return s;
}

function emitWord(out: EmbeddedValue[], d: DecodedText, syntaxAt: SyntaxMarks): void {
  const m = ASSIGNMENT.exec(d.text.length > 128 ? d.text.slice(0, 128) : d.text);
  if (m) {
    const k = m[0].length;
    emitString(out, subDecoded(d, k, d.text.length), syntaxAtOffset(syntaxAt, k), { path: [m[1].replace(/^-+/, '')] });
    return;
  }
  emitString(out, d, syntaxAtOffset(syntaxAt, 0), {});
}
