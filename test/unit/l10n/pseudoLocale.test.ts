/**
 * With the pseudo-locale installed, every message the core makes is visibly translated: the documents below
 * trigger every rule of the rule table (a new rule without a case here fails), and every problem message,
 * related message and quick-fix title must consist of pseudo-translated ⟦…⟧ segments and the values placed
 * in them. A message written around the catalogue (a literal, a part pasted in English) is caught here.
 */
import assert from 'node:assert/strict';
import { describe, it, after, before } from 'node:test';
import { analyzeDocument, crossDocumentProblems, databaseNamesOf, defaultSettings, getCodeActions, type Settings } from '../../../server/src/service/languageService';
import { RULES } from '../../../server/src/service/rules/ruleTable';
import { catalogueFor, message, pseudoCatalogue, setCatalogue } from '../../../server/src/service/data/l10n';
import { MESSAGES } from '../../../server/src/service/data/messages';
import type { DocumentProblem } from '../../../server/src/service/api';
import { settingsWith } from '../../helpers/problems';

interface Case {
  languageId: string;
  text: string;
  uri?: string;
  settings?: Settings;
  files?: Record<string, string>;
}

const env = (...uris: string[]) => uris.map((u, i) => `MONGODB_URI_${i}=${u}`).join('\n') + '\n';
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

/** `n` replica set members as JavaScript literals; the first `voting` vote. */
const members = (n: number, voting: number) =>
  Array.from({ length: n }, (_, i) => `{ _id: ${i}, host: "m${i}.internal:27017"${i < voting ? '' : ', priority: 0, votes: 0'} }`).join(',\n');
/** `n` Terraform resources of a type in the project `project`. */
const tfResources = (type: string, n: number, project = 'mongodbatlas_project.shop.id', body = '') =>
  Array.from({ length: n }, (_, i) => `resource "${type}" "r${i}" {\n  project_id = ${project}\n${body}}\n`).join('');
const tfRegion = (name: string, nodes: number) =>
  `    region_configs {\n      provider_name = "AWS"\n      region_name = "${name}"\n      electable_specs {\n        instance_size = "M30"\n        node_count = ${nodes}\n      }\n    }\n`;
const tfSpec = (regions: string, numShards?: number) => `  replication_specs {\n${numShards ? `    num_shards = ${numShards}\n` : ''}${regions}  }\n`;
const tfAdvanced = (label: string, specs: string) =>
  `resource "mongodbatlas_advanced_cluster" "${label}" {\n  project_id = var.clusters_project\n  cluster_type = "SHARDED"\n${specs}}\n`;

