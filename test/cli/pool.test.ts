/**
 * The worker pool of mongodb-uri-lint: on a tree of ~400 files of many kinds (with problems, binary,
 * too large, unreadable, in a folder that vanishes), a run on worker threads prints exactly what a run
 * on the main thread prints, in every format. Faults are planted by a module preloaded with `--require`
 * into every thread (the checker has no hooks for them): an unreadable file, a folder that vanishes
 * during the walk or after it, a worker that throws, a worker that exits. Each run must end, with the
 * faulty file named, and the other files checked as usual.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { cli } from '../helpers/cli';
import { collectFiles } from '../../server/src/cli/files';
import { FileChecker, type FileResult } from '../../server/src/cli/lint';
import { WorkerPool } from '../../server/src/cli/pool';
import { defaultSettings, type Settings } from '../../server/src/service/languageService';
import { tempFolder, writeFiles } from '../helpers/files';

/** A run may never hang: a run still going after this long fails the test (it is not a timing check). */
const HANG = 120_000;

/**
 * Planted faults, by file and folder name, in the main thread and in every worker thread:
 * - `locked.env` cannot be opened (EACCES);
 * - a folder `vanishing/` is removed when a file in it is first opened (after the walk);
 * - a folder `gone-during-walk` is removed just before the walk reads it;
 * - a worker that posts the result of `crash-worker.env` throws while posting it;
 * - a worker that opens `exit-worker.env` exits with code 3;
 * - every worker thread writes a line to the file named by POOL_LOG when it starts.
 */
const FAULTS = `
const fs = require('node:fs');
const path = require('node:path');
const wt = require('node:worker_threads');
if (!wt.isMainThread && process.env.POOL_LOG) fs.appendFileSync(process.env.POOL_LOG, 'worker\\n');
let planting = false;
/** Runs f with the patches off (fs.rmSync reads folders and opens files itself). */
function unpatched(f) {
  planting = true;
  try {
    f();
  } finally {
    planting = false;
  }
}
const open = fs.openSync;
fs.openSync = function (p, ...rest) {
  const name = String(p);
  if (planting) return open.call(this, p, ...rest);
  if (path.basename(name) === 'locked.env') {
    const e = new Error("EACCES: permission denied, open '" + name + "'");
    e.code = 'EACCES';
    throw e;
  }
  const full = path.resolve(name);
  const at = full.indexOf(path.sep + 'vanishing' + path.sep);
  if (at >= 0) unpatched(() => fs.rmSync(full.slice(0, at + 'vanishing'.length + 1), { recursive: true, force: true }));
  if (!wt.isMainThread && path.basename(name) === 'exit-worker.env') process.exit(3);
  return open.call(this, p, ...rest);
};
const readdir = fs.readdirSync;
fs.readdirSync = function (p, ...rest) {
  if (!planting && path.basename(String(p)) === 'gone-during-walk') unpatched(() => fs.rmSync(String(p), { recursive: true, force: true }));
  return readdir.call(this, p, ...rest);
};
if (!wt.isMainThread) {
  const post = wt.parentPort.postMessage.bind(wt.parentPort);
  wt.parentPort.postMessage = (m) => {
    if (JSON.stringify(m).includes('crash-worker.env')) throw new Error('planted worker crash');
    return post(m);
  };
}
`;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Worker threads started. */
  workers: number;
}

const preload = path.join(tempFolder({ 'faults.cjs': FAULTS }), 'faults.cjs');

/** Runs the built CLI in `cwd` with the faults preloaded. */
function run(cwd: string, ...args: string[]): Run {
  const log = path.join(tempFolder(), 'workers.log');
  const r = spawnSync(process.execPath, ['--require', preload, cli, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: HANG,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, POOL_LOG: log },
  });
  assert.notEqual(r.signal, 'SIGTERM', `the run did not end: ${args.join(' ')}`);
  const workers = existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter((l) => l === 'worker').length : 0;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, workers };
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);

