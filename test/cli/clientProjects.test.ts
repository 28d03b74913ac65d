/**
 * Projects where the server cannot read the disk (server/src/clientProjects.ts): the manifests come from a
 * reader that stands for the client, and the nearest folder with one decides, as on the disk.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultSettings } from '../../server/src/service/api';
import { ClientProjects, foldersAbove, githubRepositoryRoot } from '../../server/src/clientProjects';

const ROOT = 'vscode-vfs://github/acme/shop/';

/** A client that has `files` (URI → text), counting what it is asked for. */
function client(files: Record<string, string>) {
  const asked: string[] = [];
  const read = async (uri: string) => {
    asked.push(uri);
    return files[uri];
  };
  return { read, asked };
}

describe('foldersAbove', () => {
  test('the folders of a document, its own first, up to the root of its path', () => {
    assert.deepEqual(foldersAbove(`${ROOT}src/db.ts`), [`${ROOT}src/`, ROOT, 'vscode-vfs://github/acme/', 'vscode-vfs://github/']);
    assert.deepEqual(foldersAbove('file:///p/app/.env'), ['file:///p/app/', 'file:///p/', 'file:///']);
    assert.deepEqual(foldersAbove(`${ROOT}.env?ref=main`), [ROOT, 'vscode-vfs://github/acme/', 'vscode-vfs://github/']);
    assert.deepEqual(foldersAbove('untitled:Untitled-1'), []);
    assert.equal(foldersAbove(`${ROOT}${'d/'.repeat(40)}x.env`).length, 16);
  });
});

describe('ClientProjects', () => {
  test('the nearest package.json decides nodeProject, for every kind of file', async () => {
    const { read } = client({
      [`${ROOT}package.json`]: JSON.stringify({ dependencies: { mongodb: '^6.8.0' } }),
      [`${ROOT}packages/site/package.json`]: JSON.stringify({ dependencies: { react: '^18.0.0' } }),
    });
    const projects = new ClientProjects(read);
    const api = await projects.settingsForFile(defaultSettings, `${ROOT}src/db.ts`);
    const env = await projects.settingsForFile(defaultSettings, `${ROOT}deploy/.env`);
    const site = await projects.settingsForFile(defaultSettings, `${ROOT}packages/site/src/app.tsx`);
    assert.equal(api.nodeProject, true);
    assert.equal(env, api, 'one settings object per combination');
    assert.equal(site.nodeProject, undefined, 'the nearest package.json names no driver');
    assert.equal(api.tracked, true, 'a file of a GitHub repository that no .gitignore ignores');
  });

  test('a Python file follows the nearest Python manifest; other files do not ask for one', async () => {
    const { read, asked } = client({
      [`${ROOT}services/orders/requirements.txt`]: 'fastapi==0.111\npymongo[srv]==4.7.2\n',
      [`${ROOT}services/billing/pyproject.toml`]: '[project]\ndependencies = ["psycopg>=3.1"]\n',
      [`${ROOT}requirements.txt`]: 'motor==3.4\n',
    });
    const projects = new ClientProjects(read);
    assert.equal((await projects.settingsForFile(defaultSettings, `${ROOT}services/orders/app/repo.py`)).pythonProject, true);
    assert.equal((await projects.settingsForFile(defaultSettings, `${ROOT}services/billing/ledger.py`)).pythonProject, undefined, 'the nearest manifest names no driver');
    assert.equal((await projects.settingsForFile(defaultSettings, `${ROOT}tools/seed.pyi`)).pythonProject, true);
    const before = asked.length;
    assert.equal((await projects.settingsForFile(defaultSettings, `${ROOT}tools/.env`)).pythonProject, undefined);
    assert.ok(asked.slice(before).every((uri) => uri.endsWith('/package.json')), 'a .env asks for package.json files only');
  });

  test('each manifest is asked for once until clear(); then again', async () => {
    const files: Record<string, string> = {};
    const { read, asked } = client(files);
    const projects = new ClientProjects(read);
    assert.equal((await projects.settingsForFile(defaultSettings, `${ROOT}src/a.ts`)).nodeProject, undefined);
    const first = asked.length;
    await projects.settingsForFile(defaultSettings, `${ROOT}src/b.ts`);
    assert.equal(asked.length, first, 'answers are kept');
    files[`${ROOT}package.json`] = JSON.stringify({ devDependencies: { mongoose: '^8.0.0' } });
    projects.clear();
    assert.equal((await projects.settingsForFile(defaultSettings, `${ROOT}src/a.ts`)).nodeProject, true);
    assert.equal(asked.length, 2 * first);
  });

  test('a client that does not answer, or fails, counts as one without the file', async () => {
    // Outside a GitHub repository nothing else is known of the file: the settings stay as they are.
    const root = 'vscode-vfs://azurerepos/acme/shop/';
    const silent = new ClientProjects(() => new Promise<string | undefined>(() => undefined), 10);
    assert.equal(await silent.settingsForFile(defaultSettings, `${root}src/a.ts`), defaultSettings);
    const failing = new ClientProjects(() => Promise.reject(new Error('no such file')));
    assert.equal(await failing.settingsForFile(defaultSettings, `${root}src/a.ts`), defaultSettings);
    const notJson = new ClientProjects(async (uri) => (uri === `${root}package.json` ? '{ "dependencies": { "mongodb": ' : undefined));
    assert.equal(await notJson.settingsForFile(defaultSettings, `${root}src/a.ts`), defaultSettings);
    // In one, a .gitignore that does not come counts as none.
    assert.equal((await silent.settingsForFile(defaultSettings, `${ROOT}.env`)).tracked, true);
  });
});

