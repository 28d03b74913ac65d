import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { asciiLower, parseConnectionString } from '../../../server/src/service/uri/parser';
import { linearWork } from '../../helpers/workMeter';
import { Span } from '../../../server/src/service/api';
import type { Decoded } from '../../../server/src/service/uri/percent';

const at = (text: string, s: Span | undefined) => (s ? text.slice(s.start, s.end) : undefined);

describe('parseConnectionString', () => {
  it('keeps a span for every part', () => {
    const t = 'mongodb://al%40ice:s3cr%2Ft@db1.example.com:27017,[::1]:27018/sales?replicaSet=rs0&w=majority';
    const p = parseConnectionString(t);
    assert.equal(p.scheme.kind, 'mongodb');
    assert.equal(at(t, p.scheme.span), 'mongodb');
    assert.equal(p.userinfo?.username.value, 'al@ice');
    assert.equal(at(t, p.userinfo?.username.span), 'al%40ice');
    assert.equal(p.userinfo?.password?.value, 's3cr/t');
    assert.equal(at(t, p.userinfo?.password?.span), 's3cr%2Ft');
    assert.equal(p.hosts.length, 2);
    assert.equal(at(t, p.hosts[0].host.span), 'db1.example.com');
    assert.equal(p.hosts[0].port?.value, 27017);
    assert.equal(at(t, p.hosts[0].port?.span), '27017');
    assert.equal(p.hosts[1].type, 'ip_literal');
    assert.equal(p.hosts[1].host.value, '::1');
    assert.equal(p.hosts[1].port?.value, 27018);
    assert.equal(at(t, p.database?.span), 'sales');
    assert.deepEqual(p.options.map((o) => [at(t, o.key.span), at(t, o.value?.span)]), [['replicaSet', 'rs0'], ['w', 'majority']]);
    assert.equal(p.options[0].keyLower, 'replicaset');
  });

  it('option keys and values get decoded records of their own, plain or escaped', () => {
    const p = parseConnectionString('mongodb://h/?w=1&w=1&W=%31&appName=' + 'x'.repeat(30));
    // The fields of a decoded record as read (a part without `%` is its own record).
    const fields = (d: Decoded | undefined) => d && { value: d.value, badEscapes: d.badEscapes, hadEscapes: d.hadEscapes, invalidUtf8: d.invalidUtf8, map: d.map };
    assert.deepEqual(fields(p.options[0].key.decoded), { value: 'w', badEscapes: [], hadEscapes: false, invalidUtf8: false, map: undefined });
    assert.deepEqual(fields(p.options[1].key.decoded), fields(p.options[0].key.decoded));
    assert.deepEqual(fields(p.options[1].value?.decoded), fields(p.options[0].value?.decoded));
    assert.equal(p.options[2].key.decoded.value, 'W');
    assert.equal(p.options[2].value?.value, '1');
    assert.equal(p.options[2].value?.decoded.hadEscapes, true);
    assert.equal(p.options[3].value?.value, 'x'.repeat(30));
  });

  it('recognises mongodb+srv and the optional slash before ?', () => {
    const p = parseConnectionString('mongodb+srv://cluster0.abcde.mongodb.net?retryWrites=true');
    assert.equal(p.scheme.kind, 'mongodb+srv');
    assert.equal(p.hosts[0].host.value, 'cluster0.abcde.mongodb.net');
    assert.equal(p.slash, undefined);
    assert.equal(p.options[0].keyLower, 'retrywrites');
  });

  it('decodes UNIX socket paths and classifies hosts', () => {
    const p = parseConnectionString('mongodb://%2Ftmp%2Fmongodb-27017.sock,127.0.0.1,256.0.0.1,bücher.example.com');
    assert.deepEqual(p.hosts.map((h) => [h.type, h.host.value]), [
      ['unix', '/tmp/mongodb-27017.sock'],
      ['ipv4', '127.0.0.1'],
      ['hostname', '256.0.0.1'],
      ['hostname', 'bücher.example.com'],
    ]);
  });

  it('splits userinfo at the last @ and the password at the first :', () => {
    const t = 'mongodb://admin:p@ss:w@db:27017';
    const p = parseConnectionString(t);
    assert.equal(p.userinfo?.username.value, 'admin');
    assert.equal(p.userinfo?.password?.value, 'p@ss:w');
    assert.equal(p.hosts[0].host.value, 'db');
  });

  it('recovers the credentials when an unescaped / cuts the password', () => {
    const t = 'mongodb://user:pa/ss@host/db';
    const p = parseConnectionString(t);
    assert.equal(p.userinfo?.recoveredPastSlash, true);
    assert.equal(p.userinfo?.password?.raw, 'pa/ss');
    assert.equal(p.hosts[0].host.value, 'host');
    assert.equal(p.database?.value, 'db');
  });

  it('keeps @ in option values out of the userinfo', () => {
    const p = parseConnectionString('mongodb://example.com/admin?replicaset=my@replicaset');
    assert.equal(p.userinfo, undefined);
    assert.equal(p.options[0].value?.value, 'my@replicaset');
  });

  it('records items without = and the legacy ; separator', () => {
    const t = 'mongodb://h/?w;journal=true';
    const p = parseConnectionString(t);
    assert.equal(p.options.length, 2);
    assert.equal(p.options[0].value, undefined);
    assert.equal(p.semicolons.length, 1);
    assert.equal(p.options[1].separator, ';');
  });

  it('treats ; as data when & separates options', () => {
    const p = parseConnectionString('mongodb://h/?appName=a;b&w=1');
    assert.equal(p.options.length, 2);
    assert.equal(p.options[0].value?.value, 'a;b');
    assert.equal(p.semicolons.length, 0);
  });

  it('reports invalid and missing schemes', () => {
    assert.equal(parseConnectionString('mongo://localhost').scheme.kind, 'invalid');
    assert.equal(parseConnectionString('MONGODB://localhost').scheme.kind, 'invalid');
    const missing = parseConnectionString('localhost:27017/app');
    assert.equal(missing.scheme.kind, 'missing');
    assert.equal(missing.hosts[0].port?.value, 27017);
  });

  it('records empty host entries and extra colons', () => {
    const p = parseConnectionString('mongodb://a,,b,localhost::27017');
    assert.equal(p.emptyHosts.length, 1);
    assert.equal(p.hosts.length, 3);
    assert.equal(p.hosts[2].extraColons?.length, 2);
  });

  it('never throws on hostile input', () => {
    for (const t of ['', '://', 'mongodb://', 'mongodb://@', 'mongodb://[', 'mongodb://]:', 'mongodb://%', 'mongodb://a?=&=&', 'mongodb://\u0000\uD800']) {
      assert.doesNotThrow(() => parseConnectionString(t), t);
    }
  });
});