/** Documents that, together, trigger every rule. */
const CASES: Case[] = [
  {
    languageId: 'dotenv',
    text: env(
      'MongoDB://localhost/',
      'mongodb:/localhost/',
      'mongodb+srvx://localhost/',
      'mongodb://?tls=true',
      'mongodb://a1,,b1/',
      'mongodb://ho^st/',
      'mongodb://ho st/',
      'mongodb://[::1/',
      'mongodb://[zz]/',
      'mongodb://h1::27017/',
      'mongodb:///tmp/mongodb-27017.sock',
      'mongodb://%2Ftmp%2Fmongo/',
      'mongodb://%2Ftmp%2Fm.sock:27017/',
      'mongodb://localhost:99999/',
      'mongodb://localhost:/',
      'mongodb://localhost:abc/',
      'mongodb://u1:p1@localhost:abc/',
      'mongodb://a2:27017,a2:27017/',
      'mongodb://us@er:pw@localhost/',
      'mongodb://u2:p%zz@localhost/',
      'mongodb://jürgen:x"y@localhost/',
      'mongodb+srv://a3.example.com,b3.example.com/',
      'mongodb+srv://c3.example.com:27017/',
      'mongodb+srv://10.0.0.1/',
      'mongodb+srv://[::1]/',
      'mongodb://localhost/?srvMaxHosts=2',
      'mongodb://localhost/a.b',
      'mongodb://localhost/a"b',
      'mongodb://localhost/a*b',
      'mongodb://localhost/db%zz',
      `mongodb://localhost/${'d'.repeat(70)}`,
      'mongodb://localhost/?tls',
      'mongodb://localhost/?=x',
      'mongodb://localhost/?appName=',
      'mongodb://localhost/?connectTimeoutMS=abc&retryWrites=yes&readPreference=primari&compressors=zip,,snappy&w=majorty&zlibCompressionLevel=99',
      'mongodb://localhost/?retryReads=ture&readConcernLevel=Majority&retryWrites=TRUE&retryWrites=maybe&readPreference=zzzzzz',
      'mongodb://localhost/?authMechanismProperties=SERVICE_NAME:a,b&readPreferenceTags=abc&readPreference=secondary',
      'mongodb://localhost/?srvServiceName=-x-&appName=' + 'a'.repeat(130),
      'mongodb://localhost/?appName=a%zz&app%zzName=x',
      'mongodb://localhost/?retryWrite=true&zzzqqq=1',
      'mongodb://localhost/?enableUtf8Validation=true&serverSelectionTryOnce=true',
      'mongodb://localhost/?appName=a&appName=b&localThresholdMS=1&localThresholdMS=1',
      'mongodb://localhost/?wtimeout=100&j=true&fsync=true&ssl=true',
      'mongodb://localhost/?wtimeout=100&wTimeoutMS=100',
      'mongodb://u3@localhost/?gssapiServiceName=svc&authMechanism=GSSAPI',
      'mongodb://localhost/?appName=a;retryWrites=true',
      'mongodb://localhost/?retrywrites=true',
      'mongodb://localhost/?tls=true&ssl=false',
      'mongodb://localhost/?tlsInsecure=true&tlsAllowInvalidCertificates=true',
      'mongodb://localhost/?proxyHost=p.example.com&proxyHost=q.example.com',
      'mongodb://localhost/?proxyPort=1080',
      'mongodb://localhost/?proxyHost=p.example.com&proxyUsername=u',
      'mongodb://localhost/?proxyHost=p.example.com&proxyPassword=u',
      'mongodb://a4,b4/?directConnection=true',
      'mongodb+srv://c4.example.com/?directConnection=true',
      'mongodb://a5,b5/?loadBalanced=true&replicaSet=rs0&directConnection=true',
      'mongodb+srv://c5.example.com/?srvMaxHosts=2&replicaSet=rs0&loadBalanced=true',
      'mongodb://localhost/?readPreference=primary&readPreferenceTags=dc:ny&maxStalenessSeconds=120',
      'mongodb://localhost/?readPreferenceTags=dc:ny',
      'mongodb://localhost/?w=0&journal=true',
      'mongodb://localhost/?minPoolSize=10&maxPoolSize=5',
      'mongodb://localhost/?readPreference=secondary&maxStalenessSeconds=90&heartbeatFrequencyMS=90000',
      'mongodb://u6@localhost/?authMechanism=FOO',
      'mongodb://u6@localhost/?authMechanism=MONGODB-CR',
      'mongodb://u6@localhost/?authMechanism=scram-sha-256',
      'mongodb://u6@localhost/?authMechanism=',
      'mongodb://@localhost/',
      'mongodb://localhost/?authMechanism=PLAIN',
      'mongodb://u7@localhost/?authMechanism=MONGODB-OIDC&authMechanismProperties=ENVIRONMENT:test',
      'mongodb://u7@localhost/?authMechanism=MONGODB-X509',
      'mongodb://u8:pw8@localhost/?authMechanism=MONGODB-X509&authSource=admin',
      'mongodb://u9:@localhost/?authMechanism=MONGODB-AWS',
      'mongodb://u9@localhost/?authMechanism=PLAIN',
      'mongodb://localhost/?authSource=',
      'mongodb://u10:pw10@localhost/?authMechanism=SCRAM-SHA-256&authMechanismProperties=FOO:bar',
      'mongodb://u10:pw10@localhost/?authMechanism=MONGODB-AWS&authMechanismProperties=AWS_SESSION_TOKEN:t',
      'mongodb://localhost/?authMechanism=GSSAPI&authMechanismProperties=CANONICALIZE_HOST_NAME:maybe',
      'mongodb://localhost/?authMechanism=MONGODB-OIDC',
      'mongodb://localhost/?authMechanism=MONGODB-OIDC&authMechanismProperties=ENVIRONMENT:azure',
      'mongodb://localhost/?authMechanism=MONGODB-OIDC&authMechanismProperties=ENVIRONMENT:test,TOKEN_RESOURCE:x',
      'mongodb://localhost/?authMechanismProperties=SERVICE_NAME:x',
      'mongodb://localhost/?authSource=admin',
      'mongodb://u11@localhost/?authSource=a.b',
      'mongodb://u12:Kx9vQ2mZ7rLp@localhost/',
      'mongodb://u12:p13@localhost/?proxyHost=p.example.com&proxyUsername=u&proxyPassword=Kx9vQ2mZ7rLq',
      'mongodb://db.example.com/',
      'mongodb://db.example.com/?tls=false',
      'mongodb://localhost/?tlsAllowInvalidHostnames=true&tlsAllowInvalidCertificates=true',
      'mongodb://db.example.com/?authMechanism=MONGODB-X509&tls=false',
      'mongodb://db.example.com/?authMechanism=MONGODB-X509&tls=true',
      'mongodb://localhost/?proxyHost=p.example.com',
      'mongodb://a14/?directConnection=true&replicaSet=rs0',
    ),
  },
  {
    // The Node.js driver's reading of the same kinds of strings.
    languageId: 'dotenv',
    settings: settingsWith({ driver: 'node' }),
    text: env(
      'mongodb://localhost/db%ff',
      'mongodb://h15:0/',
      'mongodb://h%ff/',
      'mongodb://h16^/',
      'mongodb://[::1/',
      'mongodb://:27017/',
      'mongodb://h17:1:2/',
      'mongodb://%2Ftmp%2F%ff.sock/',
      'mongodb://u%ff:p@h18/',
      'mongodb://u]x:p@h19/',
      'mongodb://u20:p[x@h20/',
      'mongodb://u21:p@h21@h22/',
      'mongodb+srv://a23.example.com,/',
      'mongodb+srv://a24.example.com:x/',
      'mongodb://h25/?compressors=ZLIB&family=5&retryWrites=nope&readPreference=Secondary&maxPoolSize=-1&heartbeatFrequencyMS=1.5',
      'mongodb://h26/?maxStalenessSeconds=-1&readPreference=secondary&srvAllowedHostsSuffix=x&authMechanismProperties=ALLOWED_HOSTS:x&readPreferenceTags=ab',
      'mongodb://h27/?auth=x&enableUtf8Validation=1&family=four',
      'mongodb://h28/?authMechanismProperties=CANONICALIZE_HOST_NAME:bad',
      'mongodb://h29/?authMechanism=SCRAM&authMechanismProperties=x:y',
      'mongodb://h30/?authMechanism=MONGODB-OIDC&authMechanismProperties=ENVIRONMENT:nope',
      'mongodb://h31/?appName=a+b&appName=c#frag',
      'mongodb://h32#x,h33/',
      'mongodb://h34/?appName=x&AppName=y',
      'mongodb://h35/?appName=a;tls=true',
      'mongodb://u36:p36@h36/?auth=x&dbName=y',
      'mongodb://h37/db?dbName=y',
      'mongodb://h38/?srvAllowedHostsSuffix=example.com&keepAlive=true',
      'mongodb+srv://c39.example.com/?srvAllowedHostsSuffix=a..b',
      'mongodb+srv://c40.example.com/?srvAllowedHostsSuffix=com',
      'mongodb://h41/?minHeartbeatFrequencyMS=x&compressors=brotli',
    ),
  },
  {
    languageId: 'dotenv',
    settings: settingsWith({ atlas: { tier: 'M0', clientInstances: 1 } }),
    text: env('mongodb+srv://u:${P}@shop.ab1cd.mongodb.net/shop?maxPoolSize=491', 'mongodb+srv://u:${P}@shop2.ab1cd.mongodb.net/shop?maxPoolSize=0'),
  },
  {
    languageId: 'dockercompose',
    uri: 'file:///p/pool/compose.yaml',
    settings: settingsWith({ atlas: { tier: 'M10', clientInstances: 1 } }),
    text: 'services:\n  api:\n    image: shop/api\n    deploy:\n      replicas: 4\n    environment:\n      U: mongodb+srv://u:${P}@shop.ab1cd.mongodb.net/shop?maxPoolSize=500\n',
  },
  {
    languageId: 'yaml',
    uri: 'file:///p/k8s/api.yaml',
    settings: settingsWith({ atlas: { tier: 'M10', clientInstances: 1 } }),
    text: 'kind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 4\n  template:\n    spec:\n      containers:\n        - name: api\n          env:\n            - name: MONGODB_URI\n              value: "mongodb+srv://u:${P}@shop.ab1cd.mongodb.net/shop?maxPoolSize=500"\n',
  },
  {
    languageId: 'dotenv',
    settings: settingsWith({ atlas: { tier: 'M0', clientInstances: 7 } }),
    text: env('mongodb+srv://u:${P}@shop.ab1cd.mongodb.net/shop'),
  },
  {
    languageId: 'dotenv',
    settings: settingsWith({ serverPlatform: 'windows' }),
    text: env('mongodb://localhost/a*b'),
  },
  {
    languageId: 'python',
    uri: 'file:///project/app.py',
    text: 'from pymongo import MongoClient\ne = client[""]\n',
  },
  {
    languageId: 'javascript',
    uri: 'file:///project/app.js',
    text: [
      'const e = client.db("");',
      "const o = client.db('Shop').collection('');",
      "const s = client.db('shop').collection('a$b');",
      "const r = client.db('shop').collection('system.x');",
      "const t = client.db('shop').collection('shop.system.x');",
      "const n = client.db('shop').collection('9abc');",
      `const l = client.db("analytics").collection("${'c'.repeat(250)}");`,
      `const m = client.db("analytics").collection("${'c'.repeat(230)}");`,
      `await db.collection("events").createIndex({ ${Array.from({ length: 33 }, (_, i) => `f${i}: 1`).join(', ')} });`,
      ...Array.from({ length: 64 }, (_, i) => `await db.collection("many").createIndex({ k${i}: 1 });`),
      `db.collection("p").aggregate([${Array.from({ length: 1001 }, (_, i) => `{ $set: { s${i}: 1 } }`).join(', ')}]);`,
      `db.collection("q").find().sort({ ${Array.from({ length: 33 }, (_, i) => `k${i}: 1`).join(', ')} });`,
      'db.collection("q").find().sort({ createdAt: 1, createdAt: -1 });',
      `db.collection("d").insertOne(${'{ a: '.repeat(101)}1${' }'.repeat(101)});`,
      'db.adminCommand({ dropConnections: 1, hostAndPort: ["db1.example.net", "db2:", "[::1]", "::1", "db4:99999", "db5:abc", "", "[::1]x", ":27017", 5] });',
      'db.adminCommand({ dropConnections: 2, hostAndPort: "db1:27017" });',
      'db.adminCommand({ dropConnections: "x", hostAndPort: {} });',
      'db.adminCommand({ dropConnections: [], hostAndPort: [] });',
      'db.adminCommand({ killOp: 1 });',
      'db.killOp();',
      'db.killOp(-1); db.killOp("123"); db.killOp("abc"); db.killOp({});',
      'db.getSiblingDB("shop").runCommand({ killOp: 1, op: 12 });',
      'db.runCommand({ dropConnections: 1, hostAndPort: ["db1:27017"] });',
    ].join('\n') + '\n',
  },
  {
    languageId: 'yaml',
    uri: 'file:///project/config.yaml',
    text: 'mongodb:\n  uri: mongodb://u42:Kx9vQ2mZ7rLp@db.example.com/shop?tls=true\n  other: "mongodb://ho st/"\n',
  },
  {
    languageId: 'markdown',
    uri: 'file:///project/README.md',
    text: 'Connect with `mongodb://u43:Kx9vQ2mZ7rLp@db.example.com/shop?tls=true`.\n',
  },
  {
    languageId: 'terraform',
    uri: 'file:///project/main.tf',
    text: `resource "mongodbatlas_cluster" "a" {
  project_id = var.project
  name = "analytics-eu-central-1-x"
}
resource "mongodbatlas_cluster" "a2" {
  project_id = var.project
  name = "analytics-eu-central-1-y"
}
resource "mongodbatlas_cluster" "a3" {
  project_id = var.project
  name = "analytics-eu-central-1-y"
}
resource "mongodbatlas_cluster" "b" {
  project_id = var.project
  name = "search-"
}
resource "mongodbatlas_cluster" "c" {
  project_id = var.other
  name = "${'c'.repeat(70)}"
}
resource "mongodbatlas_cluster" "d" {
  project_id = var.other
  name = "-x_y"
}
resource "mongodbatlas_cluster" "e" {
  project_id = var.other
  name = ""
}
resource "mongodbatlas_project" "p" {
  name = "team/platform"
}
resource "mongodbatlas_project" "q" {
  name = ""
}
resource "mongodbatlas_organization" "o" {
  name = "${'o'.repeat(65)}"
}
`,
  },
  {
    languageId: 'dockercompose',
    uri: 'file:///p/compose.yaml',
    files: { 'file:///p/.env': 'DB_HOST=localhost\nDB_PORT=27018\n' },
    text: `services:
  app:
    image: node:20
    environment:
      A: mongodb://localhost:27018/shop?authSource=admin
      B: mongodb://mongodb:27017/shop?authSource=admin
      C: mongodb://mongo1:27018/shop?authSource=admin
      D: mongodb://mongo1:27017/?replicaSet=rs1
      E: mongodb://mongo2:27017/?replicaSet=rs0
      F: mongodb://root:example@mongo1:27017/shop
      G: mongodb://\${DB_HOST}:\${DB_PORT}/shop?authSource=admin&appName=a b
  mongo1:
    image: mongo:7
    command: ["--replSet", "rs0"]
    ports:
      - "27018:27017"
    environment:
      MONGO_INITDB_ROOT_USERNAME: root
      MONGO_INITDB_ROOT_PASSWORD: example
  mongo2:
    image: mongo:7
`,
  },
  {
    languageId: 'yaml',
    uri: 'file:///p/k8s.yaml',
    text: `apiVersion: v1
kind: Secret
metadata:
  name: db
data:
  MONGODB_URI: ${b64('mongodb://localhost:99999/?retryWrites=yes\n')}
  OTHER_URI: ${b64('mongodb://localhost/shop\n')}
---
apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
    - name: app
      image: node
      env:
        - name: HOST
          value: "localhost:99999"
        - name: MONGODB_URL
          value: "mongodb://$(HOST)/shop?retryWrites=yes&appName=$(HOST)"
`,
  },
  {
    // Replica set configurations: too many members and voters in one configuration.
    languageId: 'javascript',
    uri: 'file:///project/rs-config.js',
    text: `rs.initiate({ _id: "rs0", members: [\n${members(51, 8)}\n] });\n`,
  },
  {
    // … and counted on by rs.add after the initiate.
    languageId: 'javascript',
    uri: 'file:///project/rs-add.js',
    text: `rs.initiate({ _id: "rs0", members: [\n${members(50, 7)}\n] });\nrs.add("m50.internal:27017");\n`,
  },
  {
    // Capped collections, shard keys, documents, queries, index collations and blocking stages.
    languageId: 'javascript',
    uri: 'file:///project/limits.js',
    text: [
      'db.createCollection("audit", { capped: true, size: 1048576, max: 2147483648 });',
      'db.createCollection("log", { capped: true, max: 5000 });',
      'sh.shardCollection("shop.orders", { createdAt: 1 });',
      'sh.shardCollection("geo.places", { "$**": 1, k1: -1, k2: 5, k3: "text", k4: "zzz" });',
      'use("shop");',
      'sh.shardCollection("shop.users", { tenant: 1 });',
      'db.users.createIndex({ email: 1 }, { unique: true });',
      'await db.collection("tags").insertOne({ _id: ["red", "blue"], count: 2 });',
      'await logs.insertOne({ _id: /^order-/i, n: 1 });',
      'await events.insertOne({ _id: { $day: 5, user: 1 }, n: 1 });',
      'await users.insertOne({ name: "x", age: 3, name: "y" });',
      'await users.insertOne({ "k\\0b": 1 });',
      'await shops.find({ $text: { $search: "coffee" }, location: { $near: [2, 48] } }).toArray();',
      'await orders.find({ $where: function () { return db.users.findOne({ _id: this.user }) != null; } }).toArray();',
      'await shops.aggregate([{ $geoNear: { near: [2, 48], distanceField: "d" } }, { $match: { $text: { $search: "coffee" } } }]).toArray();',
      'await articles.createIndex({ body: "text" }, { collation: { locale: "fr" } });',
      'await orders.aggregate([{ $sort: { total: -1 } }], { allowDiskUse: false }).toArray();',
      'db.adminCommand({ setParameter: 1, notablescan: "x", logLevel: [1], cursorTimeoutMillis: true, allowDiskUseByDefault: 2 });',
    ].join('\n') + '\n',
  },
  {
    languageId: 'yaml',
    uri: 'file:///p/mongod.conf',
    text: [
      'replication:',
      '  replSetName: rs0',
      '  oplogSizeMB: 512',
      'replication.oplogSizeMB: 0',
      'setParameter:',
      '  maxIndexBuildMemoryUsageMegabytes: 49',
      '  indexMaxNumGeneratedKeysPerDocument: 1.5',
      '  allowDiskUseByDefault: yes',
      '  logLevel: 6',
      '  transactionLifetimeLimitSeconds: 0',
      '  cursorTimeoutMillis: 10min',
    ].join('\n') + '\n',
  },
  {
    // Atlas quotas per project, with the resources that count towards them as related places.
    languageId: 'terraform',
    uri: 'file:///project/quotas.tf',
    text:
      `resource "mongodbatlas_project" "shop" {\n  name = "shop"\n  org_id = var.org_id\n${'  teams {\n    team_id = var.team\n  }\n'.repeat(100)}}\n` +
      tfResources('mongodbatlas_team_project_assignment', 1) +
      tfResources('mongodbatlas_database_user', 101) +
      tfResources('mongodbatlas_custom_db_role', 101) +
      tfResources('mongodbatlas_network_peering', 51) +
      tfResources('mongodbatlas_project_ip_access_list', 1, 'mongodbatlas_project.shop.id', '  count = 201\n') +
      tfResources('mongodbatlas_cluster', 26, 'var.clusters_project') +
      tfResources('mongodbatlas_cluster', 2, 'var.free_project', '  provider_name = "TENANT"\n  provider_instance_size_name = "M0"\n').replace(/"r(\d+)"/g, '"f$1"') +
      `resource "mongodbatlas_cluster" "c" {\n  project_id = var.shape_project\n  replication_factor = 9\n}\n` +
      tfAdvanced('nodes', tfSpec(tfRegion('US_EAST_1', 5) + tfRegion('US_WEST_2', 3))) +
      tfAdvanced('shards', tfSpec(tfRegion('US_EAST_1', 3) + tfRegion('US_WEST_2', 2), 13)),
  },
];

