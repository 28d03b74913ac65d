/** Limits of literals in code: index fields, indexes per collection, pipeline stages, sort keys, document depth. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hoverAt as hoverIn, problemsOf, DRIVER_PROJECT } from '../../helpers/problems';
import { linearWork } from '../../helpers/workMeter';

/** Hovers in a file of a project that uses the driver. */
const hoverAt = (marked: string, languageId: string) => hoverIn(marked, languageId, DRIVER_PROJECT);

const LIMIT_RULES = ['index-too-many-fields', 'indexes-too-many', 'pipeline-too-many-stages', 'sort-too-many-keys', 'sort-duplicate-key', 'document-too-deep'];
const limits = (text: string, languageId = 'javascript') => problemsOf(text, languageId, { ruleIds: LIMIT_RULES, settings: DRIVER_PROJECT });

const fields = (n: number, quote = '') => Array.from({ length: n }, (_, i) => `${quote}f${i}${quote}: 1`).join(', ');
const nested = (levels: number) => `${'{ a: '.repeat(levels - 1)}{ leaf: 1 }${' }'.repeat(levels - 1)}`;

describe('compound index fields', () => {
  it('createIndex with 33 fields: a warning at the 33rd; 32 fields are fine', () => {
    assert.deepEqual(limits(`await db.collection("events").createIndex({ ${fields(33)} });\n`), [['index-too-many-fields', 'f32', 'warning']]);
    assert.deepEqual(limits(`await db.collection("events").createIndex({ ${fields(32)} });\n`), []);
  });

  it('createIndexes: the key of each index model', () => {
    const js = `db.events.createIndexes([\n  { key: { ts: 1 }, name: "by_ts" },\n  { key: { ${fields(33, '"')} }, name: "wide" },\n]);\n`;
    assert.deepEqual(limits(js), [['index-too-many-fields', 'f32', 'warning']]);
  });

  it('pymongo create_index with a list of (field, direction) tuples', () => {
    const tuples = (n: number) => Array.from({ length: n }, (_, i) => `("f${i}", ASCENDING)`).join(', ');
    assert.deepEqual(limits(`db.events.create_index([${tuples(33)}])\n`, 'python'), [['index-too-many-fields', 'f32', 'warning']]);
    assert.deepEqual(limits(`db.events.create_index([${tuples(32)}], unique=True)\n`, 'python'), []);
  });

  it('the fields of a text index are weights of one key, and count as one field', () => {
    // The server accepts a text index of 34 fields (SERVER-96216); 31 other fields and the text fields make 32.
    const text = Array.from({ length: 40 }, (_, i) => `t${i}: 'text'`).join(', ');
    assert.deepEqual(limits(`await db.collection("posts").createIndex({ ${text} });\n`), []);
    assert.deepEqual(limits(`await db.collection("posts").createIndex({ ${fields(31)}, ${text} });\n`), []);
    assert.deepEqual(limits(`await db.collection("posts").createIndex({ ${fields(32)}, ${text} });\n`), [['index-too-many-fields', 't0', 'warning']]);
  });
});

