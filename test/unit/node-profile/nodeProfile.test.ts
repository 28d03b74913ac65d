/**
 * The Node.js driver profile, quirk by quirk: for each behaviour of `new MongoClient(uri)` (mongodb 7.x)
 * that differs from the specification, a case the driver rejects and a near miss it accepts.
 * `rejects` means at least one error; `accepts` means no error (warnings may remain).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkConnectionString } from '../../../server/src/service/rules';
import { Problem } from '../../../server/src/service/types';

interface Case {
  uri: string;
  rejects: boolean;
  /** A rule id (or message fragment) that must appear among the problems. */
  expect?: string;
}

function problems(uri: string, driver: 'node' | 'spec' = 'node'): Problem[] {
  return checkConnectionString(uri, { driver }).problems;
}

function show(ps: Problem[]): string {
  return ps.map((p) => `${p.severity} ${p.ruleId}: ${p.message}`).join('\n') || '(none)';
}

function quirk(name: string, cases: Case[]): void {
  describe(name, () => {
    for (const c of cases) {
      it(`${c.rejects ? 'rejects' : 'accepts'} ${c.uri}`, () => {
        const ps = problems(c.uri);
        const errors = ps.filter((p) => p.severity === 'error');
        assert.equal(errors.length > 0, c.rejects, show(ps));
        if (c.expect) assert.ok(ps.some((p) => p.ruleId === c.expect || p.message.includes(c.expect!)), `expected ${c.expect} in:\n${show(ps)}`);
      });
    }
  });
}

quirk('URL layer: an "@" after the host list makes the text before it a username', [
  { uri: 'mongodb://host/?appName=a@b', rejects: true, expect: 'as the username' },
  { uri: 'mongodb://host:27017/?appName=a@b', rejects: true, expect: 'node-uri-rejected' },
  { uri: 'mongodb://u:p@host/?appName=a@b', rejects: false },
  { uri: 'mongodb://host/?appName=a%40b', rejects: false },
]);

quirk('URL layer: credentials', [
  { uri: 'mongodb://us[er@host', rejects: true, expect: 'userinfo-unescaped' },
  { uri: 'mongodb://user%ff@host', rejects: true, expect: 'node-uri-rejected' },
  { uri: 'mongodb://us%20er:pa%C3%A9@host', rejects: false },
  { uri: 'mongodb://us er:pa ss@host', rejects: false, expect: 'userinfo-unencoded' },
  { uri: 'mongodb://:pass@host', rejects: true },
  { uri: 'mongodb://user:@host', rejects: false },
]);

quirk('URL layer: the host list may not start with ":"; "#" after a host is a fragment', [
  { uri: 'mongodb://::1', rejects: true },
  { uri: 'mongodb://ho#st/', rejects: false, expect: 'node-option-ignored' },
  { uri: 'mongodb://h/x@:1', rejects: false },
]);

quirk('Hosts: empty entries are hosts named ""', [
  { uri: 'mongodb://a,,b', rejects: false, expect: 'host-empty' },
  { uri: 'mongodb://a,/?directConnection=true', rejects: true, expect: 'direct-connection-conflict' },
  { uri: 'mongodb://a,/?loadBalanced=true', rejects: true, expect: 'load-balanced-conflict' },
  { uri: 'mongodb+srv://a.example.com,', rejects: true },
  { uri: 'mongodb://a/?directConnection=true', rejects: false },
]);

quirk('Hosts: parsed with the URL parser', [
  { uri: 'mongodb://h<x', rejects: true, expect: 'host-invalid' },
  { uri: 'mongodb://h|x', rejects: true },
  { uri: 'mongodb://h"x', rejects: false, expect: 'host-invalid' },
  { uri: 'mongodb://h%zz', rejects: true },
  { uri: 'mongodb://h%ff', rejects: true, expect: 'node-uri-rejected' },
  { uri: 'mongodb://h%41', rejects: false },
  { uri: 'mongodb://h:', rejects: false, expect: 'port-invalid' },
  { uri: 'mongodb://h:00', rejects: true },
  { uri: 'mongodb://h:65536', rejects: true },
  { uri: 'mongodb://h:0027017', rejects: false },
  { uri: 'mongodb://[fe80::1%25eth0]', rejects: true, expect: 'node-uri-rejected' },
  { uri: 'mongodb://[1:2:3]', rejects: true },
  { uri: 'mongodb://[::ffff:127.0.0.1]:27018', rejects: false },
]);

