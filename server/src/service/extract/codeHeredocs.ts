/**
 * Heredocs of Ruby (`<<~ID`, `<<-ID`, `<<ID`) and PHP (`<<<ID`, `<<<"ID"`, `<<<'ID'`): their openers,
 * and the bodies that follow the line that opens them, which the source scanner skips after
 * searching them for connection strings.
 */
import { isIdentPart, isIdentStart } from '../lex/identifiers';
import { lineEnd, nextLine } from './decoded';
import { SPACE, TAB } from '../lex/chars';

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

/** Where the text of heredoc bodies goes. */
export interface BodySink {
  mentions(from: number, to: number): void;
}

/** The heredocs opened on the line being read, whose bodies start on the next line. */
export class PendingHeredocs {
  private list: Array<{ id: string; indented: boolean }> = [];

  get count(): number {
    return this.list.length;
  }

  /** Reads a heredoc opener at i (a `<`) in `style`; returns where it ends, or -1 when none is there. */
  open(text: string, i: number, style: 'ruby' | 'php'): number {
    const h = heredocOpener(text, i, style);
    if (!h) return -1;
    this.list.push({ id: h.id, indented: h.indented });
    return h.end;
  }

  /**
   * Skips the bodies of the pending heredocs, the first starting at `i` (after the line break that
   * ends their opening line), giving each body to `sink`; returns where code goes on.
   */
  skipBodies(text: string, i: number, sink: BodySink): number {
    for (const h of this.list) {
      const from = i;
      let closed = false;
      while (i < text.length) {
        const e = lineEnd(text, i);
        let s = i;
        if (h.indented) while (s < e && (text.charCodeAt(s) === SPACE || text.charCodeAt(s) === TAB)) s++;
        const done = text.startsWith(h.id, s) && !isIdentPart(text.charCodeAt(s + h.id.length));
        if (done) {
          sink.mentions(from, i);
          i = s + h.id.length;
          closed = true;
          break;
        }
        i = nextLine(text, e);
      }
      // A body without its terminator runs to the end (a terminator at the very end is no such body).
      if (!closed) sink.mentions(from, text.length);
    }
    this.list = [];
    return i;
  }
}
