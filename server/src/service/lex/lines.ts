/**
 * Lines of a text, for messages and places in other documents: the 1-based line of an offset, and its
 * 0-based line and character as LSP counts them. The index of line starts is made when first asked for.
 */
import type { TextPosition } from '../api';

export class LineIndex {
  private starts: number[] | undefined;

  constructor(private readonly text: string) {}

  /** The 1-based line of an offset. */
  lineOf(offset: number): number {
    if (!this.starts) {
      const starts = [0];
      for (let i = this.text.indexOf('\n'); i >= 0; i = this.text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.starts = starts;
    }
    const s = this.starts;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /** The 0-based line and character of an offset. */
  positionOf(offset: number): TextPosition {
    const line = this.lineOf(offset) - 1;
    return { line, character: offset - this.starts![line]! };
  }
}
