/**
 * (1) Connection strings per second: this project's parse + validate against the parse of
 * mongodb-connection-string-url and the construction of the mongodb driver's MongoClient (which
 * parses and validates the options but connects to nothing), each in processes of its own, taken in turn.
 */
import type { ConnectionString as ConnectionStringClass } from 'mongodb-connection-string-url';
import type { MongoClient as MongoClientClass } from 'mongodb';
import { defaultSettings } from '../server/src/service/api';
import { validateUri } from '../server/src/service/rules/validation';
import { parseConnectionString } from '../server/src/service/uri/parser';
import { generateUris } from './generate';
import { count as countText, ms as msText, now, percentile, ratio } from './measure';
import { runJob, type Section } from './report';

export interface ThroughputResult {
  uris: number;
  rounds: number;
  /** Median milliseconds for all the strings, per contender. */
  ms: Record<Contender, number>;
  /** How many strings each contender rejected (threw) or reported a problem for. */
  flagged: Record<Contender, number>;
}

export type Contender = 'validate' | 'parse' | 'connectionStringUrl' | 'mongoClient';

export const CONTENDERS: Record<Contender, string> = {
  validate: 'this project: parse + validate (all rules)',
  parse: 'this project: parse only',
  connectionStringUrl: 'mongodb-connection-string-url: new ConnectionString() (parse only)',
  mongoClient: 'mongodb driver: new MongoClient() (parse + option validation)',
};

/**
 * The peers are loaded by the process that measures them, not at start: every job of the benchmark
 * (documents, pathological inputs) runs in a child of this bundle, and the driver alone adds about
 * 8 MB to the heap, which changed when the collector ran in the document jobs (the dense Python
 * document took 1.5 to 1.8 times as long in about half of its processes).
 */
const peers = {
  get ConnectionString(): typeof ConnectionStringClass {
    return (require('mongodb-connection-string-url') as typeof import('mongodb-connection-string-url')).ConnectionString;
  },
  get MongoClient(): typeof MongoClientClass {
    return (require('mongodb') as typeof import('mongodb')).MongoClient;
  },
};

function runOnce(contender: Contender, uris: readonly string[]): { ms: number; flagged: number } {
  let flagged = 0;
  // Looked up before the clock starts (the first lookup loads the package).
  const ConnectionString = contender === 'connectionStringUrl' ? peers.ConnectionString : undefined;
  const MongoClient = contender === 'mongoClient' ? peers.MongoClient : undefined;
  const t0 = now();
  switch (contender) {
    case 'validate':
      for (const uri of uris) if (validateUri(uri, defaultSettings).some((p) => p.severity === 'error')) flagged++;
      break;
    case 'parse':
      for (const uri of uris) if (parseConnectionString(uri).hosts.length === 0) flagged++;
      break;
    case 'connectionStringUrl':
      for (const uri of uris) {
        try {
          new ConnectionString!(uri);
        } catch {
          flagged++;
        }
      }
      break;
    case 'mongoClient':
      for (const uri of uris) {
        try {
          new MongoClient!(uri);
        } catch {
          flagged++;
        }
      }
      break;
  }
  return { ms: now() - t0, flagged };
}

/** What one process measures of one contender: the median of its timed rounds, after its warm-up rounds. */
export interface ContenderTiming {
  contender: Contender;
  rounds: number;
  ms: number;
  flagged: number;
}

/**
 * The job of one contender (run in a process of its own, so that no contender pays for the garbage or
 * the heap another leaves): warm-up rounds until the code is optimised (at least 2, and 0.3 s), then
 * timed rounds (at least `rounds`, and 0.5 s), their median.
 */
export function benchContender(params: { contender: Contender; count: number; rounds: number }): ContenderTiming {
  const { contender, count, rounds } = params;
  const uris = generateUris(count);
  let flagged = 0;
  const warmStart = now();
  for (let k = 0; k < 2 || now() - warmStart < 300; k++) flagged = runOnce(contender, uris).flagged;
  const times: number[] = [];
  const start = now();
  while (times.length < rounds || now() - start < 500) times.push(runOnce(contender, uris).ms);
  return { contender, rounds: times.length, ms: percentile(times, 50), flagged };
}

/** Budget 1: this project's parse + validate per connection string against `new ConnectionString()`. */
export const THROUGHPUT_TARGET = 0.03;

/** Processes per contender, taken in turn (A B C D A B C D ...), so that a slower minute of the machine falls on all of them. */
const ALTERNATIONS = 3;

export async function throughputSection(s: Section): Promise<void> {
  const what = 'Parse + validate per connection string vs. `new ConnectionString()`';
  const target = `≤ ${THROUGHPUT_TARGET}×`;
  const count = 10_000;
  const alternations = s.quick ? 1 : ALTERNATIONS;
  const rounds = s.quick ? 3 : 5;
  const timings: Record<Contender, ContenderTiming[]> = { validate: [], parse: [], connectionStringUrl: [], mongoClient: [] };
  for (let a = 0; a < alternations; a++) {
    for (const contender of Object.keys(CONTENDERS) as Contender[]) {
      // The driver's MongoClient is there for reference only: one process of it is enough.
      if (contender === 'mongoClient' && a > 0) continue;
      const job = await runJob<ContenderTiming>('throughput', { contender, count, rounds }, 300_000);
      if (!job.ok) return s.missing(what, `${contender}: ${job.reason}`, target);
      timings[contender].push(job.value);
    }
  }
  const ms = {} as Record<Contender, number>;
  const flagged = {} as Record<Contender, number>;
  for (const c of Object.keys(CONTENDERS) as Contender[]) {
    ms[c] = percentile(timings[c].map((t) => t.ms), 50);
    flagged[c] = timings[c][0].flagged;
  }
  const r: ThroughputResult = { uris: count, rounds, ms, flagged };
  s.results = { ...r, processes: timings };
  const perString = (t: number) => `${((t * 1000) / r.uris).toFixed(2)} µs`;
  const vs = r.ms.validate / r.ms.connectionStringUrl;
  s.target({ what: `${what} (${countText(r.uris)} strings)`, measured: perString(r.ms.validate), reference: perString(r.ms.connectionStringUrl), ratio: ratio(vs), target, ok: vs <= THROUGHPUT_TARGET });
  s.print(`### (1) ${countText(r.uris)} generated connection strings (each contender in processes of its own, ${alternations} in turn but one of the driver; the median of their medians of at least ${rounds} rounds after warm-up)`);
  s.print();
  s.print("| Contender | Time | Per string | Flagged | This project's parse + validate takes |");
  s.print('| --- | ---: | ---: | ---: | ---: |');
  for (const c of Object.keys(CONTENDERS) as Contender[]) {
    const t = r.ms[c];
    s.print(`| ${CONTENDERS[c]} | ${msText(t)} | ${perString(t)} | ${r.flagged[c]} | ${c === 'validate' ? '—' : `${ratio(r.ms.validate / t)} as long`} |`);
  }
}
