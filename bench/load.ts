/**
 * The language server under load, over stdio: (6) a thousand small documents opened at once, (7) a
 * storm of edits on a 1 MB document, (8) a giant document answered with hovers while it is analysed.
 */
import { lineStartsOf, positionIn, type BenchServer } from './client';
import { documentWithProblems, generateDocument, occurrences, PORT, random, smallFiles } from './generate';
import { count, mb, ms, now, seconds } from './measure';
import { type Section } from './report';
import { startServer } from './lsp';

// ---------------------------------------------------------------------------------------------------
// (6) 1,000 open documents

export const MANY_TARGET = 1100;

/** Resolves once `server` has published nothing for `quietMs` (at most `timeoutMs`); false on timeout. */
async function quiet(server: BenchServer, quietMs: number, timeoutMs: number): Promise<boolean> {
  const deadline = now() + timeoutMs;
  let seen = server.published;
  let since = now();
  while (now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (server.published !== seen) {
      seen = server.published;
      since = now();
    } else if (now() - since >= quietMs) return true;
  }
  return false;
}

export async function manySection(s: Section): Promise<void> {
  const documents = 1000;
  const caseVariants = 10;
  const files = smallFiles(documents, caseVariants);
  const what = `${count(documents)} documents opened at once: publishDiagnostics messages`;
  const server = startServer();
  try {
    await server.initialize({});
    const idle = server.memory();
    const t0 = now();
    for (const f of files) server.open(f.uri, f.languageId, f.text, 1);
    const published = await Promise.all(files.map((f) => server.diagnosticsFor(f.uri, 1, 120_000)));
    const allMs = Math.max(...published.map((p) => p.at)) - t0;
    const withProblems = published.filter((p) => p.diagnostics > 0).length;
    const afterAll = server.published;
    // Publications still to come (documents whose cross-document clashes changed): counted too.
    const settled = await quiet(server, 1000, 30_000);
    const memory = server.memory();
    const r = {
      documents,
      caseVariants,
      published: server.published,
      publishedWhenAllHad: afterAll,
      settled,
      withProblems,
      allMs,
      msPerDocument: allMs / documents,
      idleRssMb: idle.rssMb,
      rssMb: memory.rssMb,
      rssKbPerDocument: (memory.rssMb * 1024) / documents,
      addedRssKbPerDocument: ((memory.rssMb - idle.rssMb) * 1024) / documents,
    };
    s.results = r;
    s.target({
      what,
      measured: count(r.published),
      reference: `${count(documents)} documents`,
      ratio: `${(r.published / documents).toFixed(2)} per document`,
      target: `≤ ${count(MANY_TARGET)}`,
      ok: settled && r.published <= MANY_TARGET,
    });
    s.print(`### (6) ${count(documents)} small .env, YAML and JavaScript documents opened without waiting (${caseVariants} of them write a shared database name in another case)`);
    s.print();
    s.print('| Every document had its diagnostics after | Per document | publishDiagnostics then | … in all (1 s quiet) | Documents with diagnostics | Server RSS idle → with the documents | RSS per document | Added RSS per document |');
    s.print('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    s.print(
      `| ${ms(r.allMs)} | ${ms(r.msPerDocument)} | ${count(r.publishedWhenAllHad)} | ${count(r.published)}${settled ? '' : ' (still publishing after 30 s)'} | ${r.withProblems} | ${r.idleRssMb.toFixed(0)} MB → ${r.rssMb.toFixed(0)} MB | ${r.rssKbPerDocument.toFixed(0)} KB | ${r.addedRssKbPerDocument.toFixed(1)} KB |`,
    );
    await server.shutdown();
  } finally {
    server.kill();
  }
}

// ---------------------------------------------------------------------------------------------------
// (7) Storm of edits

export const STORM_TARGET_MS = 1000;

export async function stormSection(s: Section): Promise<void> {
  const edits = s.quick ? 2000 : 10_000;
  const timeoutMs = 60_000;
  const what = `Storm: ${count(edits)} one-character edits of a 1 MB .env sent at once: last edit → its diagnostics${s.quick ? ' (quick: 2,000 edits, not 10,000)' : ''}`;
  const target = `≤ ${seconds(STORM_TARGET_MS)}`;
  const { text } = documentWithProblems('dotenv', 2 ** 20, 9, 1 / 20);
  const uri = 'file:///bench/storm/.env';
  const lineStarts = lineStartsOf(text);
  const ports = occurrences(text, PORT).map((at) => at + PORT.length - 1);
  const rng = random(11);
  const digits = new Map<number, string>();
  const server = startServer();
  try {
    await server.initialize({});
    server.open(uri, 'dotenv', text, 1);
    await server.diagnosticsFor(uri, 1, 60_000);
    const before = server.published;
    const t0 = now();
    for (let version = 2; version <= edits + 1; version++) {
      const offset = ports[Math.floor(rng() * ports.length)];
      const next = digits.get(offset) === '8' ? '7' : '8';
      digits.set(offset, next);
      server.replaceCharacter(uri, version, positionIn(lineStarts, offset), next);
    }
    const lastSent = now();
    let latency = NaN;
    let reason: string | undefined;
    try {
      const p = await server.diagnosticsFor(uri, edits + 1, timeoutMs);
      latency = p.at - lastSent;
    } catch {
      reason = `no diagnostics within ${seconds(timeoutMs)}`;
    }
    const r = { edits, bytes: text.length, sendMs: lastSent - t0, latencyMs: latency, published: server.published - before, timedOut: reason !== undefined };
    s.results = r;
    if (reason) s.missing(what, reason, target);
    else s.target({ what, measured: ms(latency), reference: '—', ratio: '—', target, ok: latency <= STORM_TARGET_MS });
    s.print(`### (7) Storm: ${count(edits)} incremental didChange (one digit of a port each) on a 1 MB .env document, sent without waiting`);
    s.print();
    s.print('| Sending took | Last edit → diagnostics of the last version | publishDiagnostics during the storm |');
    s.print('| ---: | ---: | ---: |');
    s.print(`| ${ms(r.sendMs)} | ${reason ?? ms(latency)} | ${count(r.published)} |`);
    if (!reason) await server.shutdown(30_000);
  } finally {
    server.kill();
  }
}

