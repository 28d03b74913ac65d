/** Template placeholders stand for text filled in later: no problem is reported inside them (uri/placeholders.ts). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { EVERY_FORM, findPlaceholders, overlapsPlaceholder, placeholderStyle } from '../../../server/src/service/uri/placeholders';
import { expectClean, expectOne, expectNoError, problemsOf, settingsWith } from '../../helpers/problems';

const found = (text: string) => findPlaceholders(text).map((s) => text.slice(s.start, s.end));

describe('findPlaceholders', () => {
  it('finds ${VAR}, $(VAR), #{Var}#, {{ ... }}, %VAR%, $VAR and <password>', () => {
    assert.deepEqual(found('${A}'), ['${A}']);
    assert.deepEqual(found('$(A_1)'), ['$(A_1)']);
    assert.deepEqual(found('#{Var}#'), ['#{Var}#']);
    assert.deepEqual(found('#{Var}'), ['#{Var}']);
    assert.deepEqual(found('{{ .Values.x }}'), ['{{ .Values.x }}']);
    assert.deepEqual(found('%VAR%'), ['%VAR%']);
    assert.deepEqual(found('$VAR'), ['$VAR']);
    assert.deepEqual(found('<password>'), ['<password>']);
    assert.deepEqual(found('<a b-c.d>'), ['<a b-c.d>']);
  });

  it('leaves percent escapes alone: %NAME% needs a letter or "_" first and a letter that is not a hex digit', () => {
    assert.deepEqual(found('%2F%'), []);
    assert.deepEqual(found('%ABCD%'), []);
    assert.deepEqual(found('%AB_G%'), ['%AB_G%']);
  });

  it('$external is a real value, and $1, a lone "#" or an unclosed brace are no placeholders', () => {
    assert.deepEqual(found('x $external $ext2'), ['$ext2']);
    for (const t of ['$1', '$(1A)', '$(A B)', 'a#b', '${', '{{x', '<>']) assert.deepEqual(found(t), [], t);
  });

  it('looks only between from and to', () => {
    const text = '${A} ${B} ${C}';
    assert.deepEqual(findPlaceholders(text, 5, 9), [{ start: 5, end: 9 }]);
  });
});

describe('overlapsPlaceholder', () => {
  const placeholders = [{ start: 2, end: 6 }, { start: 10, end: 12 }];

  it('a span touches a placeholder when they share a character', () => {
    assert.equal(overlapsPlaceholder({ start: 5, end: 8 }, placeholders), true);
    assert.equal(overlapsPlaceholder({ start: 6, end: 10 }, placeholders), false);
  });

  it('an empty span touches a placeholder at its edges too', () => {
    assert.equal(overlapsPlaceholder({ start: 6, end: 6 }, placeholders), true);
    assert.equal(overlapsPlaceholder({ start: 8, end: 8 }, placeholders), false);
  });
});

describe('placeholders are opaque', () => {
  for (const uri of [
    'mongodb://${DB_USER}:${DB_PASS}@${DB_HOST}:27017/app',
    'mongodb://{{ .Values.mongo.user }}:{{ .Values.mongo.password }}@{{ .Values.mongo.host }}:27017/app',
    'mongodb://app:%MONGO_PASS%@db.example.com/app',
    'mongodb://app:$PASS@db.example.com:$PORT/app',
    'mongodb+srv://admin:<password>@cluster0.abcde.mongodb.net/?retryWrites=true&w=majority',
    'mongodb://${MONGO_HOST}:${MONGO_PORT}/?replicaSet=${RS}',
  ]) {
    it(uri, () => expectClean(uri));
  }
  it('still checks the rest of the string', () => {
    expectOne('mongodb://${DB_USER}:${DB_PASS}@${DB_HOST}:70000/app', 'port-invalid', 'error', '70000');
    expectOne('mongodb://${DB_HOST}/?retryWrite=true', 'option-unknown', 'warning', 'retryWrite');
  });
});

describe('placeholders do not swallow escapes', () => {
  it('a socket path %2Ftmp%2F... is not a %VAR% placeholder', () => {
    expectOne('mongodb://%2Ftmp%2Fmongodb-27017.socket', 'host-socket-invalid', 'error');
  });
});

describe('more placeholder styles', () => {
  for (const uri of [
    'mongodb://app:$(MONGODB_PASSWORD)@db.example.com/app',
    'mongodb://app:#{MongoPassword}#@db.example.com/app',
    'mongodb://#{MongoUser}:#{MongoPassword}@#{MongoHost}:27017/app',
  ]) {
    it(uri, () => expectClean(uri));
  }
  it('a # in a password is still an error', () => {
    expectOne('mongodb://app:pa#ss@db.example.com/app', 'userinfo-unescaped', 'error', '#');
  });
});

describe('placeholders in every part', () => {
  const spans = (text: string) => findPlaceholders(text, 0, text.length, EVERY_FORM).map((s) => text.slice(s.start, s.end));
  it('printf conversions (%s, %d before a non-hex character, %(name)s, %1$s) are placeholders; %20 and %de are escapes', () => {
    assert.deepEqual(spans('mongodb+srv://%s:%s@%s/app'), ['%s', '%s', '%s']);
    assert.deepEqual(spans('mongodb://h:%d/%(db)s?x=%1$s'), ['%d', '%(db)s', '%1$s']);
    assert.deepEqual(spans('mongodb://u:p%20w%de@h'), []);
  });
  it('format fields ({}, {0}, {name}), words in brackets and ellipses are placeholders; IP literals are not', () => {
    assert.deepEqual(spans('mongodb://{}:{0}@{host}/{db_name}'), ['{}', '{0}', '{host}', '{db_name}']);
    assert.deepEqual(spans('mongodb+srv://myUser:[password]@[cluster name].mongodb.net/...'), ['[password]', '[cluster name]', '...']);
    assert.deepEqual(spans('mongodb://[::1]:27017,[fe80::1%25eth0]/'), []);
  });
  it('tokens of release tools (__NAME__) are placeholders; an e-mail address as a user name is not', () => {
    assert.deepEqual(spans('mongodb://__MONGO_USER__:__MONGO_PASSWORD__@db.example.com/__DB_NAME__'), ['__MONGO_USER__', '__MONGO_PASSWORD__', '__DB_NAME__']);
    assert.deepEqual(spans('mongodb://alice@example.com@db.example.com/app'), []);
    expectOne('mongodb://alice@example.com@db.example.com/app', 'userinfo-unescaped', 'error', '@');
  });
  it('strings made of placeholders and literals are checked for what the literals alone break', () => {
    for (const uri of [
      'mongodb+srv://%s:%s@%s/storefront?retryWrites=true&w=majority',
      'mongodb+srv://<username>:<password>@<cluster-url>/<dbname>?retryWrites=true&w=majority',
      'mongodb+srv://myUser:[password]@cluster0.xxxxx.mongodb.net/myFirstDatabase',
      'mongodb+srv://user:pass@.../app',
    ]) {
      expectNoError(uri);
    }
    expectOne('mongodb+srv://%s:%s@%s/store?retryWrites=maybe', 'option-invalid-value', 'warning', 'maybe');
    const python = (uri: string) => problemsOf(`uri = "${uri}".format(u, p, h)\n`, 'python').filter(([, , sev]) => sev === 'error' || sev === 'warning');
    assert.deepEqual(python('mongodb://{}:{}@{}:27017/app'), []);
    assert.deepEqual(python('mongodb://{}:{}@{}:70000/app'), [['port-invalid', '70000', 'error']]);
  });
  it('format fields are placeholders in code that formats strings and in prose, not in configuration values', () => {
    assert.equal(placeholderStyle('python-double').formatFields, true);
    assert.equal(placeholderStyle('raw').formatFields, true);
    assert.equal(placeholderStyle('dotenv-double').formatFields, false);
    assert.equal(placeholderStyle(undefined).formatFields, false);
    // In a .env file the braces of a password are characters to encode: one warning for the password.
    assert.deepEqual(problemsOf('MONGODB_URI="mongodb://app:P^a{s}s w|rd@db.example.com/app"\n', 'dotenv', { ruleIds: ['userinfo-unencoded'] }).length, 1);
  });
  it('a format field where a host is written makes a configuration value a format string', () => {
    const template = 'mongodb://{user}:{password}@{host}:{port}/{db}';
    assert.equal(placeholderStyle('dotenv-double', template).formatFields, true);
    assert.equal(placeholderStyle('json', 'mongodb://a,{host2}/db').formatFields, true);
    assert.equal(placeholderStyle(undefined, 'mongodb://{host}').formatFields, true);
    // A brace in a password, or a field after the host, does not.
    assert.equal(placeholderStyle('json', 'mongodb://u:pa{ss}@db.example.com/app').formatFields, false);
    assert.equal(placeholderStyle('json', 'mongodb://db.example.com/{db}').formatFields, false);
    for (const [text, languageId] of [
      [`{"mongoUri": "${template}"}\n`, 'json'],
      [`mongo:\n  uri: ${template}\n`, 'yaml'],
      [`MONGO_URL=${template}\n`, 'dotenv'],
      [`const MONGO_URI = '${template}';\n`, 'typescript'],
    ] as const) {
      assert.deepEqual(problemsOf(text, languageId).filter(([, , severity]) => severity !== 'info'), [], text);
    }
    // What is written around the fields is still checked.
    assert.deepEqual(problemsOf('{"mongoUri": "mongodb://{host}:70000/db"}\n', 'json', { ruleIds: ['port-invalid'] }), [['port-invalid', '70000', 'error']]);
  });
});

describe('$name is a placeholder only where the text is interpolated', () => {
  it('not in JavaScript "…" and \'…\', Python strings other than f-strings, Java, Go, C# and properties', () => {
    for (const syntax of ['js-single', 'js-double', 'python-single', 'python-double', 'go-double', 'java-double', 'csharp-regular', 'properties'] as const) {
      assert.equal(placeholderStyle(syntax).bareDollar, false, syntax);
      assert.deepEqual(findPlaceholders('orders$v2 ${spring.db}', 0, 22, placeholderStyle(syntax)).length, 1, syntax);
    }
  });
  it('in shells, dotenv, compose, YAML, JSON, PHP "…", Kotlin and template literals', () => {
    for (const syntax of ['shell-double', 'dotenv-double', 'yaml-plain', 'json', 'php-double', 'kotlin-double', 'js-template', undefined] as const) {
      assert.equal(placeholderStyle(syntax).bareDollar, true, String(syntax));
    }
  });
  it('so a "$" in a database name in code is reported', () => {
    assert.deepEqual(problemsOf("import { MongoClient } from 'mongodb';\nconst db = client.db(\"my$db\");\n", 'javascript', { ruleIds: ['database-invalid-char'] }).map(([, under]) => under), ['$']);
    assert.deepEqual(problemsOf('from pymongo import MongoClient\ndb = client["my$db"]\n', 'python', { ruleIds: ['database-invalid-char'] }).map(([, under]) => under), ['$']);
    assert.deepEqual(problemsOf('spring.data.mongodb.database=orders$v2\n', 'properties', { ruleIds: ['database-invalid-char'] }).map(([, under]) => under), ['$']);
    assert.deepEqual(problemsOf("import { MongoClient } from 'mongodb';\nconst db = client.db(`my${suffix}`);\n", 'javascript', { ruleIds: ['database-invalid-char'] }), []);
    assert.deepEqual(problemsOf('MONGO_DB=my$SUFFIX\n', 'dotenv', { ruleIds: ['database-invalid-char'] }), []);
  });
});

describe('a placeholder that holds characters that split a string', () => {
  it('stays one part: ${…} with quotes and slashes, ${VAR:-default}', () => {
    const tf = 'value = "mongodb+srv://${var.user}:${random_password.app.result}@${trimprefix(local.srv, "mongodb+srv://")}/storefront"\n';
    assert.deepEqual(problemsOf(tf, 'terraform').filter(([, , sev]) => sev === 'error' || sev === 'warning'), []);
    assert.deepEqual(problemsOf('MONGODB_URI=mongodb://${MONGO_HOST:-localhost}:${MONGO_PORT:-27017}/app\n', 'dotenv').filter(([, , sev]) => sev === 'error' || sev === 'warning'), []);
  });
});

describe('the connection string format as documentation writes it', () => {
  const FORMAT = 'mongodb://[username:password@]host1[:port1][,...hostN[:portN]][/[defaultauthdb][?options]]';
  const spans = (text: string) => findPlaceholders(text, 0, text.length).map((s) => text.slice(s.start, s.end));

  it('its optional parts in brackets are placeholders, nested ones whole', () => {
    assert.deepEqual(spans(FORMAT), ['[username:password@]', '[:port1]', '[,...hostN[:portN]]', '[/[defaultauthdb][?options]]']);
    assert.deepEqual(spans('mongodb+srv://[username:password@]host[/[defaultauthdb][?options]]'), ['[username:password@]', '[/[defaultauthdb][?options]]']);
  });

  it('names of ports are placeholders in the host list: HOST:PORT, host:port, :DB_PORT, :yourPort', () => {
    assert.deepEqual(spans('mongodb://USER:PASSWORD@HOST:PORT/DATABASE'), ['PORT']);
    assert.deepEqual(spans('mongodb://username:password@host:port/database'), ['port']);
    assert.deepEqual(spans('mongodb://h1:DB_PORT,h2:yourPort/?replicaSet=rs0'), ['DB_PORT', 'yourPort']);
    assert.deepEqual(spans('mongodb://[::1]:PORT'), ['PORT']);
  });

  it('nor a host in brackets, an IP literal, a password nor an option value is taken for one', () => {
    for (const uri of [
      'mongodb://[::1]:27017,[fe80::1%25eth0]/',
      'mongodb://[::g1]/',
      'mongodb://[:1]/',
      'mongodb://[host1:27017]/app',
      'mongodb://user:pa[ss@]word@host/app',
      'mongodb://localhost:foo/app',
      'mongodb://localhost:P/app',
      'mongodb://user:PASSWORD@host/app',
      'mongodb://localhost/?authMechanism=GSSAPI&authMechanismProperties=SERVICE_NAME:MONGODB',
    ]) {
      assert.deepEqual(spans(uri), [], uri);
    }
  });

  it('the format and templates of it are clean; mistakes around them are still found', () => {
    for (const uri of [FORMAT, 'mongodb://USER:PASSWORD@HOST:PORT/DATABASE', 'mongodb://username:password@host:port/database', 'mongodb://db1:PORT,db2:PORT/?replicaSet=rs0']) {
      expectClean(uri);
      expectClean(uri, settingsWith({ driver: 'node' }));
    }
    expectOne('mongodb://localhost:foo/app', 'port-invalid', 'error', 'foo');
    expectOne('mongodb://[host1:27017]/app', 'host-invalid', 'error');
    expectOne('mongodb://[::g1]/', 'host-invalid', 'error');
    expectOne('mongodb://user:pa[ss@]word@host/app', 'userinfo-unescaped', 'error', '[');
    expectOne('mongodb://HOST:PORT/DATABASE?retryWrite=true', 'option-unknown', 'warning', 'retryWrite');
    expectOne('mongodb://[username:password@]host1:70000/app', 'port-invalid', 'error', '70000');
  });
});
