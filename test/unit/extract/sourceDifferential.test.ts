/**
 * The source-code extractor against a reference copy of its first version (sourceOracle*.ts): on
 * random source-ish text, in every language it reads, both find exactly the same values, in the same
 * order, with the same offsets, keys and syntaxes.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { extractSourceStrings } from '../../../server/src/service/extract/sourceStrings';
import { checkProperty } from '../../helpers/fuzz';
import { documentText, uriText } from '../fuzz/arbitraries';
import { extractSourceStrings as oracleSource } from './sourceOracle';

const LANGUAGES = ['javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'python', 'go', 'java', 'kotlin', 'csharp', 'ruby', 'php'];

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

const DRIVER_CALLS = [
  'client.db(', 'db.getSiblingDB(', 'db.getCollection(', 'db.collection(', 'use(', 'db.createCollection(', 'client.get_database(',
  'db.create_collection(', 'client.getDatabase(', 'database.getCollection(', 'client.GetDatabase(', 'db.GetCollection<Order>(', '$client->selectDatabase(',
  '$db->selectCollection(', '$db->selectCollection("shop", ', 'client.Database(', '@Document(', 'conn.useDb(', 'client[', 'db[', 'client["shop"][',
  'os.getenv("MONGO_URI", ', 'os.getenv(', 'process.env.MONGO_URI ?? ', 'ENV.fetch("MONGO_URL", ', 'getenv("MONGODB_URI") ?: ', 'MONGO_URL = ',
  'MONGODB_URI = ', 'DB_NAME = ', 'const collectionName = ', 'mongoUri: ', '"database": ', "'collection' => ", 'uri := ', 'String dbName = ',
  'x.db(', 'db(', 'db.name(', 'fmt.Sprintf(', 'String.format(', 'currency = ', 'label: ', 'x = ', '"label": ', "'note' => ", 'os.getenv("HOME", ',
];

/** A literal in the places the extractor looks at most: driver calls, lookups, keys. */
const driverCall: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(...DRIVER_CALLS),
    fc.constantFrom('"', "'", '`', 'f"', 'r"', '@"', '$"', '"""'),
    fc.array(fc.constantFrom(...BODY), { maxLength: 3 }).map((a) => a.join('')),
    fc.constantFrom(')', ');\n', ')\n', ']', '][', '], ', ', ', ' + x)', ')[0]', ' % x)', '\n', ''),
  )
  .map(([call, open, b, end]) => call + open + b + open.replace(/^[rfb@$]/, '') + end);

const INTERPOLATING_QUOTES = ['f"', "f'", '$"', '$@"', '`', '"'];
/** A key literal and a value literal after it, with interpolations that close and that do not. */
const pair: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(...INTERPOLATING_QUOTES),
    fc.constantFrom('{a}collection', '${a}_db', '#{a}name', '{$a}uri', '{a}{', 'db', 'mongo_uri', '{x}', ''),
    fc.constantFrom(': ', ' => ', ' = ', ', ', ' ?? ', ' or ', ')[', ''),
    fc.constantFrom(...INTERPOLATING_QUOTES),
    fc.array(fc.constantFrom('shop{', '{x}{', '${', '${a}', 'mongodb://{h}/{', 'mongodb://${h}/', '#{', '#{x}', '{$', '{$x}', '{', '}', '`', 'mongo', '\\x6dongo'), {
      maxLength: 4,
    }),
  )
  .map(([q1, k, sep, q2, v]) => q1 + k + q1.replace(/^[f$@]+/, '') + sep + q2 + v.join('') + q2.replace(/^[f$@]+/, ''));

