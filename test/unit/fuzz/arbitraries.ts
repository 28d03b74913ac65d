/** Generators of hostile, almost-right input for the property-based tests. */
import fc from 'fast-check';

/** Characters and pieces that matter to a connection string, and some that should never appear in one. */
const URI_PIECES = [
  'mongodb://', 'mongodb+srv://', 'MONGODB://', 'mongo://', '://', '@', ':', '/', '?', '&', ';', '=', ',', '[', ']', '%', '%41', '%40',
  '%E2%82%AC', '%C3', '%ZZ', '%2F', 'h', 'host', 'a.b.c', 'cluster0.abcde.mongodb.net', '27017', '70000', '-1', 'user', 'pa', 'db',
  'w=1', 'authSource=admin', 'readPreference=nearest', 'tls=true', 'ssl=false', 'replicaSet=rs', 'authMechanism=GSSAPI',
  'authMechanismProperties=SERVICE_NAME:x,CANONICALIZE_HOST_NAME:true', 'readPreferenceTags=dc:ny', 'compressors=zstd,snappy',
  'directConnection=true', 'maxPoolSize=', 'wtimeoutMS=1', 'timeoutMS=0', 'proxyHost=p', 'loadBalanced=true',
  '${X}', '{{ x }}', '<password>', '%VAR%', '.', '-', '_', ' ', '\t', '\n', '"', "'", '\\', '`', '::1', '[::1]', '/tmp/mongodb-27017.sock',
  '%2Ftmp%2Fm.sock', 'é', '€', '\u{1F600}', '\uD800', '\uDC00', '\u0000', '\u007F', '\u200B',
];

/** Strings made of connection-string pieces, now and then with random characters mixed in. */
export const uriText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.constantFrom(...URI_PIECES), { maxLength: 40 }).map((a) => a.join('')) },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.oneof(fc.constantFrom(...URI_PIECES), fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 30 })
      .map((a) => a.join('')),
  },
);

/** Pieces of every host format: keys, quotes, escapes, comments, brackets, fences, interpolation. */
const DOCUMENT_PIECES = [
  'MONGODB_URI=', 'MONGO_URL: ', 'DB_NAME=', 'export ', 'mongo.uri=', 'spring.data.mongodb.uri: ', 'database: ', 'collection: ', 'uri: ',
  'uri = ', '"uri": ', '"ConnectionStrings": {', '"Mongo": ', '[mongo]', '[[servers]]', '- ', '  ', '    ', '\t', '\n', '\n', '\n', '\r\n', '\r',
  '"', "'", '`', '"""', "'''", '\\', '\\n', '\\u0040', '\\x40', '\\"', '\\\n', '#', '//', '/*', '*/', ';', '!', '=', ':', ',', '{', '}', '[',
  ']', '(', ')', '<<EOF\n', 'EOF\n', '```yaml\n', '```\n', '~~~\n', '```js\n', '${', '${X}', '#{x}', '{$x}', '$(X)', '{{ .Values.host }}',
  'f"', 'r"', '@"', '$"', 'b"', 'client.db(', 'getDatabase(', 'getCollection(', 'os.getenv(', 'process.env.MONGO ?? ', '+', '|', '>', '--- ',
  'mongodb://', 'mongodb+srv://', 'u:p@h:1/db?w=1', 'a:70000', 'x', 'abc', '%40', '@', '?', '&', 'é', '\u{1F600}', '\uD800', '\uDFFF', '\u0000',
];

/** Escape sequences of the host formats, to put inside quoted values. */
const ESCAPES = [
  '\\u0040', '\\u00e9', '\\uD83D\\uDE00', '\\U0001F600', '\\x40', '\\/', '\\n', '\\t', '\\r', '\\"', "\\'", '\\\\', '\\\n', '\\ ', '\\:',
  '\\=', '\\$', '\\N{AT SIGN}', "''", '""', '\\e', '\\0', '\\u{1F600}',
];

/** An assignment or entry whose quoted value is a connection string full of escapes: what decoders are made for. */
const entry: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('"uri": ', 'MONGODB_URI=', 'uri = ', 'uri: ', 'mongo.uri=', 'const uri = ', 'uri := ', 'String uri = ', 'url: ', '"Mongo": ', 'DB_NAME='),
    fc.constantFrom('"', "'", '`', '"""', "'''", 'f"', 'r"', '@"', '$"', ''),
    fc.array(fc.oneof(fc.constantFrom(...URI_PIECES), fc.constantFrom(...ESCAPES)), { maxLength: 16 }),
    fc.constantFrom('\n', ',\n', ';\n', ' # c\n', ''),
  )
  .map(([key, quote, body, end]) => `${key}${quote}${quote === '' ? '' : 'mongodb://'}${body.join('')}${quote.replace(/^[fr@$]/, '')}${end}`);

export const documentText: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.array(fc.constantFrom(...DOCUMENT_PIECES), { maxLength: 80 }).map((a) => a.join('')) },
  { weight: 3, arbitrary: fc.array(fc.oneof(entry, fc.constantFrom(...DOCUMENT_PIECES)), { maxLength: 20 }).map((a) => a.join('')) },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.oneof(fc.constantFrom(...DOCUMENT_PIECES, ...URI_PIECES), fc.string({ unit: 'binary', maxLength: 8 })), { maxLength: 60 })
      .map((a) => a.join('')),
  },
);

