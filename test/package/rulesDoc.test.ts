import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../helpers/repo';

test('the README rule table is generated from the rule table and up to date', () => {
  const root = repoRoot();
  const out = execFileSync(process.execPath, [path.join(root, 'scripts/gen-rules-doc.mjs'), '--check'], { cwd: root, encoding: 'utf8' });
  assert.match(out, /up to date \(\d+ rules\)/);
});
