/** The database in the path and in authSource: decodable, and a name the server accepts (rules/database.ts). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { expectClean, expectOne, settingsWith, uriProblems } from '../../helpers/problems';

describe('database-invalid-char', () => {
  it('a space, $ or " in the auth database is an error under the character', () => {
    expectOne('mongodb://h/my%20db', 'database-invalid-char', 'error', '%20', /a space/);
    expectOne('mongodb://h/db$1', 'database-invalid-char', 'error', '$');
    expectOne('mongodb://h/my"db', 'database-invalid-char', 'error', '"');
    expectOne('mongodb://h/a\\b', 'database-invalid-char', 'error', '\\');
    expectClean('mongodb://h/my_db');
  });

  it('a "/" after the first one says that the rest of the path is the name', () => {
    expectOne('mongodb://h/a/b', 'database-invalid-char', 'error', '/', /everything after the first "\/" is the database name/);
    const encoded = expectOne('mongodb://h/my%2Fdb', 'database-invalid-char', 'error', '%2F');
    assert.doesNotMatch(encoded.msg, /everything after/);
  });

  it('a "." is only information: the string is valid, the server refuses the name', () => {
    expectOne('mongodb://h/admin.sock', 'database-invalid-char', 'info', '.', /server refuses/);
    expectClean('mongodb://h/admin.sock');
  });

  it('authSource names a database and is checked the same way, $external excepted', () => {
    expectOne('mongodb://u@h/?authSource=a/b', 'database-invalid-char', 'error', '/', /^authSource names a database: a database name cannot contain "\/"/);
    expectOne('mongodb://h/?authSource=my%20db', 'database-invalid-char', 'error', '%20');
    expectClean('mongodb://u@h/?authSource=$external');
    expectClean('mongodb://u@h/?authSource=admin');
  });
});

describe('database-name-windows-char', () => {
  it('a character Windows servers refuse is a warning, an error for Windows and nothing for Unix', () => {
    expectOne('mongodb://h/db*x', 'database-name-windows-char', 'warning', '*', /on Windows does not allow "\*"/);
    expectOne('mongodb://h/db*x', 'database-name-windows-char', 'error', '*', undefined, settingsWith({ driver: 'spec', serverPlatform: 'windows' }));
    expectClean('mongodb://h/db*x', settingsWith({ driver: 'spec', serverPlatform: 'unix' }));
    expectOne('mongodb://u@h/?authSource=a*b', 'database-name-windows-char', 'warning', '*', /^authSource names a database/);
  });
});

describe('database-too-long', () => {
  it('a database name of 64 bytes or more is an error, 63 is fine', () => {
    expectOne(`mongodb://h/${'d'.repeat(64)}`, 'database-too-long', 'error');
    expectClean(`mongodb://h/${'d'.repeat(63)}`);
  });

  it('counts UTF-8 bytes, not characters', () => {
    expectOne(`mongodb://h/${'é'.repeat(32)}`, 'database-too-long', 'error');
    expectClean(`mongodb://h/${'é'.repeat(31)}`);
  });
});

describe('database-invalid-escape', () => {
  it('a "%" in the database name that does not start an escape is an error', () => {
    expectOne('mongodb://h/db%zz', 'database-invalid-escape', 'error', '%zz', /Write a literal percent sign as %25/);
    expectClean('mongodb://h/db%25zz');
  });

  it('an empty path is no database, so nothing to check', () => {
    assert.deepEqual(uriProblems('mongodb://h/'), []);
  });
});
