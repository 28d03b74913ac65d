/** Percent-decoding with a map back to raw offsets, and percent-encoding (uri/percent.ts). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decodePercent, percentEncode, rawOffset, rawSpan } from '../../../server/src/service/uri/percent';

const decode = (text: string) => decodePercent(text, 0, text.length);

describe('decodePercent', () => {
  it('leaves text without "%" as it is, with no map', () => {
    assert.deepEqual(decode('plain'), { value: 'plain', badEscapes: [], hadEscapes: false, invalidUtf8: false });
  });

  it('decodes runs of escapes as UTF-8 and maps each character to the escape that starts it', () => {
    const d = decode('a%C3%A9b%F0%9F%98%80c');
    assert.equal(d.value, 'aéb😀c');
    assert.equal(d.hadEscapes, true);
    assert.deepEqual(d.map, [0, 1, 7, 8, 8, 20, 21]);
    assert.deepEqual(decode('%C3%A9%C3%A9x').map, [0, 6, 12, 13]);
  });

  it('decodes runs of ASCII escapes of every length alike, short and long, with a place in the map for each', () => {
    // Written out from the alphabet here, not from the decoder: A..Z then a..z, as many as asked.
    const letters = (n: number) => Array.from({ length: n }, (_, k) => String.fromCharCode(k < 26 ? 0x41 + k : 0x61 + k - 26)).join('');
    const escaped = (n: number) => Array.from({ length: n }, (_, k) => '%' + (k < 26 ? 0x41 + k : 0x61 + k - 26).toString(16).toUpperCase()).join('');
    for (const n of [1, 2, 31, 32, 33, 40]) {
      const d = decodePercent('<' + escaped(n) + '-%zz>', 1, 3 * n + 5);
      assert.equal(d.value, letters(n) + '-%zz', `a run of ${n}`);
      assert.deepEqual(d.map, [...Array.from({ length: n }, (_, k) => 1 + 3 * k), 3 * n + 1, 3 * n + 2, 3 * n + 3, 3 * n + 4, 3 * n + 5]);
      assert.deepEqual(d.badEscapes, [{ start: 3 * n + 2, end: 3 * n + 5 }]);
      assert.equal(d.hadEscapes, true);
    }
  });

  it('keeps a "%" that does not start an escape and records where it is', () => {
    const d = decode('b%zz%');
    assert.equal(d.value, 'b%zz%');
    assert.deepEqual(d.badEscapes, [{ start: 1, end: 4 }, { start: 4, end: 5 }]);
    assert.equal(d.hadEscapes, false);
  });

  it('replaces bytes that are not UTF-8 by U+FFFD and says so', () => {
    const d = decode('x%ffy');
    assert.equal(d.value, 'x\uFFFDy');
    assert.equal(d.invalidUtf8, true);
    assert.equal(decode('x%41y').invalidUtf8, false);
  });

  it('decodes only between start and end, in the offsets of the whole text', () => {
    const d = decodePercent('..a%41..', 2, 6);
    assert.equal(d.value, 'aA');
    assert.deepEqual(d.map, [2, 3, 6]);
  });
});

describe('rawOffset and rawSpan', () => {
  it('map decoded positions back to the raw text', () => {
    const d = decodePercent('..a%41', 2, 6);
    assert.equal(rawOffset(d, 2, 1), 3);
    assert.deepEqual(rawSpan(d, 2, 1, 2), { start: 3, end: 6 });
  });

  it('count from the start when nothing was decoded', () => {
    const d = decodePercent('..abc', 2, 5);
    assert.equal(rawOffset(d, 2, 1), 3);
    assert.deepEqual(rawSpan(d, 2, 1, 3), { start: 3, end: 5 });
  });

  it('never give an empty span', () => {
    const d = decodePercent('..a%41', 2, 6);
    assert.deepEqual(rawSpan(d, 2, 0, 0), { start: 2, end: 3 });
    assert.deepEqual(rawSpan(decodePercent('abc', 0, 3), 0, 1, 1), { start: 1, end: 2 });
  });
});

describe('percentEncode', () => {
  it('encodes everything but unreserved characters, as UTF-8 bytes in upper-case hex', () => {
    assert.equal(percentEncode('a b/é~'), 'a%20b%2F%C3%A9~');
    assert.equal(percentEncode('A-z_0.9~'), 'A-z_0.9~');
  });

  it('keeps the characters it is asked to keep', () => {
    assert.equal(percentEncode('a:b', ':'), 'a:b');
    assert.equal(percentEncode('a:b'), 'a%3Ab');
  });
});
