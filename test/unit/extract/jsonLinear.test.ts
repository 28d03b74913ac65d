/**
 * The JSON scanner does linear work in the document length on the inputs that exercise its skipping:
 * escapes, escaped quotes and line breaks inside strings, comments, escaped keys, deep nesting. The work
 * is counted at two sizes, like linear.test.ts: work(8n) ≤ 9·work(n) + c.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { extractJson } from '../../../server/src/service/extract/json';
import { linearWork } from '../../helpers/workMeter';

const shapes: Array<[string, (n: number) => string]> = [
  ['one string of escapes', (n) => '{"MONGO_URI": "mongodb://' + '\\u0040\\/\\"'.repeat(n) + '"}'],
  ['escaped quotes and backslashes', (n) => '["mongodb://h' + '\\"\\\\'.repeat(n)],
  ['strings broken by line breaks', (n) => '{"uri": "mongodb://h\n}'.repeat(n)],
  ['strings broken by carriage returns', (n) => '["mongodb://h\r'.repeat(n)],
  ['escaped line breaks', (n) => '{"uri": "mongodb://h' + '\\\n'.repeat(n)],
  ['line comments', (n) => '// mongodb://h:1 "\n'.repeat(n)],
  ['block comments full of quotes', (n) => '/* "mongodb://h:1 */"'.repeat(n)],
  ['escaped keys', (n) => '{"MONGO\\u005fURI": "h"}, '.repeat(n)],
  ['one long escaped key', (n) => '{"' + 'k\\u0041'.repeat(n) + '": [' + '"mongodb://h:1", '.repeat(n) + ']}'],
  ['deep objects with keys', (n) => '{"mongo": '.repeat(n) + '"uri", '.repeat(n)],
  ['stray closing brackets', (n) => '{"uri": [' + '}"h",'.repeat(n)],
];

describe('JSON scanning does linear work in the input length', () => {
  for (const [name, make] of shapes) {
    it(name, () => {
      const w = linearWork(make, (text) => extractJson(text), 2_000);
      assert.ok(w.linear, `${name}: ${w.small} steps → ${w.large} steps (bound ${w.bound})`);
    });
  }
});
