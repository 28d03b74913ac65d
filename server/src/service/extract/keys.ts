/**
 * Which keys hold a MongoDB connection string, database name or collection name.
 * A key path is the list of keys from the document root to the value (`spring`, `data`, `mongodb`, `uri`);
 * segments are split further at `.`, `:` and `__`, so `spring.data.mongodb.uri`,
 * `ConnectionStrings:Mongo` and `ConnectionStrings__Mongo` read the same in every format.
 */

import { mayMentionMongo } from './decoded';

/**
 * `uri`: the value is a connection string even without a scheme.
 * `uri-if-mongo`: a generic URL key (`DATABASE_URL`): a connection string only if the value starts with `mongo`.
 */
export type KeyKind = 'uri' | 'uri-if-mongo' | 'database' | 'collection' | AtlasNameKind;

/** Names of MongoDB Atlas resources (`ATLAS_CLUSTER_NAME`, `atlas.projectName`). */
export type AtlasNameKind = 'atlas-cluster' | 'atlas-project' | 'atlas-organization';

/** Splits a key into lower-case words at `_`, `-`, spaces, digits boundaries and camelCase humps. */
export function keyWords(key: string): string[] {
  const n = splitWords(key);
  const words: string[] = [];
  for (let k = 0; k < n; k++) words.push(key.slice(wordFrom[k], wordTo[k]).toLowerCase());
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

/** Where the words of the last key split by splitWords start and end. */
let wordFrom = new Int32Array(16);
let wordTo = new Int32Array(16);

/**
 * Splits a key into words at `_`, `-`, spaces and other characters that are not ASCII letters or
 * digits, and at camelCase humps, into wordFrom/wordTo; returns their number.
 */
function splitWords(key: string): number {
  // Room for every word (each has a character); a long key's room is not kept for the short ones after it.
  if (wordFrom.length < key.length || (wordFrom.length > 4096 && key.length <= 4096)) {
    wordFrom = new Int32Array(Math.max(16, key.length));
    wordTo = new Int32Array(Math.max(16, key.length));
  }
  let n = 0;
  let from = -1;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    const upper = c >= 0x41 && c <= 0x5a;
    const lower = (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
    if (!upper && !lower) {
      if (from >= 0) {
        wordFrom[n] = from;
        wordTo[n++] = i;
      }
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
        wordFrom[n] = from;
        wordTo[n++] = i;
        from = -1;
      }
    }
    if (from < 0) from = i;
  }
  if (from >= 0) {
    wordFrom[n] = from;
    wordTo[n++] = key.length;
  }
  return n;
}

/** True when word k of `key` (split by splitWords) starts with `w` (lower case) in any letter case. */
function wordStartsWith(key: string, k: number, w: string): boolean {
  const from = wordFrom[k];
  if (wordTo[k] - from < w.length) return false;
  // Words are ASCII letters and digits: | 0x20 lower-cases them.
  for (let j = 0; j < w.length; j++) if ((key.charCodeAt(from + j) | 0x20) !== w.charCodeAt(j)) return false;
  return true;
}

/** True when word k of `key` is `w` (lower case) in any letter case. */
function wordIs(key: string, k: number, w: string): boolean {
  return wordTo[k] - wordFrom[k] === w.length && wordStartsWith(key, k, w);
}

/** The Atlas resource word k names (`cluster`, `projectname`, `org`), or undefined. */
function atlasWordAt(key: string, k: number, onlyNames: boolean): AtlasNameKind | undefined {
  if (wordIs(key, k, 'clustername') || (!onlyNames && wordIs(key, k, 'cluster'))) return 'atlas-cluster';
  if (wordIs(key, k, 'projectname') || (!onlyNames && wordIs(key, k, 'project'))) return 'atlas-project';
  if (wordIs(key, k, 'orgname') || wordIs(key, k, 'organizationname')) return 'atlas-organization';
  if (!onlyNames && (wordIs(key, k, 'org') || wordIs(key, k, 'organization'))) return 'atlas-organization';
  return undefined;
}

