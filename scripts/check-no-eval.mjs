// Fails the build when the sources or the built bundles run code from strings: eval, the Function
// constructor, string timers, or the vm module. Run after esbuild (npm run build).
//
//   node scripts/check-no-eval.mjs
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE_DIRS = ['server/src', 'client/src'];
const BUNDLES = ['server/out/server.js', 'server/out/cli.js', 'client/out/extension.js'];

const PATTERNS = [
  [/(?<![\w$.])eval\s*\(/, 'eval('],
  [/\bnew\s+Function\s*\(/, 'new Function('],
  [/(?<![\w$.])Function\s*\(\s*['"`]/, 'Function("…")'],
  [/\bset(?:Timeout|Interval|Immediate)\s*\(\s*['"`]/, 'a timer with a string of code'],
  [/(?:require\s*\(\s*|from\s+)['"](?:node:)?vm['"]/, 'the vm module'],
];

async function sources(dir) {
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await sources(full)));
    else if (/\.(ts|mts|cts|js|mjs|cjs)$/.test(e.name)) out.push(full);
  }
  return out;
}

const files = [...(await Promise.all(SOURCE_DIRS.map((d) => sources(path.join(root, d))))).flat(), ...BUNDLES.map((b) => path.join(root, b))];
const found = [];
for (const file of files) {
  let text;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    found.push(`${path.relative(root, file)}: missing (build first)`);
    continue;
  }
  for (const [re, what] of PATTERNS) {
    const m = re.exec(text);
    if (m) {
      const line = text.slice(0, m.index).split('\n').length;
      found.push(`${path.relative(root, file)}:${line}: ${what} — ${JSON.stringify(text.slice(Math.max(0, m.index - 40), m.index + 40))}`);
    }
  }
}
if (found.length > 0) {
  console.error('Code from strings is not allowed (eval, the Function constructor, string timers, vm):');
  for (const f of found) console.error(`  ${f}`);
  process.exit(1);
}
console.log(`No eval (${files.length} files: sources and bundles).`);