quirk('Hosts: a ".sock" suffix makes a socket path, other encoded paths are host names', [
  { uri: 'mongodb://%2Ftmp%2Fmongo', rejects: false, expect: 'host-socket-invalid' },
  { uri: 'mongodb://h:27017.sock', rejects: false },
  { uri: 'mongodb://a%zz.sock', rejects: true },
  { uri: 'mongodb://%2Ftmp%2Fmongodb-27017.sock', rejects: false },
]);

quirk('mongodb+srv: the host is only checked for a ":" when the client is created', [
  { uri: 'mongodb+srv://h%zz', rejects: false },
  { uri: 'mongodb+srv://127.0.0.1', rejects: false, expect: 'srv-host-invalid' },
  { uri: 'mongodb+srv://[::1]', rejects: true },
  { uri: 'mongodb+srv://a.example.com:27017', rejects: true, expect: 'srv-port' },
]);

quirk('Path: decoded, not checked', [
  { uri: 'mongodb://h/db%ff', rejects: true, expect: 'node-uri-rejected' },
  { uri: 'mongodb://h/db%zz', rejects: true, expect: 'database-invalid-escape' },
  { uri: 'mongodb://h/%zz/..', rejects: false },
  { uri: 'mongodb://h/a b', rejects: false, expect: 'database-invalid-char' },
  { uri: 'mongodb://h/db$x', rejects: false },
  { uri: 'mongodb://h/a/b', rejects: false },
]);

quirk('Query: "#" starts a fragment the driver ignores', [
  { uri: 'mongodb://h/?appName=x#y&foo=1', rejects: false, expect: 'node-option-ignored' },
  { uri: 'mongodb://h/d#b?foo=1', rejects: false },
  { uri: 'mongodb://h/?appName=x&foo=1', rejects: true },
]);

quirk('Query: ";" does not separate options', [
  { uri: 'mongodb://h/?w=1;journal=true', rejects: false, expect: 'does not split options' },
  { uri: 'mongodb://h/?journal=true;w=1', rejects: true },
  { uri: 'mongodb://h/?appName=a;b&w=1', rejects: false },
]);

quirk('Query: "+" is a space', [
  { uri: 'mongodb://h/?appName=my+app', rejects: false, expect: 'decodes "+" as a space' },
  { uri: 'mongodb://h/?app+Name=x', rejects: true },
  { uri: 'mongodb://h/?connectTimeoutMS=+10', rejects: false },
  { uri: 'mongodb://h/?appName=my%2Bapp', rejects: false },
]);

quirk('Query: trailing white space is dropped', [
  { uri: 'mongodb://h/?w= ', rejects: true },
  { uri: 'mongodb://h/?w=%20', rejects: false },
]);

quirk('Keys: a key repeated with another case is ignored, with the same case it is rejected', [
  { uri: 'mongodb://h/?replicaSet=a&REPLICASET=b', rejects: false, expect: 'only reads occurrences spelled like the first one' },
  { uri: 'mongodb://h/?replicaSet=a&REPLICASET=', rejects: false },
  { uri: 'mongodb://h/?readPreferenceTags=a:b&ReadPreferenceTags=bad', rejects: false },
  { uri: 'mongodb://h/?replicaSet=a&replicaSet=a', rejects: true, expect: 'option-duplicate' },
  { uri: 'mongodb://h/?timeoutMS=1&timeoutMS=2', rejects: true },
  { uri: 'mongodb://h/?readPreference=secondary&readPreferenceTags=a:b&readPreferenceTags=', rejects: false },
]);

quirk('Keys: folded with Unicode lower-casing', [
  { uri: 'mongodb://h/?%E2%84%AAey=x', rejects: false },
  { uri: 'mongodb://h/?%E2%84%AAeys=x', rejects: true },
]);

quirk('Keys: unknown keys, and spec options the driver lacks, are rejected', [
  { uri: 'mongodb://h/?foo=bar', rejects: true, expect: 'option-unknown' },
  { uri: 'mongodb://h/?tlsDisableOCSPEndpointCheck=true', rejects: true, expect: 'option-unsupported-by-driver' },
  { uri: 'mongodb://h/?serverSelectionTryOnce=false', rejects: true },
  { uri: 'mongodb://h/?gssapiServiceName=svc', rejects: true },
  { uri: 'mongodb://h/?serverApi=1', rejects: true },
  { uri: 'mongodb://h/?noDelay=false&autoSelectFamily=true&monitorCommands=true', rejects: false },
]);

