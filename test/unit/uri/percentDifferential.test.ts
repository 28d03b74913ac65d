/**
 * decodePercent (uri/percent.ts) against a reference decoder written here from the specification of its
 * result: literal text and malformed `%` signs are kept as they are, each run of `%XX` escapes is decoded
 * as UTF-8 (U+FFFD for bytes that are not UTF-8, found with decodeURIComponent), and the map sends each
 * decoded character to the escape that starts it. On generated text full of escapes, bad escapes and
 * multi-byte sequences, cut out of a longer text at any place, both give the same result.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { decodePercent, MAX_BAD_ESCAPES } from '../../../server/src/service/uri/percent';
import { MAX_REPORTS_PER_RULE } from '../../../server/src/service/rules/context';
import type { Span } from '../../../server/src/service/api';
import { checkProperty } from '../../helpers/fuzz';

interface Expected {
  value: string;
  badEscapes: Span[];
  hadEscapes: boolean;
  invalidUtf8: boolean;
  map?: number[];
}

const HEX = /^[0-9A-Fa-f]{2}$/;
const lenient = new TextDecoder();

/** UTF-8 length of a code point. */
const utf8Length = (cp: number) => (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);

/** The reference: a tokenizer over the slice (escape runs, single bad `%`, literal runs), then each token decoded. */
function reference(text: string, start: number, end: number): Expected {
  const s = text.slice(start, end);
  if (!s.includes('%')) return { value: s, badEscapes: [], hadEscapes: false, invalidUtf8: false };
  const tokens = s.match(/(?:%[0-9A-Fa-f]{2})+|%|[^%]+/g) ?? [];
  let value = '';
  const map: number[] = [];
  const badEscapes: Span[] = [];
  let hadEscapes = false;
  let invalidUtf8 = false;
  let at = start;
  for (const token of tokens) {
    if (token === '%') {
      badEscapes.push({ start: at, end: Math.min(end, at + 3) });
      value += '%';
      map.push(at);
    } else if (token.startsWith('%')) {
      hadEscapes = true;
      const count = token.length / 3;
      const bytes = new Uint8Array(count);
      for (let b = 0; b < count; b++) {
        const hex = token.slice(3 * b + 1, 3 * b + 3);
        assert.ok(HEX.test(hex));
        bytes[b] = parseInt(hex, 16);
      }
      try {
        decodeURIComponent(token);
      } catch {
        invalidUtf8 = true;
      }
      const decoded = lenient.decode(bytes);
      let byte = 0;
      for (const ch of decoded) {
        const escape = at + 3 * Math.min(byte, count - 1);
        for (let k = 0; k < ch.length; k++) map.push(escape);
        byte += utf8Length(ch.codePointAt(0)!);
      }
      value += decoded;
    } else {
      for (let k = 0; k < token.length; k++) map.push(at + k);
      value += token;
    }
    at += token.length;
  }
  map.push(end);
  return { value, badEscapes, hadEscapes, invalidUtf8, map };
}

/** Pieces that make escapes, broken escapes, multi-byte sequences (whole, cut, or invalid) and literal text. */
const piece = fc.constantFrom(
  '%', '%%', '%4', '%41', '%2f', '%2F', '%zz', '%g1', '%C3', '%A9', '%C3%A9', '%E2%82%AC', '%F0%9F%98%80', '%F0%9F', '%FF', '%80', '%ED%A0%80',
  'a', 'Z', '0', 'f', ' ', '/', ':', '@', 'é', '€', '😀', '\uD800', '+',
);
const body = fc.array(piece, { maxLength: 24 }).map((p) => p.join(''));
/** A slice of a longer text: the decoder sees only text[start, end), in the whole text's offsets. */
const sliced = fc.tuple(body, body, body).map(([before, inside, after]) => ({ text: before + inside + after, start: before.length, end: before.length + inside.length }));

describe('decodePercent against a reference decoder', () => {
  it('decodes, maps back and finds bad escapes as the reference does', () => {
    checkProperty(
      'decodePercent reference',
      fc.property(sliced, ({ text, start, end }) => {
        const got = decodePercent(text, start, end);
        const want = reference(text, start, end);
        const where = JSON.stringify(text.slice(start, end));
        assert.equal(got.value, want.value, `value of ${where}`);
        assert.deepEqual(got.badEscapes, want.badEscapes.slice(0, MAX_BAD_ESCAPES), `bad escapes of ${where}`);
        assert.equal(got.hadEscapes, want.hadEscapes, `hadEscapes of ${where}`);
        assert.equal(got.invalidUtf8, want.invalidUtf8, `invalidUtf8 of ${where}`);
        assert.deepEqual(got.map, want.map, `map of ${where}`);
      }),
      2000,
    );
  });

  it('keeps the first bad escapes of a long run, more than a rule ever reports', () => {
    assert.ok(MAX_BAD_ESCAPES >= MAX_REPORTS_PER_RULE);
    const text = 'x' + '%'.repeat(10_000) + '%41';
    const got = decodePercent(text, 0, text.length);
    const want = reference(text, 0, text.length);
    assert.equal(want.badEscapes.length, 10_000);
    assert.deepEqual(got.badEscapes, want.badEscapes.slice(0, MAX_BAD_ESCAPES));
    assert.equal(got.value, want.value);
    assert.deepEqual(got.map, want.map);
  });
});
