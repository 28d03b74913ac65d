// Runs the built tests with node's test runner: every *.test.js under test/out/<group>/.
//
//   node scripts/run-tests.mjs unit lsp cli package
//
// Explicit file lists work with every Node version (glob arguments need Node 21+).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const groups = process.argv.slice(2);

function testFiles(dir) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return testFiles(full);
    return e.isFile() && e.name.endsWith('.test.js') ? [full] : [];
  });
}

const files = groups.flatMap((group) => testFiles(path.join(root, 'test', 'out', group))).sort();
if (files.length === 0) {
  console.error(`No built tests in test/out/{${groups.join(',')}}: run \`npm run build\` first.`);
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...files.map((f) => path.relative(root, f))], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