describe('parsing does linear work in the input length', () => {
  // The work is counted (test/helpers/workMeter.ts) at two sizes: work(8n) ≤ 9·work(n) + c.
  const shapes: Record<string, (n: number) => string> = {
    'many options': (n) => 'mongodb://h/?' + 'w=1&'.repeat(n),
    'many @': (n) => 'mongodb://' + '@'.repeat(n * 4),
    'many %': (n) => 'mongodb://u:' + '%'.repeat(n * 4) + '@h',
    'many commas': (n) => 'mongodb://' + ','.repeat(n * 4),
    'many colons': (n) => 'mongodb://' + ':'.repeat(n * 4),
    'many [': (n) => 'mongodb://' + '['.repeat(n * 4),
    'many escapes': (n) => 'mongodb://h/?appName=' + '%41'.repeat(n),
    'many hosts': (n) => 'mongodb://' + 'h:1,'.repeat(n),
    'many slashes': (n) => 'mongodb://h/' + '/'.repeat(n * 4),
  };
  for (const [name, make] of Object.entries(shapes)) {
    it(name, () => {
      const w = linearWork(make, (text) => parseConnectionString(text), 2_000);
      assert.ok(w.linear, `${name}: ${w.small} steps → ${w.large} steps (bound ${w.bound})`);
    });
  }
});

