/**
 * .pre-commit-hooks.yaml: the hook `mongodb-uri-lint` is run as pre-commit runs it (entry, args, then the
 * staged files that `files` selects, as relative paths, in the repository's root), and selects every file
 * the CLI reads by name.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { cli, lint, project } from '../helpers/cli';
import { repoRoot } from '../helpers/repo';
import { languageIdForPath } from '../../server/src/cli/languageId';
import { cliExtensions, hookTakes, readHooks, type Hook } from './preCommitHook';

const root = repoRoot();
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const hooks = readHooks();
const hook = hooks.find((h) => h.id === 'mongodb-uri-lint') as Hook;

test('the hook is a node hook whose entry is the CLI of this package, given the file names', () => {
  assert.equal(hooks.length, 1);
  assert.ok(hook);
  assert.equal(hook.language, 'node');
  assert.equal(hook.entry, 'mongodb-uri-lint');
  assert.equal(hook.pass_filenames, true);
  assert.ok(hook.name.length > 0);
  // pre-commit installs the repository as an npm package: the entry is one of its bin commands.
  assert.equal(path.join(root, manifest.bin[hook.entry]), cli);
  // Only text files: a binary file would be skipped by the CLI anyway.
  assert.deepEqual(hook.types, ['text']);
  assert.equal(hook.types_or, undefined);
});

test('the files pattern selects every file name the CLI gives a language of its own, and the usual names', () => {
  const extensions = cliExtensions();
  assert.ok(extensions.length >= 20 && extensions.includes('.yml') && extensions.includes('.tf'), extensions.join(' '));
  for (const extension of extensions) {
    for (const name of [`app${extension}`, `src/deep/app${extension}`, `APP${extension.toUpperCase()}`]) {
      assert.notEqual(languageIdForPath(name), 'plaintext', name);
      assert.ok(hookTakes(hook, name), `the hook leaves out ${name}`);
    }
  }
  const usual = [
    '.env', '.env.local', '.env.production', 'config/.env.test', '.envrc', '.env-staging', 'prod.env', 'deploy/Staging.ENV',
    'docker-compose.yml', 'compose.yaml', 'docker-compose.override.yml', 'deploy/compose.prod.yaml',
    'appsettings.json', 'appsettings.Development.json', 'application.properties', 'src/main/resources/application-dev.yml',
    'config/database.yml', 'config.toml', 'settings.ini', 'tsconfig.jsonc',
    'queries.mongodb.js', 'playgrounds/report.mongodb', 'main.tf', 'README.md', 'docs/notes.txt',
    'app.py', 'main.go', 'src/Main.java', 'build.gradle.kts', 'Program.cs', 'app.rb', 'index.php', 'deploy.sh',
    'server.mjs', 'server.cjs', 'db.mts', 'db.cts', 'App.tsx', 'App.jsx',
  ];
  for (const name of usual) assert.ok(hookTakes(hook, name), `the hook leaves out ${name}`);
  // Not everything: images, archives and files the CLI reads as nothing in particular.
  for (const name of ['logo.png', 'dist/app.zip', 'Makefile', 'package.json.bak', 'environment.png', 'src/envelope.c']) {
    assert.ok(!hookTakes(hook, name), `the hook takes ${name}`);
  }
});

test('run as pre-commit runs it: exit 1 and the bad file named; only good files: exit 0', () => {
  const files = {
    '.env': 'MONGODB_URI=mongodb://localhost:27017/shop\n',
    'config/app.yml': 'mongodb:\n  uri: "mongodb://db1.example.com:70000/app"\n',
    'src/db.ts': 'export const uri = "mongodb://localhost:27017/app?appName=shop";\n',
    'images/logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
  };
  const dir = project(files);
  // The staged files pre-commit would pass: relative, `/`-separated, selected by `files`.
  const staged = Object.keys(files).filter((f) => hookTakes(hook, f));
  assert.deepEqual(staged, ['.env', 'config/app.yml', 'src/db.ts']);
  const bad = lint(dir, ...(hook.args ?? []), ...staged);
  assert.equal(bad.status, 1, bad.stdout + bad.stderr);
  assert.match(bad.stdout, /^config\/app\.yml:2:\d+ error port-invalid /m);
  assert.doesNotMatch(bad.stdout, /^\.env:|^src\/db\.ts:/m);
  const good = lint(dir, ...(hook.args ?? []), ...staged.filter((f) => f !== 'config/app.yml'));
  assert.equal(good.status, 0, good.stdout + good.stderr);
  assert.equal(good.stdout, '');
});
