/** Sharding in code: shard key index types, monotonically increasing ranged keys, unique indexes on sharded collections. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeDocument } from '../../../server/src/service/languageService';
import { hoverAt as hoverIn, problemsOf, DRIVER_PROJECT } from '../../helpers/problems';

/** Hovers in a file of a project that uses the driver. */
const hoverAt = (marked: string, languageId: string) => hoverIn(marked, languageId, DRIVER_PROJECT);

const RULES = ['shard-key-monotonic', 'shard-key-index-type', 'unique-index-not-shard-key-prefix'];
const found = (text: string, languageId = 'javascript') => problemsOf(text, languageId, { ruleIds: RULES, settings: DRIVER_PROJECT });

describe('monotonically increasing shard keys', () => {
  it('a single ascending key on _id, a timestamp or a counter: a hint with a fix to "hashed"', () => {
    for (const field of ['_id', 'createdAt', 'created_at', 'updatedAt', 'timestamp', 'ts', 'eventTime', 'orderDate', 'seq', 'counter']) {
      assert.deepEqual(found(`sh.shardCollection("shop.orders", { ${field}: 1 });\n`), [['shard-key-monotonic', field, 'hint']], field);
    }
    const text = `sh.shardCollection("shop.orders", { createdAt: 1 });\n`;
    const p = analyzeDocument({ uri: 'file:///s.js', languageId: 'javascript', text }, DRIVER_PROJECT).problems.find((q) => q.ruleId === 'shard-key-monotonic')!;
    const fix = p.data as { replacement: string; replaceSpan: { start: number; end: number } };
    assert.equal(text.slice(0, fix.replaceSpan.start) + fix.replacement + text.slice(fix.replaceSpan.end), `sh.shardCollection("shop.orders", { createdAt: "hashed" });\n`);
  });

  it('hashed keys, compound keys and fields that do not grow are fine', () => {
    for (const key of ['{ _id: "hashed" }', '{ customerId: 1, createdAt: 1 }', '{ userId: 1 }', '{ region: 1 }', '{ status: 1 }', '{ attempts: 1 }']) {
      assert.deepEqual(found(`sh.shardCollection("shop.orders", ${key});\n`), [], key);
    }
  });

  it('the shardCollection command and Python admin.command', () => {
    assert.deepEqual(found(`db.adminCommand({ shardCollection: "shop.events", key: { timestamp: 1 } });\n`), [['shard-key-monotonic', 'timestamp', 'hint']]);
    assert.deepEqual(found(`client.admin.command("shardCollection", "shop.events", key={"created_at": 1})\n`, 'python'), [['shard-key-monotonic', 'created_at', 'hint']]);
    assert.deepEqual(found(`client.admin.command("shardCollection", "shop.events", key={"created_at": "hashed"})\n`, 'python'), []);
    assert.deepEqual(found(`client.admin.command({"shardCollection": "shop.events", "key": {"_id": 1}})\n`, 'python'), [['shard-key-monotonic', '_id', 'hint']]);
  });
});

describe('shard key index types', () => {
  it('descending, text, geospatial and wildcard keys are errors', () => {
    assert.deepEqual(found(`sh.shardCollection("shop.orders", { customerId: -1 });\n`), [['shard-key-index-type', '-1', 'error']]);
    assert.deepEqual(found(`sh.shardCollection("shop.orders", { title: "text" });\n`), [['shard-key-index-type', 'text', 'error']]);
    assert.deepEqual(found(`sh.shardCollection("geo.places", { region: 1, loc: "2dsphere" });\n`), [['shard-key-index-type', '2dsphere', 'error']]);
    assert.deepEqual(found(`sh.shardCollection("geo.places", { "$**": 1 });\n`), [['shard-key-index-type', '$**', 'error']]);
    assert.deepEqual(found(`client.admin.command("shardCollection", "geo.places", key={"loc": "2d"})\n`, 'python'), [['shard-key-index-type', '2d', 'error']]);
  });
});

describe('unique indexes on a collection sharded in the same file', () => {
  it('after use("shop"): db.orders ↔ "shop.orders"; keys that start with the shard key are fine', () => {
    const js = (keys: string) => `use("shop");\nsh.shardCollection("shop.orders", { customerId: 1, orderNo: 1 });\ndb.orders.createIndex(${keys}, { unique: true });\n`;
    assert.deepEqual(found(js('{ orderNo: 1 }')), [['unique-index-not-shard-key-prefix', 'orderNo', 'error']]);
    assert.deepEqual(found(js('{ customerId: 1 }')), [['unique-index-not-shard-key-prefix', 'customerId', 'error']]);
    // Every shard key field in the index, but not in front and in order.
    assert.deepEqual(found(js('{ orderNo: 1, customerId: 1 }')), [['unique-index-not-shard-key-prefix', 'orderNo', 'error']]);
    assert.deepEqual(found(js('{ sku: 1, customerId: 1, orderNo: 1 }')), [['unique-index-not-shard-key-prefix', 'sku', 'error']]);
    assert.deepEqual(found(js('{ customerId: 1, orderNo: 1, sku: 1 }')), []);
  });

  it('the index may come first; getSiblingDB and getCollection name the namespace too', () => {
    const js = `db.getSiblingDB("shop").getCollection("users").createIndex({ email: 1 }, { unique: true });\nsh.shardCollection("shop.users", { _id: "hashed" });\n`;
    assert.deepEqual(found(js), [['unique-index-not-shard-key-prefix', 'email', 'error']]);
    const other = `use("shop");\nsh.shardCollection("shop.users", { tenant: 1 });\ndb.accounts.createIndex({ email: 1 }, { unique: true });\ndb.users.createIndex({ email: 1 });\n`;
    assert.deepEqual(found(other), []);
  });

  it('a comment line ending in a period before the call is no part of its receiver', () => {
    const js = `use("shop")\nsh.shardCollection("shop.users", { tenantId: 1 })\n// Unique per tenant only.\ndb.users.createIndex({ email: 1 }, { unique: true })\n`;
    assert.deepEqual(found(js), [['unique-index-not-shard-key-prefix', 'email', 'error']]);
  });

  it('without a known database nothing is related', () => {
    assert.deepEqual(found(`sh.shardCollection("shop.orders", { customerId: 1 });\ndb.orders.createIndex({ orderNo: 1 }, { unique: true });\n`), []);
  });

  it('Python: db = client["shop"] and create_index with unique=True', () => {
    const py = (keys: string) => `db = client["shop"]\nclient.admin.command("shardCollection", "shop.orders", key={"customerId": 1})\ndb.orders.create_index(${keys}, unique=True)\n`;
    assert.deepEqual(found(py('[("orderNo", 1)]'), 'python'), [['unique-index-not-shard-key-prefix', 'orderNo', 'error']]);
    assert.deepEqual(found(py('"orderNo"'), 'python'), [['unique-index-not-shard-key-prefix', 'orderNo', 'error']]);
    assert.deepEqual(found(py('[("customerId", 1), ("orderNo", 1)]'), 'python'), []);
  });
});

describe('hover on shardCollection', () => {
  it('states the shard key restrictions', () => {
    const h = hoverAt(`sh.shard|Collection("shop.orders", { customerId: 1 });\n`, 'javascript')!;
    assert.equal(h.under, 'shardCollection');
    assert.match(h.contents, /must start with the shard key/);
    assert.match(h.contents, /`"hashed"`/);
  });
});
