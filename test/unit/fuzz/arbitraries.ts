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
