/**
 * What a section of the benchmark hands back: rows of the "Targets" table (each a ratio of two things
 * measured in the same run, against its budget), Markdown lines of its detail table, and its numbers
 * for bench/results.json. Rows and lines are kept as they come, so that a section that times out
 * still shows what it measured before.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { seconds } from './measure';

export interface TargetRow {
  /** Which budget. */
  what: string;
  /** This project's number. */
  measured: string;
  /** What it is compared with, measured in the same run. */
  reference: string;
  ratio: string;
  target: string;
  ok: boolean;
}

/**
 * A bare program that does only a part of a budget's task the simplest way (a loop reading every
 * character once; walking and reading every file), measured in the same run against the budget's
 * reference: what it takes is not left for the rest of the task, when the task is done that way.
 */
export interface BareRow {
  what: string;
  measured: string;
  reference: string;
  ratio: string;
  /** The budget of the task. */
  target: string;
  /** What it leaves under the target for the rest of the task ("none" when nothing). */
  left: string;
}

export class Section {
  readonly rows: TargetRow[] = [];
  readonly bare: BareRow[] = [];
  readonly lines: string[] = [];
  results: unknown = undefined;
  /** Set when the section timed out or failed: what it still does is not reported. */
  closed = false;

  constructor(
    readonly name: string,
    readonly quick: boolean,
  ) {}

  target(row: TargetRow): void {
    if (!this.closed) this.rows.push(row);
  }

  bareWork(row: BareRow): void {
    if (!this.closed) this.bare.push(row);
  }

  print(line = ''): void {
    if (!this.closed) this.lines.push(line);
  }

  /** A budget that could not be measured (timed out, failed): ✘, with the reason as its measure. */
  missing(what: string, reason: string, target: string): void {
    this.target({ what, measured: reason, reference: '—', ratio: '—', target, ok: false });
  }
}

export const mark = (ok: boolean): string => (ok ? '✔' : '✘');

export function targetsTable(rows: readonly TargetRow[]): string[] {
  const out = ['## Targets', '', '| What | Measured | Reference | Ratio | Target | |', '| --- | ---: | ---: | ---: | ---: | :-: |'];
  for (const r of rows) out.push(`| ${r.what} | ${r.measured} | ${r.reference} | ${r.ratio} | ${r.target} | ${mark(r.ok)} |`);
  const failed = rows.filter((r) => !r.ok).length;
  out.push('', `${rows.length - failed} of ${rows.length} targets met.`);
  return out;
}

export function bareTable(rows: readonly BareRow[]): string[] {
  const out = [
    '## Bare work',
    '',
    'Programs that do only a part of a budget\'s task, the simplest way, measured against the same reference: done that way, the rest of the task has what they leave.',
    '',
    '| Part of the task | Measured | Reference | Ratio | Target | Left for the rest |',
    '| --- | ---: | ---: | ---: | ---: | :-: |',
  ];
  for (const r of rows) out.push(`| ${r.what} | ${r.measured} | ${r.reference} | ${r.ratio} | ${r.target} | ${r.left} |`);
  return out;
}

/** Child processes (jobs of runJob, commands of a section): killed when the benchmark exits. */
const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

/** Registers a child process to be killed if the benchmark exits before it does. */
export function track(child: ChildProcess): void {
  children.add(child);
  child.on('exit', () => children.delete(child));
}

export type JobResult<T> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * Runs `job` of this bundle (`node run.js --child job params`) in a fresh process, so that a job
 * stuck in synchronous work can be ended: killed after `timeoutMs`. The job prints its result as
 * the last line of its standard output.
 */
export function runJob<T>(job: string, params: unknown, timeoutMs: number, nodeArgs: readonly string[] = []): Promise<JobResult<T>> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...nodeArgs, __filename, '--child', job, JSON.stringify(params)], { stdio: ['ignore', 'pipe', 'inherit'] });
    track(child);
    let stdout = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (text: string) => (stdout += text));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) return resolve({ ok: false, reason: `timed out after ${seconds(timeoutMs)}` });
      const last = stdout.trim().split('\n').pop() ?? '';
      try {
        if (code === 0) return resolve({ ok: true, value: JSON.parse(last) as T });
      } catch {
        // not a result: reported below
      }
      resolve({ ok: false, reason: `failed (${signal ?? `exit code ${code}`})` });
    });
  });
}
