/**
 * encodeUserinfoPart (rules/userinfo.ts), the fix that percent-encodes a username or password, against
 * a reference built on encodeURIComponent: valid `%XX` escapes and the characters RFC 3986 allows in
 * userinfo (unreserved and sub-delimiters) stay, every other character becomes the `%XX` of its UTF-8
 * bytes (a lone surrogate those of U+FFFD).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { encodeUserinfoPart } from '../../../server/src/service/rules/userinfo';
import { checkProperty } from '../../helpers/fuzz';

const KEPT = /^[A-Za-z0-9\-._~!$&'()*+,;=]$/;
const ESCAPE = /^%[0-9A-Fa-f]{2}/;

function reference(raw: string): string {
  let out = '';
  let i = 0;
  while (i < raw.length) {
    const escape = ESCAPE.exec(raw.slice(i, i + 3));
    if (escape) {
      out += escape[0];
      i += 3;
      continue;
    }
    const ch = String.fromCodePoint(raw.codePointAt(i)!);
    i += ch.length;
    const lone = ch.length === 1 && ch >= '\uD800' && ch <= '\uDFFF';
    out += KEPT.test(ch) ? ch : encodeURIComponent(lone ? '\uFFFD' : ch);
  }
  return out;
}

const piece = fc.oneof(
  fc.constantFrom('%', '%4', '%41', '%e9', '%zz', 'a', 'Z', '9', '-', '~', '$', '&', '=', '+', ' ', '@', ':', '/', '?', '#', '[', ']', '"', '^', '\t', '\u007f', 'é', '\u0800', '€', '\uFFFF', '😀', '\uD800', '\uDC00'),
  fc.string({ unit: 'binary', maxLength: 3 }),
);
const raw = fc.array(piece, { maxLength: 40 }).map((p) => p.join(''));

describe('encodeUserinfoPart against encodeURIComponent', () => {
  it('keeps escapes and allowed characters and encodes the rest as UTF-8', () => {
    checkProperty('encodeUserinfoPart reference', fc.property(raw, (text) => assert.equal(encodeUserinfoPart(text), reference(text), JSON.stringify(text))), 2000);
  });

  it('encodes long parts (the buffer grows)', () => {
    for (const text of ['@'.repeat(5000), 'a'.repeat(3000) + '😀'.repeat(3000), '%'.repeat(4000) + '%41'.repeat(100), 'é€'.repeat(2000)]) {
      assert.equal(encodeUserinfoPart(text), reference(text));
    }
  });
});