const ATLAS_KINDS: ReadonlyArray<AtlasNameKind | undefined> = [undefined, 'atlas-cluster', 'atlas-project', 'atlas-organization'];

/** Facts are few: one object for each combination, made when first needed. */
const FACTS_BY_CODE: Array<LeafFacts | undefined> = [];

const MONGO_URI = 1;
const BARE_URI = 2;
const ANY_URI = 4;
const MONGO_DATABASE = 8;
const BARE_DATABASE = 16;
const COLLECTION = 32;
const MENTIONS_MONGO = 64;
const MENTIONS_ATLAS = 128;
/** Bits 8 and 9: the index of atlasName in ATLAS_KINDS. */
const ATLAS_SHIFT = 8;

function factsOf(code: number): LeafFacts {
  let f = FACTS_BY_CODE[code];
  if (f === undefined) {
    f = {
      mongoUri: (code & MONGO_URI) !== 0,
      bareUri: (code & BARE_URI) !== 0,
      anyUri: (code & ANY_URI) !== 0,
      mongoDatabase: (code & MONGO_DATABASE) !== 0,
      bareDatabase: (code & BARE_DATABASE) !== 0,
      collection: (code & COLLECTION) !== 0,
      mentionsMongo: (code & MENTIONS_MONGO) !== 0,
      mentionsAtlas: (code & MENTIONS_ATLAS) !== 0,
    };
    const atlas = ATLAS_KINDS[code >> ATLAS_SHIFT];
    if (atlas !== undefined) f.atlasName = atlas;
    FACTS_BY_CODE[code] = f;
  }
  return f;
}

/** Reads the words of a key without making a string of any. */
function leafFacts(leaf: string): LeafFacts {
  const n = splitWords(leaf);
  if (n === 0) return NO_FACTS;
  const last = n - 1;
  const hasPrev = n >= 2;
  // Trailing words that name a URL (`uri`, `url`, `connection string`), a database (`db`, `db name`).
  let u = 0;
  if (wordIs(leaf, last, 'uri') || wordIs(leaf, last, 'url') || wordIs(leaf, last, 'dsn') || wordIs(leaf, last, 'connectionstring') || wordIs(leaf, last, 'connstr')) {
    u = 1;
  } else if (hasPrev && (wordIs(leaf, last, 'string') || wordIs(leaf, last, 'str')) && (wordIs(leaf, last - 1, 'connection') || wordIs(leaf, last - 1, 'conn'))) {
    u = 2;
  }
  const lastIsName = wordIs(leaf, last, 'name');
  let d = 0;
  if (wordIs(leaf, last, 'db') || wordIs(leaf, last, 'database') || wordIs(leaf, last, 'dbname') || wordIs(leaf, last, 'databasename')) {
    d = 1;
  } else if (lastIsName && hasPrev && (wordIs(leaf, last - 1, 'db') || wordIs(leaf, last - 1, 'database'))) {
    d = 2;
  }
  const collection =
    wordIs(leaf, last, 'collection') || wordIs(leaf, last, 'collectionname') || (lastIsName && hasPrev && wordIs(leaf, last - 1, 'collection'));
  // `… cluster name`, `…ClusterName`.
  const atlasName = lastIsName ? (hasPrev ? atlasWordAt(leaf, last - 1, false) : undefined) : atlasWordAt(leaf, last, true);
  // The first word that starts with "mongo" (n: none), and whether a word is `atlas`.
  let firstMongo = n;
  let mentionsAtlas = false;
  for (let k = 0; k < n; k++) {
    if (firstMongo === n && wordStartsWith(leaf, k, 'mongo')) firstMongo = k;
    if (wordIs(leaf, k, 'atlas') || wordIs(leaf, k, 'mongodbatlas')) mentionsAtlas = true;
  }
  let code = 0;
  if (u > 0) code |= ANY_URI | (firstMongo < n - u ? MONGO_URI : 0) | (n === u ? BARE_URI : 0);
  if (d > 0) code |= (firstMongo < n - d ? MONGO_DATABASE : 0) | (n === d ? BARE_DATABASE : 0);
  if (collection) code |= COLLECTION;
  if (firstMongo < n) code |= MENTIONS_MONGO;
  if (mentionsAtlas) code |= MENTIONS_ATLAS;
  if (atlasName !== undefined) code |= ATLAS_KINDS.indexOf(atlasName) << ATLAS_SHIFT;
  return factsOf(code);
}

