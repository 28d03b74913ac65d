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
      fc.property(keyPath, fc.constantFrom('\n', '.', ': ', '/'), (path, joiner) => {
        runs++;
        const kind = classifyKeyPath(path);
        if (kind === undefined || kind === 'uri-if-mongo') return;
        named++;
        assert.ok(mayHoldNamingKey(path.join(joiner)), `${JSON.stringify(path)} is read as ${kind}`);
      }),
      400,
    );
    // The generator makes keys that name something often enough for the property to say anything (one
    // in 20 is expected of a few hundred runs; a fuzz run that gives the property fewer runs asks for some).
    assert.ok(runs >= 200 ? named >= runs / 20 : named > 0, `only ${named} of ${runs} generated key paths name something`);
  });
});
