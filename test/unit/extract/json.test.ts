import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { extractValues, encodeForHost } from '../../../server/src/service/extract';
import { assertOffsetsSane, found, texts } from './helpers';
import { loudProblems, problems } from '../../helpers/problems';

describe('JSON extraction', () => {
  it('finds connection strings by scheme and by key, with key paths', () => {
    const doc = `{
  "ConnectionStrings": {
    "Orders": "mongodb+srv://orders:pw@cluster0.example.mongodb.net/orders",
    "MongoCatalog": "catalog.example.com:27017",
    "Sql": "Server=sql;Database=x"
  },
  "MongoDB": { "ConnectionString": "mongodb://localhost:27017", "DatabaseName": "shop", "CollectionName": "orders" },
  "MONGO_URI": "mongo-1:27017",
  "DATABASE_URL": "postgres://u@h/db",
  "description": "Run mongosh mongodb://localhost:27017/test to try it",
  "hosts": ["mongodb://a:27017", 42, true, null]
}`;
    assert.deepEqual(found(doc, 'json'), [
      { kind: 'uri', text: 'mongodb+srv://orders:pw@cluster0.example.mongodb.net/orders', source: 'mongodb+srv://orders:pw@cluster0.example.mongodb.net/orders', key: 'ConnectionStrings.Orders' },
      { kind: 'uri', text: 'catalog.example.com:27017', source: 'catalog.example.com:27017', key: 'ConnectionStrings.MongoCatalog' },
      { kind: 'uri', text: 'mongodb://localhost:27017', source: 'mongodb://localhost:27017', key: 'MongoDB.ConnectionString' },
      { kind: 'database', text: 'shop', source: 'shop', key: 'MongoDB.DatabaseName' },
      { kind: 'collection', text: 'orders', source: 'orders', key: 'MongoDB.CollectionName' },
      { kind: 'uri', text: 'mongo-1:27017', source: 'mongo-1:27017', key: 'MONGO_URI' },
      { kind: 'uri', text: 'mongodb://localhost:27017/test', source: 'mongodb://localhost:27017/test' },
      { kind: 'uri', text: 'mongodb://a:27017', source: 'mongodb://a:27017', key: 'hosts' },
    ]);
  });

  it('maps problems through \\u0040, \\/ and \\" escapes to the exact characters', () => {
    const doc = '{ "uri": "mongodb:\\/\\/u:p\\u0040ss@h:70000\\/db" }';
    assert.deepEqual(texts(doc, 'json'), ['mongodb://u:p@ss@h:70000/db']);
    assert.deepEqual(problems(doc, 'json'), [
      ['userinfo-unescaped', '\\u0040'],
      ['port-invalid', '70000'],
    ]);
    const quoted = '{"MONGODB_URI":"mongodb://h/?appName=\\"x\\"&journal=\\u0079es"}';
    const p = problems(quoted, 'json').filter(([id]) => id === 'option-invalid-value');
    assert.deepEqual(p, [['option-invalid-value', '\\u0079es']]);
    assertOffsetsSane(doc, 'json');
    assertOffsetsSane(quoted, 'json');
  });

  it('reports a missing scheme on a key that holds a connection string', () => {
    const doc = '{"MongoDb": {"ConnectionString": "localhost:27017"}}';
    assert.deepEqual(loudProblems(doc, 'json'), [['scheme-invalid', 'localhost:27017']]);
  });

  it('takes DATABASE_URL only when the value is a MongoDB one', () => {
    assert.deepEqual(texts('{"DATABASE_URL": "localhost:5432"}', 'json'), []);
    assert.deepEqual(texts('{"DATABASE_URL": "mongo://h:27017"}', 'json'), ['mongo://h:27017']);
  });

  it('keeps placeholders opaque', () => {
    const doc = '{"uri": "mongodb://${DB_USER}:${DB_PASS}@${DB_HOST}:27017/app", "b": "mongodb://{{ .Values.user }}:<password>@h:99999"}';
    assert.deepEqual(loudProblems(doc, 'json'), [['port-invalid', '99999']]);
  });

  it('skips values that are only a placeholder and empty values', () => {
    assert.deepEqual(texts('{"MONGO_URI": "${MONGO_URI}", "mongoUrl": ""}', 'json'), []);
  });

  it('reads JSON with comments and trailing commas', () => {
    const doc = `{
  // local: mongodb://localhost:27017/dev
  /* mongodb://u:p@ss@h */
  "mongo": { "uri": "mongodb://h:1/db", },
}`;
    assert.deepEqual(texts(doc, 'jsonc'), ['mongodb://localhost:27017/dev', 'mongodb://u:p@ss@h', 'mongodb://h:1/db']);
  });

  it('survives broken JSON', () => {
    assert.deepEqual(texts('{"a": "mongodb://h:1", "b": [ "mongodb://x', 'json'), ['mongodb://h:1', 'mongodb://x']);
    assert.deepEqual(texts('{"a": "mongodb://h\\', 'json'), ['mongodb://h\\']);
  });

  it('finds a connection string whose scheme is written with escapes', () => {
    const doc = '{"hosts": ["\\u006dongodb://h:1/a"], "url": "\\u006Dongodb+srv://c.x.net/b", "other": "\\u0078"}';
    assert.deepEqual(found(doc, 'json').map((v) => [v.text, v.source, v.key]), [
      ['mongodb://h:1/a', '\\u006dongodb://h:1/a', 'hosts'],
      ['mongodb+srv://c.x.net/b', '\\u006Dongodb+srv://c.x.net/b', 'url'],
    ]);
  });

  it('escapes replacements for JSON and reads them back', () => {
    // After a scheme: under a connection-string key only a connection string is one.
    for (const s of ['mongodb://u:p%40ss@h/db', 'mongodb://h/?appName=a"b\\c', 'mongodb://h/?appName=line\nbreak\ttab\u0001', 'mongodb://h/slash/', 'mongodb://h/?appName=ünï']) {
      const v = extractValues('{"MONGO_URI": "mongodb://x"}', 'json', 'u')[0];
      const doc = `{"MONGO_URI": "${encodeForHost(v, s)}"}`;
      assert.deepEqual(texts(doc, 'json'), [s], JSON.stringify(s));
    }
  });
});
