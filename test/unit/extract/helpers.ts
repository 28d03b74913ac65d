import assert from 'node:assert/strict';
import type { EmbeddedValue } from '../../../server/src/service/api';
import { extractValues } from '../../../server/src/service/extract';

/** Document offset just after a value. */
export function valueEnd(v: EmbeddedValue): number {
  return v.offsets ? v.offsets[v.text.length] : v.start + v.text.length;
}

/** The values found in a document: kind, decoded text, and the document text they span. */
export function found(text: string, languageId: string): Array<{ kind: string; text: string; source: string; key?: string }> {
  return extractValues(text, languageId, 'file:///test').map((v) => {
    const r: { kind: string; text: string; source: string; key?: string } = { kind: v.kind, text: v.text, source: text.slice(v.start, valueEnd(v)) };
    if (v.key !== undefined) r.key = v.key;
    return r;
  });
}

/** Decoded texts of the values of one kind. */
export function texts(text: string, languageId: string, kind = 'uri'): string[] {
  return extractValues(text, languageId, 'file:///test')
    .filter((v) => v.kind === kind)
    .map((v) => v.text);
}

/** Asserts that every offset map is monotone, inside the document, and ends where the value ends. */
export function assertOffsetsSane(text: string, languageId: string): void {
  for (const v of extractValues(text, languageId, 'file:///test')) {
    if (!v.offsets) {
      assert.equal(text.slice(v.start, v.start + v.text.length), v.text, 'verbatim value matches the document');
      continue;
    }
    assert.equal(v.offsets.length, v.text.length + 1);
    assert.equal(v.offsets[0], v.start);
    for (let i = 1; i < v.offsets.length; i++) assert.ok(v.offsets[i] >= v.offsets[i - 1], `offsets are monotone in ${JSON.stringify(v.text)}`);
    assert.ok(v.offsets[v.text.length] <= text.length);
  }
}
