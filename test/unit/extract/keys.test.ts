/**
 * Key classification: what a key path says of its value, in every format's spelling, and the cheap
 * range tests that let extractors skip keys without slicing them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { classifyKeyPath, classifyKeys, keyMayMatter, mayNameWithoutMongo } from '../../../server/src/service/extract/keys';
import { keyWords } from '../../../server/src/service/extract/keyWords';
import { checkProperty } from '../../helpers/fuzz';

const KINDS: Array<[string[], string | undefined]> = [
  [['MONGO_URL'], 'uri'],
  [['MONGODB_URI'], 'uri'],
  [['mongoUri'], 'uri'],
  [['mongo_dsn'], 'uri'],
  [['MONGO_CONN_STR'], 'uri'],
  [['MONGO_URI.'], 'uri'],
  [['spring.data.mongodb.uri'], 'uri'],
  [['spring', 'data', 'mongodb', 'uri'], 'uri'],
  [['mongo', 'uri'], 'uri'],
  [['mongodb', 'options', 'uri'], 'uri'],
  [['ConnectionStrings:Mongo'], 'uri'],
  [['ConnectionStrings__MongoDb'], 'uri'],
  [['connection_strings', 'mongo'], 'uri'],
  [['Mongo__ConnectionString'], 'uri'],
  [['DATABASE_URL'], 'uri-if-mongo'],
  [['REDIS_URL'], 'uri-if-mongo'],
  [['API_1_URL'], 'uri-if-mongo'],
  [['uri'], 'uri-if-mongo'],
  [['MONGO_DB'], 'database'],
  [['MongoDBName'], 'database'],
  [['mongo', 'database'], 'database'],
  [['mongodb', 'config', 'db'], 'database'],
  [['ORDERS_COLLECTION'], 'collection'],
  [['collectionName'], 'collection'],
  [['collection_name'], 'collection'],
  [['ATLAS_CLUSTER_NAME'], 'atlas-cluster'],
  [['MongoAtlasProjectName'], 'atlas-project'],
  [['atlas', 'orgName'], 'atlas-organization'],
  [['atlas.organization_name'], 'atlas-organization'],
  [['CLUSTER_NAME'], undefined],
  [['DB_NAME'], undefined],
  [['database'], undefined],
  [['MONGO_URI_2'], undefined],
  [['MONGO_HOST'], undefined],
  [['FEATURE_FLAGS'], undefined],
  [['mongo', 'db', 'name'], undefined],
  [[''], undefined],
  [['__'], undefined],
  [[], undefined],
];

describe('key classification', () => {
  it('classifies keys of every format', () => {
    for (const [path, kind] of KINDS) assert.equal(classifyKeyPath(path), kind, JSON.stringify(path));
  });

  it('classifies the same with the path given innermost first', () => {
    for (const [path, kind] of KINDS) {
      if (path.length === 0 || path.length > 3) continue;
      const [leaf, parent, grandparent] = [...path].reverse();
      assert.equal(classifyKeys(leaf, parent, grandparent), kind, JSON.stringify(path));
    }
  });

  it('splits keys into lower-case words', () => {
    assert.deepEqual(keyWords('MongoDBName'), ['mongo', 'db', 'name']);
    assert.deepEqual(keyWords('mongoUri'), ['mongo', 'uri']);
    assert.deepEqual(keyWords('MONGO_URI_2'), ['mongo', 'uri', '2']);
    assert.deepEqual(keyWords('__a-b c'), ['a', 'b', 'c']);
    assert.deepEqual(keyWords('ÉtéUri'), ['t', 'uri']);
    assert.deepEqual(keyWords(''), []);
  });

  it('tells keys that may matter from their range', () => {
    const doc = 'x MONGO_HOST=1 ORDERS_COLLECTION=2 API_URL=3 ATLAS_CLUSTER_NAME=4 FEATURE_FLAGS=5';
    const range = (key: string): [number, number] => [doc.indexOf(key), doc.indexOf(key) + key.length];
    assert.equal(keyMayMatter(doc, ...range('MONGO_HOST')), true);
    assert.equal(keyMayMatter(doc, ...range('API_URL')), true);
    assert.equal(keyMayMatter(doc, ...range('FEATURE_FLAGS')), false);
    assert.equal(mayNameWithoutMongo(doc, ...range('ORDERS_COLLECTION')), true);
    assert.equal(mayNameWithoutMongo(doc, ...range('ATLAS_CLUSTER_NAME')), true);
    assert.equal(mayNameWithoutMongo(doc, ...range('API_URL')), false);
    // A key without letters or digits leaves it to the keys before it (`[db.collection]` then `= x`).
    assert.equal(mayNameWithoutMongo(doc, 1, 2), true);
    assert.equal(classifyKeys('', 'db.collection'), 'collection');
  });

  const PIECES = [
    'mongo', 'MONGO', 'Mongo', 'mo', 'ngo', 'db', 'DB', 'Db', 'uri', 'URI', 'Url', 'dsn', 'str', 'String', 'conn', 'connection',
    'ConnectionStrings', 'database', 'name', 'NAME', 'Name', 'collection', 'COLLECTION', 'atlas', 'Atlas', 'cluster', 'project', 'org',
    '_', '__', '.', ':', '-', ' ', '1', 'x', 'é', '\u212a', '\u0130', '\u0015', '',
  ];
  const key = fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }).map((a) => a.join(''));

  it('range tests never rule out a key that says something', () => {
    checkProperty(
      'key range tests',
      fc.property(key, fc.option(key, { nil: undefined }), fc.string({ maxLength: 3 }), fc.string({ maxLength: 3 }), (k, parent, before, after) => {
        const doc = before + k + after;
        const from = before.length;
        const to = from + k.length;
        const kind = classifyKeys(k);
        if (!keyMayMatter(doc, from, to)) assert.equal(kind, undefined);
        // In a path none of whose keys mentions "mongo".
        if (!/mongo/i.test(k) && !/mongo/i.test(parent ?? '') && !mayNameWithoutMongo(doc, from, to)) {
          const inPath = classifyKeys(k, parent);
          assert.ok(kind === undefined || kind === 'uri-if-mongo', `${k}: ${kind}`);
          assert.ok(inPath === undefined || inPath === 'uri-if-mongo', `${parent} ${k}: ${inPath}`);
        }
      }),
      2000,
    );
  });

  it('a key with a letter or digit that keyMayMatter rules out says nothing whatever the keys above it (YAML relies on it)', () => {
    checkProperty(
      'keyMayMatter with parents',
      fc.property(key, key, key, (k, parent, grandparent) => {
        if (!/[A-Za-z0-9]/.test(k) || keyMayMatter(k, 0, k.length)) return;
        assert.equal(classifyKeys(k, parent), undefined, `${parent} ${k}`);
        assert.equal(classifyKeys(k, parent, grandparent), undefined, `${grandparent} ${parent} ${k}`);
      }),
      3000,
    );
  });
});
