/**
 * Database names wherever they appear: configuration keys, driver calls, the database of a connection
 * string and authSource; the server platform setting; names that differ only by case in one file.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkConnectionString } from '../../../server/src/service/rules';
import { checkDatabaseName, utf8Length } from '../../../server/src/service/rules/names';
import { hoverAt, problemsOf, settingsWith } from '../../helpers/problems';

const NAME_RULES = ['database-invalid-char', 'database-name-windows-char', 'database-too-long', 'database-name-empty', 'database-case-conflict'];

describe('database names in configuration and code', () => {
  it('.env: a dot, a space and a dollar sign in MONGO_DB are errors; a clean name is not', () => {
    const env = ['# shop service', 'MONGO_URI=mongodb://db.internal:27017', 'MONGO_DB=shop.v2', 'ANALYTICS_MONGO_DB=sales data', 'REPORTS_MONGO_DB=shop_reports', ''].join('\n');
    assert.deepEqual(problemsOf(env, 'dotenv', { ruleIds: NAME_RULES }), [
      ['database-invalid-char', '.', 'error'],
      ['database-invalid-char', ' ', 'error'],
    ]);
  });

  it('Spring properties: spring.data.mongodb.database with a slash', () => {
    const props = 'spring.data.mongodb.uri=mongodb://mongo:27017\nspring.data.mongodb.database=tenants/eu\nserver.port=8080\n';
    assert.deepEqual(problemsOf(props, 'properties', { ruleIds: NAME_RULES }), [['database-invalid-char', '/', 'error']]);
  });

  it('driver calls: client.db() and use() in JavaScript, subscripts in Python', () => {
    const js = ['const client = new MongoClient(process.env.MONGODB_URI);', 'const sales = client.db("sales-2024");', 'const bad = client.db("sales$");', 'use("inventory");', ''].join('\n');
    assert.deepEqual(problemsOf(js, 'javascript', { ruleIds: NAME_RULES }), [['database-invalid-char', '$', 'error']]);
    const py = 'client = MongoClient(uri)\ndb = client["analytics.eu"]\nok = client["analytics_eu"]\n';
    assert.deepEqual(problemsOf(py, 'python', { ruleIds: NAME_RULES }), [['database-invalid-char', '.', 'error']]);
  });

  it('a name of 64 bytes is too long, 63 is fine; bytes are counted in UTF-8', () => {
    const long = 'a'.repeat(64);
    const fine = 'a'.repeat(63);
    assert.deepEqual(problemsOf(`MONGO_DB=${long}\n`, 'dotenv', { ruleIds: NAME_RULES }), [['database-too-long', long, 'error']]);
    assert.deepEqual(problemsOf(`MONGO_DB=${fine}\n`, 'dotenv', { ruleIds: NAME_RULES }), []);
    // 32 characters of two bytes each: 64 bytes.
    const accented = 'é'.repeat(32);
    assert.equal(utf8Length(accented), 64);
    assert.deepEqual(problemsOf(`MONGO_DB=${accented}\n`, 'dotenv', { ruleIds: NAME_RULES }), [['database-too-long', accented, 'error']]);
    assert.equal(utf8Length('😀'), 4);
  });

  it('placeholders are not names: ${ENV} and {{ db }} parts are not reported', () => {
    const env = 'MONGO_DB=shop_${DEPLOY_ENV}\nREPORTS_MONGO_DB={{ reports_db }}\n';
    assert.deepEqual(problemsOf(env, 'dotenv', { ruleIds: NAME_RULES }), []);
  });

  it('an empty name passed to a driver call is an error; an empty configuration value is only unset', () => {
    assert.deepEqual(checkDatabaseName('', { platform: 'any' }).map((i) => i.ruleId), ['database-name-empty']);
    // The Node.js driver's client.db('') is the connection string's database (or test); a collection needs a name.
    const js = "import { MongoClient } from 'mongodb';\nconst db = client.db(\"\");\nconst orders = db.collection('');\nconst named = client.db(\"shop\");\n";
    assert.deepEqual(problemsOf(js, 'javascript', { ruleIds: [...NAME_RULES, 'collection-name-empty'] }), [['collection-name-empty', '', 'error']]);
    const py = 'from pymongo import MongoClient\ndb = client[""]\n';
    assert.deepEqual(problemsOf(py, 'python', { ruleIds: NAME_RULES }), [['database-name-empty', '', 'error']]);
    assert.deepEqual(problemsOf('MONGO_DB=\nMONGO_COLLECTION=\n', 'dotenv', { ruleIds: [...NAME_RULES, 'collection-name-empty'] }), []);
  });
});

describe('the Windows characters and mongodbUri.serverPlatform', () => {
  const env = 'MONGO_DB=reports:2024\nOTHER_MONGO_DB=reports_2024\n';
  it('any (the default): a warning, since the name fails on Windows servers only', () => {
    assert.deepEqual(problemsOf(env, 'dotenv', { ruleIds: NAME_RULES }), [['database-name-windows-char', ':', 'warning']]);
  });
  it('windows: an error', () => {
    assert.deepEqual(problemsOf(env, 'dotenv', { ruleIds: NAME_RULES, settings: settingsWith({ serverPlatform: 'windows' }) }), [['database-name-windows-char', ':', 'error']]);
  });
  it('unix: nothing', () => {
    assert.deepEqual(problemsOf(env, 'dotenv', { ruleIds: NAME_RULES, settings: settingsWith({ serverPlatform: 'unix' }) }), []);
  });
  it('every character of the Windows set', () => {
    for (const ch of ['*', '<', '>', ':', '|', '?']) {
      const issues = checkDatabaseName(`a${ch}b`, { platform: 'windows' });
      assert.deepEqual(issues.map((i) => [i.ruleId, i.start, i.severity]), [['database-name-windows-char', 1, 'error']], ch);
    }
  });
});

describe('the database of a connection string', () => {
  it('a dot is information only: the specification accepts it, the server refuses the name', () => {
    const env = 'MONGODB_URI=mongodb://db.internal:27017/shop.v2\n';
    assert.deepEqual(problemsOf(env, 'dotenv', { ruleIds: NAME_RULES }), [['database-invalid-char', '.', 'info']]);
  });

  it('the spec test databases admin.sock and admin.shoe stay free of errors and warnings', () => {
    for (const uri of ['mongodb://rel%2Fmongodb-27017.sock,rel%2Fmongodb-27018.sock/admin.sock', 'mongodb://%2Ftmp%2Fmongodb-27017.sock/admin.shoe']) {
      const loud = checkConnectionString(uri, { driver: 'spec' }).problems.filter((p) => p.severity === 'error' || p.severity === 'warning');
      assert.deepEqual(loud, [], uri);
    }
  });

  it('one naming module: the path gets the same checks as other places (too long, Windows set)', () => {
    const long = 'x'.repeat(70);
    assert.deepEqual(problemsOf(`MONGODB_URI=mongodb://h/${long}\n`, 'dotenv', { ruleIds: NAME_RULES }), [['database-too-long', long, 'error']]);
    assert.deepEqual(problemsOf('MONGODB_URI=mongodb://h/a%2Ab\n', 'dotenv', { ruleIds: NAME_RULES }), [['database-name-windows-char', '%2A', 'warning']]);
  });

  it('authSource names a database, except $external', () => {
    const json = '{\n  "mongo": { "uri": "mongodb://app:${PW}@db:27017/shop?authSource=admin.users" },\n  "ldap": { "uri": "mongodb://cn@db/?authMechanism=PLAIN&authSource=$external" }\n}\n';
    assert.deepEqual(problemsOf(json, 'json', { ruleIds: NAME_RULES }), [['database-invalid-char', '.', 'error']]);
  });

  it('under the Node.js profile the naming errors are warnings: new MongoClient() does not check names', () => {
    const check = checkConnectionString('mongodb://h/?authSource=ad$min', { driver: 'node' });
    assert.deepEqual(check.problems.filter((p) => p.ruleId === 'database-invalid-char').map((p) => p.severity), ['warning']);
  });
});

describe('names that differ only by case in one file', () => {
  it('salesData and SalesData: a warning at the first occurrence of each spelling', () => {
    const js = [
      "import { MongoClient } from 'mongodb';",
      'const sales = client.db("salesData");',
      'const archive = client.db("SalesData");',
      'const again = client.db("salesData");',
      'const other = client.db("inventory");',
      '',
    ].join('\n');
    const found = problemsOf(js, 'javascript', { ruleIds: ['database-case-conflict'] });
    assert.deepEqual(found, [
      ['database-case-conflict', 'salesData', 'warning'],
      ['database-case-conflict', 'SalesData', 'warning'],
    ]);
  });

  it('across a key, a connection string and authSource in one .env file', () => {
    const env = 'MONGODB_URI=mongodb://u:${PW}@h/Orders?authSource=Admin\nMONGO_DB=orders\nAUDIT_MONGO_DB=admin\n';
    const found = problemsOf(env, 'dotenv', { ruleIds: ['database-case-conflict'] });
    assert.deepEqual(found.map(([, under]) => under).sort(), ['Admin', 'Orders', 'admin', 'orders']);
  });

  it('the same spelling twice is no conflict', () => {
    const env = 'MONGO_DB=salesData\nMONGODB_URI=mongodb://h/salesData\n';
    assert.deepEqual(problemsOf(env, 'dotenv', { ruleIds: ['database-case-conflict'] }), []);
  });
});

describe('hover on database names', () => {
  it('a key value shows its size and the rules, platform included', () => {
    const h = hoverAt('MONGO_DB=sal|esData\n', 'dotenv')!;
    assert.equal(h.under, 'salesData');
    assert.match(h.contents, /\*\*Database\*\* `salesData` · 9 of fewer than 64 bytes/);
    assert.match(h.contents, /Windows servers/);
    assert.match(h.contents, /differ only by case/);
  });
  it('the database of a connection string explains why a dot is only information', () => {
    const h = hoverAt('MONGODB_URI=mongodb://h/shop.|v2\n', 'dotenv')!;
    assert.match(h.contents, /specification accepts a `\.`/);
    assert.match(h.contents, /server refuses/);
  });
});
