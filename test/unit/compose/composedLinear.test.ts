/**
 * Connection strings composed from the variables of their .env file, many of them in one file, each with
 * a problem that a variable brings in and whose fix edits the definition (a password to percent-encode):
 * the analysis does linear work in the number of strings. The work is counted (test/helpers/workMeter.ts),
 * never timed: at 8 times the strings at most 9 times the work plus a small constant. Counting every use
 * of the variable in the whole file again for each problem, or the lines up to the definition for each
 * message, made it quadratic.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeDocument, defaultSettings } from '../../../server/src/service/languageService';
import { linearWork } from '../../helpers/workMeter';

const settings = { ...defaultSettings, maxFileSize: 1 << 24 };

/** `n` connection strings that use DB_PASS, defined (with a character to encode) before or after them. */
function envFile(n: number, definitionLast: boolean): string {
  const lines = Array.from({ length: n }, (_, i) => `MONGODB_URI_${i}=mongodb://app:\${DB_PASS}@db${i}.example.com:27017/shop?tls=true`);
  const definition = 'DB_PASS=p@ss:word';
  return `${(definitionLast ? [...lines, definition] : [definition, ...lines]).join('\n')}\n`;
}

describe('composed strings of a large .env file: linear work', () => {
  for (const definitionLast of [false, true]) {
    it(`the definition ${definitionLast ? 'after' : 'before'} the strings`, () => {
      const run = (text: string) => {
        const a = analyzeDocument({ uri: 'file:///p/.env', languageId: 'dotenv', text }, settings);
        // The problems this test is about: on the reference, with the fix in the definition.
        assert.ok(a.problems.some((p) => p.related !== undefined && p.data?.replaceSpan !== undefined));
      };
      const w = linearWork((n) => envFile(n, definitionLast), run, 64);
      assert.ok(w.linear, `${w.small} steps for 64 strings, ${w.large} for 8 times as many (bound ${w.bound})`);
    });
  }
});

describe('one connection string made of many variables: linear work', () => {
  it('each reference is looked up without reading its long line again', () => {
    // H1 is also found inside ${H10}, ${H100}, …: a lookup of it went back to the start of the line each time.
    const file = (n: number) => `${Array.from({ length: n }, (_, i) => `H${i}=h${i}.example.com:70000\n`).join('')}MONGODB_URI=mongodb://${Array.from({ length: n }, (_, i) => `\${H${i}}`).join(',')}/shop\n`;
    const run = (text: string) => {
      const a = analyzeDocument({ uri: 'file:///p/.env', languageId: 'dotenv', text }, settings);
      assert.ok(a.problems.some((p) => p.message.includes('70000')));
    };
    const w = linearWork(file, run, 200);
    assert.ok(w.linear, `${w.small} steps for 200 variables, ${w.large} for 8 times as many (bound ${w.bound})`);
  });
});
