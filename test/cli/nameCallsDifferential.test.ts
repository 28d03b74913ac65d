/**
 * The prefilter's search for calls that take a name first (hasNameCall in cli/prefilter.ts) against a
 * regular expression that says the same: a member call whose name ends in `db`, `database` or
 * `collection` (any letter case), or a bare `use`, then blanks, maybe type arguments of at most 128
 * characters on one line, blanks, `(`, blanks, at most three letters (`@`, `$`) and a quote. The files
 * are random pieces around those edges (letter case, `.` and `->`, identifiers before a bare `use`,
 * `\v` and no-break spaces, type arguments of 128 and 129 characters and over lines).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { hasNameCall } from '../../server/src/cli/prefilter';
import { checkProperty } from '../helpers/fuzz';

const ORACLE = /(?<member>(?:db|database|collection)\s*(?:<[^\n]{0,128}?>\s*)?\(\s*[A-Za-z@$]{0,3}["'`])|(?<bare>use\s*(?:<[^\n]{0,128}?>\s*)?\(\s*[A-Za-z@$]{0,3}["'`])/gi;

/** A character of an identifier: ASCII letters, digits, `_`, `$`, and everything beyond ASCII. */
const identChar = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_$\u0080-\uffff]/.test(c);

function oracle(text: string): boolean {
  ORACLE.lastIndex = 0;
  for (let m = ORACLE.exec(text); m; m = ORACLE.exec(text)) {
    let start = m.index;
    while (identChar(text[start - 1])) start--;
    const member = text[start - 1] === '.' || (text[start - 1] === '>' && text[start - 2] === '-');
    if (m.groups?.member !== undefined ? member : start === m.index && !member) return true;
    ORACLE.lastIndex = m.index + 1;
  }
  return false;
}

const NAMES = ['db', 'DB', 'Db', 'database', 'DataBase', 'collection', 'Collection', 'use', 'USE', 'Use', 'getSiblingDB', 'GetDatabase', 'getCollection', 'useDb', 'isCollection', 'dbx', 'xuse', '_use', '$use', 'use\u00e9'];
const BEFORE = ['.', '->', '-', '>', ' ', '\n', 'x', '_', '1', '\u00e9', '\u00a0', ''];
const BLANKS = ['', ' ', '\t', '\n', '\v', '\f', '\r', '\u00a0', '\u0085', '\u3000', '\ufeff', '\u200b', '  '];
const TYPES = ['', '', '<T>', '<Map<string, T>>', `<${'a'.repeat(126)}>`, `<${'a'.repeat(127)}>`, `<${'a'.repeat(128)}>`, '<a\nb>', '<a\rb>', '<', '>', '<T> <U>'];
const OPEN = ['(', '(', '(', '((', ')', '[', ''];
const PREFIXES = ['', '', 'r', 'rb', 'abc', 'abcd', '@', '$', '1', ' '];
const QUOTES = ['"', "'", '`', 'x'];
const NOISE = ['', '', 'x = ', 'client.', 'use', '("a")', 'db.', '\n', '<', '>'];

const call = fc
  .tuple(...[NOISE, BEFORE, NAMES, BLANKS, TYPES, BLANKS, OPEN, BLANKS, PREFIXES, QUOTES, NOISE].map((list) => fc.constantFrom(...list)))
  .map((parts) => parts.join(''));

describe('hasNameCall says what the regular expression of name calls says', () => {
  test('random pieces', (t) => {
    let found = 0;
    checkProperty(
      'name calls: hasNameCall against a regular expression',
      fc.property(fc.array(call, { minLength: 1, maxLength: 3 }), (calls) => {
        const text = calls.join('');
        const expected = oracle(text);
        assert.equal(hasNameCall(text), expected, JSON.stringify(text));
        if (expected) found++;
      }),
      3000,
    );
    t.diagnostic(`${found} texts with a name call`);
    assert.ok(found > 120, `the generator reaches name calls: ${found}`);
  });

  test('cases at the edges', () => {
    const cases: Array<[string, boolean]> = [
      ['client.db("app")', true],
      ['client.DB ("app")', true],
      ['x->getCollection(\u00a0r"orders")', true],
      ['db("app")', false],
      ['use("app")', true],
      ['x.use("app")', false],
      ['reuse("app")', false],
      ['use\v(`app`)', true],
      [`client.db<${'a'.repeat(128)}>("app")`, true],
      [`client.db<${'a'.repeat(129)}>("app")`, false],
      ['client.db<A\n>("app")', false],
      ['client.db<A\r>("app")', true],
      ['client.db<A> <B>("app")', true],
      ['client.db(abcd"app")', false],
      ['client.db(x, "app")', false],
    ];
    for (const [text, expected] of cases) {
      assert.equal(oracle(text), expected, `the oracle on ${JSON.stringify(text)}`);
      assert.equal(hasNameCall(text), expected, JSON.stringify(text));
    }
  });
});
