/**
 * A seeded generator of varied connection strings for the differential test against the Node.js
 * driver: realistic parts (schemes, credentials, hosts, paths, options from the option table,
 * mechanisms and their properties) mixed with typical mistakes, so that about half are rejected.
 */
import { URI_OPTIONS, UriOption } from '../../../server/src/service/data/uriOptions';

/** mulberry32, the seeded generator the benchmark uses too. */
export { random as mulberry32 } from '../../../bench/generate';
import { random as mulberry32 } from '../../../bench/generate';

export class Gen {
  constructor(readonly rand: () => number) {}
  chance(p: number): boolean {
    return this.rand() < p;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.rand() * (max - min + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.rand() * xs.length)];
  }
  /** Picks from [weight, value] pairs. */
  weighted<T>(xs: readonly (readonly [number, T])[]): T {
    const total = xs.reduce((s, [w]) => s + w, 0);
    let r = this.rand() * total;
    for (const [w, v] of xs) {
      r -= w;
      if (r < 0) return v;
    }
    return xs[xs.length - 1][1];
  }
}

const GOOD_SCHEMES = ['mongodb://', 'mongodb+srv://'];
const BAD_SCHEMES = ['mongo://', 'MONGODB://', 'mongodb:/', 'http://', '', 'mongodb+SRV://', ' mongodb://', 'mongodb+srv:/', 'mongodb-srv://'];

const USERNAMES = ['user', 'alice', 'app_user', 'user%40example.com', 'CN%3Dclient%2COU%3Dapps', 'dbAdmin', 'ü', 'us er', 'a!$&\'()*+,;=', 'user%20name'];
const BAD_USERNAMES = ['', 'us@er', 'us:er', 'us/er', 'u%zz', 'user%ff', 'us#er', 'us[er]', 'u?x', 'user%'];
const PASSWORDS = ['pass', 'p%40ss', 's3cr%2Ft', 'pa%C3%A9', 'pa ss', 'p+ss', 'P4ssw0rd!', "it's", ''];
const BAD_PASSWORDS = ['p@ss', 'p:ss', 'p/ss', 'pa%zz', 'p#ss', 'p?ss', 'pa%ff', 'x]'];

const HOSTNAMES = ['localhost', 'db.example.com', 'mongo-1.internal', 'cluster0.abcde.mongodb.net', 'Example.COM', 'bücher.example.com', '256.0.0.1', 'h_x', '127.0.0.1', '10.0.0.5', 'mongodb-27017.sock', 'ho st'];
const BAD_HOSTNAMES = ['h<x', 'h%zz', 'h%41', 'ho#st', 'h|x', 'h^x', 'h\\x', '%2Ftmp%2Fmongo', 'h%ff', 'a%zz.sock', '', 'h{x}', 'h"x'];
const SOCKETS = ['%2Ftmp%2Fmongodb-27017.sock', 'mongodb.sock', '%2Fvar%2Frun%2Fm%20db.sock'];
const IP_LITERALS = ['[::1]', '[2001:db8::1]', '[fe80::1%25eth0]', '[1:2:3]', '[::1', '::1', '[v1.x]', '[::ffff:127.0.0.1]', '[0:0:0:0:0:0:0:1]'];
const GOOD_PORTS = ['27017', '27018', '1', '65535', '0027017'];
const BAD_PORTS = ['0', '00', '65536', '-1', 'abc', '', '27017x', '99999', '1.5'];

const PATHS = ['', '', '', '/', '/', '/admin', '/test', '/my%20db', '/db.name', '/app_db', '/%E2%9C%93'];
const BAD_PATHS = ['/a b', '/db$x', '/a/b', '/db%zz', '/db%ff', '/db%2Fx', '/d"b', '/db#frag', '/db@x', '/x\\y', '/%zz/..', '/' + 'x'.repeat(70)];

const UNKNOWN_KEYS = ['replSet', 'foo', 'sslMode', 'connectTimeout', 'maxPoolsize', 'authMechanisms', 'readPref', 'tlsCertFile', 'retryWrite', 'poolSize', 'w ', 'app+name'];

