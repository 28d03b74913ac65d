/**
 * Seeded generators for the benchmark: realistic connection strings, and large documents of every
 * format that mix blocks with connection strings, database and collection names into unrelated
 * configuration or code. The same seed gives the same strings and documents on every machine.
 */

/** mulberry32: a small, fast, seeded pseudo-random generator. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];
const chance = (rng: Rng, p: number): boolean => rng() < p;
const int = (rng: Rng, min: number, max: number): number => min + Math.floor(rng() * (max - min + 1));

const WORDS = ['shop', 'orders', 'billing', 'catalog', 'users', 'events', 'inventory', 'analytics', 'auth', 'search', 'payments', 'reports'];
const USERS = ['app', 'admin', 'svc_orders', 'reporting', 'etl-runner', 'api', 'backup', 'readonly'];
const ENVS = ['prod', 'staging', 'dev', 'qa', 'eu', 'us-east'];

function password(rng: Rng): string {
  const plain = `${pick(rng, WORDS)}${int(rng, 10, 9999)}${pick(rng, ['', 'X', 'Qz', '9k'])}`;
  // Some passwords carry characters that must be percent-encoded, encoded as they should be.
  return chance(rng, 0.3) ? plain + pick(rng, ['%40', '%3A', '%2F', '%25', '%23', '%21']) + int(rng, 0, 99) : plain;
}

const OPTIONS: ReadonlyArray<(rng: Rng) => string> = [
  () => 'retryWrites=true',
  (r) => `w=${pick(r, ['majority', '1', '2'])}`,
  (r) => `readPreference=${pick(r, ['primary', 'primaryPreferred', 'secondary', 'secondaryPreferred', 'nearest'])}`,
  (r) => `maxPoolSize=${int(r, 5, 200)}`,
  (r) => `connectTimeoutMS=${int(r, 1, 30) * 1000}`,
  (r) => `serverSelectionTimeoutMS=${int(r, 1, 30) * 1000}`,
  (r) => `appName=${pick(r, WORDS)}-${pick(r, ENVS)}`,
  () => 'authSource=admin',
  (r) => `readConcernLevel=${pick(r, ['local', 'majority', 'linearizable'])}`,
  (r) => `compressors=${pick(r, ['zstd', 'snappy,zlib', 'zlib'])}`,
  (r) => `wtimeoutMS=${int(r, 1, 10) * 500}`,
  (r) => `maxIdleTimeMS=${int(r, 1, 60) * 1000}`,
  () => 'tls=true',
  (r) => `socketTimeoutMS=${int(r, 0, 120) * 1000}`,
  () => 'directConnection=false',
];

function options(rng: Rng, count: number, extra: string[] = []): string {
  const chosen = new Map<string, string>();
  for (const e of extra) chosen.set(e.split('=')[0], e);
  while (chosen.size < count + extra.length) {
    const o = pick(rng, OPTIONS)(rng);
    chosen.set(o.split('=')[0], o);
  }
  return chosen.size === 0 ? '' : `?${[...chosen.values()].join('&')}`;
}

function credentials(rng: Rng): string {
  return chance(rng, 0.75) ? `${pick(rng, USERS)}:${password(rng)}@` : '';
}

function standalone(rng: Rng): string {
  const host = pick(rng, ['localhost', '127.0.0.1', `mongo-${pick(rng, ENVS)}.internal`, `db${int(rng, 1, 99)}.example.com`, '[::1]']);
  const port = chance(rng, 0.7) ? `:${pick(rng, [27017, 27018, 27019, int(rng, 1024, 65535)])}` : '';
  const db = chance(rng, 0.8) ? `/${pick(rng, WORDS)}` : chance(rng, 0.5) ? '/' : '';
  const opts = db === '' ? '' : options(rng, int(rng, 0, 3));
  return `mongodb://${credentials(rng)}${host}${port}${db}${opts}`;
}

function replicaSet(rng: Rng): string {
  const env = pick(rng, ENVS);
  const hosts = Array.from({ length: int(rng, 2, 5) }, (_, k) => `mongo-${env}-${k}.${pick(rng, ['internal', 'example.com', 'svc.cluster.local'])}:${27017 + (chance(rng, 0.8) ? 0 : k)}`);
  return `mongodb://${credentials(rng)}${hosts.join(',')}/${pick(rng, WORDS)}${options(rng, int(rng, 1, 4), [`replicaSet=rs${int(rng, 0, 3)}`])}`;
}

function atlas(rng: Rng): string {
  const cluster = `${pick(rng, ['cluster0', 'prod', 'shop', 'analytics'])}.${Math.floor(rng() * 36 ** 5).toString(36).padStart(5, '0')}.mongodb.net`;
  const db = chance(rng, 0.7) ? `/${pick(rng, WORDS)}` : '/';
  return `mongodb+srv://${pick(rng, USERS)}:${password(rng)}@${cluster}${db}${options(rng, int(rng, 1, 3), ['retryWrites=true', 'w=majority'])}`;
}

/** Mistakes people make, about one string in twenty: every peer should reject or warn about these. */
const MISTAKES: ReadonlyArray<(rng: Rng) => string> = [
  (r) => `mongodb://localhost:${int(r, 65536, 99999)}/${pick(r, WORDS)}`,
  (r) => `mongodb://${pick(r, USERS)}:p@ss${int(r, 0, 99)}@localhost:27017/${pick(r, WORDS)}`,
  (r) => `mongodb+srv://${pick(r, USERS)}:x@cluster0.abcde.mongodb.net:27017/${pick(r, WORDS)}`,
  (r) => `mongodb://a:27017,b:27017/${pick(r, WORDS)}?directConnection=true`,
  (r) => `mongodb://localhost/${pick(r, WORDS)}?maxPoolSize=${pick(r, ['-1', 'ten', '1.5'])}`,
  () => `mongodb://localhost/?tls=true&ssl=false`,
];

