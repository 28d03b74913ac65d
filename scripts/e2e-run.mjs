// The end-to-end suite (test/e2e/) inside a real VS Code: `npm run test:e2e`.
//
//   E2E_LAUNCHER=auto         (default) electron when VS Code can be downloaded (asked with a 5 s timeout) and
//                             a window can open, else code-server
//   E2E_LAUNCHER=electron     @vscode/test-electron: downloads VS Code into .vscode-test/
//   E2E_LAUNCHER=code-server  offline: code-server from npm and Debian's Chromium, which
//                             `bash scripts/e2e-setup.sh` installs; also saves screenshots of the Problems
//                             panel, a hover and the completion list into .artifacts/e2e/
//   E2E_GREP=<text>           runs only the tests whose titles contain <text>
//   E2E_SCREENSHOTS=0         code-server without the screenshots
//   E2E_TIMEOUT_MS=<ms>       the longest the suite may take (default 300000)
//
// Each run gets a fresh copy of test/e2e/fixtures/workspace and a fresh profile in a temporary folder.
// The suite's results go to .artifacts/e2e/results.json, code-server's log to .artifacts/e2e/code-server.log.
// Needs the bundles of `npm run build`.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const artifacts = path.resolve(root, process.env.E2E_ARTIFACTS ?? path.join('.artifacts', 'e2e'));
const timeoutMs = Number(process.env.E2E_TIMEOUT_MS ?? 300_000);
const testsPath = path.join(root, 'test', 'out', 'e2e', 'index.js');
const fixtures = path.join(root, 'test', 'e2e', 'fixtures', 'workspace');
const log = (message) => console.log(`[e2e] ${message}`);

const runDir = mkdtempSync(path.join(os.tmpdir(), 'mongodb-uri-e2e-'));
process.on('exit', () => rmSync(runDir, { recursive: true, force: true }));
for (const [signal, number] of [['SIGINT', 2], ['SIGTERM', 15], ['SIGHUP', 1]]) {
  process.on(signal, () => {
    log(`${signal}: stopping`);
    process.exit(128 + number); // the exit handlers end code-server and Chromium
  });
}

function checkBuilt() {
  const needed = ['client/out/extension.js', 'server/out/server.js'].filter((f) => !existsSync(path.join(root, f)));
  const tests = existsSync(path.dirname(testsPath)) ? readdirSync(path.dirname(testsPath)).filter((f) => f.endsWith('.test.js')) : [];
  if (needed.length || tests.length === 0) {
    console.error(`Missing ${[...needed, ...(tests.length ? [] : ['test/out/e2e/*.test.js'])].join(', ')}: run \`npm run build\` first.`);
    process.exit(1);
  }
}

/** Bundles the suite's entry (the test files themselves come from `npm run build`). */
async function buildSuiteEntry() {
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['test/e2e/index.ts'],
    outfile: path.relative(root, testsPath),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
}

function freshWorkspace(name) {
  const folder = path.join(runDir, name);
  cpSync(fixtures, folder, { recursive: true });
  return folder;
}

async function chooseLauncher() {
  const asked = process.env.E2E_LAUNCHER ?? 'auto';
  if (asked === 'electron' || asked === 'code-server') return asked;
  if (asked !== 'auto') {
    console.error(`E2E_LAUNCHER must be auto, electron or code-server, not ${asked}`);
    process.exit(2);
  }
  const { canDownloadVSCode, hasDisplay } = await import('./e2e-electron.mjs');
  if (!hasDisplay()) {
    log('no display and no xvfb-run: code-server');
    return 'code-server';
  }
  if (!(await canDownloadVSCode())) {
    log('VS Code cannot be downloaded: code-server');
    return 'code-server';
  }
  return 'electron';
}

async function runWithElectron({ fallBack }) {
  const { downloadVSCode, hasDisplay, runSuiteInElectron } = await import('./e2e-electron.mjs');
  if (process.platform === 'linux' && !process.env.DISPLAY) {
    if (!hasDisplay()) {
      console.error('VS Code needs a display: set $DISPLAY, or install xvfb-run (Debian: apt-get install xvfb).');
      return 1;
    }
    log('no $DISPLAY: running under xvfb-run');
    // The same launcher choice again, with the display of xvfb-run.
    const result = spawnSync('xvfb-run', ['-a', process.execPath, fileURLToPath(import.meta.url)], { stdio: 'inherit' });
    return result.status ?? 1;
  }
  let executable;
  try {
    executable = await downloadVSCode();
  } catch (error) {
    log(`downloading VS Code failed: ${error?.message ?? error}`);
    if (fallBack) return runWithCodeServer();
    return 1;
  }
  log(`VS Code: ${executable}`);
  return runSuiteInElectron(executable, {
    folder: freshWorkspace('workspace'),
    extensionPath: root,
    testsPath,
    runDir,
    env: { E2E_RESULTS: path.join(artifacts, 'results.json') },
  });
}

async function runWithCodeServer() {
  const { launchBrowser, missingPrerequisites, runSuiteInWorkbench, startCodeServer } = await import('./e2e-code-server.mjs');
  const missing = missingPrerequisites();
  if (missing.length) {
    console.error(`Missing ${missing.join(' and ')}: run \`bash scripts/e2e-setup.sh\` first.`);
    return 1;
  }
  const started = Date.now();
  const codeServer = await startCodeServer({
    runDir,
    logFile: path.join(artifacts, 'code-server.log'),
    env: { E2E_RESULTS: path.join(artifacts, 'results.json') },
  });
  log(`code-server on ${codeServer.url} after ${Date.now() - started} ms`);
  const browser = await launchBrowser({ runDir });
  try {
    let code = await runSuiteInWorkbench(browser, codeServer.url, {
      folder: freshWorkspace('workspace'),
      extensionPath: root,
      testsPath,
      timeoutMs,
      screenshotOnFailure: path.join(artifacts, 'failed-suite.png'),
    });
    log(`suite: exit code ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (process.env.E2E_SCREENSHOTS !== '0' && !process.env.E2E_GREP) {
      const { takeScreenshots } = await import('./e2e-screenshots.mjs');
      log('screenshots:');
      const failed = await takeScreenshots(browser, codeServer.url, {
        folder: freshWorkspace('ui-workspace'),
        extensionPath: root,
        outDir: artifacts,
        log,
      });
      if (failed.length) code = code || 1;
      log(`screenshots ${failed.length ? `failed: ${failed.join(', ')}` : `saved in ${path.relative(root, artifacts)}/`}`);
    }
    return code;
  } finally {
    await browser.close();
    await codeServer.stop();
  }
}

checkBuilt();
rmSync(artifacts, { recursive: true, force: true });
mkdirSync(artifacts, { recursive: true });
await buildSuiteEntry();
const launcher = await chooseLauncher();
log(`launcher: ${launcher}`);
const code = launcher === 'electron' ? await runWithElectron({ fallBack: process.env.E2E_LAUNCHER !== 'electron' }) : await runWithCodeServer();
log(code === 0 ? 'passed' : `FAILED (exit code ${code})`);
process.exit(code);
