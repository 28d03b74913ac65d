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