const STRINGS: Record<string, readonly string[]> = {
  appname: ['myApp', 'my+app', 'my%20app', 'a;b', 'Service-1', 'x'.repeat(140)],
  replicaset: ['rs0', 'atlas-abc-shard-0', 'rs%230'],
  authsource: ['admin', '$external', '%24external', 'mydb', 'x'],
  readconcernlevel: ['majority', 'local', 'snapshot', 'futureLevel'],
  proxyhost: ['proxy.local', '127.0.0.1'],
  proxyusername: ['puser'],
  proxypassword: ['ppass'],
  srvservicename: ['mongodb', 'custom', 'bad_name'],
  srvallowedhostssuffix: ['example.com', 'com', 'local', '..', 'a..b', 'ex%20ample.com', 'bücher.de'],
  tlscafile: ['%2Fetc%2Fssl%2Fca.pem', '/etc/ca.pem', 'ca.pem'],
  tlscertificatekeyfile: ['client.pem'],
  dbname: ['other', 'x'],
  name: ['my-wrapper'],
  servername: ['sni.example.com'],
};

const KEY_VALUE_LISTS = [
  'SERVICE_NAME:other', 'CANONICALIZE_HOST_NAME:forward', 'CANONICALIZE_HOST_NAME:true', 'CANONICALIZE_HOST_NAME:bad', 'SERVICE_REALM:EXAMPLE.COM',
  'ENVIRONMENT:azure,TOKEN_RESOURCE:api%3A%2F%2Fabc', 'ENVIRONMENT:gcp,TOKEN_RESOURCE:mongodb://aud', 'ENVIRONMENT:test', 'ENVIRONMENT:k8s',
  'ENVIRONMENT:azure', 'ENVIRONMENT:gcp,TOKEN_RESOURCE:', 'ENVIRONMENT:test,TOKEN_RESOURCE:x', 'ENVIRONMENT:bogus', 'ENVIRONMENT:true',
  'environment:test', 'OIDC_CALLBACK:x', 'ENVIRONMENT:test,OIDC_CALLBACK:x', 'ALLOWED_HOSTS:x', 'allowed_hosts:x',
  'AWS_SESSION_TOKEN:abc', 'AWS_SESSION_TOKEN:', 'AWS_SESSION_TOKEN:false', 'aws_session_token:x', 'AWS_CREDENTIAL_PROVIDER:x',
  'novalue', 'a:b,', ':x', 'FOO:bar', 'TOKEN_RESOURCE:mongodb://host1%2Chost2,ENVIRONMENT:azure',
];
const TAG_SETS = ['dc:ny', 'dc:ny,rack:1', '', 'invalid', ':x', 'dc:ny,', 'dc:NY', 'a:b:c'];
const COMPRESSORS = ['zlib', 'snappy,zlib', 'zstd', 'none', 'zlib,', 'ZLIB', 'lz4', 'zlib,foo', 'snappy,zstd,zlib'];
const W_VALUES = ['majority', '1', '0', '2', '-1', 'tagName', '%200', '1abc'];
const MECHANISMS = [
  'SCRAM-SHA-256', 'SCRAM-SHA-1', 'scram-sha-256', 'SCRAM', 'SHA', 'MONGODB-X509', 'X509', 'x509', 'GSSAPI', 'PLAIN', 'MONGODB-AWS', 'AWS',
  'MONGODB-OIDC', 'oidc', 'DEFAULT', 'MONGODB-CR', 'bogus', 'SCRAM.SHA.256', 'MONGODB', 'SCRAM-SHA', '(', '.*', 'Kerberos',
];

const GOOD_INTS = ['0', '1', '5', '100', '1000', '30000', '120'];
const BAD_INTS = ['-1', '-2', '10abc', '1.5', '%2010', '+10', 'abc', '99999999999', '-0', '0x10', 'ten', '1e3'];
const GOOD_BOOLS = ['true', 'false'];
const BAD_BOOLS = ['TRUE', 'True', '1', 'yes', '0', 'invalid', 'false%20', 'f'];

function casing(g: Gen, name: string): string {
  return g.weighted<string>([
    [85, name],
    [5, name.toLowerCase()],
    [4, name.toUpperCase()],
    [3, name.replace(/[a-z]/, (c) => c.toUpperCase())],
    [3, name.replace(/k/i, '\u212A')], // KELVIN SIGN, which Node's toLowerCase folds to "k"
  ]);
}

