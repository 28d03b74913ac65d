/**
 * The connection-string parser against mongodb-connection-string-url (the URL parser of the MongoDB
 * shell and Compass) and, for a single host, the WHATWG URL parser, on generated valid connection
 * strings (uriArbitraries.ts, which lists what the generator leaves out and why): hosts and ports,
 * user name, password, database and options read the same, compared after percent-decoding on every
 * side. Differences that are not mistakes:
 * - the packages cannot tell a missing password from an empty one (`user@h`, `user:@h`), nor a missing
 *   database from an empty one (`h`, `h/`): both read as the empty string on their side;
 * - ConnectionString.hosts are the host list items as written; WHATWG URL writes IPv6 addresses in
 *   canonical form (`[0:0:0:0:0:0:0:1]` → `[::1]`), so IP literal hosts are compared with ConnectionString only;
 * - WHATWG URL rejects a raw space in a host (`%2Ftmp%2F %2Fm.sock`), which the specification's tests
 *   call valid: such strings are compared with ConnectionString only.
 * On junk the parser never throws, and where ConnectionString accepts junk, both read it the same
 * (but where our parser recovers a password cut by an unescaped `/`, as it means to).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ConnectionString } from 'mongodb-connection-string-url';
import { parseConnectionString } from '../../../server/src/service/uri/parser';
import type { ParsedUri } from '../../../server/src/service/uri/types';
import { assertShareAtLeast, checkProperty } from '../../helpers/fuzz';
import { junk, schemeJunk, uriCase, UriCase } from './uriArbitraries';

/** The parts as compared: decoded, an absent password or database as the empty string. */
interface Parts {
  srv: boolean;
  hosts: Array<{ host: string; port?: number }>;
  username: string;
  password: string;
  database: string;
  options: Array<[string, string]>;
}

function hostPort(host: string, port: number | undefined): { host: string; port?: number } {
  return port === undefined ? { host } : { host, port };
}

function ours(p: ParsedUri): Parts {
  return {
    srv: p.scheme.kind === 'mongodb+srv',
    hosts: p.hosts.map((h) => hostPort(h.host.value, h.port?.value)),
    username: p.userinfo?.username.value ?? '',
    password: p.userinfo?.password?.value ?? '',
    database: p.database?.value ?? '',
    options: p.options.map((o) => [o.key.value, o.value?.value ?? '']),
  };
}

/** A host list item of ConnectionString (`h:1`, `[::1]:2`, `%2Ftmp%2Fm.sock`), split and decoded. */
function splitHost(item: string): { host: string; port?: number } {
  if (item.startsWith('[')) {
    const close = item.indexOf(']');
    const port = item.slice(close + 2);
    return hostPort(item.slice(1, close), port === '' ? undefined : Number(port));
  }
  const colon = item.lastIndexOf(':');
  if (colon < 0) return hostPort(decodeURIComponent(item), undefined);
  return hostPort(decodeURIComponent(item.slice(0, colon)), Number(item.slice(colon + 1)));
}