// ---------------------------------------------------------------------------------------------------
// (8) Giant document

export const GIANT_HOVER_TARGET_MS = 1000;

export async function giantSection(s: Section): Promise<void> {
  const bytes = (s.quick ? 10 : 50) * 2 ** 20;
  const quickNote = s.quick ? ' (quick: 10 MB, not 50 MB)' : '';
  const size = `${(bytes / 2 ** 20).toFixed(0)} MB`;
  const hoverWhat = `Giant ${size} .env (maxFileSize raised): slowest hover while it is analysed${quickNote}`;
  const memoryWhat = `Giant ${size} .env: peak RSS vs. 3× the document + the idle server's RSS${quickNote}`;
  const timeoutMs = 180_000;
  const text = generateDocument('dotenv', bytes);
  const uri = 'file:///bench/giant/.env';
  const at = text.indexOf('mongodb://') + 2;
  const position = positionIn(lineStartsOf(text.slice(0, at + 1)), at);
  const server = startServer();
  try {
    await server.initialize({}, { mongodbUri: { maxFileSize: 2 * bytes } });
    // One hover on an empty document loads the code paths, so that the idle RSS is that of a working server.
    server.open('file:///bench/giant/small.env', 'dotenv', 'MONGODB_URI=mongodb://localhost/app\n', 1);
    await server.diagnosticsFor('file:///bench/giant/small.env', 1, 30_000);
    const idle = server.memory();

    const t0 = now();
    server.open(uri, 'dotenv', text, 1);
    const hovers: Array<Promise<number>> = [];
    let analysed = false;
    const diagnostics = server.diagnosticsFor(uri, 1, timeoutMs);
    diagnostics.then(
      () => (analysed = true),
      () => (analysed = true),
    );
    // A hover every 100 ms until the diagnostics are there, each timed on its own; one more after.
    const hover = () => {
      const h0 = now();
      return server.request('textDocument/hover', { textDocument: { uri }, position }, timeoutMs).then(
        () => now() - h0,
        () => Infinity,
      );
    };
    while (!analysed && now() - t0 < timeoutMs) {
      hovers.push(hover());
      await Promise.race([diagnostics.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 100))]);
    }
    let reason: string | undefined;
    let openMs = NaN;
    let problems = NaN;
    try {
      const p = await diagnostics;
      openMs = p.at - t0;
      problems = p.diagnostics;
      hovers.push(hover());
    } catch {
      reason = `no diagnostics within ${seconds(timeoutMs)}`;
    }
    const times = await Promise.all(hovers);
    const slowest = Math.max(...times);
    const memory = server.memory();
    const budgetMb = (3 * bytes) / 2 ** 20 + idle.rssMb;
    const r = { bytes, openMs, problems, hovers: times.length, slowestHoverMs: slowest, idleRssMb: idle.rssMb, peakRssMb: memory.peakMb, rssMb: memory.rssMb, budgetMb, timedOut: reason !== undefined };
    s.results = r;
    const slowestText = Number.isFinite(slowest) ? ms(slowest) : 'no answer';
    if (reason) s.missing(hoverWhat, reason, `≤ ${seconds(GIANT_HOVER_TARGET_MS)}`);
    else s.target({ what: hoverWhat, measured: slowestText, reference: '—', ratio: '—', target: `≤ ${seconds(GIANT_HOVER_TARGET_MS)}`, ok: slowest <= GIANT_HOVER_TARGET_MS });
    s.target({
      what: memoryWhat,
      measured: `${memory.peakMb.toFixed(0)} MB`,
      reference: `3 × ${size} + ${idle.rssMb.toFixed(0)} MB = ${budgetMb.toFixed(0)} MB`,
      ratio: `${(memory.peakMb / budgetMb).toFixed(2)}×`,
      target: '< 1×',
      ok: reason === undefined && memory.peakMb < budgetMb,
    });
    s.print(`### (8) Giant: a ${size} .env document with maxFileSize raised, hovers every 100 ms while it is analysed`);
    s.print();
    s.print('| Open → diagnostics | Diagnostics | Hovers | Slowest hover | Idle RSS | Peak RSS (VmHWM) | RSS afterwards |');
    s.print('| ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    s.print(`| ${reason ?? ms(openMs)} | ${Number.isNaN(problems) ? '—' : count(problems)} | ${times.length} | ${slowestText} | ${idle.rssMb.toFixed(0)} MB | ${memory.peakMb.toFixed(0)} MB | ${memory.rssMb.toFixed(0)} MB |`);
    s.print();
    s.print(`The document is ${mb(text.length)} of text.`);
    if (!reason) await server.shutdown(60_000);
  } finally {
    server.kill();
  }
}
