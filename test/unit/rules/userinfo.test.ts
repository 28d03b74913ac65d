/** Username and password must be percent-encoded (rules/userinfo.ts). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { encodeUserinfoPart } from '../../../server/src/service/rules/userinfo';
import { expectClean, expectOne, uriProblems } from '../../helpers/problems';

describe('userinfo-unescaped', () => {
  it('an unescaped @ in the password is an error with an encoding fix and no password in the message', () => {
    const p = expectOne('mongodb://admin:p@ss@db.example.com/app', 'userinfo-unescaped', 'error', '@', /%40/);
    assert.equal(p.data?.replacement, 'p%40ss');
    assert.ok(!p.msg.includes('p@ss'));
    expectClean('mongodb://admin:p%40ss@db.example.com/app');
  });

  it('an unescaped / in the password is an error', () => {
    expectOne('mongodb://user:pa/ss@host/db', 'userinfo-unescaped', 'error', '/', /%2F/);
    expectClean('mongodb://user:pa%2Fss@host/db');
  });

  it('a second ":" in the credentials is an error: only one separates username and password', () => {
    const p = expectOne('mongodb://alice:foo:bar@h', 'userinfo-unescaped', 'error', ':', /%3A \(only one ":" may separate/);
    assert.equal(p.data?.replacement, 'foo%3Abar');
    expectClean('mongodb://alice:foo%3Abar@h');
  });

  it('"?" and the other reserved characters in the username are errors', () => {
    expectOne('mongodb://al?ice@h', 'userinfo-unescaped', 'error', '?', /%3F \(a "\?" starts the options\)/);
    const p = expectOne('mongodb://al[ice@h', 'userinfo-unescaped', 'error', '[', /%5B \(it is a reserved URI character\)/);
    assert.equal(p.data?.replacement, 'al%5Bice');
  });

  it('the RFC 3986 sub-delimiters may stay unescaped', () => {
    expectClean("mongodb://alice:!$&'()*+,;=@h");
  });
});

describe('userinfo-invalid-escape', () => {
  it('a "%" that does not start a %XX escape is an error with a fix that writes %25', () => {
    const p = expectOne('mongodb://alice%foo@h', 'userinfo-invalid-escape', 'error', '%fo', /does not start a %XX escape/);
    assert.equal(p.data?.replacement, 'alice%25foo');
    expectOne('mongodb://user%20%@h', 'userinfo-invalid-escape', 'error', '%');
    expectOne('mongodb://user%w@h', 'userinfo-invalid-escape', 'error', '%w');
    expectClean('mongodb://al%C3%A9ice:s%40cret@h');
  });
});

describe('userinfo-unencoded', () => {
  it('a space in the password is a warning to encode, under the password', () => {
    const p = expectOne('mongodb://user:pa ss@host/db', 'userinfo-unencoded', 'warning', 'pa ss', /contains a space, which should be percent-encoded/);
    assert.equal(p.data?.replacement, 'pa%20ss');
    expectClean('mongodb://user:pa%20ss@host/db');
  });

  it('a non-ASCII character is a warning under the part, encoded as UTF-8 bytes', () => {
    expectOne('mongodb://aliceé:pw@h', 'userinfo-unencoded', 'warning', 'aliceé', /contains "é"/);
    const p = expectOne('mongodb://alice:pw😀@h', 'userinfo-unencoded', 'warning', 'pw😀', /contains "😀"/);
    assert.equal(p.data?.replacement, 'pw%F0%9F%98%80');
  });

  it('one warning per password, naming each character once, with one fix that encodes them all', () => {
    const uri = 'mongodb://user:P^a{s}s w|rd"^^@host/db';
    const found = uriProblems(uri).filter((p) => p.id === 'userinfo-unencoded');
    assert.equal(found.length, 1, JSON.stringify(found));
    const [p] = found;
    assert.equal(p.text, 'P^a{s}s w|rd"^^');
    assert.equal(p.msg, 'The password contains "^", "{", "}", a space, "|" and a double quote, which should be percent-encoded.');
    assert.equal(p.data?.replacement, 'P%5Ea%7Bs%7Ds%20w%7Crd%22%5E%5E');
    assert.equal(p.data?.title, 'Percent-encode the password');
    expectClean('mongodb://user:P%5Ea%7Bs%7Ds%20w%7Crd%22%5E%5E@host/db');
  });

  it('a quote, a tab and a control character are named, not shown in quotes', () => {
    const p = expectOne('mongodb://user:a"b@h', 'userinfo-unencoded', 'warning', 'a"b');
    assert.equal(p.msg, 'The password contains a double quote, which should be percent-encoded.');
    assert.ok(!p.msg.includes('"""'));
    expectOne('mongodb://user:a\tb\u0007@h', 'userinfo-unencoded', 'warning', 'a\tb\u0007', /contains a tab and a control character \(U\+0007\),/);
  });

  it('past eight characters the others are counted', () => {
    const p = expectOne('mongodb://user:^{}|"<>`\\é@h', 'userinfo-unencoded', 'warning', undefined, /"`" and 2 more characters, which/);
    assert.equal(p.data?.replacement, '%5E%7B%7D%7C%22%3C%3E%60%5C%C3%A9');
  });

  it('username and password each get their warning; reserved characters stay errors of their own', () => {
    const ps = uriProblems('mongodb://us er:p:a ss@h');
    assert.deepEqual(
      ps.filter((p) => p.id.startsWith('userinfo-')).map((p) => [p.id, p.sev, p.text]).sort(),
      [
        ['userinfo-unencoded', 'warning', 'p:a ss'],
        ['userinfo-unencoded', 'warning', 'us er'],
        ['userinfo-unescaped', 'error', ':'],
      ],
    );
    // Both problems of the password offer the same fix.
    const fixes = ps.filter((p) => p.text !== 'us er' && p.id.startsWith('userinfo-')).map((p) => p.data?.replacement);
    assert.deepEqual(fixes, ['p%3Aa%20ss', 'p%3Aa%20ss']);
  });
});

describe('encodeUserinfoPart', () => {
  it('encodes reserved and other characters, keeps valid escapes and sub-delimiters', () => {
    assert.equal(encodeUserinfoPart('p@ss:w/rd'), 'p%40ss%3Aw%2Frd');
    assert.equal(encodeUserinfoPart('a%41b'), 'a%41b');
    assert.equal(encodeUserinfoPart('100%'), '100%25');
    assert.equal(encodeUserinfoPart("!$&'()*+,;=-._~"), "!$&'()*+,;=-._~");
    assert.equal(encodeUserinfoPart('é'), '%C3%A9');
  });
});
