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
  json: (i) => `{"service${i}": {"ConnectionStrings": {"Mongo": "mongodb:\\/\\/svc${i}:\${PW}@db-${i}.example.com:27017\\/app?w=majority"},
  "MongoDB": {"DatabaseName": "app_${i}", "CollectionName": "events"}, "Logging": {"Level": "Information", "Tags": ["a", "b", "c"]},
  "description": "Service number ${i} talks to mongodb://db-${i}.example.com:27017/app", "port": ${i % 65535}, "enabled": true}}
`,
  dotenv: (i) => `# service ${i}
MONGODB_URI=mongodb://svc${i}:\${MONGO_PASSWORD}@db-${i}.internal:27017/app?authSource=admin
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
  uri: "mongodb://db-${i}.example.com:27017/app"
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
 * of unrelated content (0: only blocks with values); one block in fifty has a port out of range.
 */
export function generateDocument(format: string, bytes: number, fillersPerBlock = 9): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    let block = i % (fillersPerBlock + 1) !== 0 ? FILLERS[format](i) : BLOCKS[format](i);
    // Every fiftieth block has a mistake: a port out of range.
    if (i % 50 === 0) block = block.replace(':27017', ':70000');
    parts.push(block);
    size += block.length;
  }
  return parts.join('');
}
