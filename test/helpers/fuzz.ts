/**
 * Budgets of the property-based tests. `npm test` runs each property with its default number of runs
 * (a few seconds in all); `npm run fuzz` scales them up with FUZZ_SCALE (see scripts/fuzz.mjs).
 */
export function fuzzRuns(defaultRuns: number): number {
  const scale = Number(process.env.FUZZ_SCALE ?? 1);
  return Math.max(1, Math.round(defaultRuns * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}
