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

describe('passing over quiet statements', () => {
  sameAsReadingEverything('.env', dotenvSteps, 'dotenv', 'file:///.env', sparseDocument(DOTENV_QUIET, DOTENV_LOUD, DOTENV_PIECES), 400);
  sameAsReadingEverything('Markdown', markdownSteps(extractorFor), 'markdown', 'file:///README.md', sparseDocument(MARKDOWN_QUIET, MARKDOWN_LOUD, MARKDOWN_PIECES), 300);
});
