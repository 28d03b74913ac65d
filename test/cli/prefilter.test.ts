/**
 * What makes a file worth analysing, one case each, over the built CLI: every file below has a problem
 * although its text holds no "mongo" (or holds it only in a form the quick test must see through), and
 * mongodb-uri-lint reports it with the prefilter as it does without. Names in source code and the
 * limits of driver calls are checked in files that work with MongoDB (mongosh's `db.` in these; a
 * project that names a driver, or an import, in the names' own cases below), however the CLI is run.
 * Binary files are still told by their first 8,000 characters, not bytes.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lint, project } from '../helpers/cli';

/** Each file, and the rule it must get. */
const CASES: Record<string, [string, string]> = {
  'url.toml': ['DATABASE_URL = "mongdb://db.example.com/app"\n', 'scheme-invalid'],
  'url.ts': ['const DATABASE_URL = "mngodb://db.example.com/app";\n', 'scheme-invalid'],
  'collection.yaml': ['ordersCollection: "orders$"\n', 'collection-invalid-char'],
  'atlas.json': ['{ "atlas": { "clusterName": "Bad_Cluster!" } }\n', 'atlas-cluster-name-invalid'],
  'escaped.json': ['{ "DATABASE_URL": "\\u006dongodb://h:70000/app" }\n', 'port-invalid'],
  'slashes.ts': ['const fallback = "mongodb:\\/\\/h:70000/app";\n', 'port-invalid'],
  'continued.js': ['const DATABASE_URL = "mon\\\ngodb://h:70000/app";\n', 'port-invalid'],
  'identity.properties': ['DATABASE_URL=mngo\\db://h/app\n', 'scheme-invalid'],
  'quoted.sh': ['export DATABASE_URL=mon"go"db://h:70000/app\n', 'port-invalid'],
  'fence.md': ['Run:\n\n```sh\nexport DATABASE_URL=mon"go"db://h:70000/app\n```\n', 'port-invalid'],
  'admin.js': ['db.adminCommand({ dropConnections: 2, hostAndPort: ["h:1"] });\n', 'admin-drop-connections-value'],
  'killop.ts': ['db.killOp("12");\n', 'admin-killop-invalid-op'],
  'indexes.js': [`db.orders.createIndex({ ${Array.from({ length: 33 }, (_, k) => `f${k}: 1`).join(', ')} });\n`, 'index-too-many-fields'],
  'sort.py': ['db.orders.find().sort([("a", 1), ("a", -1)])\n', 'sort-duplicate-key'],
  'sort33.ts': [`db.orders.find({}).sort /* by every key */ ( // all of them\n  { ${Array.from({ length: 33 }, (_, k) => `k${k}: 1`).join(', ')} });\n`, 'sort-too-many-keys'],
  'indexes64.js': [`${Array.from({ length: 64 }, (_, k) => `db.orders.createIndex(spec${k});`).join('\n')}\n`, 'indexes-too-many'],
  'pipeline.py': ['rows = db.orders.aggregate([{"$sort": {"a": 1, "a": -1}}])\n', 'sort-duplicate-key'],
  'deepnoise.js': [`db.orders.insertOne(${'{ s: "}]", r: /]}/, t: `]}`, d: x / 2, u: "/ ]}", a: '.repeat(101)}1${' }'.repeat(101)});\n`, 'document-too-deep'],
  'deep.js': [`db.orders.insertOne(${'{ a: '.repeat(101)}1${' }'.repeat(101)});\n`, 'document-too-deep'],
  'duplicate.js': ['await db.collection("users").insertOne({ name: "a", /* : */ name: "b" });\n', 'document-duplicate-field'],
  'duplicate.py': ['db.users.update_one({"k": 1}, {"$set": {"a": 1}, \'$set\': {"b": 2}})\n', 'document-duplicate-field'],
  'escaped.ts': ['await db.users.insertOne({ name: "a", "n\\ame": "b" });\n', 'document-duplicate-field'],
  'idarray.ts': ['await db.users.replaceOne({ _id: [1, 2] }, { n: 1 }, { upsert: true });\n', 'document-id-array'],
  'idregex.py': ['db.logs.insert_one({"_id": re.compile("^a")})\n', 'document-id-regex'],
  'nullfield.js': ['db.users.insertOne({ "a\\u0000": 1 });\n', 'document-field-null-char'],
  'textnear.js': ['db.shops.find({ $text: { $search: "x" }, loc: { $near: [2, 48] } });\n', 'query-text-with-near'],
  'where.py': ['orders.find({"$where": "return db.users.count() > 0"})\n', 'where-uses-db'],
  'collation.js': ['db.articles.createIndex({ body: "text" }, { collation: { locale: "fr" } });\n', 'index-collation-not-simple'],
  'diskuse.py': ['db.orders.aggregate([{"$group": {"_id": "$u"}}], allowDiskUse=False)\n', 'aggregation-disk-use-disabled'],
  'replset.js': [`rs.initiate({ _id: "rs0", members: [${Array.from({ length: 8 }, (_, k) => `{ _id: ${k}, host: "h${k}:27017" }`).join(', ')}] });\n`, 'replica-set-too-many-voting'],
  'replset.py': [`cfg = {"_id": "rs0", "members": [${Array.from({ length: 51 }, (_, k) => `{"_id": ${k}, "host": "h${k}:27017", "votes": 0}`).join(', ')}]}\nclient.admin.command("replSetInitiate", cfg)\n`, 'replica-set-too-many-members'],
  'capped.py': ['db.create_collection("log", capped=True, max=1000)\n', 'capped-size-missing'],
  'capped.js': ['db.createCollection("log", { capped: true, size: 4096, max: 2147483648 });\n', 'capped-max-too-large'],
  'shard.ts': ['sh.shardCollection("shop.orders", { createdAt: 1 });\n', 'shard-key-monotonic'],
  'shardtext.js': ['db.adminCommand({ shardCollection: "shop.posts", key: { body: "text" } });\n', 'shard-key-index-type'],
  // A call of initiate( on anything but a bare `rs` configures no replica set; a command or an option
  // spelt with escapes still counts beside one (its string reads `\I` as `I`).
  'escapedset.js': [`api.initiate(req);\ndb.adminCommand({ "replSet\\Initiate": { _id: "rs0", members: [${Array.from({ length: 8 }, (_, k) => `{ _id: ${k}, host: "h${k}:27017" }`).join(', ')}] } });\n`, 'replica-set-too-many-voting'],
  'escapedcapped.js': ['api.initiate(req);\ndb.runCommand({ create: "log", "c\\apped": true });\n', 'capped-size-missing'],
  'rscomment.js': [`rs /* the set */ .reconfig({ _id: "rs0", members: [${Array.from({ length: 8 }, (_, k) => `{ _id: ${k}, host: "h${k}:27017" }`).join(', ')}] });\n`, 'replica-set-too-many-voting'],
  'unique.js': ['use("shop");\nsh.shardCollection("shop.users", { tenant: 1 });\ndb.users.createIndex({ email: 1 }, { unique: true });\n', 'unique-index-not-shard-key-prefix'],
  'atlas.tf': ['resource "mongodbatlas_cluster" "c" {\n  project_id = "p"\n  name = "Bad_Cluster!"\n}\n', 'atlas-cluster-name-invalid'],
  'notes.txt': ['Use MONGODB://h:70000/app in tests.\n', 'port-invalid'],
  'mongod.conf': ['storage:\n  dbPath: /data/db\nsetParameter:\n  maxIndexBuildMemoryUsageMegabytes: 20\n', 'server-parameter-range'],
  'mongos.conf': ['replication:\n  oplogSizeMB: 100\n', 'oplog-size-small'],
  'tune.js': ['db.adminCommand({ setParameter: 1, allowDiskUseByDefault: "no" });\n', 'server-parameter-type'],
  'tune.py': ['client.admin.command("setParameter", 1, logLevel=7)\n', 'server-parameter-range'],
  'users.tf': [`${Array.from({ length: 101 }, (_, k) => `resource "mongodbatlas_database_user" "u${k}" {\n  project_id = var.project_id\n}\n`).join('')}`, 'atlas-project-database-users'],
};

