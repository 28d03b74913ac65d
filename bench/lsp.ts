/**
 * (c) and (d): the built language server over stdio, as an editor sees it. Start → initialize reply;
 * open → diagnostics and edit → diagnostics on a 1 MB document (latency as the client sees it,
 * debounce included); hover and completion at stable versions; the server's peak RSS (VmHWM from
 * /proc) with a 10 MB document open.
 */
import { readFileSync } from 'node:fs';
import { LspClient } from '../test/helpers/lspClient';
import { generateDocument, random } from './generate';
import { now, percentile } from './measure';

/** Extra node options for the benchmarked servers, e.g. BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=prof". */
const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);

export interface LatencyResult {
  format: string;
  bytes: number;
  openMs: number;
  edits: number;
  editP50: number;
  editP99: number;
  hoverP50: number;
  hoverP99: number;
  completionP50: number;
  completionP99: number;
  /** A request the server answers without work (an unknown method): the transport's own latency. */
  emptyP50: number;
  emptyP99: number;
  diagnostics: number;
}

export interface StartResult {
  runs: number;
  p50: number;
  p99: number;
}

export interface MemoryResult {
  /** What the 10 MB document was: skipped by the default maxFileSize, or analysed with it raised. */
  scenario: string;
  bytes: number;
  peakRssMb: number;
  rssAfterMb: number;
}

/** VmHWM (peak) and VmRSS of a process, in MB; NaN where /proc is missing. */
function memoryOf(pid: number): { peak: number; rss: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
    return { peak: kb('VmHWM') / 1024, rss: kb('VmRSS') / 1024 };
  } catch {
    return { peak: NaN, rss: NaN };
  }
}

function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

/** Offsets of every occurrence of `needle`, plus `delta`. */
function occurrences(text: string, needle: string, delta: number): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) out.push(i + delta);
  return out;
}

export async function benchStart(runs: number): Promise<StartResult> {
  const times: number[] = [];
  for (let k = 0; k <= runs; k++) {
    const t0 = now();
    const client = LspClient.start({ allowNetwork: true, nodeArgs });
    try {
      await client.request('initialize', { processId: process.pid, rootUri: null, capabilities: {} }, 10_000);
      if (k > 0) times.push(now() - t0); // the first run warms the file system cache
      client.notify('initialized', {});
      await client.shutdown();
    } finally {
      client.kill();
    }
  }
  return { runs, p50: percentile(times, 50), p99: percentile(times, 99) };
}

/** Where to edit, hover and complete in each benchmarked format. */
const TARGETS: Record<string, { languageId: string; uri: string; edit: string; hover: string; complete: string }> = {
  dotenv: { languageId: 'dotenv', uri: 'file:///bench/.env', edit: ':27017/app?', hover: '@db-', complete: '/app?' },
  yaml: { languageId: 'yaml', uri: 'file:///bench/docker-compose.yml', edit: ':27017/shop?', hover: '@mongo-', complete: 'rs0&' },
};

