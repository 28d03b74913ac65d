/**
 * (1) Connection strings per second: this project's parse + validate against the parse of
 * mongodb-connection-string-url and the construction of the mongodb driver's MongoClient (which
 * parses and validates the options but connects to nothing), in the same process, round-robin.
 */
import { ConnectionString } from 'mongodb-connection-string-url';
import { MongoClient } from 'mongodb';
import { defaultSettings } from '../server/src/service/api';
import { validateUri } from '../server/src/service/rules/validation';
import { parseConnectionString } from '../server/src/service/uri/parser';
import { generateUris } from './generate';
import { count, ms, now, percentile, ratio } from './measure';
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

function runOnce(contender: Contender, uris: readonly string[]): { ms: number; flagged: number } {
  let flagged = 0;
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
          new ConnectionString(uri);
        } catch {
          flagged++;
        }
      }
      break;
    case 'mongoClient':
      for (const uri of uris) {
        try {
          new MongoClient(uri);
        } catch {
          flagged++;
        }
      }
      break;
  }
  return { ms: now() - t0, flagged };
}

export function benchThroughput(count: number, rounds: number): ThroughputResult {
  const uris = generateUris(count);
  const contenders = Object.keys(CONTENDERS) as Contender[];
  const times: Record<Contender, number[]> = { validate: [], parse: [], connectionStringUrl: [], mongoClient: [] };
  const flagged = {} as Record<Contender, number>;
  // Two warm-up rounds let every contender's code be optimised before it is timed.
  for (let k = 0; k < 2; k++) for (const c of contenders) flagged[c] = runOnce(c, uris).flagged;
  for (let k = 0; k < rounds; k++) {
    for (const c of contenders) times[c].push(runOnce(c, uris).ms);
  }
  const ms = {} as Record<Contender, number>;
  for (const c of contenders) ms[c] = percentile(times[c], 50);
  return { uris: count, rounds, ms, flagged };
}

/** Budget 1: this project's parse + validate per connection string against `new ConnectionString()`. */
export const THROUGHPUT_TARGET = 0.03;

export async function throughputSection(s: Section): Promise<void> {
  const what = 'Parse + validate per connection string vs. `new ConnectionString()`';
  const target = `≤ ${THROUGHPUT_TARGET}×`;
  const job = await runJob<ThroughputResult>('throughput', { count: 10_000, rounds: s.quick ? 3 : 9 }, 600_000);
  if (!job.ok) return s.missing(what, job.reason, target);
  const r = job.value;
  s.results = r;
  const perString = (t: number) => `${((t * 1000) / r.uris).toFixed(2)} µs`;
  const vs = r.ms.validate / r.ms.connectionStringUrl;
  s.target({ what: `${what} (${count(r.uris)} strings)`, measured: perString(r.ms.validate), reference: perString(r.ms.connectionStringUrl), ratio: ratio(vs), target, ok: vs <= THROUGHPUT_TARGET });
  s.print(`### (1) ${count(r.uris)} generated connection strings (median of ${r.rounds} rounds, one process, round-robin)`);
  s.print();
  s.print("| Contender | Time | Per string | Flagged | This project's parse + validate takes |");
  s.print('| --- | ---: | ---: | ---: | ---: |');
  for (const c of Object.keys(CONTENDERS) as Contender[]) {
    const t = r.ms[c];
    s.print(`| ${CONTENDERS[c]} | ${ms(t)} | ${perString(t)} | ${r.flagged[c]} | ${c === 'validate' ? '—' : `${ratio(r.ms.validate / t)} as long`} |`);
  }
}