describe('parseConnectionString: scheme, slash and question mark', () => {
  it('records the scheme, the body start and where the host list ends', () => {
    const t = 'mongodb://h?w=1';
    const p = parseConnectionString(t);
    assert.equal(p.bodyStart, 10);
    assert.equal(at(t, p.hostsSpan), 'h');
    assert.equal(at(t, p.question), '?');
    assert.equal(at(t, p.optionsSpan), 'w=1');
  });

  it('a slash with nothing after it is no database', () => {
    const t = 'mongodb://h/';
    const p = parseConnectionString(t);
    assert.equal(at(t, p.slash), '/');
    assert.equal(p.database, undefined);
    assert.equal(p.question, undefined);
  });

  it('"mongodb:/" is the scheme with a slash missing: the rest is read as hosts', () => {
    const p = parseConnectionString('mongodb:/h/db');
    assert.equal(p.scheme.kind, 'invalid');
    assert.equal(p.scheme.raw, 'mongodb');
    assert.equal(p.bodyStart, 9);
    assert.equal(p.hosts[0].host.value, 'h');
    assert.equal(p.database?.value, 'db');
    // Another scheme with one slash is not taken for a MongoDB scheme.
    assert.equal(parseConnectionString('file:/h').scheme.kind, 'missing');
  });
});

describe('parseConnectionString: hosts and ports', () => {
  it('a dotted quad is ipv4 (leading zeros too); three parts are a host name', () => {
    assert.deepEqual(parseConnectionString('mongodb://1.2.3,001.2.3.4').hosts.map((h) => h.type), ['hostname', 'ipv4']);
  });

  it('keeps the raw port, and its value only when it is all digits', () => {
    assert.deepEqual(parseConnectionString('mongodb://h:1234567').hosts[0].port, { span: { start: 12, end: 19 }, raw: '1234567', value: 1234567 });
    assert.equal(parseConnectionString('mongodb://h:12a').hosts[0].port?.value, undefined);
    assert.equal(parseConnectionString('mongodb://[::1]:').hosts[0].port?.raw, '');
  });

  it('records at most eight colons of a host (the first seven and the last)', () => {
    const h = parseConnectionString('mongodb://h' + ':1'.repeat(20)).hosts[0];
    assert.equal(h.extraColons?.length, 8);
    assert.equal(h.port?.raw, '1');
  });

  it('userinfo with nothing after the "@" leaves no host', () => {
    const p = parseConnectionString('mongodb://u@');
    assert.equal(p.userinfo?.username.value, 'u');
    assert.deepEqual(p.hosts, []);
    assert.deepEqual(p.emptyHosts, []);
  });
});

describe('parseConnectionString: credentials and options', () => {
  it('recovers the credentials when an unescaped ? cuts the password', () => {
    const p = parseConnectionString('mongodb://user:pa?ss@host/db');
    assert.equal(p.userinfo?.password?.value, 'pa?ss');
    assert.equal(p.userinfo?.recoveredPastSlash, true);
    assert.equal(p.hosts[0].host.value, 'host');
  });

  it('splits each option at its first "=", decodes the key and lower-cases it', () => {
    const p = parseConnectionString('mongodb://h/?%41PPNAME=x&appName=a=b');
    assert.deepEqual(p.options.map((o) => [o.keyLower, o.value?.value, o.separator, o.index]), [['appname', 'x', '?', 0], ['appname', 'a=b', '&', 1]]);
  });

  it('skips empty items between separators', () => {
    const p = parseConnectionString('mongodb://h/?&&w=1&');
    assert.deepEqual(p.options.map((o) => o.key.value), ['w']);
  });
});

describe('asciiLower', () => {
  it('lower-cases ASCII A–Z only, as the specification requires for option keys', () => {
    assert.equal(asciiLower('ReplicaSet'), 'replicaset');
    assert.equal(asciiLower('ÄBC\u212A'), 'Äbc\u212A');
  });
});
