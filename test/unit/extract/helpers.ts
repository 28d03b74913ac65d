import assert from 'node:assert/strict';
import { analyzeDocument, Analysis } from '../../../server/src/service/languageService';
import { defaultSettings, EmbeddedValue } from '../../../server/src/service/types';
import { extractValues } from '../../../server/src/service/extract';

export function analyze(text: string, languageId: string, uri = 'file:///test'): Analysis {
  return analyzeDocument({ text, languageId, uri }, defaultSettings);
}

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

/** Rules about where a connection string is kept rather than what it says; the extraction tests leave them out. */
const PLACEMENT_RULES = new Set(['credentials-in-source']);

/** Each problem as [ruleId, the document text under it]. */
export function problems(text: string, languageId: string): Array<[string, string]> {
  return analyze(text, languageId)
    .problems.filter((p) => !PLACEMENT_RULES.has(p.ruleId))
    .map((p) => [p.ruleId, text.slice(p.span.start, p.span.end)]);
}

/** Problems of errors and warnings only. */
export function loudProblems(text: string, languageId: string): Array<[string, string]> {
  return analyze(text, languageId)
    .problems.filter((p) => (p.severity === 'error' || p.severity === 'warning') && !PLACEMENT_RULES.has(p.ruleId))
    .map((p) => [p.ruleId, text.slice(p.span.start, p.span.end)]);
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
