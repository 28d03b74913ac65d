import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { repoRoot } from '../../helpers/repo';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import {
  URI_OPTIONS,
  SPEC_OPTION_COUNT,
  INT32_MAX,
  TXT_RECORD_OPTIONS,
  findOption,
  UriOption,
} from '../../../server/src/service/data/uriOptions';
import { AUTH_MECHANISMS, findMechanism } from '../../../server/src/service/data/authMechanisms';
import { optionDocsUrl } from '../../../server/src/service/data/docLinks';
import { asciiLower } from '../../../server/src/service/data/text';

/** The rows of the URI options spec table, in order (row 36 is the blank timeoutMS row). */
const SPEC_TABLE = [
  'maxAdaptiveRetries', 'enableOverloadRetargeting', 'appName', 'authMechanism', 'authMechanismProperties',
  'authSource', 'compressors', 'connectTimeoutMS', 'directConnection', 'heartbeatFrequencyMS',
  'journal', 'loadBalanced', 'localThresholdMS', 'maxIdleTimeMS', 'maxPoolSize',
  'maxConnecting', 'maxStalenessSeconds', 'minPoolSize', 'proxyHost', 'proxyPort',
  'proxyUsername', 'proxyPassword', 'readConcernLevel', 'readPreference', 'readPreferenceTags',
  'replicaSet', 'retryReads', 'retryWrites', 'serverMonitoringMode', 'serverSelectionTimeoutMS',
  'serverSelectionTryOnce', 'socketTimeoutMS', 'srvMaxHosts', 'srvServiceName', 'ssl',
  'timeoutMS', 'tls', 'tlsAllowInvalidCertificates', 'tlsAllowInvalidHostnames', 'tlsCAFile',
  'tlsCertificateKeyFile', 'tlsCertificateKeyFilePassword', 'tlsDisableCertificateRevocationCheck', 'tlsDisableOCSPEndpointCheck', 'tlsInsecure',
  'w', 'waitQueueTimeoutMS', 'wTimeoutMS', 'zlibCompressionLevel',
];

/** The installed driver, resolved from the repository root. */
const requireFromRoot = createRequire(join(repoRoot(), 'package.json'));
interface Descriptor {
  type?: string;
  deprecated?: string | boolean;
  ignored?: boolean;
  default?: unknown;
}
const NODE_OPTIONS: Record<string, Descriptor> = requireFromRoot('mongodb/lib/connection_string').OPTIONS;
const nodeKeyOf = (name: string): string | undefined =>
  Object.keys(NODE_OPTIONS).find((k) => k.toLowerCase() === name.toLowerCase());

const byName = (name: string): UriOption => {
  const o = findOption(name);
  assert.ok(o, `${name} is in the table`);
  return o;
};

