// Fails when the pure core (server/src/service/) imports something it must not:
// the editor API, the LSP libraries, the file system, the network, child processes,
// or any module of the server outside service/; when a module imports from a layer above its own;
// or when modules import each other in a circle (type imports count).
//
// Layers, lowest first; a module imports from its own layer or lower ones only:
//   api.ts (every shared type; imports nothing of ours) < data < lex < uri < extract < rules
//   < analyzers (naming, limits, admin, compose, atlas, serverConfig) < features < the facade (languageService.ts, incrementalAnalyzer.ts)
//
//   node scripts/check-core-imports.mjs [coreDir]
import { existsSync } from 'node:fs';
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

const LAYERS = ['api', 'data', 'lex', 'uri', 'extract', 'rules', 'analyzers', 'features', 'facade'];
const FOLDER_LAYERS = {
  data: 'data', lex: 'lex', uri: 'uri', extract: 'extract', rules: 'rules',
  naming: 'analyzers', limits: 'analyzers', admin: 'analyzers', compose: 'analyzers', atlas: 'analyzers', serverConfig: 'analyzers', features: 'features',
};
const ROOT_LAYERS = { 'api.ts': 'api', 'languageService.ts': 'facade', 'incrementalAnalyzer.ts': 'facade' };

/** The layer of a core module, or undefined when it has none (a new folder or file must be given one). */
function layerOf(file) {
  const rel = path.relative(coreDir, file).split(path.sep);
  return rel.length === 1 ? ROOT_LAYERS[rel[0]] : FOLDER_LAYERS[rel[0]];
}

/** The core module a relative specifier names, or undefined when there is none. */
function resolveModule(specifier, fromFile) {
  const target = path.resolve(path.dirname(fromFile), specifier);
  for (const candidate of [target, `${target}.ts`, path.join(target, 'index.ts')]) {
    if (candidate.endsWith('.ts') && existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** Strongly connected components of more than one module (or a module importing itself): the circles. */
function circles(graph) {
  let index = 0;
  const stack = [];
  const info = new Map();
  const found = [];
  const visit = (v) => {
    const me = { index, low: index, onStack: true };
    info.set(v, me);
    index++;
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      const other = info.get(w);
      if (!other) {
        visit(w);
        me.low = Math.min(me.low, info.get(w).low);
      } else if (other.onStack) me.low = Math.min(me.low, other.index);
    }
    if (me.low === me.index) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        info.get(w).onStack = false;
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? new Set()).has(v)) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!info.has(v)) visit(v);
  return found;
}

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
const graph = new Map();
for (const file of files) {
  const source = stripComments(await readFile(file, 'utf8'));
  const layer = layerOf(file);
  const shown = path.relative(root, file);
  if (!file.endsWith('.ts')) continue;
  if (layer === undefined) violations.push(`${shown}: is in no layer: put it in one of the layer folders (see the top of scripts/check-core-imports.mjs)`);
  const edges = new Set();
  graph.set(file, edges);
  for (const m of source.matchAll(SPECIFIER_RE)) {
    const line = source.slice(0, m.index).split('\n').length;
    const reason = whyForbidden(m[2], file);
    if (reason) {
      violations.push(`${shown}:${line}: '${m[2]}' ${reason}`);
      continue;
    }
    if (!m[2].startsWith('.')) continue;
    const target = resolveModule(m[2], file);
    if (!target) continue;
    edges.add(target);
    const targetLayer = layerOf(target);
    if (layer === 'api') violations.push(`${shown}:${line}: '${m[2]}': api.ts imports nothing of ours`);
    else if (layer !== undefined && targetLayer !== undefined && LAYERS.indexOf(targetLayer) > LAYERS.indexOf(layer)) {
      violations.push(`${shown}:${line}: '${m[2]}' imports upwards, from layer ${targetLayer} into layer ${layer}`);
    }
  }
}
for (const circle of circles(graph)) {
  violations.push(`import circle among: ${circle.map((f) => path.relative(root, f)).join(', ')}`);
}

if (violations.length > 0) {
  console.error('The pure core must not import these:');
  for (const v of violations) console.error(`  ${v}`);
  process.exit(1);
}
console.log(`Core imports OK (${files.length} files in ${path.relative(root, coreDir) || '.'}).`);
