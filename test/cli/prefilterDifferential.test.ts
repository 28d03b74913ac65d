/**
 * The prefilter of mongodb-uri-lint against the analysis itself: on random files of every language the
 * CLI reads, written to find its blind spots (no "mongo" in the text, names passed to driver calls,
 * misspelt schemes under URL keys, collection and Atlas keys, words spelt with escapes, continued lines
 * and quotes, admin commands, limits of driver calls), a file checked with the prefilter gives exactly
 * the result it gives when every file is analysed. A prefilter that lets every file through passes
 * that too, so a second property holds it to ruling out the files that mention none of it.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { defaultSettings, type Settings } from '../../server/src/service/languageService';
import { FileChecker } from '../../server/src/cli/lint';
import { mayHaveProblems } from '../../server/src/cli/prefilter';
import { checkProperty } from '../helpers/fuzz';
import { tempFolder } from '../helpers/files';

const settings: Settings = { ...defaultSettings, enable: true };

/** Files by extension, with the language the CLI reads them as. */
const EXTENSIONS = ['.env', '.json', '.yaml', '.toml', '.properties', '.ini', '.sh', '.js', '.ts', '.py', '.go', '.java', '.kt', '.cs', '.rb', '.php', '.md', '.txt', '.tf'] as const;
type Extension = (typeof EXTENSIONS)[number];
const CODE: ReadonlySet<Extension> = new Set(['.js', '.ts', '.py', '.go', '.java', '.kt', '.cs', '.rb', '.php']);

/**
 * What a line says: a key and its value, a value passed to a call, or nothing. Most need no "mongo":
 * a URL key with a misspelt scheme, collection and Atlas keys, names passed to driver calls.
 */
interface Scenario {
  keys: readonly string[];
  values: readonly string[];
}
const SCENARIOS: Record<string, Scenario> = {
  url: { keys: ['DATABASE_URL', 'db_url', 'uri', 'CONNECTION_STRING', 'dsn'], values: ['mongdb://db.example.com:70000/app', 'mngodb://h/app', 'mongdb+srv://h/app', 'https://example.com/a'] },
  mongo: { keys: ['MONGO_URI', 'mongoUri', 'MongoDbName', 'mongo_database', 'spring.data.mongodb.uri', 'ConnectionStrings:Mongo'], values: ['db.example.com:70000,db2/app?w=-1', 'bad/name', 'mongodb://h:70000/app', 'ok'] },
  collection: { keys: ['ORDERS_COLLECTION', 'collectionName', 'collection_name', 'usersCollection', 'collection'], values: ['bad$name', '', 'system.profile', 'a b\u0000', 'orders'] },
  atlas: { keys: ['ATLAS_CLUSTER_NAME', 'atlasProjectName', 'atlas_org_name', 'atlas.clusterName'], values: ['Bad_Cluster!', 'x'.repeat(70), 'fine'] },
  plain: { keys: ['name', 'title', 'url', 'db', 'items'], values: ['bad/name', 'ok', 'mongdb://h/app'] },
};
/** Calls whose string argument is a database or collection name, and calls that look alike. */
const CALLS = ['client.db', 'x.getSiblingDB', 'conn.getDB', 'client.GetDatabase<Doc>', 'db.collection', 'db.getCollection', 'client.useDb', 'use', '@Document', 'obj.isCollection', 'list.find'];
const NAMES = ['bad/name', 'a b$c', '', 'orders', 'ok'];
const FILLER = ['// nothing here', 'x = 1', 'print("hello")', '# a comment', 'const a = [1, 2, 3].map((n) => n * 2);', 'The collection of notes', 'see https://example.com'];

/** A hex escape of a character, in one of the forms extractors decode, or `\` before it. */
const escapeOf = (ch: string, form: number): string => {
  const hex = ch.charCodeAt(0).toString(16).padStart(2, '0');
  return [`\\x${hex}`, `\\u00${hex}`, `\\u{${hex}}`, `\\U000000${hex}`, `\\${ch}`][form % 5];
};

/** `word` as it is, or with one letter escaped, a continued line, a quote split or another letter case. */
function spell(word: string, trick: number, at: number): string {
  if (word.length < 2) return word;
  const i = 1 + (at % (word.length - 1));
  const [head, ch, tail] = [word.slice(0, i), word[i], word.slice(i + 1)];
  switch (trick) {
    case 1:
    case 2:
      return `${head}${escapeOf(ch, at)}${tail}`;
    case 3:
      return `${head}\\\n    ${ch}${tail}`;
    case 4:
      return `${head}"${ch}"${tail}`;
    case 5:
      return word.toUpperCase();
    default:
      return word;
  }
}

interface Line {
  kind: string;
  key: number;
  value: number;
  call: string;
  shape: number;
  trick: number;
  at: number;
}

