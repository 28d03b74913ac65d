/**
 * What only the Node.js driver (mongodb 7.x) rejects or reads differently, under `mongodbUri.driver: "node"`
 * (rules/nodeDriver.ts): the node-* rules, how the driver reads the query, and the profiles kept apart.
 * A case the driver rejects has an error; a near miss it accepts has none (warnings may remain).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { expectClean, expectNoError, expectOne, settingsWith, uriProblems } from '../../helpers/problems';

const node = settingsWith({ driver: 'node' });
const spec = settingsWith({ driver: 'spec' });
const ids = (uri: string) => uriProblems(uri, node).map((p) => p.id);

describe('node-uri-rejected', () => {
  it('what the driver\'s parsers throw on is an error', () => {
    expectOne('mongodb://h/db%ff', 'node-uri-rejected', 'error', '/db%ff', undefined, node);
    expectClean('mongodb://h/db%C3%A9', node);
  });

  it('is not said again where another rule already reports an error', () => {
    assert.deepEqual(ids('mongodb://h%zz'), ['host-invalid']);
    assert.deepEqual(ids('mongodb://h:99999'), ['port-invalid']);
  });
});

describe('node-option-rejected', () => {
  it('a value the specification accepts but the driver\'s conversion rejects is an error', () => {
    expectOne('mongodb://h/?compressors=ZLIB', 'node-option-rejected', 'error', 'ZLIB', /rejects the compressor "ZLIB"/, node);
    expectClean('mongodb://h/?compressors=zlib', node);
  });

  it('is not said again when the option rules already report an error for the value', () => {
    assert.deepEqual(ids('mongodb://h/?connectTimeoutMS=abc'), ['option-invalid-value']);
  });
});

describe('node-auth-rejected', () => {
  it('a credential check of the driver that fails is an error when no auth rule said so', () => {
    expectOne('mongodb://h/?authMechanismProperties=CANONICALIZE_HOST_NAME:bad', 'node-auth-rejected', 'error', 'CANONICALIZE_HOST_NAME:bad', /rejects CANONICALIZE_HOST_NAME:bad/, node);
    expectClean('mongodb://h/?authMechanismProperties=CANONICALIZE_HOST_NAME:forward', node);
  });

  it('is left out when an auth rule already reports an error', () => {
    assert.deepEqual(ids('mongodb://u:p@h/?authMechanism=MONGODB-AWS'), ['auth-username-forbidden', 'auth-password-forbidden']);
  });
});

describe('node-option-ignored', () => {
  it('a deprecated option the driver warns about is a warning under its key', () => {
    expectOne('mongodb://h/?wtimeout=5', 'node-option-ignored', 'warning', 'wtimeout', /The Node\.js driver warns: "wtimeout is a deprecated option/, node);
    expectOne('mongodb://h/?j=true', 'node-option-ignored', 'warning', 'j', /Please use journal instead/, node);
    expectClean('mongodb://h/?wtimeoutMS=5&journal=true', node);
  });

});

describe('Node-only options: auth and dbName from the query', () => {
  it('the auth option is rejected, or ignored when there are credentials before "@"', () => {
    expectOne('mongodb://h/?auth=x', 'node-option-rejected', 'error', 'x', /needs an object \(put the credentials before "@"\)/, node);
    expectNoError('mongodb://u@h/?auth=x', node);
    expectOne('mongodb://u@h/?auth=x', 'node-option-ignored', 'warning', 'auth=x', /ignores the auth option/, node);
  });

  it('dbName is ignored when the path names a database, and may not be empty', () => {
    expectNoError('mongodb://h/db?dbName=other', node);
    expectOne('mongodb://h/db?dbName=other', 'node-option-ignored', 'warning', 'dbName=other', /ignores dbName here/, node);
    expectOne('mongodb://h/db?dbName=', 'option-empty-value', 'error', 'dbName=', undefined, node);
    expectClean('mongodb://h/?dbName=other', node);
  });
});

describe('Query: "#" starts a fragment the driver ignores', () => {
  it('the options after "#" are dropped: a warning over the fragment', () => {
    expectNoError('mongodb://h/?appName=x#y&foo=1', node);
    expectOne('mongodb://h/?appName=x#y&foo=1', 'node-option-ignored', 'warning', '#y&foo=1', /Percent-encode it as %23/, node);
    expectNoError('mongodb://h/d#b?foo=1', node);
    expectOne('mongodb://h/d#b?foo=1', 'node-option-ignored', 'warning', '#b?foo=1', undefined, node);
  });

  it('without the "#" the unknown option is read, and rejected', () => {
    expectOne('mongodb://h/?appName=x&foo=1', 'option-unknown', 'error', 'foo', undefined, node);
  });
});

describe('Query: ";" does not separate options', () => {
  it('everything after "=" up to the next "&" is one value: a warning', () => {
    expectNoError('mongodb://h/?w=1;journal=true', node);
    expectOne('mongodb://h/?w=1;journal=true', 'node-option-ignored', 'warning', 'w=1;journal=true', /does not split options/, node);
  });

  it('so a boolean followed by ";" is rejected', () => {
    expectOne('mongodb://h/?journal=true;w=1', 'option-invalid-value', 'error', 'true;w=1', /The Node\.js driver refuses the connection string at start-up/, node);
  });

  it('";" as data between "&" separators is fine', () => {
    expectClean('mongodb://h/?appName=a;b&w=1', node);
  });
});

describe('Query: "+" is a space', () => {
  it('a "+" in an option is a warning', () => {
    expectNoError('mongodb://h/?appName=my+app', node);
    expectOne('mongodb://h/?appName=my+app', 'node-option-ignored', 'warning', 'appName=my+app', /decodes "\+" as a space/, node);
    expectNoError('mongodb://h/?connectTimeoutMS=+10', node);
    expectClean('mongodb://h/?appName=my%2Bapp', node);
  });

  it('a "+" in a key makes another key, which is rejected', () => {
    expectOne('mongodb://h/?app+Name=x', 'option-unknown', 'error', 'app+Name', /Unknown option "app Name"/, node);
  });
});

describe('Query: trailing white space is dropped', () => {
  it('"w= " is an empty value, which is rejected; "w=%20" is not empty', () => {
    expectOne('mongodb://h/?w= ', 'option-empty-value', 'error', 'w=', undefined, node);
    expectClean('mongodb://h/?w=%20', node);
  });
});

describe('Keys: a key repeated with another case is ignored, with the same case it is rejected', () => {
  it('a repeat spelled differently is ignored, with a warning', () => {
    expectNoError('mongodb://h/?replicaSet=a&REPLICASET=b', node);
    expectOne('mongodb://h/?replicaSet=a&REPLICASET=b', 'node-option-ignored', 'warning', 'REPLICASET=b', /only reads occurrences spelled like the first one/, node);
    expectNoError('mongodb://h/?replicaSet=a&REPLICASET=', node);
    expectNoError('mongodb://h/?readPreferenceTags=a:b&ReadPreferenceTags=bad', node);
  });

  it('a repeat spelled the same way is rejected, except readPreferenceTags', () => {
    expectOne('mongodb://h/?replicaSet=a&replicaSet=a', 'option-duplicate', 'error', 'replicaSet=a', undefined, node);
    expectOne('mongodb://h/?timeoutMS=1&timeoutMS=2', 'option-duplicate', 'error', 'timeoutMS=2', undefined, node);
    expectClean('mongodb://h/?readPreference=secondary&readPreferenceTags=a:b&readPreferenceTags=', node);
  });
});

describe('profiles stay apart', () => {
  it('reports Node-only problems only under the Node profile', () => {
    for (const uri of ['mongodb://h/?appName=my+app', 'mongodb://h/db%ff', 'mongodb://h/?maxStalenessSeconds=-1&readPreference=secondary']) {
      assert.ok(!uriProblems(uri, spec).some((p) => p.id.startsWith('node-')), uri);
    }
  });

  it('keeps spec errors the driver does not enforce as warnings', () => {
    expectOne('mongodb://h/?w=0&journal=true', 'write-concern-conflict', 'warning', undefined, undefined, node);
    expectOne('mongodb://h/?w=0&journal=true', 'write-concern-conflict', 'error', undefined, undefined, spec);
    expectOne('mongodb://h/?minPoolSize=50&maxPoolSize=10', 'pool-size-conflict', 'warning', 'minPoolSize=50', /new MongoClient\(\) accepts it, but connect\(\) fails/, node);
    expectOne('mongodb://h/?minPoolSize=50&maxPoolSize=10', 'pool-size-conflict', 'error', undefined, undefined, spec);
    expectOne('mongodb://h/?readPreference=secondary&maxStalenessSeconds=90&heartbeatFrequencyMS=90000', 'max-staleness-too-small', 'warning', undefined, undefined, node);
  });

  it('never puts a password in a message', () => {
    const secret = 'S3cretPw';
    for (const uri of [
      `mongodb://u:${secret}:x@h`, `mongodb://u:${secret}@h/?authMechanism=MONGODB-AWS`, `mongodb://u:${secret}@h/?authMechanism=MONGODB-X509`,
      `mongodb://h/?proxyHost=p&proxyUsername=u&proxyPassword=${secret}&proxyPassword=${secret}`, `mongodb://u:${secret}/x@h`,
      `mongodb://h/?tlsCertificateKeyFilePassword=${secret}+x`,
    ]) {
      for (const p of uriProblems(uri, node)) assert.ok(!p.msg.includes(secret), `${uri}: ${p.msg}`);
    }
  });
});
