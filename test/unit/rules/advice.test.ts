/** Advice about security and topology (rules/advice.ts): warnings when the connection is open or cannot authenticate, information otherwise. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { expectNone, expectOne, settingsWith, uriProblems } from '../../helpers/problems';
import { analyzeDocument, defaultSettings } from '../../../server/src/service/languageService';

const tlsDisabled = (uri: string, driver: 'spec' | 'node' = 'spec') => uriProblems(uri, settingsWith({ driver })).some((p) => p.id === 'tls-disabled');

describe('tls-disabled', () => {
  it('TLS off for a remote host is information only', () => {
    expectOne('mongodb://db.example.com/?tls=false', 'tls-disabled', 'info', 'tls=false', /unencrypted/);
    assert.ok(!uriProblems('mongodb://localhost/?tls=false').some((p) => p.id === 'tls-disabled'));
  });

  it('ssl=false turns TLS off too', () => {
    expectOne('mongodb://db.example.com/?ssl=false', 'tls-disabled', 'info', 'ssl=false');
    assert.equal(tlsDisabled('mongodb://db.example.com/?tls=true'), false);
  });

  it('local hosts, single-label names and socket paths are not remote', () => {
    assert.equal(tlsDisabled('mongodb://127.0.0.1,host.docker.internal/?tls=false'), false);
    assert.equal(tlsDisabled('mongodb://db/?tls=false'), false);
    assert.equal(tlsDisabled('mongodb://%2Ftmp%2Fm.sock/?tls=false'), false);
  });

  it('names of a Kubernetes cluster and of private domains are not remote; public names that look alike are', () => {
    for (const host of ['mongo.shop.svc', 'mongo-0.mongo.shop.svc.cluster.local', 'mongo.shop.svc.cluster.local.', 'db.corp.internal', 'MONGO.LOCAL', 'nas.home.arpa', 'db.localdomain']) {
      assert.equal(tlsDisabled(`mongodb://${host}:27017/app`), false, host);
      assert.equal(tlsDisabled(`mongodb://${host}/?tls=false`), false, host);
    }
    for (const host of ['svc.example.com', 'internal.example.com', 'db.local.example.com', 'cluster.local.example.org', 'mongo.svcs']) {
      assert.equal(tlsDisabled(`mongodb://${host}:27017/app`), true, host);
    }
    // One remote host among private ones still crosses a network.
    assert.equal(tlsDisabled('mongodb://mongo-0.mongo.shop.svc,db.example.com/app'), true);
    assert.equal(tlsDisabled('mongodb+srv://mongo.shop.svc/?tls=false'), true, 'mongodb+srv is always remote');
  });

  it('mongodb+srv is always remote', () => {
    expectOne('mongodb+srv://localhost/?tls=false', 'tls-disabled', 'info', 'tls=false');
  });

  it('the Node.js profile gives the same advice', () => {
    assert.equal(tlsDisabled('mongodb://db.example.com/?tls=false', 'node'), true);
  });
});

describe('tls-disabled without a tls option', () => {
  it('a mongodb:// string to a remote host has TLS off by default: information, with a fix that adds tls=true', () => {
    const p = expectOne('mongodb://db.example.com:27017/app', 'tls-disabled', 'info', 'db.example.com:27017', /off by default/);
    assert.deepEqual([p.data?.replacement, p.data?.title], ['?tls=true', 'Add tls=true']);
    assert.equal(expectOne('mongodb://db.example.com/app?w=1', 'tls-disabled', 'info').data?.replacement, '&tls=true');
    assert.equal(expectOne('mongodb://db.example.com', 'tls-disabled', 'info').data?.replacement, '/?tls=true');
    expectNone('mongodb://localhost:27017/app', 'tls-disabled');
    expectNone('mongodb://mongo:27017/app', 'tls-disabled');
    expectNone('mongodb+srv://cluster0.ab12c.mongodb.net/app', 'tls-disabled');
  });
});

describe('tls-insecure', () => {
  it('each option that turns certificate validation off is a warning under it, with a fix that removes it', () => {
    for (const name of ['tlsInsecure', 'tlsAllowInvalidCertificates', 'tlsAllowInvalidHostnames']) {
      const p = expectOne(`mongodb://db.example.com/?tls=true&${name}=true`, 'tls-insecure', 'warning', `${name}=true`, /validation off/);
      assert.equal(p.data?.remove, true);
    }
  });
  it('false, or TLS turned off, says nothing', () => {
    expectNone('mongodb://db.example.com/?tls=true&tlsInsecure=false', 'tls-insecure');
    expectNone('mongodb://localhost/?tls=false&tlsAllowInvalidCertificates=true', 'tls-insecure');
  });
  it('the same under the Node.js profile', () => {
    expectOne('mongodb://db.example.com/?tls=true&tlsInsecure=true', 'tls-insecure', 'warning', undefined, undefined, settingsWith({ driver: 'node' }));
  });
});

describe('MONGODB-X509', () => {
  it('without TLS it cannot authenticate: a warning with a fix that adds tls=true', () => {
    const p = expectOne('mongodb://db.example.com/?authMechanism=MONGODB-X509', 'x509-without-tls', 'warning', 'authMechanism=MONGODB-X509', /TLS is off/);
    assert.equal(p.data?.replacement, '&tls=true');
    expectNone('mongodb+srv://cluster0.ab12c.mongodb.net/?authMechanism=MONGODB-X509', 'x509-without-tls');
  });
  it('with TLS but no tlsCertificateKeyFile, the certificate must come from code: information', () => {
    expectOne('mongodb://db.example.com/?authMechanism=MONGODB-X509&tls=true', 'x509-without-certificate', 'info', 'authMechanism=MONGODB-X509');
    expectNone('mongodb://db.example.com/?authMechanism=MONGODB-X509&tls=true&tlsCertificateKeyFile=/etc/ssl/client.pem', 'x509-without-certificate');
  });
});

describe('proxies', () => {
  it('a proxy password sent to a remote proxy travels unencrypted: information', () => {
    expectOne('mongodb://db.example.com/?proxyHost=proxy.corp.example.com&proxyUsername=u&proxyPassword=p', 'proxy-password-plain', 'info', 'proxyPassword');
    expectNone('mongodb://db.example.com/?proxyHost=localhost&proxyUsername=u&proxyPassword=p', 'proxy-password-plain');
  });
  it('a remote proxy in front of localhost: information', () => {
    expectOne('mongodb://localhost:27017/?proxyHost=proxy.corp.example.com', 'proxy-remote-localhost', 'info', 'proxyHost=proxy.corp.example.com', /proxy's machine/);
    expectNone('mongodb://db.example.com/?proxyHost=proxy.corp.example.com', 'proxy-remote-localhost');
  });
});

describe('direct-connection-replica-set', () => {
  it('directConnection=true with replicaSet talks to the one host: information', () => {
    expectOne('mongodb://db1.example.com/?directConnection=true&replicaSet=rs0', 'direct-connection-replica-set', 'info', 'directConnection=true', /one host only/);
    expectNone('mongodb://db1.example.com/?replicaSet=rs0', 'direct-connection-replica-set');
    expectNone('mongodb://db1.example.com/?directConnection=true', 'direct-connection-replica-set');
  });
});

describe('advice and strings in comments', () => {
  it('a commented-out string is told its mistakes, not how it would connect', () => {
    const text = [
      'mongodb:',
      '  uri: mongodb://mongo.example.com:27017/app',
      '  # uri: mongodb://mongo-old.example.com:27017/app',
      '  # uri: mongodb://mongo-old.example.com:70000/app',
      '',
    ].join('\n');
    const found = analyzeDocument({ uri: 'file:///chart/values.yaml', languageId: 'yaml', text }, defaultSettings).problems.map((p) => [p.ruleId, text.slice(0, p.span.start).split('\n').length]);
    assert.deepEqual(found, [['tls-disabled', 2], ['port-invalid', 4]]);
  });
});