/** One line of a file in the language of `ext`. */
function line(ext: Extension, l: Line): string {
  if (l.kind === 'filler') return FILLER[l.at % FILLER.length];
  const code = CODE.has(ext);
  if (l.kind === 'call' && code) {
    const name = NAMES[l.value % NAMES.length];
    if (l.shape % 2 === 1) return `${l.call}("${spell(name, l.trick, l.at)}")`;
    return `${['client', 'db', 'database', 'obj'][l.shape % 4]}["${spell(name, l.trick, l.at)}"]`;
  }
  const scenario = SCENARIOS[l.kind] ?? SCENARIOS.plain;
  const key = spell(scenario.keys[l.key % scenario.keys.length], l.shape === 0 ? l.trick : 0, l.at);
  const value = spell(scenario.values[l.value % scenario.values.length], l.shape === 0 ? 0 : l.trick, l.at);
  switch (ext) {
    case '.env':
    case '.properties':
    case '.ini':
      return `${key}=${value}`;
    case '.sh':
      return `export ${key}="${value}"`;
    case '.toml':
      return `${key} = "${value}"`;
    case '.json':
      return `{ "${key}": "${value}" }`;
    case '.yaml':
      return l.shape === 3 ? `${key}:\n  uri: "${value}"` : `${key}: "${value}"`;
    case '.md':
      return l.shape === 3 ? `\`\`\`sh\n${key}="${value}"\n\`\`\`` : l.shape === 2 ? `\`\`\`json\n{ "${key}": "${value}" }\n\`\`\`` : `Set ${key} to \`${value}\`.`;
    case '.txt':
      return `${key} ${value}`;
    case '.tf':
      return `resource "mongodbatlas_cluster" "c" {\n  name = "${value}"\n}`;
    case '.py':
      return [`${key} = "${value}"`, `x = os.environ.get("${key}") or "${value}"`, `x = os.getenv("${key}", "${value}")`][l.shape % 3];
    case '.go':
      return `var ${key} string = "${value}"`;
    case '.php':
      return `$config = ['${key}' => "${value}"];`;
    default:
      return [`const ${key} = "${value}";`, `x = process.env["${key}"] ?? "${value}";`, `const o = { "${key}": "${value}" };`, `let ${key}: string = "${value}";`][l.shape % 4];
  }
}

/** Whole-document checks without "mongo": admin commands and limits of driver calls. */
const DOCUMENT_SNIPPETS = [
  'db.adminCommand({ dropConnections: 2, hostAndPort: ["h"] })',
  'db.killOp("x")',
  `db.orders.createIndex({ ${Array.from({ length: 33 }, (_, k) => `f${k}: 1`).join(', ')} })`,
  'db.orders.find({}).sort({ a: 1, a: -1 })',
  `db.orders.find(${'{ a: '.repeat(101)}1${' }'.repeat(101)})`,
  'items.sort((a, b) => a - b)',
  // At the edges of the limit pretests (limits/limitPretest.ts): literals behind comments and commas,
  // brackets the lexer does not count, 64 index calls without literals.
  `db.orders.find({}).sort /* keys */ (\n{ ${Array.from({ length: 33 }, (_, k) => `k${k}: 1`).join(', ')} })`,
  `db.orders.createIndex(, { ${Array.from({ length: 33 }, (_, k) => `f${k}: 1`).join(', ')} })`,
  `db.orders.find(${'{ s: "}]", t: /]}/, u: `${"}"}]`, '.repeat(101)}1${' }'.repeat(101)})`,
  `db.orders.find(${'{ a: x / 2, s: "/ ]}", b: '.repeat(101)}1${' }'.repeat(101)})`,
  Array.from({ length: 64 }, (_, k) => `db.orders.createIndex(spec${k});`).join('\n'),
  'orders.aggregate([{ $match: {} }, { $sort: { a: 1, a: -1 } }])',
  // Document literals and filters (limits/documentChecks.ts, limits/queryChecks.ts), blocking stages, index collations.
  'db.users.insertOne({ name: "a", // name:\n name: "b" })',
  'db.users.find({ "a": 1, \'a\': 2, b: c ? d : e })',
  'db.users.deleteMany({ a: 1, b: { a: 2 } })',
  'db.users.insertOne({ _id: [1, 2] })',
  'db.users.updateOne({ _id: [1] }, { $set: { a: 1 } }, { upsert: true })',
  'db.users.insertOne({ "k\\x00": 1 })',
  'db.shops.find({ $text: { $search: "x" }, loc: { $nearSphere: [2, 48] } })',
  'db.orders.find({ $where: "db.users.count() > 0" })',
  'db.articles.createIndex({ body: "text" }, { collation: { locale: "fr" } })',
  'db.orders.aggregate([{ $sort: { a: 1 } }], { allowDiskUse: false })',
  // Deployments configured in code (limits/clusterLimits.ts), and near misses of them.
  `rs.initiate({ _id: "rs0", members: [${Array.from({ length: 8 }, (_, k) => `{ _id: ${k}, host: "h${k}:1" }`).join(', ')}] })`,
  `cfg = { "_id": "rs0", "members": [${Array.from({ length: 8 }, (_, k) => `{ "host": "h${k}:1" }`).join(', ')}] }\nrs.reconfig(cfg)`,
  `rs.initiate()\n${Array.from({ length: 7 }, (_, k) => `rs.add("h${k}:1")`).join('\n')}`,
  'db.createCollection("log", { capped: true })',
  'db.create_collection("log", capped=True, size=1, max=2147483648)',
  'db.createCollection("log", { capped: true, size: 1 })',
  'sh.shardCollection("a.b", { createdAt: 1 })',
  'db.adminCommand({ shardCollection: "a.b", key: { loc: "2dsphere" } })',
  'use("a")\nsh.shardCollection("a.b", { c: 1 })\ndb.b.createIndex({ n: 1 }, { unique: true })',
  '// rs.initiate({ members: [] }) and capped: true in a comment',
  // A call of initiate( or reconfig( on anything but a bare `rs`, beside commands and options spelt with escapes.
  'request = signIn.initiate(params)',
  `api.initiate(req)\ndb.adminCommand({ "replSet\\Initiate": { _id: "rs0", members: [${Array.from({ length: 8 }, (_, k) => `{ _id: ${k}, host: "h${k}:1" }`).join(', ')}] } })`,
  'api.reconfig(req)\ndb.runCommand({ create: "log", "c\\apped": true })',
  'api.initiate(req)\ndb.createCollection("log", { "cap\\\nped": true })',
  `rs /* the set */ .reconfig({ _id: "rs0", members: [${Array.from({ length: 8 }, (_, k) => `{ _id: ${k}, host: "h${k}:1" }`).join(', ')}] })`,
];

