/**
 * GitIgnores against git itself: on random trees of files with random .gitignore files, a file is
 * tracked exactly when `git ls-files --others --exclude-standard` (what `git add -A` would add) lists it,
 * and the CLI's walk (which reads the .gitignore files as it goes) finds exactly those files.
 * Skipped when git is not installed.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { GitIgnores } from '../../server/src/gitignore';
import { collectFiles } from '../../server/src/cli/files';
import { checkProperty } from '../helpers/fuzz';

const FOLDERS = ['config', 'dir', 'secrets', 'sub', 'a'];
const FILES = ['.env', '.env.local', '.env.example', 'prod.env', 'c.json', 'f.txt', 'b', '#x', 'a '];
const PATTERNS = [
  '.env', '*.env', '.env*', '.env.local', '/config/.env', 'config/.env', 'dir/', '/dir', 'dir/*', '**/secrets/*', '!.env.example', '# comment',
  '.env   ', 'a/', 'a/**', '**/c.json', '*.json', '!c.json', 'sub/*.txt', '!dir/', '!dir/f.txt', '[bc].json', '[!c].json', 'f?txt', 'config',
  '\\#x', '', '*', '!*.env', '!prod.env', '**/sub', 'sub/**/b', '/*.txt', 'b/', '!b', 'a\\ ', 'config/**', '!config/', 'secrets', '!/secrets/prod.env',
  '.env/', 'c.json/', 'f.txt/', 'prod.env/',
];

const folderPath = fc.array(fc.constantFrom(...FOLDERS), { maxLength: 3 }).map((parts) => parts.join('/'));
const tree = fc.record({
  files: fc.uniqueArray(fc.tuple(folderPath, fc.constantFrom(...FILES)).map(([dir, name]) => (dir ? `${dir}/${name}` : name)), { minLength: 1, maxLength: 14 }),
  ignores: fc.array(fc.tuple(folderPath, fc.array(fc.constantFrom(...PATTERNS), { maxLength: 6 })), { minLength: 1, maxLength: 4 }),
  exclude: fc.array(fc.constantFrom(...PATTERNS), { maxLength: 2 }),
});

/** git with no configuration but the repository's: no global excludes file. */
function git(cwd: string, ...args: string[]): string {
  const home = path.join(cwd, '.git');
  const r = spawnSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: home, XDG_CONFIG_HOME: home, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
  });
  assert.equal(r.status, 0, `git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

const hasGit = spawnSync('git', ['--version']).status === 0;

test('tracked exactly when git would add the file', { skip: hasGit ? false : 'git is not installed' }, () => {
  checkProperty(
    'gitignore against git',
    fc.property(tree, ({ files, ignores, exclude }) => {
      const root = mkdtempSync(path.join(tmpdir(), 'mongodb-uri-gitignore-'));
      try {
        git(root, 'init', '-q');
        // A file and a folder of the same name cannot both exist: the folders win.
        const folders = new Set(files.flatMap((f) => f.split('/').slice(0, -1).map((_, k, parts) => parts.slice(0, k + 1).join('/'))));
        const kept = files.filter((f) => !folders.has(f));
        for (const f of kept) {
          mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
          writeFileSync(path.join(root, f), 'x\n');
        }
        for (const [dir, lines] of ignores) {
          if (kept.includes(dir)) continue;
          mkdirSync(path.join(root, dir), { recursive: true });
          writeFileSync(path.join(root, dir, '.gitignore'), lines.join('\n') + '\n');
        }
        writeFileSync(path.join(root, '.git', 'info', 'exclude'), exclude.join('\n') + '\n');
        const added = new Set(git(root, 'ls-files', '--others', '--exclude-standard', '-z').split('\0').filter((f) => f !== ''));
        const ig = new GitIgnores();
        for (const f of kept) {
          assert.equal(ig.isTrackedFile(path.join(root, f)), added.has(f), `${f} with ${JSON.stringify({ ignores, exclude })}`);
        }
        const walked = collectFiles([root], { ignore: true }).files.map((f) => path.relative(root, f).split(path.sep).join('/'));
        assert.deepEqual(walked.sort(), [...added].sort(), `the walk with ${JSON.stringify({ ignores, exclude })}`);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    }),
    60,
  );
});
