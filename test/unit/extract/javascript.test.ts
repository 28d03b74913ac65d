import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { encodeForHost } from '../../../server/src/service/extract';
import { HostSyntax } from '../../../server/src/service/api';
import { assertOffsetsSane, found, texts } from './helpers';
import { loudProblems, problems } from '../../helpers/problems';

/** Round-tripped text is put after a scheme: under a connection-string key, only a connection string is one. */
const URI_PREFIX = 'mongodb://h/?appName=';

describe('JavaScript and TypeScript extraction', () => {
  it('finds connection strings by scheme and by the key they are assigned to', () => {
    const doc = `import { MongoClient } from 'mongodb';
// Local: mongodb://localhost:27017/dev
const uri = process.env.MONGODB_URI ?? 'mongodb://localhost:27017/shop';
const MONGO_URL = "mongo-1:27017";
const settings: { mongoUri: string } = { mongoUri: \`mongodb://\${user}:\${pass}@\${host}:27017/app\` };
const fallback = process.env.MONGO_URI || "localhost:27017";
const ENV_NAME = 'MONGODB_URI';
let mongoUrl: string = "mongodb://typed:27017";
`;
    assert.deepEqual(found(doc, 'typescript').map((v) => [v.kind, v.text, v.key]), [
      ['uri', 'mongodb://localhost:27017/dev', undefined],
      ['uri', 'mongodb://localhost:27017/shop', 'MONGODB_URI'],
      ['uri', 'mongo-1:27017', 'MONGO_URL'],
      ['uri', 'mongodb://${user}:${pass}@${host}:27017/app', 'mongoUri'],
      ['uri', 'localhost:27017', 'MONGO_URI'],
      ['uri', 'mongodb://typed:27017', 'mongoUrl'],
    ]);
    assert.deepEqual(loudProblems(doc, 'typescript'), [
      ['scheme-invalid', 'mongo-1:27017'],
      ['scheme-invalid', 'localhost:27017'],
    ]);
  });

  it('finds database and collection names passed to driver and mongosh calls', () => {
    const doc = `const db = client.db("shop");
await db.collection('orders').find({}).toArray();
db.getSiblingDB("admin").getCollection("system.users");
use("playground");
db.createCollection(\`events\`);
mongoose.connection.useDb('tenant_1');
app.use("/api", router);
client.db(name + "_archive");
`;
    assert.deepEqual(found(doc, 'javascript').map((v) => [v.kind, v.text, v.source]), [
      ['database', 'shop', 'shop'],
      ['collection', 'orders', 'orders'],
      ['database', 'admin', 'admin'],
      ['collection', 'system.users', 'system.users'],
      ['database', 'playground', 'playground'],
      ['collection', 'events', 'events'],
      ['database', 'tenant_1', 'tenant_1'],
    ]);
  });

  it('skips comments and regular expressions; joins a concatenation that a literal starts, its other operands placeholders', () => {
    const doc = `const re = /mongodb:\\/\\/"[^"]*/g; // "not a string
const isMongo = (u) => u.startsWith("mongodb://") || /^mongodb\\+srv:/.test(u);
const built = "mongodb://" + host + ":27017/" + db;
const more = base + "mongodb://x:1";
const half = a / 2, s = "mongodb://after-division:1";
/* mongodb://in-block-comment:2 */
`;
    // `base + "mongodb://x:1"` starts with an operand: what comes before the literal is not known, so it stays a piece.
    assert.deepEqual(texts(doc, 'javascript'), ['mongodb://${host}:27017/${db}', 'mongodb://after-division:1', 'mongodb://in-block-comment:2']);
  });

  it('maps escapes in strings and keeps template placeholders', () => {
    const doc = "const a = 'mongodb://u:p\\u0040ss@h:70000';\nconst b = `mongodb://${u}:${encodeURIComponent(p)}@h:99999/${db}`;\n";
    assert.deepEqual(texts(doc, 'javascript'), ['mongodb://u:p@ss@h:70000', 'mongodb://${u}:${encodeURIComponent(p)}@h:99999/${db}']);
    // JavaScript is checked with the Node.js driver's rules (driver "auto"), which also refuse the string.
    assert.deepEqual(problems(doc, 'javascript'), [
      ['userinfo-unescaped', '\\u0040'],
      ['node-uri-rejected', '@'],
      ['port-invalid', '70000'],
      ['port-invalid', '99999'],
    ]);
    assertOffsetsSane(doc, 'javascript');
  });

  it('escapes replacements for each quote and reads them back', () => {
    const cases: Array<[HostSyntax, string, (e: string) => string]> = [
      ['js-single', "it's \\ \n", (e) => `const MONGO_URI = '${e}';`],
      ['js-double', 'say "hi" \\', (e) => `const MONGO_URI = "${e}";`],
      ['js-template', 'a`b\\c ${x}', (e) => `const MONGO_URI = \`${e}\`;`],
    ];
    for (const [syntax, s, wrap] of cases) {
      const v = { kind: 'uri' as const, text: '', start: 0, syntax };
      assert.deepEqual(texts(wrap(encodeForHost(v, URI_PREFIX + s)), 'javascript'), [URI_PREFIX + s], syntax);
    }
  });
});

describe('a template literal whose interpolation holds another template', () => {
  it('is one placeholder: the optional query built inside it is not read as the database', () => {
    const text = 'const uri = `mongodb://${user}:${pass}@${host}/${db}${opts ? `?${opts.join("&")}` : ""}`;\n';
    assert.deepEqual(loudProblems(text, 'typescript'), []);
    const mapped = 'const uri = `mongodb://h/${db}${opts ? `?${Object.entries(opts).map(([k, v]) => `${k}=${v}`).join("&")}` : ""}`;\n';
    assert.deepEqual(loudProblems(mapped, 'javascript'), []);
    // What is written around it is still checked.
    assert.deepEqual(loudProblems('const uri = `mongodb://h:70000/${db}${q ? `?${q}` : ""}`;\n', 'typescript'), [['port-invalid', '70000']]);
  });
});