/** `count` realistic connection strings: standalone, replica sets and Atlas SRV, with credentials and options. */
export function generateUris(count: number, seed = 20240601): string[] {
  const rng = random(seed);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const r = rng();
    out.push(r < 0.05 ? pick(rng, MISTAKES)(rng) : r < 0.4 ? standalone(rng) : r < 0.7 ? replicaSet(rng) : atlas(rng));
  }
  return out;
}

/** One block of each format with values worth checking; `i` keeps blocks distinct. */
export const BLOCKS: Record<string, (i: number) => string> = {
  yaml: (i) => `services:
  api${i}:
    image: node:20
    environment:
      MONGODB_URI: "mongodb://api:\${MONGO_PASSWORD}@mongo-${i}:27017/shop?replicaSet=rs0&w=majority"
      MONGO_DB: shop_${i}
      LOG_LEVEL: info # plain value
    command: ["node", "dist/server.js", "--port", "${3000 + (i % 1000)}"]
  worker${i}:
    environment:
      - MONGO_URL=mongodb://worker@mongo-${i}:27017/jobs?readPreference=secondary
      - QUEUE=emails
    healthcheck:
      test: >
        mongosh --quiet "mongodb://localhost:27017/admin"
        --eval "db.adminCommand('ping')"
`,
  json: (i) => `{"service${i}": {"ConnectionStrings": {"Mongo": "mongodb:\\/\\/svc${i}:\${PW}@db-${i}.example.com:27017\\/app?w=majority&tls=true"},
  "MongoDB": {"DatabaseName": "app_${i}", "CollectionName": "events"}, "Logging": {"Level": "Information", "Tags": ["a", "b", "c"]},
  "description": "Service number ${i} talks to mongodb://db-${i}.example.com:27017/app?tls=true", "port": ${i % 65535}, "enabled": true}}
`,
  dotenv: (i) => `# service ${i}
MONGODB_URI=mongodb://svc${i}:\${MONGO_PASSWORD}@db-${i}.internal:27017/app?authSource=admin&tls=true
MONGO_DB=app_${i}
SESSIONS_MONGO_URL="mongodb://localhost:27017/sessions_${i}\\n" # sessions
REDIS_URL=redis://cache-${i}:6379
FEATURE_FLAGS='a,b,c'
`,
  typescript: (i) => `// Service ${i}: mongodb://localhost:27017/dev_${i}
export const uri${i} = process.env.MONGODB_URI ?? 'mongodb://localhost:27017/shop_${i}';
const orders${i} = client.db("shop_${i}").collection('orders');
const re${i} = /^mongodb(\\+srv)?:\\/\\//.test(uri${i}) ? \`mongodb://\${user}:\${pass}@h${i}:27017/app\` : "n/a";
function total${i}(items: number[]): number { return items.reduce((a, b) => a + b, 0) / ${i + 1}; }
`,
  python: (i) => `# service ${i}
MONGO_URI_${i} = os.getenv("MONGO_URI", "mongodb://localhost:27017/app_${i}")
db_${i} = client["app_${i}"]
events_${i} = db_${i}["events"]
label_${i} = f"service {${i}} at mongodb://{host}:27017/app"
def handler_${i}(event): return {"status": 200, "body": "ok"}
`,
  markdown: (i) => `## Section ${i}
Connect with \`mongodb://localhost:27017/app_${i}\` or see the docs.

\`\`\`yaml
mongo:
  uri: "mongodb://db-${i}.example.com:27017/app?tls=true"
  database: app_${i}
\`\`\`

Plain prose line number ${i} without any connection string at all.
`,
  plaintext: (i) => `Line ${i}: the old cluster is mongodb://legacy-${i}.internal:27017/shop; the new one is
mongodb+srv://<user>:<password>@shop-${i}.abcde.mongodb.net/shop. Nothing else on this line ${i}.
`,
};

