/**
 * `npm run bench` (after `npm run build`): throughput against the peers, whole-document analysis against
 * a regex floor, latency and memory of the language server over LSP, and bundle sizes. Prints Markdown
 * tables and writes every number to bench/results.json.
 *
 *   node bench/out/run.js [--quick] [--only throughput,documents,start,lsp,memory,sizes]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../test/helpers/repo';
import { benchDocuments } from './documents';
import { benchLatency, benchMemory, benchStart } from './lsp';
import { kb, ms, ratio } from './measure';
import { benchSizes } from './sizes';
import { benchThroughput, CONTENDERS, type Contender } from './throughput';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const onlyArg = args.find((a) => a.startsWith('--only'));
const only = onlyArg ? new Set((onlyArg.includes('=') ? onlyArg.split('=')[1] : args[args.indexOf(onlyArg) + 1]).split(',')) : undefined;
const wanted = (section: string) => !only || only.has(section);

const root = repoRoot();
const results: Record<string, unknown> = {};
const lines: string[] = [];
/** Collects a line of a section's output (printed once every section has run). */
const print = (line = '') => {
  lines.push(line);
};
const check = (ok: boolean) => (ok ? '✅' : '❌');

function machine() {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpu;
  } catch {
    // not Linux: os.cpus() it is
  }
  return { nproc: os.availableParallelism(), cpu, node: process.version, os: `${os.type()} ${os.release()}`, memoryGb: Math.round(os.totalmem() / 2 ** 30) };
}

