// Fails when the pure core (server/src/service/) imports something it must not:
// the editor API, the LSP libraries, the file system, the network, child processes,
// or any module of the server outside service/.
//
//   node scripts/check-core-imports.mjs [coreDir]
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const coreDir = path.resolve(process.argv[2] ?? path.join(root, 'server', 'src', 'service'));

const FORBIDDEN_MODULES = [
  'vscode',
  'fs',
  'fs/promises',
  'net',
  'tls',
  'dgram',
  'dns',
  'http',
  'https',
  'http2',
  'child_process',
  'worker_threads',
  'cluster',
];

/** Why a module specifier is not allowed in the core, or undefined when it is. */
function whyForbidden(specifier, fromFile) {
  if (specifier.startsWith('.')) {
    const target = path.resolve(path.dirname(fromFile), specifier);
    const rel = path.relative(coreDir, target);
    if (rel.startsWith('..') || path.isAbsolute(rel)) return 'reaches outside the core (server/src/service/)';
    return undefined;
  }
  const bare = specifier.replace(/^node:/, '');
  if (bare.startsWith('vscode-languageserver') || bare.startsWith('vscode-languageclient') || bare.startsWith('vscode-jsonrpc')) {
    return 'is an LSP library: the core does not know about LSP';
  }
  if (FORBIDDEN_MODULES.includes(bare)) return 'gives access to the editor, the file system, the network or processes';
  return undefined;
}

// import x from 'm'; import 'm'; export * from 'm'; import('m'); require('m'); import x = require('m')
const SPECIFIER_RE =
  /(?:\bimport\s+(?:type\s+)?(?:[\w*{}\s,$]+\s+from\s+)?|\bexport\s+(?:type\s+)?(?:[\w*{}\s,$]+\s+)?from\s+|\bimport\s*\(\s*|\brequire\s*\(\s*)(['"])([^'"\n]+)\1/g;

function stripComments(source) {
  return source.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"])\/\/.*$/gm, '$1');
}

async function listSources(dir) {
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listSources(full)));
    else if (/\.(ts|tsx|mts|cts|js|mjs|cjs)$/.test(e.name)) out.push(full);
  }
  return out;
}

const violations = [];
let files;
try {
  files = await listSources(coreDir);
} catch (err) {
  console.error(`check-core-imports: cannot read ${coreDir}: ${err.message}`);
  process.exit(2);
}
for (const file of files) {
  const source = stripComments(await readFile(file, 'utf8'));
  for (const m of source.matchAll(SPECIFIER_RE)) {
    const reason = whyForbidden(m[2], file);
    if (reason) {
      const line = source.slice(0, m.index).split('\n').length;
      violations.push(`${path.relative(root, file)}:${line}: '${m[2]}' ${reason}`);
    }
  }
}

if (violations.length > 0) {
  console.error('The pure core must not import these:');
  for (const v of violations) console.error(`  ${v}`);
  process.exit(1);
}
console.log(`Core imports OK (${files.length} files in ${path.relative(root, coreDir) || '.'}).`);