describe('whether a file of a GitHub repository opened as a virtual workspace is committed', () => {
  test('githubRepositoryRoot: the owner and repository after the authority, which may carry a ref', () => {
    assert.equal(githubRepositoryRoot(`${ROOT}src/db.ts`), ROOT);
    assert.equal(githubRepositoryRoot('vscode-vfs://github%2B7b2276223a317d/acme/shop/.env'), 'vscode-vfs://github%2B7b2276223a317d/acme/shop/');
    for (const uri of ['vscode-vfs://azurerepos/org/project/repo/.env', 'file:///p/.env', 'vscode-vfs://github/acme', 'untitled:Untitled-1']) {
      assert.equal(githubRepositoryRoot(uri), undefined, uri);
    }
  });

  test('committed unless a .gitignore from the root down ignores the file or a folder above it', async () => {
    const { read } = client({
      [`${ROOT}.gitignore`]: 'node_modules/\n.env\n!.env.example\nsecrets/\n',
      [`${ROOT}services/api/.gitignore`]: '*.local.yaml\n',
    });
    const projects = new ClientProjects(read);
    const tracked = async (path: string) => (await projects.settingsForFile(defaultSettings, `${ROOT}${path}`)).tracked;
    assert.equal(await tracked('.env'), false);
    assert.equal(await tracked('services/api/.env'), false, 'a pattern without a slash matches at any depth');
    assert.equal(await tracked('.env.example'), true, 're-included');
    assert.equal(await tracked('secrets/prod.yaml'), false, 'inside an ignored folder');
    assert.equal(await tracked('services/api/app.local.yaml'), false, "the subfolder's own .gitignore");
    assert.equal(await tracked('services/web/app.local.yaml'), true);
    assert.equal(await tracked('config/app.yaml'), true);
    assert.equal(await tracked('my%20notes/x.env'), true, 'a path with an escape');
  });

  test('outside a GitHub virtual workspace nothing is said', async () => {
    const projects = new ClientProjects(client({ 'file:///p/.gitignore': '.env\n' }).read);
    assert.equal((await projects.settingsForFile(defaultSettings, 'file:///p/.env')).tracked, undefined);
  });
});