/** About 400 files: most clean, some with problems, in every format the checker reads, and a few odd ones. */
function tree(): Record<string, string | Buffer> {
  const files: Record<string, string | Buffer> = {};
  for (let i = 0; i < 400; i++) {
    const dir = `pkg${i % 13}/sub${i % 5}`;
    const bad = i % 7 === 0;
    switch (i % 10) {
      case 0:
        files[`${dir}/app${i}.env`] = bad ? `MONGODB_URI=mongodb://db${i}.example.com:70000/app\n` : `PORT=${3000 + i}\n`;
        break;
      case 1:
        files[`${dir}/config${i}.json`] = bad ? `{ "mongo": { "uri": "mongodb://h${i}/db?w=-1" } }\n` : `{ "name": "pkg${i}", "version": "1.0.${i}" }\n`;
        break;
      case 2:
        files[`${dir}/values${i}.yaml`] = bad ? `mongodb:\n  database: "bad/name${i}"\n` : `replicas: ${i % 4}\nimage: app:${i}\n`;
        break;
      case 3:
        files[`${dir}/repo${i}.ts`] = bad ? `const db = client.db("bad.name$${i}");\n` : `export const answer${i} = ${i};\n`;
        break;
      case 4:
        files[`${dir}/jobs${i}.py`] = bad ? `db = client["bad name/${i}"]\n` : `def f${i}():\n    return ${i}\n`;
        break;
      case 5:
        files[`${dir}/README${i}.md`] = bad ? `Connect with \`mongodb://localhost:99999/app\`.\n` : `# Package ${i}\n\nNothing to see.\n`;
        break;
      case 6:
        files[`${dir}/notes${i}.txt`] = bad ? `uri: mongodb+srv://cluster${i}.example.com:27017/app\n` : `plain text ${i}\n`;
        break;
      case 7:
        files[`${dir}/image${i}.png`] = PNG;
        break;
      case 8:
        files[`${dir}/seed${i}.js`] = bad ? `db.orders.createIndex({ ${Array.from({ length: 40 }, (_, k) => `f${k}: 1`).join(', ')} });\n` : `module.exports = ${i};\n`;
        break;
      default:
        files[`${dir}/bom${i}.env`] = `\ufeffMONGO_URL=${bad ? 'mongdb' : 'mongodb'}://h${i}/app\n`;
    }
  }
  files['big/huge.env'] = `MONGODB_URI=mongodb://h:70000/app\n${'#'.repeat(3000)}\n`;
  files['odd/locked.env'] = 'MONGODB_URI=mongodb://h:70000/app\n';
  files['odd/empty.env'] = '';
  files['vanishing/a.env'] = 'MONGODB_URI=mongodb://h:70000/app\n';
  files['vanishing/b.json'] = '{ "mongoUri": "mongodb://h:70000/app" }\n';
  files['node_modules/dep/.env'] = 'MONGODB_URI=mongodb://h:70000/app\n';
  return files;
}

describe('worker threads and the main thread give the same report', () => {
  const files = tree();
  const dir = tempFolder(files);

  for (const format of ['json', 'text', 'sarif']) {
    test(`${format}: --jobs 3 prints what --jobs 1 prints, byte for byte`, () => {
      const args = ['--format', format, '--max-file-size', '2000', '.'];
      // The folder that vanishes is back for each run.
      const again = () => writeFiles(dir, { 'vanishing/a.env': files['vanishing/a.env'], 'vanishing/b.json': files['vanishing/b.json'] });
      again();
      const one = run(dir, '--jobs', '1', ...args);
      assert.equal(one.workers, 0, 'no worker thread with --jobs 1');
      again();
      const three = run(dir, '--jobs', '3', ...args);
      assert.ok(three.workers >= 3, `${three.workers} worker threads started`);
      assert.equal(three.status, one.status);
      assert.equal(three.stdout, one.stdout);
      assert.equal(three.stderr, one.stderr);
      assert.equal(one.status, 2, 'an unreadable file makes the exit code 2');
      if (format === 'json') {
        const files = new Set((JSON.parse(one.stdout) as Array<{ file: string }>).map((m) => m.file.split(path.sep).join('/')));
        assert.ok(files.size >= 40, `${files.size} files with problems`);
        assert.ok(!files.has('node_modules/dep/.env'));
      }
      assert.match(one.stderr, /cannot read odd[\\/]locked\.env \(EACCES\)/);
      assert.match(one.stderr, /cannot read vanishing[\\/]b\.json \(ENOENT\)/);
      assert.match(one.stderr, /image7\.png: skipped: a binary file/);
      assert.match(one.stderr, /huge\.env: skipped: larger than the maximum file size/);
    });
  }
});

