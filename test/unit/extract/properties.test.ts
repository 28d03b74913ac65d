import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { encodeForHost } from '../../../server/src/service/extract';
import { assertOffsetsSane, found, texts } from './helpers';
import { loudProblems, problems } from '../../helpers/problems';

/** Round-tripped text is put after a scheme: under a connection-string key, only a connection string is one. */
const URI_PREFIX = 'mongodb://h/?appName=';

describe('properties extraction', () => {
  it('reads the three separators, comments and continuation lines', () => {
    const doc = `# Spring Boot
! also a comment mongodb://c:1
spring.data.mongodb.uri=mongodb://inventory@mongo-1:27017,\\
    mongo-2:27017/inventory
spring.data.mongodb.database: inventory
mongo.url localhost:27017
app.name = inventory
`;
    assert.deepEqual(found(doc, 'properties').map((v) => [v.kind, v.text, v.key]), [
      ['uri', 'mongodb://c:1', undefined],
      ['uri', 'mongodb://inventory@mongo-1:27017,mongo-2:27017/inventory', 'spring.data.mongodb.uri'],
      ['database', 'inventory', 'spring.data.mongodb.database'],
      ['uri', 'localhost:27017', 'mongo.url'],
    ]);
    assertOffsetsSane(doc, 'properties');
  });

  it('decodes \\uXXXX, \\:, \\= and \\\\ with exact ranges', () => {
    const doc = 'mongodb.uri=mongodb\\://u\\:p\\u0040ss@h\\:70000/db?appName\\=a\\\\b   \n';
    assert.deepEqual(texts(doc, 'properties'), ['mongodb://u:p@ss@h:70000/db?appName=a\\b']);
    assert.deepEqual(
      problems(doc, 'properties').filter(([id]) => id === 'port-invalid' || id === 'userinfo-unescaped'),
      [
        ['userinfo-unescaped', '\\u0040'],
        ['port-invalid', '70000'],
      ],
    );
  });

  it('reports a missing scheme under a connection-string key', () => {
    assert.deepEqual(loudProblems('spring.data.mongodb.uri=mongo.example.com:27017\n', 'properties'), [['scheme-invalid', 'mongo.example.com:27017']]);
  });

  it('escapes replacements and reads them back', () => {
    for (const s of ['mongodb://h/db?x=a\\b', ' leading space', 'tab\there', 'ünï:=#!']) {
      const v = { kind: 'uri' as const, text: '', start: 0, syntax: 'properties' as const };
      assert.deepEqual(texts(`mongodb.uri=${encodeForHost(v, URI_PREFIX + s)}\n`, 'properties'), [URI_PREFIX + s], s);
    }
  });
});

describe('INI extraction', () => {
  it('uses sections for key paths, reads quotes and comments', () => {
    const doc = `; app settings
[mongodb]
uri = mongodb://h:27017/app ; primary
database = app
[cache]
url = "redis://r:6379"
[mongo.reports]
url: "r1:27017"
# mongodb://legacy:27017
`;
    assert.deepEqual(found(doc, 'ini').map((v) => [v.kind, v.text, v.key]), [
      ['uri', 'mongodb://h:27017/app', 'mongodb.uri'],
      ['database', 'app', 'mongodb.database'],
      ['uri', 'r1:27017', 'mongo.reports.url'],
      ['uri', 'mongodb://legacy:27017', undefined],
    ]);
    assert.deepEqual(loudProblems(doc, 'ini'), [['scheme-invalid', 'r1:27017']]);
  });
});
