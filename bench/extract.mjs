// Measures extraction over large mixed documents of every format, 1 MB and 10 MB: blocks with
// connection strings (plain, escaped, quoted, with placeholders), database and collection names and
// comments, between blocks of unrelated configuration or code (nine filler blocks to one such block);
// and, as a stress, 10 MB documents made of nothing but such blocks. Prints the extraction time, the
// time of the whole analysis (extraction and checking of every value) and, as a floor, a bare
// /mongodb/g regex scan of the same text.
//
//   node bench/extract.mjs [runs=5]
import * as esbuild from 'esbuild';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[2] ?? 5);

/** One block of each format; repeated (with a counter) up to the wanted size. */
const BLOCKS = {
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
const FILLERS = {
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

function makeDocument(format, bytes, mixed) {
  const parts = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const block = mixed && i % 10 !== 0 ? FILLERS[format](i) : BLOCKS[format](i);
    parts.push(block);
    size += block.length;
  }
  return parts.join('');
}

function best(fn) {
  let min = Infinity;
  let result;
  for (let k = 0; k < runs; k++) {
    const t0 = process.hrtime.bigint();
    result = fn();
    min = Math.min(min, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return { ms: min, result };
}

const dir = await mkdtemp(path.join(tmpdir(), 'mongodb-uri-bench-'));
try {
  const entry = path.join(dir, 'entry.ts');
  const { writeFile } = await import('node:fs/promises');
  await writeFile(
    entry,
    `export { extractValues } from ${JSON.stringify(path.join(root, 'server/src/service/extract/index.ts'))};
export { analyzeDocument, defaultSettings } from ${JSON.stringify(path.join(root, 'server/src/service/languageService.ts'))};\n`,
  );
  const outfile = path.join(dir, 'core.mjs');
  await esbuild.build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'esm', mainFields: ['module', 'main'], logLevel: 'warning', minify: true });
  const core = await import(pathToFileURL(outfile).href);
  const settings = { ...core.defaultSettings, maxFileSize: Number.MAX_SAFE_INTEGER };

  const header = `${'format'.padEnd(11)} ${'size'.padStart(6)} ${'values'.padStart(8)} ${'extract'.padStart(10)} ${'analyze'.padStart(10)} ${'/mongodb/g'.padStart(11)} ${'MB/s'.padStart(7)}`;
  const row = (format, mb, mixed) => {
    const text = makeDocument(format, mb * 1024 * 1024, mixed);
    const extract = best(() => core.extractValues(text, format, 'file:///bench'));
    const analyze = best(() => core.analyzeDocument({ uri: 'file:///bench', languageId: format, text }, settings));
    const floor = best(() => {
      const re = /mongodb/g;
      let n = 0;
      while (re.exec(text)) n++;
      return n;
    });
    const mbs = (text.length / 1024 / 1024 / (extract.ms / 1000)).toFixed(0);
    console.log(
      `${format.padEnd(11)} ${(mb + ' MB').padStart(6)} ${String(extract.result.length).padStart(8)} ${(extract.ms.toFixed(1) + ' ms').padStart(10)} ${(analyze.ms.toFixed(1) + ' ms').padStart(10)} ${(floor.ms.toFixed(1) + ' ms').padStart(11)} ${mbs.padStart(7)}`,
    );
  };

  console.log(`Mixed documents (one block of values in ten), best of ${runs} runs, Node ${process.version}\n`);
  console.log(header);
  for (const format of Object.keys(BLOCKS)) for (const mb of [1, 10]) row(format, mb, true);
  console.log(`\nStress: 10 MB made only of blocks of values\n`);
  console.log(header);
  for (const format of Object.keys(BLOCKS)) row(format, 10, false);
} finally {
  await rm(dir, { recursive: true, force: true });
}
