/**
 * The progress line of a long run, `Checked 5,200 of 15,279 files…`, rewritten in place on a terminal
 * and cleared at the end. Never written when the stream is not a terminal (pipes, files, CI logs).
 * Notices written while it shows go above it.
 */

/** The part of a stream the line needs (process.stderr, or a stand-in in tests). */
export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

/** Runs of more files than this show the line from the start; smaller ones once they take long. */
export const PROGRESS_FILES = 1000;
/** Milliseconds after which any run shows the line. */
export const PROGRESS_AFTER = 1000;
/** Milliseconds between two redraws at most. */
const REDRAW_EVERY = 100;

const count = (n: number): string => n.toLocaleString('en-US');

export class Progress {
  private readonly started: number;
  private shown = '';
  private drawnAt = -Infinity;
  private done = 0;

  constructor(
    private readonly stream: ProgressStream,
    private readonly total: number,
    private readonly now: () => number = Date.now,
  ) {
    this.started = now();
  }

  /** `done` files of the total are checked. */
  update(done: number): void {
    this.done = done;
    if (!this.stream.isTTY) return;
    const t = this.now();
    if (this.shown === '' && this.total <= PROGRESS_FILES && t - this.started < PROGRESS_AFTER) return;
    if (t - this.drawnAt < REDRAW_EVERY) return;
    this.draw(t);
  }

  /** Writes a line of text (ending in a line break) above the progress line. */
  notice(text: string): void {
    if (this.shown === '') {
      this.stream.write(text);
      return;
    }
    this.stream.write(`\r${' '.repeat(this.shown.length)}\r${text}`);
    this.shown = '';
    this.draw(this.now());
  }

  /** Removes the line, if it shows. */
  clear(): void {
    if (this.shown === '') return;
    this.stream.write(`\r${' '.repeat(this.shown.length)}\r`);
    this.shown = '';
  }

  private draw(t: number): void {
    const line = `Checked ${count(this.done)} of ${count(this.total)} files…`;
    // Padded to the width of the line before, so that no character of it is left over.
    this.stream.write(`\r${line.padEnd(this.shown.length)}`);
    this.shown = line;
    this.drawnAt = t;
  }
}
