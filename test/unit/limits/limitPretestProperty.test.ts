/**
 * The pretest of the limits of driver calls (limits/limitPretest.ts) against the analysis itself: on
 * every file below, whenever analyzeCodeLimits finds a problem, mayExceedCodeLimits says it may. The
 * files aim at the edge of each pretest: sorts, index keys and pipelines passed as literals behind
 * blanks, commas, comments and type arguments; 63 and 64 index calls; documents nested around 100
 * levels with brackets in strings, template literals, comments and regular expressions, and with
 * divisions that the lexer must not read as regular expressions. Ordinary code is ruled out, so that a
 * pretest that always says yes fails too.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { analyzeCodeLimits } from '../../../server/src/service/limits/codeLimits';
import { mayExceedCodeLimits } from '../../../server/src/service/limits/limitPretest';
import { sourceCode } from '../../../server/src/service/lex/sourceCode';
import { checkProperty } from '../../helpers/fuzz';

const problems = (text: string, languageId: string): string[] => analyzeCodeLimits(sourceCode(text, languageId, '', undefined, true)).problems.map((p) => p.ruleId);

/** Holds the pretest to the analysis on one file; returns the rules the analysis found. */
function holds(text: string, languageId = 'javascript'): string[] {
  const found = problems(text, languageId);
  if (found.length > 0) assert.ok(mayExceedCodeLimits(text, languageId), `ruled out, but the analysis finds ${found.join(', ')} in:\n${text}`);
  return found;
}

const keys = (n: number, dup = false) => Array.from({ length: n }, (_, i) => `k${dup && i === n - 1 ? 0 : i}: 1`).join(', ');
const tuples = (n: number) => Array.from({ length: n }, (_, i) => `("f${i}", 1)`).join(', ');

describe('literals passed to sort, index and pipeline calls', () => {
  test('33 sort keys and a key given twice, behind blanks, comments, commas and type arguments', () => {
    const gaps = ['', ' ', '\n  ', '/* c */', ' // c\n'];
    for (const before of gaps) {
      for (const after of [...gaps, '\n,']) {
        assert.deepEqual(holds(`db.users.find({}).sort${before}(${after}{ ${keys(33)} });\n`).includes('sort-too-many-keys'), !after.includes(','));
        holds(`db.users.find().sort${before}(${after}{ ${keys(2, true)} });\n`);
      }
    }
    assert.ok(holds(`cursor.sort<Doc>({ ${keys(33)} });\n`, 'typescript').includes('sort-too-many-keys'));
    assert.ok(holds(`db.users.find().sort([("a", 1), ("a", -1)])\n`, 'python').includes('sort-duplicate-key'));
    assert.ok(holds(`db.users.find().sort( # keys\n  [("a", 1), ("a", -1)])\n`, 'python').includes('sort-duplicate-key'));
  });

  test('33 index fields, after a comma or a comment too; createIndexes and create_index', () => {
    for (const gap of ['', ' ', ', ', '/* spec */ ', '\n']) {
      assert.ok(holds(`db.events.createIndex(${gap}{ ${keys(33)} });\n`).includes('index-too-many-fields'), gap);
      assert.ok(holds(`db.events.ensureIndex(${gap}{ ${keys(33)} });\n`).includes('index-too-many-fields'), gap);
    }
    assert.ok(holds(`db.events.createIndexes([{ key: { ${keys(33)} } }]);\n`).includes('index-too-many-fields'));
    assert.ok(holds(`db.events.create_index([${tuples(33)}])\n`, 'python').includes('index-too-many-fields'));
    assert.ok(holds(`db.events.create_indexes([IndexModel([${tuples(2)}])] * 2)\ndb.events.create_index([${tuples(33)}])\n`, 'python').includes('index-too-many-fields'));
  });

  test('64 index calls on one collection (without literals), and 63', () => {
    const calls = (n: number, name: string) => Array.from({ length: n }, (_, i) => `db.events.${name}(spec${i});`).join('\n');
    for (const name of ['createIndex', 'ensureIndex']) {
      assert.deepEqual(holds(calls(64, name)), ['indexes-too-many']);
      assert.deepEqual(holds(calls(63, name)), []);
      assert.equal(mayExceedCodeLimits(calls(63, name), 'javascript'), false, 'fewer calls than the limit are ruled out');
    }
    const python = Array.from({ length: 64 }, (_, i) => `i${i} = db.events.create_index(spec${i})`).join('\n');
    assert.deepEqual(holds(python, 'python'), ['indexes-too-many']);
    const models = Array.from({ length: 64 }, (_, i) => `{ key: { f${i}: 1 } }`).join(', ');
    assert.deepEqual(holds(`db.events.createIndexes(\n  [${models}]);\n`), ['indexes-too-many']);
  });

  test('a pipeline of 1,001 stages, and a $sort stage with a key given twice', () => {
    const stages = Array.from({ length: 1001 }, (_, i) => `{ $set: { s${i}: 1 } }`).join(',');
    assert.ok(holds(`orders.aggregate([${stages}]);\n`).includes('pipeline-too-many-stages'));
    assert.ok(holds(`orders.aggregate(/* p */ [{ $sort: { ${keys(2, true)} } }]);\n`).includes('sort-duplicate-key'));
    assert.ok(holds(`orders.aggregate([{ "$facet": { a: [{ $sort: { ${keys(33)} } }] } }])\n`, 'python').includes('sort-too-many-keys'));
  });
});

