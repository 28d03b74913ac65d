/**
 * The built language server over stdio, as an editor sees it (client-side times, debounce included):
 * (5) start → initialize reply against a bare vscode-languageserver server; (2) edit → diagnostics on
 * a 1 MB document against the same edit on a 10 KB one, with hover and completion on the 1 MB one;
 * the server's peak RSS with a 10 MB document, skipped by default and analysed with maxFileSize raised.
 */
import path from 'node:path';
import { repoRoot } from '../test/helpers/repo';
import { BenchServer, lineStartsOf, positionIn } from './client';
import { documentWithProblems, generateDocument, occurrences, PORT, random } from './generate';
import { count, ms, now, percentile, ratio } from './measure';
import { mark, type Section } from './report';

/** Extra node options for the benchmarked servers, e.g. BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=prof". */
export const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
export const SERVER = path.join(repoRoot(), 'server', 'out', 'server.js');
export const BARE_SERVER = path.join(repoRoot(), 'bench', 'out', 'bareServer.js');

export const startServer = (): BenchServer => BenchServer.start(SERVER, nodeArgs);

// ---------------------------------------------------------------------------------------------------
// (5) Start → initialize reply

export const START_TARGET = 1.5;

/** Milliseconds from spawning `script` to its answer to initialize. */
async function startOnce(script: string): Promise<number> {
  const t0 = now();
  const server = BenchServer.start(script, script === SERVER ? nodeArgs : []);
  try {
    await server.request('initialize', { processId: process.pid, rootUri: null, capabilities: {} }, 30_000);
    const t = now() - t0;
    server.notify('initialized', {});
    await server.shutdown();
    return t;
  } finally {
    server.kill();
  }
}

export async function startSection(s: Section): Promise<void> {
  const runs = s.quick ? 5 : 20;
  // One untimed start of each warms the file system cache; then the two alternate.
  await startOnce(SERVER);
  await startOnce(BARE_SERVER);
  const product: number[] = [];
  const bare: number[] = [];
  for (let k = 0; k < runs; k++) {
    product.push(await startOnce(SERVER));
    bare.push(await startOnce(BARE_SERVER));
  }
  const r = { runs, product: { p50: percentile(product, 50), p99: percentile(product, 99) }, bare: { p50: percentile(bare, 50), p99: percentile(bare, 99) } };
  s.results = r;
  const vs = r.product.p50 / r.bare.p50;
  s.target({
    what: `Start → initialize reply p50 vs. a bare vscode-languageserver server (${runs} starts each, alternating)`,
    measured: ms(r.product.p50),
    reference: ms(r.bare.p50),
    ratio: ratio(vs),
    target: `≤ ${START_TARGET}×`,
    ok: vs <= START_TARGET,
  });
  s.print(`### (5) Server start → initialize reply (${runs} starts each, alternating, after one untimed start of each)`);
  s.print();
  s.print('| Server | p50 | p99 |');
  s.print('| --- | ---: | ---: |');
  s.print(`| server/out/server.js | ${ms(r.product.p50)} | ${ms(r.product.p99)} |`);
  s.print(`| bench/out/bareServer.js (createConnection + TextDocuments, same esbuild settings) | ${ms(r.bare.p50)} | ${ms(r.bare.p99)} |`);
}

// ---------------------------------------------------------------------------------------------------
// (2) Edit → diagnostics, 1 MB against 10 KB

export const LATENCY_FORMATS: Record<string, { name: string; languageId: string; uri: string }> = {
  dotenv: { name: '.env', languageId: 'dotenv', uri: 'file:///bench/latency/.env' },
  yaml: { name: 'YAML', languageId: 'yaml', uri: 'file:///bench/latency/docker-compose.yml' },
  json: { name: 'JSON', languageId: 'json', uri: 'file:///bench/latency/appsettings.json' },
  typescript: { name: 'TypeScript', languageId: 'typescript', uri: 'file:///bench/latency/db.ts' },
  markdown: { name: 'Markdown', languageId: 'markdown', uri: 'file:///bench/latency/README.md' },
};