describe('the prefilter keeps every problem', () => {
  const dir = project(Object.fromEntries(Object.entries(CASES).map(([name, [text]]) => [name, text])));
  const rules = (...args: string[]): Map<string, string[]> => {
    const r = lint(dir, '--format', 'json', '--exit-zero', ...args, '.');
    assert.equal(r.status, 0, r.stderr);
    const byFile = new Map<string, string[]>();
    for (const m of JSON.parse(r.stdout) as Array<{ file: string; ruleId: string }>) byFile.set(m.file, [...(byFile.get(m.file) ?? []), m.ruleId]);
    return byFile;
  };
  const quick = rules();
  const full = rules('--no-prefilter');

  for (const [name, [, rule]] of Object.entries(CASES)) {
    test(`${name}: ${rule}`, () => {
      assert.ok(full.get(name)?.includes(rule), `the analysis finds ${rule} in ${name}: ${JSON.stringify(full.get(name))}`);
      assert.deepEqual(quick.get(name), full.get(name));
    });
  }
});

describe('names in source code are MongoDB\'s in files that work with MongoDB', () => {
  // Calls that take a name first and keys that name a collection, in projects whose manifests name a
  // driver (their files need not say "mongo"), in files that import one, and in code of other databases.
  const dir = project({
    'api/package.json': JSON.stringify({ name: 'api', dependencies: { mongodb: '^6.8.0' } }),
    'api/src/call.ts': 'const orders = client.db("shop/eu").collection("orders");\n',
    'api/src/playground.js': 'use("bad/name");\n',
    'jobs/requirements.txt': 'pymongo==4.7.2\n',
    'jobs/subscript.py': 'orders = client["shop eu/1"]["orders"]\n',
    'jobs/lookup.py': 'name = os.environ.get("ORDERS_COLLECTION") or "orders$"\n',
    'dotnet/Generic.cs': 'using MongoDB.Driver;\nvar users = database.GetCollection<User>("users$");\n',
    'java/Order.java': 'import org.springframework.data.mongodb.core.mapping.Document;\n@Document("orders$")\npublic class Order {}\n',
    // Firestore and a vector database: the same calls and keys follow their own rules.
    'web/package.json': JSON.stringify({ name: 'web', dependencies: { 'firebase-admin': '^12.2.0' } }),
    'web/src/events.ts': 'const db = admin.firestore();\nawait db.collection("system.events").add(event);\nawait db.collection("price$history").get();\n',
    'search/requirements.txt': 'chromadb==0.5.3\n',
    'search/index.py': 'faq = chroma.create_collection("system.faq")\nsettings = {"collection": "system.logs"}\n',
    'dotnet-other/Generic.cs': 'var users = database.GetCollection<User>("users$");\n',
  });
  for (const args of [[], ['--no-prefilter']]) {
    test(`with ${args.join(' ') || 'the defaults'}`, () => {
      const r = lint(dir, '--format', 'json', '--exit-zero', ...args, '.');
      assert.equal(r.status, 0, r.stderr);
      const found = (JSON.parse(r.stdout) as Array<{ file: string; ruleId: string }>).map((m) => `${m.file.replace(/\\/g, '/')} ${m.ruleId}`).sort();
      assert.deepEqual(found, [
        'api/src/call.ts database-invalid-char',
        'api/src/playground.js database-invalid-char',
        'dotnet/Generic.cs collection-invalid-char',
        'java/Order.java collection-invalid-char',
        'jobs/lookup.py collection-invalid-char',
        'jobs/subscript.py database-invalid-char',
        'jobs/subscript.py database-invalid-char',
      ]);
    });
  }
});

