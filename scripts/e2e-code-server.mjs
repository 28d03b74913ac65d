// The offline launcher of the end-to-end tests: code-server (VS Code in a browser, installed from npm by
// scripts/e2e-setup.sh) and Debian's Chromium, driven headless with playwright-core.
//
// The suite runs inside code-server's extension host: the workbench URL carries a `payload` with
// extensionDevelopmentPath and extensionTestsPath, and when the suite's run() settles the workbench calls
// window.codeAutomationExit(code), which playwright exposes to this process.
//
// Processes: code-server runs in a session of its own (spawn `detached`, i.e. setsid) and is ended with its
// whole process group (extension hosts, language servers, file watchers) by stop(), or on exit of this
// process. playwright-core does the same with Chromium. Both groups are listed in $E2E_GROUPS_FILE if set.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import util from 'node:util';
import { chromium } from 'playwright-core';

export const CODE_SERVER_VERSION = '4.100.3';

/** Where scripts/e2e-setup.sh installs code-server; E2E_CODE_SERVER names another entry.js. */
export function codeServerEntry() {
  if (process.env.E2E_CODE_SERVER) return process.env.E2E_CODE_SERVER;
  const cache = process.env.E2E_CACHE_DIR ?? path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'mongodb-uri-e2e');
  return path.join(cache, `code-server-${CODE_SERVER_VERSION}`, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

export const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';

/** What is missing to run this launcher, or an empty list. */
export function missingPrerequisites() {
  const missing = [];
  if (!existsSync(codeServerEntry())) missing.push(`code-server ${CODE_SERVER_VERSION} (${codeServerEntry()})`);
  if (!existsSync(CHROMIUM)) missing.push(`Chromium (${CHROMIUM})`);
  return missing;
}

/** User settings that keep the workbench quiet: no welcome page, updates, telemetry or trust prompts. */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'chat.disableAIFeatures': true,
  // For the screenshots: whole lines on screen.
  'editor.wordWrap': 'on',
  'editor.minimap.enabled': false,
  'editor.hover.delay': 150,
};

/**
 * Process groups started here and still running. When E2E_GROUPS_FILE names a file, it lists them too, so
 * that a supervisor (.ci/run) can end them even if this process is killed without a chance to clean up.
 */
const liveGroups = new Set();
process.on('exit', () => {
  for (const pid of liveGroups) killGroup(pid, 'SIGKILL');
});

function trackGroup(pid, live) {
  if (live) liveGroups.add(pid);
  else liveGroups.delete(pid);
  if (process.env.E2E_GROUPS_FILE) writeFileSync(process.env.E2E_GROUPS_FILE, [...liveGroups].map((p) => `${p}\n`).join(''));
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // already gone
  }
}

/**
 * Starts code-server on 127.0.0.1 (a free port) with a fresh profile under `runDir`.
 * `env` is added to its environment, which its extension hosts inherit.
 */
