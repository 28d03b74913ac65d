/**
 * (a) Connection strings per second: this project's parse + validate against the parse of
 * mongodb-connection-string-url and the construction of the mongodb driver's MongoClient (which
 * parses and validates the options but connects to nothing), in the same process, round-robin.
 */
import { ConnectionString } from 'mongodb-connection-string-url';
import { MongoClient } from 'mongodb';
import { defaultSettings } from '../server/src/service/api';
import { validateUri } from '../server/src/service/rules/validation';
import { parseConnectionString } from '../server/src/service/uri/parser';
import { generateUris } from './generate';
import { now, percentile } from './measure';

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