describe('the limits of driver calls are checked in files that work with MongoDB', () => {
  // The same call in projects whose package.json depends on the driver and does not, in a script of the
  // latter that uses mongosh's db global and in a file that imports the driver.
  const call = 'export const save = (users) => users.insertOne({ name: "a", name: "b" });\n';
  const pyCall = 'def save(users):\n    users.insert_one({"name": "a", "name": "b"})\n';
  const dir = project({
    'api/package.json': JSON.stringify({ name: 'api', dependencies: { mongodb: '^6.8.0' } }),
    'api/src/users.ts': call,
    'web/package.json': JSON.stringify({ name: 'web', dependencies: { react: '^18.3.0' } }),
    'web/src/users.ts': call,
    'web/src/cart.ts': 'export const order = (items) => items.sort({ price: 1, price: -1 });\n',
    'web/scripts/seed.js': 'db.users.insertOne({ name: "a", name: "b" });\n',
    'web/src/store.ts': `import { MongoClient } from "mongodb";\n${call}`,
    // The same for Python: a requirements.txt that names PyMongo, one that does not.
    'orders/requirements.txt': 'fastapi==0.111.0\npymongo==4.7.2\n',
    'orders/app/repository.py': pyCall,
    'billing/pyproject.toml': '[project]\ndependencies = ["psycopg[binary]>=3.1"]\n',
    'billing/app/repository.py': pyCall,
  });
  for (const args of [[], ['--no-prefilter'], ['--driver', 'spec']]) {
    test(`with ${args.join(' ') || 'the defaults'}`, () => {
      const r = lint(dir, '--format', 'json', '--exit-zero', ...args, '.');
      assert.equal(r.status, 0, r.stderr);
      const found = (JSON.parse(r.stdout) as Array<{ file: string; ruleId: string }>).map((m) => `${m.file} ${m.ruleId}`).sort();
      assert.deepEqual(found, [
        'api/src/users.ts document-duplicate-field',
        'orders/app/repository.py document-duplicate-field',
        'web/scripts/seed.js document-duplicate-field',
        'web/src/store.ts document-duplicate-field',
      ]);
    });
  }
});