describe('URI option table', () => {
  it('has the 49 spec options in table order', () => {
    const spec = URI_OPTIONS.filter((o) => o.origin === 'spec');
    assert.equal(SPEC_OPTION_COUNT, 49);
    assert.deepEqual(spec.map((o) => o.name), SPEC_TABLE);
    assert.deepEqual(spec.map((o) => o.specRow), SPEC_TABLE.map((_, i) => i + 1));
    assert.ok(URI_OPTIONS.every((o) => (o.origin === 'spec') === (o.specRow !== undefined)));
  });

  it('has the legacy keys named outside the table', () => {
    assert.deepEqual(URI_OPTIONS.filter((o) => o.origin === 'legacy').map((o) => o.name).sort(), ['gssapiServiceName', 'wtimeout']);
    assert.equal(byName('fsync').origin, 'node');
    assert.equal(byName('j').origin, 'node');
  });

  it('has no duplicate names, ignoring case', () => {
    const seen = new Set<string>();
    for (const o of URI_OPTIONS) {
      const lower = asciiLower(o.name);
      assert.ok(!seen.has(lower), `duplicate ${o.name}`);
      seen.add(lower);
    }
  });

  it('finds options case-insensitively, folding ASCII letters only', () => {
    assert.equal(findOption('REPLICASET')?.name, 'replicaSet');
    assert.equal(findOption('appname')?.name, 'appName');
    assert.equal(findOption('wtimeoutms')?.name, 'wTimeoutMS');
    assert.equal(findOption('WTIMEOUT')?.name, 'wtimeout');
    assert.equal(findOption('\u212Aey'), undefined); // KELVIN SIGN lower-cases to k outside ASCII
    assert.equal(findOption('replicaSet '), undefined);
    assert.equal(findOption('nope'), undefined);
  });

  it('describes and links every entry', () => {
    for (const o of URI_OPTIONS) {
      assert.ok(o.description.trim().length > 10, `${o.name} description`);
      assert.match(o.docs, /^https:\/\//, `${o.name} docs`);
      if (o.origin === 'spec' || o.origin === 'legacy') assert.equal(o.docs, optionDocsUrl(o.name), `${o.name} docs`);
      assert.equal(o.name.trim(), o.name);
    }
    assert.equal(
      byName('replicaSet').docs,
      'https://www.mongodb.com/docs/manual/reference/connection-string-options/#mongodb-urioption-urioption.replicaSet',
    );
  });

  it('gives every enum its values and keeps value-only fields on the right types', () => {
    for (const o of URI_OPTIONS) {
      if (o.type === 'enum') assert.ok(o.values && o.values.length > 0, `${o.name} values`);
      if (o.openValues) assert.ok(o.values && o.values.length > 0, `${o.name} open values`);
      if (o.values) assert.equal(new Set(o.values).size, o.values.length, `${o.name} duplicate values`);
      if (o.node.type === 'enum') assert.ok((o.node.values ?? o.values)?.length, `${o.name} node values`);
    }
    assert.deepEqual(byName('compressors').values, ['snappy', 'zlib', 'zstd']);
    assert.deepEqual(byName('serverMonitoringMode').values, ['stream', 'poll', 'auto']);
    assert.deepEqual(byName('readPreference').values, ['primary', 'primaryPreferred', 'secondary', 'secondaryPreferred', 'nearest']);
    assert.equal(byName('readConcernLevel').openValues, true);
    assert.equal(byName('w').type, 'writeConcern');
    assert.equal(byName('w').openValues, true);
  });

  it('keeps integer ranges consistent', () => {
    for (const o of URI_OPTIONS) {
      const hasRange = o.min !== undefined || o.max !== undefined || o.specialValues !== undefined || o.int64;
      if (hasRange) assert.equal(o.type, 'integer', `${o.name} has a range but is not an integer`);
      if (o.min !== undefined && o.max !== undefined) assert.ok(o.min <= o.max, `${o.name} min <= max`);
      if (o.int64) assert.equal(o.max, undefined, `${o.name}: 64-bit options have no 32-bit max`);
      else if (o.max !== undefined) assert.ok(o.max <= INT32_MAX, `${o.name} max fits 32 bits`);
      for (const v of o.specialValues ?? []) {
        assert.ok((o.min !== undefined && v < o.min) || (o.max !== undefined && v > o.max), `${o.name} special ${v} is outside`);
      }
    }
    const range = (n: string) => [byName(n).min, byName(n).max];
    assert.deepEqual(range('heartbeatFrequencyMS'), [500, INT32_MAX]);
    assert.deepEqual(range('zlibCompressionLevel'), [-1, 9]);
    assert.deepEqual(range('proxyPort'), [0, 65535]);
    assert.deepEqual(range('maxConnecting'), [1, INT32_MAX]);
    assert.deepEqual(range('serverSelectionTimeoutMS'), [1, INT32_MAX]);
    assert.deepEqual(byName('maxStalenessSeconds').specialValues, [-1]);
    assert.equal(byName('maxStalenessSeconds').min, 90);
    assert.ok(byName('timeoutMS').int64 && byName('wTimeoutMS').int64);
  });

  it('points every deprecation and alias at an existing option', () => {
    for (const o of URI_OPTIONS) {
      if (o.deprecated) assert.ok(findOption(o.deprecated.replacement), `${o.name} -> ${o.deprecated.replacement}`);
      if (o.aliasOf) assert.ok(findOption(o.aliasOf), `${o.name} alias of ${o.aliasOf}`);
    }
    assert.equal(byName('ssl').aliasOf, 'tls');
    assert.equal(byName('gssapiServiceName').deprecated?.replacement, 'authMechanismProperties');
    assert.equal(byName('wtimeout').deprecated?.replacement, 'wTimeoutMS');
    assert.equal(byName('socketTimeoutMS').deprecated?.replacement, 'timeoutMS');
  });

  it('marks SRV-only, repeatable and TXT-record options', () => {
    assert.deepEqual(URI_OPTIONS.filter((o) => o.srvOnly && o.origin === 'spec').map((o) => o.name), ['srvMaxHosts', 'srvServiceName']);
    assert.deepEqual(URI_OPTIONS.filter((o) => o.repeatable).map((o) => o.name), ['readPreferenceTags']);
    assert.deepEqual([...TXT_RECORD_OPTIONS].sort(), ['authSource', 'loadBalanced', 'replicaSet']);
  });

  it('lists the same mechanisms as the mechanism table', () => {
    const values = byName('authMechanism').values ?? [];
    assert.deepEqual([...values].sort(), AUTH_MECHANISMS.map((m) => m.name).sort());
    for (const v of values) assert.ok(findMechanism(v), v);
  });
});

describe('Node.js driver column, checked against the installed driver', () => {
  it('accepts exactly the keys of its OPTIONS map, minus the URI-rejected ones', () => {
    for (const o of URI_OPTIONS) {
      const key = nodeKeyOf(o.name);
      if (o.node.accepted) assert.ok(key, `${o.name} is accepted, so it must be a Node option`);
      else if (key) assert.equal(o.node.type, 'object', `${o.name} is a Node option refused only in a URI`);
    }
    assert.deepEqual(
      URI_OPTIONS.filter((o) => !o.node.accepted).map((o) => o.name).sort(),
      ['connect', 'gssapiServiceName', 'serverApi', 'serverSelectionTryOnce', 'srvHostValidator', 'tlsDisableCertificateRevocationCheck', 'tlsDisableOCSPEndpointCheck', 'tz_aware', 'uuidRepresentation'],
    );
  });

  it('rejects every option of the other drivers, as new MongoClient() says', () => {
    const { MongoClient } = requireFromRoot('mongodb') as { MongoClient: new (uri: string) => unknown };
    const others = URI_OPTIONS.filter((o) => o.origin === 'drivers');
    assert.ok(others.length >= 3);
    for (const o of others) {
      assert.ok(o.readBy && o.readBy.length > 0, `${o.name} names the drivers that read it`);
      const value = o.values?.[1] ?? (o.type === 'boolean' ? 'true' : '1');
      assert.throws(() => new MongoClient(`mongodb://localhost:27017/?${o.name}=${value}`), /not supported/, o.name);
    }
  });

  it('has an entry for every key of the OPTIONS map', () => {
    for (const key of Object.keys(NODE_OPTIONS)) assert.ok(findOption(key), `Node option ${key} is missing`);
  });

  it('matches the driver descriptor of every accepted option', () => {
    for (const o of URI_OPTIONS) {
      const key = nodeKeyOf(o.name);
      if (!key) continue;
      const d = NODE_OPTIONS[key];
      if (d.type) {
        const expected = d.type === 'record' ? 'object' : d.type;
        assert.equal(o.node.type, expected, `${o.name}: Node type ${d.type}`);
      }
      assert.equal(Boolean(o.node.deprecationWarning), Boolean(d.deprecated), `${o.name} deprecation warning`);
      if (o.node.deprecationWarning) {
        const suffix = typeof d.deprecated === 'string' ? `: ${d.deprecated}` : '';
        assert.equal(o.node.deprecationWarning, `${key} is a deprecated option${suffix}`);
      }
      assert.equal(Boolean(o.node.ignored), Boolean(d.ignored), `${o.name} ignored`);
      if (o.node.defaultValue !== undefined) {
        assert.ok(o.node.defaultValue.startsWith(String(d.default)), `${o.name} Node default ${String(d.default)}`);
      }
      if (o.node.nodeName) assert.equal(o.node.nodeName, key);
    }
  });

  it('uses the driver\'s own enum values', () => {
    const lib = (p: string) => requireFromRoot(`mongodb/lib/${p}`);
    const sorted = (xs: readonly unknown[] | undefined) => [...(xs ?? [])].map(String).sort();
    assert.deepEqual(sorted(byName('compressors').node.values), sorted(Object.keys(lib('cmap/wire_protocol/compression').Compressor)));
    assert.deepEqual(sorted(byName('authMechanism').node.values), sorted(Object.values(lib('cmap/auth/providers').AuthMechanism)));
    assert.deepEqual(sorted(byName('serverMonitoringMode').node.values), sorted(Object.values(lib('sdam/monitor').ServerMonitoringMode)));
    assert.deepEqual(sorted(byName('readPreference').node.values), sorted(Object.values(lib('read_preference').ReadPreferenceMode)));
  });
});