function valueFor(g: Gen, opt: UriOption): string {
  const lower = opt.name.toLowerCase();
  const bad = g.chance(0.08);
  if (g.chance(0.02)) return '';
  if (lower === 'authmechanism') return g.pick(MECHANISMS);
  if (lower === 'authmechanismproperties') return g.pick(KEY_VALUE_LISTS);
  if (lower === 'readpreferencetags') return g.pick(TAG_SETS);
  if (lower === 'compressors') return g.pick(COMPRESSORS);
  if (lower === 'w') return g.pick(W_VALUES);
  if (lower === 'family') return g.pick(['4', '6', '5', '4abc', 'six']);
  if (lower === 'maxstalenessseconds') return g.pick(['-1', '0', '90', '120', '10', '-5', '100abc']);
  if (lower === 'writeconcern') return g.pick(['majority', '1', 'w1']);
  if (lower === 'mongodblogpath') return g.pick(['stderr', 'stdout', 'file.log']);
  if (STRINGS[lower]) return g.pick(STRINGS[lower]);
  switch (opt.node.type === 'object' || opt.node.type === 'record' ? 'object' : opt.type) {
    case 'boolean':
      return bad ? g.pick(BAD_BOOLS) : g.pick(GOOD_BOOLS);
    case 'integer':
      return bad ? g.pick(BAD_INTS) : g.pick(GOOD_INTS);
    case 'enum': {
      const values = opt.values ?? [];
      if (!bad) return g.pick(values);
      return g.pick([values[0].toUpperCase(), values[0].toLowerCase(), 'bogus', values[0] + 'x']);
    }
    case 'object':
      return g.pick(['x', '{}', '1']);
    default:
      return g.pick(['value', 'x', 'a:b', 'true', '1']);
  }
}

/** Options by weight: spec options are the common case, legacy and Node-only keys appear less often. */
function pickOption(g: Gen): UriOption {
  const origin = g.weighted<UriOption['origin']>([[75, 'spec'], [5, 'legacy'], [20, 'node']]);
  return g.pick(URI_OPTIONS.filter((o) => o.origin === origin));
}

const SCENARIOS: readonly string[] = [
  'directConnection=true', 'loadBalanced=true', 'loadBalanced=true&replicaSet=rs0', 'loadBalanced=true&directConnection=true',
  'tls=true&ssl=false', 'tls=true&ssl=true', 'ssl=true&TLS=false', 'tlsInsecure=true&tlsAllowInvalidCertificates=true',
  'tlsInsecure=false&tlsAllowInvalidHostnames=false', 'tlsAllowInvalidCertificates=true&tlsAllowInvalidHostnames=true',
  'tlsDisableOCSPEndpointCheck=true', 'proxyPort=1080', 'proxyPort=0', 'proxyHost=proxy&proxyUsername=u',
  'proxyHost=proxy&proxyUsername=u&proxyPassword=p', 'proxyUsername=u&proxyPassword=p', 'readPreference=primary&maxStalenessSeconds=120',
  'readPreference=secondary&maxStalenessSeconds=120', 'maxStalenessSeconds=120', 'readPreference=nearest&readPreferenceTags=dc:ny&readPreferenceTags=',
  'readPreferenceTags=dc:ny', 'readPreference=primary&readPreferenceTags=dc:ny', 'w=0&journal=true', 'minPoolSize=10&maxPoolSize=5',
  'srvMaxHosts=2&replicaSet=rs0', 'srvMaxHosts=2abc&replicaSet=rs0', 'srvMaxHosts=0&replicaSet=rs0', 'srvServiceName=custom',
  'srvMaxHosts=2&loadBalanced=true', 'heartbeatFrequencyMS=1000&maxStalenessSeconds=15&readPreference=secondary', 'wtimeout=5&wTimeoutMS=10',
  'timeoutMS=', 'timeoutMS', 'readPreferenceTags', 'w', 'replicaSet=a&REPLICASET=b', 'replicaSet=a&replicaSet=a', 'readPreferenceTags=a:b&ReadPreferenceTags=bad',
  'auth=x', 'dbName=', 'dbName=other', 'serverApi=1', 'srvHostValidator=x', 'tlsCertificateKeyFilePassword=secret',
  'appName=a@b', 'appName=x#y&bogus=1', 'w=1;journal=true', 'journal=true;w=1', 'authSource=', 'gssapiServiceName=svc',
];

function userinfo(g: Gen): string {
  const user = g.chance(0.1) ? g.pick(BAD_USERNAMES) : g.pick(USERNAMES);
  if (g.chance(0.35)) return `${user}@`;
  const pass = g.chance(0.1) ? g.pick(BAD_PASSWORDS) : g.pick(PASSWORDS);
  return `${user}:${pass}@`;
}

