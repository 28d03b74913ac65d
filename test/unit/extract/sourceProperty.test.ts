/**
 * Source-code extraction against values written in known ways: in each language, a value is written
 * as one of its string literals (sourceLiterals.ts: quotes, prefixes, escapes, raw strings, text
 * blocks, verbatim and interpolated strings without interpolation), assigned to a MongoDB key or passed
 * to a driver call, among filler code that holds nothing (comments, other strings, regular expressions,
 * character literals, heredocs, concatenations); connection strings are also mentioned in comments,
 * heredocs and sentences. The extractor must return exactly those values, with the offset of every
 * character, the key, kind and syntax.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { extractValues } from '../../../server/src/service/extract';
import { documentText, uriText } from '../fuzz/arbitraries';
import { found, texts } from './helpers';
import { entry, item, languageId, languageOf, writeDocument } from './sourceLanguages';
import { assertFound, assertSane, assertShifted, check, Pick, seeds } from './sourceWriting';

describe('source extraction of values written in known ways', () => {
  it('finds exactly the values written, with every offset, key, kind and syntax', () => {
    check(
      'source known values',
      fc.property(languageId, fc.array(item, { maxLength: 10 }), seeds, (id, items, s) => {
        const lang = languageOf(id);
        const pick = new Pick(s);
        const w = writeDocument(lang, items, pick);
        assertFound(extractValues(w.src, pick.one(lang.ids), 'file:///code'), w);
      }),
      3000,
    );
  });

  it('finds one value written each way', () => {
    check(
      'source one value',
      fc.property(languageId, entry, seeds, (id, e, s) => {
        const lang = languageOf(id);
        const pick = new Pick(s);
        const w = writeDocument(lang, [{ entry: e }], pick);
        assertFound(extractValues(w.src, pick.one(lang.ids), 'file:///code'), w);
      }),
      3000,
    );
  });
});

// ---------------------------------------------------------------- any text

const LANGUAGE_IDS = ['javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'python', 'go', 'java', 'kotlin', 'csharp', 'ruby', 'php'];

/** Openers and closers of string literals of every language, with their prefixes. */
const QUOTES = [
  '"', "'", '`', '"""', "'''", 'r"', "r'", 'b"', 'f"', "f'", 'rb"', 'Rb"', 'bR"', 'fr"', 'rf"', 'u"', 't"', 'rbf"', 'xr"', 'f"""', "rb'''",
  '@"', '$"', '$@"', '@$"', '$$"', '$$"""', '"""\n', '""""', '$"""', '$$$$"', '@@"', 'x$"', '@x"', '"""\n  ', '<<~EOS\n', '<<-EOS\n', '<<EOS\n',
  '<<<EOT\n', "<<<'EOT'\n", '<<< "EOT"\n', '<<"EOS"\n', 'EOS\n', '  EOS\n', 'EOT;\n', 'EOT\n', '<<x', '1 << 2',
];

