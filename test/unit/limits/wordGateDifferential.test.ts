/**
 * The words the whole-document analyzers of code need are searched for once per document, for all of
 * them together (lex/sourceCode.ts wordGate). Each gated analyzer must answer exactly as it does with
 * the gates off (each then runs its own quick test of the text, as before): the same problems, hovers
 * and completions, on random code in which the words are planted rarely (in calls, strings, comments,
 * identifiers, split by escapes) among code that holds none.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkProperty } from '../../helpers/fuzz';
import type { SourceCode } from '../../../server/src/service/api';
import { sourceCode, useWordGates } from '../../../server/src/service/lex/sourceCode';
import { analyzeAdminCommands } from '../../../server/src/service/admin/analyzeAdminCommands';
import { analyzeClusterLimits } from '../../../server/src/service/limits/clusterLimits';
import { analyzeCodeLimits } from '../../../server/src/service/limits/codeLimits';
import { analyzeSetParameterCommands } from '../../../server/src/service/serverConfig/setParameterCommands';

/** The words of the analyzers' quick tests, written out here (not taken from the analyzers). */
const ADMIN_WORDS = ['dropConnections', 'killOp'];
const CLUSTER_WORDS = ['initiate', 'reconfig', 'replSet', 'replSetInitiate', 'replSetReconfig', 'capped', 'shardCollection'];
const CALL_WORDS = [
  'createIndex', 'ensureIndex', 'create_index', 'createIndexes', 'create_indexes', 'aggregate', 'sort', 'find', 'findOne',
  'find_one', 'save', 'insertOne', 'insert_one', 'insertMany', 'insert_many', 'updateOne', 'update_one', 'updateMany',
  'update_many', 'replaceOne', 'replace_one', 'deleteOne', 'delete_one', 'deleteMany', 'delete_many', 'bulkWrite',
  'bulk_write', 'countDocuments', 'count_documents', 'findOneAndUpdate', 'find_one_and_update', 'findOneAndReplace',
  'find_one_and_replace',
];
const OTHER_WORDS = ['setParameter', 'createCollection', 'create_collection', 'adminCommand', 'runCommand'];

/** A word split by an escape of one of its letters, as a string literal would write it. */
function escaped(word: string, at: number, form: number): string {
  const k = at % word.length;
  const c = word.charCodeAt(k);
  const hex = c.toString(16).padStart(4, '0');
  const esc = form === 0 ? `\\u${hex}` : form === 1 ? `\\x${hex.slice(2)}` : `\\u{${c.toString(16)}}`;
  return word.slice(0, k) + esc + word.slice(k + 1);
}

const callWord = fc.constantFrom(...CALL_WORDS);
const word = fc.oneof(fc.constantFrom(...ADMIN_WORDS), fc.constantFrom(...CLUSTER_WORDS), callWord, fc.constantFrom(...OTHER_WORDS));
const name = fc.constantFrom('db', 'rs', 'sh', 'client', 'coll', 'orders', 'client.admin', 'db.getSiblingDB("shop")', 'db.orders');
const key = fc.constantFrom('a', 'b', 'size', 'max', 'unique', 'key', 'capped', 'hostAndPort', 'op', '_id', 'x.y', '$gt', 'maxIndexBuildMemoryUsageMegabytes');
const value = fc.constantFrom('1', 'true', 'false', '-1', '"text"', '4096', '2147483648', '[]', 'x', '1e9', 'null', '["db1:99999"]', '99999');

/** `{ k: v, … }` of JavaScript or a dict of Python: a few keys, more keys than an index or a sort may have, or nested too deep. */
const object = (python: boolean) => {
  const q = (k: string) => (python || !/^[a-z_]\w*$/i.test(k) ? `"${k}"` : k);
  return fc.oneof(
    { weight: 3, arbitrary: fc.array(fc.tuple(key, value), { maxLength: 4 }).map((kv) => `{ ${kv.map(([k, v]) => `${q(k)}: ${v}`).join(', ')} }`) },
    { weight: 1, arbitrary: fc.integer({ min: 30, max: 34 }).map((n) => `{ ${Array.from({ length: n }, (_, i) => `${q(`f${i}`)}: 1`).join(', ')} }`) },
    { weight: 1, arbitrary: fc.integer({ min: 99, max: 102 }).map((n) => `${`{ ${q('a')}: `.repeat(n)}1${' }'.repeat(n)}`) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 52 }).map((n) => `{ ${q('_id')}: "rs0", ${q('members')}: [${Array.from({ length: n }, (_, i) => `{ ${q('_id')}: ${i}, ${q('host')}: "h${i}:27017" }`).join(', ')}] }`) },
  );
};

