/**
 * mayHoldNamingKey: the whole-file test the CLI runs before reading any key. Every key path that
 * classifyKeyPath reads as anything but `uri-if-mongo` holds one of NAMING_KEY_WORDS, whatever its
 * spelling (separators, camelCase, letter case, split segments).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { classifyKeyPath, mayHoldNamingKey } from '../../../server/src/service/extract/keys';
import { checkProperty } from '../../helpers/fuzz';

/** Words keys are made of: those that make a key say something, and others. */
const WORDS = [
  'mongo', 'mongodb', 'atlas', 'mongodbatlas', 'collection', 'collectionname', 'name', 'db', 'database', 'dbname', 'databasename',
  'uri', 'url', 'dsn', 'connectionstring', 'connstr', 'connection', 'conn', 'string', 'str', 'strings', 'connectionstrings',
  'cluster', 'clustername', 'project', 'projectname', 'org', 'orgname', 'organization', 'organizationname',
  'app', 'orders', 'primary', 'default', 'x', '1', 'settings', 'data', 'spring',
];

/** One word in one of the letter cases keys are written in. */
const word = fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom('lower', 'upper', 'capital', 'random'), fc.integer()).map(([w, style, seed]) => {
  if (style === 'lower') return w;
  if (style === 'upper') return w.toUpperCase();
  if (style === 'capital') return w[0].toUpperCase() + w.slice(1);
  return [...w].map((c, k) => (((seed >> k % 31) & 1) === 1 ? c.toUpperCase() : c)).join('');
});

/** A key: words joined by a separator or by camelCase humps. */
const key = fc.tuple(fc.array(word, { minLength: 1, maxLength: 4 }), fc.constantFrom('_', '-', '.', ':', '__', ' ', '', 'camel')).map(([words, sep]) =>
  sep === 'camel' ? words.map((w, k) => (k === 0 ? w : w[0].toUpperCase() + w.slice(1))).join('') : words.join(sep),
);

const keyPath = fc.array(key, { minLength: 1, maxLength: 4 });

/**
 * The words of keys that name something, in several letter cases and separators: half of the paths are
 * such a key after keys that say nothing, so that a run of any size has many paths the property is
 * about (of random words alone, about 7% name something: too few to count on in a short run).
 */
const NAMING = [['mongo', 'uri'], ['mongodb', 'url'], ['collection', 'name'], ['collection'], ['mongo', 'database'], ['mongodb', 'db', 'name'], ['atlas', 'cluster', 'name'], ['atlas', 'project', 'name']];
const namingKey = fc
  .tuple(fc.constantFrom(...NAMING), fc.constantFrom('lower', 'upper', 'capital'), fc.constantFrom('_', '-', 'camel'))
  .map(([words, style, sep]) => {
    // Humps need letters of two cases: an upper-case key is written with separators.
    const cased = words.map((w) => (style === 'lower' ? w : style === 'upper' && sep !== 'camel' ? w.toUpperCase() : w[0]!.toUpperCase() + w.slice(1)));
    return sep === 'camel' ? cased.map((w, k) => (k === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join('') : cased.join(sep);
  });
/** Keys that say nothing of their own, to put before a naming key. */
const plainKey = fc.tuple(fc.constantFrom('app', 'settings', 'spring', 'data', 'primary', 'default', 'orders'), fc.boolean()).map(([w, upper]) => (upper ? w.toUpperCase() : w));
const anyKeyPath = fc.oneof(keyPath, fc.tuple(fc.array(plainKey, { maxLength: 3 }), namingKey).map(([path, last]) => [...path, last]));

describe('mayHoldNamingKey', () => {
  it('holds for the keys that name something without a mongodb:// value, not for others', () => {
    for (const k of ['ORDERS_COLLECTION', 'collectionName', 'ATLAS_CLUSTER_NAME', 'MongoAtlasProjectName', 'MONGO_URI', 'spring.data.MongoDB.uri']) {
      assert.ok(mayHoldNamingKey(k), k);
    }
    for (const k of ['DATABASE_URL', 'app_name', 'db', 'uri', 'cluster_name', 'CONNECTION_STRING']) assert.ok(!mayHoldNamingKey(k), k);
  });

  it('every key path read as anything but uri-if-mongo holds one of the words', () => {
    let named = 0;
    let runs = 0;
    checkProperty(
      'naming keys hold a naming word',
      fc.property(anyKeyPath, fc.constantFrom('\n', '.', ': ', '/'), (path, joiner) => {
        runs++;
        const kind = classifyKeyPath(path);
        if (kind === undefined || kind === 'uri-if-mongo') return;
        named++;
        assert.ok(mayHoldNamingKey(path.join(joiner)), `${JSON.stringify(path)} is read as ${kind}`);
      }),
      400,
    );
    // The generator makes keys that name something in about half of the paths (54% of 50,000): a fifth
    // is far below what a run gives (fewer than 4 of 20 paths: one run in 2,000; of 80: one in 3 billion).
    assert.ok(named >= runs / 5, `only ${named} of ${runs} generated key paths name something`);
  });
});