/** Unrelated content of each format: what most of a real file is. */
export const FILLERS: Record<string, (i: number) => string> = {
  yaml: (i) => `  cache${i}:
    image: redis:7
    ports:
      - "${6000 + (i % 1000)}:6379"
    deploy:
      resources:
        limits: { cpus: "0.25", memory: 128M }
    labels:
      team: platform # owner
`,
  json: (i) => `{"item${i}": {"name": "Widget ${i}", "price": ${(i * 1.5).toFixed(2)}, "tags": ["blue", "small", "sale"], "dimensions": {"w": 10, "h": 20},
  "url": "https://example.com/items/${i}", "notes": "Ships in 2-3 days.\\nHandle with care."}}
`,
  dotenv: (i) => `# feature ${i}
FEATURE_${i}_ENABLED=true
FEATURE_${i}_PERCENT=${i % 100}
API_${i}_URL=https://api-${i}.example.com/v1
`,
  typescript: (i) => `export function format${i}(value: number, currency = 'EUR'): string {
  const rounded = Math.round(value * 100) / 100; // cents
  return new Intl.NumberFormat('de-DE', { style: 'currency', currency }).format(rounded) + " (#${i})";
}
`,
  python: (i) => `def price_${i}(amount: float, rate: float = 0.19) -> float:
    """Gross price with tax for item ${i}."""
    return round(amount * (1 + rate), 2)  # rounded to cents
`,
  markdown: (i) => `### Item ${i}

Some *prose* about item ${i}, with a [link](https://example.com/${i}) and \`inline code\`.

- first point
- second point
`,
  plaintext: (i) => `Line ${i}: nothing to see here, just ordinary text about deployments, queues and caches.
`,
};

/** The formats of the document benchmark, as language ids. */
export const FORMATS = Object.keys(BLOCKS);

/**
 * A document of about `bytes` characters: one block with values for every `fillersPerBlock` blocks
 * of unrelated content (0: only blocks with values); one block in fifty has a port out of range
 * (`mistakes: false`: none).
 */
export function generateDocument(format: string, bytes: number, fillersPerBlock = 9, mistakes = true): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    let block = i % (fillersPerBlock + 1) !== 0 ? FILLERS[format](i) : BLOCKS[format](i);
    // Every fiftieth block has a mistake: a port out of range.
    if (mistakes && i % 50 === 0) block = block.replace(':27017', ':70000');
    parts.push(block);
    size += block.length;
  }
  return parts.join('');
}

/** The port every connection string of the blocks of BLOCKS carries, and the one out of range that replaces it. */
export const PORT = ':27017';
const BAD_PORT = ':70000';

/** Offsets of every occurrence of `needle` in `text`. */
export function occurrences(text: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) out.push(i);
  return out;
}

export interface ProblemDocument {
  text: string;
  /** Connection strings in the document (each carries the port PORT, or BAD_PORT where it has a problem). */
  uris: number;
  /** Connection strings given a port out of range. */
  problems: number;
}

/**
 * A document of about `bytes` characters without mistakes, then the port of a `fraction` of its
 * connection strings put out of range, spread evenly (same length: the size stays).
 */
export function documentWithProblems(format: string, bytes: number, fillersPerBlock: number, fraction: number): ProblemDocument {
  const text = generateDocument(format, bytes, fillersPerBlock, false);
  const ports = occurrences(text, PORT);
  const count = Math.min(ports.length, Math.round(fraction * ports.length));
  const parts: string[] = [];
  let from = 0;
  for (let k = 0; k < count; k++) {
    const at = ports[Math.floor(((k + 0.5) * ports.length) / count)];
    parts.push(text.slice(from, at), BAD_PORT);
    from = at + PORT.length;
  }
  parts.push(text.slice(from));
  return { text: parts.join(''), uris: ports.length, problems: count };
}

