/**
 * Checking files on worker threads: the main thread hands out runs of consecutive files, smaller ones
 * as the end nears (and checks short runs itself, unless --jobs says otherwise), and gets each run's
 * results back by index, so that the report is the one a single thread would print. A worker that stops
 * (an uncaught error, an exit) does not stop the run: the files of its runs are checked again one at a
 * time on a new worker, so that the one that stops workers is named and reported as not checked. When
 * workers keep stopping, the files left are handed back.
 */
import { availableParallelism, loadavg } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { Settings } from '../service/api';
import { describeError } from '../redact';
import { FileChecker, type FileResult } from './lint';

/**
 * A pool pays off from this many files per thread: a worker takes some 40 ms of a core to start, and
 * most files are ruled out by the prefilter in tens of microseconds.
 */
export const FILES_PER_THREAD = 500;

/** How files are checked: on `workers` worker threads, and on the main thread too when `main`. */
export interface Threads {
  workers: number;
  main: boolean;
}

/**
 * The threads that check `files` files. `jobs` (--jobs) asks for that many worker threads (1: the main
 * thread alone); without it, large runs get the main thread and a worker for every other idle core (a
 * core busy with other processes makes a worker cost more than it saves).
 */
export function threadsFor(files: number, jobs: number | undefined, cores = idleCores()): Threads {
  if (jobs !== undefined) {
    const workers = Math.min(jobs, files);
    return workers >= 2 ? { workers, main: false } : { workers: 0, main: true };
  }
  const threads = Math.min(cores, Math.floor(files / FILES_PER_THREAD));
  return threads >= 2 ? { workers: threads - 1, main: true } : { workers: 0, main: true };
}

/** Cores not busy with other work, by the load average of the last minute (none known: all of them). */
export function idleCores(): number {
  return Math.max(1, availableParallelism() - Math.round(loadavg()[0]));
}

/** What a worker is started with (structured-cloned). */
export interface WorkerInit {
  settings: Settings;
  prefilter: boolean;
}

/** The key of workerData that marks a thread as a checker of this pool. */
const WORKER_KEY = 'mongodb-uri-lint worker';

interface TaskMessage {
  id: number;
  files: string[];
}

interface Done {
  id: number;
  results: FileResult[];
}

/** True in a thread started by a WorkerPool. */
export function isPoolWorker(): boolean {
  return !isMainThread && parentPort !== null && typeof workerData === 'object' && workerData !== null && WORKER_KEY in workerData;
}