describe('indexes per collection', () => {
  const calls = (n: number, receiver: string) => Array.from({ length: n }, (_, i) => `${receiver}.createIndex({ f${i}: 1 });`).join('\n') + '\n';

  it('64 indexes on one collection plus _id is one too many; 63 fit', () => {
    const found = limits(calls(64, 'db.events'));
    assert.deepEqual(found, [['indexes-too-many', 'createIndex', 'warning']]);
    assert.deepEqual(limits(calls(63, 'db.events')), []);
  });

  it('statements without semicolons (Python, JavaScript) are counted per receiver; chains over lines too', () => {
    const lines = (n: number, receiver: string, call: string) => Array.from({ length: n }, (_, i) => `${receiver}.${call}([("f${i}", 1)])`).join('\n') + '\n';
    assert.deepEqual(limits(lines(64, 'db.events', 'create_index'), 'python'), [['indexes-too-many', 'create_index', 'warning']]);
    assert.deepEqual(limits(lines(63, 'db.events', 'create_index'), 'python'), []);
    const js = Array.from({ length: 64 }, (_, i) => `db.collection('events')\n  .createIndex({ f${i}: 1 })`).join('\n') + '\n';
    assert.deepEqual(limits(js), [['indexes-too-many', 'createIndex', 'warning']]);
    const trailing = Array.from({ length: 64 }, (_, i) => `db.\n  events.createIndex({ f${i}: 1 })`).join('\n') + '\n';
    assert.deepEqual(limits(trailing), [['indexes-too-many', 'createIndex', 'warning']]);
    // A comment line that ends with a full stop is no part of the receiver below it.
    const commented = Array.from({ length: 64 }, (_, i) => `// Index number ${i} of the events.\ndb.events.createIndex({ f${i}: 1 })`).join('\n') + '\n';
    assert.deepEqual(limits(commented), [['indexes-too-many', 'createIndex', 'warning']]);
  });

  it('different collections are counted apart; createIndexes counts its models', () => {
    assert.deepEqual(limits(calls(40, 'db.events') + calls(40, 'db.getCollection("orders")')), []);
    const models = Array.from({ length: 64 }, (_, i) => `{ key: { f${i}: 1 } }`).join(', ');
    assert.deepEqual(limits(`db.collection('events').createIndexes([${models}]);\n`), [['indexes-too-many', 'createIndexes', 'warning']]);
  });

  it('the hover counts what the file creates on that collection', () => {
    const h = hoverAt(`db.events.createIndex({ a: 1 });\ndb.events.create|Index({ b: 1 });\ndb.orders.createIndex({ c: 1 });\n`, 'javascript')!;
    assert.equal(h.under, 'createIndex');
    assert.match(h.contents, /at most 32 fields/);
    assert.match(h.contents, /at most 64 indexes/);
    assert.match(h.contents, /This file creates 2 indexes on `db\.events` \(plus `_id`\)/);
  });
});

describe('aggregation pipelines', () => {
  const stages = (n: number) => Array.from({ length: n }, (_, i) => `{ $set: { s${i}: ${i} } }`).join(',\n  ');

  it('1001 stages: a warning at the 1001st; 1000 are fine', () => {
    const js = (n: number) => `const rows = await orders.aggregate([\n  ${stages(n)}\n]).toArray();\n`;
    assert.deepEqual(limits(js(1001)), [['pipeline-too-many-stages', '{ $set: { s1000: 1000 } }', 'warning']]);
    assert.deepEqual(limits(js(1000)), []);
  });

  it('$sort stages inside the pipeline, $facet and $lookup sub-pipelines', () => {
    const js = `db.orders.aggregate([
  { $match: { status: "open" } },
  { $sort: { createdAt: -1, total: 1, createdAt: 1 } },
  { $facet: { top: [{ $sort: { ${fields(33)} } }] } },
  { $lookup: { from: "users", pipeline: [{ $sort: { name: 1, name: -1 } }], as: "u" } },
]);
`;
    assert.deepEqual(limits(js), [
      ['sort-duplicate-key', 'createdAt', 'warning'],
      ['sort-too-many-keys', 'f32', 'warning'],
      ['sort-duplicate-key', 'name', 'warning'],
    ]);
  });

  it('hover on aggregate shows the stage limit and the size of this pipeline', () => {
    const h = hoverAt('db.orders.aggre|gate([{ $match: {} }, { $limit: 5 }]);\n', 'mongodb')!;
    assert.match(h.contents, /at most 1000 stages/);
    assert.match(h.contents, /This pipeline has 2 stages/);
  });
});