function connectionString(text: string): Parts {
  const cs = new ConnectionString(text);
  return {
    srv: cs.isSRV,
    hosts: cs.hosts.map(splitHost),
    username: decodeURIComponent(cs.username),
    password: decodeURIComponent(cs.password),
    database: decodeURIComponent(cs.pathname.replace(/^\//, '')),
    options: [...cs.searchParams],
  };
}

function whatwg(text: string, ipLiteral: boolean, host: string): Parts {
  const url = new URL(text);
  return {
    srv: url.protocol === 'mongodb+srv:',
    // An IP literal comes back in canonical form: the host is not compared, the port is.
    hosts: [hostPort(ipLiteral ? host : decodeURIComponent(url.hostname), url.port === '' ? undefined : Number(url.port))],
    username: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: decodeURIComponent(url.pathname.replace(/^\//, '')),
    options: [...url.searchParams],
  };
}

/** Our parser reads every part as the generator wrote it, with nothing left over. */
function assertAsGenerated(c: UriCase, p: ParsedUri): void {
  const where = JSON.stringify(c.text);
  assert.equal(p.scheme.kind, c.srv ? 'mongodb+srv' : 'mongodb', where);
  assert.deepEqual(
    p.hosts.map((h) => [h.host.value, h.port?.value, h.type]),
    c.hosts.map((h) => [h.host, h.port, h.kind]),
    `hosts of ${where}`,
  );
  for (const h of p.hosts) {
    assert.equal(h.extraColons, undefined, where);
    assert.equal(h.junkAfterBracket, undefined, where);
    if (h.bracket) assert.equal(h.bracket.closed, true, where);
    assert.deepEqual(h.host.decoded.badEscapes, [], where);
  }
  assert.deepEqual(p.emptyHosts, [], where);
  assert.equal(p.userinfo?.username.value, c.username, `user name of ${where}`);
  assert.equal(p.userinfo?.password?.value, c.password, `password of ${where}`);
  assert.equal(p.userinfo?.recoveredPastSlash ?? false, false, where);
  assert.equal(p.database?.value, c.database, `database of ${where}`);
  assert.deepEqual(
    p.options.map((o) => [o.key.value, o.value?.value]),
    c.options,
    `options of ${where}`,
  );
  assert.deepEqual(p.semicolons, [], where);
}

function compare(c: UriCase): void {
  const p = parseConnectionString(c.text);
  assertAsGenerated(c, p);
  const mine = ours(p);
  let theirs: Parts;
  try {
    theirs = connectionString(c.text);
  } catch (e) {
    assert.fail(`ConnectionString rejects ${JSON.stringify(c.text)}: ${(e as Error).message}`);
  }
  assert.deepEqual(mine, theirs, `ConnectionString reads ${JSON.stringify(c.text)} otherwise`);
  if (c.srv || c.hosts.length !== 1 || c.notWhatwg) return;
  const h = c.hosts[0];
  let url: Parts;
  try {
    url = whatwg(c.text, h.kind === 'ip_literal', h.host);
  } catch (e) {
    assert.fail(`URL rejects ${JSON.stringify(c.text)}: ${(e as Error).message}`);
  }
  assert.deepEqual(mine, url, `WHATWG URL reads ${JSON.stringify(c.text)} otherwise`);
}

describe('connection-string parser against mongodb-connection-string-url and WHATWG URL', () => {
  it('reads the parts of valid connection strings as both packages do', () => {
    checkProperty('uri parser against ConnectionString and URL', fc.property(uriCase, compare), 1500);
  });

  it('reads the specification examples of every kind of host and userinfo as both packages do', () => {
    const examples: UriCase[] = [
      {
        text: "mongodb://!$&'()*+,;=:!$&'()*+,;=@127.0.0.1/admin?authMechanism=PLAIN",
        srv: false,
        username: "!$&'()*+,;=",
        password: "!$&'()*+,;=",
        hosts: [{ host: '127.0.0.1', kind: 'ipv4', written: '127.0.0.1' }],
        database: 'admin',
        options: [['authMechanism', 'PLAIN']],
        notWhatwg: false,
      },
      {
        text: 'mongodb://%40l%3Ace%2F%3D@example.com/my%3Ddb',
        srv: false,
        username: '@l:ce/=',
        hosts: [{ host: 'example.com', kind: 'hostname', written: 'example.com' }],
        database: 'my=db',
        options: [],
        notWhatwg: false,
      },
      {
        text: 'mongodb://bob:bar@%2Ftmp%2Fmongodb-27017.sock,[::1]:27018/admin?w=1&W=2&w=3',
        srv: false,
        username: 'bob',
        password: 'bar',
        hosts: [
          { host: '/tmp/mongodb-27017.sock', kind: 'unix', written: '%2Ftmp%2Fmongodb-27017.sock' },
          { host: '::1', port: 27018, kind: 'ip_literal', written: '[::1]:27018' },
        ],
        database: 'admin',
        options: [['w', '1'], ['W', '2'], ['w', '3']],
        notWhatwg: false,
      },
      {
        text: 'mongodb://%2Ftmp%2F %2Fmongodb-27017.sock',
        srv: false,
        hosts: [{ host: '/tmp/ /mongodb-27017.sock', kind: 'unix', written: '%2Ftmp%2F %2Fmongodb-27017.sock' }],
        options: [],
        notWhatwg: true,
      },
      {
        text: 'mongodb+srv://alice:@cluster0.abcde.mongodb.net?retryWrites=true',
        srv: true,
        username: 'alice',
        password: '',
        hosts: [{ host: 'cluster0.abcde.mongodb.net', kind: 'hostname', written: 'cluster0.abcde.mongodb.net' }],
        options: [['retryWrites', 'true']],
        notWhatwg: false,
      },
    ];
    for (const c of examples) compare(c);
  });

  it('never throws on junk', () => {
    checkProperty('uri parser on junk', fc.property(junk, (s) => void parseConnectionString(s)), 1000);
  });

  it('reads junk that ConnectionString accepts as it does, but where it recovers a password cut by a / or ?', () => {
    let accepted = 0;
    let tried = 0;
    checkProperty(
      'uri parser against ConnectionString on junk',
      fc.property(schemeJunk, (text) => {
        tried++;
        const p = parseConnectionString(text);
        let cs: ConnectionString;
        let theirs: Omit<Parts, 'hosts'> & { hosts: string[] };
        try {
          cs = new ConnectionString(text);
          theirs = {
            srv: cs.isSRV,
            // The items as written; our parser keeps empty items (`a,,b`) apart.
            hosts: cs.hosts.filter((h) => h !== ''),
            username: decodeURIComponent(cs.username),
            password: decodeURIComponent(cs.password),
            database: decodeURIComponent(cs.pathname.replace(/^\//, '')),
            options: [...cs.searchParams],
          };
        } catch {
          return; // rejected, or parts with broken escapes that decodeURIComponent rejects
        }
        accepted++;
        // Recovering `user:pa/ss@host` reads the string differently on purpose: the specification calls it invalid.
        if (p.userinfo?.recoveredPastSlash) return;
        const mine = { ...ours(p), hosts: p.hosts.map((h) => text.slice(h.span.start, h.span.end)) };
        assert.deepEqual(mine, theirs, `ConnectionString reads ${JSON.stringify(text)} otherwise`);
      }),
      1000,
    );
    if (tried > 0) assertShareAtLeast(accepted, tried, 0.3, `ConnectionString accepts ${accepted} of ${tried}`);
  });
});