describe('binary files', () => {
  test('a NUL among the first 8,000 characters (not bytes) makes a file binary, with or without the prefilter', () => {
    const bad = 'MONGODB_URI=mongodb://h:70000/app\n';
    const dir = project({
      'at7999.env': Buffer.concat([Buffer.from(bad), Buffer.from('#'.repeat(7999 - bad.length)), Buffer.from([0])]),
      'at8000.env': Buffer.concat([Buffer.from(bad), Buffer.from('#'.repeat(8000 - bad.length)), Buffer.from([0])]),
      // 3,000 two-byte characters: the NUL is byte 10,000 but character 7,000.
      'wide.env': Buffer.concat([Buffer.from(bad), Buffer.from(`#${'é'.repeat(3000)}\n${'#'.repeat(4000 - bad.length - 2)}`), Buffer.from([0])]),
      'bom.env': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(bad), Buffer.from('#'.repeat(8000 - bad.length)), Buffer.from([0])]),
      'bom7999.env': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(bad), Buffer.from('#'.repeat(7999 - bad.length)), Buffer.from([0])]),
    });
    for (const args of [[], ['--no-prefilter']]) {
      const r = lint(dir, '--format', 'json', '--exit-zero', ...args, '.');
      assert.match(r.stderr, /at7999\.env: skipped: a binary file/);
      assert.match(r.stderr, /wide\.env: skipped: a binary file/);
      assert.match(r.stderr, /bom7999\.env: skipped: a binary file/);
      assert.doesNotMatch(r.stderr, /at8000\.env: skipped/);
      assert.doesNotMatch(r.stderr, /bom\.env: skipped/, 'the byte order mark is not a character of the text');
      const files = (JSON.parse(r.stdout) as Array<{ file: string }>).map((m) => m.file);
      assert.ok(files.includes('at8000.env') && files.includes('bom.env'), r.stdout);
    }
  });
});
