/**
 * The progress line of mongodb-uri-lint (`Checked 5,200 of 15,279 files…` on stderr), on a stand-in
 * stream and a clock the test moves by hand: shown on a terminal for long runs only, rewritten in place,
 * kept below the notices, cleared at the end, and never written anywhere else. And how many threads a run
 * gets.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Progress, PROGRESS_AFTER, PROGRESS_FILES } from '../../server/src/cli/progress';
import { parseArgs, UsageError } from '../../server/src/cli/args';
import { threadsFor } from '../../server/src/cli/pool';

class Stream {
  written = '';
  constructor(readonly isTTY: boolean) {}
  write(text: string): boolean {
    this.written += text;
    return true;
  }
  /** What a terminal shows: each `\r` goes back to the start of the line, and what follows overwrites it. */
  get screen(): string {
    const lines = [''];
    for (const part of this.written.split(/(\r|\n)/)) {
      if (part === '\n') lines.push('');
      else if (part === '\r') lines[lines.length - 1] = '\u0000' + lines[lines.length - 1];
      else if (part !== '') {
        const line = lines[lines.length - 1];
        const at = line.lastIndexOf('\u0000');
        const head = line.slice(0, at + 1);
        const rest = line.slice(at + 1);
        lines[lines.length - 1] = head + part + rest.slice(part.length);
      }
    }
    return lines.map((l) => l.replace(/\u0000/g, '').trimEnd()).join('\n');
  }
}

describe('the progress line', () => {
  test('a run of many files shows it from the start, rewritten in place, and clears it', () => {
    let now = 0;
    const stream = new Stream(true);
    const p = new Progress(stream, 15_279, () => now);
    p.update(1);
    assert.equal(stream.screen, 'Checked 1 of 15,279 files…');
    now += 50;
    p.update(2);
    assert.equal(stream.screen, 'Checked 1 of 15,279 files…', 'not redrawn more than ten times a second');
    now += 100;
    p.update(5_200);
    assert.equal(stream.screen, 'Checked 5,200 of 15,279 files…');
    assert.ok(!stream.written.includes('\n'), 'one line, rewritten');
    now += 1000;
    p.update(15_279);
    p.clear();
    assert.equal(stream.screen, '');
    assert.match(stream.written, /\r +\r$/);
  });

  test('a small run shows it only once it takes long', () => {
    let now = 0;
    const stream = new Stream(true);
    const p = new Progress(stream, PROGRESS_FILES, () => now);
    p.update(10);
    now += PROGRESS_AFTER - 1;
    p.update(20);
    assert.equal(stream.written, '');
    now += 1;
    p.update(30);
    assert.equal(stream.screen, 'Checked 30 of 1,000 files…');
    p.clear();
    assert.equal(stream.screen, '');
  });

  test('notices go above it, and it comes back below them', () => {
    let now = 0;
    const stream = new Stream(true);
    const p = new Progress(stream, 2000, () => now);
    p.update(1_234);
    p.notice('a.bin: skipped: a binary file (it contains NUL bytes)\n');
    assert.equal(stream.screen, 'a.bin: skipped: a binary file (it contains NUL bytes)\nChecked 1,234 of 2,000 files…');
    now += 200;
    p.update(2_000);
    p.clear();
    assert.equal(stream.screen, 'a.bin: skipped: a binary file (it contains NUL bytes)\n');
  });

  test('not a terminal: nothing but the notices, ever', () => {
    let now = 0;
    const stream = new Stream(false);
    const p = new Progress(stream, 50_000, () => now);
    for (let i = 1; i <= 50_000; i += 997) {
      now += 300;
      p.update(i);
    }
    p.notice('x: skipped\n');
    p.clear();
    assert.equal(stream.written, 'x: skipped\n');
  });
});

describe('worker threads', () => {
  test('none for small runs; for large ones the main thread and a worker for every other core; --jobs workers when given', () => {
    const main = (workers: number) => ({ workers, main: true });
    assert.deepEqual(threadsFor(199, undefined, 8), main(0));
    assert.deepEqual(threadsFor(999, undefined, 8), main(0));
    assert.deepEqual(threadsFor(1000, undefined, 8), main(1));
    assert.deepEqual(threadsFor(15_000, undefined, 8), main(7));
    assert.deepEqual(threadsFor(15_000, undefined, 2), main(1));
    assert.deepEqual(threadsFor(15_000, undefined, 1), main(0));
    assert.deepEqual(threadsFor(10, 1, 8), main(0));
    assert.deepEqual(threadsFor(10, 4, 1), { workers: 4, main: false });
    assert.deepEqual(threadsFor(3, 4, 8), { workers: 3, main: false });
    assert.deepEqual(threadsFor(1, 4, 8), main(0));
  });

  test('--jobs takes a whole number of 1 or more', () => {
    assert.equal(parseArgs(['--jobs', '3', '.']).jobs, 3);
    assert.equal(parseArgs(['-j', '1', '.']).jobs, 1);
    assert.equal(parseArgs(['.']).jobs, undefined);
    assert.throws(() => parseArgs(['--jobs', '0', '.']), UsageError);
    assert.throws(() => parseArgs(['--jobs', 'many', '.']), UsageError);
    assert.equal(parseArgs(['--no-ignore', '--no-prefilter', '.']).ignore, false);
    assert.equal(parseArgs(['--no-ignore', '--no-prefilter', '.']).prefilter, false);
  });
});