describe('sorts', () => {
  it('cursor.sort() with 33 keys, or a field twice', () => {
    assert.deepEqual(limits(`db.events.find({}).sort({ ${fields(33)} });\n`), [['sort-too-many-keys', 'f32', 'warning']]);
    assert.deepEqual(limits(`db.events.find({}).sort({ ${fields(32)} });\n`), []);
    assert.deepEqual(limits('const page = await events.find({ user }).sort({ ts: -1, _id: 1, ts: 1 }).limit(20).toArray();\n'), [['sort-duplicate-key', 'ts', 'warning']]);
  });

  it('pymongo sort with a list of tuples', () => {
    assert.deepEqual(limits('cursor = coll.find({}).sort([("ts", -1), ("user", 1), ("ts", 1)])\n', 'python'), [['sort-duplicate-key', 'ts', 'warning']]);
  });

  it('near misses: Array.prototype.sort, comments, strings', () => {
    const js = [
      'const sorted = items.sort((a, b) => a.ts - b.ts);',
      `// db.events.find().sort({ ts: 1, ts: -1 })`,
      `const doc = "db.events.find().sort({ ts: 1, ts: -1 })";`,
      '',
    ].join('\n');
    assert.deepEqual(limits(js), []);
    assert.equal(hoverAt('const sorted = items.so|rt((a, b) => a - b);\n', 'javascript'), null);
    assert.deepEqual(limits('# coll.find().sort([("a", 1), ("a", -1)])\n', 'python'), []);
  });

  it('read from the document\'s tokens: no call inside a block comment, a docstring or a template literal over several lines; a call after a string holding // or # is one', () => {
    const dup = 'db.events.find().sort({ ts: 1, ts: -1 })';
    assert.deepEqual(limits(`/*\n  example:\n  ${dup}\n*/\nconst a = 1;\n`), []);
    assert.deepEqual(limits(`const help = \`\nusage:\n  ${dup}\n\`;\n`), []);
    assert.deepEqual(limits(`def f():\n    """\n    ${dup}\n    """\n`, 'python'), []);
    assert.deepEqual(limits(`const url = "http://x"; ${dup};\n`).map(([id]) => id), ['sort-duplicate-key']);
    assert.deepEqual(limits(`tag = "#1"; coll.find().sort([("a", 1), ("a", -1)])\n`, 'python').map(([id]) => id), ['sort-duplicate-key']);
    assert.equal(hoverAt(`/* db.events.find().so|rt({ a: 1 }) */\n`, 'javascript'), null);
  });

  it('hover on sort shows the key limit', () => {
    const h = hoverAt('db.events.find().so|rt({ ts: -1, _id: 1 });\n', 'typescript')!;
    assert.equal(h.under, 'sort');
    assert.match(h.contents, /at most 32 keys/);
    assert.match(h.contents, /This sort has 2 keys/);
  });
});

describe('document depth', () => {
  it('insertOne with 101 levels: a warning at the bracket that goes too deep; 100 levels are fine', () => {
    const found = limits(`await events.insertOne(${nested(101)});\n`);
    assert.deepEqual(found.map(([id, under]) => [id, under]), [['document-too-deep', '{']]);
    assert.deepEqual(limits(`await events.insertOne(${nested(100)});\n`), []);
  });

  it('insertMany: each document of the array is counted on its own', () => {
    assert.deepEqual(limits(`await events.insertMany([${nested(100)}, { b: 1 }]);\n`), []);
    assert.equal(limits(`await events.insertMany([${nested(101)}]);\n`).length, 1);
  });

  it('updateOne and Python insert_one', () => {
    assert.equal(limits(`await events.updateOne({ _id: id }, { $set: ${nested(101)} });\n`).length, 1);
    const py = `events.insert_one(${nested(101).replace(/a:/g, '"a":').replace('leaf:', '"leaf":')})\n`;
    assert.equal(limits(py, 'python').length, 1);
  });

  it('hover on insertOne shows the depth and size limits', () => {
    const h = hoverAt('await events.insert|One({ a: 1 });\n', 'javascript')!;
    assert.match(h.contents, /at most 100 levels/);
    assert.match(h.contents, /16 MiB/);
  });
});

describe('cost', () => {
  it('a large file with many calls takes linear work', () => {
    const block = 'await orders.find({ status: "open" }).sort({ createdAt: -1, _id: 1 }).toArray();\nawait db.collection("events").insertOne({ a: { b: [1, 2] } });\n';
    const w = linearWork((n) => block.repeat(n), (text) => limits(text), 200);
    assert.ok(w.linear, `${w.small} steps → ${w.large} steps (bound ${w.bound})`);
  });
});

describe('argument lists left open', () => {
  it('an unclosed call does not hide the calls after its scan, and costs one pass', () => {
    assert.deepEqual(limits('db.events.find({ a: 1 ;\n'.repeat(2000)), []);
    const w = linearWork((n) => 'db.events.find({ a: 1 ;\n'.repeat(n), (text) => limits(text), 1000);
    assert.ok(w.linear, `many unclosed calls: ${w.small} steps → ${w.large} steps (bound ${w.bound})`);
    assert.deepEqual(limits('db.events.find({ a: 1\n' + 'x'.repeat(1 << 20) + '\ndb.c.find().sort({ a: 1, a: -1 });\n'), [['sort-duplicate-key', 'a', 'warning']]);
  });
});