/** A `/` that is a division or starts a regular expression, depending on what comes before it (also across comments). */
const slash: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('a', 'return', 'typeof', 'if', 'x.in', ')', ']', '"s"', "'mongodb://q/r'", '=', '(', ',', '1', '}', ';', '', '\n'),
    fc.constantFrom('', ' ', ' // c\n', '/* c */', ' # c\n', '\n', ' /* mongodb://c/d */ '),
    fc.constantFrom('/ "mongodb://h/db" /', '/"mongodb://a/b"/g', "/x'/ + 'mongodb://h/c'", '/[/"]/ "mongodb://h/e"', '/ 2; x = "mongodb://h/f"'),
  )
  .map(([a, b, c]) => a + b + c);

export const sourceText: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.array(fc.oneof(statement, literal, driverCall, slash, pair, fc.constantFrom(...CODE)), { maxLength: 30 }).map((a) => a.join('')) },
  { weight: 2, arbitrary: fc.array(fc.oneof(fc.constantFrom(...CODE, ...QUOTES, ...BODY)), { maxLength: 60 }).map((a) => a.join('')) },
  { weight: 1, arbitrary: documentText },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.oneof(statement, fc.constantFrom(...CODE, ...QUOTES), fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 30 })
      .map((a) => a.join('')),
  },
);

function assertSame(doc: string, languageId: string): void {
  assert.deepStrictEqual(extractSourceStrings(doc, languageId), oracleSource(doc, languageId), `${languageId}: ${JSON.stringify(doc)}`);
}

describe('Source code extraction against the reference version', () => {
  it('finds the same values in the same order in every language', () => {
    checkProperty(
      'source against its reference',
      fc.property(sourceText, fc.constantFrom(...LANGUAGES), (doc, languageId) => assertSame(doc, languageId)),
      4000,
    );
  });

  it('finds the same values in every language for the same text', () => {
    checkProperty(
      'source against its reference, all languages',
      fc.property(sourceText, (doc) => {
        for (const languageId of LANGUAGES) assertSame(doc, languageId);
      }),
      600,
    );
  });

  it('finds the same values in typical programs', () => {
    const docs = [
      `import { MongoClient } from 'mongodb';
// Local: mongodb://localhost:27017/dev
const uri = process.env.MONGODB_URI ?? 'mongodb://localhost:27017/shop';
const MONGO_URL = "mongo-1:27017";
const orders = client.db("shop").collection('orders');
const re = /^mongodb(\\+srv)?:\\/\\//.test(uri) ? \`mongodb://\${user}:\${pass}@h:27017/app\` : "n/a";
use('playground'); db.getSiblingDB("admin").getCollection("users");
export function format(value: number, currency = 'EUR'): string {
  return new Intl.NumberFormat('de-DE', { style: 'currency', currency }).format(value) + " (#1)";
}
`,
      `# service
MONGO_URI = os.getenv("MONGO_URI", "mongodb://localhost:27017/app")
db = client["app"]
events = db["events"]
label = f"service {1} at mongodb://{host}:27017/app"
fallback = os.environ.get("MONGO_URL") or "localhost:27017"
def handler(event): return {"status": 200, "body": "ok", "database": "shop"}
def price(amount: float, rate: float = 0.19) -> float:
    """Gross price with tax."""
    return round(amount * (1 + rate), 2)  # rounded to cents
url = "mongodb://%s:%s@%s/db" % (user, pw, host)
rb"mongodb://raw\\x40" r'\\d' b'bytes'
`,
      `String uri = """
    mongodb://localhost:27017/app\\
    ?w=1
    """;
var db = client.GetDatabase(@"shop""s").GetCollection<Order>($"orders_{x}");
var raw = $$"""
    mongodb://{{host}}:27017/app
    """;
`,
      `$uri = <<<EOT
mongodb://heredoc:27017/app
EOT;
$db = $client->selectDatabase('shop'); $c = $db->selectCollection('shop', 'orders');
uri = <<~EOS
  mongodb://ruby:27017/app
EOS
=begin
mongodb://in-a-comment:27017/x
=end
`,
    ];
    for (const doc of docs) for (const languageId of LANGUAGES) assertSame(doc, languageId);
  });
});
