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
export type KeyKind = 'uri' | 'uri-if-mongo' | 'database' | 'collection' | AtlasNameKind;

/** Names of MongoDB Atlas resources (`ATLAS_CLUSTER_NAME`, `atlas.projectName`). */
export type AtlasNameKind = 'atlas-cluster' | 'atlas-project' | 'atlas-organization';

/** Splits a key into lower-case words at `_`, `-`, spaces, digits boundaries and camelCase humps. */
export function keyWords(key: string): string[] {
  const words: string[] = [];
  let from = -1; // start of the current word, or -1 between words
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    const upper = c >= 0x41 && c <= 0x5a;
    const lower = (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
    if (!upper && !lower) {
      if (from >= 0) words.push(key.slice(from, i).toLowerCase());
      from = -1;
      continue;
    }
    if (upper && from >= 0) {
      const prev = key.charCodeAt(i - 1);
      const prevLower = (prev >= 0x61 && prev <= 0x7a) || (prev >= 0x30 && prev <= 0x39);
      const next = key.charCodeAt(i + 1);
      const nextLower = next >= 0x61 && next <= 0x7a;
      // "mongoUri" → mongo|Uri;  "MongoDBName" → Mongo|DB|Name
      if (prevLower || (nextLower && prev >= 0x41 && prev <= 0x5a)) {
        words.push(key.slice(from, i).toLowerCase());
        from = -1;
      }
    }
    if (from < 0) from = i;
  }
  if (from >= 0) words.push(key.slice(from).toLowerCase());
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

/** What the last key of a path says on its own. */
interface LeafFacts {
  /** Ends in a URL word (`uri`, `url`, `connection string`) after a mongo word (`MONGO_URI`). */
  mongoUri: boolean;
  /** Is nothing but a URL word (`uri`). */
  bareUri: boolean;
  /** Ends in a URL word at all (`DATABASE_URL`). */
  anyUri: boolean;
  mongoDatabase: boolean;
  bareDatabase: boolean;
  collection: boolean;
  mentionsMongo: boolean;
  /** Ends in `cluster name`, `project name` or `organization name`. */
  atlasName?: AtlasNameKind;
  /** A word before the end is `atlas` (`ATLAS_CLUSTER_NAME`, `MongoAtlasProjectName`). */
  mentionsAtlas: boolean;
}

const ATLAS_NAME_WORDS: Readonly<Record<string, AtlasNameKind>> = {
  cluster: 'atlas-cluster',
  clustername: 'atlas-cluster',
  project: 'atlas-project',
  projectname: 'atlas-project',
  org: 'atlas-organization',
  orgname: 'atlas-organization',
  organization: 'atlas-organization',
  organizationname: 'atlas-organization',
};

/** The Atlas name a key ends with (`… cluster name`, `…ClusterName`), or undefined. */
function atlasNameSuffix(w: readonly string[]): AtlasNameKind | undefined {
  const n = w.length;
  const last = w[n - 1];
  if (last.endsWith('name') && last !== 'name') return ATLAS_NAME_WORDS[last];
  return last === 'name' && n >= 2 ? ATLAS_NAME_WORDS[w[n - 2]] : undefined;
}

function leafFacts(leaf: string): LeafFacts {
  const w = keyWords(leaf);
  if (w.length === 0) return NO_FACTS;
  const u = uriSuffix(w);
  const d = databaseSuffix(w);
  const mongoBefore = (end: number) => {
    for (let k = 0; k < end; k++) if (isMongoWord(w[k])) return true;
    return false;
  };
  return {
    mongoUri: u > 0 && mongoBefore(w.length - u),
    bareUri: u > 0 && w.length === u,
    anyUri: u > 0,
    mongoDatabase: d > 0 && mongoBefore(w.length - d),
    bareDatabase: d > 0 && w.length === d,
    collection: collectionSuffix(w) > 0,
    mentionsMongo: mongoBefore(w.length),
    atlasName: atlasNameSuffix(w),
    mentionsAtlas: w.some((x) => x === 'atlas' || x === 'mongodbatlas'),
  };
}

const NO_FACTS: LeafFacts = { mongoUri: false, bareUri: false, anyUri: false, mongoDatabase: false, bareDatabase: false, collection: false, mentionsMongo: false, mentionsAtlas: false };
const ONLY_MONGO: LeafFacts = { ...NO_FACTS, mentionsMongo: true };

/**
 * Keys seen before. Filled up to a bound and then left alone: documents with many distinct keys
 * (numbered variables) would only churn it.
 */
const leafCache = new Map<string, LeafFacts>();

/**
 * Last letters of the words that can make a key say something, each with the words ending in it:
 * a key ending in `…i` may end in `uri`, one ending in `…e` in `database` or `name`. One comparison
 * of the last letter rules out most keys.
 */
const SUFFIXES_BY_LAST: Readonly<Record<number, readonly string[]>> = {
  0x69: ['uri'],
  0x6c: ['url'],
  0x6e: ['dsn', 'collection'],
  0x72: ['str'],
  0x67: ['string'],
  0x62: ['db'],
  0x65: ['database', 'name'],
};

/** Offset just after the last letter or digit of text[from, to), or `from`. */
function trimmedEnd(text: string, from: number, to: number): number {
  let end = to;
  while (end > from) {
    const c = text.charCodeAt(end - 1) | 0x20;
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) break;
    end--;
  }
  return end;
}

