/**
 * The connection string as the Node.js driver (mongodb 7.x) reads it: its URL layer, its host parser and
 * the path (rules/nodeUri.ts), and what the Node profile reports about them. A case the driver rejects has
 * an error; a near miss it accepts has none (warnings may remain).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { nodeHostRejection, readAsNodeDriver } from '../../../server/src/service/uri/nodeUri';
import { expectClean, expectNoError, expectOne, settingsWith } from '../../helpers/problems';

const node = settingsWith({ driver: 'node' });

/** The text of a span of `text`, or undefined. */
const at = (text: string, s?: { start: number; end: number }) => (s ? text.slice(s.start, s.end) : undefined);

describe('readAsNodeDriver', () => {
  it('splits credentials, hosts, path, query items and fragment as the driver does', () => {
    const t = 'mongodb://u:p@h1,h2:27018/db?w=1&appName=a+b#frag';
    const n = readAsNodeDriver(t);
    assert.equal(n.rejection, undefined);
    assert.equal(at(t, n.username), 'u');
    assert.equal(at(t, n.password), 'p');
    assert.deepEqual(n.hosts.map((h) => h.raw), ['h1', 'h2:27018']);
    assert.equal(n.path?.dbName, 'db');
    assert.deepEqual(n.items.map((i) => [i.key, i.value]), [['w', '1'], ['appName', 'a b']]);
    assert.equal(at(t, n.fragment), 'frag');
  });

  it('decodes the path into dbName, and reads an item without "=" as an empty value', () => {
    assert.equal(readAsNodeDriver('mongodb://h/%2Fdb%20x?').path?.dbName, '/db x');
    const n = readAsNodeDriver('mongodb://h/?a&&b=&%3Fa=1');
    assert.deepEqual(n.items.map((i) => [i.key, i.value, i.valueSpan !== undefined]), [['a', '', false], ['b', '', true], ['?a', '1', true]]);
  });

  it('decodes an escape after a non-ASCII character as the driver does (Node.js 20 URLSearchParams does not)', () => {
    const n = readAsNodeDriver('mongodb://h/?é%FF=1&😀%41=%C3%A9+x&k=\uD800');
    assert.deepEqual(n.items.map((i) => [i.key, i.value]), [['é\uFFFD', '1'], ['😀A', 'é x'], ['k', '\uFFFD']]);
    expectOne('mongodb://h/?é%FF=1', 'option-unknown', 'error', 'é%FF', /Unknown option "é\uFFFD"/, settingsWith({ driver: 'node' }));
  });

  it('drops trailing white space and what follows a line break', () => {
    const t = 'mongodb://h/?w= \nx';
    assert.equal(at(t, readAsNodeDriver(t).query), 'w=');
  });

  it('rejects a scheme that is not exactly mongodb:// or mongodb+srv://, and an empty host list', () => {
    assert.match(readAsNodeDriver('MONGODB://h').rejection!.message, /start with exactly mongodb:\/\//);
    assert.match(readAsNodeDriver('mongodb://').rejection!.message, /no host/);
    assert.equal(readAsNodeDriver('mongodb+srv://c.example.com/?x').srv, true);
  });

  it('rejects empty userinfo and a second "@" after the host list', () => {
    assert.match(readAsNodeDriver('mongodb://@h').rejection!.message, /empty userinfo/);
    const t = 'mongodb://u:p@q@h';
    const n = readAsNodeDriver(t);
    assert.match(n.rejection!.message, /second unescaped "@"/);
    assert.equal(n.rejection!.span.start, t.lastIndexOf('@'));
  });

  it('rejects mongodb+srv with several hosts or a port', () => {
    assert.match(readAsNodeDriver('mongodb+srv://a,b').rejection!.message, /exactly one host name/);
    const t = 'mongodb+srv://a:1';
    assert.equal(at(t, readAsNodeDriver(t).rejection!.span), ':1');
  });
});

describe('nodeHostRejection', () => {
  const reject = (h: string) => nodeHostRejection(h, { start: 0, end: h.length })?.message;

  it('accepts host names, IP literals and anything that ends in .sock and decodes', () => {
    assert.equal(reject('h'), undefined);
    assert.equal(reject('[::1]'), undefined);
    assert.equal(reject('a b.sock'), undefined);
  });

  it('rejects port 0, ports out of range and extra colons, saying why', () => {
    assert.match(reject('h:0')!, /rejects port 0/);
    assert.match(reject('h:70000')!, /"70000" is not a port from 1 to 65535/);
    assert.match(reject('h:1:2')!, /only one ":" may separate host and port/);
    assert.match(reject(':27017')!, /host name before ":" is missing/);
  });

  it('rejects escapes that do not decode as UTF-8', () => {
    assert.match(reject('%zz.sock')!, /cannot decode the socket path/);
    assert.match(reject('h%ff')!, /cannot decode the host/);
  });
});

describe('URL layer: an "@" after the host list makes the text before it a username', () => {
  it('the driver rejects that username (or password) for its "/"', () => {
    expectOne('mongodb://host/?appName=a@b', 'node-uri-rejected', 'error', 'host/?appName=a', /as the username/, node);
    expectOne('mongodb://host:27017/?appName=a@b', 'node-uri-rejected', 'error', '27017/?appName=a', /password contains an unescaped "\/"/, node);
  });

  it('with credentials before it, or encoded as %40, it is accepted', () => {
    expectClean('mongodb://u:p@host/?appName=a@b', node);
    expectClean('mongodb://host/?appName=a%40b', node);
  });
});

describe('URL layer: credentials', () => {
  it('reserved characters and escapes that do not decode are rejected', () => {
    expectOne('mongodb://us[er@host', 'userinfo-unescaped', 'error', '[', undefined, node);
    expectOne('mongodb://user%ff@host', 'node-uri-rejected', 'error', 'user%ff', /cannot decode the username/, node);
    expectClean('mongodb://us%20er:pa%C3%A9@host', node);
  });

  it('a space in the credentials is accepted, with a warning to encode it', () => {
    expectNoError('mongodb://us er:pa ss@host', node);
    expectOne('mongodb://us er:pa ss@host', 'userinfo-unencoded', 'warning', 'us er', undefined, node);
  });

  it('an empty username is rejected, an empty password is not', () => {
    expectOne('mongodb://:pass@host', 'auth-username-missing', 'error', ':pass', undefined, node);
    expectClean('mongodb://user:@host', node);
  });
});

describe('URL layer: the host list may not start with ":"; "#" after a host is a fragment', () => {
  it('a host list that starts with ":" is rejected', () => {
    expectOne('mongodb://::1', 'host-invalid', 'error', '::', undefined, node);
  });

  it('"#" in a host starts a fragment the driver ignores: a warning', () => {
    expectNoError('mongodb://ho#st/', node);
    expectOne('mongodb://ho#st/', 'node-option-ignored', 'warning', '#st', /start of a URL fragment/, node);
  });

  it('an "@" in the path that leaves ":1" as the host is accepted', () => {
    expectNoError('mongodb://h/x@:1', node);
  });
});

describe('Hosts: empty entries are hosts named ""', () => {
  it('an empty entry is only a warning', () => {
    expectNoError('mongodb://a,,b', node);
    expectOne('mongodb://a,,b', 'host-empty', 'warning', ',', undefined, node);
  });

  it('but it counts as a host for directConnection, loadBalanced and mongodb+srv', () => {
    expectOne('mongodb://a,/?directConnection=true', 'direct-connection-conflict', 'error', 'directConnection=true', /2 are given/, node);
    expectOne('mongodb://a,/?loadBalanced=true', 'load-balanced-conflict', 'error', 'loadBalanced=true', /2 are given/, node);
    expectOne('mongodb+srv://a.example.com,', 'node-uri-rejected', 'error', 'a.example.com,', /counts every comma-separated entry/, node);
    expectClean('mongodb://a/?directConnection=true', node);
  });
});

describe('Hosts: parsed with the URL parser', () => {
  it('characters the URL parser forbids in a host are rejected; others are a warning', () => {
    expectOne('mongodb://h<x', 'host-invalid', 'error', '<', undefined, node);
    expectOne('mongodb://h|x', 'host-invalid', 'error', '|', undefined, node);
    expectNoError('mongodb://h"x', node);
    expectOne('mongodb://h"x', 'host-invalid', 'warning', '"', undefined, node);
  });

  it('escapes must decode as UTF-8', () => {
    expectOne('mongodb://h%zz', 'host-invalid', 'error', '%zz', undefined, node);
    expectOne('mongodb://h%ff', 'node-uri-rejected', 'error', 'h%ff', /cannot decode the host/, node);
    expectClean('mongodb://h%41', node);
  });

  it('an empty port is accepted with a warning; port 0 and ports above 65535 are rejected; leading zeros are fine', () => {
    expectNoError('mongodb://h:', node);
    expectOne('mongodb://h:', 'port-invalid', 'warning', ':', undefined, node);
    expectOne('mongodb://h:00', 'port-invalid', 'error', '00', undefined, node);
    expectOne('mongodb://h:65536', 'port-invalid', 'error', '65536', undefined, node);
    expectClean('mongodb://h:0027017', node);
  });

  it('IPv6 zone ids and malformed addresses are rejected', () => {
    expectOne('mongodb://[fe80::1%25eth0]', 'node-uri-rejected', 'error', '[fe80::1%25eth0]', /zone ids are not accepted/, node);
    expectOne('mongodb://[1:2:3]', 'node-uri-rejected', 'error', '[1:2:3]', undefined, node);
    expectClean('mongodb://[::ffff:127.0.0.1]:27018', node);
  });
});

describe('Hosts: a ".sock" suffix makes a socket path, other encoded paths are host names', () => {
  it('an encoded path without .sock is accepted, with the spec\'s warning', () => {
    expectNoError('mongodb://%2Ftmp%2Fmongo', node);
    expectOne('mongodb://%2Ftmp%2Fmongo', 'host-socket-invalid', 'warning', '%2Ftmp%2Fmongo', undefined, node);
  });

  it('a host ending in .sock is a socket path, port or not, and must decode', () => {
    expectNoError('mongodb://h:27017.sock', node);
    expectOne('mongodb://h:27017.sock', 'port-invalid', 'warning', '27017.sock', undefined, node);
    expectOne('mongodb://a%zz.sock', 'host-invalid', 'error', '%zz', undefined, node);
    expectClean('mongodb://%2Ftmp%2Fmongodb-27017.sock', node);
  });
});

describe('mongodb+srv: the host is only checked for a ":" when the client is created', () => {
  it('a bad escape or an IP address is accepted with a warning', () => {
    expectNoError('mongodb+srv://h%zz', node);
    expectOne('mongodb+srv://h%zz', 'host-invalid', 'warning', '%zz', undefined, node);
    expectNoError('mongodb+srv://127.0.0.1', node);
    expectOne('mongodb+srv://127.0.0.1', 'srv-host-invalid', 'warning', '127.0.0.1', undefined, node);
  });

  it('an IPv6 literal or a port (a ":") is rejected', () => {
    expectOne('mongodb+srv://[::1]', 'srv-host-invalid', 'error', '::1', undefined, node);
    expectOne('mongodb+srv://a.example.com:27017', 'srv-port', 'error', ':27017', undefined, node);
  });
});

describe('Path: decoded, not checked', () => {
  it('a path that does not decode is rejected', () => {
    expectOne('mongodb://h/db%ff', 'node-uri-rejected', 'error', '/db%ff', /cannot decode the database name/, node);
    expectOne('mongodb://h/db%zz', 'database-invalid-escape', 'error', '%zz', undefined, node);
    expectNoError('mongodb://h/%zz/..', node);
  });

  it('names the server refuses are only warnings: the driver does not check them', () => {
    expectNoError('mongodb://h/a b', node);
    expectOne('mongodb://h/a b', 'database-invalid-char', 'warning', ' ', undefined, node);
    expectNoError('mongodb://h/db$x', node);
    expectOne('mongodb://h/db$1', 'database-invalid-char', 'warning', '$', undefined, node);
    expectNoError('mongodb://h/a/b', node);
    expectOne('mongodb://h/a/b', 'database-invalid-char', 'warning', '/', undefined, node);
  });
});
