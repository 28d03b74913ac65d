/** The meaning of a connection string as a driver sees it, and its redacted form (uri/model.ts). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildModel, redact } from '../../../server/src/service/uri/model';
import { resolveOptions } from '../../../server/src/service/uri/options';
import { parseConnectionString } from '../../../server/src/service/uri/parser';

const model = (uri: string) => {
  const parsed = parseConnectionString(uri);
  return buildModel(parsed, resolveOptions(parsed));
};

describe('buildModel: hosts and database', () => {
  it('types each host, lower-cases host names, decodes socket paths and keeps explicit ports', () => {
    const m = model('mongodb://DB.Example.com:27018,[::1],%2Ftmp%2Fm.sock,10.0.0.1/Sales');
    assert.deepEqual(m.hosts, [
      { type: 'hostname', host: 'db.example.com', port: 27018 },
      { type: 'ip_literal', host: '::1', port: null },
      { type: 'unix', host: '/tmp/m.sock', port: null },
      { type: 'ipv4', host: '10.0.0.1', port: null },
    ]);
    assert.equal(m.database, 'Sales');
    assert.equal(model('mongodb://h/').database, null);
  });
});

describe('buildModel: credential', () => {
  it('a database path alone creates no credential; userinfo or authMechanism does', () => {
    assert.equal(model('mongodb://h/db').credential, null);
    assert.equal(model('mongodb://h/db?authSource=admin').credential, null);
    assert.deepEqual(model('mongodb://u:s%40cret@h/db').credential, { username: 'u', password: 's@cret', source: 'db', mechanism: null, mechanismProperties: null });
    assert.deepEqual(model('mongodb://h/?authMechanism=MONGODB-X509').credential, { username: null, password: null, source: '$external', mechanism: 'MONGODB-X509', mechanismProperties: null });
  });

  it('the default source is the path database or admin (SCRAM), the path or $external (PLAIN), else $external', () => {
    assert.equal(model('mongodb://u:p@h').credential?.source, 'admin');
    assert.equal(model('mongodb://u:p@h/db?authMechanism=PLAIN').credential?.source, 'db');
    assert.equal(model('mongodb://u:p@h/?authMechanism=PLAIN').credential?.source, '$external');
    assert.equal(model('mongodb://u@h/db?authMechanism=GSSAPI').credential?.source, '$external');
  });

  it('an explicit authSource wins', () => {
    assert.equal(model('mongodb://u@h/db?authSource=other').credential?.source, 'other');
  });

  it('GSSAPI gets SERVICE_NAME mongodb by default, or the legacy gssapiServiceName', () => {
    assert.deepEqual(model('mongodb://u@h/?authMechanism=GSSAPI').credential?.mechanismProperties, { SERVICE_NAME: 'mongodb' });
    assert.deepEqual(model('mongodb://u@h/db?authMechanism=GSSAPI&gssapiServiceName=svc').credential?.mechanismProperties, { SERVICE_NAME: 'svc' });
    assert.deepEqual(model('mongodb://u@h/?authMechanism=GSSAPI&authMechanismProperties=SERVICE_NAME:a&gssapiServiceName=svc').credential?.mechanismProperties, { SERVICE_NAME: 'a' });
  });
});

describe('buildModel: options', () => {
  it('the last valid occurrence wins; tag sets are a list in order', () => {
    const m = model('mongodb://h/?w=1&w=2&maxPoolSize=5&maxPoolSize=x&readPreferenceTags=dc:ny&readPreferenceTags=');
    assert.deepEqual(m.options, { w: 2, maxPoolSize: 5, readPreferenceTags: [{ dc: 'ny' }, {}] });
  });

  it('a legacy key is dropped when its replacement is given too', () => {
    assert.deepEqual(model('mongodb://h/?wtimeout=5&wTimeoutMS=10').options, { wTimeoutMS: 10 });
    assert.deepEqual(model('mongodb://h/?wtimeout=5').options, { wtimeout: 5 });
  });

  it('unknown keys are left out', () => {
    assert.deepEqual(model('mongodb://h/?foo=1').options, {});
  });
});

describe('buildModel: TLS', () => {
  it('is what tls or ssl says, else on for mongodb+srv only', () => {
    assert.equal(model('mongodb://h').tls, false);
    assert.equal(model('mongodb+srv://c.example.com/').tls, true);
    assert.equal(model('mongodb+srv://c.example.com/?tls=false').tls, false);
    assert.equal(model('mongodb://h/?ssl=true').tls, true);
    assert.equal(model('mongodb+srv://c.example.com/').srv, true);
  });
});

describe('redact', () => {
  it('replaces the password and the values of password options by ****', () => {
    assert.equal(
      redact(parseConnectionString('mongodb://u:secret@h/?proxyPassword=pp&tlsCertificateKeyFilePassword=kk&appName=x')),
      'mongodb://u:****@h/?proxyPassword=****&tlsCertificateKeyFilePassword=****&appName=x',
    );
  });

  it('leaves empty passwords and strings without secrets as they are', () => {
    assert.equal(redact(parseConnectionString('mongodb://u:@h/?proxyPassword=')), 'mongodb://u:@h/?proxyPassword=');
    assert.equal(redact(parseConnectionString('mongodb://u@h/db')), 'mongodb://u@h/db');
  });
});
