/**
 * The language server's analysis of a document (IncrementalAnalyzer, which validates each value once and
 * keeps the record for the next version) does linear work when many values share one text but differ in
 * what else validation reads: the same collection name under a thousand different key paths of a JSON
 * file, the same connection string under many .env keys. The records of one text used to be a list
 * searched value by value (a 10 MB JSON file with one collection name per service took 5.5 s to open
 * instead of 0.3 s). The work is counted (test/helpers/workMeter.ts), never timed.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeDocument, defaultSettings } from '../../../server/src/service/languageService';
import { IncrementalAnalyzer, ValidationCache } from '../../../server/src/service/incrementalAnalyzer';
import { linearWork } from '../../helpers/workMeter';

const settings = { ...defaultSettings, maxFileSize: 1 << 24 };

/** `n` services, each naming the same database and collection under its own key path. */
function servicesJson(n: number): string {
  const services = Array.from({ length: n }, (_, i) => `  "svc${i}": {"MongoDB": {"DatabaseName": "app", "CollectionName": "events"}}`);
  return `{\n${services.join(',\n')}\n}\n`;
}

/** `n` keys of a .env file holding the same connection string. */
function sameUriEnv(n: number): string {
  return Array.from({ length: n }, (_, i) => `SERVICE_${i}_MONGODB_URI=mongodb://db.internal:27017/app?tls=true&tlsInsecure=true\n`).join('');
}

describe('the validation records of a document: linear work for values of one text under many keys', () => {
  // How many blocks the smaller input has: enough for the search of a list to show above the rest of the work.
  const cases: Array<[string, string, string, (n: number) => string, number]> = [
    ['a collection name under a key path per service (JSON)', 'json', 'file:///p/appsettings.json', servicesJson, 64],
    ['one connection string under many keys (.env)', 'dotenv', 'file:///p/.env', sameUriEnv, 256],
  ];
  for (const [name, languageId, uri, make, n] of cases) {
    it(name, () => {
      const run = (text: string) => {
        const doc = { uri, languageId, text, version: 1 };
        const analysis = new IncrementalAnalyzer().analyze(doc, settings);
        // The same analysis as a fresh one, each value with its own key.
        const fresh = analyzeDocument(doc, settings);
        assert.ok(analysis.values.length >= n);
        assert.deepEqual(analysis.values, fresh.values);
        assert.deepEqual(analysis.problems, fresh.problems);
      };
      const w = linearWork(make, run, n);
      assert.ok(w.linear, `${w.small} steps for ${n} blocks, ${w.large} for 8 times as many (bound ${w.bound})`);
    });
  }
});

describe('the validation records of one text under many keys: kept, found and let go', () => {
  const uri = 'file:///p/appsettings.json';
  const value = (key: string | undefined, text: string, kind: 'uri' | 'database') => ({ kind, text, start: 0, syntax: 'json' as const, ...(key === undefined ? {} : { key }) });

  it('finds the record of each key again by text, keeps those the last analysis used, and lets the others go', () => {
    const cache = new ValidationCache();
    const keys = Array.from({ length: 1200 }, (_, i) => `svc${i}.ConnectionStrings.Mongo`);
    const text = 'mongodb://db.example.com:70000/app';
    const validate = (key: string | undefined, kind: 'uri' | 'database' = 'uri') => {
      const before = cache.size;
      const record = cache.validate(value(key, text, kind), settings, 'json', uri);
      // The port out of range, reported for the text as a connection string.
      if (kind === 'uri') assert.ok(record.problems.some((p) => p.message.includes('70000')));
      return { record, made: cache.size - before };
    };
    // Every kind and key is an entry of its own: no key, an empty key, and another kind under a known key too.
    for (const k of keys) assert.equal(validate(k).made, 1);
    assert.equal(validate(undefined).made, 1);
    assert.equal(validate('').made, 1);
    assert.equal(validate(keys[0], 'database').made, 1);
    assert.equal(cache.size, 1203);
    cache.endRun();

    // New value objects of the same text: found by text and facets, not validated again.
    for (const k of [keys[7], keys[1100], undefined, '']) assert.equal(validate(k).made, 0);
    assert.equal(validate(keys[0], 'database').made, 0);
    cache.endRun();
    // Most entries were not used by the last analysis: only the five it used are kept.
    assert.equal(cache.size, 5);

    for (const k of [keys[1100], undefined, '']) assert.equal(validate(k).made, 0);
    assert.equal(validate(keys[0], 'database').made, 0);
    const again = validate(keys[8]);
    assert.equal(again.made, 1, 'a record let go is made anew');
    assert.equal(validate(keys[8]).made, 0);
    cache.endRun();
    // Fewer entries than the cache lets go of at least: all are kept.
    assert.equal(cache.size, 6);
    assert.equal(validate(keys[8]).made, 0);
  });

  it('keeps the one entry a text has left after letting the others go', () => {
    const cache = new ValidationCache();
    const made = (key: string, text: string) => {
      const before = cache.size;
      cache.validate(value(key, text, 'uri'), settings, 'json', uri);
      return cache.size - before;
    };
    const text = 'mongodb://db.example.com:27017/app';
    assert.equal(made('a', text), 1);
    assert.equal(made('b', text), 1);
    // Enough other entries for the cache to let go of those the next analysis does not use.
    for (let i = 0; i < 1100; i++) assert.equal(made('c', `mongodb://db${i}.example.com/app`), 1);
    cache.endRun();
    assert.equal(made('a', text), 0);
    cache.endRun();
    assert.equal(cache.size, 1);
    assert.equal(made('a', text), 0, 'the entry left is found');
    assert.equal(made('b', text), 1, 'the entry let go is made anew');
  });
});
