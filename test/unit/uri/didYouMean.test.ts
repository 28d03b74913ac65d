/** Did-you-mean: a bounded, case-insensitive edit distance and the closest plausible name (rules/didYouMean.ts). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { closest, editDistance } from '../../../server/src/service/uri/didYouMean';
import { expectOne } from '../../helpers/problems';

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    assert.equal(editDistance('kitten', 'sitting', 5), 3);
    assert.equal(editDistance('retryWrite', 'retryWrites', 3), 1);
    assert.equal(editDistance('', 'abc', 3), 3);
  });

  it('ignores ASCII case', () => {
    assert.equal(editDistance('REPLICASET', 'replicaSet', 1), 0);
  });

  it('stops at max + 1 once the distance is known to be larger', () => {
    assert.equal(editDistance('a', 'abcdef', 2), 3);
    assert.equal(editDistance('abcd', 'wxyz', 1), 2);
    assert.equal(editDistance('abcd', 'wxyz', 4), 4);
  });
});

describe('closest', () => {
  const names = ['replicaSet', 'retryWrites', 'maxPoolSize', 'w', 'journal'];

  it('finds a name within the allowed distance (1 up to 4 letters, 2 up to 10, 3 beyond)', () => {
    assert.equal(closest('retryWrite', names), 'retryWrites');
    assert.equal(closest('x', names), 'w');
    assert.equal(closest('jornal', names), 'journal');
    assert.equal(closest('jrnl', names), undefined);
  });

  it('finds a known name with something added or cut off', () => {
    assert.equal(closest('replicaSetName', names), 'replicaSet');
    assert.equal(closest('maxPool', names), 'maxPoolSize');
  });

  it('gives up on words far from every name and on very long words', () => {
    assert.equal(closest('zzzzzz', names), undefined);
    assert.equal(closest('replicaSet' + 'x'.repeat(60), names), undefined);
  });

  it('its answer is the fix of option-unknown', () => {
    const p = expectOne('mongodb://h/?replicaSetName=rs0', 'option-unknown', 'warning', 'replicaSetName', /Did you mean replicaSet\?/);
    assert.equal(p.data?.replacement, 'replicaSet');
  });
});
