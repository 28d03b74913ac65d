/**
 * Entry of the end-to-end suite inside the VS Code extension host (`extensionTestsPath`): VS Code calls
 * run() and ends the test run with exit code 0 when its promise resolves, 1 when it rejects.
 *
 * Runs every test/out/e2e/*.test.js with mocha, prints the counts, and writes them as JSON to the file named
 * by E2E_RESULTS when it is set. E2E_GREP=<text> runs only the tests whose titles contain the text.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Mocha from 'mocha';
import { DIAGNOSTIC_SOURCE, fileName, openFixture, ourDiagnostics, waitFor } from './helpers';

/** Run after the others, in this order: they change settings, or kill the language server. */
const RUN_LAST = ['settings.test.js', 'restart.test.js'];

interface Results {
  passed: number;
  failed: number;
  pending: number;
  failures: { title: string; error: string }[];
  durationMs: number;
}

function testFiles(): string[] {
  const rank = (file: string) => RUN_LAST.indexOf(file);
  return readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((f) => path.join(__dirname, f));
}

/**
 * Before any test: the language server runs and answers. If it does not, the suite stops here with one
 * failure instead of every test waiting for it in turn.
 */
async function languageServerAnswers(): Promise<void> {
  const document = await openFixture('.env');
  await waitFor(() => ourDiagnostics(document).length > 0, `diagnostics (source ${DIAGNOSTIC_SOURCE}) for ${fileName(document)}: is the language server running?`);
}

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: false,
    timeout: 60_000,
    rootHooks: { beforeAll: [languageServerAnswers] },
  });
  if (process.env.E2E_GREP) mocha.grep(process.env.E2E_GREP);
  const files = testFiles();
  if (files.length === 0) return Promise.reject(new Error(`No *.test.js in ${__dirname}: run \`npm run build\` first.`));
  for (const file of files) mocha.addFile(file);

  const started = Date.now();
  const results: Results = { passed: 0, failed: 0, pending: 0, failures: [], durationMs: 0 };
  return new Promise((resolve, reject) => {
    const runner = mocha.run(() => {
      results.durationMs = Date.now() - started;
      const summary = `e2e: ${results.passed} passed, ${results.failed} failed, ${results.pending} pending (${(results.durationMs / 1000).toFixed(1)} s)`;
      console.log(summary);
      if (process.env.E2E_RESULTS) writeFileSync(process.env.E2E_RESULTS, JSON.stringify(results, null, 2));
      if (results.failed > 0 || results.passed === 0) reject(new Error(summary));
      else resolve();
    });
    runner.on('pass', () => results.passed++);
    runner.on('pending', () => results.pending++);
    runner.on('fail', (test, error: unknown) => {
      results.failed++;
      results.failures.push({ title: test.fullTitle(), error: error instanceof Error ? error.message : String(error) });
    });
  });
}
