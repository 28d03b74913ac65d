/**
 * "Explain connection string" over the core: every option of the option table with a default gets it
 * (the table is iterated, so a new option with a default is covered without a new test), written values
 * win, implied values and the Node.js driver's own defaults are told apart, authSource says why it is
 * what it is, no secret appears anywhere, and the account says how a driver will connect.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  analyzeDocument,
  defaultSettings,
  describeConnectionString,
  explainConnectionString,
  type Explanation,
  type Settings,
  type SrvAnswer,
} from '../../../server/src/service/languageService';
import { URI_OPTIONS, type UriOption } from '../../../server/src/service/data/uriOptions';
import { SECRET_CASES, secretsIn } from '../../helpers/secrets';

const PREFIX = 'MONGODB_URI=';

/** The explanation of `uri` written in a .env file (the specification's profile unless `driver` says otherwise). */
function explain(uri: string, options: { driver?: Settings['driver']; srv?: SrvAnswer; rules?: Settings['rules'] } = {}): Explanation {
  const settings: Settings = { ...defaultSettings, driver: options.driver ?? 'spec', rules: options.rules ?? {} };
  const text = `${PREFIX}${uri}\n`;
  const analysis = analyzeDocument({ uri: 'file:///p/.env', languageId: 'dotenv', text }, settings);
  const e = explainConnectionString(analysis, PREFIX.length + 2, settings, options.srv);
  assert.ok(e, `an explanation of ${uri}`);
  return e;
}

function option(e: Explanation, name: string) {
  const found = e.effectiveOptions.find((o) => o.name === name);
  assert.ok(found, `${name} is in the effective options: ${e.effectiveOptions.map((o) => o.name).join(', ')}`);
  return found;
}

function sentence(e: Explanation, topic: Explanation['account'][number]['topic']): string {
  const found = e.account.filter((a) => a.topic === topic);
  assert.equal(found.length, 1, `one sentence on ${topic}`);
  return found[0]!.text;
}

/** Options with a default, but those of other drivers (uuidRepresentation), which are listed only when written. */
const WITH_DEFAULT: readonly UriOption[] = URI_OPTIONS.filter((o) => o.defaultValue !== undefined && o.origin !== 'drivers');

/** A value the option table accepts for the option, written as a URI value. */
function validValue(o: UriOption): string {
  switch (o.type) {
    case 'boolean':
      return 'true';
    case 'integer':
      return String(Math.max(o.min ?? 0, o.min !== undefined && o.min > 0 ? o.min : 1));
    case 'enum':
    case 'stringList':
      return o.values![o.values!.length - 1]!;
    case 'tagSet':
      return 'dc:ny';
    case 'keyValueList':
      return 'SERVICE_NAME:other';
    case 'writeConcern':
      return 'majority';
    default:
      return 'somevalue';
  }
}