const lineFields = {
  key: fc.nat(),
  value: fc.nat(),
  call: fc.constantFrom(...CALLS),
  shape: fc.integer({ min: 0, max: 3 }),
  trick: fc.integer({ min: 0, max: 5 }),
  at: fc.nat(),
};
const lineArbitrary: fc.Arbitrary<Line> = fc.record({ ...lineFields, kind: fc.constantFrom('url', 'mongo', 'collection', 'atlas', 'plain', 'call', 'call', 'filler') });

const parts = fc.record({
  ext: fc.constantFrom(...EXTENSIONS),
  lines: fc.array(lineArbitrary, { minLength: 1, maxLength: 3 }),
  snippet: fc.integer({ min: -8, max: DOCUMENT_SNIPPETS.length - 1 }),
});

function document(p: { ext: Extension; lines: Line[]; snippet: number }): string {
  const lines = p.lines.map((l) => line(p.ext, l));
  if (p.snippet >= 0 && (p.ext === '.js' || p.ext === '.ts' || p.ext === '.py')) lines.push(DOCUMENT_SNIPPETS[p.snippet]);
  return `${lines.join('\n')}\n`;
}

/** Extensions whose values and keys come from key/value lines (every one but plain text and Terraform). */
const KEYED = EXTENSIONS.filter((e) => e !== '.txt' && e !== '.tf');
const CODE_EXTENSIONS = EXTENSIONS.filter((e) => CODE.has(e));

/** One line of one kind, spelt with a trick (an escape, a continued line, a quote split, upper case). */
const focused = (exts: readonly Extension[], kinds: readonly string[]) =>
  fc.record({
    ext: fc.constantFrom(...exts),
    lines: fc.tuple(fc.record({ ...lineFields, kind: fc.constantFrom(...kinds), trick: fc.integer({ min: 1, max: 5 }) })),
    snippet: fc.constant(-1),
  });

