/**
 * A very large document is analysed in slices, so that a language server can answer other requests in
 * between: every slice is bounded, what is done so far serves hovers, and the end result is the same as
 * a whole analysis.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument, defaultSettings, doHover, SlicedAnalysis } from '../../../server/src/service/languageService';
import { IncrementalAnalyzer } from '../../../server/src/service/incrementalAnalyzer';

const lines = (n: number) => Array.from({ length: n }, (_, i) => `SERVICE_${i}_MONGO_URI=mongodb://db-${i}.internal:${i % 97 === 0 ? 70000 : 27017}/app_${i}\n`).join('');
const summary = (a: { problems: Array<{ ruleId: string; span: { start: number; end: number } }> }) => a.problems.map((p) => `${p.ruleId}@${p.span.start}-${p.span.end}`);

describe('analysis in slices', () => {
  const text = lines(20_000);
  const doc = { uri: 'file:///p/.env', languageId: 'dotenv', text };
  const settings = { ...defaultSettings, maxFileSize: 1e9 };

  it('each slice does a bounded part; partial analyses grow and answer hovers; the result equals a whole analysis', () => {
    const sliced = new SlicedAnalysis(doc, settings);
    const seen: number[] = [];
    let steps = 0;
    let hovered = false;
    while (!sliced.step()) {
      steps++;
      const partial = sliced.partial();
      seen.push(partial.values.length);
      if (!hovered && partial.values.length > 0) {
        const h = doHover(doc, partial, text.indexOf('db-0.internal'));
        assert.ok(h, 'a hover on a value validated so far');
        hovered = true;
      }
    }
    assert.ok(hovered);
    // The extraction, then 20,000 values in slices of at most 2,048, then the whole-document analyzers.
    assert.equal(steps, 1 + Math.ceil(20_000 / 2048));
    for (let k = 1; k < seen.length; k++) assert.ok(seen[k]! >= seen[k - 1]!);
    assert.ok(seen.slice(1).every((n, k) => n - seen[k]! <= 2048));
    const whole = analyzeDocument(doc, settings);
    assert.deepEqual(summary(sliced.finish()), summary(whole));
    assert.ok(summary(whole).length >= 200);
  });

  it('the incremental analyzer slices too, and its next analysis reuses the records', () => {
    const analyzer = new IncrementalAnalyzer();
    const first = analyzer.analyzeInSlices(doc, settings).finish();
    const edited = text.replace('db-5.internal:27017', 'db-5.internal:27018');
    const second = analyzer.analyzeInSlices({ ...doc, text: edited }, settings).finish();
    assert.deepEqual(summary(second), summary(analyzeDocument({ ...doc, text: edited }, settings)));
    // An unchanged value far from the edit keeps its record.
    assert.equal(second.records[10_000], first.records[10_000]);
  });

  it('a very large document read fresh is also extracted in slices', () => {
    const big = lines(150_000);
    assert.ok(big.length > 2 * (1 << 22));
    const bigDoc = { ...doc, text: big };
    const sliced = new IncrementalAnalyzer().analyzeInSlices(bigDoc, settings);
    let extractionSteps = 0;
    while (!sliced.step() && sliced.partial().values.length === 0) extractionSteps++;
    // About 9 MB in slices of 4 Mi characters: the extraction takes three steps.
    assert.equal(extractionSteps, 3);
    assert.deepEqual(summary(sliced.finish()), summary(analyzeDocument(bigDoc, settings)));
  });

  it('disabled or too large: done at once, nothing to slice', () => {
    const off = new SlicedAnalysis(doc, { ...settings, enable: false });
    assert.equal(off.step(), true);
    assert.equal(off.finish().skipped, 'disabled');
    const big = new SlicedAnalysis(doc, { ...settings, maxFileSize: 1000 });
    assert.match(big.finish().skipped ?? '', /larger than mongodbUri.maxFileSize/);
  });
});
