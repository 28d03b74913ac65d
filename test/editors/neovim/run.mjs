// The language server in Neovim (0.7 or later), headless: `npm run test:neovim`.
//
// Neovim is set up exactly as the README's "Neovim" section says: its Lua block is the init.lua, and
// `mongodb-uri-language-server` on the PATH starts this repository's server/out/server.js. Neovim then opens a
// copy of test/e2e/fixtures/workspace/.env (and .env.local) and test.lua checks the diagnostics and a hover through Neovim's
// own LSP client. Exits with Neovim's exit code: 0 when every check passed.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..', '..');
const server = path.join(root, 'server', 'out', 'server.js');
const TIMEOUT_MS = 90_000;

/** The Lua code block of the README's "### Neovim" section. */
export function readmeNeovimSetup(readme) {
  const section = /^### Neovim\n([\s\S]*?)(?=^#{1,3} )/m.exec(readme);
  const block = section && /```lua\n([\s\S]*?)```/.exec(section[1]);
  if (!block) throw new Error('README.md has no ```lua block under "### Neovim"');
  return block[1];
}

function neovimVersion() {
  // (Without a log file of its own, even `nvim --version` creates ~/.cache/nvim.)
  const result = spawnSync('nvim', ['--version'], { encoding: 'utf8', env: { ...process.env, NVIM_LOG_FILE: os.devNull } });
  const match = result.status === 0 && /NVIM v(\d+)\.(\d+)/.exec(result.stdout);
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

const version = neovimVersion();
if (!version) {
  console.error('Neovim (nvim) is not installed: run `bash scripts/e2e-setup.sh apt` (Debian) or install Neovim 0.7 or later.');
  process.exit(1);
}
if (version[0] === 0 && version[1] < 7) {
  console.error(`Neovim ${version.join('.')} is too old: the README's setup needs 0.7 or later.`);
  process.exit(1);
}
if (!existsSync(server)) {
  console.error('server/out/server.js is missing: run `npm run build` first.');
  process.exit(1);
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'mongodb-uri-neovim-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));

// The command the README names, starting the server of this repository.
const bin = path.join(tmp, 'bin');
mkdirSync(bin);
const command = path.join(bin, 'mongodb-uri-language-server');
writeFileSync(command, `#!/bin/sh\nexec '${process.execPath}' '${server}' "$@"\n`);
chmodSync(command, 0o755);

const init = path.join(tmp, 'init.lua');
writeFileSync(init, readmeNeovimSetup(readFileSync(path.join(root, 'README.md'), 'utf8')));

const project = path.join(tmp, 'project');
mkdirSync(project);
for (const name of ['.env', '.env.local']) copyFileSync(path.join(root, 'test', 'e2e', 'fixtures', 'workspace', '.env'), path.join(project, name));

// Neovim's own folders in the temporary one: no user configuration, plugins, shada or logs.
const xdg = Object.fromEntries(['CONFIG', 'DATA', 'STATE', 'CACHE'].map((d) => [`XDG_${d}_HOME`, path.join(tmp, d.toLowerCase())]));
xdg.NVIM_LOG_FILE = path.join(tmp, 'nvim.log');

console.log(`Neovim ${version.join('.')}, the README's setup, ${path.relative(root, server)}:`);
const nvim = spawn('nvim', ['--headless', '-n', '-i', 'NONE', '-u', init, '-c', `luafile ${path.join(here, 'test.lua')}`, '.env'], {
  cwd: project,
  env: { ...process.env, ...xdg, PATH: `${bin}${path.delimiter}${process.env.PATH}` },
  stdio: ['ignore', 'inherit', 'inherit'],
  detached: true, // its own process group, with the language server: ended as one
});
const endGroup = () => {
  try {
    process.kill(-nvim.pid, 'SIGKILL');
  } catch {
    // already gone
  }
};
process.on('exit', endGroup);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => process.exit(1));
const timer = setTimeout(() => {
  console.error(`Neovim did not finish within ${TIMEOUT_MS / 1000} s.`);
  process.exit(1);
}, TIMEOUT_MS);

nvim.on('exit', (code, signal) => {
  clearTimeout(timer);
  // (Neovim's own messages on stderr may lack a final newline.)
  if (code !== 0) console.error(`\nNeovim exited with ${signal ?? `code ${code}`}.`);
  process.exit(code === 0 ? 0 : 1);
});
