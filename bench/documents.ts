/**
 * (3) Whole-document analysis (extraction, parsing, every rule, the whole-document analyses) of
 * generated 10 MB documents of every format, against the floor: a bare /mongodb/g scan of the same
 * text. Dense: values everywhere; sparse: one block of values in a thousand, as in most files of a real
 * repository (the Targets); mixed: one block in ten (for reference). Then inputs that make a careless
 * parser quadratic, in seconds per MB. Each measure runs in a process of its own, ended on timeout, with
 * Node's default heap, as the language server runs (with a heap of 8 GB, the garbage of generating the
 * document stayed until a major collection in the timed runs, and the Python document took 1.7 times as long).
 */
import { analyzeDocument, defaultSettings, normalizeLanguageId } from '../server/src/service/languageService';
import { extractValues } from '../server/src/service/extract';
import { IncrementalAnalyzer } from '../server/src/service/incrementalAnalyzer';
import type { Settings } from '../server/src/service/api';
import { FORMATS, generateDocument, pathologicalInputs } from './generate';
import { bestTime, ms, ratio } from './measure';
import { mark, runJob, type Section } from './report';

export const DENSE_TARGET = 50;
export const SPARSE_TARGET = 3;
/** Seconds per MB of analyzeDocument, for each pathological input. */
export const PATHOLOGICAL_TARGET = 0.2;

const DENSITIES = {
  dense: { fillersPerBlock: 0, target: DENSE_TARGET, label: 'dense (values everywhere)' },
  sparse: { fillersPerBlock: 999, target: SPARSE_TARGET, label: 'sparse (one block of values in a thousand)' },
  mixed: { fillersPerBlock: 9, target: undefined, label: 'mixed (one block of values in ten; no target)' },
} as const;
type Density = keyof typeof DENSITIES;

export interface DocumentResult {
  format: string;
  density: Density;
  bytes: number;
  values: number;
  problems: number;
  /** Extraction alone: finding the values in the text. */
  extractMs: number;
  analyzeMs: number;
  /**
   * The language server's first analysis of the document (for reference): the same, with every value's
   * record kept for the next version, found again by the value and by its text.
   */
  serverMs: number;
  floorMs: number;
  ratio: number;
  /** Bare work: a loop that reads each character once (readEachCharacter). */
  charLoopMs: number;
  /** Bare work: the engine's searches hopping from one delimiter of the format to the next (hopDelimiters). */
  hopMs: number;
}

function regexFloor(text: string): number {
  const re = /mongodb/g;
  let n = 0;
  while (re.exec(text)) n++;
  return n;
}

/**
 * A loop that reads each character of the text once and counts those at which a string or a comment may
 * start or end (quotes, `\\`, `/`, `#`, line feeds): what a lexer that looks at every character does
 * at the least. (The .env and Markdown extractors skip ahead with the engine's searches instead.)
 */
function readEachCharacter(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 || c === 0x27 || c === 0x60 || c === 0x5c || c === 0x2f || c === 0x23 || c === 0x0a) n++;
  }
  return n;
}

/**
 * The characters that start or end a string or a comment in each format (and YAML's line breaks, where
 * its keys start): a lexer may find them with the engine's search instead of reading every character.
 */
const DELIMITERS: Record<string, readonly string[]> = {
  json: ['"', '/'],
  yaml: ['\n', '"', "'", '#'],
  typescript: ['"', "'", '`', '/'],
  python: ['"', "'", '#'],
  dotenv: ['\n', '"', "'", '#'],
  markdown: ['\n', '`'],
  plaintext: ['\n'],
};

const DELIMITER_NAMES: Record<string, string> = { '\n': 'line break', '"': 'double quote', "'": 'single quote', '`': 'backquote', '/': 'slash', '#': '#' };

/**
 * Every occurrence of the delimiters in the text, in order, each found with indexOf (the position of
 * each delimiter kept until it is passed): what a lexer that skips to the next delimiter does at the
 * least. Returns how many it found.
 */
function hopDelimiters(text: string, delimiters: readonly string[]): number {
  const next = delimiters.map((d) => text.indexOf(d));
  let found = 0;
  for (;;) {
    let at = -1;
    for (const n of next) if (n >= 0 && (at < 0 || n < at)) at = n;
    if (at < 0) return found;
    found++;
    for (let k = 0; k < next.length; k++) if (next[k] === at) next[k] = text.indexOf(delimiters[k], at + 1);
  }
}

