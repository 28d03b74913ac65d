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
import { dotenvSteps, dotenvStepsPassingAll } from '../../../server/src/service/extract/dotenv';
import { extractJsonReadingEverything } from '../../../server/src/service/extract/json';
import { extractYamlPassingAll, extractYamlReadingEverything } from '../../../server/src/service/extract/yaml';
import { markdownSteps } from '../../../server/src/service/extract/markdown';
import { runSteps, stepValues, type StepExtractor } from '../../../server/src/service/extract/steps';
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
  '{"hosts": {"uri": ["h:1,h2/x", {"x": "y"}, "h:3/z"]}}\n', '{"Mongo": {"db": [["shop"], "orders"], "collection": ["c"]}}\n', '{"open": "never closed\n', '{"x": "MONGO \\/ not a uri"}\n', '{"name": "MONGO_URI", "value": "mongodb://h:10/v"}\n',
];
const JSON_PIECES = ['{', '}', '[', ']', ',', ':', '"', '\\', '\\u', '006d', 'ongo', 'mongo', 'db', 'uri', 'name', '\\n', '\n', ' ', '//', '/*', '*/', 'mongodb://h/x'];

const YAML_QUIET = [
  'a:', 'b: x', 'c: "q"', "d: 'q'", 'e: { f: "g", h: 1 }', 'i: [j, "k"]', '- l', '- m: n', '- "6001:6379"', '# c', '', 'plain words', 'o: &p q', 't: !tag s',
  'w: a"b', '- - deep', '- &a x', 'bare # c', 'limits: { cpus: "0.25", memory: 128M }', 'p: q # r', '- h:1,h2/x', 'h:3,h4/y',
];
/** Rarer quiet lines: what may start a value going on over the next lines, and lines the scanner reads in ways of their own. */
const YAML_SPREADING = [
  'k: |', 'k2: >-', '|', '>-', '|2', '|1', '>1', '|1-', '>2+', 'k3: |1', 'y: "open', "y2: 'open", '"open', 'z: [open,', 'z2: {open: 1,', '[open', '{{ if .x }}', '...', '---', '%YAML 1.2',
  '"qk": v', "x: 'it''s'", 'v: "a" b', 'only: "x" # "y', '? q', '- |', 'g: "a\\', '\'', '"',
];
/** A double-quoted scalar that spells mongodb:// with escapes only. */
const ESCAPED_MONGO = 'k: "\\u006d\\u006f\\u006e\\u0067\\u006f\\u0064\\u0062://h/z"';
/** A key that spells mongo_uri with escapes only. */
const ESCAPED_KEY = '"\\u006d\\u006f\\u006e\\u0067\\u006f_\\u0075\\u0072\\u0069": h:1,h2/x';
const YAML_LOUD = [
  'MONGO_URI: mongodb://h/x', 'MONGO_URI:', 'MONGO_HOSTS:', 'uri: mongodb://h/x', 'name: MONGO_URI', 'value: h:1,h2/x', 'db: shop', '- MONGO_URL=mongodb://h/y', '- DB_NAME=x', 'mongo:', 'database: d',
  'k: "\\u006d\\u006f\\u006e\\u0067\\u006f\\u0064\\u0062://h/z"', 'collection: c', 'comment # mongodb://h/c', 'MongoUri: h:5/m', 'x mongodb://h:8/p',
];

/** A YAML document of lines at a few indentations (now and then a tab or a \r\n), mostly quiet. */
const yamlDocument = fc
  .array(
    fc.tuple(
      fc.oneof({ weight: 12, arbitrary: fc.constantFrom('', '  ', '    ', ' ', '      ') }, { weight: 1, arbitrary: fc.constantFrom('\t', ' \t') }),
      fc.oneof(
        { weight: 20, arbitrary: fc.constantFrom(...YAML_QUIET) },
        { weight: 3, arbitrary: fc.constantFrom(...YAML_SPREADING) },
        { weight: 2, arbitrary: fc.constantFrom(...YAML_LOUD) },
      ),
      fc.oneof({ weight: 12, arbitrary: fc.constant('\n') }, { weight: 1, arbitrary: fc.constantFrom('\r\n', '\r', '\n\n') }),
    ),
    { maxLength: 60 },
  )
  .map((lines) => lines.map(([indent, body, end]) => indent + body + end).join(''));

/**
 * Groups of lines shaped to be passed over: a key, deeper lines (one may start a value that goes on),
 * a key further left but not at the left edge, then (often) a line that matters.
 */
