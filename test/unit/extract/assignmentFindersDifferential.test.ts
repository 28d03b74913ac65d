/**
 * The finders of variable definitions (extract/dotenv.ts DotenvAssignments, extract/properties.ts
 * PropertiesAssignments) search for the first few names they are asked and then read every line once
 * into an index: on random files (export, blanks of every kind, quotes over lines, comments,
 * continuations, references, names that hold other names) and random names and offsets, the index finds
 * what the search finds; the references of every variable are counted in one pass as a search for each
 * finds them. Then the work of a file whose strings use a variable each is counted
 * (test/helpers/workMeter.ts): linear, where a search per variable made it quadratic.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DotenvAssignments } from '../../../server/src/service/extract/dotenv';
import { PropertiesAssignments } from '../../../server/src/service/extract/properties';
import { analyzeDocument, defaultSettings } from '../../../server/src/service/languageService';
import { referenceCounts, referencesOf } from '../../../server/src/service/compose/composedStrings';
import { checkProperty } from '../../helpers/fuzz';
import { linearWork } from '../../helpers/workMeter';

const NAMES = ['A', 'AB', 'A_B', 'MONGO', 'MONGO_URI', 'MONGO_URI_2', 'export', 'x.y', 'x.y.z', 'x', 'a-b'];
const PIECES = [
  ...NAMES, ...NAMES, '=', '=', ':', ' ', '  ', '\t', '\f', '\r', '\u00a0', '\n', '\n', '\n', '\r\n', 'export ', 'export\t', '#', '!', '"', "'", '`',
  '\\', '\\\n', '${A}', '$MONGO', '${x.y}', 'mongodb://h/db', 'value', ' # c', '\\u0041', '\\=',
];

const pieces = (max: number) => fc.array(fc.constantFrom(...PIECES), { maxLength: max }).map((a) => a.join(''));
/** A line shaped like an assignment (blanks, `export `, a comment sign or nothing first), or any pieces. */
const line = fc.oneof(
  fc
    .tuple(fc.constantFrom('', '', ' ', '\t', '\f', '\u00a0', 'export ', '  export\t', '#', '!', 'x '), fc.constantFrom(...NAMES), fc.constantFrom('=', '=', ':', ' = ', ' '), pieces(4))
    .map((p) => p.join('')),
  pieces(8),
);
const text = fc.array(fc.tuple(line, fc.constantFrom('\n', '\n', '\r\n', '\\\n')), { maxLength: 16 }).map((ls) => ls.map(([l, end]) => l + end).join(''));
/** Names to look up (some no variable has: a blank or a comment sign first), and where from: anywhere, or about where an occurrence of the name ends. */
const lookups = fc.array(
  fc.record({ name: fc.constantFrom(...NAMES, ' A', '', '!A', '#A', '\fA'), pick: fc.nat({ max: 400 }), near: fc.constantFrom(undefined, -1, 0, 1) }),
  { maxLength: 12 },
);

/** The offset a lookup asks before (undefined: the end of the text). */
function beforeOf(t: string, l: { name: string; pick: number; near: number | undefined }): number | undefined {
  if (l.near === undefined) return l.pick % 3 === 0 ? undefined : l.pick;
  const ends: number[] = [];
  for (let i = t.indexOf(l.name); i >= 0 && l.name !== ''; i = t.indexOf(l.name, i + 1)) ends.push(i + l.name.length);
  return ends.length > 0 ? ends[l.pick % ends.length]! + l.near : l.pick;
}

