/** Text and 2d indexes take only the simple collation. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { problemsOf, DRIVER_PROJECT } from '../../helpers/problems';

const found = (text: string, languageId = 'javascript') => problemsOf(text, languageId, { ruleIds: ['index-collation-not-simple'], settings: DRIVER_PROJECT });

describe('text and 2d indexes with a collation', () => {
  it('createIndex: a text or 2d key with locale "fr" is an error; "simple", no collation, or other index types are fine', () => {
    assert.deepEqual(found('await articles.createIndex({ body: "text" }, { collation: { locale: "fr" } });\n'), [['index-collation-not-simple', 'collation', 'error']]);
    assert.deepEqual(found('await places.createIndex({ loc: "2d" }, { name: "loc", collation: { locale: "en", strength: 2 } });\n', 'typescript'), [['index-collation-not-simple', 'collation', 'error']]);
    assert.deepEqual(found('await articles.createIndex({ body: "text" }, { collation: { locale: "simple" } });\n'), []);
    assert.deepEqual(found('await articles.createIndex({ body: "text" }, { name: "body_text" });\n'), []);
    assert.deepEqual(found('await places.createIndex({ loc: "2dsphere" }, { collation: { locale: "fr" } });\n'), []);
    assert.deepEqual(found('await users.createIndex({ name: 1 }, { collation: { locale: "fr", strength: 1 } });\n'), []);
    assert.deepEqual(found('await users.createIndex({ name: 1 }, { collation: frenchCollation });\n'), []);
  });

  it('playgrounds: ensureIndex and createIndexes models', () => {
    assert.deepEqual(found('db.articles.ensureIndex({ title: "text", body: "text" }, { collation: { locale: "de" } })\n', 'mongodb'), [['index-collation-not-simple', 'collation', 'error']]);
    const models = `db.articles.createIndexes([
  { key: { title: 1 }, name: "t", collation: { locale: "fr" } },
  { key: { body: "text" }, name: "b", collation: { locale: "fr" } },
  { key: { loc: "2d" }, name: "l", collation: { locale: "simple" } },
]);
`;
    assert.deepEqual(found(models, 'mongodb'), [['index-collation-not-simple', 'collation', 'error']]);
  });

  it('Python: create_index with TEXT / GEO2D and a Collation', () => {
    assert.deepEqual(found('articles.create_index([("body", TEXT)], collation=Collation("fr"))\n', 'python'), [['index-collation-not-simple', 'collation', 'error']]);
    assert.deepEqual(found('places.create_index([("loc", pymongo.GEO2D)], collation=Collation(locale="en_US"))\n', 'python'), [['index-collation-not-simple', 'collation', 'error']]);
    assert.deepEqual(found('articles.create_index([("body", "text")], collation={"locale": "fr"})\n', 'python'), [['index-collation-not-simple', 'collation', 'error']]);
    assert.deepEqual(found('articles.create_index([("body", TEXT)], collation=Collation(locale="simple"))\n', 'python'), []);
    assert.deepEqual(found('articles.create_index([("body", ASCENDING)], collation=Collation("fr"))\n', 'python'), []);
    assert.deepEqual(found('articles.create_index([("body", "TEXT")], collation=Collation("fr"))\n', 'python'), []);
  });
});