async function main(): Promise<void> {
  const m = machine();
  results.machine = m;
  results.date = new Date().toISOString();
  console.log(`Machine: ${m.nproc} cores (nproc), ${m.cpu}, ${m.memoryGb} GB, Node ${m.node}, ${m.os}${quick ? ' — quick run' : ''}`);

  // The language server sections run first, while this process (the client) holds little: the
  // documents and throughput sections leave hundreds of MB of garbage whose collection would pause the
  // client, not the server. The tables are printed in the usual order.
  const sections: Partial<Record<string, () => Promise<void>>> = {};
  sections.throughput = async () => {
    const r = benchThroughput(10_000, quick ? 3 : 9);
    results.throughput = r;
    print();
    print(`### (a) ${r.uris.toLocaleString('en')} generated connection strings (median of ${r.rounds} rounds, same process)`);
    print();
    print('| Contender | Time | Per string | Flagged | This project\'s parse + validate takes |');
    print('| --- | ---: | ---: | ---: | ---: |');
    for (const c of Object.keys(CONTENDERS) as Contender[]) {
      const t = r.ms[c];
      const vs = c === 'validate' ? '—' : `${ratio(r.ms.validate / t)} as long`;
      print(`| ${CONTENDERS[c]} | ${ms(t)} | ${((t * 1000) / r.uris).toFixed(2)} µs | ${r.flagged[c]} | ${vs} |`);
    }
    const ok = r.ms.validate <= r.ms.connectionStringUrl;
    print();
    print(`Target: parse + validate at least as fast as mongodb-connection-string-url's parse: ${ratio(r.ms.validate / r.ms.connectionStringUrl)} its time ${check(ok)}`);
  };

  sections.documents = async () => {
    const r = benchDocuments([1, 10], quick ? 3 : 7);
    results.documents = r;
    print();
    print('### (b) analyzeDocument on generated mixed documents (one block of values in ten) vs. a bare /mongodb/g scan (best of several runs each)');
    print();
    print('| Format | Size | Values | Problems | Extraction alone (10 MB: < 200 ms) | analyzeDocument | /mongodb/g (floor) | Ratio (target ≤ 10×) |');
    print('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const d of r) {
      const extraction = `${ms(d.extractMs)}${d.bytes >= 10 * 2 ** 20 ? ` ${check(d.extractMs < 200)}` : ''}`;
      print(`| ${d.format} | ${(d.bytes / 2 ** 20).toFixed(0)} MB | ${d.values} | ${d.problems} | ${extraction} | ${ms(d.analyzeMs)} | ${ms(d.floorMs)} | ${ratio(d.ratio)} ${check(d.ratio <= 10)} |`);
    }
  };

  sections.start = async () => {
    const start = await benchStart(quick ? 5 : 20);
    results.start = start;
    print();
    print(`### (c) Server start → initialize reply: p50 ${ms(start.p50)}, p99 ${ms(start.p99)} over ${start.runs} starts (target ≤ 150 ms ${check(start.p50 <= 150)})`);
  };

  sections.lsp = async () => {
    const latency = [];
    for (const format of ['dotenv', 'yaml'] as const) latency.push(await benchLatency(format, 2 ** 20, quick ? 30 : 200, quick ? 50 : 300));
    results.latency = latency;
    print();
    print('### (c) Language server over stdio (client-side latency; edit → diagnostics includes the debounce; an empty request is one the server refuses at once: the latency of the transport alone)');
    print();
    print('| 1 MB document | Diagnostics | Open → diagnostics | Edit → diagnostics p50 (≤ 50 ms) | p99 | Hover p50 | Hover p99 (≤ 5 ms) | Completion p50 | Completion p99 (≤ 5 ms) | Empty request p50 / p99 |');
    print('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const l of latency) {
      print(
        `| ${l.format} | ${l.diagnostics} | ${ms(l.openMs)} | ${ms(l.editP50)} ${check(l.editP50 <= 50)} | ${ms(l.editP99)} | ${ms(l.hoverP50)} | ${ms(l.hoverP99)} ${check(l.hoverP99 <= 5)} | ${ms(l.completionP50)} | ${ms(l.completionP99)} ${check(l.completionP99 <= 5)} | ${ms(l.emptyP50)} / ${ms(l.emptyP99)} |`,
      );
    }
  };

  sections.memory = async () => {
    const r = await benchMemory(10 * 2 ** 20);
    results.memory = r;
    print();
    print('### (d) Peak RSS of the language server (VmHWM) with a 10 MB .env document open');
    print();
    print('| Scenario | Peak RSS (target ≤ 100 MB) | RSS afterwards |');
    print('| --- | ---: | ---: |');
    for (const x of r) print(`| ${x.scenario} | ${x.peakRssMb.toFixed(0)} MB ${check(x.peakRssMb <= 100)} | ${x.rssAfterMb.toFixed(0)} MB |`);
  };

  sections.sizes = async () => {
    const r = await benchSizes(root);
    results.sizes = r;
    const server = r.bundles['server/out/server.js'];
    print();
    print('### (d) Bundle sizes (minified)');
    print();
    print('| Bundle | Size |');
    print('| --- | ---: |');
    for (const [name, bytes] of Object.entries(r.bundles)) {
      print(`| ${name} | ${kb(bytes)}${name === 'server/out/server.js' ? ` (target ≤ 250 KB ${check(bytes <= 250 * 1024)})` : ''} |`);
    }
    print();
    print(`server/out/server.js by origin (${kb(server)}):`);
    print();
    print('| Origin | Bytes |');
    print('| --- | ---: |');
    for (const o of r.serverBreakdown) print(`| ${o.origin} | ${kb(o.bytes)} |`);
  };

  const output = new Map<string, string[]>();
  for (const name of ['start', 'lsp', 'memory', 'throughput', 'documents', 'sizes']) {
    const run = sections[name];
    if (!run || !wanted(name)) continue;
    process.stderr.write(`bench: ${name}…\n`);
    const before = lines.length;
    await run();
    output.set(name, lines.splice(before));
  }
  for (const name of ['throughput', 'documents', 'start', 'lsp', 'memory', 'sizes']) for (const line of output.get(name) ?? []) console.log(line);

  writeFileSync(path.join(root, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
  console.log(`\nWrote bench/results.json`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