quirk('Empty values: rejected except for readPreferenceTags and timeoutMS', [
  { uri: 'mongodb://h/?maxIdleTimeMS=', rejects: true, expect: 'option-empty-value' },
  { uri: 'mongodb://h/?w', rejects: true, expect: 'option-no-value' },
  { uri: 'mongodb://h/?replicaSet=', rejects: true },
  { uri: 'mongodb://h/?readPreferenceTags=', rejects: false },
  { uri: 'mongodb://h/?readPreferenceTags', rejects: false },
  { uri: 'mongodb://h/?timeoutMS=', rejects: false },
  { uri: 'mongodb://h/?timeoutMS', rejects: false },
]);

quirk('Booleans: only true and false', [
  { uri: 'mongodb://h/?retryWrites=TRUE', rejects: true, expect: 'option-invalid-value' },
  { uri: 'mongodb://h/?journal=1', rejects: true },
  { uri: 'mongodb://h/?tls=yes', rejects: true },
  { uri: 'mongodb://h/?retryWrites=false', rejects: false },
]);

quirk('Integers: read with Number.parseInt', [
  { uri: 'mongodb://h/?connectTimeoutMS=10abc', rejects: false, expect: 'reads it as 10' },
  { uri: 'mongodb://h/?connectTimeoutMS=1.5', rejects: false },
  { uri: 'mongodb://h/?connectTimeoutMS=%2010', rejects: false },
  { uri: 'mongodb://h/?heartbeatFrequencyMS=100', rejects: false, expect: 'option-invalid-value' },
  { uri: 'mongodb://h/?zlibCompressionLevel=99', rejects: false },
  { uri: 'mongodb://h/?zlibCompressionLevel=-5', rejects: false },
  { uri: 'mongodb://h/?connectTimeoutMS=abc', rejects: true },
  { uri: 'mongodb://h/?connectTimeoutMS=-1', rejects: true },
  { uri: 'mongodb://h/?maxConnecting=0x', rejects: true },
  { uri: 'mongodb://h/?maxConnecting=1x', rejects: false },
]);

quirk('maxStalenessSeconds: positive only, and dropped without a readPreference', [
  { uri: 'mongodb://h/?readPreference=secondary&maxStalenessSeconds=-1', rejects: true, expect: 'node-option-rejected' },
  { uri: 'mongodb://h/?readPreference=secondary&maxStalenessSeconds=0', rejects: true },
  { uri: 'mongodb://h/?readPreference=secondary&maxStalenessSeconds=10', rejects: false },
  { uri: 'mongodb://h/?readPreference=primary&maxStalenessSeconds=120', rejects: true, expect: 'read-preference-conflict' },
  { uri: 'mongodb://h/?maxStalenessSeconds=120', rejects: false, expect: 'drops maxStalenessSeconds' },
]);

quirk('readPreferenceTags: key:value pairs, not checked against the mode', [
  { uri: 'mongodb://h/?readPreference=nearest&readPreferenceTags=invalid', rejects: true },
  { uri: 'mongodb://h/?readPreference=nearest&readPreferenceTags=dc:ny,', rejects: true },
  { uri: 'mongodb://h/?readPreference=nearest&readPreferenceTags=:ny', rejects: false },
  { uri: 'mongodb://h/?readPreference=primary&readPreferenceTags=dc:ny', rejects: false, expect: 'read-preference-conflict' },
  { uri: 'mongodb://h/?readPreferenceTags=dc:ny', rejects: false },
]);

quirk('Enumerations: exact, case-sensitive values', [
  { uri: 'mongodb://h/?readPreference=Secondary', rejects: true },
  { uri: 'mongodb://h/?serverMonitoringMode=POLL', rejects: true },
  { uri: 'mongodb://h/?compressors=ZLIB', rejects: true },
  { uri: 'mongodb://h/?compressors=zlib,', rejects: true },
  { uri: 'mongodb://h/?compressors=none', rejects: false },
  { uri: 'mongodb://h/?readConcernLevel=futureLevel', rejects: false },
]);

quirk('Write concern: w is never rejected, and journal is not checked against it', [
  { uri: 'mongodb://h/?w=-1', rejects: false },
  { uri: 'mongodb://h/?w=0&journal=true', rejects: false, expect: 'write-concern-conflict' },
  { uri: 'mongodb://h/?writeConcern=majority', rejects: false },
  { uri: 'mongodb://h/?writeConcern=1', rejects: true },
]);