const settings: Settings = { ...defaultSettings, maxFileSize: Number.MAX_SAFE_INTEGER };

/** The job of one format and density (run in a child process). */
export function benchDocument(params: { format: string; density: Density; bytes: number; rounds: number }): DocumentResult {
  const { format, density, bytes, rounds } = params;
  const text = generateDocument(format, bytes, DENSITIES[density].fillersPerBlock);
  const doc = { uri: `file:///bench/document.${format}`, languageId: format, text };
  // Extraction first, on a heap that holds no analysis yet; best of several runs for each measure:
  // on a shared machine, the run least disturbed by other work.
  const languageId = normalizeLanguageId(format, doc.uri);
  const extractMs = bestTime(() => extractValues(text, languageId, doc.uri), Math.max(rounds, 3));
  const analysis = analyzeDocument(doc, settings);
  const analyzeMs = bestTime(() => analyzeDocument(doc, settings), rounds, 0);
  const serverMs = bestTime(() => new IncrementalAnalyzer().analyze(doc, settings), rounds, 0);
  const floorMs = bestTime(() => regexFloor(text), rounds * 3, 3);
  const charLoopMs = bestTime(() => readEachCharacter(text), rounds * 3, 3);
  const hopMs = bestTime(() => hopDelimiters(text, DELIMITERS[format] ?? ['\n']), rounds * 3, 3);
  return { format, density, bytes: text.length, values: analysis.values.length, problems: analysis.problems.length, extractMs, analyzeMs, serverMs, floorMs, ratio: analyzeMs / floorMs, charLoopMs, hopMs };
}

export interface PathologicalResult {
  name: string;
  shape: string;
  bytes: number;
  ms: number;
  problems: number;
}

/** The job of one pathological input (run in a child process): best of `rounds`, after a small warm-up. */
export function benchPathological(params: { name: string; bytes: number; options: number; rounds: number }): PathologicalResult {
  const warm = pathologicalInputs(16 * 1024, 1000).find((p) => p.name === params.name);
  const input = pathologicalInputs(params.bytes, params.options).find((p) => p.name === params.name);
  if (!input || !warm) throw new Error(`No pathological input ${params.name}`);
  const run = (p: typeof input) => analyzeDocument({ uri: 'file:///bench/.env', languageId: 'dotenv', text: p.text }, { ...settings, driver: p.driver ?? settings.driver });
  run(warm);
  let problems = 0;
  const t = bestTime(() => (problems = run(input).problems.length), params.rounds, 0);
  return { name: input.name, shape: input.shape, bytes: input.text.length, ms: t, problems };
}

