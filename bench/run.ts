/**
 * `npm run bench` (after `npm run build`): every performance budget of the product, each a ratio of
 * two things measured in the same run, in one "Targets" table with ✔/✘, then the detail tables.
 * Writes every number to bench/results.json.
 *
 *   node bench/out/run.js [--quick] [--only throughput,latency,documents,pathological,cli,start,many,storm,giant,memory,sizes]
 *
 * Every section has a timeout: a section that runs out of time is ✘ and its servers are killed; the
 * in-process measures run in child processes of their own (`--child`), killed on timeout.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../test/helpers/repo';
import { killAll } from './client';
import { cliSection } from './cliTree';
import { benchDocument, benchPathological, documentsSection, pathologicalSection } from './documents';
import { giantSection, manySection, stormSection } from './load';
import { latencySection, memorySection, startSection } from './lsp';
import { seconds, TimeoutError, withTimeout } from './measure';
import { bareTable, Section, targetsTable } from './report';
import { sizesSection } from './sizes';
import { benchContender, throughputSection } from './throughput';

const root = repoRoot();

/** The in-process jobs a child process runs (see runJob in report.ts). */
const JOBS: Record<string, (params: any) => unknown> = {
  throughput: benchContender,
  document: benchDocument,
  pathological: benchPathological,
};

interface SectionSpec {
  /** Which budget(s), for the progress line and a timeout row. */
  title: string;
  run: (s: Section) => Promise<void>;
  timeoutMs: number;
  /** The Targets rows a section that timed out before measuring anything stands for. */
  target: string;
}

/**
 * In the order they run: the language server sections first, while this process (the client) holds
 * little; the tables are printed in the order of the budgets.
 */
const SECTIONS: Record<string, SectionSpec> = {
  start: { title: '(5) Start → initialize reply', run: startSection, timeoutMs: 300_000, target: '≤ 1.5×' },
  latency: { title: '(2) Edit → diagnostics, 1 MB vs. 10 KB', run: latencySection, timeoutMs: 1_200_000, target: '≤ 1.5× / ≤ 3×' },
  many: { title: '(6) 1,000 open documents', run: manySection, timeoutMs: 300_000, target: '≤ 1,100' },
  storm: { title: '(7) Storm of edits', run: stormSection, timeoutMs: 300_000, target: '≤ 1 s' },
  giant: { title: '(8) Giant document', run: giantSection, timeoutMs: 420_000, target: '≤ 1 s / < 1×' },
  memory: { title: 'Peak RSS with a 10 MB document', run: memorySection, timeoutMs: 300_000, target: '—' },
  cli: { title: '(4) CLI vs. rg', run: cliSection, timeoutMs: 2_400_000, target: '≤ 5×' },
  throughput: { title: '(1) Parse + validate vs. new ConnectionString()', run: throughputSection, timeoutMs: 900_000, target: '≤ 0.03×' },
  documents: { title: '(3) analyzeDocument vs. /mongodb/g', run: documentsSection, timeoutMs: 3_600_000, target: '≤ 50× / ≤ 3×' },
  pathological: { title: '(3) Pathological inputs', run: pathologicalSection, timeoutMs: 1_200_000, target: '≤ 0.2 s/MB' },
  sizes: { title: 'Bundle sizes', run: (s) => sizesSection(s, root), timeoutMs: 120_000, target: '—' },
};

/** The order of the tables: the budgets' order. */
const PRINT_ORDER = ['throughput', 'latency', 'documents', 'pathological', 'cli', 'start', 'many', 'storm', 'giant', 'memory', 'sizes'];

function machine() {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpu;
  } catch {
    // not Linux: os.cpus() it is
  }
  return { nproc: os.availableParallelism(), cpu, node: process.version, os: `${os.type()} ${os.release()}`, memoryGb: Math.round(os.totalmem() / 2 ** 30) };
}

function parseArgs(args: readonly string[]): { quick: boolean; only: Set<string> | undefined } {
  const quick = args.includes('--quick');
  const onlyArg = args.find((a) => a.startsWith('--only'));
  const onlyValue = onlyArg === undefined ? undefined : onlyArg.includes('=') ? onlyArg.split('=')[1] : args[args.indexOf(onlyArg) + 1];
  const only = onlyValue === undefined ? undefined : new Set(onlyValue.split(',').filter(Boolean));
  const unknown = [...(only ?? [])].filter((name) => !(name in SECTIONS));
  if (unknown.length > 0) {
    console.error(`Unknown section(s): ${unknown.join(', ')}. Sections: ${Object.keys(SECTIONS).join(', ')}.`);
    process.exit(2);
  }
  return { quick, only };
}

async function runSection(name: string, spec: SectionSpec, quick: boolean): Promise<Section> {
  const s = new Section(name, quick);
  const t0 = Date.now();
  process.stderr.write(`bench: ${name}…\n`);
  try {
    await withTimeout(spec.run(s), spec.timeoutMs, spec.title);
  } catch (err) {
    const reason = err instanceof TimeoutError ? `timed out after ${seconds(spec.timeoutMs)}` : `failed: ${(err as Error).message ?? String(err)}`;
    s.missing(`${spec.title}${s.rows.length > 0 ? ' (the rest)' : ''}`, reason, spec.target);
    s.print(`${spec.title}: ${reason}`);
    s.closed = true;
  } finally {
    // Whatever the section left running (it timed out, or failed between start and shutdown).
    killAll();
  }
  process.stderr.write(`bench: ${name} took ${seconds(Date.now() - t0)}\n`);
  return s;
}

async function main(): Promise<void> {
  const { quick, only } = parseArgs(process.argv.slice(2));
  // Interrupted: exit through process.exit, whose handlers kill the servers and child processes.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));
  const m = machine();
  const results: Record<string, unknown> = { machine: m, date: new Date().toISOString(), quick };
  const header = `Machine: ${m.nproc} cores (nproc), ${m.cpu}, ${m.memoryGb} GB, Node ${m.node}, ${m.os}${quick ? ' — quick run (fewer rounds, smaller storm and giant)' : ''}`;
  console.error(header);

  const done = new Map<string, Section>();
  for (const [name, spec] of Object.entries(SECTIONS)) {
    if (only && !only.has(name)) continue;
    done.set(name, await runSection(name, spec, quick));
  }

  const ordered = PRINT_ORDER.map((name) => done.get(name)).filter((s): s is Section => s !== undefined);
  const rows = ordered.flatMap((s) => s.rows);
  console.log(header);
  console.log();
  for (const line of targetsTable(rows)) console.log(line);
  const bare = ordered.flatMap((s) => s.bare);
  if (bare.length > 0) {
    console.log();
    for (const line of bareTable(bare)) console.log(line);
  }
  for (const s of ordered) {
    if (s.lines.length === 0) continue;
    console.log();
    for (const line of s.lines) console.log(line);
  }
  results.targets = rows;
  results.bareWork = bare;
  for (const s of ordered) results[s.name] = s.results;
  writeFileSync(path.join(root, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
  console.log(`\nWrote bench/results.json`);
}

async function child(job: string, params: string): Promise<void> {
  const run = JOBS[job];
  if (!run) throw new Error(`No job ${job}`);
  const result = await run(JSON.parse(params));
  process.stdout.write(`\n${JSON.stringify(result)}\n`);
}

const argv = process.argv.slice(2);
(argv[0] === '--child' ? child(argv[1], argv[2]) : main()).catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