describe('explain: the effective options', () => {
  it('the table has options with defaults to cover', () => {
    assert.ok(WITH_DEFAULT.length >= 40, `${WITH_DEFAULT.length} options with a default`);
  });

  it('every option with a default that the string does not set has it, from the default (specification profile)', () => {
    const e = explain('mongodb://db.example.com/');
    for (const o of WITH_DEFAULT) {
      const got = option(e, o.name);
      assert.equal(got.source, 'default', o.name);
      assert.equal(got.value, o.defaultValue, o.name);
    }
    // Nothing else: options without a default that the string does not set are left out.
    assert.deepEqual(e.effectiveOptions.map((o) => o.name), WITH_DEFAULT.map((o) => o.name));
  });

  it('an option of other drivers is listed when written, with its value and who reads it', () => {
    const e = explain('mongodb://db.example.com/?uuidRepresentation=standard');
    assert.deepEqual([option(e, 'uuidRepresentation').source, option(e, 'uuidRepresentation').value], ['set', 'standard']);
    assert.equal(option(e, 'uuidRepresentation').note, 'Read by the Java, C# and Python drivers only.');
    assert.match(option(explain('mongodb://db.example.com/?uuidRepresentation=standard', { driver: 'node' }), 'uuidRepresentation').note ?? '', /constructor rejects it/);
    assert.equal(explain('mongodb://db.example.com/').effectiveOptions.some((o) => o.name === 'uuidRepresentation'), false);
  });

  it('under the Node.js profile, every option with a default has the driver\'s own where it differs, else the default', () => {
    const e = explain('mongodb://db.example.com/', { driver: 'node' });
    let differing = 0;
    for (const o of URI_OPTIONS) {
      const nodeDefault = o.node.defaultValue;
      if (nodeDefault !== undefined && nodeDefault !== o.defaultValue) {
        differing++;
        const got = option(e, o.name);
        assert.equal(got.source, 'profile', o.name);
        assert.equal(got.value, nodeDefault, o.name);
        if (o.defaultValue !== undefined) assert.ok(got.note?.includes(o.defaultValue), `${o.name}: the note names the specification's default: ${got.note}`);
      } else if (o.defaultValue !== undefined && o.origin !== 'drivers') {
        assert.deepEqual([option(e, o.name).source, option(e, o.name).value], ['default', o.defaultValue], o.name);
      }
    }
    assert.ok(differing >= 3, `${differing} options whose Node.js default differs`);
    assert.equal(option(e, 'connectTimeoutMS').value, '30000');
    assert.deepEqual(e.profile, { profile: 'node', reason: 'setting', description: 'Node.js driver (mongodbUri.driver: node)' });
  });

  it('the profile of "auto" follows the document: a TypeScript file is read with the Node.js driver\'s defaults', () => {
    const text = 'const uri = "mongodb://db.example.com/";\n';
    const analysis = analyzeDocument({ uri: 'file:///p/db.ts', languageId: 'typescript', text }, defaultSettings);
    const e = explainConnectionString(analysis, 15, defaultSettings)!;
    assert.equal(e.profile.profile, 'node');
    assert.equal(e.profile.reason, 'language');
    assert.equal(option(e, 'connectTimeoutMS').source, 'profile');
  });

  it('a value written in the string wins over the default, for every option with a default', () => {
    for (const o of WITH_DEFAULT) {
      const value = validValue(o);
      const scheme = o.srvOnly ? 'mongodb+srv://cluster0.example.com/' : 'mongodb://db.example.com/';
      const e = explain(`${scheme}?${o.name}=${encodeURIComponent(value)}`);
      const got = option(e, o.name);
      // Passwords (proxyPassword, tlsCertificateKeyFilePassword) are set, and masked.
      const shown = /Password$/.test(o.name) ? '****' : value;
      assert.deepEqual([got.source, got.value], ['set', shown], `${o.name}=${value}`);
    }
  });

  it('a value that is not valid is ignored: the default applies, and the note says so', () => {
    const e = explain('mongodb://db.example.com/?maxPoolSize=lots&connectTimeoutMS=-5');
    for (const name of ['maxPoolSize', 'connectTimeoutMS']) {
      const got = option(e, name);
      assert.equal(got.source, 'default', name);
      assert.match(got.note ?? '', /not valid/, name);
    }
    assert.ok(!JSON.stringify(e.effectiveOptions).includes('lots'));
  });

  it('the last valid occurrence of a key wins; every tag set is kept', () => {
    const e = explain('mongodb://db.example.com/?maxPoolSize=5&maxPoolSize=7&readPreference=nearest&readPreferenceTags=dc:ny&readPreferenceTags=');
    assert.equal(option(e, 'maxPoolSize').value, '7');
    assert.equal(option(e, 'readPreferenceTags').source, 'set');
    assert.equal(option(e, 'readPreferenceTags').value, 'dc:ny; ');
  });

  it('implied values: tls by mongodb+srv, directConnection by loadBalanced, tls by ssl, wTimeoutMS by wtimeout, journal by j', () => {
    const srv = explain('mongodb+srv://cluster0.example.com/');
    assert.deepEqual([option(srv, 'tls').source, option(srv, 'tls').value], ['implied', 'true']);
    assert.equal(srv.tls, true);
    const written = explain('mongodb+srv://cluster0.example.com/?tls=false');
    assert.deepEqual([option(written, 'tls').source, option(written, 'tls').value], ['set', 'false']);

    const lb = explain('mongodb://lb.example.com/?loadBalanced=true');
    assert.deepEqual([option(lb, 'directConnection').source, option(lb, 'directConnection').value], ['implied', 'false']);
    assert.equal(option(explain('mongodb://lb.example.com/'), 'directConnection').source, 'default');

    const ssl = explain('mongodb://db.example.com/?ssl=true');
    assert.deepEqual([option(ssl, 'ssl').source, option(ssl, 'tls').source, option(ssl, 'tls').value], ['set', 'implied', 'true']);
    assert.match(option(ssl, 'tls').note ?? '', /ssl/);

    const legacy = explain('mongodb://db.example.com/?wtimeout=2500&j=true', { driver: 'node' });
    assert.deepEqual([option(legacy, 'wTimeoutMS').source, option(legacy, 'wTimeoutMS').value], ['implied', '2500']);
    assert.deepEqual([option(legacy, 'journal').source, option(legacy, 'journal').value], ['implied', 'true']);
    // j is a key of the Node.js driver only: other drivers do not read it as journal.
    assert.equal(option(explain('mongodb://db.example.com/?j=true'), 'journal').source, 'default');
    // The replacement written too: it wins, the legacy key implies nothing.
    const both = explain('mongodb://db.example.com/?wtimeout=2500&wTimeoutMS=100');
    assert.deepEqual([option(both, 'wTimeoutMS').source, option(both, 'wTimeoutMS').value], ['set', '100']);
  });

  it('the options of the TXT record are merged when the answer is given; the string\'s own win', () => {
    const answer: SrvAnswer = { hosts: [{ host: 'a.example.com', port: 27017 }, { host: 'b.example.com', port: 27017 }], txtOptions: 'authSource=admin&replicaSet=rs0' };
    const e = explain('mongodb+srv://app:pw@cluster0.example.com/shop?replicaSet=mine', { srv: answer });
    assert.deepEqual([option(e, 'replicaSet').source, option(e, 'replicaSet').value], ['set', 'mine']);
    assert.deepEqual([option(e, 'authSource').source, option(e, 'authSource').value], ['txt', 'admin']);
    assert.deepEqual([e.authSource, e.authSourceReason], ['admin', 'txt']);
    assert.deepEqual(e.srv, answer);
    const lb = explain('mongodb+srv://cluster0.example.com/', { srv: { hosts: [{ host: 'a.example.com', port: 27017 }], txtOptions: 'loadBalanced=true' } });
    assert.deepEqual([option(lb, 'loadBalanced').source, option(lb, 'loadBalanced').value], ['txt', 'true']);
    assert.match(sentence(lb, 'topology'), /^Load balanced/);
    // A mongodb:// string has no DNS answer to merge.
    const plain = explain('mongodb://db.example.com/', { srv: answer });
    assert.equal(plain.srv, null);
    assert.equal(option(plain, 'replicaSet').source, 'default');
  });
});

