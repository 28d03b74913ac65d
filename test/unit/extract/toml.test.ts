import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { encodeForHost } from '../../../server/src/service/extract';
import { HostSyntax } from '../../../server/src/service/api';
import { assertOffsetsSane, found, texts } from './helpers';
import { loudProblems, problems } from '../../helpers/problems';

/** Round-tripped text is put after a scheme: under a connection-string key, only a connection string is one. */
const URI_PREFIX = 'mongodb://h/?appName=';

describe('TOML extraction', () => {
  it('follows tables, dotted keys, arrays and inline tables', () => {
    const doc = `title = "app"
[database.mongo]
uri = "mongodb://h:27017/app"   # primary
name = 'app'
[[workers]]
mongo.url = 'w1:27017'
hosts = [
  "mongodb://a:1",  # first
  'mongodb://b:2',
]
cache = { mongo_uri = "c:27017", db = "x", nested = { collection = "jobs" } }
port = 8080
`;
    assert.deepEqual(found(doc, 'toml').map((v) => [v.kind, v.text, v.key]), [
      ['uri', 'mongodb://h:27017/app', 'database.mongo.uri'],
      ['uri', 'w1:27017', 'workers.mongo.url'],
      ['uri', 'mongodb://a:1', 'workers.hosts'],
      ['uri', 'mongodb://b:2', 'workers.hosts'],
      ['uri', 'c:27017', 'workers.cache.mongo_uri'],
      ['collection', 'jobs', 'workers.cache.nested.collection'],
    ]);
    assertOffsetsSane(doc, 'toml');
  });

  it('decodes basic and multi-line strings with exact ranges', () => {
    const doc = `a = "mongodb://u:p\\u0040ss@h:70000"
b = """
mongodb://h1:27017,\\
    h2:99999/db"""
c = '''mongodb://x:1/\\d'''
d = 'C:\\path mongodb://y:2'
`;
    assert.deepEqual(texts(doc, 'toml'), ['mongodb://u:p@ss@h:70000', 'mongodb://h1:27017,h2:99999/db', 'mongodb://x:1/\\d', 'mongodb://y:2']);
    const p = problems(doc, 'toml').filter(([id]) => id === 'port-invalid' || id === 'userinfo-unescaped');
    assert.deepEqual(p, [
      ['userinfo-unescaped', '\\u0040'],
      ['port-invalid', '70000'],
      ['port-invalid', '99999'],
    ]);
    assertOffsetsSane(doc, 'toml');
  });

  it('reports a missing scheme under a connection-string key', () => {
    assert.deepEqual(loudProblems('[mongodb]\nuri = "h:27017"\n', 'toml'), [['scheme-invalid', 'h:27017']]);
  });

  it('is linear on deep nesting and unterminated strings', () => {
    assert.deepEqual(texts('a = ' + '['.repeat(100_000) + '"mongodb://h:1"', 'toml'), ['mongodb://h:1']);
    assert.deepEqual(texts('a = """mongodb://h:1\n' + 'x = 1\n'.repeat(1000), 'toml').length, 1);
  });

  it('escapes replacements and reads them back', () => {
    const cases: Array<[HostSyntax, string, (e: string) => string]> = [
      ['toml-basic', 'a"b\\c\n\t\u0001', (e) => `MONGO_URI = "${e}"`],
      ['toml-ml-basic', 'a"b\\c', (e) => `MONGO_URI = """${e}"""`],
      ['toml-literal', 'C:\\x"', (e) => `MONGO_URI = '${e}'`],
      ['toml-ml-literal', "it's\\", (e) => `MONGO_URI = '''${e}'''`],
    ];
    for (const [syntax, s, wrap] of cases) {
      const v = { kind: 'uri' as const, text: '', start: 0, syntax };
      assert.deepEqual(texts(wrap(encodeForHost(v, URI_PREFIX + s)), 'toml'), [URI_PREFIX + s], syntax);
    }
  });
});