function host(g: Gen, srv: boolean): string {
  if (srv) {
    return g.weighted<string>([
      [85, g.pick(['cluster0.abcde.mongodb.net', 'db.example.com', 'localhost', 'mongo.local', 'Cluster0.EXAMPLE.net'])],
      [4, 'cluster0.example.net:27017'],
      [3, '127.0.0.1'],
      [3, '[::1]'],
      [2, 'h<x'],
      [3, 'h%zz'],
    ]);
  }
  const name = g.weighted<string>([
    [80, g.pick(HOSTNAMES)],
    [5, g.pick(BAD_HOSTNAMES)],
    [6, g.pick(SOCKETS)],
    [5, g.pick(IP_LITERALS.slice(0, 2))],
    [4, g.pick(IP_LITERALS)],
  ]);
  if (g.chance(0.6) || name.endsWith('.sock')) return g.chance(0.05) ? `${name}:27017` : name;
  return `${name}:${g.chance(0.88) ? g.pick(GOOD_PORTS) : g.pick(BAD_PORTS)}`;
}

function hostList(g: Gen, srv: boolean): string {
  const count = srv ? g.weighted<number>([[95, 1], [4, 2], [1, 0]]) : g.weighted<number>([[80, 1], [14, 2], [5, 3], [1, 0]]);
  const hosts: string[] = [];
  for (let i = 0; i < count; i++) hosts.push(host(g, srv));
  let list = hosts.join(',');
  if (g.chance(0.03)) list += ',';
  if (g.chance(0.02)) list = ',' + list;
  return list;
}

function options(g: Gen, srv: boolean): string[] {
  const items: string[] = [];
  const n = g.weighted<number>([[34, 0], [32, 1], [19, 2], [9, 3], [4, 4], [2, 6]]);
  for (let i = 0; i < n; i++) {
    const r = g.rand();
    if (r < 0.05) {
      items.push(`${g.pick(UNKNOWN_KEYS)}=${g.pick(['1', 'true', 'x'])}`);
    } else if (r < 0.09 && items.length > 0) {
      const prev = g.pick(items);
      const eq = prev.indexOf('=');
      const key = eq >= 0 ? prev.slice(0, eq) : prev;
      items.push(g.chance(0.5) ? prev : `${g.chance(0.5) ? key : key.toUpperCase()}=${g.pick(['true', '1', 'x', 'rs1'])}`);
    } else {
      const opt = pickOption(g);
      const key = casing(g, opt.name);
      items.push(g.chance(0.02) ? key : `${key}=${valueFor(g, opt)}`);
    }
  }
  if (g.chance(0.13)) items.push(g.pick(SCENARIOS));
  if (g.chance(0.12)) {
    const mech = g.pick(MECHANISMS);
    items.push(`authMechanism=${mech}`);
    if (g.chance(0.5)) items.push(`authMechanismProperties=${g.pick(KEY_VALUE_LISTS)}`);
    if (g.chance(0.25)) items.push(`authSource=${g.pick(['$external', 'admin', 'db', '%24external'])}`);
  }
  if (srv && g.chance(0.1)) items.push(g.pick(['srvMaxHosts=2', 'srvServiceName=custom', 'srvAllowedHostsSuffix=example.com', 'directConnection=true']));
  return items;
}

export function generateUri(g: Gen): string {
  const scheme = g.chance(0.03) ? g.pick(BAD_SCHEMES) : g.weighted<string>([[78, GOOD_SCHEMES[0]], [22, GOOD_SCHEMES[1]]]);
  const srv = scheme.includes('srv') || scheme.includes('SRV');
  let uri = scheme;
  if (g.chance(0.35)) uri += userinfo(g);
  uri += hostList(g, srv);
  const items = options(g, srv);
  const path = g.chance(0.06) ? g.pick(BAD_PATHS) : g.pick(PATHS);
  uri += items.length > 0 && path === '' && g.chance(0.5) ? '/' : path;
  if (items.length > 0) {
    const sep = g.chance(0.04) ? ';' : '&';
    uri += '?' + items.join(sep);
    if (g.chance(0.03)) uri += g.pick(['&', '&&', '#frag', ' ']);
  } else if (g.chance(0.03)) uri += '?';
  return uri;
}

export function generateCorpus(seed: number, count: number): string[] {
  const g = new Gen(mulberry32(seed));
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(generateUri(g));
  return out;
}
