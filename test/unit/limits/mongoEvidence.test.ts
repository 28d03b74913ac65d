/**
 * Which source files work with MongoDB (lex/mongoEvidence.ts): the limits of driver calls are checked in
 * those only, so that `items.sort({ … })` or another database's `insertOne` gets no MongoDB limit.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { usesShellGlobals, worksWithMongoDB } from '../../../server/src/service/lex/mongoEvidence';
import { DRIVER_PROJECT, hoverAt, problemsOf } from '../../helpers/problems';
import { checkProperty } from '../../helpers/fuzz';

describe('what shows that a file works with MongoDB', () => {
  test('"mongo" in any letter case, anywhere, or the names of Motor', () => {
    for (const text of [
      'import { MongoClient } from "mongodb";\n',
      'const mongoose = require("mongoose");\n',
      'from pymongo import ASCENDING\n',
      'const uri = process.env.MONGO_URL;\n',
      '# data lives in MonGo\n',
      'const url = "mongodb+srv://cluster0.example.net";\n',
      'from motor.motor_asyncio import AsyncIOMotorClient\n',
      'client = motor.motor_tornado.MotorClient(uri)\n',
    ]) {
      assert.ok(worksWithMongoDB(text, 'javascript', false), text);
    }
    for (const text of ['from robot import motor\n', 'const m = new Motor(3); m.sort({ a: 1 });\n', 'import { Collection } from "./collections";\n']) {
      assert.ok(!worksWithMongoDB(text, 'python', false), text);
    }
  });

  test("mongosh's db, rs and sh globals with a method of theirs, not a member, a part of another name or a host", () => {
    for (const text of [
      'db.orders.find()', 'x = db.users.count()', '(rs.status())', '\tsh.status()', 'await db.getSiblingDB("a")', '{orders:db.orders.find()}',
      '[db.a.drop(), db.b.drop()]', '!db.x.findOne()', 'a\n\rdb.x.insertOne(d)', 'db.orders\n  .find({})', 'db.events.insert_one(e)',
      'await db.collection("orders").insertOne(o)', "db.getCollection('audit log')\n  .find({})", 'rs.initiate(config)', 'sh.shardCollection("a.b", { k: 1 })', 'db.runCommand({ ping: 1 })',
      'db.system.profile.find({ millis: { $gt: 100 } })', 'db.fs.files.findOne()',
    ]) {
      assert.ok(usesShellGlobals(text), text);
      assert.ok(worksWithMongoDB(text, 'typescript', false), text);
    }
    for (const text of [
      'this.db.users.find()', 'users.find()', 'errors.push(e)', 'hash.update(x)', '$db.x.find()', '_rs.status()', 'fooDb.x.find()', 'odb.x.find()', 'édb.x.find()',
      'db .x.find()', 'db_.x.find()', 'sh', 'bash.rc',
      // The same names for other things: a collection or a method alone, a stream's state, an IndexedDB database, a minified bundle.
      'x = db.users', 'db.', '{orders:db.orders}', 'db.orders.finder()', 'db.findings.map(f)', 'db.café.find()', 'db.orders\u00a0.find()',
      'if (rs.length > 0) rs.push(chunk)', 'state = rs.highWaterMark', 'db.close()', 'if (!db.objectStoreNames.contains(s)) db.createObjectStore(s)',
      'a=db.charCodeAt(0),b=db.substring(1)', 'sh.exec("ls")',
      // Firestore's, ArangoDB's and LokiJS's db: a collection by name, then a method that is not MongoDB's.
      'const orders = db.collection("orders")', 'await db.collection("events").add(event)', "db.collection('users').doc(id).get()",
      "db.getCollection('users').where(fn)",
      // A collection whose name is not written: the driver's import or the project tells.
      'db.collection(name).insertOne(o)',
      // Host names: in URLs, strings, after a user or a dash, after a blank beyond ASCII.
      'url = "postgres://app@db.internal.example.com/orders"', "host = 'db.example.com'", 'const h = `rs.example.net`', 'my-db.example.com', 'https://sh.example.org', '\u00a0db.x', '\u2003db.x',
    ]) {
      assert.ok(!usesShellGlobals(text), text);
      assert.ok(!worksWithMongoDB(text, 'typescript', false), text);
    }
  });

  test('a playground always; a project that depends on the driver, asked last', () => {
    assert.ok(worksWithMongoDB('items.sort({ a: 1 })', 'mongodb', false));
    assert.ok(worksWithMongoDB('items.sort({ a: 1 })', 'javascript', true));
    assert.ok(!worksWithMongoDB('items.sort({ a: 1 })', 'javascript', false));
    let asked = 0;
    const project = () => (asked++, true);
    assert.ok(worksWithMongoDB('const uri = env.MONGO_URL', 'javascript', project));
    assert.equal(asked, 0, 'the text answered first');
    assert.ok(worksWithMongoDB('items.sort({ a: 1 })', 'python', project));
    assert.equal(asked, 1);
  });

  test('the bytes of a UTF-8 file read as latin1 give the answer of its text (the prefilter reads them so)', () => {
    const piece = fc.constantFrom('db', 'rs', 'sh', '.', 'find', 'orders', 'status', 'getName', 'mongo', 'MoNgO', 'mοngo', 'ᴍongo', 'ı', 'K', 'é', 'ſ', '_', '$', ' ', '\n', '\u00a0', '\u2003', '\u3000', '/', '@', '(', 'a', 'b', '"', 'ｍongo', 'motor_asyncio', 'MOTOR_TORNADO');
    checkProperty(
      'the evidence of latin1 bytes',
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 3, unit: 'grapheme' })), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        const latin1 = Buffer.from(text, 'utf8').toString('latin1');
        assert.equal(worksWithMongoDB(latin1, 'javascript', false), worksWithMongoDB(text, 'javascript', false), JSON.stringify(text));
      }),
      2000,
    );
  });
});

describe('the limits of driver calls in the analysis', () => {
  const RULES = ['document-duplicate-field', 'sort-duplicate-key', 'sort-too-many-keys'];
  const found = (text: string, languageId = 'typescript', settings = undefined as typeof DRIVER_PROJECT | undefined) =>
    problemsOf(text, languageId, { ruleIds: RULES, ...(settings ? { settings } : {}) }).map(([id]) => id);
  const call = 'export const save = (users: Users) => users.insertOne({ name: "a", name: "b" });\n';

  test('a file that shows nothing of MongoDB gets none, nor their hovers', () => {
    assert.deepEqual(found(call), []);
    assert.deepEqual(found('cart.items.sort({ price: 1, price: -1 });\n'), []);
    // A variable named db or rs used as something else: an IndexedDB database, a stream's state.
    assert.deepEqual(found('const top = results.sort({ score: -1, score: 1 });\ndb.close();\n'), []);
    assert.deepEqual(found('if (rs.length === 0) queue.insertOne({ id: 1, id: 2 });\n', 'javascript'), []);
    assert.deepEqual(found('rows = table.insert_one({"a": 1, "a": 2})\n', 'python'), []);
    assert.equal(hoverAt('const top = results.so|rt({ score: -1 });\n', 'typescript'), null);
  });

  test('the same calls in a file that imports the driver, uses db, or belongs to a driver project', () => {
    assert.deepEqual(found(`import { Collection } from "mongodb";\n${call}`), ['document-duplicate-field']);
    assert.deepEqual(found('db.cart.find().sort({ price: 1, price: -1 });\n', 'javascript'), ['sort-duplicate-key']);
    assert.deepEqual(found(call, 'typescript', DRIVER_PROJECT), ['document-duplicate-field']);
    assert.deepEqual(found('rows = table.insert_one({"a": 1, "a": 2})\n', 'python', DRIVER_PROJECT), ['document-duplicate-field']);
    assert.deepEqual(found('rows = db.table.insert_one({"a": 1, "a": 2})\n', 'python'), ['document-duplicate-field']);
    const motor = 'from motor.motor_asyncio import AsyncIOMotorCollection\n\nasync def add(orders: AsyncIOMotorCollection):\n    await orders.insert_one({"a": 1, "a": 2})\n';
    assert.deepEqual(found(motor, 'python'), ['document-duplicate-field']);
    assert.ok(hoverAt('const top = results.so|rt({ score: -1 });\n', 'typescript', DRIVER_PROJECT)?.contents.includes('32'));
  });
});
