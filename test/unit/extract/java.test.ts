import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { encodeForHost } from '../../../server/src/service/extract';
import { HostSyntax } from '../../../server/src/service/api';
import { assertOffsetsSane, found, texts } from './helpers';
import { problems } from '../../helpers/problems';

/** Round-tripped text is put after a scheme: under a connection-string key, only a connection string is one. */
const URI_PREFIX = 'mongodb://h/?appName=';

describe('Java extraction', () => {
  it('reads strings, text blocks, annotations and driver calls', () => {
    const doc = `@Document(collection = "orders")
public class Order {
  @Value("\${spring.data.mongodb.uri}") String uri;
  private static final String MONGO_URI = "mongodb://localhost:27017/shop";
  char quote = '"';
  String block = """
      mongodb://block:27017/app?\\
      w=majority
      """;
  MongoDatabase db = client.getDatabase("shop");
  MongoCollection<Document> c = db.getCollection("orders");
  String f = String.format("mongodb://%s:%d/app", host, port);
  Document d = new Document("name", "x");
}
@Document("customers") class Customer {}
`;
    assert.deepEqual(found(doc, 'java').map((v) => [v.kind, v.text, v.key]), [
      ['collection', 'orders', 'collection'],
      ['uri', 'mongodb://localhost:27017/shop', 'MONGO_URI'],
      ['uri', 'mongodb://block:27017/app?w=majority\n', 'block'],
      ['database', 'shop', undefined],
      ['collection', 'orders', undefined],
      ['uri', 'mongodb://${s}:${d}/app', undefined],
      ['collection', 'customers', undefined],
    ]);
    assertOffsetsSane(doc, 'java');
  });

  it('maps problems inside a text block', () => {
    const doc = 'String s = """\n    mongodb://h:70000/a\\u0022x\n    """;\n';
    assert.deepEqual(texts(doc, 'java'), ['mongodb://h:70000/a"x\n']);
    assert.deepEqual(problems(doc, 'java').filter(([id]) => id === 'port-invalid' || id === 'database-invalid-char'), [
      ['port-invalid', '70000'],
      ['database-invalid-char', '\\u0022'],
    ]);
  });

  it('escapes replacements and reads them back', () => {
    const cases: Array<[HostSyntax, string, (e: string) => string]> = [
      ['java-double', 'a"b\\c\n', (e) => `String MONGO_URI = "${e}";`],
      ['java-text-block', 'a"""b\\c', (e) => `String MONGO_URI = """\n${e}""";`],
    ];
    for (const [syntax, s, wrap] of cases) {
      const v = { kind: 'uri' as const, text: '', start: 0, syntax };
      assert.deepEqual(texts(wrap(encodeForHost(v, URI_PREFIX + s)), 'java'), [URI_PREFIX + s], syntax);
    }
  });
});

describe('Kotlin extraction', () => {
  it('keeps string templates and reads raw strings', () => {
    const doc = `val mongoUri: String = System.getenv("MONGO_URI") ?: "localhost:27017"
val t = "mongodb://$user:\${pass}@$host:27017/app"
val raw = """mongodb://raw:1/x"""
val db = client.getDatabase("shop")
val c = 'x'
`;
    assert.deepEqual(found(doc, 'kotlin').map((v) => [v.kind, v.text, v.key]), [
      ['uri', 'localhost:27017', 'MONGO_URI'],
      ['uri', 'mongodb://$user:${pass}@$host:27017/app', 't'],
      ['uri', 'mongodb://raw:1/x', 'raw'],
      ['database', 'shop', undefined],
    ]);
    assert.deepEqual(problems(doc, 'kotlin'), [['scheme-invalid', 'localhost:27017']]);
  });

  it('escapes replacements and reads them back', () => {
    const v = { kind: 'uri' as const, text: '', start: 0, syntax: 'kotlin-double' as const };
    for (const s of ['a"b\\c', 'x${y}']) assert.deepEqual(texts(`val MONGO_URI = "${encodeForHost(v, URI_PREFIX + s)}"`, 'kotlin'), [URI_PREFIX + s]);
  });
});
