import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { assertShareAtLeast, shareUpperBound } from '../../helpers/fuzz';

describe('the share guards of the property tests', () => {
  it('hold npm test\'s fixed cases to the floor as it is', () => {
    assert.throws(() => assertShareAtLeast(19, 100, 0.2, '19 of 100', false), /19 of 100 \(less than 20%\)/);
    assert.throws(() => assertShareAtLeast(0, 10, 0.2, 'none of 10', false));
    assert.doesNotThrow(() => assertShareAtLeast(20, 100, 0.2, 'at the floor', false));
  });

  it('fail a fuzz run that compares nothing, or clearly too little', () => {
    assert.throws(() => assertShareAtLeast(0, 60, 0.2, 'none of 60', true), /none of 60 \(less than 20%\)/);
    assert.throws(() => assertShareAtLeast(150, 1000, 0.2, '15% of 1,000', true));
    assert.throws(() => assertShareAtLeast(10, 200, 0.9, '5% of 200', true));
    assert.throws(() => assertShareAtLeast(0, 1000, 0.02, 'none of 1,000', true));
  });

  it('pass a fuzz run at the floor or above, and one that a small sample puts below it by chance', () => {
    assert.doesNotThrow(() => assertShareAtLeast(20, 100, 0.2, 'at the floor', true));
    assert.doesNotThrow(() => assertShareAtLeast(900, 1000, 0.3, 'far above', true));
    for (const n of [1, 632, 100_000]) assert.doesNotThrow(() => assertShareAtLeast(n, n, 1, `all ${n} of a property that must compare all`, true));
    // 7 of 36 (19%) against a floor of 20%: what 250 cases of a property at 20% give one time in two.
    assert.doesNotThrow(() => assertShareAtLeast(7, 36, 0.2, 'seven of 36', true));
  });

  it('bound the share as the Wilson interval does', () => {
    // Computed by hand: n = 100, p = 0.5, z = 2 → (0.52 + 2·√(0.0025 + 0.0001)) / 1.04.
    assert.ok(Math.abs(shareUpperBound(50, 100, 2) - (0.52 + 2 * Math.sqrt(0.0026)) / 1.04) < 1e-12);
    assert.equal(shareUpperBound(0, 0), 1);
    assert.equal(shareUpperBound(10, 10), 1);
    for (const n of [10, 100, 1000]) assert.ok(shareUpperBound(n / 10, n) > 0.1 && shareUpperBound(n / 10, n) < 1);
    assert.ok(shareUpperBound(100, 1000) < shareUpperBound(10, 100), 'more trials, a narrower interval');
  });
});