/**
 * Pieces of connection strings and names, with the characters that formats have to escape: quotes,
 * backslashes (also before letters that start escapes), `$`, `#`, `=`, `:`, `%`, braces, blanks, non-ASCII.
 */
const VALUE_PIECES = [
  'user', 'p@ss', 'h', 'host-1.example.com', 'c0.ab1cd.mongodb.net', '27017', ':', '@', '/', '?', '&', '=', ',', ';', '.', '-', '_', '+', '~',
  '!', '*', '(', ')', '[', ']', '[::1]', 'w=majority', 'authSource=admin', '%40', '%2F', '%', '#', '#{', '$', '$X', '${X}', '{', '}', '{0}',
  '"', "'", '`', '\\', '\\n', '\\u0040', '\\x41', '\\101', '\\q', '\\$', ' ', '  ', '\t', '<', '>', '|', '^', 'é', '€', 'ü', '中', '\u00a0',
  '\u{1F600}', 'x', 'y1', 'uvwxyz', 'A', 'F0', 'n', 't', 'u', 'e',
];

/** Characters that end a line, for the formats whose quoted values may hold them. */
const LINE_BREAKS = ['\n', '\r\n', '\r'];

/** Control characters, for the formats that can escape them. */
const CONTROLS = ['\0', '\x07', '\b', '\f', '\v', '\x1b', '\x7f'];

const LOWER = [...'abcdefghijklmnopqrstuvwxyz'];

function valueFrom(head: fc.Arbitrary<string>, pieces: readonly string[], maxPieces: number): fc.Arbitrary<string> {
  return fc.tuple(head, fc.constantFrom(...LOWER), fc.array(fc.constantFrom(...pieces), { maxLength: maxPieces })).map(([h, first, rest]) => h + first + rest.join(''));
}

/**
 * A value that starts with a scheme and a lower-case letter, then any pieces: never a bare scheme, never
 * a whole placeholder, never an upper-case constant name. (Without a scheme, a value under a connection
 * string key is one only when it is a host list: test/unit/extract/falseFinds.test.ts.) `lineBreaks` and
 * `controls` add those characters, for formats that can write them.
 */
export function connectionValue(options: { lineBreaks?: boolean; controls?: boolean } = {}): fc.Arbitrary<string> {
  const pieces = [...VALUE_PIECES, ...(options.lineBreaks ? LINE_BREAKS : []), ...(options.controls ? CONTROLS : [])];
  return valueFrom(fc.constantFrom('mongodb://', 'mongodb://', 'mongodb+srv://', 'MongoDB://'), pieces, 16);
}

/** A database or collection name: a lower-case letter, then name-like pieces and the odd character to escape. */
export function nameValue(options: { lineBreaks?: boolean } = {}): fc.Arbitrary<string> {
  const pieces = ['shop', 'orders', '_', '-', '.', '1', 'x', ' ', 'é', '中', '\u{1F600}', '$', '"', "'", '`', '\\', '#', '{', '}', '%', '/', ...(options.lineBreaks ? ['\n'] : [])];
  return valueFrom(fc.constant(''), pieces, 6);
}

/** Characters a connection string mentioned in running text may hold (it ends at a blank, a quote or `<`, `>`). */
// No `*`: a mention in a block comment must not close it.
const TOKEN_PIECES = ['user', 'p%40ss', 'h', 'host-1.example.com', '27017', ':', '@', '/', '?', '&', '=', ',', '.', '-', '_', '+', '~', '%2F', 'w=1', '#', '!', 'é', '€', '\u{1F600}', 'x'];

/**
 * A connection string as it is mentioned in a comment or a sentence: a scheme, a host, then token
 * characters, ending with a letter or digit (sentence punctuation after a mention is not part of it).
 */
export const mentionToken: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('mongodb://', 'mongodb+srv://'), fc.constantFrom(...LOWER), fc.array(fc.constantFrom(...TOKEN_PIECES), { maxLength: 8 }), fc.constantFrom(...LOWER, '0', '9'))
  .map(([scheme, first, rest, last]) => scheme + first + rest.join('') + last);

/** Text to put in place of part of a value (what a quick fix writes): value pieces, line breaks and controls, or nothing. */
export const replacementText: fc.Arbitrary<string> = fc.array(fc.constantFrom(...VALUE_PIECES, ...LINE_BREAKS, ...CONTROLS), { maxLength: 5 }).map((a) => a.join(''));

/** Replacement text made of characters that every syntax holds as they are (no quote, backslash, blank or line break). */
export const plainReplacementText: fc.Arbitrary<string> = fc
  .array(fc.constantFrom('h', 'host-1', ':', '27017', '/', 'db', '?', 'w=1', '&', '%40', '@', 'user', '.', '_', '-', 'é'), { maxLength: 5 })
  .map((a) => a.join(''));