const yamlGroups = fc
  .array(
    fc.record({
      outer: fc.constantFrom(0, 1, 2),
      deeper: fc.constantFrom(3, 4, 6),
      middle: fc.constantFrom(1, 2, 3),
      key: fc.constantFrom('a:', 'MONGO_URI:', 'b: x', '- c:'),
      first: fc.oneof(fc.constantFrom(...YAML_SPREADING), fc.constantFrom(...YAML_QUIET), fc.constantFrom(ESCAPED_MONGO, ESCAPED_KEY)),
      second: fc.constantFrom(...YAML_QUIET),
      again: fc.constantFrom('d: e', 'f:', '- g', 'h'),
      last: fc.oneof(fc.constantFrom(...YAML_LOUD), fc.constantFrom(...YAML_QUIET)),
    }),
    { maxLength: 8 },
  )
  .map((groups) =>
    groups
      .map((g) => {
        const mid = Math.min(g.middle, g.deeper - 1);
        const pad = (n: number) => ' '.repeat(n);
        return `${pad(g.outer)}${g.key}\n${pad(g.deeper)}${g.first}\n${pad(g.deeper)}${g.second}\n${pad(mid)}${g.again}\n${pad(mid)}${g.last}\n`;
      })
      .join(''),
  );

/** Unrelated service definitions, as in a compose file, between the groups: long stretches that hold nothing. */
const YAML_FILLER = (i: number) =>
  `  cache${i}:\n    image: redis:7\n    ports:\n      - "${6000 + i}:6379"\n    deploy:\n      resources:\n        limits: { cpus: "0.25", memory: 128M }\n    labels:\n      team: platform # owner\n`;

describe('passing over quiet statements', () => {
  it('YAML: as read in production (only long stretches passed over), the same as reading every line', () => {
    checkProperty(
      'YAML passing differential, long stretches',
      fc.property(fc.array(fc.tuple(yamlGroups, fc.integer({ min: 0, max: 8 })), { maxLength: 6 }), (parts) => {
        let text = 'services:\n';
        for (const [group, fillers] of parts) {
          text += group;
          for (let i = 0; i < fillers; i++) text += YAML_FILLER(i);
        }
        assert.deepEqual(extractValues(text, 'yaml', 'file:///compose.yaml'), extractYamlReadingEverything(text));
      }),
      100,
    );
  });
  it('YAML: passing over lines finds what reading every line finds, on groups of lines shaped for it', () => {
    checkProperty(
      'YAML passing differential, groups',
      fc.property(yamlGroups, (text) => {
        const everything = extractYamlReadingEverything(text);
        assert.deepEqual(extractYamlPassingAll(text), everything);
        assert.deepEqual(extractValues(text, 'yaml', 'file:///compose.yaml'), everything);
      }),
      500,
    );
  });
  it('YAML: passing over lines finds what reading every line finds', () => {
    checkProperty(
      'YAML passing differential',
      fc.property(yamlDocument, (text) => {
        const everything = extractYamlReadingEverything(text);
        assert.deepEqual(extractYamlPassingAll(text), everything);
        assert.deepEqual(extractValues(text, 'yaml', 'file:///compose.yaml'), everything);
      }),
      400,
    );
  });
  it('JSON: passing over values early finds what classifying and decoding every value finds', () => {
    checkProperty(
      'JSON passing differential',
      fc.property(sparseDocument(JSON_QUIET, JSON_LOUD, JSON_PIECES), (text) => {
        assert.deepEqual(extractValues(text, 'json', 'file:///settings.json'), extractJsonReadingEverything(text));
      }),
      300,
    );
  });
  sameAsReadingEverything('.env', dotenvSteps, 'dotenv', 'file:///.env', sparseDocument(DOTENV_QUIET, DOTENV_LOUD, DOTENV_PIECES), 300);
  it('.env: passing after every statement, however short the pass, finds what reading each one finds', () => {
    checkProperty(
      '.env passing differential, every pass',
      fc.property(sparseDocument(DOTENV_QUIET, DOTENV_LOUD, DOTENV_PIECES), (text) => {
        assert.deepEqual(stepValues(dotenvStepsPassingAll, text), runSteps(dotenvSteps, text).values);
      }),
      300,
    );
  });
  it('.env: runs of lines that matter (passing waits there) between long quiet stretches, the same as reading each line', () => {
    const dense = fc.array(fc.constantFrom(...DOTENV_LOUD), { minLength: 1, maxLength: 40 }).map((a) => a.join(''));
    const quiet = fc.array(fc.constantFrom(...DOTENV_QUIET), { maxLength: 120 }).map((a) => a.join(''));
    checkProperty(
      '.env passing differential, dense and quiet runs',
      fc.property(fc.array(fc.tuple(dense, quiet), { maxLength: 6 }), (runs) => {
        const text = runs.map(([d, q]) => d + q).join('');
        assert.deepEqual(extractValues(text, 'dotenv', 'file:///.env'), runSteps(dotenvSteps, text).values);
      }),
      150,
    );
  });
  sameAsReadingEverything('Markdown', markdownSteps(extractorFor), 'markdown', 'file:///README.md', sparseDocument(MARKDOWN_QUIET, MARKDOWN_LOUD, MARKDOWN_PIECES), 200);
});
