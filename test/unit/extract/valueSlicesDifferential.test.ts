/**
 * A giant document's values are read slice by slice (valuesInSlices), checked and let go: the slices one
 * after the other must be the values of one whole extraction, wherever the slice boundaries fall (inside
 * a multi-line value, a fenced block, an INI section, a YAML block), for every format a giant document
 * can be. Random small documents cut into slices of a few characters, and generated documents of a few
 * MB cut as a giant document is; the lean analysis's problems are those of the whole analysis.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { EmbeddedValue } from '../../../server/src/service/api';
import { extractValues } from '../../../server/src/service/extract';
import { extractFresh, valuesInSlices } from '../../../server/src/service/extract/incremental';
import { analyzeDocument, defaultSettings, SlicedAnalysis } from '../../../server/src/service/languageService';
import { validateEmbeddedValue } from '../../../server/src/service/rules/validation';
import { checkProperty } from '../../helpers/fuzz';

const FORMATS: Array<[string, string]> = [
  ['dotenv', 'file:///g/.env'],
  ['properties', 'file:///g/application.properties'],
  ['ini', 'file:///g/settings.ini'],
  ['markdown', 'file:///g/NOTES.md'],
  ['yaml', 'file:///g/values.yaml'],
  ['dockercompose', 'file:///g/docker-compose.yml'],
  ['json', 'file:///g/config.json'],
  ['jsonc', 'file:///g/config.jsonc'],
  // Not read by statements: one slice.
  ['plaintext', 'file:///g/notes.txt'],
  ['toml', 'file:///g/config.toml'],
];

function sliced(text: string, languageId: string, uri: string, chars: number): { values: EmbeddedValue[]; slices: number } {
  const values: EmbeddedValue[] = [];
  let slices = 0;
  for (const slice of valuesInSlices(text, languageId, uri, chars)) {
    slices++;
    for (const v of slice) values.push(v);
  }
  return { values, slices };
}

/** Bits of the formats' syntax: quotes, escapes, continuations, sections, fences, block scalars, keys. */
const BITS = [
  'MONGO_URI=', 'DB=', 'export ', 'mongodb.uri=', 'uri: ', 'url = ', '  url: ', '- ', '[db]', '[cache]', '"uri": ',
  'mongodb://host:1/app', 'mongodb+srv://user:pw@c0.example.net/app?retryWrites=true', 'mongodb://h:99999/x', 'mongodb://a,b/c?replicaSet=rs',
  '\n', '\n', '\n', '\r\n', ' ', '  ', '\t', '"', "'", '`', '\\', '\\\n', '#', '!', ';', '=', ':', ',', '{', '}', '[', ']',
  '```\n', '```yaml\n', '~~~\n', '|\n', '>-\n', '---\n', '"""', "'''", '${HOST}', '%2F', '@', '?', '&', 'ü', '\u{1F680}', '<!--', '-->',
];
const documentText = fc.array(fc.constantFrom(...BITS), { maxLength: 150 }).map((a) => a.join(''));

describe('values read in slices are the values of one whole extraction', () => {
  for (const [languageId, uri] of FORMATS) {
    it(`${languageId}: random documents in slices of a few characters`, () => {
      checkProperty(
        `valuesInSlices ${languageId}`,
        fc.property(documentText, fc.integer({ min: 1, max: 80 }), (text, chars) => {
          const whole = extractValues(text, languageId, uri);
          assert.deepStrictEqual(sliced(text, languageId, uri, chars).values, whole);
          assert.deepStrictEqual(extractFresh(text, languageId, uri).values, whole);
        }),
        60,
      );
    });
  }
});

