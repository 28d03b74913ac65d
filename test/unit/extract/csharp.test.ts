import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { encodeForHost } from '../../../server/src/service/extract';
import { HostSyntax } from '../../../server/src/service/api';
import { assertOffsetsSane, found, texts } from './helpers';
import { loudProblems, problems } from '../../helpers/problems';

/** Round-tripped text is put after a scheme: under a connection-string key, only a connection string is one. */
const URI_PREFIX = 'mongodb://h/?appName=';

describe('C# extraction', () => {
  it('reads regular, verbatim, interpolated and raw strings and driver calls', () => {
    const doc = `var client = new MongoClient("mongodb://localhost:27017");
var db = client.GetDatabase("shop");
var orders = db.GetCollection<BsonDocument>("orders");
var verbatim = @"mongodb://u:p""q@h:1/db";
var interpolated = $"mongodb://{user}:{pass}@{host}:27017/{{x}}";
var raw = """
    mongodb://raw:27017/app
    """;
string MongoConnectionString = "h:27017";
var formatted = string.Format("mongodb://{0}:{1}/app", host, port);
char quote = '"';
`;
    assert.deepEqual(found(doc, 'csharp').map((v) => [v.kind, v.text, v.source]), [
      ['uri', 'mongodb://localhost:27017', 'mongodb://localhost:27017'],
      ['database', 'shop', 'shop'],
      ['collection', 'orders', 'orders'],
      ['uri', 'mongodb://u:p"q@h:1/db', 'mongodb://u:p""q@h:1/db'],
      ['uri', 'mongodb://${user}:${pass}@${host}:27017/{x}', 'mongodb://{user}:{pass}@{host}:27017/{{x}}'],
      ['uri', 'mongodb://raw:27017/app', 'mongodb://raw:27017/app'],
      ['uri', 'h:27017', 'h:27017'],
      ['uri', 'mongodb://${0}:${1}/app', 'mongodb://{0}:{1}/app'],
    ]);
    assertOffsetsSane(doc, 'csharp');
    assert.deepEqual(loudProblems(doc.split('\n').slice(0, 3).join('\n'), 'csharp'), []);
  });

  it('maps problems through verbatim quotes and escapes', () => {
    const doc = 'var a = @"mongodb://h""x:1";\nvar b = "mongodb://h:\\u0037\\u00300000";\n';
    assert.deepEqual(texts(doc, 'csharp'), ['mongodb://h"x:1', 'mongodb://h:700000']);
    assert.deepEqual(problems(doc, 'csharp').map(([id, s]) => [id, s]).filter(([id]) => id === 'port-invalid'), [['port-invalid', '\\u0037\\u00300000']]);
  });

  it('escapes replacements and reads them back', () => {
    const cases: Array<[HostSyntax, string, (e: string) => string]> = [
      ['csharp-regular', 'a"b\\c\n', (e) => `var mongoUri = "${e}";`],
      ['csharp-verbatim', 'C:\\x"y', (e) => `var mongoUri = @"${e}";`],
      ['csharp-interpolated', 'a{b}${c}"\\', (e) => `var mongoUri = $"${e}";`],
      ['csharp-verbatim-interpolated', 'a{b}${c}"\\', (e) => `var mongoUri = $@"${e}";`],
    ];
    for (const [syntax, s, wrap] of cases) {
      const v = { kind: 'uri' as const, text: '', start: 0, syntax };
      assert.deepEqual(texts(wrap(encodeForHost(v, URI_PREFIX + s)), 'csharp'), [URI_PREFIX + s], syntax);
    }
  });
});
