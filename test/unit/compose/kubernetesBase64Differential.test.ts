/**
 * Base64 of Secret values against Node's Buffer (an independent implementation): encoding, padded or
 * not, is Buffer's; decoding gives back the text whatever blanks and line breaks fold it, with or
 * without padding; text that is not UTF-8 or holds control characters, and strings that are not base64,
 * decode to nothing.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeBase64, encodeBase64 } from '../../../server/src/service/compose/kubernetesBase64';
import { checkProperty } from '../../helpers/fuzz';

/** Text as a Secret holds it: printable, any plane, tabs and line breaks. */
const text = fc.string({ unit: fc.oneof(fc.constantFrom('\n', '\t', '\r'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })), minLength: 1, maxLength: 40 }).filter((s) => !/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/.test(s));
/** Where the encoded value is folded: a blank or a line break inserted at these positions. */
const folds = fc.array(fc.tuple(fc.nat(), fc.constantFrom(' ', '\n', '\n    ', '\t')), { maxLength: 4 });

function fold(encoded: string, at: [number, string][]): string {
  let out = encoded;
  for (const [i, blank] of at) {
    const k = i % (out.length + 1);
    out = out.slice(0, k) + blank + out.slice(k);
  }
  return out;
}

describe('base64 of Secret values, against Buffer', () => {
  it('encodes as Buffer does; decodes Buffer\'s encoding back, folded, padded or not', () => {
    checkProperty(
      'kubernetes base64 round trip',
      fc.property(text, folds, fc.boolean(), (s, at, padded) => {
        const reference = Buffer.from(s, 'utf8').toString('base64');
        const expected = padded ? reference : reference.replace(/=+$/, '');
        assert.equal(encodeBase64(s, padded), expected);
        const decoded = decodeBase64(fold(expected, at));
        assert.deepEqual(decoded, { text: s, padded: padded || !reference.endsWith('=') });
      }),
      400,
    );
  });

  it('anything else decodes to nothing, or to what Buffer decodes when it is valid base64 of text', () => {
    const junk = fc.string({ unit: fc.constantFrom(...'ABCDEFabcdef0189+/=-_ \n.!'), maxLength: 24 });
    checkProperty(
      'kubernetes base64 junk',
      fc.property(junk, (s) => {
        const r = decodeBase64(s);
        const compact = s.replace(/[ \n]/g, '');
        const body = compact.replace(/=+$/, '');
        const valid = /^[A-Za-z0-9+/]*={0,2}$/.test(compact) && body.length > 0 && body.length % 4 !== 1 && (compact === body || compact.length % 4 === 0);
        if (!valid) return assert.equal(r, undefined, s);
        const bytes = Buffer.from(body, 'base64');
        const utf8 = bytes.toString('utf8');
        const isText = Buffer.from(utf8, 'utf8').equals(bytes) && !/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/.test(utf8);
        assert.equal(r?.text, isText ? utf8 : undefined, s);
      }),
      600,
    );
  });

  it('binary and oversized values are not decoded', () => {
    assert.equal(decodeBase64(Buffer.from([0xc3, 0x28, 0x41]).toString('base64')), undefined);
    assert.equal(decodeBase64(Buffer.from('mongodb://h\u0001/x').toString('base64')), undefined);
    assert.equal(decodeBase64('QUJD'.repeat(20000)), undefined);
    assert.equal(decodeBase64(''), undefined);
  });
});