quirk('Node-only options: their own types', [
  { uri: 'mongodb://h/?family=4abc', rejects: false },
  { uri: 'mongodb://h/?family=5', rejects: true },
  { uri: 'mongodb://h/?mongodbLogPath=stderr', rejects: false },
  { uri: 'mongodb://h/?mongodbLogPath=file.log', rejects: true },
  { uri: 'mongodb://h/?rejectUnauthorized=False', rejects: false, expect: 'as text, unconverted' },
  { uri: 'mongodb://h/?driverInfo=x', rejects: true, expect: 'node-option-rejected' },
  { uri: 'mongodb://h/?readConcern=majority', rejects: true },
  { uri: 'mongodb://h/?srvHostValidator=x', rejects: true },
]);

quirk('Node-only options: auth and dbName from the query', [
  { uri: 'mongodb://h/?auth=x', rejects: true },
  { uri: 'mongodb://u@h/?auth=x', rejects: false, expect: 'ignores the auth option' },
  { uri: 'mongodb://h/db?dbName=other', rejects: false, expect: 'ignores dbName here' },
  { uri: 'mongodb://h/db?dbName=', rejects: true },
]);

quirk('srvAllowedHostsSuffix: a domain, with mongodb+srv only', [
  { uri: 'mongodb+srv://h.example.com/?srvAllowedHostsSuffix=example.com', rejects: false },
  { uri: 'mongodb+srv://h.example.com/?srvAllowedHostsSuffix=local', rejects: false },
  { uri: 'mongodb+srv://h.example.com/?srvAllowedHostsSuffix=com', rejects: true },
  { uri: 'mongodb+srv://h.example.com/?srvAllowedHostsSuffix=..', rejects: true },
  { uri: 'mongodb://h/?srvAllowedHostsSuffix=example.com', rejects: true, expect: 'node-option-rejected' },
]);

quirk('Proxy options: values are tested for truth', [
  { uri: 'mongodb://h/?proxyPort=0', rejects: false, expect: 'proxy-host-required' },
  { uri: 'mongodb://h/?proxyPort=1080', rejects: true },
  { uri: 'mongodb://h/?proxyHost=p&proxyUsername=u', rejects: true },
]);

quirk('timeoutMS: accepted and ignored', [
  { uri: 'mongodb://h/?timeoutMS=abc', rejects: false, expect: 'has no effect' },
  { uri: 'mongodb://h/?timeoutMS=100', rejects: false },
]);

quirk('authMechanism: a case-insensitive whole-word match', [
  { uri: 'mongodb://u:p@h/?authMechanism=scram-sha-256', rejects: false },
  { uri: 'mongodb://u:p@h/?authMechanism=SCRAM', rejects: false, expect: 'accepts it as SCRAM-SHA-1' },
  { uri: 'mongodb://h/?authMechanism=SCRAM', rejects: true, expect: 'auth-username-missing' },
  { uri: 'mongodb://h/?authMechanism=X509', rejects: false },
  { uri: 'mongodb://h/?authMechanism=DEFAULT', rejects: false },
  { uri: 'mongodb://u:p@h/?authMechanism=MONGODB-CR', rejects: true, expect: 'auth-mechanism-unknown' },
  { uri: 'mongodb://u:p@h/?authMechanism=SCRAM-SHA', rejects: false },
  { uri: 'mongodb://u:p@h/?authMechanism=SCRAM-SH', rejects: true },
  { uri: 'mongodb://u:p@h/?authMechanism=(', rejects: true },
]);

quirk('Mechanism properties: exact-case names, true/false become booleans', [
  { uri: 'mongodb://h/?authMechanism=MONGODB-OIDC&authMechanismProperties=environment:test', rejects: true },
  { uri: 'mongodb://h/?authMechanism=MONGODB-OIDC&authMechanismProperties=ENVIRONMENT:test', rejects: false },
  { uri: 'mongodb://h/?authMechanism=MONGODB-AWS&authMechanismProperties=aws_session_token:x', rejects: false },
  { uri: 'mongodb://h/?authMechanism=MONGODB-AWS&authMechanismProperties=AWS_SESSION_TOKEN:x', rejects: true },
  { uri: 'mongodb://h/?authMechanism=MONGODB-AWS&authMechanismProperties=AWS_SESSION_TOKEN:false', rejects: false },
  { uri: 'mongodb://h/?authMechanism=MONGODB-AWS&authMechanismProperties=AWS_SESSION_TOKEN:', rejects: false },
  { uri: 'mongodb://u@h/?authMechanismProperties=ALLOWED_HOSTS:x', rejects: true },
  { uri: 'mongodb://u@h/?authMechanismProperties=allowed_hosts:x', rejects: false },
  { uri: 'mongodb://u:p@h/?authMechanism=SCRAM-SHA-1&authMechanismProperties=FOO:bar', rejects: false, expect: 'auth-property-invalid' },
]);

