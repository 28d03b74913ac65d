/** Rules the specification states but its test suites do not cover, and the messages and spans of all rules. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { validateUri } from '../../../server/src/service/features/validation';
import { defaultSettings, Settings } from '../../../server/src/service/types';

const spec: Settings = { ...defaultSettings, driver: 'spec' };

function problems(uri: string) {
  return validateUri(uri, spec).map((p) => ({ id: p.ruleId, sev: p.severity, text: uri.slice(p.span.start, p.span.end), msg: p.message, data: p.data }));
}

function expectOne(uri: string, id: string, sev: string, text?: string, msg?: RegExp) {
  const ps = problems(uri);
  const hit = ps.find((p) => p.id === id);
  assert.ok(hit, `${uri}: expected ${id}, got ${JSON.stringify(ps.map((p) => p.id))}`);
  assert.equal(hit.sev, sev, `${uri}: severity of ${id}`);
  if (text !== undefined) assert.equal(hit.text, text, `${uri}: span of ${id}`);
  if (msg) assert.match(hit.msg, msg);
  return hit;
}

function expectClean(uri: string) {
  const ps = problems(uri).filter((p) => p.sev === 'error' || p.sev === 'warning');
  assert.deepEqual(ps, [], uri);
}

describe('rules the spec tests do not cover', () => {
  it('heartbeatFrequencyMS below 500 → warning', () => {
    expectOne('mongodb://h/?heartbeatFrequencyMS=100', 'option-invalid-value', 'warning', '100', /heartbeatFrequencyMS=100 is out of range/);
    expectClean('mongodb://h/?heartbeatFrequencyMS=500');
  });
  it('maxStalenessSeconds 1–89 → warning; -1 and ≥ 90 fine', () => {
    expectOne('mongodb://h/?readPreference=secondary&maxStalenessSeconds=30', 'option-invalid-value', 'warning', '30');
    expectClean('mongodb://h/?readPreference=secondary&maxStalenessSeconds=90');
    expectClean('mongodb://h/?readPreference=secondary&maxStalenessSeconds=-1');
  });
  it('unknown compressor → warning under the name', () => {
    expectOne('mongodb://h/?compressors=zlib,lz4,zstd', 'option-invalid-value', 'warning', 'lz4', /Unknown compressor "lz4"/);
    expectClean('mongodb://h/?compressors=snappy,zlib,zstd');
  });
  it('unknown readPreference mode → warning with the modes', () => {
    expectOne('mongodb://h/?readPreference=secondaryPrefered', 'option-invalid-value', 'warning', 'secondaryPrefered', /Did you mean secondaryPreferred\?/);
    expectOne('mongodb://h/?readPreference=fastest', 'option-invalid-value', 'warning', 'fastest', /primaryPreferred/);
  });
  it('readPreference in the wrong case → warning with a fix', () => {
    const p = expectOne('mongodb://h/?readPreference=SECONDARY', 'option-invalid-value', 'warning', 'SECONDARY');
    assert.equal(p.data?.replacement, 'secondary');
  });
  it('unknown authMechanism → error; MONGODB-CR says it was removed', () => {
    expectOne('mongodb://u:p@h/?authMechanism=SCRAM-SHA-512', 'auth-mechanism-unknown', 'error', 'SCRAM-SHA-512');
    expectOne('mongodb://u:p@h/?authMechanism=MONGODB-CR', 'auth-mechanism-unknown', 'error', 'MONGODB-CR', /removed/);
  });
  it('appname over 128 bytes → warning', () => {
    expectOne(`mongodb://h/?appname=${'é'.repeat(65)}`, 'option-invalid-value', 'warning', undefined, /130 bytes/);
    expectClean(`mongodb://h/?appName=${'a'.repeat(128)}`);
  });
  it('readPreference primary (explicit or default) with tags or maxStalenessSeconds → error', () => {
    expectOne('mongodb://h/?readPreferenceTags=dc:ny', 'read-preference-conflict', 'error', 'readPreferenceTags=dc:ny', /default read preference/);
    expectOne('mongodb://h/?readPreference=primary&maxStalenessSeconds=120', 'read-preference-conflict', 'error', 'maxStalenessSeconds=120');
    expectClean('mongodb://h/?readPreference=nearest&readPreferenceTags=dc:ny&readPreferenceTags=');
    expectClean('mongodb://h/?readPreferenceTags=');
  });
  it('w=0 with journal=true → error', () => {
    expectOne('mongodb://h/?w=0&journal=true', 'write-concern-conflict', 'error', 'journal=true');
    expectClean('mongodb://h/?w=0&journal=false');
  });
  it('minPoolSize > maxPoolSize → error (unless maxPoolSize is 0)', () => {
    expectOne('mongodb://h/?minPoolSize=50&maxPoolSize=10', 'pool-size-conflict', 'error', 'minPoolSize=50', /50.*10/);
    expectClean('mongodb://h/?minPoolSize=50&maxPoolSize=0');
  });
  it('auth database characters and length → error', () => {
    expectOne('mongodb://h/my%20db', 'database-invalid-char', 'error', '%20', /a space/);
    expectOne('mongodb://h/db$1', 'database-invalid-char', 'error', '$');
    expectOne('mongodb://h/my"db', 'database-invalid-char', 'error', '"');
    expectOne(`mongodb://h/${'d'.repeat(64)}`, 'database-too-long', 'error');
    expectClean(`mongodb://h/${'d'.repeat(63)}`);
  });
});

describe('syntax rules: spans and messages', () => {
  it('port out of range', () => {
    expectOne('mongodb://localhost:70000/app', 'port-invalid', 'error', '70000', /Port 70000 is out of range \(1–65535\)/);
  });
  it('unescaped @ in the password, with an encoding fix and no password in the message', () => {
    const p = expectOne('mongodb://admin:p@ss@db.example.com/app', 'userinfo-unescaped', 'error', '@', /%40/);
    assert.equal(p.data?.replacement, 'p%40ss');
    assert.ok(!p.msg.includes('p@ss'));
  });
  it('unescaped / in the password', () => {
    expectOne('mongodb://user:pa/ss@host/db', 'userinfo-unescaped', 'error', '/', /%2F/);
  });
  it('space in the password → warning to encode', () => {
    expectOne('mongodb://user:pa ss@host/db', 'userinfo-unencoded', 'warning', ' ');
  });
  it('unknown option with a did-you-mean', () => {
    const p = expectOne('mongodb://h/?replicaset=rs0&retryWrite=true', 'option-unknown', 'warning', 'retryWrite', /Did you mean retryWrites\?/);
    assert.equal(p.data?.replacement, 'retryWrites');
    expectOne('mongodb://h/?maxPoolSizes=5', 'option-unknown', 'warning', 'maxPoolSizes', /maxPoolSize/);
  });
  it('non-canonical casing is only a hint', () => {
    const p = expectOne('mongodb://h/?replicaset=rs0', 'option-casing', 'hint', 'replicaset');
    assert.equal(p.data?.replacement, 'replicaSet');
  });
  it('legacy ; separator → warning', () => {
    expectOne('mongodb://h/?w=1;journal=true', 'option-legacy-separator', 'warning', ';');
  });
  it('deprecated legacy keys → warning naming the replacement', () => {
    expectOne('mongodb://h/?wtimeout=5', 'option-deprecated', 'warning', 'wtimeout', /wTimeoutMS/);
    expectOne('mongodb://u@h/?authMechanism=GSSAPI&gssapiServiceName=mongo', 'option-deprecated', 'warning', 'gssapiServiceName', /SERVICE_NAME/);
  });
  it('directConnection=true with three hosts → error', () => {
    expectOne('mongodb://a,b,c/?directConnection=true', 'direct-connection-conflict', 'error', 'directConnection=true', /3 are given/);
  });
  it('mongodb+srv with a port → error with a removal fix', () => {
    const p = expectOne('mongodb+srv://cluster0.example.net:27017/', 'srv-port', 'error', ':27017');
    assert.equal(p.data?.replacement, '');
  });
  it('SRV-only options on mongodb:// → error', () => {
    expectOne('mongodb://h/?srvMaxHosts=2', 'srv-option-without-srv', 'error', 'srvMaxHosts=2');
  });
  it('unencoded socket path → explains the encoding', () => {
    expectOne('mongodb:///tmp/mongodb-27017.sock/', 'host-unescaped-slash', 'error', undefined, /%2Ftmp%2Fmongodb-27017\.sock/);
  });
  it('missing and wrong schemes', () => {
    expectOne('mongo://localhost', 'scheme-invalid', 'error', 'mongo', /use mongodb:\/\//);
    expectOne('MONGODB://localhost', 'scheme-invalid', 'error', 'MONGODB', /lower case/);
  });
  it('empty authSource → error; authSource without credentials → information', () => {
    expectOne('mongodb://h/?authSource=', 'auth-source-empty', 'error');
    expectOne('mongodb://h/?authSource=admin', 'auth-source-without-credentials', 'info');
  });
  it('TLS off for a remote host is information only', () => {
    expectOne('mongodb://db.example.com/?tls=false', 'tls-disabled', 'info');
    assert.ok(!problems('mongodb://localhost/?tls=false').some((p) => p.id === 'tls-disabled'));
  });
});

describe('placeholders are opaque', () => {
  for (const uri of [
    'mongodb://${DB_USER}:${DB_PASS}@${DB_HOST}:27017/app',
    'mongodb://{{ .Values.mongo.user }}:{{ .Values.mongo.password }}@{{ .Values.mongo.host }}:27017/app',
    'mongodb://app:%MONGO_PASS%@db.example.com/app',
    'mongodb://app:$PASS@db.example.com:$PORT/app',
    'mongodb+srv://admin:<password>@cluster0.abcde.mongodb.net/?retryWrites=true&w=majority',
    'mongodb://${MONGO_HOST}:${MONGO_PORT}/?replicaSet=${RS}',
  ]) {
    it(uri, () => expectClean(uri));
  }
  it('still checks the rest of the string', () => {
    expectOne('mongodb://${DB_USER}:${DB_PASS}@${DB_HOST}:70000/app', 'port-invalid', 'error', '70000');
    expectOne('mongodb://${DB_HOST}/?retryWrite=true', 'option-unknown', 'warning', 'retryWrite');
  });
});

describe('connection strings from the MongoDB documentation examples are clean', () => {
  for (const uri of [
    'mongodb://localhost',
    'mongodb://sysop:moon@localhost',
    'mongodb://sysop:moon@localhost/records',
    'mongodb://%2Ftmp%2Fmongodb-27017.sock',
    'mongodb://db1.example.net,db2.example.com/?replicaSet=test',
    'mongodb://localhost,localhost:27018,localhost:27019/?replicaSet=test',
    'mongodb://db1.example.net,db2.example.com/?replicaSet=test&readPreference=secondary',
    'mongodb://db1.example.net,db2.example.com/?replicaSet=test&readPreference=secondary&maxStalenessSeconds=120',
    'mongodb://example1.com,example2.com,example3.com/?replicaSet=test&w=2&wtimeoutMS=2000',
    'mongodb://example1.com:27017,example2.com:27017/?w=majority&wtimeoutMS=2000',
    'mongodb://router1.example.com:27017,router2.example2.com:27017,router3.example3.com:27017/',
    'mongodb://mongos0.example.com:27017,mongos1.example.com:27017,mongos2.example.com:27017/?authSource=admin&tls=true',
    'mongodb+srv://server.example.com/',
    'mongodb+srv://myDatabaseUser:D1fficultP%40ssw0rd@cluster0.example.mongodb.net/?retryWrites=true&w=majority',
    'mongodb://myDatabaseUser:D1fficultP%40ssw0rd@mongodb0.example.com:27017/?authSource=admin',
    'mongodb://myDatabaseUser:D1fficultP%40ssw0rd@mongodb0.example.com:27017,mongodb1.example.com:27017,mongodb2.example.com:27017/?authSource=admin&replicaSet=myRepl',
    'mongodb://localhost:27017/?journal=true&w=majority&wtimeoutMS=5000',
    'mongodb://localhost:27017/?readPreference=secondaryPreferred&readPreferenceTags=dc:ny,rack:r1&readPreferenceTags=dc:ny&readPreferenceTags=',
    'mongodb://localhost:27017/?connectTimeoutMS=10000&maxPoolSize=50&minPoolSize=5&compressors=zstd,snappy,zlib&zlibCompressionLevel=6',
    'mongodb://localhost:27017/?appName=inventory&directConnection=true',
  ]) {
    it(uri, () => expectClean(uri));
  }
});

describe('placeholders do not swallow escapes', () => {
  it('a socket path %2Ftmp%2F... is not a %VAR% placeholder', () => {
    expectOne('mongodb://%2Ftmp%2Fmongodb-27017.socket', 'host-socket-invalid', 'error');
  });
});

describe('more placeholder styles', () => {
  for (const uri of [
    'mongodb://app:$(MONGODB_PASSWORD)@db.example.com/app',
    'mongodb://app:#{MongoPassword}#@db.example.com/app',
    'mongodb://#{MongoUser}:#{MongoPassword}@#{MongoHost}:27017/app',
  ]) {
    it(uri, () => expectClean(uri));
  }
  it('a # in a password is still an error', () => {
    expectOne('mongodb://app:pa#ss@db.example.com/app', 'userinfo-unescaped', 'error', '#');
  });
});
