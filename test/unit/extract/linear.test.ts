/**
 * Extraction is linear in the document length: pathological inputs for every extractor, with the work
 * counted (test/helpers/workMeter.ts) at two sizes. At 8 times the input a linear extractor does 8 times the
 * work; the property allows 9 times plus a small constant, a quadratic one would do 64 times.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { extractValues } from '../../../server/src/service/extract';
import { linearWork } from '../../helpers/workMeter';

const shapes: Array<[string, string, (n: number) => string]> = [
  ['json', 'unterminated strings', (n) => '["mongodb://h' + ',"mongodb://\\u0040'.repeat(n)],
  ['json', 'deep arrays of strings', (n) => '['.repeat(n) + '"mongodb://h:1",'.repeat(n)],
  ['jsonc', 'unclosed comments', (n) => '/* mongodb://a '.repeat(n)],
  ['yaml', 'unterminated quotes', (n) => 'a: "mongodb://h\n'.repeat(n)],
  ['yaml', 'deep nesting', (n) => Array.from({ length: 300 }, (_, i) => ' '.repeat(i) + 'mongo:\n').join('') + (' '.repeat(300) + 'uri: x\n').repeat(n)],
  ['yaml', 'flow brackets', (n) => 'a: ' + '[{'.repeat(n)],
  ['yaml', 'values of one flow sequence on one line', (n) => 'mongodb: [' + '"mongodb://h:1", '.repeat(n) + ']\n'],
  ['yaml', 'plain values of one flow mapping on one line', (n) => 'mongo: {' + 'uri: mongodb://h:1, '.repeat(n) + '}\n'],
  ['yaml', 'sequence dashes', (n) => '- '.repeat(n) + 'mongodb://h:1\n'],
  ['yaml', 'block scalar lines', (n) => 'a: |\n' + '  mongodb://h:1\n'.repeat(n)],
  ['yaml', 'helm braces', (n) => 'a: mongodb://' + '{{'.repeat(n)],
  ['dotenv', 'unmatched quotes', (n) => 'A="x\nB=\'y\n'.repeat(n)],
  ['properties', 'backslashes', (n) => 'mongo.uri=' + '\\\\\\\n '.repeat(n)],
  ['ini', 'brackets', (n) => '[mongodb\n'.repeat(n)],
  ['toml', 'nesting and quotes', (n) => 'a = ' + '["""'.repeat(n)],
  ['typescript', 'template placeholders', (n) => '`mongodb://' + '${'.repeat(n)],
  ['typescript', 'slashes', (n) => 'x = a ' + '/ b '.repeat(n) + '/'.repeat(n)],
  ['typescript', 'concatenations', (n) => '"mongodb://h:1" + '.repeat(n)],
  ['python', 'f-string braces', (n) => 'f"mongodb://' + '{'.repeat(n)],
  ['python', 'subscripts', (n) => 'client' + '["db"]'.repeat(n)],
  ['csharp', 'verbatim quotes', (n) => '@"mongodb://' + '""'.repeat(n)],
  ['java', 'text blocks', (n) => '"""\n' + '  mongodb://h:1\\\n'.repeat(n)],
  ['ruby', 'interpolation', (n) => '"mongodb://' + '#{'.repeat(n)],
  ['php', 'heredocs', (n) => '<<<EOT\n'.repeat(n)],
  ['shellscript', 'substitutions', (n) => 'MONGO_URI="mongodb://' + '$('.repeat(n)],
  ['shellscript', 'heredocs', (n) => 'cat <<EOF <<EOF2\n'.repeat(n)],
  ['markdown', 'fences', (n) => '```yaml\nuri: mongodb://h:1\n'.repeat(n)],
  ['plaintext', 'schemes', (n) => 'mongodb://'.repeat(n)],
  ['plaintext', 'closing brackets', (n) => 'mongodb://h' + ')'.repeat(n * 4)],
  ['plaintext', 'placeholders', (n) => 'mongodb://' + '${{<'.repeat(n)],
];

describe('extraction does linear work in the input length', () => {
  for (const [languageId, name, make] of shapes) {
    it(`${languageId}: ${name}`, () => {
      const w = linearWork(make, (text) => extractValues(text, languageId, 'file:///linear'), 2_000);
      assert.ok(w.linear, `${languageId} ${name}: ${w.small} steps → ${w.large} steps (bound ${w.bound})`);
    });
  }
});
