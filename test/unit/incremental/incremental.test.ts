/**
 * Incremental analysis is exact: over random documents and random edit sequences, the analysis of each
 * version reusing the previous one equals a fresh analysis of that version, for the formats read
 * statement by statement (dotenv, properties, INI, Markdown, YAML by top-level key, JSON by line) and line by line (plain text).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyzeDocument, defaultSettings } from '../../../server/src/service/languageService';
import { IncrementalAnalyzer } from '../../../server/src/service/incrementalAnalyzer';
import { checkProperty } from '../../helpers/fuzz';
import { yamlText } from '../fuzz/yamlArbitraries';
import { changedRange, extractAfterEdit, extractFresh } from '../../../server/src/service/extract/incremental';
import { extractValues } from '../../../server/src/service/extract';

/** Pieces that matter to the formats: quotes, escapes, continuations, sections, fences, comments, keys, schemes. */
const PIECES = [
  'mongodb://h:1/db', 'mongodb+srv://u:p@c.x.net/db?w=1&tls=true', 'mongodb://a:70000', 'MONGO_URI=', 'DB_NAME=', 'export ', 'mongo.uri=',
  'database: ', 'uri: ', '[mongo]', '[other]', 'x', 'abc', ' ', '  ', '\t', '\n', '\n', '\r\n', '"', "'", '`', '\\', '\\\n', '#', '!',
  ';', '=', ':', '```yaml\n', '```\n', '~~~\n', '```js\n', '${X}', '{{ v }}', '<password>', '%40', '@', ',', '?', '&', '(', ')', 'é', '\u{1F600}',
  '<!--', '-->',
];

const piece = fc.constantFrom(...PIECES);
const fragment = fc.array(piece, { maxLength: 12 }).map((a) => a.join(''));
const documentText = fc.array(piece, { maxLength: 120 }).map((a) => a.join(''));
const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat({ max: 24 }), insert: fragment });

function applyEdit(text: string, e: { at: number; remove: number; insert: string }): string {
  const at = Math.floor(e.at * text.length);
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

const FORMATS: Array<[string, string]> = [
  ['dotenv', 'file:///p/.env'],
  ['properties', 'file:///p/application.properties'],
  ['ini', 'file:///p/app.ini'],
  ['markdown', 'file:///p/README.md'],
  ['plaintext', 'file:///p/notes.txt'],
  ['yaml', 'file:///p/compose.yaml'],
  ['json', 'file:///p/appsettings.json'],
  ['jsonc', 'file:///p/settings.jsonc'],
];

describe('incremental analysis equals a fresh analysis after every edit', () => {
  for (const [languageId, uri] of FORMATS) {
    it(languageId, () => {
      checkProperty(
        `incremental ${languageId}`,
        fc.property(documentText, fc.array(edit, { minLength: 1, maxLength: 8 }), (initial, edits) => {
          const analyzer = new IncrementalAnalyzer();
          let text = initial;
          analyzer.analyze({ uri, languageId, text }, defaultSettings);
          for (const e of edits) {
            text = applyEdit(text, e);
            const incremental = analyzer.analyze({ uri, languageId, text }, defaultSettings);
            const fresh = analyzeDocument({ uri, languageId, text }, defaultSettings);
            assert.deepStrictEqual(incremental.values, fresh.values);
            assert.deepStrictEqual(incremental.problems, fresh.problems);
            // The records (parse and problems of each value) too, reused or new.
            assert.deepStrictEqual(incremental.records, fresh.records);
          }
        }),
        100,
      );
    });
  }
});

/** Edits that make and break YAML structure: keys at column 0 and indented, items, scalars that span lines. */
const YAML_INSERTS = [
  '\n', '\n', 'x', ' ', '  ', '- ', 'key: ', 'uri: ', 'MONGO_URI: ', 'name: A\n', 'value: ', 'mongodb://h/db', '"', "'", '|\n', '>\n',
  '[', ']', '{', '}', ',', '#', '---\n', '...\n', '\n  ', '\nmongo:\n  uri: ', '\nx: "a\n', '{{- if x }}\n', '\r\n', '\t',
];
/** An edit anywhere, one at the start of a line, or one that indents or dedents a line (YAML's structure). */
const yamlEdit = fc.oneof(
  fc.record({
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    atLineStart: fc.boolean(),
    remove: fc.nat({ max: 30 }),
    insert: fc.array(fc.constantFrom(...YAML_INSERTS), { maxLength: 4 }).map((a) => a.join('')),
  }),
  fc.record({
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    atLineStart: fc.constant(true),
    remove: fc.constantFrom(0, 0, 1, 2),
    insert: fc.constantFrom('', ' ', '  ', '- '),
  }),
);

function applyYamlEdit(text: string, e: { at: number; atLineStart: boolean; remove: number; insert: string }): string {
  let at = Math.floor(e.at * text.length);
  if (e.atLineStart) at = at === 0 ? 0 : text.lastIndexOf('\n', at - 1) + 1;
  const remove = e.atLineStart ? e.remove % 3 : e.remove;
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + remove));
}