export async function startCodeServer({ runDir, logFile, env = {} }) {
  const userDataDir = path.join(runDir, 'user-data');
  mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  mkdirSync(path.join(runDir, 'extensions'), { recursive: true });
  writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  // An empty config file of its own, so that ~/.config/code-server is neither read nor written.
  const config = path.join(runDir, 'code-server.yaml');
  writeFileSync(config, '');
  const log = openSync(logFile, 'w');
  const args = [
    codeServerEntry(),
    ...['--config', config, '--bind-addr', '127.0.0.1:0', '--auth', 'none'],
    ...['--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--ignore-last-opened'],
    ...['--user-data-dir', userDataDir, '--extensions-dir', path.join(runDir, 'extensions')],
  ];
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ['ignore', log, log],
    env: {
      ...process.env,
      ...env,
      // No marketplace: else the workbench asks one on every start.
      EXTENSIONS_GALLERY: '{}',
      // Logs, heartbeat and device id in the run's folder, not in the home folder.
      XDG_DATA_HOME: path.join(runDir, 'xdg-data'),
      XDG_CACHE_HOME: path.join(runDir, 'xdg-cache'),
      XDG_CONFIG_HOME: path.join(runDir, 'xdg-config'),
    },
  });
  trackGroup(child.pid, true);
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });

  const stop = async () => {
    if (!liveGroups.has(child.pid)) return;
    killGroup(child.pid, 'SIGTERM');
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline && killGroup(child.pid, 0)) await delay(100);
    killGroup(child.pid, 'SIGKILL');
    trackGroup(child.pid, false);
  };

  const deadline = Date.now() + 60_000;
  for (;;) {
    const listening = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(readFileSync(logFile, 'utf8'));
    if (listening) {
      const url = listening[1];
      if (await healthy(url)) return { url, stop };
    }
    if (exited || Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not start; its log:\n${readFileSync(logFile, 'utf8')}`);
    }
    await delay(100);
  }
}

async function healthy(url) {
  try {
    return (await fetch(`${url}/healthz`)).ok;
  } catch {
    return false;
  }
}

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Headless Chromium; playwright-core starts it in a process group of its own and ends that group on exit.
 * Its configuration and cache (crash reports, ...) go to `runDir`, not into the home folder.
 */
export async function launchBrowser({ runDir }) {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    env: { ...process.env, XDG_CONFIG_HOME: path.join(runDir, 'chromium-config'), XDG_CACHE_HOME: path.join(runDir, 'chromium-cache') },
    args: [
      '--no-sandbox', // root in a container
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  // playwright-core keeps the process to itself: find it among this process's children (Debian's
  // /usr/bin/chromium is a shell script that execs /usr/lib/chromium/chromium).
  const children = spawnSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], { encoding: 'utf8' }).stdout ?? '';
  for (const [, pid, command] of children.matchAll(/^\s*(\d+)\s+(\S+)/gm)) {
    if (!/chrom/i.test(path.basename(command))) continue;
    trackGroup(Number(pid), true);
    browser.on('disconnected', () => trackGroup(Number(pid), false));
  }
  return browser;
}

/** The workbench URL of `folder`, loading the extension at `extensionPath` from source, and maybe a test suite. */
export function workbenchUrl(baseUrl, { folder, extensionPath, testsPath }) {
  // code-server's remote authority is literally "remote".
  const remote = (p) => `vscode-remote://remote${p}`;
  const payload = [['extensionDevelopmentPath', remote(extensionPath)]];
  if (testsPath) payload.push(['extensionTestsPath', remote(testsPath)]);
  return `${baseUrl}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** Workbench start-up messages that say nothing about the suite. */
const WORKBENCH_CHATTER =
  /^(Resolv(ing|ed) connection token|Creating a socket|Ignoring fetching additional builtin|Updating additional builtin|\[Service Worker\]|ChatSessionStore:|\[lifecycle\] Long running operations during shutdown)/;

/**
 * Runs the suite at `testsPath` in the extension host of a new workbench window on `folder`.
 * Resolves with the suite's exit code (1 when it does not finish within `timeoutMs`).
 */
export async function runSuiteInWorkbench(browser, baseUrl, { folder, extensionPath, testsPath, timeoutMs, screenshotOnFailure }) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    const page = await context.newPage();
    let finish;
    const finished = new Promise((resolve) => {
      finish = resolve;
    });
    // Called by the workbench: the extension host's console, and the exit code once run() settles.
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = util.format(...args);
      if (WORKBENCH_CHATTER.test(line)) return;
      if (type === 'error') console.error(line);
      else console.log(line);
    });
    await page.exposeFunction('codeAutomationExit', (code) => finish(code));
    await page.goto(workbenchUrl(baseUrl, { folder, extensionPath, testsPath }));
    let timer;
    const timedOut = new Promise((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const code = await Promise.race([finished, timedOut]);
    clearTimeout(timer);
    if (code === 'timeout') console.error(`The suite did not finish within ${timeoutMs / 1000} s.`);
    if (code !== 0 && screenshotOnFailure) await page.screenshot({ path: screenshotOnFailure }).catch(() => {});
    return code === 'timeout' ? 1 : Number(code);
  } finally {
    await context.close();
  }
}

/** Runs a command of the workbench by its title, from the command palette. */
export async function runCommand(page, title) {
  await page.keyboard.press('Control+Shift+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 15_000 });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
}

/** The on-screen box of the first occurrence of `text` in the editor. */
export async function textBox(page, text) {
  const box = await page.evaluate((wanted) => {
    const root = document.querySelector('.monaco-editor .view-lines');
    if (!root) return null;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const index = node.textContent.indexOf(wanted);
      if (index < 0) continue;
      const range = document.createRange();
      range.setStart(node, index);
      range.setEnd(node, index + wanted.length);
      const r = range.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }
    return null;
  }, text);
  if (!box) throw new Error(`${JSON.stringify(text)} is not on screen`);
  return box;
}
