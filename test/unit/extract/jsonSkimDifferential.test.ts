/**
 * The JSON scanner skims text that can report nothing (jsonPassing.ts): it moves the open containers
 * over brackets, commas and property names without looking at values, up to the next "mongo",
 * "collection" or "atlas". Skimming must find what reading every token finds (values, offsets, key
 * paths, kinds), on documents where those words are rare and put anywhere: in property names, values,
 * comments, escapes (`\u006d`, an invalid escape a property name drops with its letter), strings with brackets, open
 * strings and stray brackets; with a skim tried at every token, as in production (long stretches
 * only), only within the sections of a manifest, and line by line as the editor reads after an edit.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { extractJson, extractJsonPassingAll, extractJsonReadingEverything } from '../../../server/src/service/extract/json';
import { jsonSteps } from '../../../server/src/service/extract/jsonSteps';
import { runSteps } from '../../../server/src/service/extract/steps';
import { checkProperty } from '../../helpers/fuzz';

/** Chunks without any of the words: brackets in strings and comments, escapes, broken input. */
const QUIET = [
  '{"item1": {"name": "Widget 1", "price": 1.50, "tags": ["blue", "small"], "dimensions": {"w": 10, "h": 20},\n',
  '  "url": "https://example.com/items/1", "notes": "Ships in 2-3 days.\\nHandle with care.\\/\\"\\\\"}}\n',
  '{"a": "x\\q", "_": "y", "-": "z", "": "w", "b": ["c", {"d": "e\\t"}]}\n', '[1, 2, "three", null, true]\n', '// a comment { [\n', '/* block } ] " */\n',
  '{"description": "plain {words} [and] brackets", "title": "T\\"x"}\n', '"stray string"\n', '}\n', ']\n', ',\n', '{"open": "never closed {\n',
  '{"k\\"ey": [{"x": "}"}], "e\\n": 1}\n', '{"url": "h\\/x", "db_url": "a\\\\b"}\n', '{"uri": "h:1,h2/x", "database": "d", "db": "e"}\n',
  '{"x": "a\\\n b"}\n', '{"cr": "line\r', '{"\\u0041": "\\u0042"}\n', '{"l": "\\u00"}\n', '{"m": "\\\\u006d"}\n', 'garbage words here\n', '{"r": /x/}\n',
];
/** Chunks with the words (or escapes spelling them) in names, values, comments and open strings. */
const LOUD = [
  '{"MongoDB": {"DatabaseName": "app", "CollectionName": "events"}}\n', '{"ConnectionStrings": {"Mongo": "mongodb:\\/\\/h:1\\/app"}}\n',
  '{"notes": "\\u006dongodb://h:2/x"}\n', '{"notes": "mon\\u0067odb://h:3/y is it"}\n', '{"\\u0055RL": "mongdb:\\/\\/h:4"}\n', '{"url": "mongdb:\\/\\/h:5"}\n',
  '{"mon\\xgo": {"database": "shop"}}\n', '{"col\\xlection": "orders"}\n', '{"mon\\ugo": {"db": "shop"}}\n', '{"orders_coll\\qection": "o"}\n',
  '{"mongo\\": "x", "uri": "h:7/y"}\n', '{"ATLAS_CLUSTER_NAME": "c0"}\n',
  '{"orders_collection": "o\\"rders"}\n', '// mongodb://h:8/c\n', '/* { mongodb://h:9/d [ */\n', '{"description": "talks to mongodb://h:10/app"}\n',
  '{"mongo": {"list": ["a", {"db": "b"}], "uri": ["h:1,h2/x", "h:3/z"]}}\n', '{"Atlas": {"projectName": "p", "cluster": "c"}}\n', '{"x": "MONGO \\/ not a uri"}\n',
  '{"open": "mongodb://h:11/never closed\n', '"collection"\n', 'mongo\n', '{"name": "MONGO_URI", "value": "mongodb://h:12/v"}\n',
];
/** Pieces put together at random: brackets, quotes, escapes and the words cut in parts. */
const PIECES = ['{', '}', '[', ']', ',', ':', '"', '\\', '\\u', '006d', 'ongo', 'mongo', 'Collection', 'atl', 'as', 'db', 'uri', 'name', '\\n', '\n', '\r', ' ', '//', '/*', '*/', 'mongodb://h/x'];

const chunk = fc.oneof(
  { weight: 30, arbitrary: fc.constantFrom(...QUIET) },
  { weight: 2, arbitrary: fc.constantFrom(...LOUD) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }).map((a) => a.join('')) },
);
const document = fc.array(chunk, { maxLength: 80 }).map((a) => a.join(''));

/** Long quiet stretches between a few loud chunks: what production skims (it leaves short stretches alone). */
const longDocument = fc
  .array(fc.tuple(fc.array(chunk, { maxLength: 6 }), fc.integer({ min: 0, max: 40 })), { maxLength: 5 })
  .map((parts) => parts.map(([c, quiet]) => c.join('') + QUIET[0].repeat(quiet) + QUIET[1].repeat(quiet)).join(''));

const SECTIONS: ReadonlySet<string> = new Set(['item1', 'MongoDB', 'mongo', 'config']);

describe('JSON skimming', () => {
  it('skimming any stretch finds what reading every token finds', () => {
    checkProperty(
      'JSON skim differential',
      fc.property(document, (text) => {
        const everything = extractJsonReadingEverything(text);
        assert.deepEqual(extractJsonPassingAll(text), everything);
        assert.deepEqual(extractJson(text), everything);
      }),
      400,
    );
  });
  it('as in production: long stretches skimmed, the same as reading every token', () => {
    checkProperty(
      'JSON skim differential, long stretches',
      fc.property(longDocument, (text) => {
        assert.deepEqual(extractJson(text), extractJsonReadingEverything(text));
      }),
      100,
    );
  });
  it('only the sections of a manifest: the same with and without skimming', () => {
    checkProperty(
      'JSON skim differential, sections',
      fc.property(document, (text) => {
        assert.deepEqual(extractJsonPassingAll(text, SECTIONS), extractJsonReadingEverything(text, SECTIONS));
      }),
      200,
    );
  });
  it('read line by line (after an edit): the same values', () => {
    checkProperty(
      'JSON skim differential, line by line',
      fc.property(longDocument, (text) => {
        assert.deepEqual(runSteps(jsonSteps, text).values, extractJsonReadingEverything(text));
      }),
      100,
    );
  });
});