/** A document `levels` deep passed to `find`, with `noise` put inside each level before its key. */
function deep(levels: number, noise: (level: number) => string): string {
  let text = 'db.users.find(';
  for (let l = 0; l < levels; l++) text += `{ ${noise(l)}a${l}: `;
  text += '1';
  for (let l = 0; l < levels; l++) text += ' }';
  return `${text})\n`;
}

describe('documents nested deeper than 100 levels', () => {
  /** Text with closing brackets that are no tokens (and a newline where one ends its token). */
  const NOT_CODE = ['"}]", ', "'\\'}]', ", '`}]`, ', '`${"x"}}]`, ', '`${f(`]]`)}`, ', '/* ]} */', '// ]}\n', '/}]/g, ', '/[/]}]/, ', '"}]\n', "'a\\\n}]', "];
  const NOT_CODE_PY = ['"}]", ', "'}]', ", '"""}]\n]""", ', "'''}]''', ", '# ]}\n', '/* ]} */', 'f"{x}]", '];

  test('101 levels are found behind brackets in strings, template literals, comments and regular expressions', () => {
    for (const n of NOT_CODE) assert.deepEqual(holds(deep(101, () => n)), ['document-too-deep'], n);
    for (const n of NOT_CODE_PY) assert.deepEqual(holds(deep(101, () => n), 'python'), ['document-too-deep'], n);
  });

  test('a division is no regular expression: the brackets after it count', () => {
    // Were `/` read as a regular expression here, it would run to the `/` in the string, and the
    // brackets after it would count as tokens.
    for (const before of ['x', 'f(a)', 'z[1]', '{}', '1.5', '0x1f', '0x1do', '0XaB_do', '1.e5', '1_000n', '1new', '.5e-3', '2n', '"a"', '`a`', '/a/g', 'returned', 'a.b']) {
      assert.deepEqual(holds(deep(101, () => `d: ${before} / 2, s: "/ ]}", `)), ['document-too-deep'], before);
    }
    // After `return` and the like, `/` starts one: `/}/` is no bracket.
    assert.ok(holds(deep(101, (l) => (l % 2 ? 'typeof /}/, ' : 'void /]]/, '))).includes('document-too-deep'));
  });

  test('`/*/` is a whole comment: the brackets after it count', () => {
    // The lexer reads `b: [[` as code, then `*` and a regular expression to the end of the line.
    assert.ok(holds(deep(99, () => '/*/ b: [[ */\n1]], ')).includes('document-too-deep'));
  });

  test('the depth counts from the call: closing brackets before it do not hide a deep document', () => {
    assert.deepEqual(holds(`${']'.repeat(50)};\n${deep(101, () => '')}`), ['document-too-deep']);
  });

  test('100 levels are fine and ruled out; a number too long to be sure of is not', () => {
    assert.deepEqual(problems(deep(100, () => '"}", '), 'javascript'), []);
    assert.equal(mayExceedCodeLimits(deep(100, () => '"}", '), 'javascript'), false);
    assert.equal(mayExceedCodeLimits(deep(30, () => `${'9'.repeat(70)}, `), 'javascript'), true);
  });
});

/** Pieces of code around deep documents: brackets in and out of code, divisions, regular expressions. */
const PIECES_JS = ['{ ', '[', ' }', ']', '"}]"', "'{'", '`}${"{"}]`', '`${', '/* } */', '// ]\n', '/}]/', '/[/]]/', ' / ', '/', 'x', ' return ', ' typeof ', 'in', 'do', '(', ')', '2', '.5', '0x1f', '0x1d', '1.', 'e5', 'e+', '1_0n', ', ', ': ', '\n', '\\', '"}\n', 'é', '\u00a0', '#'];
const PIECES_PY = ['{ ', '[', ' }', ']', '"}]"', "'{'", '"""}\n]"""', "'''", '# ]\n', '/* ] */', ' // ', 'x', '(', ')', '2', ', ', ': ', '\n', '\\', '"}\n', 'f"{x}]"', '`'];