/** Pieces of code around literals: calls, keys, operators, comments, escapes, regular expressions. */
const CODE = [
  'client.db(', 'db.getSiblingDB(', 'db.getCollection(', 'db.collection(', 'use(', 'x.use(', 'db.createCollection(', 'getDatabase(', '.Database(',
  'database.GetCollection<Order>(', 'client.GetDatabase(', '$client->selectDatabase(', '$db->selectCollection(', '@Document(', '@Document(collection = ',
  'client[', 'mongo_client[', 'db[', 'app_db[', 'myDb[', 'database[', '][', ']', 'os.getenv(', 'os.environ.get(', 'process.env.MONGO_URI', 'ENV.fetch(',
  'System.getenv(', 'getProperty(', 'env(', 'fmt.Sprintf(', 'String.format(', 'string.Format(', '.format(', '.formatted(', ' % ', ' %= ',
  'MONGO_URL = ', 'MONGODB_URI = ', 'const uri = ', 'let mongoUrl: string = ', 'var uri string = ', 'uri := ', 'dbName: ', 'database: ',
  'collection: ', '"uri": ', "'db' => ", 'mongoUri: ', 'x ??= ', 'x ||= ', ' || ', ' ?? ', ' or ', ' ?: ', '$MONGO_URI = ', '@uri = ', 'ENV_NAME = ',
  'name = ', 'collectionName = ', 'currency = ', 'style: ', ' == ', ' != ', ' <= ', ' >= ', ' => ', ' -> ', '::', ' + ', ' += ', ' .= ', '++', ' . ',
  '.1', ', ', ',', '(', ')', '[', '{', '}', ';', ':', '=', '?', '<', '>', '<T>', '<Map<String, T>>', '|', '!', '*', '%', '$', '@', '#', '#[', '\\',
  '//', '// c ', '/*', '*/', '/* mongodb://h/db */', '# mongodb://c:1/x\n', '// mongodb://localhost:27017/dev\n', '=begin\n', '\n=end\n', '=begin',
  ' / 2', '/^mongodb(\\+srv)?:\\/\\//', '/[/]"/g', 'return /x/', 'typeof /', 'x / y / z', '(/a"b/)', ') / ', '] /', 'if /', '/',
  '\n', '\n', '\r\n', '\r', ' ', '  ', '\t', 'return ', 'def f():\n    ', 'func main() {\n', 'x', 'abc', 'r', 'f', 'b', 'u', 'R', 'EOS', 'EOT',
  '1', '0x1F', 'é', '\u{1F600}', '\u0000', '\uD800',
];

/** What goes inside a literal: connection strings, names, escapes, interpolations, format directives, quotes. */
const BODY = [
  'mongodb://', 'mongodb+srv://', 'MONGODB://', 'mongodb://localhost:27017/app', 'mongodb://u:p@h:1/db?w=1', 'mongodb+srv://c.x.mongodb.net/db',
  'mongo', 'Mongo', 'mongo-1:27017', 'localhost:27017', 'shop', 'orders', 'EUR', 'de-DE', 'MONGO_URI', 'App_1', '', ' ', 'mon', 'go', 'db',
  '\\u0040', '\\x40', '\\u006dongo', '\\x6dongo', '\\u{6d}', '\\U0000006d', '\\"', "\\'", '\\\\', '\\`', '\\n', '\\t', '\\0', '\\07', '\\\n', '\\\r\n',
  '\\', '\\q', '${', '${x}', '${a + "}"}', '#{x}', '#{', '{$x}', '{x}', '{0}', '{{', '}}', '{', '}', '%s', '%%', '%(name)s', '%-5.2f', '%',
  '$', '""', "''", '"', "'", '`', '"""', '\n', '\r\n', '  ', '\t', 'é', '\u{1F600}', '@', ':', '/', '?', '&', '=',
  '\\x6dongodb://h/db', '\\u006dongodb+srv://c.x/db', 'mongo\\x64b://h/db', 'see \\x6dongodb://h:1/a', '\\155ongodb://h',
];

const body = fc.array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...BODY) }, { weight: 1, arbitrary: uriText }), { maxLength: 10 }).map((a) => a.join(''));

/** A literal: an opener, a body and (usually) a closer that matches the opener. */
const literal: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...QUOTES), body, fc.constantFrom('match', 'match', 'match', 'none', 'other'), fc.constantFrom(...QUOTES))
  .map(([open, b, how, other]) => {
    const close = open.replace(/^[rRbBfFtTux$@]+/, '').replace(/\s+$/, '');
    return open + b + (how === 'match' ? close : how === 'other' ? other : '');
  });

/** A driver call, key or lookup with a literal argument or value. */
const statement: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...CODE), literal, fc.constantFrom(')', ');\n', ', ', ']', '][', '\n', ' + x', ' "more"', ' % x', '.format(x)', ';', ''))
  .map(([a, b, c]) => a + b + c);