/** Small YAML documents dense in structure: keys that nest at 0, 2 and 4 spaces, some with no value on their line. */
const yamlBlocks = fc
  .array(
    fc.tuple(
      fc.constantFrom('', '', '  ', '    ', '- ', '  - '),
      fc.constantFrom('mongo', 'uri', 'database', 'name', 'value', 'env', 'x', 'MONGO_URL'),
      fc.constantFrom(':', ': mongodb://h/db', ': shop', ': "mongodb://a@h/db', ': |', ': [a,', ': >', ': A', ' mongodb://h/x'),
    ),
    { maxLength: 14 },
  )
  .map((lines) => lines.map(([indent, key, rest]) => `${indent}${key}${rest}\n`).join(''));

/** JSON-ish documents: nested objects and arrays with keys that matter, strings over escaped line breaks, comments. */
const JSON_PIECES = [
  '{', '}', '[', ']', ',', ':', '\n', '\n', ' ', '"', '"ConnectionStrings"', '"Mongo"', '"uri"', '"database"', '"x"', '"mongodb://h:1/db"',
  '"mongodb://a:70000/db"', '"shop"', '"a\\\nb"', '"\\u0040"', '// c mongodb://h:99999\n', '/* mongodb://h:2/x\n */', '/', '*', '1', 'true',
];
const jsonText = fc.array(fc.constantFrom(...JSON_PIECES), { maxLength: 80 }).map((a) => a.join(''));
const jsonEdit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.nat({ max: 12 }),
  insert: fc.array(fc.constantFrom(...JSON_PIECES), { maxLength: 4 }).map((a) => a.join('')),
});

describe('JSON re-extraction by line', () => {
  it('equals a fresh extraction after every edit, and re-reads only lines near an edit', () => {
    checkProperty(
      'incremental JSON extraction',
      fc.property(jsonText, fc.array(jsonEdit, { minLength: 1, maxLength: 8 }), (initial, edits) => {
        let text = initial;
        let extraction = extractFresh(text, 'jsonc', '');
        assert.deepStrictEqual(extraction.values, extractValues(text, 'jsonc', ''));
        for (const e of edits) {
          text = applyEdit(text, e);
          extraction = extractAfterEdit(extraction, text, 'jsonc', '');
          assert.deepStrictEqual(extraction.values, extractValues(text, 'jsonc', ''), JSON.stringify(text));
        }
      }),
      1500,
    );
  });

  it('keeps the values of the lines an edit did not touch', () => {
    const lines = Array.from({ length: 400 }, (_, i) => `    "Service${i}": { "ConnectionString": "mongodb://h${i}:27017/db${i}" },`);
    const text = `{\n  "Mongo": {\n${lines.join('\n')}\n    "Last": {}\n  }\n}\n`;
    const before = extractFresh(text, 'json', '');
    const at = text.indexOf('h200:27017') + 'h200:2701'.length;
    const edited = text.slice(0, at) + '8' + text.slice(at + 1);
    const after = extractAfterEdit(before, edited, 'json', '');
    assert.deepStrictEqual(after.values, extractValues(edited, 'json', ''));
    const changed = after.values.filter((v, k) => v !== before.values[k]).map((v) => v.text);
    assert.deepEqual(changed, ['mongodb://h200:27018/db200']);
  });
});

