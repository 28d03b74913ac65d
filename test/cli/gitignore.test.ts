/**
 * What is committed (server/src/gitignore.ts): the .gitignore matcher on the syntax people use, the walk
 * up to the repository's root, and the CLI's credentials-in-source in tracked and ignored files.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import { filePathOf } from '../../server/src/fileSettings';
import { tempFolder } from '../helpers/files';
import { GitIgnores } from '../../server/src/gitignore';
import { parseGitignore, parseIgnoreLine, ruleMatches } from '../../server/src/gitignoreRules';
import { lint, lintWithInput, project } from '../helpers/cli';

/** True when no folder above the temporary folder is a repository or has a .gitignore. */
const nothingAboveTmp = new GitIgnores().isTrackedFile(path.join(tmpdir(), 'probe.env')) === undefined;

/** Whether a .gitignore's text ignores `relative` (a file, or a folder when it ends with `/`), last match winning. */
function ignores(gitignore: string, relative: string): boolean {
  const isDir = relative.endsWith('/');
  const p = relative.replace(/\/$/, '');
  let ignored = false;
  for (const rule of parseGitignore(gitignore)) if (ruleMatches(rule, p, isDir)) ignored = !rule.negate;
  return ignored;
}

describe('.gitignore patterns', () => {
  test('a name without a slash matches at any depth', () => {
    assert.ok(ignores('.env', '.env'));
    assert.ok(ignores('.env', 'api/config/.env'));
    assert.ok(!ignores('.env', '.env.local'));
    assert.ok(!ignores('.env', 'a.env'));
  });

  test('*, ? and [...] stay within one path segment', () => {
    assert.ok(ignores('*.env', 'deploy/prod.env'));
    assert.ok(ignores('*.env', '.env'), '* may match nothing');
    assert.ok(ignores('.env*', '.env.production'));
    assert.ok(ignores('.env*', 'web/.env'));
    assert.ok(!ignores('.env*', 'my.env'));
    assert.ok(ignores('.env*.local', '.env.development.local'));
    assert.ok(ignores('*.py[cod]', 'pkg/mod.pyc'));
    assert.ok(!ignores('*.py[cod]', 'pkg/mod.py'));
    assert.ok(ignores('f?o', 'foo'));
    assert.ok(!ignores('f?o', 'f/o'));
    assert.ok(ignores('[!a]x', 'bx'));
    assert.ok(!ignores('[!a]x', 'ax'));
    assert.ok(!ignores('config/*.env', 'config/sub/a.env'), 'a * does not cross a /');
  });

  test('a slash at the start or in the middle anchors the pattern to the .gitignore folder', () => {
    assert.ok(ignores('/.env', '.env'));
    assert.ok(!ignores('/.env', 'web/.env'));
    assert.ok(ignores('/config/.env', 'config/.env'));
    assert.ok(!ignores('/config/.env', 'app/config/.env'));
    assert.ok(ignores('config/.env', 'config/.env'));
    assert.ok(!ignores('config/.env', 'app/config/.env'), 'a slash in the middle anchors too');
  });

  test('a trailing slash matches folders only', () => {
    assert.ok(ignores('logs/', 'logs/'));
    assert.ok(ignores('logs/', 'app/logs/'));
    assert.ok(!ignores('logs/', 'logs'), 'a file named logs');
    assert.ok(ignores('/public/build/', 'public/build/'));
  });

  test('** matches any number of folders', () => {
    assert.ok(ignores('**/secrets/*', 'secrets/db.env'));
    assert.ok(ignores('**/secrets/*', 'a/b/secrets/db.env'));
    assert.ok(!ignores('**/secrets/*', 'a/secrets/sub/db.env'), 'the * stays in one segment');
    assert.ok(ignores('config/**/prod.env', 'config/prod.env'));
    assert.ok(ignores('config/**/prod.env', 'config/a/b/prod.env'));
    assert.ok(ignores('config/**', 'config/a/b.env'));
    assert.ok(!ignores('config/**', 'config/'), 'config/** is what is inside config');
    assert.ok(ignores('**/.env', 'deep/er/.env'));
  });

  test('comments, blank lines, trailing spaces, escapes and negation', () => {
    assert.equal(parseIgnoreLine('# .env'), undefined);
    assert.equal(parseIgnoreLine(''), undefined);
    assert.equal(parseIgnoreLine('   '), undefined);
    assert.ok(ignores('.env   ', '.env'), 'trailing spaces are dropped');
    assert.ok(ignores('.env\r', '.env'), 'CRLF files');
    assert.ok(ignores('a\\ ', 'a '), 'an escaped trailing space is kept');
    assert.ok(ignores('\\#notes', '#notes'));
    assert.ok(ignores('\\!important', '!important'));
    assert.ok(!ignores('.env*\n!.env.example', '.env.example'));
    assert.ok(ignores('.env*\n!.env.example', '.env.local'));
    assert.ok(ignores('!.env.example\n.env*', '.env.example'), 'later rules override earlier ones');
    assert.ok(ignores('*.env\n!prod.env\nprod.env', 'prod.env'));
  });
});

