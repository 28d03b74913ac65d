// The end-to-end launcher for machines that can download VS Code: @vscode/test-electron downloads a
// VS Code build (cached in .vscode-test/) and runs the suite in its extension host. On Linux it needs a
// display: without $DISPLAY, scripts/e2e-run.mjs runs it under xvfb-run.
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const RELEASES_URL = 'https://update.code.visualstudio.com/api/releases/stable';

/** Whether VS Code can be downloaded, answered within `timeoutMs`. */
export async function canDownloadVSCode(timeoutMs = 5000) {
  try {
    const response = await fetch(RELEASES_URL, { signal: AbortSignal.timeout(timeoutMs) });
    return response.ok;
  } catch {
    return false;
  }
}

/** Whether VS Code's window can open here: a display, or xvfb-run to make one. */
export function hasDisplay() {
  if (process.platform !== 'linux' || process.env.DISPLAY) return true;
  return spawnSync('sh', ['-c', 'command -v xvfb-run'], { stdio: 'ignore' }).status === 0;
}

/**
 * Downloads VS Code; throws when that fails (the caller may then try another launcher). The version is
 * E2E_VSCODE_VERSION, else `stable`.
 */
export function downloadVSCode() {
  return downloadAndUnzipVSCode({ version: process.env.E2E_VSCODE_VERSION ?? 'stable', timeout: 30_000 });
}

/** Runs the suite; resolves with its exit code. */
export async function runSuiteInElectron(vscodeExecutablePath, { folder, extensionPath, testsPath, runDir, env }) {
  try {
    return await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: extensionPath,
      extensionTestsPath: testsPath,
      extensionTestsEnv: env,
      launchArgs: [
        folder,
        '--disable-extensions', // other installed extensions
        `--user-data-dir=${path.join(runDir, 'user-data')}`,
        `--extensions-dir=${path.join(runDir, 'extensions')}`,
      ],
    });
  } catch (error) {
    console.error(String(error?.message ?? error));
    return typeof error?.code === 'number' && error.code !== 0 ? error.code : 1;
  }
}
