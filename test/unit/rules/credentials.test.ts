/** credentials-in-source: a plaintext password in a connection string kept in a source or config file (rules/credentials.ts). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkCredentialsInSource } from '../../../server/src/service/rules/credentials';
import { parseConnectionString } from '../../../server/src/service/uri/parser';
import { problemsOf } from '../../helpers/problems';

const RULE = ['credentials-in-source'];
const check = (uri: string, languageId: string) => checkCredentialsInSource(parseConnectionString(uri), languageId);

describe('credentials-in-source', () => {
  it('a password in a source or config file is a warning under the password', () => {
    assert.deepEqual(problemsOf('{ "uri": "mongodb://app:s3cret@db.example.com/app" }', 'json', { ruleIds: RULE }), [['credentials-in-source', 's3cret', 'warning']]);
    assert.deepEqual(problemsOf('const uri = "mongodb://app:s3cret@db.example.com/app";\n', 'javascript', { ruleIds: RULE }), [['credentials-in-source', 's3cret', 'warning']]);
    assert.deepEqual(problemsOf('{ "uri": "mongodb://app@db.example.com/app" }', 'json', { ruleIds: RULE }), []);
  });

  it('.env files, Markdown and plain text are where a password may be written', () => {
    assert.deepEqual(problemsOf('MONGODB_URI=mongodb://app:s3cret@db.example.com/app\n', 'dotenv', { ruleIds: RULE }), []);
    assert.deepEqual(check('mongodb://app:s3cret@h', 'markdown'), []);
    assert.deepEqual(check('mongodb://app:s3cret@h', 'plaintext'), []);
  });

  it('the fix is ${MONGODB_PASSWORD} where the file is interpolated, <password> elsewhere', () => {
    const [yaml] = check('mongodb://app:s3cret@h', 'yaml');
    assert.equal(yaml.data?.replacement, '${MONGODB_PASSWORD}');
    const [python] = check('mongodb://app:s3cret@h', 'python');
    assert.equal(python.data?.replacement, '<password>');
    assert.match(python.message, /plaintext password/);
  });

  it('an empty, masked or placeholder password is not a plaintext password', () => {
    assert.deepEqual(check('mongodb://app:@h', 'json'), []);
    assert.deepEqual(check('mongodb://app:****@h', 'json'), []);
    assert.deepEqual(check('mongodb://app:xxxx@h', 'json'), []);
    assert.deepEqual(check('mongodb://app:${DB_PASS}@h', 'json'), []);
    assert.deepEqual(check('mongodb://app:<password>@h', 'json'), []);
    assert.equal(check('mongodb://app:xxxy@h', 'json').length, 1);
  });
});
