/** Random YAML-ish documents for the property tests of the YAML extractor. */
import fc from 'fast-check';
import { documentText } from './arbitraries';

const INDENTS = ['', '', ' ', '  ', '  ', '    ', '    ', '      ', '        ', '\t', '   '];
const ITEMS = ['', '', '', '- ', '- ', '-  ', '- - ', '-\t', '-'];
const KEYS = [
  'MONGODB_URI', 'MONGO_URL', 'mongo', 'mongodb', 'uri', 'url', 'database', 'db', 'collection', 'name', 'value', 'env', 'environment',
  'spring', 'data', 'ConnectionStrings', 'Mongo', 'DATABASE_URL', 'atlas', 'clusterName', 'projectName', 'image', 'ports', 'labels',
  'command', 'args', 'a.b.mongodb.uri', 'Mongo:Uri', 'Mongo__Uri', '"MONGO_URI"', "'uri'", '"a\\"b"', 'x y', 'key', 'services', 'api',
  '? k', '{{ .Values.key }}', 'k#c', 'very_long_key_name_without_meaning', 'MongoDBName', 'mongoUri', 'DB_NAME', '',
];
const SEPARATORS = [': ', ': ', ':', ':\t', ' : ', ':  ', '=', ': &a ', ': !!str ', ': !Ref ', ': &a !t '];
const VALUES = [
  '', '', 'mongodb://u:p@h:27017/db?w=1', 'mongodb+srv://c.abc.mongodb.net/app', 'mongo:27017', 'localhost:27017', 'shop', 'shop_1',
  '"mongodb://a@h/db"', "'mongodb://h/db'", '"a\\u0040b\\n\\x40"', "'it''s'", '"unterminated', "'unterminated", '"multi\n  line"',
  '[a, b, "mongodb://h/db"]', '{ uri: mongodb://h/db, database: shop }', '{ "k": "v", k2: [x, y] }', '[', '{', '{{ .Values.uri }}',
  '|', '|-', '>', '>+', '|2', '> # c', '*alias', '&anchor value', '!!str mongodb://h', 'null', '~', 'true', 'no', 'On', '1.5e3', '-1',
  '0x10', '+12', 'MONGO_URL=mongodb://h/db', '--mongo-uri=mongodb://h', 'A=$(B)', '$(HOST):27017', '$$(X)', '${MONGO_URI:-mongodb://h/db}',
  '${X}', 'text mongodb://h/db more', 'mongosh "mongodb://localhost/admin" --eval x', 'a # comment mongodb://h', 'a #b', '# mongodb://h/x',
  '[a, [b, {c: d}], e] # c', '{a: {b: mongodb://h}}', 'v: w', 'a: b: c', '- x', 'mongodb://', 'mongodb+srv://', 'MONGODB://H/D',
  '"mongodb://h/\\\n  db"', '"\\U0001F600"', '"\\xZZ"', '"\\', 'é€\u{1F600}', '\uD800', '[a,\n  b]', '{a: b,\n c: mongodb://h}',
];
const LINE_ENDS = ['\n', '\n', '\n', '\r\n', '\n\n', ' # c\n', ' #mongodb://h/x\n', '\r', ''];
const SPECIAL_LINES = ['---\n', '--- # mongodb://h/doc\n', '...\n', '%YAML 1.2\n', '{{- if .Values.x }}\n', '{{- end }}\n', '# comment\n', '\n', '   \n'];

const line: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .tuple(fc.constantFrom(...INDENTS), fc.constantFrom(...ITEMS), fc.constantFrom(...KEYS), fc.constantFrom(...SEPARATORS), fc.constantFrom(...VALUES), fc.constantFrom(...LINE_ENDS))
      .map(([i, item, k, s, v, e]) => `${i}${item}${k}${s}${v}${e}`),
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.constantFrom(...INDENTS), fc.constantFrom(...ITEMS), fc.constantFrom(...VALUES), fc.constantFrom(...LINE_ENDS))
      .map(([i, item, v, e]) => `${i}${item}${v}${e}`),
  },
  { weight: 1, arbitrary: fc.constantFrom(...SPECIAL_LINES) },
);

/** YAML-ish documents: keys that matter and not, items, every kind of scalar, flow collections, markers, broken input. */
export const yamlText: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.array(line, { maxLength: 40 }).map((a) => a.join('')) },
  { weight: 1, arbitrary: documentText },
);

