/**
 * Linear work on long runs of one character: a connection string (or a document holding one) made of a
 * single character that parsers trip on. The work is counted (test/helpers/workMeter.ts) at 16 KB and at
 * 128 KB: a linear checker does 8 times the work, the property allows 9 times plus a small constant, a
 * quadratic one would do 64 times.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateUri } from '../../../server/src/service/rules/validation';
import { analyzeDocument, defaultSettings } from '../../../server/src/service/languageService';
import { linearWork } from '../../helpers/workMeter';

const CHARACTERS = ['@', '%', ',', ':', '[', '"', "'", '\\', '/', '?', '&', '='];
const SMALL = 16 * 1024;
const settings = { ...defaultSettings, maxFileSize: 64 * SMALL };
const node = { ...settings, driver: 'node' as const };

function assertLinear(label: string, run: (text: string) => unknown, make: (n: number) => string): void {
  const w = linearWork(make, run, SMALL);
  assert.ok(w.linear, `${label}: ${w.small} steps for ${SMALL} characters, ${w.large} for 8 times as many (bound ${w.bound})`);
}

const DOCUMENTS: ReadonlyArray<readonly [string, (s: string) => string]> = [
  ['dotenv', (s) => `MONGODB_URI=mongodb://${s}\n`],
  ['json', (s) => `{"uri": "mongodb://${s}"}`],
  ['typescript', (s) => `const uri = "mongodb://${s}";`],
  ['yaml', (s) => `uri: "mongodb://${s}"\n`],
];

describe('checking does linear work on long runs of one character', () => {
  for (const c of CHARACTERS) {
    it(`${JSON.stringify(c)} in a connection string, under both driver profiles`, () => {
      assertLinear(`spec ${c}`, (uri) => validateUri(uri, settings), (n) => `mongodb://u:p${c.repeat(n)}@h/db?w=1&x=${c}`);
      assertLinear(`node ${c}`, (uri) => validateUri(uri, node), (n) => `mongodb://${c.repeat(n)}`);
      assertLinear(`options ${c}`, (uri) => validateUri(uri, node), (n) => `mongodb://h/?appName=${c.repeat(n)}&w=${c.repeat(n)}`);
    });
    // Each character in one host format, in turn (extractors have linear tests of their own).
    const [languageId, make] = DOCUMENTS[CHARACTERS.indexOf(c) % DOCUMENTS.length];
    it(`${JSON.stringify(c)} in a ${languageId} document`, () => {
      assertLinear(`${languageId} ${c}`, (text) => analyzeDocument({ uri: `file:///l.${languageId}`, languageId, text }, settings), (n) => make(c.repeat(n)));
    });
  }
});