/** Function words of English: none of them is a value the cases above put into a message. */
const ENGLISH = /(?<![\p{L}\p{N}_.\-/$:@=&?])(a|the|is|are|not|and|must|cannot|with|of|to|be|it|its|this|only|has|no|than|that|which|from|for|an|as|by|takes|needs|does|in|or|at|use|write|add|remove|change|set|replace|percent-encode|connect)(?![\p{L}\p{N}_\-])/iu;

/** The text outside the ⟦…⟧ segments (outermost), and the text inside them with the pseudo-translated letters. */
function outside(text: string): string {
  let depth = 0;
  let out = '';
  for (const ch of text) {
    if (ch === '⟦') depth++;
    else if (ch === '⟧') depth = Math.max(0, depth - 1);
    else if (depth === 0) out += ch;
  }
  return out;
}

function assertPseudo(text: string, what: string): void {
  assert.ok(text.startsWith('⟦') && text.endsWith('⟧'), `${what} is not pseudo-translated: ${text}`);
  assert.doesNotMatch(outside(text), /[A-Za-z]{3,}/, `${what} has plain text outside the catalogue: ${text}`);
  // Inside the segments only values may stay plain: no English word of a part pasted in without the catalogue.
  const plain = text.replace(/[⟦⟧]/g, ' ');
  const english = ENGLISH.exec(plain);
  assert.equal(english, null, `${what} has the English word "${english?.[0]}": ${text}`);
  assert.doesNotMatch(text, /(?<!\$)\{\w+\}/, `${what} has a placeholder without its value: ${text}`);
}

