/**
 * .properties extraction against values written in known ways: a key and a value are written as
 * `java.util.Properties.load` reads them, among filler lines, and the extractor must return exactly
 * those values, with the offset of every character, the key, kind and syntax.
 *
 * The format, and how values are written in it: propertiesWriting.ts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { extractValues } from '../../../server/src/service/extract';
import { documentText } from '../fuzz/arbitraries';
import { found } from './helpers';
import { entry, item, writeDocument } from './propertiesWriting';
import { describeAnyText, describeKnownValues } from './sourceWriting';

const extract = (doc: string) => extractValues(doc, 'properties', 'file:///app.properties');

describeKnownValues('.properties', 'properties', { items: fc.array(item, { maxLength: 10 }), entry, one: (e) => ({ entry: e }), write: writeDocument }, extract);

const PROPERTIES_PIECES = [
  'spring.data.mongodb.uri', 'mongo.url', 'mongodb.database', 'orders.collection', 'x', '=', ':', ' ', '\t', '\f', '\\', '\\\\', '\\\n', '\\\r\n',
  '\\u0040', '\\u00', '\\uZZZZ', '\\:', '\\=', '\\ ', '#', '!', '\n', '\r\n', '\r', 'mongodb://h:1/db', 'mongo', 'é', '\u{1F600}',
];
const propertiesText = fc.oneof(
  { weight: 3, arbitrary: fc.array(fc.constantFrom(...PROPERTIES_PIECES), { maxLength: 60 }).map((a) => a.join('')) },
  { weight: 1, arbitrary: documentText },
);

describeAnyText('.properties', 'properties', propertiesText, extract, { sane: 1500, shifted: 1000 });

describe('.properties extraction: what the known values found', () => {
  it('reads a separator on the line after a continuation', () => {
    const doc = 'spring.data.mongodb.uri \\\n    = mongodb://h:27017/db\nmongo.database\\\n:shop\n';
    assert.deepEqual(found(doc, 'properties').map((v) => [v.kind, v.text, v.source, v.key]), [
      ['uri', 'mongodb://h:27017/db', 'mongodb://h:27017/db', 'spring.data.mongodb.uri'],
      ['database', 'shop', 'shop', 'mongo.database'],
    ]);
  });
});
