/**
 * The words of a key (split at `_`, `-`, spaces, digit boundaries and camelCase humps), and what the
 * words of the last key of a path say on their own (LeafFacts): whether it names a URL, a database, a
 * collection or an Atlas resource, and whether it mentions mongo or Atlas. Words are read in place,
 * without making a string of any.
 */
import { DIGIT_0, DIGIT_9, LOWER_A, LOWER_Z, UPPER_A, UPPER_Z } from '../lex/chars';

/** Names of MongoDB Atlas resources (`ATLAS_CLUSTER_NAME`, `atlas.projectName`). */
export type AtlasNameKind = 'atlas-cluster' | 'atlas-project' | 'atlas-organization';

/** Splits a key into lower-case words at `_`, `-`, spaces, digits boundaries and camelCase humps. */
export function keyWords(key: string): string[] {
  const n = splitWords(key);
  const words: string[] = [];
  for (let k = 0; k < n; k++) words.push(key.slice(wordFrom[k], wordTo[k]).toLowerCase());
  return words;
}

/** What the last key of a path says on its own. */
export interface LeafFacts {
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
    const upper = c >= UPPER_A && c <= UPPER_Z;
    const lower = (c >= LOWER_A && c <= LOWER_Z) || (c >= DIGIT_0 && c <= DIGIT_9);
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
      const prevLower = (prev >= LOWER_A && prev <= LOWER_Z) || (prev >= DIGIT_0 && prev <= DIGIT_9);
      const next = key.charCodeAt(i + 1);
      const nextLower = next >= LOWER_A && next <= LOWER_Z;
      // "mongoUri" → mongo|Uri;  "MongoDBName" → Mongo|DB|Name
      if (prevLower || (nextLower && prev >= UPPER_A && prev <= UPPER_Z)) {
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
export function leafFacts(leaf: string): LeafFacts {
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

export const NO_FACTS: LeafFacts = factsOf(0);
export const ONLY_MONGO: LeafFacts = factsOf(MENTIONS_MONGO);
