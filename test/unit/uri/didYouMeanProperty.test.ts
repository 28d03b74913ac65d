/**
 * Did-you-mean (uri/didYouMean.ts) against a reference: the optimal-string-alignment distance computed
 * over the whole table, without early exit or reused rows, on ASCII-lower-cased words. editDistance is
 * exact up to `max` and above `max` otherwise; closest picks the first candidate at the smallest distance
 * within the allowance, else the first known name with something added or cut off.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { closest, editDistance } from '../../../server/src/service/uri/didYouMean';
import { URI_OPTIONS } from '../../../server/src/service/data/uriOptions';
import { checkProperty } from '../../helpers/fuzz';

const lowerAscii = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

/** Optimal string alignment distance, the whole table. */
function osa(x: string, y: string): number {
  const a = lowerAscii(x);
  const b = lowerAscii(y);
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    d.push([]);
    for (let j = 0; j <= b.length; j++) {
      if (i === 0 || j === 0) {
        d[i][j] = i + j;
        continue;
      }
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

function referenceClosest(word: string, candidates: readonly string[]): string | undefined {
  if (word.length > 64) return undefined;
  const max = word.length <= 4 ? 1 : word.length <= 10 ? 2 : 3;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const dist = osa(word, c);
    if (dist <= max && dist < bestDistance) {
      best = c;
      bestDistance = dist;
    }
  }
  if (best !== undefined) return best;
  const w = lowerAscii(word);
  return candidates.find((c) => {
    const l = lowerAscii(c);
    return l.length >= 5 && w.length >= 5 && (w.startsWith(l) || l.startsWith(w)) && Math.abs(l.length - w.length) <= 6;
  });
}

const NAMES = URI_OPTIONS.map((o) => o.name);
/** Words near option names: a name with a few letters changed, swapped, added or cut, in any case. */
const edit = fc.tuple(fc.nat(), fc.constantFrom('change', 'swap', 'add', 'cut', 'upper'), fc.constantFrom('a', 'e', 'S', 'x', '_', 'é'));
const nearName = fc.tuple(fc.constantFrom(...NAMES), fc.array(edit, { maxLength: 4 })).map(([name, edits]) => {
  let w = name;
  for (const [at, kind, ch] of edits) {
    const i = w.length === 0 ? 0 : at % w.length;
    if (kind === 'change') w = w.slice(0, i) + ch + w.slice(i + 1);
    else if (kind === 'swap' && i + 1 < w.length) w = w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
    else if (kind === 'add') w = w.slice(0, i) + ch + w.slice(i);
    else if (kind === 'cut') w = w.slice(0, i) + w.slice(i + 1);
    else w = w.toUpperCase();
  }
  return w;
});
const word = fc.oneof(nearName, fc.string({ maxLength: 12 }), fc.string({ unit: fc.constantFrom('a', 'b', 'A', 'B', 'é'), maxLength: 30 }));

describe('did-you-mean against a whole-table reference', () => {
  it('editDistance is exact up to max, and above max beyond it', () => {
    checkProperty(
      'editDistance reference',
      fc.property(word, word, fc.integer({ min: 0, max: 6 }), (a, b, max) => {
        const got = editDistance(a, b, max);
        const want = osa(a, b);
        if (want <= max) assert.equal(got, want, `${a} / ${b} within ${max}`);
        else assert.ok(got > max, `${a} / ${b}: ${got} for a distance of ${want} above ${max}`);
      }),
      1500,
    );
  });

  it('closest picks what the reference picks among the option names', () => {
    checkProperty('closest reference', fc.property(word, (w) => assert.equal(closest(w, NAMES), referenceClosest(w, NAMES), w)), 400);
  });

  it('long words after short ones (the reused rows grow)', () => {
    const long = 'a'.repeat(50) + 'b';
    assert.equal(editDistance('ab', 'ba', 1), 1);
    assert.equal(editDistance(long, long.slice(0, -1) + 'c', 2), 1);
    assert.equal(editDistance('x' + long, long, 3), 1);
    assert.equal(editDistance('ab', 'ba', 1), 1);
  });
});