/** A deterministic sequence of numbers (no Math.random: the same documents every run). */
function numbers(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

/** A connection string, some with a problem (a port out of range, an unknown option, a space). */
function uriOf(i: number, r: (n: number) => number): string {
  switch (r(6)) {
    case 0:
      return `mongodb://svc-${i}.internal:${r(4) === 0 ? 70000 : 27017}/app_${i}?tls=true`;
    case 1:
      return `mongodb+srv://user${i}:pa%40ss@cluster${i}.example.net/db?retryWrites=true&w=majority`;
    case 2:
      return `mongodb://a${i}:27017,b${i}:27018/x?replicaSet=rs${i}&readPreference=${r(2) ? 'secondary' : 'nearest'}`;
    case 3:
      return `mongodb://h${i}/db?unknownOption${i}=1`;
    case 4:
      return `mongodb://host ${i}/db`;
    default:
      return `mongodb://localhost:${27000 + r(1000)}/d${i}`;
  }
}

/** Statements of each format, some spanning lines, so that slice boundaries fall everywhere. */
const STATEMENTS: Record<string, (i: number, r: (n: number) => number) => string> = {
  dotenv: (i, r) =>
    [
      `MONGO_${i}=${uriOf(i, r)}\n`,
      `export MONGO_${i}="${uriOf(i, r)}"\n`,
      `MULTI_${i}="first line\n${uriOf(i, r)}\nlast"\n`,
      `# MONGO_${i}=${uriOf(i, r)}\n`,
      `NAME_${i}='${uriOf(i, r)}' # note\n\n`,
    ][r(5)],
  properties: (i, r) =>
    [
      `spring.data.mongodb.uri${i}=${uriOf(i, r)}\n`,
      `app.db${i} = ${uriOf(i, r).replace('?', '\\\n    ?')}\n`,
      `! app.old${i}=${uriOf(i, r)}\n`,
      `mongo${i}: ${uriOf(i, r)}\n`,
    ][r(4)],
  ini: (i, r) => [`[section${i}]\n`, `uri = ${uriOf(i, r)}\n`, `; url = ${uriOf(i, r)}\n`, `database_${i} = app${i}\n`][r(4)],
  markdown: (i, r) =>
    [
      `Connect with \`${uriOf(i, r)}\` in step ${i}.\n\n`,
      '```env\n' + `MONGO_URI=${uriOf(i, r)}\nOTHER=${uriOf(i + 1, r)}\n` + '```\n',
      '```yaml\n' + `db:\n  uri: ${uriOf(i, r)}\n` + '```\n',
      `- item ${i}: ${uriOf(i, r)}\n`,
    ][r(4)],
  yaml: (i, r) =>
    [
      `service${i}:\n  uri: ${uriOf(i, r)}\n  name: app${i}\n`,
      `MONGO_${i}: "${uriOf(i, r)}"\n`,
      `block${i}: |\n  ${uriOf(i, r)}\n  second line\n`,
      `list${i}:\n  - ${uriOf(i, r)}\n  - '${uriOf(i + 1, r)}'\n`,
    ][r(4)],
  json: (i, r) => `  "key${i}": ${r(3) === 0 ? `{ "uri": "${uriOf(i, r)}", "db": "d${i}" }` : `"${uriOf(i, r)}"`},\n`,
};
STATEMENTS.dockercompose = STATEMENTS.yaml;
STATEMENTS.jsonc = (i, r) => (r(5) === 0 ? `  // "old${i}": "${uriOf(i, r)}",\n` : STATEMENTS.json(i, r));

/** A document of about `chars` characters of the format. */
function generated(languageId: string, chars: number): string {
  const r = numbers(chars ^ languageId.length);
  const statement = STATEMENTS[languageId];
  const json = languageId.startsWith('json');
  const parts: string[] = [json ? '{\n' : ''];
  let length = 0;
  for (let i = 0; length < chars; i++) {
    const s = statement(i, r);
    parts.push(s);
    length += s.length;
  }
  if (json) parts.push('  "end": true\n}\n');
  return parts.join('');
}

describe('a generated document of a few MB, in slices as a giant document is read', () => {
  for (const [languageId, uri] of FORMATS) {
    if (!STATEMENTS[languageId]) continue;
    it(languageId, () => {
      const text = generated(languageId, languageId === 'dotenv' ? 3 << 20 : 1 << 20);
      const whole = extractFresh(text, languageId, uri).values;
      assert.ok(whole.length > 5000, `${whole.length} values`);
      for (const chars of [1 << 16, 100_003]) {
        const { values, slices } = sliced(text, languageId, uri, chars);
        assert.ok(slices >= text.length / chars - 1, `${slices} slices`);
        assert.equal(values.length, whole.length);
        assert.deepStrictEqual(values, whole);
      }
    });
  }

  it('the lean analysis, one slice of values at a time, has the problems of the whole analysis', () => {
    const uri = 'file:///g/.env';
    const text = generated('dotenv', 1 << 20);
    const settings = { ...defaultSettings, maxFileSize: 64 << 20 };
    const doc = { uri, languageId: 'dotenv', text };
    const lean = new SlicedAnalysis(
      doc,
      settings,
      {
        extract: () => assert.fail('the lean analysis reads its values in slices'),
        validate: validateEmbeddedValue,
        valueSlices: (t, l, u) => valuesInSlices(t, l, u, 30_011),
      },
      true,
      true,
    );
    let steps = 0;
    while (!lean.step()) steps++;
    const whole = analyzeDocument(doc, settings);
    const ofValues = whole.problems.filter((p) => p.valueIndex >= 0);
    assert.ok(ofValues.length > 1000, `${ofValues.length} problems`);
    assert.ok(steps > text.length / 30_011, `${steps} steps`);
    const result = lean.finish();
    assert.deepEqual(result.values, []);
    assert.deepStrictEqual(result.problems, ofValues.map((p) => ({ ...p, valueIndex: -1 })));
  });
});
