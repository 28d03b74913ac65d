/** Template placeholders stand for text filled in later: no problem is reported inside them (uri/placeholders.ts). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findPlaceholders, overlapsPlaceholder } from '../../../server/src/service/uri/placeholders';
import { expectClean, expectOne } from '../../helpers/problems';

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
