/** Documents written by driver calls: `_id` arrays, regular expressions and `$` fields; fields given twice; null characters in field names. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hasNullCharacter } from '../../../server/src/service/limits/documentChecks';
import { problemsOf, DRIVER_PROJECT } from '../../helpers/problems';

const RULES = ['document-id-array', 'document-id-regex', 'document-id-dollar-field', 'document-duplicate-field', 'document-field-null-char'];
const found = (text: string, languageId = 'javascript') => problemsOf(text, languageId, { ruleIds: RULES, settings: DRIVER_PROJECT });

describe('_id of written documents', () => {
  it('an array _id in insertOne, insertMany and save is an error; a scalar or an object is fine', () => {
    assert.deepEqual(found('await db.collection("tags").insertOne({ _id: ["red", "blue"], count: 2 });\n'), [['document-id-array', '_id', 'error']]);
    assert.deepEqual(found('await db.collection("tags").insertOne({ _id: "red", names: ["red", "blue"] });\n'), []);
    assert.deepEqual(found('await tags.insertOne({ _id: { color: "red", shade: 2 } });\n'), []);
    assert.deepEqual(found('db.tags.insertMany([{ _id: 1 }, { _id: [2, 3] }, { _id: 4 }]);\n', 'mongodb'), [['document-id-array', '_id', 'error']]);
    assert.deepEqual(found('db.tags.save({ _id: [1], name: "x" });\n', 'mongodb'), [['document-id-array', '_id', 'error']]);
  });

  it('Python: insert_one and insert_many with a list _id', () => {
    assert.deepEqual(found('db.tags.insert_one({"_id": ["red", "blue"], "count": 2})\n', 'python'), [['document-id-array', '_id', 'error']]);
    assert.deepEqual(found('db.tags.insert_many([{"_id": 1}, {"_id": ("a", "b")}])\n', 'python'), []);
    assert.deepEqual(found('db.tags.insert_many([{"_id": 1}, {"_id": [1, 2]}])\n', 'python'), [['document-id-array', '_id', 'error']]);
  });

  it('replacements: the replacement document; with upsert, an array _id equality in the filter too', () => {
    assert.deepEqual(found('await users.replaceOne({ name: "a" }, { _id: [1, 2], name: "a" });\n'), [['document-id-array', '_id', 'error']]);
    assert.deepEqual(found('await users.replaceOne({ _id: [1, 2] }, { name: "a" });\n'), [], 'a query for an array _id finds nothing, but writes nothing either');
    assert.deepEqual(found('await users.replaceOne({ _id: [1, 2] }, { name: "a" }, { upsert: true });\n'), [['document-id-array', '_id', 'error']]);
    assert.deepEqual(found('users.replace_one({"_id": [1, 2]}, {"name": "a"}, upsert=True)\n', 'python'), [['document-id-array', '_id', 'error']]);
    assert.deepEqual(found('users.replace_one({"_id": [1, 2]}, {"name": "a"}, upsert=False)\n', 'python'), []);
  });

  it('updates with upsert: the filter and $set / $setOnInsert; without upsert nothing is inserted', () => {
    assert.deepEqual(found('await users.updateOne({ _id: ["a"] }, { $set: { n: 1 } }, { upsert: true });\n'), [['document-id-array', '_id', 'error']]);
    assert.deepEqual(found('await users.updateOne({ _id: ["a"] }, { $set: { n: 1 } });\n'), []);
    assert.deepEqual(found('await users.updateMany({ k: 1 }, { $setOnInsert: { _id: /x/ } }, { upsert: true });\n'), [['document-id-regex', '_id', 'error']]);
    assert.deepEqual(found('await users.updateOne({ _id: { $in: [1, 2] } }, { $set: { n: 1 } }, { upsert: true });\n'), []);
    assert.deepEqual(found('users.update_one({"k": 1}, {"$set": {"_id": [1]}}, upsert=True)\n', 'python'), [['document-id-array', '_id', 'error']]);
  });

  it('a regular expression _id: literal, RegExp, BSONRegExp, re.compile, Regex', () => {
    assert.deepEqual(found('await logs.insertOne({ _id: /^order-/i, n: 1 });\n'), [['document-id-regex', '_id', 'error']]);
    assert.deepEqual(found('await logs.insertOne({ _id: new RegExp("^a"), n: 1 });\n', 'typescript'), [['document-id-regex', '_id', 'error']]);
    assert.deepEqual(found('await logs.insertOne({ _id: new BSON.BSONRegExp("^a", "i") });\n', 'typescript'), [['document-id-regex', '_id', 'error']]);
    assert.deepEqual(found('logs.insert_one({"_id": re.compile("^a")})\n', 'python'), [['document-id-regex', '_id', 'error']]);
    assert.deepEqual(found('logs.insert_one({"_id": Regex("^a", "i")})\n', 'python'), [['document-id-regex', '_id', 'error']]);
    // A pattern kept as a string, or a query by a regular expression, is fine.
    assert.deepEqual(found('await logs.insertOne({ _id: "^order-", pattern: /^order-/ });\n'), []);
    assert.deepEqual(found('await logs.deleteMany({ _id: /^order-/ });\n'), []);
    assert.deepEqual(found('logs.insert_one({"_id": compile_id("^a")})\n', 'python'), []);
  });

  it('an _id object with a field that starts with $', () => {
    assert.deepEqual(found('await events.insertOne({ _id: { $day: 5, user: 1 }, n: 1 });\n'), [['document-id-dollar-field', '$day', 'error']]);
    assert.deepEqual(found('events.insert_one({"_id": {"day": 5, "$user": 1}})\n', 'python'), [['document-id-dollar-field', '$user', 'error']]);
    assert.deepEqual(found('await events.insertOne({ _id: { day: 5, user: 1 }, $meta: 1 });\n'), []);
    assert.deepEqual(found('await events.find({ _id: { $gt: 5 } }).toArray();\n'), [], 'a filter operator');
  });
});

describe('fields given twice', () => {
  it('in one object literal: a warning at the later one; different levels are fine', () => {
    assert.deepEqual(found('await users.insertOne({ name: "a", age: 3, name: "b" });\n'), [['document-duplicate-field', 'name', 'warning']]);
    assert.deepEqual(found('await users.insertOne({ name: "a", profile: { name: "b" } });\n'), []);
    assert.deepEqual(found('await users.insertOne({ "name": "a", name: "b" });\n', 'typescript'), [['document-duplicate-field', 'name', 'warning']]);
  });

  it('in filters and updates: a condition or an update silently dropped', () => {
    assert.deepEqual(found('const n = await users.countDocuments({ age: { $gt: 18 }, age: { $lt: 65 } });\n'), [['document-duplicate-field', 'age', 'warning']]);
    assert.deepEqual(found('await users.updateOne({ _id: id }, { $set: { a: 1 }, $set: { b: 2 } });\n'), [['document-duplicate-field', '$set', 'warning']]);
    assert.deepEqual(found('db.users.deleteMany({ status: "old", status: "gone" })\n', 'mongodb'), [['document-duplicate-field', 'status', 'warning']]);
  });

  it('Python dicts', () => {
    assert.deepEqual(found('users.insert_one({"name": "a", \'name\': "b"})\n', 'python'), [['document-duplicate-field', 'name', 'warning']]);
    assert.deepEqual(found('users.insert_one({"name": "a", "Name": "b"})\n', 'python'), []);
  });

  it('shorthand properties and spreads are no duplicates we can see', () => {
    assert.deepEqual(found('await users.insertOne({ ...base, name, email });\n'), []);
    assert.deepEqual(found('await users.insertOne({ ...base, name: "a", ...more });\n'), []);
  });

  it('not in other calls, comments or strings', () => {
    assert.deepEqual(found('const o = { a: 1, a: 2 };\nawait users.insertOne(o);\n'), []);
    assert.deepEqual(found('// users.insertOne({ a: 1, a: 2 })\nconst s = "users.insertOne({ a: 1, a: 2 })";\n'), []);
  });
});

describe('null characters in field names', () => {
  it('escapes that spell it in JavaScript and Python; near misses', () => {
    assert.deepEqual(found('await users.insertOne({ "a\\0b": 1 });\n'), [['document-field-null-char', 'a\\0b', 'error']]);
    assert.deepEqual(found('await users.insertOne({ "a\\u0000": 1, "b\\x00": 2, "\\u{0}c": 3 });\n'), [
      ['document-field-null-char', 'a\\u0000', 'error'],
      ['document-field-null-char', 'b\\x00', 'error'],
      ['document-field-null-char', '\\u{0}c', 'error'],
    ]);
    assert.deepEqual(found('users.insert_one({"a\\x00": 1, "b\\000": 2, "c\\U00000000": 3})\n', 'python').length, 3);
    assert.deepEqual(found('await users.insertOne({ "a\\\\0": 1, "a\\u00001": 2, "x\\x01": 3 });\n').map(([, u]) => u), ['a\\u00001']);
    assert.deepEqual(found('await users.find({ nested: { "k\\0": 1 } }).toArray();\n').map(([id]) => id), ['document-field-null-char']);
  });

  it('hasNullCharacter: each spelling, just under and just over', () => {
    for (const yes of ['\\0', 'a\\0b', '\\00', '\\000', '\\x00', '\\u0000', '\\u{0}', '\\u{000}', '\\U00000000', '\\N{NULL}', 'a\0']) assert.equal(hasNullCharacter(yes), true, yes);
    for (const no of ['\\\\0', '\\01', '\\x01', '\\u0001', '\\u{1}', '\\U00000001', '0', 'x00', 'plain']) assert.equal(hasNullCharacter(no), false, no);
  });
});