/** The two kinds of 1 MB document: realistic (sparse values, one string in 20 wrong), and one with about 5,000 problems. */
const LATENCY_ROWS = {
  sparse: { fillersPerBlock: 9, problems: 'one connection string in 20 with a problem', target: 1.5 },
  problems: { fillersPerBlock: 0, problems: 'about 5,000 problems', target: 3 },
} as const;
type LatencyRow = keyof typeof LATENCY_ROWS;
const MANY_PROBLEMS = 5000;

/** One document open in its own server, edited by flipping the last digit of a port (27017 ↔ 27018). */
class EditedDocument {
  readonly server = startServer();
  readonly lineStarts: number[];
  readonly ports: number[];
  readonly digits = new Map<number, string>();
  version = 1;
  openMs = NaN;
  diagnostics = NaN;
  readonly editTimes: number[] = [];

  constructor(
    readonly uri: string,
    readonly languageId: string,
    readonly text: string,
    readonly rng: () => number,
  ) {
    this.lineStarts = lineStartsOf(text);
    this.ports = occurrences(text, PORT).map((at) => at + PORT.length - 1);
  }

  async open(): Promise<void> {
    // The completion capabilities VS Code declares: snippets, documentation fetched per item when shown.
    await this.server.initialize({ textDocument: { completion: { completionItem: { snippetSupport: true, resolveSupport: { properties: ['documentation'] } } } } });
    const t0 = now();
    this.server.open(this.uri, this.languageId, this.text, 1);
    const p = await this.server.diagnosticsFor(this.uri, 1, 60_000);
    this.openMs = p.at - t0;
    this.diagnostics = p.diagnostics;
  }

  /** One edit; resolves with the milliseconds to its diagnostics. */
  async edit(): Promise<number> {
    const offset = this.ports[Math.floor(this.rng() * this.ports.length)];
    const next = this.digits.get(offset) === '8' ? '7' : '8';
    this.digits.set(offset, next);
    const version = ++this.version;
    const t0 = now();
    this.server.replaceCharacter(this.uri, version, positionIn(this.lineStarts, offset), next);
    const p = await this.server.diagnosticsFor(this.uri, version, 30_000);
    this.diagnostics = p.diagnostics;
    return p.at - t0;
  }
}

interface QueryResult {
  hoverP50: number;
  hoverP99: number;
  completionP50: number;
  completionP99: number;
  /** A request the server refuses at once (an unknown method): the transport's own latency. */
  emptyP50: number;
  emptyP99: number;
}

