/**
 * credentials-in-source: a real-looking plaintext password in a connection string kept in a file that is
 * committed (rules/credentials.ts); nothing for defaults, placeholders, local strings, comments and tests.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkCredentialsInSource, isPlaceholderPassword, isTestOrExampleUri, type CredentialPlace } from '../../../server/src/service/rules/credentials';
import { parseConnectionString } from '../../../server/src/service/uri/parser';
import { problemsOf, settingsWith } from '../../helpers/problems';

const RULE = ['credentials-in-source'];
const check = (uri: string, languageId: string, place?: CredentialPlace) => checkCredentialsInSource(parseConnectionString(uri), languageId, place);
/** The text under each warning of a connection string. */
const warned = (uri: string, languageId = 'json', place?: CredentialPlace) => check(uri, languageId, place).map((p) => uri.slice(p.span.start, p.span.end));
const REAL = 'mongodb://app:Wq7xN2pR4tYb@db.example.com/app';

describe('credentials-in-source', () => {
  it('a password in a source or config file is a warning under the password', () => {
    assert.deepEqual(problemsOf('{ "uri": "mongodb://app:s3cretX9@db.example.com/app" }', 'json', { ruleIds: RULE }), [['credentials-in-source', 's3cretX9', 'warning']]);
    assert.deepEqual(problemsOf('const uri = "mongodb://app:s3cretX9@db.example.com/app";\n', 'javascript', { ruleIds: RULE }), [['credentials-in-source', 's3cretX9', 'warning']]);
    assert.deepEqual(problemsOf('{ "uri": "mongodb://app@db.example.com/app" }', 'json', { ruleIds: RULE }), []);
  });

  it('the fix is ${MONGODB_PASSWORD} where the file is interpolated, <password> elsewhere', () => {
    const [yaml] = check(REAL, 'yaml');
    assert.equal(yaml.data?.replacement, '${MONGODB_PASSWORD}');
    const [python] = check(REAL, 'python');
    assert.equal(python.data?.replacement, '<password>');
    assert.match(python.message, /plaintext password/);
  });

  it('a .env file only when it is committed: no .gitignore ignores it', () => {
    const env = 'MONGODB_URI=mongodb://app:Wq7xN2pR4tYb@db.example.com/app\n';
    assert.deepEqual(problemsOf(env, 'dotenv', { ruleIds: RULE }), []);
    assert.deepEqual(problemsOf(env, 'dotenv', { ruleIds: RULE, settings: settingsWith({ tracked: false }) }), []);
    assert.deepEqual(problemsOf(env, 'dotenv', { ruleIds: RULE, settings: settingsWith({ tracked: true }) }), [['credentials-in-source', 'Wq7xN2pR4tYb', 'warning']]);
    const [p] = check(REAL, 'dotenv', { tracked: true });
    assert.match(p.message, /\.env file that no \.gitignore ignores/);
    assert.equal(p.data, undefined, 'no placeholder in the one file the password belongs in');
  });

  it('Markdown and plain text (READMEs, terraform.tfvars) when committed or unknown, with <password> as the fix', () => {
    for (const languageId of ['markdown', 'plaintext']) {
      assert.deepEqual(warned(REAL, languageId), ['Wq7xN2pR4tYb'], languageId);
      assert.deepEqual(warned(REAL, languageId, { tracked: true }), ['Wq7xN2pR4tYb'], languageId);
      assert.deepEqual(warned(REAL, languageId, { tracked: false }), [], languageId);
    }
    const [p] = check(REAL, 'markdown');
    assert.equal(p.data?.replacement, '<password>');
    assert.deepEqual(problemsOf(`Connect with \`${REAL}\`.\n`, 'markdown', { ruleIds: RULE }), [['credentials-in-source', 'Wq7xN2pR4tYb', 'warning']]);
  });

  it('nothing in a file a .gitignore ignores, nor in languages that are not code, config or docs', () => {
    assert.deepEqual(warned(REAL, 'json', { tracked: false }), []);
    assert.deepEqual(warned(REAL, 'javascript', { tracked: true }), ['Wq7xN2pR4tYb']);
    assert.deepEqual(warned(REAL, 'terraform'), []);
  });

  it('well-known defaults and their variants are not secrets', () => {
    for (const pw of ['example', 'admin', 'password', 'pass', 'secret', 'changeme', 'root', 'test', 'mongo', 'mongodb', 'example123', 'Password1!', 'p@ssw0rd', 'Passw0rd', 's3cret', 'admin123', 'secret-password', 'mysecretpassword', 'supersecret', 'changeit', 'letmein', '123456', 'qwerty', 'p@ss:word']) {
      assert.deepEqual(warned(`mongodb://app:${encodeURIComponent(pw)}@db.example.com/app`), [], pw);
    }
  });

  it('a password equal to the user name is a default', () => {
    assert.deepEqual(warned('mongodb://shop:shop@db.example.com/app'), []);
    assert.deepEqual(warned('mongodb://Student:student2024@db.example.com/app'), []);
    assert.deepEqual(warned('mongodb://shop:shopX7qk@db.example.com/app'), ['shopX7qk']);
  });

  it('masks, placeholders and names that stand in for values are not secrets', () => {
    for (const pw of ['****', 'xxx', 'XXXXXXXX', '...', '%E2%80%A6', '%3Cpassword%3E', '%5Bpassword%5D', '%7Bpassword%7D', 'YOUR_PASSWORD', 'your-password', 'yourpassword', 'your_password_here', 'MONGO_PWD', 'DB_PASSWORD', '%25s', '$MONGO_PASSWORD', '${DB_PASS}', '<password>', '%25(password)s', '%25PASSWORD%25']) {
      assert.deepEqual(warned(`mongodb://app:${pw}@db.example.com/app`), [], pw);
    }
    assert.deepEqual(warned('mongodb://app:@db.example.com/app'), []);
  });

  it('real-looking passwords are warned of, whatever their shape', () => {
    for (const pw of ['xxxy', 'hunter2', 'Tr0ub4dor77xQ', 'Summer50%25off!', 'MONGO_pwd_X', 'passwordX7kq', 'Kd9vT2qLxW', 'ABCD1234EFGH']) {
      assert.equal(warned(`mongodb://app:${pw}@db.example.com/app`).length, 1, pw);
    }
  });

  it('isPlaceholderPassword: the checks alone', () => {
    assert.ok(isPlaceholderPassword(''));
    assert.ok(isPlaceholderPassword('app', 'app'));
    assert.ok(isPlaceholderPassword('MyPassword'));
    assert.ok(!isPlaceholderPassword('q7'));
    assert.ok(!isPlaceholderPassword('mongo-Xq'));
  });

  it('connection strings whose hosts are all local, in any file', () => {
    for (const hosts of ['localhost', 'localhost:27017', '127.0.0.1:27017', '[::1]:27017', 'host.docker.internal:27017', 'localhost,127.0.0.2:27018', '%2Ftmp%2Fmongodb-27017.sock']) {
      assert.deepEqual(warned(`mongodb://app:Wq7xN2pR4tYb@${hosts}/app`, 'javascript'), [], hosts);
    }
    // One remote host is enough.
    assert.deepEqual(warned('mongodb://app:Wq7xN2pR4tYb@localhost,db.example.com/app', 'javascript'), ['Wq7xN2pR4tYb']);
    assert.deepEqual(warned('mongodb://app:Wq7xN2pR4tYb@10.2.0.15:27017/app', 'javascript'), ['Wq7xN2pR4tYb']);
  });

  it('the hosts of documentation placeholders (cluster0.xxxxx.mongodb.net) are not real', () => {
    assert.deepEqual(warned('mongodb+srv://alice:Wq7xN2pR4tYb@cluster0.xxxxx.mongodb.net/', 'markdown'), []);
    assert.deepEqual(warned('mongodb+srv://alice:Wq7xN2pR4tYb@cluster0.xxaxx.mongodb.net/', 'markdown'), ['Wq7xN2pR4tYb']);
  });

  it('in a compose file, a host without a dot is a service of the compose network', () => {
    const uri = 'mongodb://app:Wq7xN2pR4tYb@mongo:27017,mongo-2:27017/app';
    assert.deepEqual(warned(uri, 'dockercompose'), []);
    assert.deepEqual(warned(uri, 'yaml'), ['Wq7xN2pR4tYb']);
    assert.deepEqual(warned(uri, 'shellscript'), ['Wq7xN2pR4tYb']);
    assert.deepEqual(warned('mongodb://app:Wq7xN2pR4tYb@mongo:27017,db.example.com/app', 'dockercompose'), ['Wq7xN2pR4tYb']);
  });

  it('nothing in test, fixture and example files', () => {
    for (const path of ['/p/test/db.js', '/p/tests/conftest.py', '/p/src/__tests__/db.ts', '/p/spec/db_spec.rb', '/p/test/fixtures/uris.json', '/p/examples/app.js',
      '/p/conftest.py', '/p/config.example', '/p/appsettings.example.json', '/p/.env.sample', '/p/db.test.ts', '/p/db.spec.js', '/p/db_test.go', '/p/Ledger.Tests/Db.cs', '/p/src/Test/x.java']) {
      assert.ok(isTestOrExampleUri(`file://${path}`), path);
      assert.deepEqual(warned(REAL, 'javascript', { documentUri: `file://${path}` }), [], path);
    }
    for (const path of ['/p/src/db.js', '/p/src/main/java/com/example/orders/Db.java', '/p/contest.py', '/p/latest/db.js', '/p/testing.js', '/p/src/test-utils.js']) {
      assert.ok(!isTestOrExampleUri(`file://${path}`), path);
      assert.deepEqual(warned(REAL, 'javascript', { documentUri: `file://${path}` }), ['Wq7xN2pR4tYb'], path);
    }
    // Through the document URI of an analysis, percent-encoded as editors send it.
    const text = `const uri = "${REAL}";\n`;
    assert.deepEqual(problemsOf(text, 'javascript', { ruleIds: RULE, uri: 'file:///p/my%20app/test/db.js' }), []);
    assert.deepEqual(problemsOf(text, 'javascript', { ruleIds: RULE, uri: 'file:///p/my%20app/src/db.js' }), [['credentials-in-source', 'Wq7xN2pR4tYb', 'warning']]);
  });

  it('nothing for a connection string in a comment', () => {
    assert.deepEqual(warned(REAL, 'toml', { comment: true }), []);
    assert.deepEqual(problemsOf(`# uri = "${REAL}"\nuri = "mongodb://app:Xq8vN3pR5tYc@db.example.com/app"\n`, 'toml', { ruleIds: RULE }), [['credentials-in-source', 'Xq8vN3pR5tYc', 'warning']]);
    assert.deepEqual(problemsOf(`/**\n * connect("${REAL}")\n */\n`, 'javascript', { ruleIds: RULE }), []);
    assert.deepEqual(problemsOf(`<!-- MONGO_URL=${REAL} -->\n`, 'markdown', { ruleIds: RULE }), []);
  });

  it('a proxy password in the options is a password too', () => {
    const uri = 'mongodb+srv://c.example.net/app?proxyHost=proxy.example.net&proxyPort=1080&proxyUsername=app&proxyPassword=Yt6bV3nMx9Qs';
    const [p] = check(uri, 'yaml');
    assert.equal(uri.slice(p.span.start, p.span.end), 'Yt6bV3nMx9Qs');
    assert.match(p.message, /proxy password/);
    assert.deepEqual(warned('mongodb+srv://c.example.net/app?proxyHost=localhost&proxyPassword=Yt6bV3nMx9Qs', 'yaml'), []);
    assert.deepEqual(warned('mongodb+srv://c.example.net/app?proxyHost=proxy.example.net&proxyPassword=changeme', 'yaml'), []);
    assert.deepEqual(warned('mongodb://u:Wq7xN2pR4tYb@db.example.com/app?tlsCertificateKeyFilePassword=Zr5tK8wQx2Vn', 'json'), ['Wq7xN2pR4tYb', 'Zr5tK8wQx2Vn']);
  });
});