/** True when text[from, end) ends with `w` (lower case) in any letter case. */
function endsWithWord(text: string, from: number, end: number, w: string): boolean {
  if (end - from < w.length) return false;
  for (let k = 0; k < w.length; k++) if ((text.charCodeAt(end - w.length + k) | 0x20) !== w.charCodeAt(k)) return false;
  return true;
}

/**
 * True when the key text[from, to) ends (in any letter case) with a word that can make it say
 * something: uri, db, name, ...
 */
function mayMatter(text: string, from: number, to: number): boolean {
  const end = trimmedEnd(text, from, to);
  if (end === from) return false;
  const words = SUFFIXES_BY_LAST[text.charCodeAt(end - 1) | 0x20];
  if (words === undefined) return false;
  for (const w of words) if (endsWithWord(text, from, end, w)) return true;
  return false;
}

/**
 * False when the key text[from, to), a whole key path, certainly says nothing of a value that does
 * not mention "mongo" while the key itself does not either: what classifyKeys(key) can say of such
 * a key is `uri-if-mongo` (empty handed without "mongo" in the value), a collection name or an
 * Atlas name, and those last two end in `collection` or `name`.
 */
export function mayNameWithoutMongo(text: string, from: number, to: number): boolean {
  const end = trimmedEnd(text, from, to);
  return endsWithWord(text, from, end, 'name') || endsWithWord(text, from, end, 'collection');
}

/** False when classifyKeys(text.slice(from, to)) is certainly undefined: a cheap test on the key's range. */
export function keyMayMatter(text: string, from: number, to: number): boolean {
  return mayMatter(text, from, to) || containsMongo(text, from, to);
}

function cachedLeafFacts(leaf: string): LeafFacts {
  if (!mayMatter(leaf, 0, leaf.length)) return containsMongo(leaf, 0, leaf.length) ? ONLY_MONGO : NO_FACTS;
  let facts = leafCache.get(leaf);
  if (!facts) {
    facts = leafFacts(leaf);
    if (leafCache.size < 2000) leafCache.set(leaf, facts);
  }
  return facts;
}

/** True when s[from, to) contains "mongo" in any letter case. */
function containsMongo(s: string, from = 0, to = s.length): boolean {
  for (let i = to - 5; i >= from; i--) {
    if (
      (s.charCodeAt(i + 1) | 0x20) === 0x6f &&
      (s.charCodeAt(i) | 0x20) === 0x6d &&
      (s.charCodeAt(i + 2) | 0x20) === 0x6e &&
      (s.charCodeAt(i + 3) | 0x20) === 0x67 &&
      (s.charCodeAt(i + 4) | 0x20) === 0x6f
    ) {
      return true;
    }
  }
  return false;
}

/** Classifies a key path that is already split into segments. */
export function classifySegments(segments: readonly string[]): KeyKind | undefined {
  const n = segments.length;
  if (n === 0) return undefined;
  return classifyTail(segments[n - 1], n >= 2 ? segments[n - 2] : '', n >= 3 ? segments[n - 3] : '');
}

/** Classifies the last three segments of a split key path ('' where there is none). */
function classifyTail(leafKey: string, parent: string, grandparent: string): KeyKind | undefined {
  const leaf = cachedLeafFacts(leafKey);
  if (leaf === NO_FACTS) return undefined;
  if (leaf.mongoUri) return 'uri';
  if (leaf.bareUri && (containsMongo(parent) || containsMongo(grandparent))) return 'uri';
  if (leaf.mentionsMongo && parent.length >= 17 && parent.replace(/[_\-\s]/g, '').toLowerCase() === 'connectionstrings') return 'uri';
  if (leaf.anyUri) return 'uri-if-mongo';
  if (leaf.mongoDatabase) return 'database';
  if (leaf.bareDatabase && (containsMongo(parent) || containsMongo(grandparent))) return 'database';
  if (leaf.collection) return 'collection';
  if (leaf.atlasName && (leaf.mentionsAtlas || containsAtlas(parent) || containsAtlas(grandparent))) return leaf.atlasName;
  return undefined;
}

/** True when a key contains "atlas" in any letter case. */
function containsAtlas(s: string): boolean {
  return s.length >= 5 && s.toLowerCase().includes('atlas');
}

/** True when a path segment has to be split further (`a.b`, `a:b`, `a__b`). */
function needsSplit(seg: string): boolean {
  for (let i = 0; i < seg.length; i++) {
    const c = seg.charCodeAt(i);
    if (c === 0x2e || c === 0x3a || (c === 0x5f && seg.charCodeAt(i + 1) === 0x5f)) return true;
  }
  return false;
}

/** Classifies the key path of a value; the last element is the value's own key. */
export function classifyKeyPath(path: readonly string[]): KeyKind | undefined {
  const n = path.length;
  if (n === 0) return undefined;
  return classifyKeys(path[n - 1], n >= 2 ? path[n - 2] : undefined, n >= 3 ? path[n - 3] : undefined);
}

/** Classifies a value by its key, its parent key and its grandparent key (innermost first). */
export function classifyKeys(leaf: string, parent?: string, grandparent?: string): KeyKind | undefined {
  if (needsSplit(leaf) || (parent !== undefined && needsSplit(parent)) || (grandparent !== undefined && needsSplit(grandparent))) {
    const tail = grandparent !== undefined ? [grandparent, parent ?? '', leaf] : parent !== undefined ? [parent, leaf] : [leaf];
    return classifySegments(splitKeyPath(tail));
  }
  return classifyTail(leaf, parent ?? '', grandparent ?? '');
}

/** The key as users write it: the path joined with dots. */
export function keyName(path: readonly string[]): string {
  return path.join('.');
}
