/**
 * A cursor over a text for scanners that read one character at a time: look ahead with `peek`, move
 * with `advance*`. Characters are UTF-16 code units (`charCodeAt`); past the end, `peek` gives 0.
 */
import { LINE_FEED } from './chars';

export class CharStream {
  pos: number;

  constructor(
    readonly text: string,
    from = 0,
    readonly end: number = text.length,
  ) {
    this.pos = from;
  }

  eos(): boolean {
    return this.pos >= this.end;
  }

  /** The character `n` after the current one (0 past the end). */
  peek(n = 0): number {
    const p = this.pos + n;
    return p < this.end ? this.text.charCodeAt(p) : 0;
  }

  advance(n: number): void {
    this.pos = Math.min(this.pos + n, this.end);
  }

  /** Moves past `c` when it is the current character. */
  advanceIfChar(c: number): boolean {
    if (this.peek() !== c) return false;
    this.pos++;
    return true;
  }

  /** Moves past `s` when the text goes on with it here. */
  advanceIf(s: string): boolean {
    if (this.pos + s.length > this.end || !this.text.startsWith(s, this.pos)) return false;
    this.pos += s.length;
    return true;
  }

  /** Moves past the characters for which `test` holds; returns how many. */
  advanceWhile(test: (c: number) => boolean): number {
    const from = this.pos;
    while (this.pos < this.end && test(this.text.charCodeAt(this.pos))) this.pos++;
    return this.pos - from;
  }

  /** Moves just past the next `s` (true), or to the end when there is none (false). */
  advancePast(s: string): boolean {
    const at = this.text.indexOf(s, this.pos);
    if (at < 0 || at + s.length > this.end) {
      this.pos = this.end;
      return false;
    }
    this.pos = at + s.length;
    return true;
  }

  /** Moves to the line feed that ends the current line (or the end). */
  advanceToLineEnd(): void {
    const at = this.text.indexOf('\n', this.pos);
    this.pos = at < 0 || at > this.end ? this.end : at;
  }

  /** The number of line feeds in [from, to). */
  linesIn(from: number, to: number): number {
    let lines = 0;
    for (let k = from; k < to; k++) if (this.text.charCodeAt(k) === LINE_FEED) lines++;
    return lines;
  }
}
