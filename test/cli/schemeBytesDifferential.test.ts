/**
 * Plain text is ruled out on its bytes (hasMongodbScheme in cli/prefilter.ts): it holds `mongodb://` or
 * `mongodb+srv://` in any letter case exactly when the regular expression of those schemes finds one
 * in its latin1 reading. The bytes are random pieces around the edges: letter cases, `+srv`, `:/`,
 * `://` at the start, bytes beyond ASCII (whose latin1 characters fold to no ASCII letter).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { hasMongodbScheme } from '../../server/src/cli/prefilter';
import { checkProperty } from '../helpers/fuzz';

const SCHEME = /mongodb(?:\+srv)?:\/\//i;

const PIECES = ['mongodb', 'MONGODB', 'MongoDB', 'mONGOdb', 'mongodb', '://', '://', '+srv://', 'ongodb', 'mongod', 'm', '+srv', '+SRV', '+Srv', '+sr', 'srv', '://', ':/', ':', '//', '/', 'x', ' ', '\n', 'é', 'ſ', '\u00b5', '\u212a'];

describe('plain text on its bytes: mongodb:// and mongodb+srv:// in any letter case', () => {
  test('random pieces', (t) => {
    let found = 0;
    checkProperty(
      'plain text: hasMongodbScheme against a regular expression',
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 10 }), (pieces) => {
        const bytes = Buffer.from(pieces.join(''));
        const expected = SCHEME.test(bytes.toString('latin1'));
        assert.equal(hasMongodbScheme(bytes), expected, JSON.stringify(pieces.join('')));
        if (expected) found++;
      }),
      2000,
    );
    t.diagnostic(`${found} texts with a scheme`);
    assert.ok(found > 100, `the generator reaches schemes: ${found}`);
  });

  test('cases at the edges', () => {
    for (const [text, expected] of [['MongoDB+SRV://h', true], ['://mongodb', false], ['mongodb:/', false], ['xmongodb://', true], ['mongodb+srv:/://', false], ['mongodb+srv+srv://', false]] as const) {
      assert.equal(SCHEME.test(text), expected, `the oracle on ${text}`);
      assert.equal(hasMongodbScheme(Buffer.from(text)), expected, text);
    }
  });
});
