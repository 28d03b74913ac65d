import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { repoRoot } from '../helpers/repo';

const script = path.join(repoRoot(), 'scripts', 'check-core-imports.mjs');

function check(files: Record<string, string>): { status: number | null; stderr: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'core-imports-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const core = path.join(dir, 'server', 'src', 'service');
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(core, name)), { recursive: true });
    writeFileSync(path.join(core, name), content);
  }
  mkdirSync(core, { recursive: true });
  const r = spawnSync(process.execPath, [script, core], { encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr };
}

test('the real core passes', () => {
  const r = spawnSync(process.execPath, [script], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
});

test('imports inside the core, downwards, and of pure libraries pass', () => {
  const r = check({
    'rules/a.ts': "import { b } from '../uri/b';\nimport type { X } from '../api';\n// import * as fs from 'fs';\nexport const a = b;\n",
    'uri/b.ts': "import { URL } from 'node:url';\nexport const b = new URL('mongodb://x');\n",
    'api.ts': 'export type X = number;\n',
  });
  assert.equal(r.status, 0, r.stderr);
});

test('an upward import fails, type imports too', () => {
  const r = check({
    'api.ts': 'export type X = number;\n',
    'uri/parser.ts': "// the parser\nimport type { Analysis } from '../languageService';\nexport const p = 1;\n",
    'languageService.ts': 'export interface Analysis { n: number }\n',
  });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /uri\/parser\.ts:2: '\.\.\/languageService' imports upwards, from layer facade into layer uri/);
});

test('a circle of imports fails, also inside one layer and through type imports', () => {
  const r = check({
    'extract/a.ts': "import type { B } from './b';\nexport type A = B[];\n",
    'extract/b.ts': "import { c } from './c';\nexport type B = number;\nexport const b = c;\n",
    'extract/c.ts': "import type { A } from './a';\nexport const c: A = [];\n",
  });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /import circle among: .*extract\/a\.ts, .*extract\/b\.ts, .*extract\/c\.ts/);
});

test('api.ts imports nothing of ours, and every module is in a layer', () => {
  const r = check({ 'api.ts': "import { LIMITS } from './data/limits';\nexport type X = number;\n", 'data/limits.ts': 'export const LIMITS = 1;\n', 'misc/x.ts': 'export const x = 1;\n' });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /api\.ts:1: '\.\/data\/limits': api\.ts imports nothing of ours/);
  assert.match(r.stderr, /misc\/x\.ts: is in no layer/);
});

test('forbidden imports fail with file and line', () => {
  const forbidden = [
    "import * as vscode from 'vscode';",
    "import { createConnection } from 'vscode-languageserver/node';",
    "import { readFileSync } from 'fs';",
    "import { readFile } from 'node:fs/promises';",
    "const net = require('node:net');",
    "export * from 'child_process';",
    "import https from 'https';",
    "const h = await import('node:http');",
    "import { startServer } from '../../startServer';",
  ];
  for (const line of forbidden) {
    const r = check({ 'rules/x.ts': `// a comment\n${line}\n` });
    assert.equal(r.status, 1, line);
    assert.match(r.stderr, /x\.ts:2: /, line);
  }
});