/** One small file of the many-documents scenario: a name with its format, and its text. */
export interface SmallFile {
  uri: string;
  languageId: string;
  text: string;
}

/**
 * `count` small .env, YAML and JavaScript files as a project holds them; most name databases from a
 * small set (the same names across files, as services of one system share them), and `caseVariants`
 * of them write one of these names with another case, so that cross-document checks have work to do.
 */
export function smallFiles(count: number, caseVariants: number, seed = 424242): SmallFile[] {
  const rng = random(seed);
  const out: SmallFile[] = [];
  const variantEvery = caseVariants > 0 ? Math.floor(count / caseVariants) : Infinity;
  for (let i = 0; i < count; i++) {
    let db = pick(rng, WORDS);
    if ((i + 1) % variantEvery === 0) db = db[0].toUpperCase() + db.slice(1);
    const uri = `mongodb://${pick(rng, USERS)}:${password(rng)}@${pick(rng, ['localhost', `mongo-${pick(rng, ENVS)}.internal`])}:27017/${db}${options(rng, int(rng, 0, 2))}`;
    const service = `service-${i}`;
    switch (i % 3) {
      case 0:
        out.push({
          uri: `file:///bench/project/${service}/.env`,
          languageId: 'dotenv',
          text: `# ${service}\nMONGODB_URI=${uri}\nMONGO_DB=${db}\nPORT=${3000 + (i % 1000)}\nLOG_LEVEL=info\n`,
        });
        break;
      case 1:
        out.push({
          uri: `file:///bench/project/${service}/config.yaml`,
          languageId: 'yaml',
          text: `${service}:\n  mongo:\n    uri: "${uri}"\n    database: ${db}\n  http:\n    port: ${3000 + (i % 1000)}\n`,
        });
        break;
      default:
        out.push({
          uri: `file:///bench/project/${service}/db.js`,
          languageId: 'javascript',
          text: `const { MongoClient } = require('mongodb');\nconst client = new MongoClient(process.env.MONGODB_URI ?? '${uri}');\nmodule.exports = client.db('${db}').collection('events');\n`,
        });
    }
  }
  return out;
}

/** The inputs that make a careless parser quadratic: each about `bytes` characters, as a .env value. */
export interface PathologicalInput {
  name: string;
  /** The shape of the input, for the table. */
  shape: string;
  text: string;
  /** Settings of the core to analyse it with, over the defaults. */
  driver?: 'node';
}

export function pathologicalInputs(bytes: number, optionCount: number): PathologicalInput[] {
  return [
    { name: 'percent', shape: 'a run of `%` in the password: `mongodb://u:%%%…@h/`', text: `MONGODB_URI=mongodb://u:${'%'.repeat(bytes)}@h/\n` },
    { name: 'options', shape: `${optionCount.toLocaleString('en')} unknown options: \`?a=1&a=1&…\``, text: `MONGODB_URI=mongodb://h/?${Array(optionCount).fill('a=1').join('&')}\n` },
    { name: 'w-options', shape: `${optionCount.toLocaleString('en')} repeated options: \`?w=1&w=1&…\``, text: `MONGODB_URI=mongodb://h/?${Array(optionCount).fill('w=1').join('&')}\n` },
    { name: 'at-signs', shape: 'a run of `@` in the userinfo: `mongodb://u:p@@@…@h/`', text: `MONGODB_URI=mongodb://u:p${'@'.repeat(bytes)}h/\n` },
    { name: 'commas', shape: 'a run of `,` in the host list, Node profile: `mongodb://h,,,…,h/`', text: `MONGODB_URI=mongodb://h${','.repeat(bytes)}h/\n`, driver: 'node' },
    { name: 'interpolations', shape: 'a run of `${` in the password: `mongodb://u:${${${…@h/`', text: `MONGODB_URI=mongodb://u:${'${'.repeat(bytes / 2)}@h/db\n` },
    { name: 'brackets', shape: 'a run of `[,` in the host list (a bad host in each item), Node profile: `mongodb://[,[,…/`', text: `MONGODB_URI=mongodb://${'[,'.repeat(bytes / 2)}h/\n`, driver: 'node' },
  ];
}
