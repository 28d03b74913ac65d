/** Query filters the server refuses: `$text` with `$near`/`$nearSphere`/`$geoNear`, and `$where` code that uses `db`. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { problemsOf, DRIVER_PROJECT } from '../../helpers/problems';

const RULES = ['query-text-with-near', 'where-uses-db'];
const found = (text: string, languageId = 'javascript') => problemsOf(text, languageId, { ruleIds: RULES, settings: DRIVER_PROJECT });

const NEAR = '{ $geometry: { type: "Point", coordinates: [2.35, 48.85] }, $maxDistance: 500 }';

describe('$text with $near', () => {
  it('find, findOne, countDocuments and deleteMany: an error at $near / $nearSphere', () => {
    assert.deepEqual(found(`await shops.find({ $text: { $search: "coffee" }, location: { $near: ${NEAR} } }).toArray();\n`), [['query-text-with-near', '$near', 'error']]);
    assert.deepEqual(found(`await shops.findOne({ $text: { $search: "tea" }, loc: { $nearSphere: ${NEAR} } });\n`, 'typescript'), [['query-text-with-near', '$nearSphere', 'error']]);
    assert.deepEqual(found(`db.shops.countDocuments({ $and: [{ $text: { $search: "x" } }, { loc: { $near: [2, 48] } }] })\n`, 'mongodb'), [['query-text-with-near', '$near', 'error']]);
    assert.deepEqual(found(`db.shops.deleteMany({ $text: { $search: "x" }, loc: { $near: [2, 48] } })\n`, 'mongodb'), [['query-text-with-near', '$near', 'error']]);
  });

  it('each alone is fine, and so is $geoWithin with $text', () => {
    assert.deepEqual(found(`await shops.find({ $text: { $search: "coffee" } }).toArray();\n`), []);
    assert.deepEqual(found(`await shops.find({ location: { $near: ${NEAR} } }).toArray();\n`), []);
    assert.deepEqual(found(`await shops.find({ $text: { $search: "x" }, loc: { $geoWithin: { $centerSphere: [[2, 48], 0.01] } } }).toArray();\n`), []);
  });

  it('Python find and count_documents', () => {
    assert.deepEqual(found('shops.find({"$text": {"$search": "coffee"}, "loc": {"$near": [2.35, 48.85]}})\n', 'python'), [['query-text-with-near', '$near', 'error']]);
    assert.deepEqual(found('shops.count_documents({"$text": {"$search": "coffee"}})\n', 'python'), []);
  });

  it('a pipeline with $geoNear beside a $text $match: an error at $geoNear', () => {
    const pipeline = (match: string) => `const rows = await shops.aggregate([
  { $geoNear: { near: { type: "Point", coordinates: [2.35, 48.85] }, distanceField: "d" } },
  { $match: ${match} },
]).toArray();
`;
    assert.deepEqual(found(pipeline('{ $text: { $search: "coffee" } }')), [['query-text-with-near', '$geoNear', 'error']]);
    assert.deepEqual(found(pipeline('{ open: true }')), []);
    assert.deepEqual(found('shops.aggregate([{"$match": {"$text": {"$search": "x"}}}, {"$geoNear": {"near": [2, 48], "distanceField": "d"}}])\n', 'python'), [['query-text-with-near', '$geoNear', 'error']]);
  });
});

describe('$where that uses db', () => {
  it('a function or a string that reads db: an error at db', () => {
    assert.deepEqual(found('await orders.find({ $where: function () { return db.users.findOne({ _id: this.user }) != null; } }).toArray();\n'), [['where-uses-db', 'db', 'error']]);
    assert.deepEqual(found('await orders.find({ $where: () => db.getSiblingDB("x").c.count() > 0 }).toArray();\n'), [['where-uses-db', 'db', 'error']]);
    assert.deepEqual(found('db.orders.findOne({ $where: "db[\'users\'].count() > 1" })\n', 'mongodb'), [['where-uses-db', 'db', 'error']]);
    assert.deepEqual(found('orders.find({"$where": "return db.users.count() > 0"})\n', 'python'), [['where-uses-db', 'db', 'error']]);
  });

  it('code without db, a field called db, and a variable are fine', () => {
    assert.deepEqual(found('await orders.find({ $where: function () { return this.total > this.limit; } }).toArray();\n'), []);
    assert.deepEqual(found('await orders.find({ $where: "this.db.length > 2 && this.dbName != null" }).toArray();\n'), []);
    assert.deepEqual(found('await orders.find({ $where: whereCode }).toArray();\n'), []);
    assert.deepEqual(found('orders.find({"$where": "this.total > 2"})\n', 'python'), []);
  });
});