describe('GitIgnores: the walk from the file to the repository root', () => {
  const tree = (files: Record<string, string>) => tempFolder(files);

  test('nested .gitignore files: deeper ones override, a folder that is ignored takes its files along', () => {
    const root = tree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': '.env*\n!.env.example\nbuild/\n',
      'api/.gitignore': '!.env.production\n',
      'build/.gitignore': '!keep.env\n',
    });
    const ig = new GitIgnores();
    const at = (p: string) => ig.isTrackedFile(path.join(root, p));
    assert.equal(at('.env'), false);
    assert.equal(at('.env.example'), true);
    assert.equal(at('api/.env.production'), true);
    assert.equal(at('api/.env'), false);
    assert.equal(at('web/.env.production'), false);
    assert.equal(at('build/keep.env'), false, 'inside an ignored folder nothing is re-included');
    assert.equal(at('src/db.json'), true);
  });

  test('.git/info/exclude counts; .gitignore files above the repository do not', () => {
    const outer = tree({ '.gitignore': '*.json\n', 'repo/.git/info/exclude': 'local.env\n', 'repo/.gitignore': '' });
    const ig = new GitIgnores();
    assert.equal(ig.isTrackedFile(path.join(outer, 'repo/app.json')), true);
    assert.equal(ig.isTrackedFile(path.join(outer, 'repo/local.env')), false);
  });

  test('a .git file (worktrees, submodules) marks the root too', () => {
    const root = tree({ '.git': 'gitdir: /elsewhere\n', 'x/.env': '' });
    assert.equal(new GitIgnores().isTrackedFile(path.join(root, 'x/.env')), true);
  });

  test('no repository and no .gitignore: unknown; file URIs only', (t) => {
    const root = tree({ 'a/.env': '' });
    const ig = new GitIgnores();
    const file = path.join(root, 'a/.env');
    assert.equal(filePathOf('untitled:Untitled-1'), undefined);
    assert.equal(filePathOf(pathToFileURL(file).href), file);
    if (!nothingAboveTmp) return t.skip('a folder above the temporary folder is a repository or has a .gitignore');
    assert.equal(ig.isTrackedFile(file), undefined);
  });

  test('answers are cached until clear()', () => {
    const root = tree({ '.git/HEAD': '', '.gitignore': '' });
    const ig = new GitIgnores();
    const env = path.join(root, '.env');
    assert.equal(ig.isTrackedFile(env), true);
    writeFileSync(path.join(root, '.gitignore'), '.env\n');
    assert.equal(ig.isTrackedFile(env), true, 'cached');
    ig.clear();
    assert.equal(ig.isTrackedFile(env), false);
  });
});

