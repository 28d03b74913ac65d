/** Timing helpers of the benchmark. */

export function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** Milliseconds of one call of `fn`. */
export function time(fn: () => unknown): number {
  const t0 = now();
  fn();
  return now() - t0;
}

/** The median of `rounds` timings of `fn`, after `warmup` untimed calls. */
export function medianTime(fn: () => unknown, rounds: number, warmup = 1): number {
  for (let k = 0; k < warmup; k++) fn();
  const times: number[] = [];
  for (let k = 0; k < rounds; k++) times.push(time(fn));
  return percentile(times, 50);
}

/** The best (smallest) of `rounds` timings of `fn`, after `warmup` untimed calls: the least disturbed by other work. */
export function bestTime(fn: () => unknown, rounds: number, warmup = 1): number {
  for (let k = 0; k < warmup; k++) fn();
  let best = Infinity;
  for (let k = 0; k < rounds; k++) best = Math.min(best, time(fn));
  return best;
}

/** The p-th percentile (nearest rank) of `values`. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export const ms = (v: number): string => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2)) + ' ms';
export const ratio = (v: number): string => (v >= 10 ? v.toFixed(0) : v >= 0.1 ? v.toFixed(2) : v.toFixed(3)) + '×';
export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
export const seconds = (v: number): string => `${(v / 1000).toFixed(v >= 10_000 ? 1 : 2)} s`;
export const count = (v: number): string => v.toLocaleString('en');

/** Resolves with `promise`, or rejects once `ms` have passed (the timer does not keep the process alive). */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`${what}: no result within ${seconds(ms)}`)), ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export class TimeoutError extends Error {}
