/**
 * Which keys hold a MongoDB connection string, database name or collection name.
 * A key path is the list of keys from the document root to the value (`spring`, `data`, `mongodb`, `uri`);
 * segments are split further at `.`, `:` and `__`, so `spring.data.mongodb.uri`,
 * `ConnectionStrings:Mongo` and `ConnectionStrings__Mongo` read the same in every format.
 */
import { mayMentionMongo } from './decoded';
import { AtlasNameKind, leafFacts, LeafFacts, NO_FACTS, ONLY_MONGO } from './keyWords';
import { COLON, DIGIT_0, DIGIT_9, DOT, LOWER_A, LOWER_Z, UNDERSCORE } from '../lex/chars';

/**
 * `uri`: the value is a connection string even without a scheme.
 * `uri-if-mongo`: a generic URL key (`DATABASE_URL`): a connection string only if the value starts with `mongo`.
 */
export type KeyKind = 'uri' | 'uri-if-mongo' | 'database' | 'collection' | AtlasNameKind;

/** Splits key path segments at `.`, `:` and `__`. */
export function splitKeyPath(path: readonly string[]): string[] {
  const out: string[] = [];
  for (const seg of path) {
    let from = 0;
    for (let i = 0; i <= seg.length; i++) {
      const c = i < seg.length ? seg.charCodeAt(i) : -1;
      const isSep = c === -1 || c === DOT /* . */ || c === COLON /* : */ || (c === UNDERSCORE && seg.charCodeAt(i + 1) === UNDERSCORE);
      if (!isSep) continue;
      if (i > from) out.push(seg.slice(from, i));
      if (c === UNDERSCORE) i++;
      from = i + 1;
    }
  }
  return out;
}

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
    if ((c >= LOWER_A && c <= LOWER_Z) || (c >= DIGIT_0 && c <= DIGIT_9)) break;
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
    if (c === DOT || c === COLON || (c === UNDERSCORE && seg.charCodeAt(i + 1) === UNDERSCORE)) return true;
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
