/**
 * Differential test of the Node.js driver profile: for a seeded corpus of varied connection strings,
 * the profile reports an error exactly when `new MongoClient(uri)` of the installed `mongodb` driver
 * throws. Construction only: the client never connects. DIFF_SEED and DIFF_COUNT override the corpus.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { repoRoot } from '../../helpers/repo';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { checkConnectionString } from '../../../server/src/service/rules';
import { generateCorpus } from './generator';

/** A difference kept on purpose: URIs matching `applies` are left out of the agreement count. */
export interface IntentionalDifference {
  name: string;
  applies: (uri: string) => boolean;
  reason: string;
}

export const INTENTIONAL_DIFFERENCES: readonly IntentionalDifference[] = [
  {
    name: 'authMechanism written as a regular expression',
    applies: (uri) => [...authMechanismValues(uri)].some((v) => /[\\^$|?*+()[\]{}]/.test(v)),
    reason:
      'The driver compiles the authMechanism value into a regular expression and takes the first mechanism it happens to match ' +
      '(".*" selects MONGODB-AWS). We never evaluate user text as a regular expression (unbounded backtracking) and report ' +
      'such a value as an error; the driver throws for most of them anyway (an unbalanced "(") or picks an accidental mechanism.',
  },
];

/** The authMechanism values of a connection string, decoded as the driver's URLSearchParams decodes them. */
function* authMechanismValues(uri: string): Iterable<string> {
  const q = uri.indexOf('?');
  if (q < 0) return;
  const hash = uri.indexOf('#', q);
  for (const [k, v] of new URLSearchParams(uri.slice(q + 1, hash < 0 ? undefined : hash))) {
    if (k.toLowerCase() === 'authmechanism') yield v;
  }
}

const SEED = Number(process.env.DIFF_SEED ?? 20240611);
const COUNT = Number(process.env.DIFF_COUNT ?? 6000);

interface Client {
  new (uri: string): object;
}

/** The installed driver, resolved from the repository root. */
function loadDriver(): Client {
  try {
    return createRequire(join(repoRoot(), 'package.json'))('mongodb').MongoClient as Client;
  } catch {
    throw new Error('The mongodb driver is not installed (npm install in the repository root).');
  }
}

function driverError(MongoClient: Client, uri: string): string | undefined {
  try {
    new MongoClient(uri);
    return undefined;
  } catch (e) {
    return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  }
}

describe('Node.js driver profile against the real driver', () => {
  it(`agrees with new MongoClient(uri) on ${COUNT} generated connection strings (seed ${SEED})`, (t) => {
    process.noDeprecation = true;
    process.removeAllListeners('warning');
    const MongoClient = loadDriver();
    const corpus = generateCorpus(SEED, COUNT);
    let rejected = 0;
    let compared = 0;
    let agreed = 0;
    const excluded = new Map<string, number>();
    const disagreements: string[] = [];
    const errorKinds = new Set<string>();
    for (const uri of corpus) {
      const thrown = driverError(MongoClient, uri);
      if (thrown !== undefined) {
        rejected++;
        errorKinds.add(thrown.replace(/["'`].*$|\d+/g, '').slice(0, 60));
      }
      const problems = checkConnectionString(uri, { driver: 'node' }).problems;
      const ours = problems.some((p) => p.severity === 'error');
      if (ours === (thrown !== undefined)) {
        compared++;
        agreed++;
        continue;
      }
      const kept = INTENTIONAL_DIFFERENCES.find((d) => d.applies(uri));
      if (kept) {
        excluded.set(kept.name, (excluded.get(kept.name) ?? 0) + 1);
        continue;
      }
      compared++;
      if (disagreements.length < 20) {
        const ps = problems.map((p) => `    ${p.severity} ${p.ruleId}: ${p.message}`).join('\n') || '    (no problems)';
        disagreements.push(`${JSON.stringify(uri)}\n  driver: ${thrown ?? 'accepts'}\n  ours:\n${ps}`);
      }
    }
    const ratio = rejected / corpus.length;
    t.diagnostic(`corpus: ${corpus.length} connection strings, ${new Set(corpus).size} distinct (seed ${SEED})`);
    t.diagnostic(`rejected by the driver: ${rejected} (${(ratio * 100).toFixed(1)}%), with about ${errorKinds.size} different error messages`);
    t.diagnostic(`agreement: ${agreed}/${compared} (${((agreed / compared) * 100).toFixed(2)}%)`);
    for (const d of INTENTIONAL_DIFFERENCES) {
      t.diagnostic(`intentional difference "${d.name}": ${excluded.get(d.name) ?? 0} left out. ${d.reason}`);
    }
    assert.ok(ratio >= 0.35 && ratio <= 0.65, `the driver should reject 35–65% of the corpus, not ${(ratio * 100).toFixed(1)}%`);
    assert.equal(compared - agreed, 0, `disagreements (first ${disagreements.length}):\n${disagreements.join('\n')}`);
  });
});
