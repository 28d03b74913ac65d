/**
 * Well-formed JSONC documents for the JSON differential test: objects and arrays nested a few levels,
 * keys that say what a value is (and some that say nothing), strings written with escapes here and
 * there (`\u0040`, `\/`, `\"`, surrogate pairs), numbers and literals, line and block comments (some
 * mentioning connection strings), trailing commas, CRLF line ends.
 */
import fc from 'fast-check';

/** Decoded keys. */
const KEYS = [
  'MONGODB_URI', 'MONGO_URL', 'mongo', 'mongodb', 'uri', 'url', 'DATABASE_URL', 'database', 'DatabaseName', 'db', 'collection',
  'CollectionName', 'ConnectionStrings', 'Mongo', 'MongoDB', 'ConnectionString', 'atlas', 'clusterName', 'projectName', 'name',
  'spring.data.mongodb.uri', 'Mongo:Uri', 'description', 'scripts', 'hosts', 'env', 'a', '', 'say "hi"', 'back\\slash', 'é',
];

/** Decoded string values. */
const STRINGS = [
  'mongodb://u:p@h:27017/db?w=1', 'mongodb+srv://user:pw@c.abc.mongodb.net/app?retryWrites=true', 'mongodb://h1:1,h2:2/db?replicaSet=rs',
  'MONGODB://H:1/D', 'mongodb://h/db?appName="x y"', 'mongodb://u:p%40ss@h/db', 'mongodb://é.h/€', 'mongodb://h/\u{1F600}', 'mongodb://a\\b@h/db',
  'mongodb://h:1/db\ttab', 'mongodb+srv://c.x.net', 'localhost:27017', 'mongo-1:27017', 'shop', 'orders', '', '${MONGO_URI:-mongodb://h/db}',
  '${X}', 'mongosh mongodb://localhost:27017/test --eval x', 'see mongodb://a:1/b, mongodb+srv://c/d', 'postgres://u@h/db', 'Widget 1',
  'line\nbreak mongodb://h/next', '\u0001control',
];

function hex4(c: number): string {
  return c.toString(16).padStart(4, '0');
}

/** A JSON string literal for `s`, with escapes where `choices` says. */
function encode(s: string, choices: readonly number[]): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    const c = s.charCodeAt(i);
    const r = choices.length === 0 ? 99 : (choices[i % choices.length] + 31 * Math.floor(i / choices.length)) % 20;
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += r < 10 ? '\\n' : '\\u000a';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20) out += `\\u${hex4(c)}`;
    else if (ch === '/' && r < 4) out += '\\/';
    else if (ch === '@' && r < 8) out += '\\u0040';
    else if (c >= 0xd800 && c <= 0xdfff && r < 10) out += `\\u${hex4(c).toUpperCase()}`;
    else if (r === 19) out += `\\u${hex4(c)}`;
    else out += ch;
  }
  return out + '"';
}

const choices = fc.array(fc.nat(99), { minLength: 4, maxLength: 16 });
const stringLiteral = (pool: readonly string[]): fc.Arbitrary<string> => fc.tuple(fc.constantFrom(...pool), choices).map(([s, c]) => encode(s, c));
const keyLiteral = stringLiteral(KEYS);

/** What may come between two tokens: nothing, blanks, line breaks, comments. */
const trivia = fc.constantFrom('', '', '', ' ', '\n  ', '\n    ', ' // c\n  ', ' /* mongodb://h:1/block */ ', '\n  // mongodb://h:2/line\n  ', '/**/');

const { node } = fc.letrec<{ node: string; object: string; array: string }>((tie) => ({
  node: fc.oneof(
    { depthIdentifier: 'jsonc', maxDepth: 5 },
    { weight: 6, arbitrary: fc.oneof(stringLiteral(STRINGS)) },
    { weight: 1, arbitrary: fc.constantFrom('1', '-2.5e3', 'true', 'false', 'null', '0') },
    { weight: 3, arbitrary: tie('object') },
    { weight: 1, arbitrary: tie('array') },
  ),
  object: fc
    .tuple(fc.array(fc.tuple(trivia, keyLiteral, trivia, trivia, tie('node')), { maxLength: 5 }), fc.boolean(), trivia)
    .map(([entries, trailingComma, t]) => {
      const body = entries.map(([a, k, b, c, v]) => `${a}${k}${b}:${c || ' '}${v}`).join(',');
      return `{${body}${trailingComma && entries.length > 0 ? ',' : ''}${t}}`;
    }),
  array: fc
    .tuple(fc.array(fc.tuple(trivia, tie('node')), { maxLength: 5 }), fc.boolean(), trivia)
    .map(([items, trailingComma, t]) => `[${items.map(([a, v]) => a + v).join(',')}${trailingComma && items.length > 0 ? ',' : ''}${t}]`),
}));

/** A well-formed JSONC document: mostly an object at the top, now and then any value; now and then with CRLF line ends. */
export const jsoncText: fc.Arbitrary<string> = fc
  .tuple(fc.oneof({ weight: 4, arbitrary: node.filter((n) => n.startsWith('{')) }, { weight: 1, arbitrary: node }), trivia, trivia, fc.nat(4))
  .map(([root, before, after, crlf]) => {
    const doc = before.trimStart() + root + after;
    return crlf === 0 ? doc.replace(/\n/g, '\r\n') : doc;
  });
