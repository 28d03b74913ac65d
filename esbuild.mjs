// Builds the bundles of the extension, the language server, the CLI and the tests.
//
//   node esbuild.mjs           build everything once and print the bundle sizes
//   node esbuild.mjs --watch   rebuild on change
import * as esbuild from 'esbuild';
import { chmod, mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));
const watch = process.argv.includes('--watch');
const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));

/**
 * The language server bundle is what editors start: every build reports its size (and the core's share
 * of it), so that growth shows in review; a bundle over the hard limit fails the build. The limit
 * was 512 KB until compose files, Kubernetes manifests and Spring's files were read (about 40 KB of
 * readers and rules), the messages went through a catalogue (about 24 KB) and the limits of the
 * limits page were checked in code, mongod.conf and Terraform (about 45 KB), then to 672 KB when files of
 * many values were made linear (indexes of definitions, of services and of records by what they are
 * checked against, about 4 KB), then to 680 KB when mongosh's globals had to be followed by a method
 * of theirs to count as evidence of MongoDB (the tables of database, collection, replication and
 * sharding methods, about 3 KB); it stands above what those need, not as a target.
 */
const SERVER_BUNDLE_HARD_LIMIT = 680 * 1024;

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // Prefer the ES module builds of dependencies: they tree-shake better than the UMD ones.
  mainFields: ['module', 'main'],
  logLevel: 'warning',
  absWorkingDir: root,
  define: {
    __VERSION__: JSON.stringify(pkg.version),
    __REPOSITORY_URL__: JSON.stringify(String(pkg.repository?.url ?? '').replace(/^git\+/, '').replace(/\.git$/, '')),
  },
  legalComments: 'none',
};

const shebang = { js: '#!/usr/bin/env node' };

/** @type {esbuild.BuildOptions[]} */
const products = [
  {
    ...common,
    entryPoints: ['client/src/extension.ts'],
    outfile: 'client/out/extension.js',
    external: ['vscode'],
    minify: !watch,
    sourcemap: watch,
  },
  {
    ...common,
    entryPoints: ['server/src/server.ts'],
    outfile: 'server/out/server.js',
    banner: shebang,
    minify: true,
    sourcemap: watch,
    metafile: true,
  },
  {
    // The same server for a web worker (VS Code for the Web): no Node.js module may reach it.
    ...common,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    mainFields: ['browser', 'module', 'main'],
    entryPoints: ['server/src/browserServer.ts'],
    outfile: 'server/out/browserServer.js',
    minify: true,
    sourcemap: watch,
  },
  {
    ...common,
    platform: 'browser',
    target: 'es2022',
    format: 'cjs',
    mainFields: ['browser', 'module', 'main'],
    entryPoints: ['client/src/browserExtension.ts'],
    outfile: 'client/out/browserExtension.js',
    external: ['vscode'],
    minify: !watch,
    sourcemap: watch,
  },
  {
    ...common,
    entryPoints: ['server/src/cli.ts'],
    outfile: 'server/out/cli.js',
    banner: shebang,
    minify: true,
    sourcemap: watch,
  },
];

/** Every `test/**\/*.test.ts` → `test/out/**\/*.test.js`; dependencies stay in node_modules. */
async function testBuild() {
  const entryPoints = (await listFiles(path.join(root, 'test')))
    .filter((f) => f.endsWith('.test.ts') && !isUnder(f, path.join(root, 'test', 'out')))
    .map((f) => path.relative(root, f));
  return {
    ...common,
    entryPoints,
    outdir: 'test/out',
    outbase: 'test',
    packages: 'external',
    external: ['vscode', 'mongodb'],
    sourcemap: 'inline',
  };
}

/** The benchmark (`npm run bench`): bench/*.ts → bench/out/run.js; the peers stay in node_modules. */
const benchBuild = {
  ...common,
  entryPoints: ['bench/run.ts'],
  outfile: 'bench/out/run.js',
  packages: 'external',
  sourcemap: 'inline',
};

/** Bare work of the CLI budget: walking and reading a tree with nothing else (bench/readTree.ts). */
const benchReadTreeBuild = {
  ...common,
  entryPoints: ['bench/readTree.ts'],
  outfile: 'bench/out/readTree.js',
  packages: 'external',
};

/**
 * The floor of the start-up benchmark: a bare vscode-languageserver server, bundled as the language
 * server is (same options, libraries inside), so that the two start the same way.
 */
const benchBareServerBuild = {
  ...common,
  entryPoints: ['bench/bareServer.ts'],
  outfile: 'bench/out/bareServer.js',
  banner: shebang,
  minify: true,
};

async function listFiles(dir) {
  const out = [];
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules') out.push(...(await listFiles(full)));
    } else if (e.isFile()) out.push(full);
  }
  return out;
}

function isUnder(file, dir) {
  const rel = path.relative(dir, file);
  return !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** Removes test bundles of earlier builds, so a deleted test does not run on. Keeps tsc's output. */
async function cleanTestBundles() {
  const outDir = path.join(root, 'test', 'out');
  for (const f of await listFiles(outDir)) {
    if (!isUnder(f, path.join(outDir, 'types')) && /\.test\.js(\.map)?$/.test(f)) await rm(f);
  }
}

function formatSize(bytes) {
  return bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${bytes} B`;
}

/** Bytes of an output that come from the pure core (server/src/service/). */
function coreBytes(metafile, outfile) {
  const output = metafile?.outputs[outfile];
  if (!output) return undefined;
  return Object.entries(output.inputs)
    .filter(([input]) => input.startsWith('server/src/service/'))
    .reduce((sum, [, { bytesInOutput }]) => sum + bytesInOutput, 0);
}

async function reportSizes(results) {
  for (const [i, p] of products.entries()) {
    const size = (await stat(path.join(root, p.outfile))).size;
    const core = coreBytes(results[i].metafile, p.outfile);
    const parts = core === undefined ? '' : `  (core ${formatSize(core)}, LSP layer and libraries ${formatSize(size - core)})`;
    console.log(`  ${p.outfile.padEnd(28)} ${formatSize(size).padStart(10)}${parts}`);
    if (p.outfile !== 'server/out/server.js') continue;
    if (size > SERVER_BUNDLE_HARD_LIMIT) {
      console.error(`${p.outfile} is ${formatSize(size)}, over the hard limit of ${formatSize(SERVER_BUNDLE_HARD_LIMIT)}.`);
      process.exitCode = 1;
    }
  }
}

async function makeExecutable() {
  for (const f of ['server/out/server.js', 'server/out/cli.js']) await chmod(path.join(root, f), 0o755);
}

await mkdir(path.join(root, 'test', 'out'), { recursive: true });
await cleanTestBundles();
const all = [...products, await testBuild(), benchBuild, benchReadTreeBuild, benchBareServerBuild];

if (watch) {
  for (const options of all) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
  }
  console.log('Watching for changes...');
} else {
  const started = Date.now();
  let results;
  try {
    results = await Promise.all(all.map((options) => esbuild.build(options)));
  } catch {
    // esbuild has printed the errors.
    process.exit(1);
  }
  await makeExecutable();
  console.log(`Built in ${Date.now() - started} ms:`);
  await reportSizes(results);
}
