import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { encodeForHost } from '../../../server/src/service/extract';
import { HostSyntax } from '../../../server/src/service/api';
import { found, texts } from './helpers';
import { loudProblems, problems } from '../../helpers/problems';

/** Round-tripped text is put after a scheme: under a connection-string key, only a connection string is one. */
const URI_PREFIX = 'mongodb://h/?appName=';

describe('shell script extraction', () => {
  it('decodes words, assignments, substitutions, comments and heredocs', () => {
    const doc = `#!/usr/bin/env bash
# Backup: mongodb://comment:1
export MONGODB_URI="mongodb://\${DB_USER}:\${DB_PASS}@\${DB_HOST:-localhost}:27017/app"
MONGO_URL=mongo-1:27017
mongodump --uri="mongodb://backup@$(hostname -f):27017/?authSource=admin" --out /backup
mongosh "\${MONGO_URI:-mongodb://localhost:27017/test}" --eval 'db.runCommand({ping: 1})'
docker run -e MONGO_URI='mongodb://h:'"$PORT"'/db' app
cat <<EOF
Connect to mongodb://heredoc:27017/x
EOF
echo done # mongodb://trailing:2
`;
    assert.deepEqual(found(doc, 'shellscript').map((v) => [v.text, v.source, v.key]), [
      ['mongodb://comment:1', 'mongodb://comment:1', undefined],
      ['mongodb://${DB_USER}:${DB_PASS}@${DB_HOST:-localhost}:27017/app', 'mongodb://${DB_USER}:${DB_PASS}@${DB_HOST:-localhost}:27017/app', 'MONGODB_URI'],
      ['mongo-1:27017', 'mongo-1:27017', 'MONGO_URL'],
      ['mongodb://backup@${hostname -f}:27017/?authSource=admin', 'mongodb://backup@$(hostname -f):27017/?authSource=admin', 'uri'],
      ['mongodb://localhost:27017/test', 'mongodb://localhost:27017/test', undefined],
      ['mongodb://h:$PORT/db', `mongodb://h:'"$PORT"'/db`, 'MONGO_URI'],
      ['mongodb://heredoc:27017/x', 'mongodb://heredoc:27017/x', undefined],
      ['mongodb://trailing:2', 'mongodb://trailing:2', undefined],
    ]);
    assert.deepEqual(loudProblems(doc, 'shellscript'), [['scheme-invalid', 'mongo-1:27017']]);
  });

  it('maps problems through quotes and backslashes', () => {
    const doc = `uri=mongodb://u:p\\@ss@h:'70000'\n`;
    assert.deepEqual(texts(doc, 'shellscript'), ['mongodb://u:p@ss@h:70000']);
    assert.deepEqual(problems(doc, 'shellscript'), [
      ['userinfo-unescaped', '\\@'],
      ['port-invalid', '70000'],
    ]);
  });

  it('escapes replacements and reads them back', () => {
    const cases: Array<[HostSyntax, string, (e: string) => string]> = [
      ['shell-double', 'a"b\\c`d', (e) => `MONGO_URI="${e}"`],
      ['shell-single', "it's", (e) => `MONGO_URI='${e}'`],
      ['shell-unquoted', 'a b;c', (e) => `MONGO_URI=${e}`],
    ];
    for (const [syntax, s, wrap] of cases) {
      const v = { kind: 'uri' as const, text: '', start: 0, syntax };
      assert.deepEqual(texts(wrap(encodeForHost(v, URI_PREFIX + s)), 'shellscript'), [URI_PREFIX + s], syntax);
    }
  });
});