const NO_FACTS: LeafFacts = factsOf(0);
const ONLY_MONGO: LeafFacts = factsOf(MENTIONS_MONGO);

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
const SUFFIXES_BY_LAST: ReadonlyArray<readonly string[] | undefined> = (() => {
  // A dense array indexed by character code: a lookup in it is far cheaper than in an object.
  const table = new Array<readonly string[] | undefined>(128).fill(undefined);
  table[0x69] = ['uri'];
  table[0x6c] = ['url'];
  table[0x6e] = ['dsn', 'collection'];
  table[0x72] = ['str'];
  table[0x67] = ['string'];
  table[0x62] = ['db'];
  table[0x65] = ['database', 'name'];
  return table;
})();

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
  const last = text.charCodeAt(end - 1) | 0x20;
  const words = last < 128 ? SUFFIXES_BY_LAST[last] : undefined;
  if (words === undefined) return false;
  for (const w of words) if (endsWithWord(text, from, end, w)) return true;
  return false;
}

/**
 * False when the key text[from, to), the last key of a path none of whose keys mentions "mongo",
 * certainly says nothing of a value that does not mention "mongo" either: what the key can say then
 * is `uri-if-mongo` (empty handed without "mongo" in the value), a collection name or an Atlas name,
 * and those last two end in `collection` or `name`. True for a key without letters or digits: the
 * keys before it in the path decide.
 */
export function mayNameWithoutMongo(text: string, from: number, to: number): boolean {
  const end = trimmedEnd(text, from, to);
  return end === from || endsWithWord(text, from, end, 'name') || endsWithWord(text, from, end, 'collection');
}

/**
 * False when classifyKeys(text.slice(from, to)) is certainly undefined: a cheap test on the key's range.
 * For a key with a letter or a digit, false also means undefined whatever its parent and grandparent
 * keys (the YAML extractor relies on it; a test in keys.test.ts holds it).
 */
export function keyMayMatter(text: string, from: number, to: number): boolean {
  return mayMatter(text, from, to) || containsMongo(text, from, to);
}

/**
 * The words (lower case) without which no key path is read as anything but `uri-if-mongo`: a
 * connection string or database key needs "mongo" in its path, a collection key ends in `collection`
 * (or `collection name`), an Atlas name key needs "atlas" in its path. A `uri-if-mongo` key
 * (`DATABASE_URL`) says something only of a value that is itself a mongodb:// string or a near miss of
 * one (detect.ts).
 */
export const NAMING_KEY_WORDS: readonly string[] = ['mongo', 'collection', 'atlas'];

const NAMING_KEY_WORDS_ANY_CASE = new RegExp(NAMING_KEY_WORDS.join('|'), 'i');

/**
 * False when no key path in `text` (a key path, or a whole document) can be read as anything but
 * `uri-if-mongo`: the text holds none of NAMING_KEY_WORDS in any letter case. A cheap test on a whole
 * file before any key is read.
 */
export function mayHoldNamingKey(text: string): boolean {
  return NAMING_KEY_WORDS_ANY_CASE.test(text);
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
  return mayMentionMongo(s, from, to);
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
  return path.length === 1 ? path[0] : path.join('.');
}