/** A `/` that is a division or starts a regular expression, depending on what comes before it (also across comments). */
const slash: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('a', 'return', 'typeof', 'if', 'x.in', ')', ']', '"s"', "'mongodb://q/r'", '=', '(', ',', '1', '}', ';', '', '\n'),
    fc.constantFrom('', ' ', ' // c\n', '/* c */', ' # c\n', '\n', ' /* mongodb://c/d */ '),
    fc.constantFrom('/ "mongodb://h/db" /', '/"mongodb://a/b"/g', "/x'/ + 'mongodb://h/c'", '/[/"]/ "mongodb://h/e"', '/ 2; x = "mongodb://h/f"'),
  )
  .map(([a, b, c]) => a + b + c);

const sourceText: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.array(fc.oneof(statement, literal, slash, fc.constantFrom(...CODE)), { maxLength: 30 }).map((a) => a.join('')) },
  { weight: 2, arbitrary: fc.array(fc.constantFrom(...CODE, ...QUOTES, ...BODY), { maxLength: 60 }).map((a) => a.join('')) },
  { weight: 1, arbitrary: documentText },
  {
    weight: 1,
    arbitrary: fc.array(fc.oneof(statement, fc.constantFrom(...CODE, ...QUOTES), fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 30 }).map((a) => a.join('')),
  },
);

describe('source extraction of any text', () => {
  it('never fails, and every value it finds has sane offsets', () => {
    check(
      'source sane offsets',
      fc.property(sourceText, fc.constantFrom(...LANGUAGE_IDS), (doc, id) => assertSane(doc, extractValues(doc, id, 'file:///code'))),
      3000,
    );
  });

  it('never fails on the same text in every language', () => {
    check(
      'source sane offsets, all languages',
      fc.property(sourceText, (doc) => {
        for (const id of LANGUAGE_IDS) assertSane(doc, extractValues(doc, id, 'file:///code'));
      }),
      300,
    );
  });

  it('finds the same values, one offset further on, behind a line break', () => {
    check(
      'source shifted',
      fc.property(sourceText, fc.constantFrom(...LANGUAGE_IDS), (doc, id) => assertShifted(extractValues(doc, id, 'u'), extractValues('\n' + doc, id, 'u'), doc)),
      1500,
    );
  });
});

describe('source extraction: what the known values found', () => {
  it('finds a mention in a Ruby heredoc once when its terminator ends the file', () => {
    assert.deepEqual(found('text = <<~EOS\n  see mongodb://h:1/db\nEOS', 'ruby'), [{ kind: 'uri', text: 'mongodb://h:1/db', source: 'mongodb://h:1/db' }]);
  });

  it('takes a Python string on the line after an assignment for a statement of its own, not a continuation', () => {
    const doc = 'MONGO_URI = "mongodb://h:1/db"\n"""The connection string."""\nclass C:\n    mongo_url = "mongodb://h:2/db"\n    """The other one."""\n';
    assert.deepEqual(texts(doc, 'python'), ['mongodb://h:1/db', 'mongodb://h:2/db']);
    // Literals on lines that brackets join are one string, joined.
    const joined = 'uri = ("mongodb://h:1/"\n    "db")\nclient = MongoClient(\n    host="mongodb://u:p@h1:27017,"\n         "h2:27017/db",\n)\ncfg = {\n    "uri": "mongodb://a:1/"\n           "b",\n}\n';
    assert.deepEqual(texts(joined, 'python'), ['mongodb://h:1/db', 'mongodb://u:p@h1:27017,h2:27017/db', 'mongodb://a:1/b']);
  });

  it('ends a Java text block value joined to its closing line before the backslash', () => {
    const doc = 'String MONGO_URI = """\n    mongodb://h:1/db\\\n      """;\n';
    assert.deepEqual(found(doc, 'java').map((v) => [v.text, v.source]), [['mongodb://h:1/db', 'mongodb://h:1/db']]);
  });
});
