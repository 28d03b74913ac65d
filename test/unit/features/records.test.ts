/**
 * One analysis per document version holds each value's check and, once a feature has asked, its parse
 * (its record): hover, completion and describe read the parse of the record, made at most once per value,
 * and the incremental analyzer hands the record of an unchanged value to the next version.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  analyzeDocument,
  databaseNamesOf,
  defaultSettings,
  describeConnectionString,
  doComplete,
  doHover,
  type Analysis,
} from '../../../server/src/service/languageService';
import { IncrementalAnalyzer } from '../../../server/src/service/incrementalAnalyzer';
import { uriParseOf } from '../../../server/src/service/rules/validation';

const env = (text: string) => ({ uri: 'file:///p/.env', languageId: 'dotenv', text });

/**
 * The analysis of `shown` with the records of `other`, a document of the same shape: whatever a feature
 * shows of the records' strings, it read from the records, not from the text of the values.
 */
function withRecordsOf(shown: string, other: string): { doc: ReturnType<typeof env>; analysis: Analysis } {
  assert.equal(shown.length, other.length);
  const doc = env(shown);
  const analysis = analyzeDocument(doc, defaultSettings);
  const recordsOf = analyzeDocument(env(other), defaultSettings);
  assert.equal(analysis.values.length, recordsOf.values.length);
  // The records of `other` with their parse made (as the first hover on them would).
  recordsOf.values.forEach((v, k) => uriParseOf(v, recordsOf.records[k]));
  return { doc, analysis: { ...analysis, records: recordsOf.records } };
}

describe('the records of an analysis', () => {
  it('one per value: a parse for each connection string, none for a name', () => {
    const text = 'MONGODB_URI=mongodb://h1.example.com/sales?authSource=admin\nMONGO_DB=orders\n';
    const a = analyzeDocument({ uri: 'file:///p/app.js', languageId: 'javascript', text: `const uri = "mongodb://h/db";\nclient.db("orders");\n` }, defaultSettings);
    assert.equal(a.records.length, a.values.length);
    assert.deepEqual(a.values.map((v) => v.kind), ['uri', 'database']);
    // The check keeps no parse; the first feature that asks makes it, once, in the record.
    assert.equal(a.records[0]!.parse, undefined);
    const parse = uriParseOf(a.values[0]!, a.records[0]);
    assert.equal(parse?.parsed.hosts[0]?.host.value, 'h');
    assert.equal(a.records[0]!.parse, parse);
    assert.equal(uriParseOf(a.values[0]!, a.records[0]), parse, 'the same parse the second time');
    assert.equal(uriParseOf(a.values[1]!, a.records[1]), undefined);
    assert.equal(a.records[1]!.parse, undefined);
    const b = analyzeDocument(env(text), defaultSettings);
    assert.equal(b.records.length, b.values.length);
    // The record's problems are the value's, in its own coordinates; the analysis maps them to the document.
    const inValue = b.records.flatMap((r, k) => r.problems.map((p) => `${k}:${p.ruleId}:${p.span.start}`));
    const inDocument = b.problems.filter((p) => p.valueIndex >= 0).map((p) => `${p.valueIndex}:${p.ruleId}:${p.valueSpan.start}`);
    assert.deepEqual(inDocument.sort(), inValue.sort());
  });

  it('hovering twice parses once: the second hover reads the parse the first one kept in the record', () => {
    const doc = env('MONGODB_URI=mongodb://db.example.com/shop?appName=a\n');
    const analysis = analyzeDocument(doc, defaultSettings);
    doHover(doc, analysis, doc.text.indexOf('shop'));
    const kept = analysis.records[0]!.parse;
    assert.ok(kept);
    doHover(doc, analysis, doc.text.indexOf('appName'));
    describeConnectionString(analysis, doc.text.indexOf('db.example'));
    assert.equal(analysis.records[0]!.parse, kept);
  });

  it('hover reads the parse of the record', () => {
    const { doc, analysis } = withRecordsOf('MONGODB_URI=mongodb://aaaa.example.com/db\n', 'MONGODB_URI=mongodb://bbbb.example.com/db\n');
    const h = doHover(doc, analysis, doc.text.indexOf('aaaa') + 2);
    assert.ok(h);
    assert.match(h.contents, /bbbb\.example\.com/);
    assert.doesNotMatch(h.contents, /aaaa/);
  });

  it('describe reads the parse of the record', () => {
    const { doc, analysis } = withRecordsOf('MONGODB_URI=mongodb://h/aaaa?appName=x\n', 'MONGODB_URI=mongodb://h/bbbb?appName=y\n');
    const d = describeConnectionString(analysis, doc.text.indexOf('aaaa'));
    assert.ok(d);
    assert.equal(d.database, 'bbbb');
    assert.deepEqual(d.options, [{ name: 'appName', value: 'y' }]);
  });

  it('completion reads the options of the record', () => {
    const { doc, analysis } = withRecordsOf('MONGODB_URI=mongodb://h/?maxPoolSize=1&\n', 'MONGODB_URI=mongodb://h/?minPoolSize=1&\n');
    const labels = doComplete(doc, analysis, doc.text.indexOf('&') + 1).map((i) => i.label);
    // The record's string has minPoolSize: that one is present, maxPoolSize is not.
    assert.ok(labels.includes('maxPoolSize'));
    assert.ok(!labels.includes('minPoolSize'));
  });

  it('an unchanged value keeps its record from version to version', () => {
    const analyzer = new IncrementalAnalyzer();
    const first = 'MONGODB_URI=mongodb://h1.example.com/sales\nOTHER_URI=mongodb://h2.example.com/a\n';
    const v1 = analyzer.analyze(env(first), defaultSettings);
    const v2 = analyzer.analyze(env(first.replace('/a\n', '/b\n')), defaultSettings);
    assert.equal(v2.records[0], v1.records[0]);
    assert.notEqual(v2.records[1], v1.records[1]);
    assert.equal(uriParseOf(v2.values[1]!, v2.records[1])?.parsed.database?.value, 'b');
  });

  it('a placeholder holding separators: hover shows the string as written, names come from the reading the rules checked', () => {
    const doc = env('MONGODB_URI=mongodb://${MONGO_HOST:-localhost}:${MONGO_PORT:-27017}/app\n');
    const analysis = analyzeDocument(doc, defaultSettings);
    const parse = uriParseOf(analysis.values[0]!, analysis.records[0]);
    assert.ok(parse?.checked, 'the rules read the string with its placeholders as one part each');
    assert.equal(parse.parsed.text, analysis.values[0]!.text);
    const h = doHover(doc, analysis, doc.text.indexOf('app') + 1);
    assert.ok(h);
    // What hover showed before the records: the parse of the string as written, no `_` for the `:`.
    const summary = doHover(doc, analysis, doc.text.indexOf('mongodb') + 1)!.contents;
    assert.ok(summary.includes('```text\nmongodb://${MONGO_HOST:-localhost}:'), summary);
    assert.ok(!summary.includes('_-'), summary);
    assert.deepEqual(databaseNamesOf(analysis).map((n) => n.name), ['app']);
  });
});