interface Checked {
  ruleIds: Set<string>;
  messages: number;
}

function checkCases(): Checked {
  const ruleIds = new Set<string>();
  let messages = 0;
  const check = (p: DocumentProblem, doc: { uri: string; languageId: string; text: string }, analysis: ReturnType<typeof analyzeDocument>, settings: Settings) => {
    ruleIds.add(p.ruleId);
    assertPseudo(p.message, `${p.ruleId} in ${doc.uri}`);
    messages++;
    for (const r of p.related ?? []) assertPseudo(r.message, `a related message of ${p.ruleId}`);
    for (const action of getCodeActions(doc, analysis, p.span, settings.rules)) {
      assertPseudo(action.title, `a quick fix of ${action.ruleId}`);
      messages++;
    }
  };
  for (const c of CASES) {
    const settings = c.settings ?? defaultSettings;
    const files = c.files;
    const doc = { uri: c.uri ?? 'file:///project/.env', languageId: c.languageId, text: c.text, ...(files ? { files: { read: (u: string) => files[u] } } : {}) };
    const analysis = analyzeDocument(doc, settings);
    for (const p of analysis.problems) check(p, doc, analysis, settings);
  }
  // A database name spelled differently in another document.
  const a = { uri: 'file:///project/a.js', languageId: 'javascript', text: "import { MongoClient } from 'mongodb';\nclient.db(\"Orders\");\n" };
  const b = { uri: 'file:///project/b.js', languageId: 'javascript', text: "import { MongoClient } from 'mongodb';\nclient.db(\"orders\");\n" };
  const analysisA = analyzeDocument(a, defaultSettings);
  const across = crossDocumentProblems({ uri: a.uri, names: databaseNamesOf(analysisA) }, [{ uri: b.uri, names: databaseNamesOf(analyzeDocument(b, defaultSettings)) }]);
  assert.ok(across.length > 0);
  for (const p of across) check(p, a, analysisA, defaultSettings);
  return { ruleIds, messages };
}

