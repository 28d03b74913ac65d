// Runs the property-based tests (test/unit/fuzz, test/unit/incremental) with many more cases than
// `npm test` does: 1,000,000 by default, split over the properties in proportion to their budgets in
// `npm test`. Run it after `npm run build`.
//
//   node scripts/fuzz.mjs [--cases 1000000] [--part 1/4] [--time-limit 600] [--seed 42]
//
//   --cases N        cases in all (of the whole run, or of all parts together with --part)
//   --part I/N       run part I of N: a seed of its own and N-th of the cases, so that N machines (or
//                    N evenings) together run every case
//   --time-limit S   stop each property when S seconds have passed since the start (what ran is counted)
//   --seed S         the base seed (default: the date), printed so that a failure can be replayed
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i < 0) return fallback;
  return args[i].includes('=') ? args[i].slice(name.length + 1) : args[i + 1];
};

const cases = Number(option('--cases', 1_000_000));
const [part, parts] = String(option('--part', '1/1')).split('/').map(Number);
const timeLimit = Number(option('--time-limit', 0));
const seed = Number(option('--seed', Math.floor(Date.now() / 86_400_000)));
if (!(cases > 0) || !(parts >= 1) || !(part >= 1 && part <= parts) || !Number.isInteger(seed)) {
  console.error('Usage: node scripts/fuzz.mjs [--cases N] [--part I/N] [--time-limit SECONDS] [--seed S]');
  process.exit(2);
}

/** The property tests: test/unit/{fuzz,incremental}, the differential and property tests of the extractors and of the URI parser, and the key properties. */
const files = [
  ['fuzz', () => true],
  ['incremental', () => true],
  ['extract', (f) => /(Differential|Property)\.test\.js$|^keys\.test\.js$/.test(f)],
  ['uri', (f) => /(Differential|Property)\.test\.js$/.test(f)],
].flatMap(([dir, wanted]) => {
  const full = path.join(root, 'test', 'out', 'unit', dir);
  try {
    return readdirSync(full).filter((f) => f.endsWith('.test.js') && wanted(f)).map((f) => path.join(full, f));
  } catch {
    return [];
  }
});
if (files.length === 0) {
  console.error('No built property tests in test/out/unit/{fuzz,incremental}: run `npm run build` first.');
  process.exit(2);
}

const work = mkdtempSync(path.join(tmpdir(), 'mongodb-uri-fuzz-'));
function run(env, stdio, timeoutMs) {
  const report = path.join(work, `${Object.keys(env).join('-')}.txt`);
  const result = spawnSync(process.execPath, ['--test', '--test-reporter=dot', ...files], {
    cwd: root,
    stdio,
    env: { ...process.env, ...env, FUZZ_REPORT: report },
    // With a time limit, a case that never ends (an endless loop) ends the run instead of hanging it.
    ...(timeoutMs ? { timeout: timeoutMs, killSignal: 'SIGKILL' } : {}),
  });
  if (result.error?.code === 'ETIMEDOUT') console.error(`\nStopped after ${timeoutMs / 1000} s: a case did not end (an endless loop?).`);
  let count = 0;
  try {
    count = readFileSync(report, 'utf8').split('\n').filter(Boolean).map(Number).reduce((a, b) => a + b, 0);
  } catch {
    // nothing ran
  }
  return { status: result.status ?? 1, count };
}

try {
  const budget = run({ FUZZ_COUNT_ONLY: '1' }, 'ignore').count;
  const scale = cases / parts / budget;
  const started = Date.now();
  const env = { FUZZ_SCALE: String(scale), FUZZ_SEED: String(seed + part - 1) };
  if (timeLimit > 0) env.FUZZ_DEADLINE = String(started + timeLimit * 1000);
  console.log(
    `Fuzzing part ${part}/${parts}: ${Math.round(cases / parts).toLocaleString('en')} cases (${scale.toFixed(1)}× the ${budget.toLocaleString('en')} of npm test), ` +
      `seed ${seed + part - 1}${timeLimit > 0 ? `, at most ${timeLimit} s` : ''}, ${files.length} files`,
  );
  const { status, count } = run(env, 'inherit', timeLimit > 0 ? (timeLimit + 120) * 1000 : 0);
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  console.log(`\n${count.toLocaleString('en')} cases in ${seconds} s: ${status === 0 ? 'all properties hold' : 'FAILED (the report above has the counterexample and the seed)'}`);
  process.exit(status);
} finally {
  rmSync(work, { recursive: true, force: true });
}
