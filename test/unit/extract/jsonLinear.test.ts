/**
 * The JSON scanner is linear in the document length on the inputs that exercise its skipping:
 * escapes, escaped quotes and line breaks inside strings, comments, escaped keys, deep nesting.
 * Timed at two sizes, like linear.test.ts; quadratic behaviour would be far over the bound.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { extractJson } from '../../../server/src/service/extract/json';

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

function time(text: string): number {
  const t0 = process.hrtime.bigint();
  extractJson(text);
  return Number(process.hrtime.bigint() - t0);
}

describe('JSON scanning is linear in the input length', () => {
  for (const [name, make] of shapes) {
    it(name, () => {
      const small = make(10_000);
      const large = make(80_000);
      time(small); // warm up
      const best = (t: string) => Math.min(time(t), time(t), time(t), time(t), time(t));
      const a = best(small);
      const b = best(large);
      // 8x the input: linear ≈ 8x, quadratic ≈ 64x. Allow garbage-collection noise up to 24x.
      assert.ok(b < a * 24 + 60_000_000, `${name}: ${a} ns → ${b} ns`);
    });
  }
});