describe('the pseudo-locale (qps-ploc)', () => {
  before(() => setCatalogue(catalogueFor('qps-ploc')));
  after(() => setCatalogue(undefined));

  it('every problem message, related message and quick-fix title of every rule goes through the catalogue', () => {
    const { ruleIds, messages } = checkCases();
    const missing = RULES.map((r) => r.id).filter((id) => !ruleIds.has(id));
    assert.deepEqual(missing, [], 'rules without a case in this test');
    assert.ok(messages > 300, `${messages} messages checked`);
  });

  it('a message of the catalogue reads pseudo-translated, its values kept', () => {
    assert.equal(message('port.outOfRange', { port: '99999' }), '⟦Ṗöŗţ 99999 ïš öûţ öƒ ŗåñĝé (1–65535).⟧');
  });
});

describe('the message catalogue', () => {
  it('English by default and again once the catalogue is taken away', () => {
    setCatalogue(pseudoCatalogue());
    setCatalogue(undefined);
    assert.equal(message('port.outOfRange', { port: '0' }), 'Port 0 is out of range (1–65535).');
    assert.equal(message('host.missing'), 'The connection string has no host. Add one, e.g. localhost:27017.');
  });

  it('a value is placed as it is, even when it looks like a placeholder or a replacement pattern', () => {
    assert.equal(message('option.unknown', { key: '{key}$&$1' }), 'Unknown option "{key}$&$1"; drivers ignore it.');
  });

  it('an id missing from an installed catalogue falls back to English', () => {
    setCatalogue({ 'host.missing': 'Kein Host.' });
    try {
      assert.equal(message('host.missing'), 'Kein Host.');
      assert.equal(message('port.outOfRange', { port: 1 }), 'Port 1 is out of range (1–65535).');
    } finally {
      setCatalogue(undefined);
    }
  });

  it('locales: qps-ploc has the pseudo catalogue; English and locales without a catalogue get none', () => {
    assert.equal(catalogueFor('qps-ploc')?.['host.missing'], '⟦Ţĥé çöññéçţïöñ šţŗïñĝ ĥåš ñö ĥöšţ. Åðð öñé, é.ĝ. ļöçåļĥöšţ:27017.⟧');
    assert.equal(catalogueFor('QPS-ploc')?.['host.missing']?.startsWith('⟦'), true);
    assert.equal(catalogueFor(undefined), undefined);
    assert.equal(catalogueFor('en'), undefined);
    assert.equal(catalogueFor('de-CH'), undefined);
    assert.equal(catalogueFor('constructor'), undefined);
  });

  it('every pseudo template keeps the placeholders of its English template', () => {
    const pseudo = pseudoCatalogue();
    const names = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [id, template] of Object.entries(MESSAGES)) {
      assert.deepEqual(names(pseudo[id as keyof typeof MESSAGES]!), names(template), id);
    }
  });

  it('the ids are dotted words, and the templates hold no value (no quotes around nothing, no stray braces)', () => {
    for (const [id, template] of Object.entries(MESSAGES)) {
      assert.match(id, /^[a-z][A-Za-z0-9]*(\.[a-zA-Z0-9]+)+$/, id);
      assert.doesNotMatch(template.replace(/\{\w+\}/g, ''), /[{}]/, id);
      assert.ok(template.length > 0, id);
    }
  });
});

/** Compile-time checks of the typed API (tsc -b fails when one of these lines compiles). */
export function typedApi(): void {
  // @ts-expect-error: a misspelt id
  message('port.outOfRang', { port: 1 });
  // @ts-expect-error: a placeholder without its value
  message('port.outOfRange');
  // @ts-expect-error: a value for a placeholder the template does not have
  message('port.outOfRange', { port: 1, host: 'x' });
  // @ts-expect-error: a value for a template without placeholders
  message('host.missing', { host: 'x' });
}
