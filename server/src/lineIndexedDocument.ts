/**
 * A read-only TextDocument for very large texts: the same positions, offsets, ranges and line breaks as
 * vscode-languageserver-textdocument's, with the start of every line in one Uint32Array (4 bytes a line,
 * made in one pass) where the library keeps an array of numbers that it grows as it reads (8 bytes a
 * line, and several times that in the copies it leaves behind). A 50 MB document of a million lines
 * costs 4 MB of line starts instead of some 40 MB.
 */
import type { Position, Range, TextDocument } from 'vscode-languageserver-textdocument';

const CR = 13;
const LF = 10;

/** The offset of the start of every line of `text` (`\r\n`, `\n` and a lone `\r` end a line), in an array of their exact number. */
export function lineStarts(text: string): Uint32Array {
  const lf = text.indexOf('\r') < 0;
  /** Calls `visit` with the start of every line after the first. */
  const each = (visit: (start: number) => void) => {
    if (lf) {
      for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) visit(at + 1);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === LF) visit(i + 1);
      else if (c === CR) {
        if (i + 1 < text.length && text.charCodeAt(i + 1) === LF) i++;
        visit(i + 1);
      }
    }
  };
  let count = 1;
  each(() => count++);
  const starts = new Uint32Array(count);
  let k = 1;
  each((start) => (starts[k++] = start));
  return starts;
}

function isEOL(c: number): boolean {
  return c === CR || c === LF;
}

export class LineIndexedDocument implements TextDocument {
  private readonly starts: Uint32Array;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    readonly version: number,
    private readonly text: string,
    starts?: Uint32Array,
  ) {
    this.starts = starts ?? lineStarts(text);
  }

  /** The same document at another version (the line starts are shared). */
  withVersion(version: number): LineIndexedDocument {
    return new LineIndexedDocument(this.uri, this.languageId, version, this.text, this.starts);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  getText(range?: Range): string {
    if (!range) return this.text;
    return this.text.substring(this.offsetAt(range.start), this.offsetAt(range.end));
  }

  positionAt(offset: number): Position {
    offset = Math.max(Math.min(offset, this.text.length), 0);
    const starts = this.starts;
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (starts[mid] > offset) high = mid;
      else low = mid + 1;
    }
    const line = low - 1;
    return { line, character: this.beforeEOL(offset, starts[line]) - starts[line] };
  }

  offsetAt(position: Position): number {
    const starts = this.starts;
    if (position.line >= starts.length) return this.text.length;
    if (position.line < 0) return 0;
    const start = starts[position.line];
    if (position.character <= 0) return start;
    const next = position.line + 1 < starts.length ? starts[position.line + 1] : this.text.length;
    return this.beforeEOL(Math.min(start + position.character, next), start);
  }

  getLineRange(line: number): Range {
    const starts = this.starts;
    if (line >= starts.length) {
      const last = starts.length - 1;
      return { start: { line: last, character: 0 }, end: { line: last, character: this.text.length - starts[last] } };
    }
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const next = line + 1 < starts.length ? starts[line + 1] : this.text.length;
    return { start: { line, character: 0 }, end: { line, character: this.beforeEOL(next, starts[line]) - starts[line] } };
  }

  getEOLCharacters(line: number): string {
    const starts = this.starts;
    if (line >= starts.length || line < 0) return '';
    const next = line + 1 < starts.length ? starts[line + 1] : this.text.length;
    return this.text.substring(this.beforeEOL(next, starts[line]), next);
  }

  /** The offset moved back before the line break it follows, not before the line's start. */
  private beforeEOL(offset: number, lineStart: number): number {
    while (offset > lineStart && isEOL(this.text.charCodeAt(offset - 1))) offset--;
    return offset;
  }
}
