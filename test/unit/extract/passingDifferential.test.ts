/**
 * Extractors that read a document statement by statement pass over runs of statements that hold
 * nothing in one jump (StepExtractor.passer); runSteps reads every statement. The two must find the
 * same values (text, offsets, kinds, keys, syntax) on documents where what can matter is rare and put
 * anywhere: in keys, values, comments, quotes that span lines, escapes, fences.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { extractValues } from '../../../server/src/service/extract';
import { extractorFor } from '../../../server/src/service/extract';
import { dotenvSteps } from '../../../server/src/service/extract/dotenv';
import { extractJsonReadingEverything } from '../../../server/src/service/extract/json';
import { markdownSteps } from '../../../server/src/service/extract/markdown';
import { runSteps, type StepExtractor } from '../../../server/src/service/extract/steps';
import { checkProperty } from '../../helpers/fuzz';

/** A document of mostly quiet lines with, now and then, a piece that may matter (or may break the lines up). */
function sparseDocument(quiet: readonly string[], loud: readonly string[], pieces: readonly string[]): fc.Arbitrary<string> {
  const chunk = fc.oneof(
    { weight: 30, arbitrary: fc.constantFrom(...quiet) },
    { weight: 2, arbitrary: fc.constantFrom(...loud) },
    { weight: 1, arbitrary: fc.array(fc.constantFrom(...pieces), { maxLength: 8 }).map((a) => a.join('')) },
  );
  return fc.array(chunk, { maxLength: 80 }).map((a) => a.join(''));
}

function sameAsReadingEverything<S>(name: string, ex: StepExtractor<S>, languageId: string, uri: string, doc: fc.Arbitrary<string>, runs: number): void {
  it(`${name}: passing over quiet statements finds what reading each one finds`, () => {
    checkProperty(
      `${name} passing differential`,
      fc.property(doc, (text) => {
        assert.deepEqual(extractValues(text, languageId, uri), runSteps(ex, text).values);
      }),
      runs,
    );
  });
}

const DOTENV_QUIET = [
  'FEATURE_1_ENABLED=true\n', 'API_URL=https://api.example.com/v1\n', '# feature 12\n', '\n', '   \n', 'PORT=8080\r\n', 'export LEVEL=info\n',
  '_=x\n', '-=y\n', '.=z\n', 'DB=shop\n', 'URL=https://x\n', 'uri=h1:1,h2/db\n', 'DATABASE=orders\n', 'dsn=host.example.com:27017\n',
  'conn_str=a:1,b:2\n', 'X=\\\n', 'CLUSTER=c0\n', 'PROJECT=p\n', 'K=v # comment\n', 'K2=a#b\n', '=novalue\n', 'no assignment at all\n',
];
const DOTENV_LOUD = [
  'MONGODB_URI=mongodb://h:1/db\n', 'DB_NAME=shop\n', 'ORDERS_COLLECTION=orders\n', 'ATLAS_CLUSTER_NAME=c0\n', 'NOTE="mo\\\nngodb://h:1/x"\n',
  'MULTI="first\nmongodb://h:2/y\nlast"\n', "SINGLE='a\nb'\n", 'BT=`x\ny`\n', '# see mongodb://h:3/z\n', 'K=v # mongodb://h:4/w\n',
  'OPEN="never closed\n', "OPEN2='never closed\n", 'mongo\n', 'MongoUrl=h:1\n', 'Name=x\n', 'collection=c\n', 'atlas=x\n', 'Q="a\\"b"\n',
  'URL="mongdb://h:1/x"\n', 'E="\\n\\t\\\\"\n',
];
const DOTENV_PIECES = ['MONGO', 'name', '=', ':', '"', "'", '`', '\\', '\\\n', '#', ' ', '\n', '\r\n', 'mongodb://h:1/d', 'mo', 'ngo', 'x', 'DB', 'uri', '${X}'];