/** The loop of a worker: check the files of each task, post their results. */
export function serveAsWorker(): void {
  const init = (workerData as Record<string, WorkerInit>)[WORKER_KEY];
  const checker = new FileChecker(init.settings, init.prefilter);
  const port = parentPort;
  if (!port) return;
  port.on('message', (task: TaskMessage) => {
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

/** Runs of at most this many files; near the end smaller, so that the threads finish together. */
const MAX_RUN = 256;
/** Runs of the main thread are short, so that it answers the workers in time. */
const MAX_MAIN_RUN = 16;
/** Runs a worker has at a time: the next is there when it finishes one. */
const RUNS_AHEAD = 2;

interface Task {
  id: number;
  indices: number[];
  /** A file checked again on its own, after the worker checking it stopped. */
  alone: boolean;
}

interface Slot {
  worker: Worker;
  /** The runs of files it has. */
  tasks: Task[];
  /** Its uncaught error, when it had one. */
  error?: string;
}

/** One run of the pool over a list of files. */
interface Run {
  files: readonly string[];
  threads: number;
  onResult: (index: number, result: FileResult) => void;
  resolve: (outcome: PoolOutcome) => void;
  next: number;
  /** Files of runs whose worker stopped, to check again one at a time (on a worker). */
  alone: number[];
  finished: number;
  restarts: number;
  maxRestarts: number;
  lastReason: string;
}

/**
 * Worker threads running `script` (this bundle), each with a FileChecker of its own. Workers can be
 * started before the files are known (`grow`, while the folders are walked), then `check` hands the
 * files out, to the main thread too when it is given a checker; `stop` ends the workers of a run that
 * turned out small.
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
   * Checks `files` on `workers` workers, and on this thread with `local` when given. `onResult` gets every
   * result, in the order they come; the promise resolves once every file has a result or was given up
   * on, and the workers are stopped then.
   */
  check(
    files: readonly string[],
    workers: number,
    onResult: (index: number, result: FileResult) => void,
    local?: (file: string) => FileResult,
  ): Promise<PoolOutcome> {
    return new Promise((resolve) => {
      if (files.length === 0) {
        this.stop();
        resolve({ unfinished: [] });
        return;
      }
      const threads = workers + (local ? 1 : 0);
      this.run = { files, threads, onResult, resolve, next: 0, alone: [], finished: 0, restarts: 0, maxRestarts: workers + 8, lastReason: '' };
      this.grow(workers);
      for (const slot of [...this.slots]) this.give(slot);
      if (local) setImmediate(() => this.checkHere(local));
    });
  }

  /** The main thread's share: a short run, then a turn for the workers' messages. */
  private checkHere(local: (file: string) => FileResult): void {
    const run = this.run;
    if (!run) return;
    const t = this.take(run, false, MAX_MAIN_RUN);
    if (!t) return;
    for (const index of t.indices) run.onResult(index, local(run.files[index]));
    this.finish(run, t.indices.length);
    if (this.run === run) setImmediate(() => this.checkHere(local));
  }

  private start(): void {
    const slot: Slot = { worker: new Worker(this.script, { workerData: { [WORKER_KEY]: this.init } }), tasks: [] };
    this.slots.add(slot);
    slot.worker.on('message', (done: Done) => this.done(slot, done));
    slot.worker.on('error', (err) => {
      slot.error = describeError(err).split('\n')[0];
    });
    slot.worker.on('exit', (code) => this.exited(slot, code));
    if (this.run) this.give(slot);
  }

  /** The next run of files: a file to check again alone first (workers only), then consecutive files. */
  private take(run: Run, worker: boolean, max = MAX_RUN): { indices: number[]; alone: boolean } | undefined {
    if (worker && run.alone.length > 0) return { indices: [run.alone.shift() as number], alone: true };
    if (run.next >= run.files.length) return undefined;
    const size = Math.max(1, Math.min(max, Math.ceil((run.files.length - run.next) / (run.threads * 4))));
    const indices: number[] = [];
    for (let i = run.next; i < run.next + size && i < run.files.length; i++) indices.push(i);
    run.next += indices.length;
    return { indices, alone: false };
  }

  /** Gives a worker runs of files up to RUNS_AHEAD; ends it when there are none left and it has none. */
  private give(slot: Slot): void {
    const run = this.run;
    if (!run) return;
    // A file checked alone is checked with nothing else in flight, so that a stop names it.
    while (slot.tasks.length < RUNS_AHEAD && !slot.tasks.some((t) => t.alone)) {
      const t = this.take(run, slot.tasks.length === 0);
      if (!t) break;
      const task: Task = { id: ++this.taskIds, ...t };
      slot.tasks.push(task);
      const message: TaskMessage = { id: task.id, files: t.indices.map((i) => run.files[i]) };
      slot.worker.postMessage(message);
    }
    if (slot.tasks.length === 0) {
      this.slots.delete(slot);
      void slot.worker.terminate();
    }
  }

  private done(slot: Slot, done: Done): void {
    const run = this.run;
    const k = slot.tasks.findIndex((t) => t.id === done.id);
    if (!run || k < 0) return;
    const [task] = slot.tasks.splice(k, 1);
    task.indices.forEach((index, j) => run.onResult(index, done.results[j]));
    this.finish(run, task.indices.length);
    if (this.run === run) this.give(slot);
  }

  private finish(run: Run, count: number): void {
    run.finished += count;
    if (run.finished === run.files.length) this.end({ unfinished: [] });
  }

  private exited(slot: Slot, code: number): void {
    const wasRunning = this.slots.delete(slot);
    const run = this.run;
    if (!run) return;
    const stopped = slot.tasks;
    slot.tasks = [];
    if (stopped.length > 0) {
      const reason = slot.error ?? `it exited with code ${code}`;
      run.lastReason = reason;
      for (const task of stopped) {
        if (task.alone) {
          run.onResult(task.indices[0], { messages: [], failed: `the worker thread checking it stopped: ${reason}` });
          this.finish(run, 1);
          if (this.run !== run) return;
        } else {
          run.alone.push(...task.indices);
        }
      }
    }
    const hasWork = run.alone.length > 0 || run.next < run.files.length;
    // A worker that ran out of work was ended on purpose; one that stopped is replaced.
    if (!hasWork || (!wasRunning && stopped.length === 0) || (this.slots.size > 0 && stopped.length === 0)) return;
    if (run.restarts < run.maxRestarts) {
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
