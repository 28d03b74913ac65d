/** The host list: at least one host, well-formed hosts and ports (rules/hosts.ts). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { expectClean, expectOne, uriProblems } from '../../helpers/problems';

describe('host-missing', () => {
  it('a connection string without a host is an error', () => {
    expectOne('mongodb://', 'host-missing', 'error', '://', /has no host/);
    expectOne('mongodb:///app', 'host-missing', 'error', '://');
    expectClean('mongodb://localhost/app');
  });
});

describe('host-empty', () => {
  it('an empty entry in the host list is an error with a fix that removes the comma', () => {
    const p = expectOne('mongodb://a,,b', 'host-empty', 'error', ',', /remove the extra ","/);
    assert.equal(p.data?.replacement, '');
    expectOne('mongodb://a,', 'host-empty', 'error', '');
    expectClean('mongodb://a,b');
  });
});

describe('host-invalid', () => {
  it('an IP literal without its closing "]" is an error', () => {
    expectOne('mongodb://[::1', 'host-invalid', 'error', '[::1', /no closing "\]"/);
    expectClean('mongodb://[::1]');
  });

  it('only :port may follow the "]" of an IP literal', () => {
    expectOne('mongodb://[::1]x', 'host-invalid', 'error', 'x', /Only ":port" may follow/);
    expectClean('mongodb://[::1]:27018');
  });

  it('the text in brackets must be an IPv6 address', () => {
    expectOne('mongodb://[fe80::zz]', 'host-invalid', 'error', 'fe80::zz', /"\[fe80::zz\]" is not an IPv6 address/);
    expectClean('mongodb://[fe80::1]');
  });

  it('a host with two ":" is an error that says "::" is not allowed when they touch', () => {
    expectOne('mongodb://localhost::27017', 'host-invalid', 'error', '::', /"::" is not allowed/);
    expectOne('mongodb://a:b:c', 'host-invalid', 'error', ':b:', /only one ":" \(before the port\)/);
    expectClean('mongodb://localhost:27017');
  });

  it('a port without a host name before it is an error', () => {
    expectOne('mongodb://:27017', 'host-invalid', 'error', ':27017', /host name before the port is missing/);
  });

  it('a UNIX socket path takes no port', () => {
    expectOne('mongodb://%2Ftmp%2Fmongodb-27017.sock:27017', 'host-invalid', 'error', ':27017', /takes no port/);
    expectClean('mongodb://%2Ftmp%2Fmongodb-27017.sock');
  });

  it('a "%" in a host name that does not start an escape is an error', () => {
    expectOne('mongodb://h%zz', 'host-invalid', 'error', '%zz', /does not start a %XX escape/);
    expectClean('mongodb://h%41');
  });

  it('a character no host name may contain is an error under the first one', () => {
    expectOne('mongodb://ho st', 'host-invalid', 'error', ' ', /cannot contain a space/);
    expectOne('mongodb://h<x|y', 'host-invalid', 'error', '<', /cannot contain "<"/);
    expectClean('mongodb://bücher.example.com');
    expectClean('mongodb://db_1.example-host.com');
  });
});

describe('host-unescaped-slash', () => {
  it('an unencoded socket path is an error that shows the encoding', () => {
    const p = expectOne('mongodb:///tmp/mongodb-27017.sock/', 'host-unescaped-slash', 'error', '/tmp/mongodb-27017.sock/', /%2Ftmp%2Fmongodb-27017\.sock/);
    assert.equal(p.data?.replacement, '%2Ftmp%2Fmongodb-27017.sock');
    expectClean('mongodb://%2Ftmp%2Fmongodb-27017.sock/');
  });
});

describe('host-socket-invalid', () => {
  it('a host with an encoded "/" is a socket path and must end in .sock', () => {
    expectOne('mongodb://%2Ftmp%2Fmongo', 'host-socket-invalid', 'error', '%2Ftmp%2Fmongo', /must end in "\.sock"/);
    expectClean('mongodb://%2Ftmp%2Fmongo.sock');
  });
});

describe('port-invalid', () => {
  it('a port above 65535 is an error under the port', () => {
    expectOne('mongodb://localhost:70000/app', 'port-invalid', 'error', '70000', /Port 70000 is out of range \(1–65535\)/);
    expectOne('mongodb://h:65536', 'port-invalid', 'error', '65536');
    expectClean('mongodb://h:65535');
  });

  it('port 0 is out of range, port 1 is fine', () => {
    expectOne('mongodb://h:0', 'port-invalid', 'error', '0', /out of range/);
    expectClean('mongodb://h:1');
  });

  it('a port that is not a number is an error', () => {
    expectOne('mongodb://u:p@h:abc', 'port-invalid', 'error', 'abc', /"abc" is not a number/);
    expectOne('mongodb://[::1]:x', 'port-invalid', 'error', 'x', /not a port number/);
  });

  it('without an "@", the text after ":" may be a password: it is not echoed, and the message says how to write user:password@host', () => {
    const p = expectOne('mongodb://admin:Sup3rSecret', 'port-invalid', 'error', 'Sup3rSecret', /If it is a password, the "@" and the host after it are missing/);
    assert.doesNotMatch(p.msg, /Sup3rSecret/);
  });

  it('an empty port is an error under the ":" with a fix that removes it', () => {
    const p = expectOne('mongodb://h:', 'port-invalid', 'error', ':', /port after ":" is empty/);
    assert.equal(p.data?.replacement, '');
    expectClean('mongodb://h');
  });
});

describe('host-duplicate', () => {
  it('the same host twice is information, whatever the case and with the default port', () => {
    expectOne('mongodb://h,H:27017', 'host-duplicate', 'info', 'H:27017', /listed more than once/);
    expectOne('mongodb://h:27017,h', 'host-duplicate', 'info', 'h');
    assert.ok(!uriProblems('mongodb://h:27017,h:27018').some((p) => p.id === 'host-duplicate'));
  });
});