describe('the CLI: credentials-in-source follows the .gitignore', () => {
  const ENV = 'MONGODB_URI=mongodb+srv://app:Wq7xN2pR4tYb@cluster0.ab12c.mongodb.net/app\n';
  const credentialLines = (dir: string, ...args: string[]): string[] => {
    const r = lint(dir, '--format', 'json', '--exit-zero', ...args);
    assert.equal(r.status, 0, r.stderr);
    return (JSON.parse(r.stdout) as Array<{ file: string; line: number; ruleId: string }>)
      .filter((m) => m.ruleId === 'credentials-in-source')
      .map((m) => `${m.file.split(path.sep).join('/')}:${m.line}`)
      .sort();
  };

  test('a tracked .env is warned of, an ignored one is not; a README and an ignored config likewise', () => {
    const dir = project({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': '.env\nconfig/local.json\n',
      '.env': ENV,
      'deploy/prod.env': ENV,
      '.env.example': ENV,
      'README.md': `Connect with \`mongodb+srv://app:Wq7xN2pR4tYb@cluster0.ab12c.mongodb.net/app\`.\n`,
      'config/local.json': '{ "uri": "mongodb+srv://app:Wq7xN2pR4tYb@cluster0.ab12c.mongodb.net/app" }\n',
      'config/prod.json': '{ "uri": "mongodb+srv://app:Wq7xN2pR4tYb@cluster0.ab12c.mongodb.net/app" }\n',
    });
    assert.deepEqual(credentialLines(dir, '.'), ['README.md:1', 'config/prod.json:1', 'deploy/prod.env:1']);
    // The password is not printed.
    assert.ok(!lint(dir, '--exit-zero', '.').stdout.includes('Wq7xN2pR4tYb'));
  });

  test('without a repository or a .gitignore a .env is not known to be committed', (t) => {
    if (!nothingAboveTmp) return t.skip('a folder above the temporary folder is a repository or has a .gitignore');
    assert.deepEqual(credentialLines(project({ '.env': ENV }), '.'), []);
  });

  test('standard input named by --stdin-filename is judged by that name', () => {
    const dir = project({ '.git/HEAD': '', '.gitignore': '.env\n' });
    const run = (name: string) => {
      const r = lintWithInput(dir, ENV, '--format', 'json', '--exit-zero', '--stdin-filename', name, '-');
      return (JSON.parse(r.stdout) as Array<{ ruleId: string }>).filter((m) => m.ruleId === 'credentials-in-source').length;
    };
    assert.equal(run('.env'), 0);
    assert.equal(run('prod.env'), 1);
  });
});

describe('the CLI walks what git would add', () => {
  const BAD = 'MONGODB_URI=mongodb://localhost:70000/app\n';
  const filesIn = (dir: string, ...args: string[]): string[] => {
    const r = lint(dir, '--format', 'json', '--exit-zero', ...args);
    assert.equal(r.status, 0, r.stderr);
    return [...new Set((JSON.parse(r.stdout) as Array<{ file: string }>).map((m) => m.file.split(path.sep).join('/')))].sort();
  };
  const repo = () =>
    project({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.git/config.env': BAD,
      '.git/info/exclude': 'local/\n',
      '.gitignore': 'build/\n*.local.env\n!keep.local.env\n',
      'app.env': BAD,
      'dev.local.env': BAD,
      'keep.local.env': BAD,
      'build/out.env': BAD,
      'local/x.env': BAD,
      'api/.gitignore': 'secrets.env\n',
      'api/secrets.env': BAD,
      'api/app.env': BAD,
      'node_modules/dep/x.env': BAD,
      'vendor/.git': 'gitdir: ../.git/modules/vendor\n',
      'vendor/.gitignore': 'gen.env\n',
      'vendor/gen.env': BAD,
      'vendor/lib.env': BAD,
    });

  test('what a .gitignore or .git/info/exclude ignores is not walked; .git and node_modules never are', () => {
    const dir = repo();
    assert.deepEqual(filesIn(dir, '.'), ['api/app.env', 'app.env', 'keep.local.env', 'vendor/lib.env']);
    assert.deepEqual(filesIn(path.join(dir, 'api'), '.'), ['app.env']);
  });

  test('--no-ignore walks it all but .git and node_modules', () => {
    const dir = repo();
    assert.deepEqual(filesIn(dir, '--no-ignore', '.'), [
      'api/app.env', 'api/secrets.env', 'app.env', 'build/out.env', 'dev.local.env', 'keep.local.env', 'local/x.env', 'vendor/gen.env', 'vendor/lib.env',
    ]);
  });

  test('files named as arguments are checked even when ignored; globs and folders are walked', () => {
    const dir = repo();
    assert.deepEqual(filesIn(dir, 'dev.local.env', 'api/secrets.env'), ['api/secrets.env', 'dev.local.env']);
    assert.deepEqual(filesIn(dir, '**/*.env'), ['api/app.env', 'app.env', 'keep.local.env', 'vendor/lib.env']);
    // A folder named as an argument is walked even when it is ignored; what is in it is judged as usual.
    assert.deepEqual(filesIn(dir, 'build'), ['build/out.env']);
  });
});
