/**
 * Bare work of the CLI budget (4): a Node.js program that looks into every file of a tree and does
 * nothing else. It walks the tree as the CLI does (no symbolic links; the bench tree has nothing
 * hidden), reads each file into one buffer, and tests its bytes, read as latin1, with one `/mongo/i`.
 * The CLI reads every file too, and does much more with what it reads.
 *
 *   node bench/out/readTree.js <dir> <threads>
 *
 * Prints `<files> <files that say mongo>` on standard output. With more than one thread, the main thread
 * walks the tree and worker threads read and test every `threads`-th file each.
 */
import { closeSync, openSync, readdirSync, readSync } from 'node:fs';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

const MONGO = /mongo/i;

function filesUnder(dir: string, out: string[]): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = `${dir}/${entry.name}`;
    if (entry.isDirectory()) filesUnder(file, out);
    else if (entry.isFile()) out.push(file);
  }
  return out;
}

/** How many of `files` say "mongo" in any letter case. */
function countMentions(files: readonly string[]): number {
  let buffer = Buffer.allocUnsafe(1 << 20);
  let mentions = 0;
  for (const file of files) {
    const fd = openSync(file, 'r');
    try {
      // A regular file reads short only at its end: one read for most files.
      let length = readSync(fd, buffer, 0, buffer.length, 0);
      while (length === buffer.length) {
        const bigger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(bigger);
        buffer = bigger;
        length += readSync(fd, buffer, length, buffer.length - length, length);
      }
      if (MONGO.test(buffer.toString('latin1', 0, length))) mentions++;
    } finally {
      closeSync(fd);
    }
  }
  return mentions;
}

function main(): void {
  const [dir, threadsArg] = process.argv.slice(2);
  const threads = Math.max(1, Number(threadsArg ?? '1') | 0);
  const files = filesUnder(dir, []);
  if (threads === 1) {
    process.stdout.write(`${files.length} ${countMentions(files)}\n`);
    return;
  }
  let mentions = 0;
  let finished = 0;
  for (let k = 0; k < threads; k++) {
    const worker = new Worker(__filename, { workerData: files.filter((_, i) => i % threads === k) });
    worker.on('message', (n: number) => {
      mentions += n;
      if (++finished === threads) process.stdout.write(`${files.length} ${mentions}\n`);
    });
    worker.on('error', (err) => {
      console.error(err);
      process.exitCode = 1;
    });
  }
}

if (isMainThread) main();
else parentPort?.postMessage(countMentions(workerData as string[]));
