/**
 * Linear time on 1 MB of pathological input: a connection string (or a document holding one) made of a
 * single character that parsers trip on. Each is timed at 64 KB and at 1 MB; the ratios are generous on
 * purpose (garbage collection, a shared machine): linear is 16x, quadratic would be 256x.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateUri } from '../../../server/src/service/features/validation';
import { analyzeDocument, defaultSettings } from '../../../server/src/service/languageService';

const CHARACTERS = ['@', '%', ',', ':', '[', '"', "'", '\\'];
const SMALL = 64 * 1024;
const LARGE = 1024 * 1024;
const settings = { ...defaultSettings, maxFileSize: 4 * LARGE };
const node = { ...settings, driver: 'node' as const };

function time(fn: () => unknown): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

function assertLinear(label: string, run: (size: number) => unknown): void {
  run(SMALL); // warm up
  const small = Math.min(time(() => run(SMALL)), time(() => run(SMALL)));
  const large = time(() => run(LARGE));
  assert.ok(large < small * 80 + 100, `${label}: ${small.toFixed(1)} ms for 64 KB, ${large.toFixed(1)} ms for 1 MB`);
}

const DOCUMENTS: ReadonlyArray<readonly [string, (s: string) => string]> = [
  ['dotenv', (s) => `MONGODB_URI=mongodb://${s}\n`],
  ['json', (s) => `{"uri": "mongodb://${s}"}`],
  ['typescript', (s) => `const uri = "mongodb://${s}";`],
  ['yaml', (s) => `uri: "mongodb://${s}"\n`],
];

describe('checking is linear on 1 MB of one character', () => {
  for (const c of CHARACTERS) {
    it(`${JSON.stringify(c)} in a connection string, under both driver profiles`, () => {
      assertLinear(`spec ${c}`, (n) => validateUri(`mongodb://u:p${c.repeat(n)}@h/db?w=1&x=${c}`, settings));
      assertLinear(`node ${c}`, (n) => validateUri(`mongodb://${c.repeat(n)}`, node));
    });
    // Each character in one host format, in turn (extractors have linear tests of their own).
    const [languageId, make] = DOCUMENTS[CHARACTERS.indexOf(c) % DOCUMENTS.length];
    it(`${JSON.stringify(c)} in a ${languageId} document`, () => {
      assertLinear(`${languageId} ${c}`, (n) => analyzeDocument({ uri: `file:///l.${languageId}`, languageId, text: make(c.repeat(n)) }, settings));
    });
  }
});
