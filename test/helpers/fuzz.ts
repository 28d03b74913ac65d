/**
 * Budgets of the property-based tests. `npm test` runs each property with its default number of runs
 * (a few seconds in all); `npm run fuzz` (scripts/fuzz.mjs) scales them with FUZZ_SCALE, picks seeds
 * with FUZZ_SEED, stops at FUZZ_DEADLINE (epoch milliseconds) and collects the number of cases run in
 * the file named by FUZZ_REPORT (with FUZZ_COUNT_ONLY, the default numbers, without running anything).
 */
import { appendFileSync } from 'node:fs';
import fc from 'fast-check';

let casesRun = 0;
if (process.env.FUZZ_REPORT) {
  const report = process.env.FUZZ_REPORT;
  process.on('exit', () => appendFileSync(report, `${casesRun}\n`));
}

export function fuzzRuns(defaultRuns: number): number {
  const scale = Number(process.env.FUZZ_SCALE ?? 1);
  return Math.max(1, Math.round(defaultRuns * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}

/** fast-check parameters: the scaled number of runs, and the seed and time limit of a fuzz run. */
export function fuzzParameters<T>(defaultRuns: number, name: string): fc.Parameters<T> {
  const parameters: fc.Parameters<T> = { numRuns: fuzzRuns(defaultRuns) };
  // `npm test` always runs the same cases (seed 1), so that it passes or fails the same way every time;
  // `npm run fuzz` walks new ones with each seed it is given.
  const given = Number(process.env.FUZZ_SEED);
  const seed = Number.isInteger(given) ? given : 1;
  // Every property gets its own seed, so that two properties never walk the same sequence.
  let h = seed | 0;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  parameters.seed = h;
  const deadline = Number(process.env.FUZZ_DEADLINE);
  if (Number.isFinite(deadline) && deadline > 0) {
    parameters.interruptAfterTimeLimit = Math.max(1, deadline - Date.now());
    parameters.markInterruptAsFailure = false;
  }
  return parameters;
}

/** Checks a property (throws with fast-check's report, shrunk counterexample and seed, when it fails). */
export function checkProperty<T>(name: string, property: fc.IProperty<T>, defaultRuns: number): void {
  if (process.env.FUZZ_COUNT_ONLY) {
    // `npm run fuzz` asks how many cases `npm test` runs, to scale them to the number it was given.
    casesRun += defaultRuns;
    return;
  }
  const details = fc.check(property, fuzzParameters<T>(defaultRuns, name));
  casesRun += details.numRuns;
  if (details.failed) throw new Error(`${name}: ${fc.defaultReportMessage(details) ?? 'failed'}`);
}

/**
 * The upper end of the Wilson score interval of `hits` in `total` trials at `z` standard deviations (3.29:
 * one-sided, about 1 in 2,000): the largest share the sample leaves plausible.
 */
export function shareUpperBound(hits: number, total: number, z = 3.29): number {
  if (total === 0) return 1;
  const p = hits / total;
  const z2 = z * z;
  const centre = p + z2 / (2 * total);
  const margin = z * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total));
  return Math.min(1, (centre + margin) / (1 + z2 / total));
}

/** Whether this is a run of `npm run fuzz` on cases of its own seed (npm test always runs the same cases). */
function isFuzzRun(): boolean {
  return Number.isInteger(Number(process.env.FUZZ_SEED));
}

/**
 * Asserts that at least a share `floor` of the trials of a property had what it counts (documents
 * compared, values compared whole). `npm test` runs the same cases every time: the share it gets is
 * held to the floor as it is. A fuzz run draws cases of its own seed, often fewer per property (`--cases`
 * below `npm test`'s, a time limit): there it fails only when the sample makes a share that large
 * implausible (shareUpperBound), so that chance does not fail it and a property that compares nothing
 * still does.
 */
export function assertShareAtLeast(hits: number, total: number, floor: number, message: string, sampled = isFuzzRun()): void {
  // A share at the floor passes however small the sample (an upper bound of 100% is 1 minus rounding).
  const ok = hits >= floor * total || (sampled && shareUpperBound(hits, total) >= floor);
  if (!ok) throw new Error(`${message} (less than ${floor * 100}%)`);
}
