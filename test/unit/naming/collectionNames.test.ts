/** Collection names and namespaces: keys, driver calls and the database they belong to. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkCollectionName, namespaceLength } from '../../../server/src/service/rules/names';
import { hoverAt, problemsOf } from '../../helpers/problems';

const COLLECTION_RULES = ['collection-name-empty', 'collection-invalid-char', 'collection-name-reserved', 'collection-name-start'];
const NAMESPACE_RULES = ['namespace-too-long', 'namespace-not-shardable'];

describe('collection names', () => {
  it('driver calls in a Node.js service', () => {
    const js = [
      "import { MongoClient } from 'mongodb';",
      "const db = client.db('shop');",
      "const orders = db.collection('orders');",
      "const audit = db.collection('audit.system.log');",
      "const legacy = db.getCollection('system.jobs');",
      "const profile = db.getCollection('system.profile');",
      "const buckets = db.collection('system.buckets.weather');",
      "const daily = db.collection('2024_daily');",
      "const priv = db.collection('_private');",
      "const money = db.collection('prices\\u00242024');",
      '',
    ].join('\n');
    assert.deepEqual(problemsOf(js, 'javascript', { ruleIds: COLLECTION_RULES }), [
      ['collection-name-reserved', '.system.', 'error'],
      ['collection-name-reserved', 'system.', 'error'],
      ['collection-name-start', '2', 'info'],
      ['collection-invalid-char', '\\u0024', 'error'],
    ]);
  });

  it('a $ that starts a template placeholder ($COLLECTION, ${name}) is not reported', () => {
    const js = "const c = db.collection('events_${suffix}');\nconst d = db.collection(`$EVENTS`);\n";
    assert.deepEqual(problemsOf(js, 'javascript', { ruleIds: COLLECTION_RULES }), []);
  });

  it('configuration keys: *_COLLECTION in .env and YAML', () => {
    const env = 'ORDERS_COLLECTION=orders\nEVENTS_COLLECTION=9events\n';
    assert.deepEqual(problemsOf(env, 'dotenv', { ruleIds: COLLECTION_RULES }), [['collection-name-start', '9', 'info']]);
    const yaml = 'mongodb:\n  database: shop\n  collection: "system.cache"\n';
    assert.deepEqual(problemsOf(yaml, 'yaml', { ruleIds: COLLECTION_RULES }), [['collection-name-reserved', 'system.', 'error']]);
  });

  it('letters of any script and the underscore may begin a name', () => {
    for (const name of ['Bestellungen', 'заказы', '注文', '_tmp', 'a$'.slice(0, 1)]) assert.deepEqual(checkCollectionName(name), [], name);
  });

  it('the null character and the empty name', () => {
    assert.deepEqual(checkCollectionName('a\u0000b').map((i) => [i.ruleId, i.start]), [['collection-invalid-char', 1]]);
    assert.deepEqual(checkCollectionName('').map((i) => i.ruleId), ['collection-name-empty']);
  });
});

describe('namespaces <database>.<collection>', () => {
  const db = 'analytics';
  const justUnder = 'c'.repeat(235 - db.length - 1); // namespace of 235 bytes
  const shardLimit = 'c'.repeat(236 - db.length - 1); // 236 bytes
  const atLimit = 'c'.repeat(255 - db.length - 1); // 255 bytes
  const over = 'c'.repeat(256 - db.length - 1); // 256 bytes

  it('counts both names and the dot', () => {
    assert.equal(namespaceLength(db, justUnder).bytes, 235);
    assert.equal(namespaceLength(db, over).bytes, 256);
  });

  it('a chain client.db("x").collection("y"): over 235 bytes cannot be sharded, over 255 is an error', () => {
    const js = (c: string) => `import { MongoClient } from 'mongodb';\nconst events = client.db("${db}").collection("${c}");\n`;
    assert.deepEqual(problemsOf(js(justUnder), 'javascript', { ruleIds: NAMESPACE_RULES }), []);
    assert.deepEqual(problemsOf(js(shardLimit), 'javascript', { ruleIds: NAMESPACE_RULES }), [['namespace-not-shardable', shardLimit, 'warning']]);
    assert.deepEqual(problemsOf(js(atLimit), 'javascript', { ruleIds: NAMESPACE_RULES }), [['namespace-not-shardable', atLimit, 'warning']]);
    assert.deepEqual(problemsOf(js(over), 'javascript', { ruleIds: NAMESPACE_RULES }), [['namespace-too-long', over, 'error']]);
  });

  it('Python subscripts client["x"]["y"]', () => {
    const py = `from pymongo import MongoClient\nevents = client["${db}"]["${over}"]\n`;
    assert.deepEqual(problemsOf(py, 'python', { ruleIds: NAMESPACE_RULES }), [['namespace-too-long', over, 'error']]);
  });

  it('MONGO_DB and MONGO_COLLECTION keys in one file', () => {
    const env = `MONGO_DB=${db}\nMONGO_COLLECTION=${over}\n`;
    assert.deepEqual(problemsOf(env, 'dotenv', { ruleIds: NAMESPACE_RULES }), [['namespace-too-long', over, 'error']]);
  });

  it('the database of the connection string with a collection key', () => {
    const env = `MONGODB_URI=mongodb://db:27017/${db}\nEVENTS_COLLECTION=${shardLimit}\n`;
    assert.deepEqual(problemsOf(env, 'dotenv', { ruleIds: NAMESPACE_RULES }), [['namespace-not-shardable', shardLimit, 'warning']]);
  });

  it('near miss: two databases and a collection that is not chained to either are not paired', () => {
    const env = `MONGO_DB=${db}\nREPORTS_MONGO_DB=reports\nMONGO_COLLECTION=${over}\n`;
    assert.deepEqual(problemsOf(env, 'dotenv', { ruleIds: NAMESPACE_RULES }), []);
  });

  it('hover on a collection shows the namespace and its size', () => {
    const h = hoverAt(`import { MongoClient } from 'mongodb';\nconst c = client.db("${db}").collection("ev|ents");\n`, 'javascript')!;
    assert.equal(h.under, 'events');
    assert.match(h.contents, /Namespace `analytics\.events`: 16 bytes \(at most 255; 235 to be shardable\)/);
    assert.match(h.contents, /cannot be sharded|can only be sharded/);
  });
});
