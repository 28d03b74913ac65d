/**
 * The shell extractor against a reference copy of its first version (shellOracle.ts): on random
 * shell-ish scripts both find the same values, in the same order, with the same offsets and syntaxes.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { extractShell } from '../../../server/src/service/extract/shell';
import { checkProperty } from '../../helpers/fuzz';
import { documentText } from '../fuzz/arbitraries';
import { extractShell as oracleShell } from './shellOracle';

const PIECES = [
  'mongodb://h:27017/db', 'mongodb+srv://u:p@c.x.net/app', 'MONGO_URL=', 'MONGODB_URI=', 'DB_NAME=', '--uri=', '--mongo-uri=', 'export ',
  'mongosh ', 'mongodump ', 'echo ', ' ', ' ', '\t', '\n', '\n', '\\\n', '"', '"', "'", "'", "$'", '\\n', '\\t', '\\"', '\\\\', '\\$',
  '$', '${X}', '${X:-mongodb://d/x}', '$(hostname)', '$(cmd "a b")', '`date`', '$((1+2))', '{', '}', '(', ')', ';', '&', '|', '<', '>',
  '<<EOF\n', 'EOF\n', "<<-'END'\n", '\tEND\n', '#', '# mongodb://c/x\n', '=', ':', '@', '%40', 'x', 'abc', 'é', '\u{1F600}', '\r\n',
];
const script = fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }).map((a) => a.join(''));

describe('shell extraction against the reference version', () => {
  it('finds the same values on random scripts', () => {
    checkProperty(
      'shell against its reference',
      fc.property(fc.oneof(script, script, documentText), (doc) => {
        assert.deepStrictEqual(extractShell(doc), oracleShell(doc), JSON.stringify(doc));
      }),
      4000,
    );
  });
});