/** A fragment of code: most of them hold no word; now and then one planted somewhere. */
function fragment(python: boolean): fc.Arbitrary<string> {
  const filler = fc.constantFrom(
    python ? 'def price(amount, rate=0.19):\n    return round(amount * (1 + rate), 2)  # cents' : 'export function format(v: number): string { return new Intl.NumberFormat("de").format(v); }',
    python ? 'x = [1, 2, 3]' : 'const x = [1, 2, 3];',
    python ? 'label = f"item {i}"' : 'const label = `item ${i}`;',
    '',
  );
  const comment = python ? '# ' : '// ';
  const planted = fc.oneof(
    // A call of a word with objects as arguments, or a command document that names it.
    // A driver call with an argument nested too deep (a problem whatever the method).
    { weight: 4, arbitrary: fc.tuple(name, callWord, fc.integer({ min: 101, max: 102 })).map(([n, w, d]) => `${n}.${w}(${`{ ${python ? '"a"' : 'a'}: `.repeat(d)}1${' }'.repeat(d)})`) },
    fc.constantFrom(...ADMIN_WORDS, ...CLUSTER_WORDS).map((w) => `db.${w}()`),
    // A replica set of too many members, to rs.initiate or rs.reconfig, or to a command.
    fc.tuple(fc.constantFrom(...CLUSTER_WORDS), fc.integer({ min: 50, max: 52 })).map(([w, n]) => {
      const q = (k: string) => (python ? `"${k}"` : k);
      const config = `{ ${q('_id')}: "rs0", ${q('members')}: [${Array.from({ length: n }, (_, i) => `{ ${q('_id')}: ${i}, ${q('host')}: "h${i}:27017" }`).join(', ')}] }`;
      return w.startsWith('replSet') ? `db.adminCommand({ ${q(w)}: ${config} })` : `rs.${w}(${config})`;
    }),
    { weight: 4, arbitrary: fc.tuple(name, word, object(python), fc.option(object(python), { nil: undefined })).map(([n, w, o, o2]) => `${n}.${w}(${o}${o2 ? `, ${o2}` : ''})`) },
    {
      weight: 3,
      arbitrary: fc
        .tuple(name, fc.constantFrom('adminCommand', 'runCommand', 'command'), word, fc.oneof(value, object(python)), object(python))
        .map(([n, m, w, v, o]) => `${n}.${m}(${o.replace('{', `{ ${python ? `"${w}"` : w}: ${v},`)})`),
    },
    fc.tuple(name, word, value).map(([n, w, v]) => `${n}.command("${w}", ${v}${python ? ', maxIndexBuildMemoryUsageMegabytes=5' : ''})`),
    fc.tuple(word, object(python)).map(([w, o]) => `db.createCollection("log", ${o.replace('{', `{ ${python ? `"${w}"` : w}: true,`)})`),
    fc.tuple(name, word).map(([n, w]) => `${n}.${w} (1)`),
    fc.tuple(name, word).map(([n, w]) => `${n} . ${w}\n(1)`),
    fc.tuple(name, word).map(([n, w]) => `${n}.${w}<T>({})`),
    // The word where it is no call: a string, a comment, inside an identifier, split by an escape.
    word.map((w) => `s = "${w}"`),
    word.map((w) => `${comment}${w}(x)`),
    word.map((w) => `my${w}Count = 1`),
    fc.tuple(word, fc.nat(), fc.nat(2)).map(([w, at, form]) => `db.adminCommand({ "${escaped(w, at, form)}": 1 })`),
    fc.tuple(word, fc.nat()).map(([w, at]) => `${w.slice(0, at % w.length)}${python ? ' \\\n' : '/**/'}${w.slice(at % w.length)}`),
  );
  return fc.oneof({ weight: 3, arbitrary: filler }, { weight: 2, arbitrary: planted });
}

const documents = fc.boolean().chain((python) =>
  fc.tuple(fc.constant(python), fc.constantFrom(...(python ? ['python'] : ['javascript', 'typescript', 'mongodb'])), fc.array(fragment(python), { maxLength: 8 })),
);

type Analyzer = (code: SourceCode) => {
  problems: unknown[];
  hoverAt(offset: number): unknown;
  completeAt?(offset: number, hosts: () => readonly string[]): unknown;
};

const ANALYZERS: Record<string, Analyzer> = {
  admin: (code) => analyzeAdminCommands(code),
  cluster: (code) => analyzeClusterLimits(code),
  calls: (code) => analyzeCodeLimits(code),
  setParameter: (code) => analyzeSetParameterCommands(code),
};

/** Everything an analysis answers: its problems, and its hover and completion at every offset. */
function answers(analyze: Analyzer, text: string, languageId: string, gates: boolean): string {
  useWordGates(gates);
  try {
    const code = sourceCode(text, languageId, 'file:///w/doc', undefined, true);
    const a = analyze(code);
    const at: unknown[] = [];
    for (let offset = 0; offset <= text.length; offset++) at.push([a.hoverAt(offset), a.completeAt?.(offset, () => ['h:1'])]);
    return JSON.stringify({ problems: a.problems, at });
  } finally {
    useWordGates(true);
  }
}

describe('the shared word gates of the analyzers of code', () => {
  it('every gated analyzer answers as it does without them', () => {
    checkProperty(
      'word gates: the same answers',
      fc.property(documents, ([, languageId, fragments]) => {
        const text = fragments.join('\n');
        for (const [label, analyze] of Object.entries(ANALYZERS)) {
          assert.equal(answers(analyze, text, languageId, true), answers(analyze, text, languageId, false), label);
        }
      }),
      600,
    );
  });

  it('a planted call is found through the gates: problems of each analyzer', () => {
    const cases: Array<[Analyzer, string, string]> = [
      [ANALYZERS.admin!, 'javascript', 'const x = 1;\ndb.adminCommand({ dropConnections: 1, hostAndPort: ["db4:99999"] })'],
      [ANALYZERS.admin!, 'typescript', 'db.killOp()'],
      [ANALYZERS.cluster!, 'javascript', 'db.createCollection("log", { capped: true, max: 5000 });'],
      [ANALYZERS.cluster!, 'python', `rs.initiate({"_id": "rs0", "members": [${Array.from({ length: 51 }, (_, i) => `{"_id": ${i}, "host": "h${i}:27017"}`).join(', ')}]})`],
      [ANALYZERS.calls!, 'javascript', `coll.createIndex({ ${Array.from({ length: 33 }, (_, i) => `f${i}: 1`).join(', ')} })`],
      [ANALYZERS.calls!, 'python', `coll.find_one(${'{"a": '.repeat(101)}1${'}'.repeat(101)})`],
      [ANALYZERS.setParameter!, 'python', 'client.admin.command({"setParameter": 1, "maxIndexBuildMemoryUsageMegabytes": 20})'],
    ];
    for (const [analyze, languageId, text] of cases) {
      const a = analyze(sourceCode(text, languageId, '', undefined, true));
      assert.ok(a.problems.length > 0, `${languageId}: ${text.slice(0, 60)}`);
      assert.equal(answers(analyze, text, languageId, true), answers(analyze, text, languageId, false));
    }
  });

  it('the words are found once per document, and a document without them is not read', () => {
    const code = sourceCode('const total = items.reduce((a, b) => a + b, 0);\n', 'typescript');
    let read = 0;
    const counted: SourceCode = { ...code, tokens: () => (read++, code.tokens()) };
    for (const analyze of Object.values(ANALYZERS)) assert.deepEqual(analyze(counted).problems, []);
    assert.equal(read, 0);
  });
});