const MARKDOWN_QUIET = [
  '## Item 3\n', '\n', 'Some *prose* with a [link](https://example.com/3) and `inline code`.\n', '- first point\n', '``two ticks``\n', '~~strike~~\n',
  '<!- not a comment\n', '-- dashes -->\n', 'a://b c:// d\r\n', 'tail without a line break', '    indented code\n', '> quote\n',
];
const MARKDOWN_LOUD = [
  'Connect with `mongodb://localhost:27017/app` or see the docs.\n', '```yaml\nmongo:\n  uri: "mongodb://db:27017/app"\n  database: app\n```\n',
  '```env\nMONGO_DB=shop\n```\n', '~~~json\n{"MongoDB": {"DatabaseName": "x"}}\n~~~\n', '```\nmongodb://h:1/x\n```\n', '````yaml\n```\nuri: mongodb://h/y\n````\n',
  '```yaml\nnever: closed\n', '   ```dotenv\nMONGODB_URI=mongodb://h/z\n   ```\n', '<!-- mongodb://h:2/c -->\n', '<!-- a\nmongodb://h:3/d\n-->\n', '<!-- never closed\n',
  'MONGODB+SRV://u:p@c0.ab.mongodb.net/x.\n', 'Mongo is mentioned here\n', 'x <!-- y --> mongodb://h:4/e\n',
];
const MARKDOWN_PIECES = ['```', '~~~', '`', '<!--', '-->', '\n', '\r\n', 'mongodb://', 'h:1/x', ' ', 'yaml', 'env', 'uri: ', 'MONGO_URI=', 'mo', 'ngo', '${X}'];

const JSON_QUIET = [
  '{"item1": {"name": "Widget 1", "price": 1.50, "tags": ["blue", "small"], "dimensions": {"w": 10, "h": 20},\n',
  '  "url": "https://example.com/items/1", "notes": "Ships in 2-3 days.\\nHandle with care.\\/\\"\\\\"}}\n',
  '{"a": "x\\q", "_": "y", "-": "z", "": "w", "b": ["c", {"d": "e\\t"}]}\n', '[1, 2, "three", null, true]\n', '// a comment\n', '/* block */\n',
  '{"description": "plain words", "title": "T\\"x"}\n', '"stray string"\n', '}\n', ']\n', ',\n',
];
const JSON_LOUD = [
  '{"MongoDB": {"DatabaseName": "app", "CollectionName": "events"}}\n', '{"ConnectionStrings": {"Mongo": "mongodb:\\/\\/h:1\\/app"}}\n',
  '{"notes": "\\u006dongodb://h:2/x"}\n', '{"notes": "mon\\u0067odb://h:3/y is it"}\n', '{"\\u0055RL": "mongdb:\\/\\/h:4"}\n', '{"url": "mongdb:\\/\\/h:5"}\n',
  '{"url": "mongdb://h:6"}\n', '{"db": "shop", "uri": "h1:1,h2/db"}\n', '{"mongo": {"uri": "h:7/x", "database": "d\\n", "list": ["a", "b\\u0041"]}}\n',
  '{"ATLAS_CLUSTER_NAME": "c0"}\n', '{"orders_collection": "o\\"rders"}\n', '// mongodb://h:8/c\n', '{"description": "talks to mongodb://h:9/app?tls=true"}\n',
  '{"open": "never closed\n', '{"x": "MONGO \\/ not a uri"}\n', '{"name": "MONGO_URI", "value": "mongodb://h:10/v"}\n',
];
const JSON_PIECES = ['{', '}', '[', ']', ',', ':', '"', '\\', '\\u', '006d', 'ongo', 'mongo', 'db', 'uri', 'name', '\\n', '\n', ' ', '//', '/*', '*/', 'mongodb://h/x'];

describe('passing over quiet statements', () => {
  it('JSON: passing over values early finds what classifying and decoding every value finds', () => {
    checkProperty(
      'JSON passing differential',
      fc.property(sparseDocument(JSON_QUIET, JSON_LOUD, JSON_PIECES), (text) => {
        assert.deepEqual(extractValues(text, 'json', 'file:///settings.json'), extractJsonReadingEverything(text));
      }),
      400,
    );
  });
  sameAsReadingEverything('.env', dotenvSteps, 'dotenv', 'file:///.env', sparseDocument(DOTENV_QUIET, DOTENV_LOUD, DOTENV_PIECES), 400);
  sameAsReadingEverything('Markdown', markdownSteps(extractorFor), 'markdown', 'file:///README.md', sparseDocument(MARKDOWN_QUIET, MARKDOWN_LOUD, MARKDOWN_PIECES), 300);
});
