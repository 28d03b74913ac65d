/**
 * Checking files on worker threads: the main thread hands out runs of consecutive files, smaller ones
 * as the end nears, and gets each run's results back by index, so that the report is the one a single
 * thread would print. A worker that stops (an uncaught error, an exit) does not stop the run: the
 * files of its run are checked again one at a time on a new worker, so that the one that stops workers
 * is named and reported as not checked. When workers keep stopping, the files left are handed back.
 */
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { Settings } from '../service/api';
import { describeError } from '../redact';
import { FileChecker, type FileResult } from './lint';

/**
 * A pool pays off from this many files per worker: a worker takes tens of milliseconds to start, and
 * most files are ruled out by the prefilter in a few microseconds.
 */
const FILES_PER_WORKER = 250;

/** How many worker threads check `files` files (0: the main thread checks them); `jobs` is --jobs. */
export function workerCount(files: number, jobs: number | undefined, cores = availableParallelism()): number {
  const wanted = jobs ?? Math.min(cores, Math.floor(files / FILES_PER_WORKER));
  const workers = Math.min(wanted, files);
  return workers >= 2 ? workers : 0;
}

/** What a worker is started with (structured-cloned). */
export interface WorkerInit {
  settings: Settings;
  prefilter: boolean;
}

/** The key of workerData that marks a thread as a checker of this pool. */
const WORKER_KEY = 'mongodb-uri-lint worker';

interface Task {
  id: number;
  files: string[];
}

interface Done {
  id: number;
  results: FileResult[];
}

/** True in a thread started by checkInWorkers. */
export function isPoolWorker(): boolean {
  return !isMainThread && parentPort !== null && typeof workerData === 'object' && workerData !== null && WORKER_KEY in workerData;
}

/** The loop of a worker: check the files of each task, post their results. */
export function serveAsWorker(): void {
  const init = (workerData as Record<string, WorkerInit>)[WORKER_KEY];
  const checker = new FileChecker(init.settings, init.prefilter);
  const port = parentPort;
  if (!port) return;
  port.on('message', (task: Task) => {
    const done: Done = { id: task.id, results: task.files.map((f) => checker.lintFile(f)) };
    port.postMessage(done);
  });
}

export interface PoolOutcome {
  /** Indices of files no worker checked (workers kept stopping), for the caller to check. */
  unfinished: number[];
  /** Why, when some are unfinished. */
  reason?: string;
}

/** Runs of at most this many files; near the end smaller, so that the workers finish together. */
const MAX_RUN = 256;

/**
 * Checks `files` on `count` worker threads running `script` (this bundle). `onResult` gets every result,
 * in the order they come; the promise resolves once every file has a result or was given up on.
 */
export function checkInWorkers(
  script: string,
  files: readonly string[],
  init: WorkerInit,
  count: number,
  onResult: (index: number, result: FileResult) => void,
): Promise<PoolOutcome> {
  return new Promise((resolve) => {
    let next = 0;
    /** Files of runs whose worker stopped, to check again one at a time. */
    const alone: number[] = [];
    let finished = 0;
    let ended = false;
    let restarts = 0;
    const maxRestarts = count + 8;
    let lastReason = '';
    let taskIds = 0;
    const workers = new Set<Worker>();

    const end = (outcome: PoolOutcome): void => {
      if (ended) return;
      ended = true;
      for (const w of workers) void w.terminate();
      resolve(outcome);
    };
    const hasWork = (): boolean => alone.length > 0 || next < files.length;
    const take = (): { indices: number[]; alone: boolean } | undefined => {
      if (alone.length > 0) return { indices: [alone.shift() as number], alone: true };
      if (next >= files.length) return undefined;
      const size = Math.max(1, Math.min(MAX_RUN, Math.ceil((files.length - next) / (count * 4))));
      const indices: number[] = [];
      for (let i = next; i < next + size && i < files.length; i++) indices.push(i);
      next += indices.length;
      return { indices, alone: false };
    };

    const start = (): void => {
      const worker = new Worker(script, { workerData: { [WORKER_KEY]: init } });
      workers.add(worker);
      let task: { id: number; indices: number[]; alone: boolean } | undefined;
      let error: string | undefined;
      const give = (): void => {
        const t = take();
        if (!t) {
          task = undefined;
          workers.delete(worker);
          void worker.terminate();
          return;
        }
        task = { id: ++taskIds, ...t };
        const message: Task = { id: task.id, files: t.indices.map((i) => files[i]) };
        worker.postMessage(message);
      };
      worker.on('message', (done: Done) => {
        if (ended || !task || done.id !== task.id) return;
        task.indices.forEach((index, k) => onResult(index, done.results[k]));
        finished += task.indices.length;
        task = undefined;
        if (finished === files.length) end({ unfinished: [] });
        else give();
      });
      worker.on('error', (err) => {
        error = describeError(err).split('\n')[0];
      });
      worker.on('exit', (code) => {
        workers.delete(worker);
        if (ended) return;
        const stopped = task;
        task = undefined;
        if (stopped) {
          const reason = error ?? `it exited with code ${code}`;
          lastReason = reason;
          if (stopped.alone) {
            onResult(stopped.indices[0], { messages: [], failed: `the worker thread checking it stopped: ${reason}` });
            finished++;
          } else {
            alone.push(...stopped.indices);
          }
        }
        if (finished === files.length) return end({ unfinished: [] });
        if (!hasWork() || workers.size > 0 && !stopped) return;
        if (restarts < maxRestarts) {
          restarts++;
          start();
        } else if (workers.size === 0) {
          const unfinished = [...alone];
          for (let i = next; i < files.length; i++) unfinished.push(i);
          end({ unfinished: unfinished.sort((a, b) => a - b), reason: lastReason });
        }
      });
      give();
    };

    for (let k = 0; k < count; k++) start();
  });
}