describe('the prefilter against the analysis: a file gives the same result with and without it', () => {
  const dir = tempFolder();
  // Half the files sit in a project that uses MongoDB (its package.json and its requirements.txt say
  // so): the limits of their driver calls are checked whatever their text says.
  const projectDir = tempFolder({ 'package.json': JSON.stringify({ dependencies: { mongoose: '^8.5.0' } }), 'requirements.txt': 'pymongo==4.7.2\n' });
  const quick = new FileChecker(settings, true);
  const full = new FileChecker(settings, false);

  /** Checks the property on `arbitrary`; returns how many files had problems, without "mongo" in their text. */
  const same = (name: string, arbitrary: fc.Arbitrary<{ ext: Extension; lines: Line[]; snippet: number }>, runs: number) => {
    const counts = { found: 0, withoutMongo: 0, ruledOut: 0 };
    checkProperty(
      name,
      fc.property(arbitrary, fc.boolean(), (p, inProject) => {
        const text = document(p);
        const file = path.join(inProject ? projectDir : dir, `f${p.ext}`);
        writeFileSync(file, text);
        const expected = full.lintFile(file);
        assert.deepEqual(quick.lintFile(file), expected, text);
        if (expected.messages.length > 0) {
          counts.found++;
          if (!/mongo/i.test(text)) counts.withoutMongo++;
        } else if (!mayHaveProblems(Buffer.from(text), languageOf(p.ext), () => text, () => inProject)) counts.ruledOut++;
      }),
      runs,
    );
    return counts;
  };

  test('files of every kind', (t) => {
    const c = same('prefilter keeps every problem', parts, 1000);
    t.diagnostic(`${c.found} files with problems, ${c.withoutMongo} of them without "mongo"; ${c.ruledOut} files ruled out`);
    // The generator reaches what the prefilter is for.
    assert.ok(c.found > 100 && c.withoutMongo > 20 && c.ruledOut > 20, JSON.stringify(c));
  });

  test('misspelt schemes under URL keys, spelt with escapes, continued lines and quotes', (t) => {
    const c = same('prefilter keeps misspelt schemes', focused(KEYED, ['url']), 400);
    t.diagnostic(JSON.stringify(c));
    assert.ok(c.withoutMongo > 50, JSON.stringify(c));
  });

  test('keys without "mongo": collections and Atlas names, under lookups and in strings', (t) => {
    const c = same('prefilter keeps collection and Atlas keys', focused(KEYED, ['collection', 'atlas']), 400);
    t.diagnostic(JSON.stringify(c));
    assert.ok(c.withoutMongo > 50, JSON.stringify(c));
  });

  test('limits of driver calls and admin commands, alone in a file', (t) => {
    const alone = fc.record({
      ext: fc.constantFrom<Extension>('.js', '.ts', '.py'),
      lines: fc.array(fc.record({ ...lineFields, kind: fc.constant('filler') }), { minLength: 1, maxLength: 2 }),
      snippet: fc.integer({ min: 0, max: DOCUMENT_SNIPPETS.length - 1 }),
    });
    const c = same('prefilter keeps limits of driver calls', alone, 250);
    t.diagnostic(JSON.stringify(c));
    assert.ok(c.found > 100 && c.ruledOut > 10, JSON.stringify(c));
  });

  test('names passed to driver calls and Python subscripts', (t) => {
    const c = same('prefilter keeps names of driver calls', focused(CODE_EXTENSIONS, ['call']), 400);
    t.diagnostic(JSON.stringify(c));
    // Names in code are MongoDB's in files that work with MongoDB: without "mongo" in their text, those
    // of the project half in JavaScript, TypeScript and Python (about one file in eight).
    assert.ok(c.withoutMongo > 25, JSON.stringify(c));
  });
});

describe('the prefilter rules out what it is for', () => {
  const dir = tempFolder();
  const full = new FileChecker(settings, false);

  test('files that mention none of it are ruled out', () => {
    const ordinary = fc.record({
      ext: fc.constantFrom(...EXTENSIONS),
      words: fc.array(fc.constantFrom('const', 'value', 'name', 'url', 'https://example.com/x', 'db', 'find', 'sort', 'items', ')', '=', ':', '\\n', '\\u00e9', 'collections', 'Collections', 'cluster', 'api.initiate(req)', 'x.reconfig(c)'), { maxLength: 40 }),
    });
    checkProperty(
      'prefilter rules out ordinary files',
      fc.property(ordinary, ({ ext, words }) => {
        const text = words.join(' ');
        const file = path.join(dir, `g${ext}`);
        writeFileSync(file, text);
        assert.deepEqual(full.lintFile(file).messages, []);
        assert.ok(!mayHaveProblems(Buffer.from(text), languageOf(ext), () => text), `not ruled out: ${JSON.stringify(text)} (${ext})`);
      }),
      300,
    );
  });
});
/** The language id the CLI gives a file of this extension (as cli/languageId.ts does, written out here). */
function languageOf(ext: Extension): string {
  const ids: Record<Extension, string> = {
    '.env': 'dotenv', '.json': 'json', '.yaml': 'yaml', '.toml': 'toml', '.properties': 'properties', '.ini': 'ini', '.sh': 'shellscript',
    '.js': 'javascript', '.ts': 'typescript', '.py': 'python', '.go': 'go', '.java': 'java', '.kt': 'kotlin', '.cs': 'csharp', '.rb': 'ruby',
    '.php': 'php', '.md': 'markdown', '.txt': 'plaintext', '.tf': 'terraform',
  };
  return ids[ext];
}