describe('explain: authSource and why', () => {
  const cases: ReadonlyArray<readonly [string, string, string | null, Explanation['authSourceReason']]> = [
    ['given', 'mongodb://app:pw@db.example.com/shop?authSource=users', 'users', 'given'],
    ['SCRAM, database in the path', 'mongodb://app:pw@db.example.com/shop', 'shop', 'database'],
    ['SCRAM, no database', 'mongodb://app:pw@db.example.com/', 'admin', 'admin'],
    ['SCRAM-SHA-256, no database', 'mongodb://app:pw@db.example.com/?authMechanism=SCRAM-SHA-256', 'admin', 'admin'],
    ['PLAIN, database in the path', 'mongodb://app:pw@db.example.com/ldap?authMechanism=PLAIN', 'ldap', 'database'],
    ['PLAIN, no database', 'mongodb://app:pw@db.example.com/?authMechanism=PLAIN', '$external', 'external'],
    ['X.509, even with a database', 'mongodb://db.example.com/shop?authMechanism=MONGODB-X509', '$external', 'external'],
    ['GSSAPI', 'mongodb://user%40REALM@db.example.com/shop?authMechanism=GSSAPI', '$external', 'external'],
    ['AWS', 'mongodb://db.example.com/shop?authMechanism=MONGODB-AWS', '$external', 'external'],
    ['OIDC', 'mongodb://db.example.com/shop?authMechanism=MONGODB-OIDC&authMechanismProperties=ENVIRONMENT:azure,TOKEN_RESOURCE:x', '$external', 'external'],
    ['no credential', 'mongodb://db.example.com/shop', null, null],
  ];
  for (const [name, uri, source, reason] of cases) {
    it(name, () => {
      const e = explain(uri);
      assert.deepEqual([e.authSource, e.authSourceReason], [source, reason]);
      const entry = option(e, 'authSource');
      if (reason === null) assert.equal(entry.source, 'default');
      else assert.deepEqual([entry.source, entry.value], [reason === 'given' ? 'set' : 'implied', source]);
      const auth = sentence(e, 'authentication');
      if (source === null) assert.match(auth, /without authenticating/);
      else assert.ok(auth.includes(`against the ${source} database`), auth);
    });
  }
});