describe('finders of variable definitions: the index finds what the search finds', () => {
  it('.env and shell assignments, with and without an offset', () => {
    checkProperty(
      'dotenv assignments: index vs search',
      fc.property(text, lookups, (t, asked) => {
        const searching = new DotenvAssignments(t, Infinity);
        const indexed = new DotenvAssignments(t, 0);
        const mixed = new DotenvAssignments(t, 3);
        for (const l of asked) {
          const { name } = l;
          const before = beforeOf(t, l);
          const expected = searching.last(name, before);
          assert.deepEqual(indexed.last(name, before), expected, JSON.stringify({ t, name, before }));
          assert.deepEqual(mixed.last(name, before), expected, JSON.stringify({ t, name, before }));
        }
      }),
      400,
    );
  });

  it('.properties assignments', () => {
    checkProperty(
      'properties assignments: index vs search',
      fc.property(text, lookups, (t, asked) => {
        const searching = new PropertiesAssignments(t, Infinity);
        const indexed = new PropertiesAssignments(t, 0);
        for (const { name } of asked) assert.deepEqual(indexed.last(name), searching.last(name), JSON.stringify({ t, name }));
      }),
      400,
    );
  });

  it('finds assignments on realistic files either way', () => {
    const env = 'export MONGO_USER=app\nMONGO_PASSWORD="p@ss\nword"\nMONGO_URI=mongodb://${MONGO_USER}:${MONGO_PASSWORD}@db/app\nMONGO_USER=admin\n';
    for (const searches of [Infinity, 0]) {
      const f = new DotenvAssignments(env, searches);
      assert.equal(f.last('MONGO_USER')?.value.text, 'admin');
      assert.equal(f.last('MONGO_USER', env.indexOf('MONGO_PASSWORD'))?.value.text, 'app');
      assert.equal(f.last('MONGO_PASSWORD')?.value.text, 'p@ss\nword');
      assert.equal(f.last('MONGO'), undefined);
    }
    const props = 'app.host=db.internal\n  app.port : 27017\n# app.user=x\nspring.data.mongodb.uri=mongodb://${app.host}:${app.port}/shop\n';
    for (const searches of [Infinity, 0]) {
      const f = new PropertiesAssignments(props, searches);
      assert.equal(f.last('app.host')?.value.text, 'db.internal');
      assert.equal(f.last('app.port')?.value.text, '27017');
      assert.equal(f.last('app.user'), undefined);
    }
  });
});

describe('strings composed from a variable each: linear work', () => {
  const settings = { ...defaultSettings, maxFileSize: 1 << 24 };
  const cases: Array<[string, string, string, (n: number) => string]> = [
    [
      '.env: each string uses its own password (a character to encode in each)',
      'dotenv',
      'file:///p/.env',
      (n) => Array.from({ length: n }, (_, i) => `PASSWORD_${i}=p@ss${i}\n`).join('') + Array.from({ length: n }, (_, i) => `URI_${i}=mongodb://app:\${PASSWORD_${i}}@db/app\n`).join(''),
    ],
    [
      'Spring YAML: each string uses its own host property of the same file',
      'yaml',
      'file:///p/application.yml',
      (n) => `app:\n${Array.from({ length: n }, (_, i) => `  s${i}:\n    host: h${i}\n`).join('')}conns:\n${Array.from({ length: n }, (_, i) => `  c${i}: mongodb://\${app.s${i}.host}:70000/app\n`).join('')}`,
    ],
    [
      '.properties: each string uses its own host property',
      'properties',
      'file:///p/application.properties',
      (n) => Array.from({ length: n }, (_, i) => `app.s${i}.host=h${i}\n`).join('') + Array.from({ length: n }, (_, i) => `uri${i}=mongodb://\${app.s${i}.host}:70000/app\n`).join(''),
    ],
  ];
  for (const [name, languageId, uri, make] of cases) {
    it(name, () => {
      const run = (t: string) => {
        const a = analyzeDocument({ uri, languageId, text: t }, settings);
        // A problem in each composed string, found through its variable.
        assert.ok(a.problems.filter((p) => p.message.includes('70000') || p.ruleId === 'userinfo-unescaped').length >= 32);
      };
      const w = linearWork(make, run, 32);
      assert.ok(w.linear, `${w.small} steps for 32 strings, ${w.large} for 8 times as many (bound ${w.bound})`);
    });
  }
});

describe('references of variables counted for every name at once', () => {
  const NAMES_WRITTEN = ['A', 'AB', 'A_B', 'app', 'app.s1', 'app.s1.host', 'my-app', 'a[0]', 'x', '_'];
  // Names longer than those counted at once (128 characters), to be counted by the search.
  const long = 'N'.repeat(100);
  const PIECES_WRITTEN = [...NAMES_WRITTEN, '$', '$', '${', '}', ':-', ':', '.', '-', '[', ']', '0', 'é', ' ', '\n', '$$', '{', 'b', long];
  it('finds each name as often as a search for that name', () => {
    checkProperty(
      'reference counts vs a regular expression per name',
      fc.property(fc.array(fc.constantFrom(...PIECES_WRITTEN), { maxLength: 60 }).map((a) => a.join('')), (t) => {
        const counts = referenceCounts(t);
        for (const name of [...NAMES_WRITTEN, long]) assert.equal(counts.get(name) ?? 0, referencesOf(t, name), JSON.stringify({ t, name }));
        // Every name counted is found by the search too.
        for (const [name, n] of counts) assert.equal(referencesOf(t, name), n, JSON.stringify({ t, name }));
      }),
      400,
    );
  });
});
