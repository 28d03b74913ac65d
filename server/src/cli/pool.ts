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
 * A pool pays off from this many files per worker: a worker takes some 40 ms of a core to start, and
 * most files are ruled out by the prefilter in tens of microseconds.
 */
export const FILES_PER_WORKER = 500;

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

interface Slot {
  worker: Worker;
  /** The files it checks now. */
  task?: { id: number; indices: number[]; alone: boolean };
  /** Its uncaught error, when it had one. */
  error?: string;
}

/** One run of the pool over a list of files. */
interface Run {
  files: readonly string[];
  count: number;
  onResult: (index: number, result: FileResult) => void;
  resolve: (outcome: PoolOutcome) => void;
  next: number;
  /** Files of runs whose worker stopped, to check again one at a time. */
  alone: number[];
  finished: number;
  restarts: number;
  lastReason: string;
}

/**
 * Worker threads running `script` (this bundle), each with a FileChecker of its own. Workers can be
 * started before the files are known (`grow`, while the folders are walked), then `check` hands the
 * files out; `stop` ends the workers of a run that turned out small.
 */
export class WorkerPool {
  private readonly slots = new Set<Slot>();
  private run: Run | undefined;
  private taskIds = 0;

  constructor(
    private readonly script: string,
    private readonly init: WorkerInit,
  ) {}

  /** Starts workers up to `count`. */
  grow(count: number): void {
    while (this.slots.size < count) this.start();
  }

  stop(): void {
    for (const slot of this.slots) void slot.worker.terminate();
    this.slots.clear();
  }

  /**
   * Checks `files` on `count` workers. `onResult` gets every result, in the order they come; the promise
   * resolves once every file has a result or was given up on, and the workers are stopped then.
   */
  check(files: readonly string[], count: number, onResult: (index: number, result: FileResult) => void): Promise<PoolOutcome> {
    return new Promise((resolve) => {
      if (files.length === 0) {
        this.stop();
        resolve({ unfinished: [] });
        return;
      }
      this.run = { files, count, onResult, resolve, next: 0, alone: [], finished: 0, restarts: 0, lastReason: '' };
      this.grow(count);
      for (const slot of [...this.slots]) if (!slot.task) this.give(slot);
    });
  }

  private start(): void {
    const slot: Slot = { worker: new Worker(this.script, { workerData: { [WORKER_KEY]: this.init } }) };
    this.slots.add(slot);
    slot.worker.on('message', (done: Done) => this.done(slot, done));
    slot.worker.on('error', (err) => {
      slot.error = describeError(err).split('\n')[0];
    });
    slot.worker.on('exit', (code) => this.exited(slot, code));
    if (this.run) this.give(slot);
  }

  private take(run: Run): { indices: number[]; alone: boolean } | undefined {
    if (run.alone.length > 0) return { indices: [run.alone.shift() as number], alone: true };
    if (run.next >= run.files.length) return undefined;
    const size = Math.max(1, Math.min(MAX_RUN, Math.ceil((run.files.length - run.next) / (run.count * 4))));
    const indices: number[] = [];
    for (let i = run.next; i < run.next + size && i < run.files.length; i++) indices.push(i);
    run.next += indices.length;
    return { indices, alone: false };
  }

  /** Hands the next run of files to an idle worker, or ends it when there is none. */
  private give(slot: Slot): void {
    const run = this.run;
    const t = run && this.take(run);
    if (!run || !t) {
      slot.task = undefined;
      if (run) {
        this.slots.delete(slot);
        void slot.worker.terminate();
      }
      return;
    }
    slot.task = { id: ++this.taskIds, ...t };
    const message: Task = { id: slot.task.id, files: t.indices.map((i) => run.files[i]) };
    slot.worker.postMessage(message);
  }

  private done(slot: Slot, done: Done): void {
    const run = this.run;
    const task = slot.task;
    if (!run || !task || done.id !== task.id) return;
    task.indices.forEach((index, k) => run.onResult(index, done.results[k]));
    run.finished += task.indices.length;
    slot.task = undefined;
    if (run.finished === run.files.length) this.end({ unfinished: [] });
    else this.give(slot);
  }

  private exited(slot: Slot, code: number): void {
    const wasRunning = this.slots.delete(slot);
    const run = this.run;
    if (!run) return;
    const stopped = slot.task;
    slot.task = undefined;
    if (stopped) {
      const reason = slot.error ?? `it exited with code ${code}`;
      run.lastReason = reason;
      if (stopped.alone) {
        run.onResult(stopped.indices[0], { messages: [], failed: `the worker thread checking it stopped: ${reason}` });
        run.finished++;
      } else {
        run.alone.push(...stopped.indices);
      }
    }
    if (run.finished === run.files.length) return this.end({ unfinished: [] });
    const hasWork = run.alone.length > 0 || run.next < run.files.length;
    // A worker that ran out of work was ended on purpose; one that stopped is replaced.
    if (!hasWork || (!wasRunning && !stopped) || (this.slots.size > 0 && !stopped)) return;
    if (run.restarts < run.count + 8) {
      run.restarts++;
      this.start();
    } else if (this.slots.size === 0) {
      const unfinished = [...run.alone];
      for (let i = run.next; i < run.files.length; i++) unfinished.push(i);
      this.end({ unfinished: unfinished.sort((a, b) => a - b), reason: run.lastReason });
    }
  }

  private end(outcome: PoolOutcome): void {
    const run = this.run;
    if (!run) return;
    this.run = undefined;
    this.stop();
    run.resolve(outcome);
  }
}