quirk('CANONICALIZE_HOST_NAME: checked for every mechanism except MONGODB-X509', [
  { uri: 'mongodb://h/?authMechanismProperties=CANONICALIZE_HOST_NAME:bad', rejects: true, expect: 'node-auth-rejected' },
  { uri: 'mongodb://u:p@h/?authMechanism=SCRAM-SHA-256&authMechanismProperties=CANONICALIZE_HOST_NAME:bad', rejects: true },
  { uri: 'mongodb://h/?authMechanism=MONGODB-X509&authMechanismProperties=CANONICALIZE_HOST_NAME:bad', rejects: false },
  { uri: 'mongodb://u@h/?authMechanism=GSSAPI&authMechanismProperties=CANONICALIZE_HOST_NAME:true', rejects: false },
]);

quirk('MONGODB-OIDC: the driver\'s own rules', [
  { uri: 'mongodb://h/?authMechanism=MONGODB-OIDC&authMechanismProperties=OIDC_CALLBACK:x', rejects: false },
  { uri: 'mongodb://h/?authMechanism=MONGODB-OIDC&authMechanismProperties=ENVIRONMENT:test,OIDC_CALLBACK:x', rejects: true },
  { uri: 'mongodb://h/?authMechanism=MONGODB-OIDC&authMechanismProperties=ENVIRONMENT:test,TOKEN_RESOURCE:x', rejects: false, expect: 'auth-property-invalid' },
  { uri: 'mongodb://h/?authMechanism=MONGODB-OIDC&authMechanismProperties=ENVIRONMENT:azure,TOKEN_RESOURCE:', rejects: true },
  { uri: 'mongodb://h/?authMechanism=MONGODB-OIDC&authMechanismProperties=ENVIRONMENT:true', rejects: true },
  { uri: 'mongodb://u@h/?authMechanism=MONGODB-OIDC&authMechanismProperties=ENVIRONMENT:azure,TOKEN_RESOURCE:x', rejects: false },
  { uri: 'mongodb://u@h/?authMechanism=MONGODB-OIDC&authMechanismProperties=ENVIRONMENT:k8s', rejects: true },
]);

quirk('MONGODB-X509: an empty password is no password', [
  { uri: 'mongodb://u:@h/?authMechanism=MONGODB-X509', rejects: false },
  { uri: 'mongodb://u:p@h/?authMechanism=MONGODB-X509', rejects: true, expect: 'auth-password-forbidden' },
  { uri: 'mongodb://u@h/?authMechanism=MONGODB-X509&authSource=admin', rejects: true, expect: 'auth-source-invalid' },
]);

describe('profiles stay apart', () => {
  it('reports Node-only problems only under the Node profile', () => {
    for (const uri of ['mongodb://h/?appName=my+app', 'mongodb://h/db%ff', 'mongodb://h/?maxStalenessSeconds=-1&readPreference=secondary']) {
      assert.ok(!problems(uri, 'spec').some((p) => p.ruleId.startsWith('node-')), uri);
    }
  });

  it('keeps spec errors the driver does not enforce as warnings', () => {
    const ps = problems('mongodb://h/?w=0&journal=true');
    assert.equal(ps.find((p) => p.ruleId === 'write-concern-conflict')?.severity, 'warning');
    assert.equal(problems('mongodb://h/?w=0&journal=true', 'spec').find((p) => p.ruleId === 'write-concern-conflict')?.severity, 'error');
  });

  it('never puts a password in a message', () => {
    const secret = 'S3cretPw';
    for (const uri of [
      `mongodb://u:${secret}:x@h`, `mongodb://u:${secret}@h/?authMechanism=MONGODB-AWS`, `mongodb://u:${secret}@h/?authMechanism=MONGODB-X509`,
      `mongodb://h/?proxyHost=p&proxyUsername=u&proxyPassword=${secret}&proxyPassword=${secret}`, `mongodb://u:${secret}/x@h`,
      `mongodb://h/?tlsCertificateKeyFilePassword=${secret}+x`,
    ]) {
      for (const p of problems(uri)) assert.ok(!p.message.includes(secret), `${uri}: ${p.message}`);
    }
  });
});
