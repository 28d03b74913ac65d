/**
 * Which keys hold a MongoDB connection string, database name or collection name.
 * A key path is the list of keys from the document root to the value (`spring`, `data`, `mongodb`, `uri`);
 * segments are split further at `.`, `:` and `__`, so `spring.data.mongodb.uri`,
 * `ConnectionStrings:Mongo` and `ConnectionStrings__Mongo` read the same in every format.
 */

/**
 * `uri`: the value is a connection string even without a scheme.
 * `uri-if-mongo`: a generic URL key (`DATABASE_URL`): a connection string only if the value starts with `mongo`.
 */
export type KeyKind = 'uri' | 'uri-if-mongo' | 'database' | 'collection';

/** Splits a key into lower-case words at `_`, `-`, spaces, digits boundaries and camelCase humps. */
export function keyWords(key: string): string[] {
  const words: string[] = [];
  let cur = '';
  for (let i = 0; i < key.length; i++) {
    const ch = key[i];
    const c = key.charCodeAt(i);
    const upper = c >= 0x41 && c <= 0x5a;
    const lower = (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
    if (!upper && !lower) {
      if (cur) words.push(cur);
      cur = '';
      continue;
    }
    if (upper && cur) {
      const prev = key.charCodeAt(i - 1);
      const prevLower = (prev >= 0x61 && prev <= 0x7a) || (prev >= 0x30 && prev <= 0x39);
      const next = key.charCodeAt(i + 1);
      const nextLower = next >= 0x61 && next <= 0x7a;
      // "mongoUri" → mongo|Uri;  "MongoDBName" → Mongo|DB|Name
      if (prevLower || (nextLower && prev >= 0x41 && prev <= 0x5a)) {
        words.push(cur);
        cur = '';
      }
    }
    cur += ch.toLowerCase();
  }
  if (cur) words.push(cur);
  return words;
}

/** Splits key path segments at `.`, `:` and `__`. */
export function splitKeyPath(path: readonly string[]): string[] {
  const out: string[] = [];
  for (const seg of path) {
    let from = 0;
    for (let i = 0; i <= seg.length; i++) {
      const c = i < seg.length ? seg.charCodeAt(i) : -1;
      const isSep = c === -1 || c === 0x2e /* . */ || c === 0x3a /* : */ || (c === 0x5f && seg.charCodeAt(i + 1) === 0x5f);
      if (!isSep) continue;
      if (i > from) out.push(seg.slice(from, i));
      if (c === 0x5f) i++;
      from = i + 1;
    }
  }
  return out;
}

const isMongoWord = (w: string) => w.startsWith('mongo');

/** Number of trailing words that name a URL (`uri`, `url`, `connection string`), or 0. */
function uriSuffix(w: readonly string[]): number {
  const n = w.length;
  const last = w[n - 1];
  if (last === 'uri' || last === 'url' || last === 'dsn' || last === 'connectionstring' || last === 'connstr') return 1;
  if (n >= 2 && (last === 'string' || last === 'str') && (w[n - 2] === 'connection' || w[n - 2] === 'conn')) return 2;
  if (n >= 2 && (last === 'uri' || last === 'url') && w[n - 2] === 'connection') return 2;
  return 0;
}

/** Number of trailing words that name a database (`db`, `database`, `db name`), or 0. */
function databaseSuffix(w: readonly string[]): number {
  const n = w.length;
  const last = w[n - 1];
  if (last === 'db' || last === 'database' || last === 'dbname' || last === 'databasename') return 1;
  if (n >= 2 && last === 'name' && (w[n - 2] === 'db' || w[n - 2] === 'database')) return 2;
  return 0;
}

function collectionSuffix(w: readonly string[]): number {
  const n = w.length;
  const last = w[n - 1];
  if (last === 'collection' || last === 'collectionname') return 1;
  if (n >= 2 && last === 'name' && w[n - 2] === 'collection') return 2;
  return 0;
}

/** Classifies a key path that is already split into segments. */
export function classifySegments(segments: readonly string[]): KeyKind | undefined {
  const n = segments.length;
  if (n === 0) return undefined;
  const leaf = keyWords(segments[n - 1]);
  if (leaf.length === 0) return undefined;
  const parent = n >= 2 ? segments[n - 2].toLowerCase() : '';
  const grandparent = n >= 3 ? segments[n - 3].toLowerCase() : '';
  const mongoSection = parent.includes('mongo') || grandparent.includes('mongo');

  const u = uriSuffix(leaf);
  if (u > 0) {
    if (leaf.slice(0, leaf.length - u).some(isMongoWord)) return 'uri';
    if (leaf.length === u && mongoSection) return 'uri';
  }
  if (parent.replace(/[_\-\s]/g, '') === 'connectionstrings' && leaf.some(isMongoWord)) return 'uri';
  if (u > 0) return 'uri-if-mongo';

  const d = databaseSuffix(leaf);
  if (d > 0) {
    if (leaf.slice(0, leaf.length - d).some(isMongoWord)) return 'database';
    if (leaf.length === d && mongoSection) return 'database';
  }
  if (collectionSuffix(leaf) > 0) return 'collection';
  return undefined;
}

const cache = new Map<string, KeyKind | null>();

/** Classifies the key path of a value; the last element is the value's own key. Cached. */
export function classifyKeyPath(path: readonly string[]): KeyKind | undefined {
  const n = path.length;
  if (n === 0) return undefined;
  // Only the last three segments matter; a key of the cache made of them.
  const tail = n > 3 ? path.slice(n - 3) : path;
  const cacheKey = tail.join('\u0000');
  let kind = cache.get(cacheKey);
  if (kind === undefined) {
    kind = classifySegments(splitKeyPath(tail)) ?? null;
    if (cache.size > 5000) cache.clear();
    cache.set(cacheKey, kind);
  }
  return kind ?? undefined;
}

/** The key as users write it: the path joined with dots. */
export function keyName(path: readonly string[]): string {
  return path.join('.');
}