const soup = (pieces: readonly string[]) =>
  fc.record({
    levels: fc.integer({ min: 98, max: 112 }),
    noise: fc.array(fc.array(fc.constantFrom(...pieces), { maxLength: 3 }), { minLength: 1, maxLength: 12 }),
    call: fc.constantFrom('find', 'insertOne', 'sort', 'updateOne', 'aggregate'),
  });

describe('random files: the pretest never rules out a problem the analysis finds', () => {
  for (const [languageId, pieces] of [
    ['javascript', PIECES_JS],
    ['python', PIECES_PY],
  ] as const) {
    test(`deep documents with noise (${languageId})`, (t) => {
      let found = 0;
      checkProperty(
        `limit pretest: deep documents (${languageId})`,
        fc.property(soup(pieces), ({ levels, noise, call }) => {
          let text = `db.users.${call}(`;
          for (let l = 0; l < levels; l++) text += `${l % 3 === 2 ? '[' : `{ a${l}: `}${noise[l % noise.length].join('')}`;
          text += '1';
          for (let l = levels - 1; l >= 0; l--) text += `${l % 3 === 2 ? ']' : ' }'}${noise[(l * 7) % noise.length].join('')}`;
          text += ')\n';
          if (holds(text, languageId).length > 0) found++;
        }),
        250,
      );
      t.diagnostic(`${found} files with problems`);
      assert.ok(found > 20, `the generator reaches deep documents: ${found}`);
    });
  }

  test('calls with literals', (t) => {
    let found = 0;
    const call = fc.record({
      name: fc.constantFrom('sort', 'createIndex', 'ensureIndex', 'createIndexes', 'aggregate', 'create_index', 'find'),
      before: fc.constantFrom('', ' ', '\n', '/* c */', '<T>', ' # c\n'),
      after: fc.constantFrom('', ' ', ',', '\n', '/**/', '# c\n', 'x, '),
      count: fc.constantFrom(1, 2, 32, 33, 35),
      dup: fc.boolean(),
      python: fc.boolean(),
      wrap: fc.constantFrom('object', 'array', 'tuples', 'models', 'stages'),
    });
    checkProperty(
      'limit pretest: calls with literals',
      fc.property(fc.array(call, { minLength: 1, maxLength: 3 }), (calls) => {
        const python = calls[0].python;
        const text = calls
          .map((c) => {
            const k = `{ ${keys(c.count, c.dup)} }`;
            const arg = { object: k, array: `[${k}]`, tuples: `[${tuples(c.count)}${c.dup ? ', ("f0", 1)' : ''}]`, models: `[{ key: ${k} }]`, stages: `[{ $sort: ${k} }]` }[c.wrap];
            return `db.events.${c.name}${c.before}(${c.after}${arg})`;
          })
          .join('\n');
        if (holds(text, python ? 'python' : 'typescript').length > 0) found++;
      }),
      300,
    );
    t.diagnostic(`${found} files with problems`);
    assert.ok(found > 30, `the generator reaches problems: ${found}`);
  });
});

/** Pieces between two keys of one literal: what the lexer does or does not read as a token. */
const BETWEEN = ['', ' ', '/* : */', '// a:\n', '"x: 1", ', '`b:`, ', '/:/, ', 'c ? d : e, ', 'f({ a: 1 }), ', '[a, 1], ', '(g), ', ']', ')', ';', '\n', 'x, '];
const BETWEEN_PY = ['', ' ', '# a:\n', '"x: 1", ', '"""a:""", ', 'lambda a: 1, ', 'f({"a": 1}), ', '[a, 1], ', ']', ')', '\n', 'x, '];
/** Spellings of the key `a` (or of another key), as identifiers, strings with escapes, numbers. */
const KEYS = ['a', '"a"', "'a'", '`a`', '"\\a"', '"a\\\n"', 'b', '"b"', '1', '"1"', '1.0', '$a', '"$a"'];
const KEYS_PY = ['"a"', "'a'", '"""a"""', '"\\a"', '"b"', '1', '"1"', 'a'];

describe('document literals: fields given twice, words, _id, null characters', () => {
  test('two keys of one literal that read alike, behind comments, strings, brackets and operators', () => {
    for (const call of ['insertOne', 'find', 'updateOne']) {
      assert.deepEqual(holds(`db.users.${call}({ a: 1, /* : */ a: 2 });\n`), ['document-duplicate-field']);
      assert.deepEqual(holds(`db.users.${call}({ a: 1, "\\a": 2 });\n`), ['document-duplicate-field']);
    }
    assert.deepEqual(holds('db.users.insert_one({"a": 1, # a:\n \'a\': 2})\n', 'python'), ['document-duplicate-field']);
    // Apart: different keys, other levels, or a key that is no key of the literal.
    for (const text of ['db.users.insertOne({ a: 1, b: { a: 2 } });', 'db.users.insertOne({ a: c ? a : b });', 'db.users.find({ a: 1, "b": 2, [a]: 3 });']) {
      assert.deepEqual(problems(text, 'javascript'), []);
      assert.equal(mayExceedCodeLimits(text, 'javascript'), false, text);
    }
  });

  test('the words of $text/$near/$geoNear, $where, _id and null escapes, also when escaped', () => {
    assert.deepEqual(holds('db.shops.find({ "$te\\xt": { $search: "x" }, loc: { "$ne\\\nar": [2, 48] } });\n'), ['query-text-with-near']);
    assert.deepEqual(holds('db.shops.aggregate([{ $match: { $text: { $search: "x" } } }, { $geoNear: { near: [2, 48] } }]);\n'), ['query-text-with-near']);
    assert.deepEqual(holds('db.orders.find({ "$wh\\ere": "return db.x.count() > 0" });\n'), ['where-uses-db']);
    assert.deepEqual(holds('db.users.insertOne({ "_i\\d": [1] });\n'), ['document-id-array']);
    assert.deepEqual(holds('db.users.insert_one({"_id": re.compile("a")})\n', 'python'), ['document-id-regex']);
    assert.deepEqual(holds('db.users.save({ _id: { $x: 1 } });\n'), ['document-id-dollar-field']);
    assert.deepEqual(holds('db.users.insertOne({ "a\\x00": 1 });\n'), ['document-field-null-char']);
    assert.equal(mayExceedCodeLimits('db.users.find({ _id: [1, 2] });\n', 'javascript'), false, 'a filter does not write its _id');
  });

  test('random literals: two keys with pieces between them', (t) => {
    let found = 0;
    let ruledOut = 0;
    let runs = 0;
    for (const [languageId, between, keys] of [
      ['javascript', BETWEEN, KEYS],
      ['python', BETWEEN_PY, KEYS_PY],
    ] as const) {
      checkProperty(
        `limit pretest: fields given twice (${languageId})`,
        fc.property(
          fc.constantFrom('insertOne', 'insert_one', 'find', 'updateOne', 'deleteMany', 'count_documents'),
          fc.array(fc.constantFrom(...keys), { minLength: 2, maxLength: 4 }),
          fc.array(fc.array(fc.constantFrom(...between), { maxLength: 3 }), { minLength: 4, maxLength: 4 }),
          fc.boolean(),
          (call, ks, gaps, nest) => {
            const body = ks.map((k, i) => `${gaps[i]!.join('')}${k}: ${i}`).join(', ');
            const text = `db.users.${call}(${nest ? `{ outer: { ${body} } }` : `{ ${body} }`})\n`;
            runs++;
            if (holds(text, languageId).length > 0) found++;
            else if (!mayExceedCodeLimits(text, languageId)) ruledOut++;
          },
        ),
        250,
      );
    }
    t.diagnostic(`${found} files with problems, ${ruledOut} ruled out`);
    // Of 500 runs (250 a language), more than 50 and 20; as many in ten of any number of runs.
    assert.ok(found > runs / 10, `the generator reaches fields given twice: ${found} of ${runs}`);
    assert.ok(ruledOut > runs / 25, `literals without a field twice are ruled out: ${ruledOut} of ${runs}`);
  });
});

describe('ordinary code is ruled out', () => {
  test('array sorts and finds, shallow literals, regular expressions and strings', () => {
    const ordinary = fc.array(
      fc.constantFrom(
        'items.sort((a, b) => a - b);',
        'list.sort();',
        'const x = rows.find((r) => r.id === id);',
        'const o = { a: { b: [1, 2, { c: "}}}" }] } };',
        'if (/[{]+/.test(s)) return s.split("{");',
        'const t = `${a}{{{`;',
        '// {{{{ [[[[',
        'x = y / 2 / z;',
        'db.users.find({ age: { $gt: 1 } }).sort(byName);',
        'db.users.insertOne({ a: [{ b: 1 }] });',
        'db.events.createIndex(spec);',
        'pipeline.push(stage); coll.aggregate(pipeline);',
      ),
      { minLength: 1, maxLength: 60 },
    );
    checkProperty(
      'limit pretest rules out ordinary code',
      fc.property(ordinary, (lines) => {
        const text = lines.join('\n');
        assert.deepEqual(problems(text, 'javascript'), []);
        assert.equal(mayExceedCodeLimits(text, 'javascript'), false, text);
      }),
      200,
    );
  });

  test('files without such calls, and other languages, are ruled out at once', () => {
    assert.equal(mayExceedCodeLimits(`x = ${'['.repeat(200)}`, 'javascript'), false);
    assert.equal(mayExceedCodeLimits(deep(101, () => ''), 'go'), false);
    assert.equal(mayExceedCodeLimits(deep(101, () => ''), 'javascript'), true);
  });
});