export async function documentsSection(s: Section): Promise<void> {
  const bytes = 10 * 2 ** 20;
  const rounds = s.quick ? 2 : 4;
  const results: DocumentResult[] = [];
  const failures: string[] = [];
  for (const density of Object.keys(DENSITIES) as Density[]) {
    for (const format of FORMATS) {
      process.stderr.write(`  ${density} ${format}\n`);
      const job = await runJob<DocumentResult>('document', { format, density, bytes, rounds }, 300_000);
      if (job.ok) results.push(job.value);
      else failures.push(`${density} ${format}: ${job.reason}`);
    }
    const measured = results.filter((r) => r.density === density);
    const { target, label } = DENSITIES[density];
    if (target === undefined) continue;
    const failed = failures.filter((f) => f.startsWith(density));
    const what = `10 MB ${label}: analyzeDocument vs. a /mongodb/g scan, worst of ${FORMATS.length} formats`;
    if (failed.length > 0) s.missing(what, failed.map((f) => f.slice(density.length + 1)).join('; '), `≤ ${target}×`);
    else {
      const worst = measured.reduce((a, b) => (b.ratio > a.ratio ? b : a));
      s.target({ what: `${what} (${worst.format})`, measured: ms(worst.analyzeMs), reference: ms(worst.floorMs), ratio: ratio(worst.ratio), target: `≤ ${target}×`, ok: worst.ratio <= target });
      // Each format that misses the target: the cheaper of the two ways of finding its strings and comments.
      if (density === 'sparse') {
        for (const r of measured.filter((m) => m.ratio > target)) {
          const way = r.hopMs < r.charLoopMs ? { ms: r.hopMs, how: `hopping from one ${DELIMITERS[r.format].map((d) => DELIMITER_NAMES[d] ?? d).join(', ')} to the next with indexOf` } : { ms: r.charLoopMs, how: 'a loop reading each character once' };
          const bare = way.ms / r.floorMs;
          s.bareWork({
            what: `10 MB ${density} ${r.format}: finding where its strings and comments may start or end (${way.how}; the cheaper of two ways) vs. the /mongodb/g scan`,
            measured: ms(way.ms),
            reference: ms(r.floorMs),
            ratio: ratio(bare),
            target: `≤ ${target}×`,
            left: bare < target ? ratio(target - bare) : 'none',
          });
        }
      }
    }
  }
  s.print(`### (3) analyzeDocument on generated 10 MB documents vs. a bare /mongodb/g scan (best of ${rounds} runs each, one process per document)`);
  s.print();
  s.print('The server\'s first analysis (no target) is the same analysis as the language server makes it when a document opens: every value\'s record kept for the next version.');
  s.print();
  s.print('Bare work (each with its ratio to the same floor in brackets): "each character once" is a loop that reads each character once and does nothing else; "hops" finds every delimiter of the format\'s strings and comments with indexOf, one after the other.');
  s.print();
  s.print('| Format | Density | Size | Values | Problems | Extraction alone | analyzeDocument | Server, first analysis | /mongodb/g (floor) | Ratio | Target | | Each character once | Hops |');
  s.print('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :-: | ---: | ---: |');
  for (const d of results) {
    const target = DENSITIES[d.density].target;
    const verdict = target === undefined ? '— | ' : `≤ ${target}× | ${mark(d.ratio <= target)}`;
    s.print(`| ${d.format} | ${d.density} | ${(d.bytes / 2 ** 20).toFixed(0)} MB | ${d.values} | ${d.problems} | ${ms(d.extractMs)} | ${ms(d.analyzeMs)} | ${ms(d.serverMs)} | ${ms(d.floorMs)} | ${ratio(d.ratio)} | ${verdict} | ${ms(d.charLoopMs)} (${ratio(d.charLoopMs / d.floorMs)}) | ${ms(d.hopMs)} (${ratio(d.hopMs / d.floorMs)}) |`);
  }
  for (const f of failures) s.print(`| ${f} | | | | | | | | | | | ✘ | | |`);
  s.results = { documents: results, failures };
}

export async function pathologicalSection(s: Section): Promise<void> {
  const bytes = 2 ** 20;
  const options = 100_000;
  const rounds = s.quick ? 1 : 3;
  const timeoutMs = 120_000;
  const results: PathologicalResult[] = [];
  s.print(`### (3) Pathological inputs, one .env value each (analyzeDocument, best of ${rounds} run${rounds === 1 ? '' : 's'} after a 16 KB warm-up, one process per input)`);
  s.print();
  s.print('| Input | Size | Problems | analyzeDocument | Per MB | Target | |');
  s.print('| --- | ---: | ---: | ---: | ---: | ---: | :-: |');
  for (const input of pathologicalInputs(16, options)) {
    process.stderr.write(`  ${input.name}\n`);
    const what = `Pathological input: ${input.shape}`;
    const target = `≤ ${PATHOLOGICAL_TARGET} s/MB`;
    const job = await runJob<PathologicalResult>('pathological', { name: input.name, bytes, options, rounds }, timeoutMs);
    if (!job.ok) {
      s.missing(what, job.reason, target);
      s.print(`| ${input.shape} | | | ${job.reason} | | ${target} | ✘ |`);
      continue;
    }
    const r = job.value;
    results.push(r);
    const mb = r.bytes / 2 ** 20;
    const perMb = r.ms / 1000 / mb;
    s.target({ what, measured: ms(r.ms), reference: `${mb.toFixed(2)} MB`, ratio: `${perMb.toFixed(3)} s/MB`, target, ok: perMb <= PATHOLOGICAL_TARGET });
    s.print(`| ${r.shape} | ${mb.toFixed(2)} MB | ${r.problems} | ${ms(r.ms)} | ${perMb.toFixed(3)} s | ${target} | ${mark(perMb <= PATHOLOGICAL_TARGET)} |`);
  }
  s.results = results;
}
