import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { encodeForHost } from '../../../server/src/service/extract';
import { HostSyntax } from '../../../server/src/service/api';
import { assertOffsetsSane, found, texts } from './helpers';
import { loudProblems, problems } from '../../helpers/problems';

/** Round-tripped text is put after a scheme: under a connection-string key, only a connection string is one. */
const URI_PREFIX = 'mongodb://h/?appName=';

describe('dotenv extraction', () => {
  it('reads unquoted, quoted and exported values with inline comments', () => {
    const doc = `# local settings
export MONGODB_URI=mongodb://localhost:27017/shop # the dev server
MONGO_URL='mongo-1:27017'
SESSIONS_URI="mongodb://sessions:27017/s"
MONGO_DB = shop
ORDERS_COLLECTION=orders
DATABASE_URL=postgres://pg:5432/app
PASSWORD=a#b
EMPTY=
`;
    assert.deepEqual(found(doc, 'dotenv').map((v) => [v.kind, v.source, v.key]), [
      ['uri', 'mongodb://localhost:27017/shop', 'MONGODB_URI'],
      ['uri', 'mongo-1:27017', 'MONGO_URL'],
      ['uri', 'mongodb://sessions:27017/s', 'SESSIONS_URI'],
      ['database', 'shop', 'MONGO_DB'],
      ['collection', 'orders', 'ORDERS_COLLECTION'],
    ]);
    assert.deepEqual(loudProblems(doc, 'dotenv'), [['scheme-invalid', 'mongo-1:27017']]);
  });

  it('reads multi-line double-quoted values and maps escapes', () => {
    const doc = 'MONGODB_URI="mongodb://u:p\\"w@h:70000/db\\n"\nNOTE="line one\nline two mongodb://a:1"\n';
    assert.deepEqual(texts(doc, 'dotenv'), ['mongodb://u:p"w@h:70000/db\n', 'mongodb://a:1']);
    assert.deepEqual(
      problems(doc, 'dotenv').filter(([id]) => id === 'port-invalid' || id === 'userinfo-unescaped'),
      [['port-invalid', '70000']],
    );
    assertOffsetsSane(doc, 'dotenv');
  });

  it('keeps placeholders intact', () => {
    const doc = 'MONGODB_URI=mongodb://${DB_USER}:${DB_PASS}@${DB_HOST}:27017/app\nB=mongodb://u:<password>@h/db\nMONGO_URI=${MONGO_URI:-mongodb://localhost:27017/dev}\n';
    assert.deepEqual(texts(doc, 'dotenv'), [
      'mongodb://${DB_USER}:${DB_PASS}@${DB_HOST}:27017/app',
      'mongodb://u:<password>@h/db',
      'mongodb://localhost:27017/dev',
    ]);
    assert.deepEqual(loudProblems(doc, 'dotenv'), []);
  });

  it('is not fooled by unmatched quotes', () => {
    const doc = `A="unterminated\nMONGO_URI=mongodb://h:1\nB='x\n`;
    assert.deepEqual(texts(doc, 'dotenv'), ['mongodb://h:1']);
  });

  it('escapes replacements and reads them back', () => {
    const cases: Array<[HostSyntax, string, (e: string) => string]> = [
      ['dotenv-double', 'a"b\\c\nd', (e) => `MONGO_URI="${e}"`],
      ['dotenv-single', 'mongodb://h/"x"', (e) => `MONGO_URI='${e}'`],
      ['dotenv-unquoted', 'mongodb://h/x', (e) => `MONGO_URI=${e}`],
    ];
    for (const [syntax, s, wrap] of cases) {
      const v = { kind: 'uri' as const, text: '', start: 0, syntax };
      assert.deepEqual(texts(wrap(encodeForHost(v, URI_PREFIX + s)), 'dotenv'), [URI_PREFIX + s], syntax);
    }
  });
});

describe('dotenv line continuations', () => {
  it('joins a double-quoted value at a backslash before the line break', () => {
    const doc = 'export MONGO_URI="mongodb://h:27017/\\\nanalytics?w=70000"\n';
    assert.deepEqual(texts(doc, 'dotenv'), ['mongodb://h:27017/analytics?w=70000']);
    assertOffsetsSane(doc, 'dotenv');
  });
});