describe('bad input never stops the pool', () => {
  test('a worker that throws: the file it was checking is named, every other file is checked, the run ends with 2', () => {
    const files = tree();
    files['pkg1/crash-worker.env'] = 'MONGODB_URI=mongodb://h:70000/app\n';
    const dir = tempFolder(files);
    const three = run(dir, '--jobs', '3', '--format', 'json', '.');
    assert.equal(three.status, 2, three.stderr);
    assert.match(three.stderr, /internal error while checking pkg1[\\/]crash-worker\.env: the worker thread checking it stopped: Error: planted worker crash/);
    assert.match(three.stderr, /1 not checked after an internal error/);
    // The main thread never posts: there the file is checked as any other.
    const one = run(dir, '--jobs', '1', '--format', 'json', '.');
    const others = (out: string) => (JSON.parse(out) as Array<{ file: string }>).filter((m) => !m.file.endsWith('crash-worker.env'));
    assert.deepEqual(others(three.stdout), others(one.stdout));
    assert.ok((JSON.parse(one.stdout) as Array<{ file: string }>).some((m) => m.file.endsWith('crash-worker.env')));
  });

  test('a worker that exits: the file is named with the exit code, the run ends', () => {
    const dir = tempFolder({ ...tree(), 'pkg2/exit-worker.env': 'MONGODB_URI=mongodb://h:70000/app\n' });
    const r = run(dir, '--jobs', '2', '.');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /internal error while checking pkg2[\\/]exit-worker\.env: the worker thread checking it stopped: it exited with code 3/);
    assert.match(r.stdout, /pkg0[\\/]sub0[\\/]app0\.env:1:\d+ error port-invalid/);
  });

  test('a folder that vanishes after the walk: its files cannot be read, the others are checked', () => {
    for (const jobs of ['1', '3']) {
      const dir = tempFolder(tree());
      const r = run(dir, '--jobs', jobs, '.');
      assert.equal(r.status, 2, `--jobs ${jobs}`);
      assert.match(r.stderr, /cannot read vanishing[\\/]a\.env \(ENOENT\)/);
      assert.match(r.stderr, /cannot read vanishing[\\/]b\.json \(ENOENT\)/);
      assert.match(r.stdout, /pkg0[\\/]sub0[\\/]app0\.env:1:\d+ error port-invalid/);
    }
  });

  test('a folder that vanishes during the walk is reported; the rest is checked', () => {
    const dir = tempFolder({ ...tree(), 'gone-during-walk/x.env': 'MONGODB_URI=mongodb://h:70000/app\n' });
    const r = run(dir, '--jobs', '3', '.');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /mongodb-uri-lint: Cannot read folder gone-during-walk: ENOENT/);
    assert.match(r.stdout, /pkg0[\\/]sub0[\\/]app0\.env:1:\d+ error port-invalid/);
    assert.ok(!r.stdout.includes('gone-during-walk'));
  });
});

describe('no progress line when standard error is not a terminal', () => {
  test('a run of more than 1,000 files writes the summary only', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 1100; i++) files[`f${i % 10}/n${i}.env`] = i === 500 ? 'MONGODB_URI=mongodb://h:70000/app\n' : `N=${i}\n`;
    const dir = tempFolder(files);
    for (const jobs of ['1', '2']) {
      const r = run(dir, '--jobs', jobs, '.');
      assert.equal(r.status, 1);
      assert.ok(!r.stderr.includes('\r'), `--jobs ${jobs}: a carriage return on stderr`);
      assert.ok(!r.stderr.includes('Checked'), `--jobs ${jobs}: ${r.stderr}`);
      assert.equal(r.stderr, "1100 files checked (1100 with the specification's): 1 error, 0 warnings, 0 info/hint\n");
    }
  });
});

describe('the main thread checks files too', () => {
  test('with one worker beside it, every file gets the result a single thread gives it, once', { timeout: HANG }, async () => {
    const dir = tempFolder(tree());
    const files = collectFiles([dir], { ignore: true }).files.filter((f) => !f.includes(`${path.sep}vanishing${path.sep}`));
    const settings: Settings = { ...defaultSettings, enable: true, maxFileSize: 2000 };
    const alone = new FileChecker(settings, true);
    const expected = files.map((f) => alone.lintFile(f));
    const pool = new WorkerPool(cli, { settings, prefilter: true });
    const here = new FileChecker(settings, true);
    const got: Array<FileResult | undefined> = new Array(files.length);
    let onMain = 0;
    const outcome = await pool.check(
      files,
      1,
      (index, result) => {
        assert.equal(got[index], undefined, `${files[index]} has two results`);
        got[index] = result;
      },
      (file) => {
        onMain++;
        return here.lintFile(file);
      },
    );
    assert.deepEqual(outcome, { unfinished: [] });
    assert.deepEqual(got, expected);
    assert.ok(onMain > 0 && onMain < files.length, `${onMain} of ${files.length} files on the main thread`);
  });
});
