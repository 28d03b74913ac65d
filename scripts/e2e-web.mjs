// The extension's web build in a browser-hosted VS Code: code-server (offline) with the packaged
// extension installed and set to run in the workbench's web worker extension host (as on vscode.dev,
// where no Node.js extension host exists). Checks, as a person would see it, that diagnostics come, that
// a compose file is checked with the .env beside it (read through VS Code's file system), that the
// extension runs in the web worker and that no Node.js language server was started; saves screenshots:
//   web-diagnostics.png          .env with its squiggles and the Problems panel
//   web-compose.png              compose-env/compose.yaml with the problem the .env brings in
//   web-explain.png              the explain panel and its form on a .env string, checked by the web worker's server
//   web-running-extensions.png   Developer: Show Running Extensions, our extension in the web worker
//
//   npm run build && node scripts/e2e-web.mjs
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeServerEntry, launchBrowser, missingPrerequisites, runCommand, startCodeServer, textBox } from './e2e-code-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const artifacts = path.resolve(root, process.env.E2E_ARTIFACTS ?? path.join('.artifacts', 'e2e'));
const log = (message) => console.log(`[e2e-web] ${message}`);
const EXTENSION_ID = 'mongodb-uri-limits.mongodb-uri-limits';

const missing = missingPrerequisites();
if (missing.length) {
  console.error(`Missing ${missing.join(' and ')}: run \`bash scripts/e2e-setup.sh\` first.`);
  process.exit(1);
}
mkdirSync(artifacts, { recursive: true });
const runDir = mkdtempSync(path.join(os.tmpdir(), 'mongodb-uri-e2e-web-'));
process.on('exit', () => rmSync(runDir, { recursive: true, force: true }));

// The extension as users install it: packaged, then installed into code-server's extensions folder.
const vsix = path.join(runDir, 'extension.vsix');
const packed = spawnSync(process.execPath, [path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '-o', vsix], { cwd: root, encoding: 'utf8' });
if (packed.status !== 0) {
  console.error(packed.stdout, packed.stderr);
  process.exit(1);
}
const profile = { XDG_DATA_HOME: path.join(runDir, 'xdg-data'), XDG_CONFIG_HOME: path.join(runDir, 'xdg-config'), XDG_CACHE_HOME: path.join(runDir, 'xdg-cache') };
execFileSync(process.execPath, [codeServerEntry(), '--extensions-dir', path.join(runDir, 'extensions'), '--user-data-dir', path.join(runDir, 'user-data'), '--install-extension', vsix], {
  env: { ...process.env, ...profile },
  stdio: 'ignore',
});
const folder = path.join(runDir, 'workspace');
cpSync(path.join(root, 'test', 'e2e', 'fixtures', 'workspace'), folder, { recursive: true });

const codeServer = await startCodeServer({ runDir, logFile: path.join(artifacts, 'code-server-web.log') });
// The browser is the "local" side of code-server: a `ui` extension with a `browser` entry runs in its web worker.
const settingsFile = path.join(runDir, 'user-data', 'User', 'settings.json');
const settings = JSON.parse(readFileSync(settingsFile, 'utf8'));
settings['remote.extensionKind'] = { [EXTENSION_ID]: ['ui'] };
writeFileSync(settingsFile, JSON.stringify(settings, null, 2));

const browser = await launchBrowser({ runDir });
const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
const failures = [];
const step = async (name, action) => {
  if (failures.length) return log(`skip ${name}`);
  try {
    await action();
    log(`ok   ${name}`);
  } catch (error) {
    failures.push(name);
    log(`FAIL ${name}: ${String(error?.message ?? error).split('\n')[0]}`);
    await page.screenshot({ path: path.join(artifacts, `web-failed-${name.replace(/\W+/g, '-')}.png`) }).catch(() => {});
  }
};

async function open(file, expectedText) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 15_000 });
  await input.fill(file);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: path.basename(file) }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  await page.locator('.monaco-editor .view-lines', { hasText: expectedText }).first().waitFor({ timeout: 15_000 });
}

try {
  await step('workbench', async () => {
    await page.goto(`${codeServer.url}/?folder=${encodeURIComponent(folder)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
    await page.locator('.monaco-workbench').click({ position: { x: 700, y: 450 } });
  });
  await step('diagnostics', async () => {
    await open('.env', 'ANALYTICS_MONGODB_URI');
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 60_000 });
    await page.keyboard.press('Control+Shift+M');
    const panel = page.locator('.markers-panel');
    for (const rule of ['userinfo-unescaped', 'port-invalid', 'direct-connection-conflict']) {
      await panel.locator('.monaco-list-row', { hasText: rule }).first().waitFor({ timeout: 15_000 });
    }
    await page.screenshot({ path: path.join(artifacts, 'web-diagnostics.png') });
  });
  await step('compose file with its .env', async () => {
    await open('compose-env/compose.yaml', 'MONGODB_URI');
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'MONGO_PASSWORD is defined here' }).first().waitFor({ timeout: 30_000 }).catch(async () => {
      // The related information shows under the problem once it is expanded; the problem itself is enough.
      await page.locator('.markers-panel .monaco-list-row', { hasText: 'in the value of MONGO_PASSWORD' }).first().waitFor({ timeout: 30_000 });
    });
    await page.screenshot({ path: path.join(artifacts, 'web-compose.png') });
  });
  await step('explain panel', async () => {
    // Back to the .env of the first step, by its tab.
    await page.keyboard.press('Escape');
    await page.locator('.tabs-container .tab', { hasText: /^\.env/ }).first().click();
    await page.locator('.part.editor .monaco-editor .view-lines', { hasText: 'ANALYTICS_MONGODB_URI' }).first().waitFor({ state: 'visible', timeout: 15_000 });
    const box = await textBox(page, 'analytics-2');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await runCommand(page, 'MongoDB: Explain Connection String');
    const webview = page.frameLocator('iframe.webview').frameLocator('#active-frame');
    await webview.locator('h1', { hasText: 'Connection string explained' }).waitFor({ timeout: 30_000 });
    // The form checks what it would write with the web worker's server.
    await webview.locator('#preview-problems li', { hasText: 'port-invalid' }).first().waitFor({ timeout: 15_000 });
    await page.screenshot({ path: path.join(artifacts, 'web-explain.png') });
  });
  await step('runs in the web worker, no Node.js server', async () => {
    const servers = execFileSync('ps', ['-A', '-o', 'args='], { encoding: 'utf8' }).split('\n').filter((l) => l.includes(path.join('server', 'out', 'server.js')));
    if (servers.length) throw new Error(`a Node.js language server runs: ${servers.join('; ')}`);
    await runCommand(page, 'Developer: Show Running Extensions');
    const editor = page.locator('.runtime-extensions-editor');
    await editor.waitFor({ timeout: 15_000 });
    const row = editor.locator('.monaco-list-row', { hasText: 'MongoDB URI & Limits' }).first();
    await row.waitFor({ timeout: 15_000 });
    const text = await row.innerText();
    if (!/web worker/i.test(text)) throw new Error(`the extension does not run in the web worker: ${text.replace(/\s+/g, ' ')}`);
    await page.screenshot({ path: path.join(artifacts, 'web-running-extensions.png') });
  });
} finally {
  await browser.close();
  await codeServer.stop();
}
log(failures.length ? `FAILED: ${failures.join(', ')}` : `passed; screenshots in ${path.relative(root, artifacts)}/`);
process.exit(failures.length ? 1 : 0);
