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

test('imports inside the core and of pure libraries pass', () => {
  const r = check({
    'a.ts': "import { b } from './sub/b';\nimport type { X } from '../service/types';\n// import * as fs from 'fs';\nexport const a = b;\n",
    'sub/b.ts': "import { URL } from 'node:url';\nexport const b = new URL('mongodb://x');\n",
    'types.ts': 'export type X = number;\n',
  });
  assert.equal(r.status, 0, r.stderr);
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
    "import { startServer } from '../startServer';",
  ];
  for (const line of forbidden) {
    const r = check({ 'x.ts': `// a comment\n${line}\n` });
    assert.equal(r.status, 1, line);
    assert.match(r.stderr, /x\.ts:2: /, line);
  }
});
