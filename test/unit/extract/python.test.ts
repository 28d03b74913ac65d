import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { encodeForHost } from '../../../server/src/service/extract';
import { HostSyntax } from '../../../server/src/service/api';
import { assertOffsetsSane, found, texts } from './helpers';
import { loudProblems, problems } from '../../helpers/problems';

/** Round-tripped text is put after a scheme: under a connection-string key, only a connection string is one. */
const URI_PREFIX = 'mongodb://h/?appName=';

describe('Python extraction', () => {
  it('finds connection strings, pymongo databases and collections', () => {
    const doc = `import os
from pymongo import MongoClient
MONGO_URI = os.getenv("MONGO_URI", "localhost:27017")
MONGO_URL: str = os.environ.get("MONGO_URL") or "mongodb://fallback:27017/app"
client = MongoClient(f"mongodb://{user}:{password}@{host}:27017/{db}?authSource=admin")
db = client["shop"]
orders = db["orders"]
users = client["crm"]["users"]
events = client.get_database("analytics").get_collection("events")
config = {"uri": "mongodb://h:2", 'mongo_uri': 'h:3'}
labels = data["name"]
`;
    assert.deepEqual(found(doc, 'python').map((v) => [v.kind, v.text, v.key]), [
      ['uri', 'localhost:27017', 'MONGO_URI'],
      ['uri', 'mongodb://fallback:27017/app', 'MONGO_URL'],
      ['uri', 'mongodb://${user}:${password}@${host}:27017/${db}?authSource=admin', undefined],
      ['database', 'shop', undefined],
      ['collection', 'orders', undefined],
      ['database', 'crm', undefined],
      ['collection', 'users', undefined],
      ['database', 'analytics', undefined],
      ['collection', 'events', undefined],
      ['uri', 'mongodb://h:2', 'uri'],
      ['uri', 'h:3', 'mongo_uri'],
    ]);
  });

  it('reads string prefixes, raw strings, triple quotes and format strings', () => {
    const doc = `a = r"mongodb://h:1/\\d"
b = rb'mongodb://h:2'
c = """
Connect with mongodb://localhost:27017/docs
"""
d = "mongodb://%s:%s@%s:%d/app" % (u, p, h, port)
e = "mongodb://{}:{}@{host}:27017".format(u, p, host=h)
f = F'mongodb://{{literal}}:{port}/x'
g = "mongodb://" "h:3"
`;
    assert.deepEqual(texts(doc, 'python'), [
      'mongodb://h:1/\\d',
      'mongodb://h:2',
      'mongodb://localhost:27017/docs',
      'mongodb://${s}:${s}@${s}:${d}/app',
      'mongodb://${}:${}@${host}:27017',
      'mongodb://{literal}:${port}/x',
      'mongodb://h:3',
    ]);
    assert.deepEqual(loudProblems(doc.split('\n').slice(5, 7).join('\n'), 'python'), []);
    assertOffsetsSane(doc, 'python');
  });

  it('maps problems through escapes', () => {
    const doc = 'uri = "mongodb://u:p\\x40ss@h:70000"\n';
    assert.deepEqual(problems(doc, 'python'), [
      ['userinfo-unescaped', '\\x40'],
      ['port-invalid', '70000'],
    ]);
  });

  it('escapes replacements and reads them back', () => {
    const cases: Array<[HostSyntax, string, (e: string) => string]> = [
      ['python-double', 'a"b\\c\n', (e) => `MONGO_URI = "${e}"`],
      ['python-single', "it's", (e) => `MONGO_URI = '${e}'`],
      ['python-f-double', 'x{y}${z}"', (e) => `MONGO_URI = f"${e}"`],
      ['python-raw', 'C:\\path', (e) => `MONGO_URI = r"${e}"`],
    ];
    for (const [syntax, s, wrap] of cases) {
      const v = { kind: 'uri' as const, text: '', start: 0, syntax };
      assert.deepEqual(texts(wrap(encodeForHost(v, URI_PREFIX + s)), 'python'), [URI_PREFIX + s], syntax);
    }
  });
});