describe('explain: no secret in any field', () => {
  for (const driver of ['spec', 'node'] as const) {
    it(`every secret case, ${driver} profile, with and without a DNS answer`, () => {
      for (const c of SECRET_CASES) {
        for (const srv of [undefined, { hosts: [{ host: 'a.example.com', port: 27017 }], txtOptions: 'authSource=admin' }]) {
          const e = explain(c.uri, { driver, srv });
          assert.deepEqual(secretsIn(JSON.stringify(e), c.secrets), [], c.uri);
          if (e.password !== null) assert.equal(e.password, '****');
        }
      }
    });
  }

  it('a password is masked, never returned', () => {
    const e = explain('mongodb://app:Qx7vR2mLp9sT@db.example.com/shop');
    assert.equal(e.password, '****');
    assert.equal(e.redacted, 'mongodb://app:****@db.example.com/shop');
  });
});

describe('explain: the account of how a driver connects', () => {
  it('one sentence per topic, in order', () => {
    const e = explain('mongodb://db.example.com/');
    assert.deepEqual(e.account.map((a) => a.topic), ['topology', 'readPreference', 'writeConcern', 'timeouts', 'tls', 'authentication']);
  });

  it('topology: direct, replica set, load balanced, discovery', () => {
    assert.match(sentence(explain('mongodb://db1.example.com:27018/?directConnection=true'), 'topology'), /^Direct connection: .*only to db1\.example\.com:27018/);
    const rs = sentence(explain('mongodb://db1.example.com,db2.example.com/?replicaSet=rs0'), 'topology');
    assert.match(rs, /^Replica set: .*2 seed hosts \(db1\.example\.com, db2\.example\.com\).*replica set rs0/);
    assert.match(sentence(explain('mongodb://lb.example.com/?loadBalanced=true'), 'topology'), /^Load balanced: .*lb\.example\.com/);
    assert.match(sentence(explain('mongodb://db1.example.com/'), 'topology'), /^Discovery: .*1 seed host /);
  });

  it('topology: SRV, with srvMaxHosts, the service name and the hosts the record gives', () => {
    const plain = sentence(explain('mongodb+srv://cluster0.example.com/'), 'topology');
    assert.match(plain, /^SRV: .*_mongodb\._tcp\.cluster0\.example\.com.*polls/);
    assert.ok(!plain.includes('srvMaxHosts'), plain);
    const max = sentence(explain('mongodb+srv://cluster0.example.com/?srvMaxHosts=3&srvServiceName=custom'), 'topology');
    assert.match(max, /_custom\._tcp\.cluster0\.example\.com/);
    assert.match(max, /at most 3 of them.*srvMaxHosts=3/);
    const hosts = { hosts: [{ host: 'a.example.com', port: 27017 }, { host: 'b.example.com', port: 27018 }], txtOptions: null };
    assert.match(sentence(explain('mongodb+srv://cluster0.example.com/', { srv: hosts }), 'topology'), /2 hosts: a\.example\.com:27017, b\.example\.com:27018/);
  });

  it('read preference and staleness', () => {
    assert.match(sentence(explain('mongodb://h.example.com/'), 'readPreference'), /primary/);
    const s = sentence(explain('mongodb://h.example.com/?readPreference=secondaryPreferred&maxStalenessSeconds=120&readPreferenceTags=dc:ny&readConcernLevel=majority'), 'readPreference');
    assert.match(s, /secondaryPreferred/);
    assert.match(s, /dc:ny/);
    assert.match(s, /120 seconds/);
    assert.match(s, /read concern majority/);
    assert.match(sentence(explain('mongodb://h.example.com/?readPreference=nearest'), 'readPreference'), /no maxStalenessSeconds/);
  });

  it('write concern and journaling', () => {
    assert.match(sentence(explain('mongodb://h.example.com/'), 'writeConcern'), /server's default write concern.*retried once/);
    const s = sentence(explain('mongodb://h.example.com/?w=majority&journal=true&wTimeoutMS=5000&retryWrites=false'), 'writeConcern');
    assert.match(s, /majority/);
    assert.match(s, /journal/);
    assert.match(s, /5000 ms/);
    assert.match(s, /not retried/);
    assert.match(sentence(explain('mongodb://h.example.com/?w=0'), 'writeConcern'), /not acknowledged/);
    assert.match(sentence(explain('mongodb://h.example.com/?w=2'), 'writeConcern'), /2 members/);
  });

  it('timeouts: the defaults of the profile, or timeoutMS', () => {
    const spec = sentence(explain('mongodb://h.example.com/'), 'timeouts');
    assert.match(spec, /server selection 30000 ms.*connection 10000 ms.*socket read no limit/);
    assert.match(sentence(explain('mongodb://h.example.com/', { driver: 'node' }), 'timeouts'), /connection 30000 ms/);
    assert.match(sentence(explain('mongodb://h.example.com/?connectTimeoutMS=0&serverSelectionTimeoutMS=500'), 'timeouts'), /server selection 500 ms.*connection no limit/);
    assert.match(sentence(explain('mongodb://h.example.com/?timeoutMS=2000'), 'timeouts'), /within 2000 ms \(timeoutMS\)/);
  });

  it('TLS', () => {
    assert.match(sentence(explain('mongodb://h.example.com/'), 'tls'), /off/);
    assert.match(sentence(explain('mongodb+srv://cluster0.example.com/'), 'tls'), /on \(mongodb\+srv turns it on\)/);
    const insecure = sentence(explain('mongodb://h.example.com/?tls=true&tlsAllowInvalidCertificates=true&tlsCAFile=/etc/ca.pem'), 'tls');
    assert.match(insecure, /not checked/);
    assert.match(insecure, /\/etc\/ca\.pem/);
  });

  it('authentication', () => {
    const s = sentence(explain('mongodb://app:pw@h.example.com/?authMechanism=SCRAM-SHA-256&authSource=admin'), 'authentication');
    assert.match(s, /as app with SCRAM-SHA-256 against the admin database/);
    assert.match(sentence(explain('mongodb://app:pw@h.example.com/'), 'authentication'), /negotiated/);
  });
});

describe('explain: placeholders, composed strings, problems', () => {
  it('placeholders stay opaque: hosts and option values as written', () => {
    const e = explain('mongodb://${MONGO_HOST}/db?replicaSet=${RS_NAME}&maxPoolSize=${POOL}');
    assert.deepEqual(e.hosts, [{ host: '${MONGO_HOST}', port: null, type: 'hostname' }]);
    assert.deepEqual([option(e, 'replicaSet').source, option(e, 'replicaSet').value], ['set', '${RS_NAME}']);
    assert.deepEqual([option(e, 'maxPoolSize').source, option(e, 'maxPoolSize').value], ['set', '${POOL}']);
    assert.match(sentence(e, 'topology'), /\$\{MONGO_HOST\}.*\$\{RS_NAME\}/);
    // A placeholder with a default that holds a port is one host.
    const withDefault = explain('mongodb://${MONGO_HOST:-localhost:27017}/db');
    assert.deepEqual(withDefault.hosts.map((h) => h.host), ['${MONGO_HOST:-localhost:27017}']);
  });

  it('describe keeps placeholders opaque too (it shared the lower-casing of host names)', () => {
    const text = `${PREFIX}mongodb://\${MONGO_HOST},Db2.Example.com/db\n`;
    const d = describeConnectionString(analyzeDocument({ uri: 'file:///p/.env', languageId: 'dotenv', text }, defaultSettings), PREFIX.length + 2);
    assert.deepEqual(d?.hosts.map((h) => h.host), ['${MONGO_HOST}', 'db2.example.com']);
  });

  it('a .env string composed from variables is explained as composed, its secret masked', () => {
    const text = 'DB_USER=app\nDB_PASS=Zq9xSecr3tPw\nDB_HOST=db.example.com\nMONGODB_URI=mongodb://${DB_USER}:${DB_PASS}@${DB_HOST}/shop?replicaSet=rs0\n';
    const analysis = analyzeDocument({ uri: 'file:///p/.env', languageId: 'dotenv', text }, { ...defaultSettings, driver: 'spec' });
    const e = explainConnectionString(analysis, text.indexOf('mongodb://') + 3)!;
    assert.equal(e.composed, true);
    assert.deepEqual(e.hosts, [{ host: 'db.example.com', port: null, type: 'hostname' }]);
    assert.deepEqual([e.username, e.password, e.database, e.authSource, e.authSourceReason], ['app', '****', 'shop', 'shop', 'database']);
    assert.equal(e.redacted, 'mongodb://app:****@db.example.com/shop?replicaSet=rs0');
    assert.ok(!JSON.stringify(e).includes('Secr3t'));
    // A problem the variables bring in (TLS off towards a network host) is the composed string's.
    assert.ok(e.problems.some((p) => p.ruleId === 'tls-disabled' && p.message.includes('DB_HOST')), JSON.stringify(e.problems));
  });

  it('a string whose variables are all unknown is explained as written', () => {
    const e = explain('mongodb://${UNKNOWN_HOST}/shop');
    assert.equal(e.composed, false);
    assert.equal(e.hosts[0]!.host, '${UNKNOWN_HOST}');
  });

  it('problems with their reported severity; a rule turned off is left out', () => {
    const uri = 'mongodb://db.example.com/?maxPoolSize=lots';
    assert.ok(explain(uri).problems.some((p) => p.ruleId === 'option-invalid-value'));
    const off = explain(uri, { rules: { 'option-invalid-value': 'off' } }).problems;
    assert.ok(!off.some((p) => p.ruleId === 'option-invalid-value'), JSON.stringify(off));
    const hint = explain(uri, { rules: { 'option-invalid-value': 'hint' } }).problems.find((p) => p.ruleId === 'option-invalid-value');
    assert.equal(hint?.severity, 'hint');
  });

  it('null away from a connection string; the explanation survives JSON', () => {
    const text = 'OTHER=1\nMONGODB_URI=mongodb://db.example.com/\n';
    const analysis = analyzeDocument({ uri: 'file:///p/.env', languageId: 'dotenv', text }, defaultSettings);
    assert.equal(explainConnectionString(analysis, 2), null);
    const e = explainConnectionString(analysis, text.indexOf('mongodb') + 1)!;
    assert.deepEqual(JSON.parse(JSON.stringify(e)), e);
  });
});
