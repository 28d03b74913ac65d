/**
 * Property-based tests of every extractor and of the whole analysis: on any document they never throw,
 * every value and problem lies inside the document, and every value maps back to its source: a
 * verbatim value is the document's text at its start; a decoded one has a monotonic offset map whose
 * source slice the format's decoder turns into the value's text (or, for formats whose decoder is part
 * of a larger reader, whose characters are the source's own or come from an escape or a placeholder).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { extractValues } from '../../../server/src/service/extract';
import { decodeDotenvDouble } from '../../../server/src/service/extract/dotenv';
import { decodeJsonString } from '../../../server/src/service/extract/json';
import { decodeTomlBasic } from '../../../server/src/service/extract/toml';
import type { DecodedText } from '../../../server/src/service/extract/decoded';
import { analyzeDocument, defaultSettings, doComplete, doHover, getCodeActions } from '../../../server/src/service/languageService';
import type { EmbeddedValue, HostSyntax } from '../../../server/src/service/api';
import { checkProperty } from '../../helpers/fuzz';
import { documentText } from './arbitraries';

export const LANGUAGES = [
  'dotenv', 'properties', 'ini', 'json', 'jsonc', 'yaml', 'dockercompose', 'toml', 'shellscript', 'markdown', 'plaintext',
  'javascript', 'typescript', 'python', 'go', 'java', 'kotlin', 'csharp', 'ruby', 'php', 'unknown-language',
];

/** The decoders the extractors use, by the syntax they record on a value. */
const DECODERS: Partial<Record<HostSyntax, (text: string, from: number, to: number) => DecodedText>> = {
  json: decodeJsonString,
  'dotenv-double': decodeDotenvDouble,
  'toml-basic': (t, a, b) => decodeTomlBasic(t, a, b, false),
  'toml-ml-basic': (t, a, b) => decodeTomlBasic(t, a, b, true),
};

/** Source characters a decoded character may come from when it is not itself: escapes, doubled quotes, placeholders. */
const ESCAPE_SOURCES = new Set(['\\', '"', "'", '`', '{', '}', '$', '#', '%', '(', ')', '\n', '\r']);

export function assertValueMapsBack(doc: string, v: EmbeddedValue, what: string): void {
  assert.ok(Number.isInteger(v.start) && v.start >= 0 && v.start <= doc.length, `${what}: start ${v.start} inside the document`);
  if (!v.offsets) {
    assert.equal(doc.slice(v.start, v.start + v.text.length), v.text, `${what}: a verbatim value is the document's text at its start`);
    return;
  }
  const o = v.offsets;
  assert.equal(o.length, v.text.length + 1, `${what}: one offset per character, and the end`);
  assert.equal(o[0], v.start, `${what}: the map starts at start`);
  for (let i = 0; i < o.length; i++) {
    assert.ok(Number.isInteger(o[i]) && o[i] >= 0 && o[i] <= doc.length, `${what}: offset ${o[i]} inside the document`);
    if (i > 0) assert.ok(o[i - 1] <= o[i], `${what}: offsets never go back`);
  }
  const decode = v.syntax ? DECODERS[v.syntax] : undefined;
  if (decode) {
    assert.equal(decode(doc, o[0], o[o.length - 1]).text, v.text, `${what}: the source slice decodes to the text (${v.syntax})`);
    return;
  }
  for (let i = 0; i < v.text.length; i++) {
    const source = doc[o[i]];
    const ok = source === v.text[i] || ESCAPE_SOURCES.has(source) || '${}'.includes(v.text[i]) || isSurrogateHalf(v.text, i);
    assert.ok(ok, `${what}: character ${i} ${JSON.stringify(v.text[i])} comes from ${JSON.stringify(source)} (${v.syntax})`);
  }
}

function isSurrogateHalf(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdfff;
}

/** Inputs the properties once found wrong (an offset past the end, an endless loop), kept as plain tests. */
const REGRESSIONS = [
  '{["""abc\'@\\x40mongodb://mongodb+srv://\\', // a backslash at the very end of a code literal
  '"mongodb://h\\',
  '"""x\r', // a text block whose last line ends in a lone \r
  ']\ud800;"Mongo": MONGODB_URI="""\ud800f"f"\r',
  '"""\r',
];

describe('extractors, found by the properties', () => {
  for (const doc of REGRESSIONS) {
    it(JSON.stringify(doc), () => {
      for (const languageId of LANGUAGES) {
        for (const [k, v] of extractValues(doc, languageId, 'file:///fuzz').entries()) assertValueMapsBack(doc, v, `${languageId} value ${k}`);
      }
    });
  }
});

describe('extractors, property-based', () => {
  for (const languageId of LANGUAGES) {
    it(`${languageId}: never throws; values inside the document and mapped back to their source`, () => {
      checkProperty(
        `extract ${languageId}`,
        fc.property(documentText, (doc) => {
          const values = extractValues(doc, languageId, 'file:///fuzz');
          for (let k = 0; k < values.length; k++) {
            assertValueMapsBack(doc, values[k], `${languageId} value ${k}`);
            if (k > 0) assert.ok(values[k - 1].start <= values[k].start, `${languageId}: values in document order`);
          }
        }),
        250,
      );
    });
  }

  it('the whole analysis, hover, completion and code actions never throw and stay inside the document', () => {
    checkProperty(
      'analysis',
      fc.property(documentText, fc.constantFrom(...LANGUAGES), fc.nat(), fc.nat(), (text, languageId, a, b) => {
        const doc = { uri: 'file:///fuzz/file', languageId, text };
        const analysis = analyzeDocument(doc, defaultSettings);
        for (const p of analysis.problems) {
          assert.ok(0 <= p.span.start && p.span.start <= p.span.end && p.span.end <= text.length, `${p.ruleId} inside the document`);
        }
        const at = text.length === 0 ? 0 : a % (text.length + 1);
        const hover = doHover(doc, analysis, at);
        if (hover) assert.ok(hover.span.start >= 0 && hover.span.end <= text.length, 'hover range inside the document');
        for (const item of doComplete(doc, analysis, at)) {
          assert.ok(item.replace.start >= 0 && item.replace.end <= text.length, 'completion range inside the document');
        }
        const to = Math.min(text.length, at + (b % 64));
        for (const action of getCodeActions(doc, analysis, { start: at, end: to })) {
          for (const e of action.edits) assert.ok(e.start >= 0 && e.end <= text.length && e.start <= e.end, 'edit inside the document');
        }
      }),
      600,
    );
  });
});