/** Hover and completion at a stable version (its analysis is cached, as while reading code), and the empty request. */
async function queries(doc: EditedDocument, n: number): Promise<QueryResult> {
  const hoverAt = occurrences(doc.text, 'mongodb://').map((at) => at + 2);
  const completeAt: number[] = [];
  for (const m of doc.text.matchAll(/mongodb:\/\/[^\s"'`]*?\?/g)) completeAt.push((m.index ?? 0) + m[0].length);
  const hover: number[] = [];
  const completion: number[] = [];
  const empty: number[] = [];
  const textDocument = { uri: doc.uri };
  for (let k = 0; k < n; k++) {
    let t0 = now();
    const h = await doc.server.request('textDocument/hover', { textDocument, position: positionIn(doc.lineStarts, hoverAt[Math.floor(doc.rng() * hoverAt.length)]) });
    hover.push(now() - t0);
    if (!h) throw new Error(`No hover in the ${doc.languageId} document`);
    if (completeAt.length > 0) {
      t0 = now();
      await doc.server.request('textDocument/completion', { textDocument, position: positionIn(doc.lineStarts, completeAt[Math.floor(doc.rng() * completeAt.length)]) });
      completion.push(now() - t0);
    }
    t0 = now();
    await doc.server.request('bench/noSuchMethod', {}).catch(() => undefined);
    empty.push(now() - t0);
  }
  return {
    hoverP50: percentile(hover, 50),
    hoverP99: percentile(hover, 99),
    completionP50: percentile(completion, 50),
    completionP99: percentile(completion, 99),
    emptyP50: percentile(empty, 50),
    emptyP99: percentile(empty, 99),
  };
}

export interface LatencyResult {
  format: string;
  row: LatencyRow;
  edits: number;
  big: { bytes: number; uris: number; problems: number; diagnostics: number; openMs: number; p50: number; p99: number };
  small: { bytes: number; uris: number; problems: number; diagnostics: number; openMs: number; p50: number; p99: number };
  ratio: number;
  queries?: QueryResult;
}

async function latencyOf(format: string, row: LatencyRow, edits: number, queryCount: number): Promise<LatencyResult> {
  const { languageId, uri } = LATENCY_FORMATS[format];
  const { fillersPerBlock } = LATENCY_ROWS[row];
  let big = documentWithProblems(format, 2 ** 20, fillersPerBlock, 1 / 20);
  const fraction = row === 'sparse' ? 1 / 20 : Math.min(1, MANY_PROBLEMS / big.uris);
  if (row !== 'sparse') big = documentWithProblems(format, 2 ** 20, fillersPerBlock, fraction);
  const small = documentWithProblems(format, 10 * 1024, fillersPerBlock, fraction);
  const rng = random(7);
  const docs = { big: new EditedDocument(uri, languageId, big.text, rng), small: new EditedDocument(uri, languageId, small.text, rng) };
  try {
    await docs.small.open();
    await docs.big.open();
    // A few untimed edits let both servers optimise the incremental path; then the two alternate.
    for (let k = 0; k < 5; k++) {
      await docs.small.edit();
      await docs.big.edit();
    }
    for (let k = 0; k < edits; k++) {
      docs.small.editTimes.push(await docs.small.edit());
      docs.big.editTimes.push(await docs.big.edit());
    }
    const q = queryCount > 0 ? await queries(docs.big, queryCount) : undefined;
    const summary = (d: EditedDocument, g: typeof big) => ({
      bytes: d.text.length,
      uris: g.uris,
      problems: g.problems,
      diagnostics: d.diagnostics,
      openMs: d.openMs,
      p50: percentile(d.editTimes, 50),
      p99: percentile(d.editTimes, 99),
    });
    const b = summary(docs.big, big);
    const sm = summary(docs.small, small);
    await Promise.all([docs.small.server.shutdown(), docs.big.server.shutdown()]);
    return { format, row, edits, big: b, small: sm, ratio: b.p50 / sm.p50, queries: q };
  } finally {
    docs.small.server.kill();
    docs.big.server.kill();
  }
}

export async function latencySection(s: Section): Promise<void> {
  const edits = s.quick ? 20 : 100;
  const queryCount = s.quick ? 20 : 100;
  const results: LatencyResult[] = [];
  s.results = results;
  for (const row of Object.keys(LATENCY_ROWS) as LatencyRow[]) {
    for (const format of Object.keys(LATENCY_FORMATS)) {
      process.stderr.write(`  ${row} ${format}\n`);
      const what = `Edit → diagnostics p50, ${LATENCY_FORMATS[format].name}: 1 MB (${LATENCY_ROWS[row].problems}) vs. 10 KB`;
      const target = `≤ ${LATENCY_ROWS[row].target}×`;
      try {
        const r = await latencyOf(format, row, edits, row === 'sparse' ? queryCount : 0);
        results.push(r);
        s.target({ what, measured: ms(r.big.p50), reference: ms(r.small.p50), ratio: ratio(r.ratio), target, ok: r.ratio <= LATENCY_ROWS[row].target });
      } catch (err) {
        s.missing(what, `failed: ${(err as Error).message}`, target);
      }
    }
  }
  s.print(`### (2) Edit → diagnostics over stdio (one digit of a port changed; ${edits} edits per document after 5 untimed ones; the 1 MB and the 10 KB document alternate, each in its own server; debounce included)`);
  s.print();
  s.print('| Format | Document | 1 MB: strings / problems / diagnostics | Open → diagnostics | Edit p50 | p99 | 10 KB: strings / problems | Edit p50 | p99 | Ratio of p50 | Target | |');
  s.print('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :-: |');
  for (const r of results) {
    const { big, small } = r;
    const target = LATENCY_ROWS[r.row].target;
    s.print(
      `| ${LATENCY_FORMATS[r.format].name} | ${LATENCY_ROWS[r.row].problems} | ${count(big.uris)} / ${count(big.problems)} / ${count(big.diagnostics)} | ${ms(big.openMs)} | ${ms(big.p50)} | ${ms(big.p99)} | ${small.uris} / ${small.problems} | ${ms(small.p50)} | ${ms(small.p99)} | ${ratio(r.ratio)} | ≤ ${target}× | ${mark(r.ratio <= target)} |`,
    );
  }
  const withQueries = results.filter((r) => r.queries);
  if (withQueries.length === 0) return;
  s.print();
  s.print(`Requests on the 1 MB documents at a stable version (${queryCount} each; the empty request is one the server refuses at once: the transport alone):`);
  s.print();
  s.print('| Format | Hover p50 | Hover p99 | Completion p50 | Completion p99 | Empty request p50 / p99 |');
  s.print('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const r of withQueries) {
    const q = r.queries as QueryResult;
    const completion = Number.isNaN(q.completionP50) ? '— | —' : `${ms(q.completionP50)} | ${ms(q.completionP99)}`;
    s.print(`| ${LATENCY_FORMATS[r.format].name} | ${ms(q.hoverP50)} | ${ms(q.hoverP99)} | ${completion} | ${ms(q.emptyP50)} / ${ms(q.emptyP99)} |`);
  }
}

// ---------------------------------------------------------------------------------------------------
// Peak RSS with a 10 MB document (detail only)

export interface MemoryResult {
  /** What the 10 MB document was: skipped by the default maxFileSize, or analysed with it raised. */
  scenario: string;
  bytes: number;
  peakRssMb: number;
  rssAfterMb: number;
}

export async function memorySection(s: Section): Promise<void> {
  const text = generateDocument('dotenv', 10 * 2 ** 20);
  const scenarios: Array<[string, unknown]> = [
    ['default settings (over maxFileSize: not analysed)', undefined],
    ['maxFileSize raised: analysed', { mongodbUri: { maxFileSize: 64 * 1024 * 1024 } }],
  ];
  const out: MemoryResult[] = [];
  s.results = out;
  for (const [scenario, initializationOptions] of scenarios) {
    const server = startServer();
    try {
      await server.initialize({}, initializationOptions);
      const uri = 'file:///bench/big.env';
      server.open(uri, 'dotenv', text, 1);
      await server.diagnosticsFor(uri, 1, 60_000);
      // A hover makes the server hold everything an editor would make it hold.
      await server.request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 20 } }, 30_000);
      const { peakMb, rssMb } = server.memory();
      out.push({ scenario, bytes: text.length, peakRssMb: peakMb, rssAfterMb: rssMb });
      await server.shutdown(30_000);
    } finally {
      server.kill();
    }
  }
  s.print('### Peak RSS of the language server (VmHWM) with a 10 MB .env document open');
  s.print();
  s.print('| Scenario | Peak RSS | RSS afterwards |');
  s.print('| --- | ---: | ---: |');
  for (const x of out) s.print(`| ${x.scenario} | ${x.peakRssMb.toFixed(0)} MB | ${x.rssAfterMb.toFixed(0)} MB |`);
}
