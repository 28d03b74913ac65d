/** Bundle sizes, and where the bytes of the language server bundle come from (detail only). */
import { statSync } from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { kb } from './measure';
import { type Section } from './report';

export interface SizeResult {
  bundles: Record<string, number>;
  /** Bytes of server/out/server.js by origin: core folders, the LSP layer, each library. */
  serverBreakdown: Array<{ origin: string; bytes: number }>;
}

const BUNDLES = ['server/out/server.js', 'server/out/cli.js', 'client/out/extension.js'];

function originOf(input: string): string {
  const library = /^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
  if (library) return library[1];
  const core = /^server\/src\/service\/(?:([^/]+)\/)?/.exec(input);
  if (core) return core[1] ? `core: ${core[1]}/` : 'core: facade and types';
  return 'LSP layer (server/src/*.ts)';
}

export async function benchSizes(root: string): Promise<SizeResult> {
  const bundles: Record<string, number> = {};
  for (const b of BUNDLES) bundles[b] = statSync(path.join(root, b)).size;
  // The same options as esbuild.mjs uses for the server, built in memory for its metafile.
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['server/src/server.ts'],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    mainFields: ['module', 'main'],
    minify: true,
    legalComments: 'none',
    define: { __VERSION__: '"0.0.0"', __REPOSITORY_URL__: '""' },
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const output = Object.values(result.metafile.outputs)[0];
  const byOrigin = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    byOrigin.set(originOf(input), (byOrigin.get(originOf(input)) ?? 0) + bytesInOutput);
  }
  const serverBreakdown = [...byOrigin].map(([origin, bytes]) => ({ origin, bytes })).sort((a, b) => b.bytes - a.bytes);
  return { bundles, serverBreakdown };
}

export async function sizesSection(s: Section, root: string): Promise<void> {
  const r = await benchSizes(root);
  s.results = r;
  const server = r.bundles['server/out/server.js'];
  s.print('### Bundle sizes (minified)');
  s.print();
  s.print('| Bundle | Size |');
  s.print('| --- | ---: |');
  for (const [name, bytes] of Object.entries(r.bundles)) s.print(`| ${name} | ${kb(bytes)} |`);
  s.print();
  s.print(`server/out/server.js by origin (${kb(server)}):`);
  s.print();
  s.print('| Origin | Bytes |');
  s.print('| --- | ---: |');
  for (const o of r.serverBreakdown) s.print(`| ${o.origin} | ${kb(o.bytes)} |`);
}