describe('YAML re-extraction by top-level statement', () => {
  const cases: Array<[string, string, fc.Arbitrary<string>, number]> = [
    ['yaml', 'random YAML-ish text', yamlText, 800],
    ['yaml', 'nested keys, items and scalars that span lines', yamlBlocks, 6000],
    ['dockercompose', 'nested keys', yamlBlocks, 300],
  ];
  for (const [languageId, what, documents, runs] of cases) {
    it(`equals a fresh extraction after every edit (${languageId}: ${what})`, () => {
      checkProperty(
        `incremental ${languageId} extraction of ${what}`,
        fc.property(documents, fc.array(yamlEdit, { minLength: 1, maxLength: 8 }), (initial, edits) => {
          let text = initial;
          let extraction = extractFresh(text, languageId, '');
          assert.deepStrictEqual(extraction.values, extractValues(text, languageId, ''));
          for (const e of edits) {
            text = applyYamlEdit(text, e);
            extraction = extractAfterEdit(extraction, text, languageId, '');
            assert.deepStrictEqual(extraction.values, extractValues(text, languageId, ''), JSON.stringify(text));
          }
        }),
        runs,
      );
    });
  }

  it('a lockfile or a manifest is read by its name, also after edits (the editor\'s incremental reading)', () => {
    const lock = 'lockfileVersion: 9.0\npackages:\n  note: "mongodb://h:99999/db"\n';
    let extraction = extractFresh(lock, 'yaml', 'file:///p/pnpm-lock.yaml');
    assert.deepEqual(extraction.values, []);
    extraction = extractAfterEdit(extraction, lock.replace('99999', '99998'), 'yaml', 'file:///p/pnpm-lock.yaml');
    assert.deepEqual(extraction.values, []);
    const pkg = '{"dependencies": {"mongodb": "mongodb://h:99999/db"}, "scripts": {"db": "mongosh mongodb://h:27017/db"}}';
    const read = extractAfterEdit(extractFresh(pkg, 'json', 'file:///p/package.json'), pkg.replace('27017', '27018'), 'json', 'file:///p/package.json');
    assert.deepEqual(read.values.map((v) => v.text), ['mongosh mongodb://h:27018/db'].map((t) => t.slice(t.indexOf('mongodb'))));
    // The same text under another name is read whole.
    assert.equal(extractAfterEdit(read, pkg, 'json', 'file:///p/settings.json').values.length, 2);
  });

  it('keeps the values of the top-level blocks an edit did not touch', () => {
    const blocks = Array.from({ length: 300 }, (_, i) => `svc${i}:\n  environment:\n    MONGODB_URI: "mongodb://h${i}:27017/db${i}"\n    MONGO_DB: db${i}\n`);
    const text = blocks.join('');
    const before = extractFresh(text, 'yaml', '');
    const at = text.indexOf('h150:27017') + 'h150:2701'.length;
    const edited = text.slice(0, at) + '8' + text.slice(at + 1);
    const after = extractAfterEdit(before, edited, 'yaml', '');
    assert.deepStrictEqual(after.values, extractValues(edited, 'yaml', ''));
    assert.equal(after.values.length, before.values.length);
    const changed = after.values.filter((v, k) => v !== before.values[k]);
    // Only the edited block was read again: its two values are new objects, every other one is kept.
    assert.deepEqual(
      changed.map((v) => v.text),
      ['mongodb://h150:27018/db150', 'db150'],
    );
  });
});

describe('incremental analysis of a large document', () => {
  it('re-reads everything after an opening quote without a closing one, and back', () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => (i % 10 === 0 ? `MONGO_URI_${i}=mongodb://h${i}:27017/db` : `KEY_${i}=value ${i}`));
    let text = lines.join('\n') + '\n';
    const uri = 'file:///p/.env';
    const analyzer = new IncrementalAnalyzer();
    analyzer.analyze({ uri, languageId: 'dotenv', text }, defaultSettings);
    for (const next of [`A="\n${text}`, text, text.replace('KEY_5=value 5', 'KEY_5="value 5'), text + 'B=mongodb://x:1\n']) {
      text = next;
      const incremental = analyzer.analyze({ uri, languageId: 'dotenv', text }, defaultSettings);
      const fresh = analyzeDocument({ uri, languageId: 'dotenv', text }, defaultSettings);
      assert.deepStrictEqual(incremental.values, fresh.values);
      assert.deepStrictEqual(incremental.problems, fresh.problems);
    }
  });
});

describe('changedRange', () => {
  it('finds the one region two texts differ in', () => {
    checkProperty(
      'changedRange',
      fc.property(fc.string({ maxLength: 3000 }), fc.string({ maxLength: 3000 }), fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), (prefix, suffix, a, b) => {
        const before = prefix + a + suffix;
        const after = prefix + b + suffix;
        const c = changedRange(before, after);
        assert.ok(c.start >= prefix.length || before === after || c.start <= prefix.length);
        assert.equal(before.slice(0, c.start), after.slice(0, c.start));
        assert.equal(before.slice(c.oldEnd), after.slice(c.newEnd));
        assert.equal(after.slice(0, c.start) + after.slice(c.start, c.newEnd) + before.slice(c.oldEnd), after);
        assert.ok(c.start <= c.oldEnd && c.start <= c.newEnd);
        // Minimal: the characters next to the region differ (or the region touches an end).
        if (c.oldEnd > c.start && c.newEnd > c.start) assert.notEqual(before[c.start], after[c.start]);
      }),
      300,
    );
  });
});
