/**
 * (4) The CLI over a tree of some 15,000 files (a copy of the repository's node_modules, under another
 * name so that nothing skips or ignores it) against `rg -l -i mongo` on the same tree.
 *
 * The copy leaves out what only one of the two would skip: hidden files and folders (rg skips them),
 * symbolic links (rg does not follow them), and it renames nested node_modules folders (the CLI skips
 * them). It is kept in the temporary folder for the next run, made again when node_modules changes.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../test/helpers/repo';
import { count, mb, now, ratio, seconds } from './measure';
import { track, type Section } from './report';

export const CLI_TARGET = 5;
const RG = '/usr/bin/rg';

interface Tree {
  dir: string;
  files: number;
  bytes: number;
  /** The node_modules it was copied from, and when that last changed. */
  source: string;
  stamp: number;
}

function copyTree(from: string, to: string, tally: { files: number; bytes: number }): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const source = path.join(from, entry.name);
    if (entry.isDirectory()) {
      copyTree(source, path.join(to, entry.name === 'node_modules' ? 'nested-deps' : entry.name), tally);
    } else if (entry.isFile()) {
      copyFileSync(source, path.join(to, entry.name));
      tally.files++;
      tally.bytes += statSync(source).size;
    }
  }
}

/** The tree, copied now or kept from an earlier run. */
export function prepareTree(): Tree {
  const source = path.join(repoRoot(), 'node_modules');
  const lock = path.join(source, '.package-lock.json');
  const stamp = statSync(existsSync(lock) ? lock : source).mtimeMs;
  const base = path.join(os.tmpdir(), 'mongodb-uri-bench-tree');
  const dir = path.join(base, 'deps');
  const manifest = path.join(base, 'tree.json');
  try {
    const kept = JSON.parse(readFileSync(manifest, 'utf8')) as Tree;
    if (kept.source === source && kept.stamp === stamp && kept.dir === dir && existsSync(dir)) return kept;
  } catch {
    // no tree yet
  }
  rmSync(base, { recursive: true, force: true });
  const tally = { files: 0, bytes: 0 };
  copyTree(source, dir, tally);
  const tree: Tree = { dir, files: tally.files, bytes: tally.bytes, source, stamp };
  writeFileSync(manifest, JSON.stringify(tree, null, 2));
  return tree;
}

interface Run {
  ms: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end (killed after `timeoutMs`), timing it from spawn to exit. */
function timed(command: string, args: readonly string[], timeoutMs: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const t0 = now();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    track(child);
    const out: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text: string) => (stderr += text));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const ms = now() - t0;
      if (signal) return reject(new Error(`${path.basename(command)} ${signal === 'SIGKILL' ? `timed out after ${seconds(timeoutMs)}` : `ended by ${signal}`}`));
      resolve({ ms, code, stdout: Buffer.concat(out).toString('utf8'), stderr });
    });
  });
}