export async function benchLatency(format: keyof typeof TARGETS, bytes: number, edits: number, queries: number): Promise<LatencyResult> {
  const target = TARGETS[format];
  const text = generateDocument(format, bytes);
  const client = LspClient.start({ allowNetwork: true, nodeArgs });
  try {
    // The completion capabilities VS Code declares: snippets, documentation fetched per item when shown,
    // and list-wide item defaults.
    await client.initialize({
      textDocument: {
        completion: {
          completionItem: { snippetSupport: true, resolveSupport: { properties: ['documentation', 'detail', 'additionalTextEdits'] } },
          completionList: { itemDefaults: ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'] },
        },
      },
    });
    const t0 = now();
    client.openDocument(target.uri, target.languageId, text, 1);
    const opened = await client.waitForDiagnostics(target.uri, 1, 30_000);
    const openMs = now() - t0;

    // Edits: replace the last digit of a port (27017 ↔ 27018) at seeded places across the document.
    const rng = random(7);
    const editAt = occurrences(text, target.edit, 5); // the last digit of 27017
    const digits = new Map<number, string>();
    const editTimes: number[] = [];
    let version = 1;
    for (let k = 0; k < edits; k++) {
      const offset = editAt[Math.floor(rng() * editAt.length)];
      const next = digits.get(offset) === '8' ? '7' : '8';
      digits.set(offset, next);
      const start = positionAt(text, offset);
      version++;
      const e0 = now();
      client.notify('textDocument/didChange', {
        textDocument: { uri: target.uri, version },
        contentChanges: [{ range: { start, end: { line: start.line, character: start.character + 1 } }, text: next }],
      });
      await client.waitForDiagnostics(target.uri, version, 30_000);
      editTimes.push(now() - e0);
    }

    // Hover and completion at a stable version (the analysis of it is cached, as while reading code).
    const hoverAt = occurrences(text, target.hover, 2);
    const completeAt = occurrences(text, target.complete, target.complete.length);
    const hoverTimes: number[] = [];
    const completionTimes: number[] = [];
    let completionItems = 0;
    for (let k = 0; k < queries; k++) {
      const position = positionAt(text, hoverAt[Math.floor(rng() * hoverAt.length)]);
      const h0 = now();
      const hover = await client.request('textDocument/hover', { textDocument: { uri: target.uri }, position });
      hoverTimes.push(now() - h0);
      if (!hover) throw new Error(`No hover at ${JSON.stringify(position)} in the ${format} document`);
      const at = positionAt(text, completeAt[Math.floor(rng() * completeAt.length)]);
      const c0 = now();
      const list = await client.request('textDocument/completion', { textDocument: { uri: target.uri }, position: at });
      completionTimes.push(now() - c0);
      completionItems = Math.max(completionItems, list?.items?.length ?? 0);
    }
    if (completionItems === 0) throw new Error(`No completion items in the ${format} document`);
    // The floor under both: a request the server refuses at once (MethodNotFound), between the same processes.
    const emptyTimes: number[] = [];
    for (let k = 0; k < queries; k++) {
      const e0 = now();
      await client.requestRaw('bench/noSuchMethod', {});
      emptyTimes.push(now() - e0);
    }
    await client.shutdown(30_000);
    return {
      format,
      bytes: text.length,
      openMs,
      edits,
      editP50: percentile(editTimes, 50),
      editP99: percentile(editTimes, 99),
      hoverP50: percentile(hoverTimes, 50),
      hoverP99: percentile(hoverTimes, 99),
      completionP50: percentile(completionTimes, 50),
      completionP99: percentile(completionTimes, 99),
      emptyP50: percentile(emptyTimes, 50),
      emptyP99: percentile(emptyTimes, 99),
      diagnostics: opened.diagnostics.length,
    };
  } finally {
    client.kill();
  }
}

/** Peak RSS of the server with a 10 MB document open: as configured by default (skipped), and analysed. */
export async function benchMemory(bytes: number): Promise<MemoryResult[]> {
  const text = generateDocument('dotenv', bytes);
  const scenarios: Array<[string, unknown]> = [
    ['default settings (over maxFileSize: not analysed)', undefined],
    ['maxFileSize raised: analysed', { mongodbUri: { maxFileSize: 64 * 1024 * 1024 } }],
  ];
  const out: MemoryResult[] = [];
  for (const [scenario, initializationOptions] of scenarios) {
    const client = LspClient.start({ allowNetwork: true, nodeArgs });
    try {
      await client.initialize({}, initializationOptions);
      const uri = 'file:///bench/big.env';
      client.openDocument(uri, 'dotenv', text, 1);
      await client.waitForDiagnostics(uri, 1, 60_000);
      // A hover makes the server hold everything an editor would make it hold.
      await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 20 } }, 30_000);
      const { peak, rss } = memoryOf(client.child.pid!);
      out.push({ scenario, bytes: text.length, peakRssMb: peak, rssAfterMb: rss });
      await client.shutdown(30_000);
    } finally {
      client.kill();
    }
  }
  return out;
}