export async function cliSection(s: Section): Promise<void> {
  const rounds = 3;
  const timeoutMs = 600_000;
  const what = 'CLI over a copy of node_modules vs. `rg -l -i mongo` on the same tree';
  const target = `≤ ${CLI_TARGET}×`;
  if (!existsSync(RG)) return s.missing(what, `${RG} is missing`, target);
  process.stderr.write('  preparing the tree\n');
  const tree = prepareTree();
  const cli = [path.join(repoRoot(), 'server', 'out', 'cli.js'), '--format', 'json', tree.dir];
  const rg = ['-l', '-i', 'mongo', tree.dir];
  const runRg = async () => {
    const r = await timed(RG, rg, timeoutMs);
    if (r.code !== 0 && r.code !== 1) throw new Error(`rg exited with ${r.code}: ${r.stderr.slice(0, 200)}`);
    return r;
  };
  const runCli = async () => {
    const r = await timed(process.execPath, cli, timeoutMs);
    // 1: problems were found.
    if (r.code !== 0 && r.code !== 1) throw new Error(`the CLI exited with ${r.code}: ${r.stderr.slice(-300)}`);
    return r;
  };
  // Bare work: walking and reading the tree in Node.js with nothing else, on one thread and on as many
  // as the machine has cores (the CLI's pool uses as many as are idle).
  const readTree = path.join(repoRoot(), 'bench', 'out', 'readTree.js');
  const threadCounts = [...new Set([1, os.availableParallelism()])];
  const runReadTree = async (threads: number) => {
    const r = await timed(process.execPath, [readTree, tree.dir, String(threads)], timeoutMs);
    if (r.code !== 0) throw new Error(`readTree.js exited with ${r.code}: ${r.stderr.slice(-300)}`);
    return r;
  };
  await runRg(); // warms the file system cache
  const rgTimes: number[] = [];
  const cliTimes: number[] = [];
  const readTimes = new Map<number, number[]>(threadCounts.map((t) => [t, []]));
  let rgLast: Run | undefined;
  let cliLast: Run | undefined;
  let readLast: Run | undefined;
  for (let k = 0; k < rounds; k++) {
    process.stderr.write(`  round ${k + 1}\n`);
    rgLast = await runRg();
    rgTimes.push(rgLast.ms);
    cliLast = await runCli();
    cliTimes.push(cliLast.ms);
    for (const threads of threadCounts) {
      readLast = await runReadTree(threads);
      readTimes.get(threads)!.push(readLast.ms);
    }
  }
  if (!rgLast || !cliLast || !readLast) return;
  const problems = (JSON.parse(cliLast.stdout) as unknown[]).length;
  const summary = cliLast.stderr.trim().split('\n').pop() ?? '';
  const matched = rgLast.stdout.split('\n').filter(Boolean).length;
  const best = { cli: Math.min(...cliTimes), rg: Math.min(...rgTimes) };
  const vs = best.cli / best.rg;
  const [readFiles, readMentions] = readLast.stdout.trim().split(' ').map(Number);
  const bestRead = Math.min(...[...readTimes.values()].flat());
  const readThreads = threadCounts.find((t) => readTimes.get(t)!.includes(bestRead))!;
  const readVs = bestRead / best.rg;
  s.results = {
    tree: { dir: tree.dir, files: tree.files, bytes: tree.bytes },
    rounds,
    cliMs: cliTimes,
    rgMs: rgTimes,
    readTreeMs: Object.fromEntries(readTimes),
    problems,
    cliSummary: summary,
    rgMatchedFiles: matched,
    ratio: vs,
    bareRatio: readVs,
  };
  s.target({ what: `${what} (${count(tree.files)} files)`, measured: seconds(best.cli), reference: seconds(best.rg), ratio: ratio(vs), target, ok: vs <= CLI_TARGET });
  s.bareWork({
    what: `Walking the same tree in Node.js, reading each file and testing it with one \`/mongo/i\` (nothing else; best of 1 and ${os.availableParallelism()} threads: ${readThreads}) vs. \`rg -l -i mongo\``,
    measured: seconds(bestRead),
    reference: seconds(best.rg),
    ratio: ratio(readVs),
    target,
    left: readVs < CLI_TARGET ? ratio(CLI_TARGET - readVs) : 'none',
  });
  s.print(`### (4) CLI over ${count(tree.files)} files (${mb(tree.bytes)}, a copy of node_modules in ${tree.dir}) vs. rg (best of ${rounds}, alternating)`);
  s.print();
  s.print('| Command | Best | All runs | Found |');
  s.print('| --- | ---: | ---: | --- |');
  s.print(`| \`node server/out/cli.js --format json <tree>\` | ${seconds(best.cli)} | ${cliTimes.map(seconds).join(', ')} | ${count(problems)} problems; "${summary}" |`);
  s.print(`| \`rg -l -i mongo <tree>\` | ${seconds(best.rg)} | ${rgTimes.map(seconds).join(', ')} | ${count(matched)} files |`);
  for (const [threads, times] of readTimes) {
    s.print(`| \`node bench/out/readTree.js <tree> ${threads}\` (walk, read, one \`/mongo/i\`: bare work) | ${seconds(Math.min(...times))} | ${times.map(seconds).join(', ')} | ${count(readMentions)} of ${count(readFiles)} files say mongo |`);
  }
}
