/**
 * Credentials as the Node.js driver (mongodb 7.x) builds and validates them (rules/nodeAuth.ts), and what the
 * Node profile reports about them. A case the driver rejects has an error; a near miss it accepts has none
 * (warnings may remain).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createContext } from '../../../server/src/service/rules/context';
import { nodeCredential, nodeMechanism } from '../../../server/src/service/rules/nodeAuth';
import { resolveNodeOptions } from '../../../server/src/service/rules/nodeOptions';
import { readAsNodeDriver } from '../../../server/src/service/uri/nodeUri';
import { parseConnectionString } from '../../../server/src/service/uri/parser';
import { expectClean, expectNoError, expectOne, settingsWith } from '../../helpers/problems';

const node = settingsWith({ driver: 'node' });
const OIDC = 'mongodb://h/?authMechanism=MONGODB-OIDC&authMechanismProperties=';

/** The driver's credential for a connection string: its mechanism and the failing checks as [code, text under it]. */
function credential(text: string): { mechanism?: string; failures: [string, string][] } {
  const parsed = parseConnectionString(text);
  const n = readAsNodeDriver(text);
  const c = nodeCredential(createContext(parsed, resolveNodeOptions(parsed, n).index, 'node', [], n));
  return { mechanism: c.mechanism, failures: c.failures.map((f) => [f.code, text.slice(f.span.start, f.span.end)]) };
}

describe('nodeMechanism', () => {
  it('matches the value as a whole word of a mechanism name, ignoring case, in the driver\'s order', () => {
    assert.deepEqual(nodeMechanism('scram-sha-256'), { kind: 'match', name: 'SCRAM-SHA-256' });
    assert.deepEqual(nodeMechanism('SCRAM'), { kind: 'match', name: 'SCRAM-SHA-1' });
    assert.deepEqual(nodeMechanism('sha-1'), { kind: 'match', name: 'SCRAM-SHA-1' });
    assert.deepEqual(nodeMechanism('X509'), { kind: 'match', name: 'MONGODB-X509' });
    assert.deepEqual(nodeMechanism('MONGODB'), { kind: 'match', name: 'MONGODB-AWS' });
    assert.deepEqual(nodeMechanism('DEFAULT'), { kind: 'match', name: 'DEFAULT' });
  });

  it('reads "." as any character', () => {
    assert.deepEqual(nodeMechanism('PLAI.'), { kind: 'match', name: 'PLAIN' });
  });

  it('finds nothing for part of a word or an unknown name', () => {
    assert.deepEqual(nodeMechanism('SCRAM-SH'), { kind: 'none' });
    assert.deepEqual(nodeMechanism('foo'), { kind: 'none' });
  });

  it('does not evaluate other regular-expression syntax', () => {
    assert.deepEqual(nodeMechanism('('), { kind: 'pattern' });
    assert.deepEqual(nodeMechanism('.*'), { kind: 'pattern' });
  });
});

describe('nodeCredential', () => {
  it('builds no credential without a username, mechanism, properties or authSource', () => {
    assert.deepEqual(credential('mongodb://h/db'), { mechanism: undefined, failures: [] });
    assert.deepEqual(credential('mongodb://u:p@h'), { mechanism: 'DEFAULT', failures: [] });
    assert.deepEqual(credential('mongodb://h/?authSource=x'), { mechanism: 'DEFAULT', failures: [] });
  });

  it('stops at a mechanism it cannot find', () => {
    assert.deepEqual(credential('mongodb://h/?authMechanism=foo'), { mechanism: undefined, failures: [['mechanism', 'foo']] });
  });

  it('lists every failing check in the driver\'s order', () => {
    assert.deepEqual(credential('mongodb://h/?authMechanism=SCRAM').failures, [['username-missing', 'h']]);
    assert.deepEqual(credential('mongodb://u:p@h/?authMechanism=MONGODB-AWS&authMechanismProperties=AWS_SESSION_TOKEN:x').failures, [['aws-credentials', 'u'], ['aws-token', 'AWS_SESSION_TOKEN:x']]);
    assert.deepEqual(credential('mongodb://u@h/?authMechanism=MONGODB-AWS&authSource=admin').failures, [['aws-credentials', 'u'], ['source', 'authSource=admin']]);
    assert.deepEqual(credential('mongodb://u:p@h/?authMechanism=MONGODB-OIDC&authMechanismProperties=ENVIRONMENT:test').failures, [['oidc-username', 'u'], ['oidc-password', 'p']]);
  });

  it('checks MONGODB-OIDC\'s ENVIRONMENT, TOKEN_RESOURCE and callbacks', () => {
    assert.deepEqual(credential('mongodb://h/?authMechanism=MONGODB-OIDC').failures, [['oidc-environment-missing', 'authMechanism=MONGODB-OIDC']]);
    assert.deepEqual(credential(`${OIDC}ENVIRONMENT:gcp`).failures, [['oidc-token-resource', 'ENVIRONMENT:gcp']]);
    assert.deepEqual(credential(`${OIDC}ENVIRONMENT:k8s,OIDC_CALLBACK:x`).failures, [['oidc-callback', 'ENVIRONMENT:k8s,OIDC_CALLBACK:x']]);
  });

  it('returns before the CANONICALIZE_HOST_NAME check for MONGODB-X509', () => {
    assert.deepEqual(credential('mongodb://u:p@h/?authMechanism=MONGODB-X509&authMechanismProperties=CANONICALIZE_HOST_NAME:bad').failures, [['x509-password', 'p']]);
    assert.deepEqual(credential('mongodb://u@h/?authMechanism=GSSAPI&authSource=admin').failures, [['source', 'authSource=admin']]);
  });
});

describe('authMechanism: a case-insensitive whole-word match', () => {
  it('the exact name in another case is accepted', () => {
    expectClean('mongodb://u:p@h/?authMechanism=scram-sha-256', node);
  });

  it('part of a name is accepted as the first mechanism it names, with a warning', () => {
    expectNoError('mongodb://u:p@h/?authMechanism=SCRAM', node);
    const p = expectOne('mongodb://u:p@h/?authMechanism=SCRAM', 'auth-mechanism-unknown', 'warning', 'SCRAM', /accepts it as SCRAM-SHA-1/, node);
    assert.equal(p.data?.replacement, 'SCRAM-SHA-1');
    expectNoError('mongodb://h/?authMechanism=X509', node);
    expectNoError('mongodb://u:p@h/?authMechanism=SCRAM-SHA', node);
    expectNoError('mongodb://h/?authMechanism=DEFAULT', node);
    const d = expectOne('mongodb://h/?authMechanism=DEFAULT', 'auth-mechanism-unknown', 'warning', 'DEFAULT', /as DEFAULT, its name for "negotiate with the server"/, node);
    assert.equal(d.data, undefined);
  });

  it('the mechanism it names then applies: SCRAM needs a username', () => {
    expectOne('mongodb://h/?authMechanism=SCRAM', 'auth-username-missing', 'error', 'authMechanism=SCRAM', /SCRAM-SHA-1 needs a username/, node);
  });

  it('a removed mechanism, part of a word or a pattern is rejected', () => {
    expectOne('mongodb://u:p@h/?authMechanism=MONGODB-CR', 'auth-mechanism-unknown', 'error', 'MONGODB-CR', /removed/, node);
    expectOne('mongodb://u:p@h/?authMechanism=SCRAM-SH', 'auth-mechanism-unknown', 'error', 'SCRAM-SH', undefined, node);
    expectOne('mongodb://u:p@h/?authMechanism=(', 'auth-mechanism-unknown', 'error', '(', /regular expression/, node);
  });
});

describe('Mechanism properties: exact-case names, true/false become booleans', () => {
  it('a property name in another case is not the property: OIDC then lacks ENVIRONMENT', () => {
    expectOne(`${OIDC}environment:test`, 'node-auth-rejected', 'error', 'environment:test', /needs authMechanismProperties=ENVIRONMENT/, node);
    expectClean(`${OIDC}ENVIRONMENT:test`, node);
  });

  it('AWS_SESSION_TOKEN is rejected when spelled exactly and set to a true value', () => {
    expectOne('mongodb://h/?authMechanism=MONGODB-AWS&authMechanismProperties=AWS_SESSION_TOKEN:x', 'auth-property-invalid', 'error', 'AWS_SESSION_TOKEN:x', undefined, node);
    for (const props of ['aws_session_token:x', 'AWS_SESSION_TOKEN:false', 'AWS_SESSION_TOKEN:']) {
      const uri = `mongodb://h/?authMechanism=MONGODB-AWS&authMechanismProperties=${props}`;
      expectNoError(uri, node);
      expectOne(uri, 'auth-property-invalid', 'warning', props, undefined, node);
    }
  });

  it('ALLOWED_HOSTS is rejected, in exact case only', () => {
    expectOne('mongodb://u@h/?authMechanismProperties=ALLOWED_HOSTS:x', 'node-option-rejected', 'error', 'ALLOWED_HOSTS:x', /pass it in code/, node);
    expectClean('mongodb://u@h/?authMechanismProperties=allowed_hosts:x', node);
  });

  it('a property SCRAM does not take is only a warning', () => {
    expectNoError('mongodb://u:p@h/?authMechanism=SCRAM-SHA-1&authMechanismProperties=FOO:bar', node);
    expectOne('mongodb://u:p@h/?authMechanism=SCRAM-SHA-1&authMechanismProperties=FOO:bar', 'auth-property-invalid', 'warning', 'FOO:bar', undefined, node);
  });
});

describe('CANONICALIZE_HOST_NAME: checked for every mechanism except MONGODB-X509', () => {
  it('a bad value is rejected, with or without a mechanism', () => {
    expectOne('mongodb://h/?authMechanismProperties=CANONICALIZE_HOST_NAME:bad', 'node-auth-rejected', 'error', 'CANONICALIZE_HOST_NAME:bad', undefined, node);
    expectOne('mongodb://u:p@h/?authMechanism=SCRAM-SHA-256&authMechanismProperties=CANONICALIZE_HOST_NAME:bad', 'auth-property-invalid', 'error', 'CANONICALIZE_HOST_NAME:bad', undefined, node);
  });

  it('MONGODB-X509 does not look at it; true is a good value', () => {
    expectNoError('mongodb://h/?authMechanism=MONGODB-X509&authMechanismProperties=CANONICALIZE_HOST_NAME:bad', node);
    expectClean('mongodb://u@h/?authMechanism=GSSAPI&authMechanismProperties=CANONICALIZE_HOST_NAME:true', node);
  });
});

describe('MONGODB-OIDC: the driver\'s own rules', () => {
  it('a callback alone is accepted (with warnings: callbacks belong in code); with ENVIRONMENT it is rejected', () => {
    expectNoError(`${OIDC}OIDC_CALLBACK:x`, node);
    expectOne(`${OIDC}OIDC_CALLBACK:x`, 'auth-property-missing', 'warning', 'OIDC_CALLBACK:x', undefined, node);
    expectOne(`${OIDC}ENVIRONMENT:test,OIDC_CALLBACK:x`, 'auth-property-invalid', 'error', 'ENVIRONMENT:test,OIDC_CALLBACK:x', /set it in code/, node);
  });

  it('TOKEN_RESOURCE with ENVIRONMENT:test is ignored; an empty one with azure is rejected', () => {
    expectNoError(`${OIDC}ENVIRONMENT:test,TOKEN_RESOURCE:x`, node);
    expectOne(`${OIDC}ENVIRONMENT:test,TOKEN_RESOURCE:x`, 'auth-property-invalid', 'warning', undefined, /the Node\.js driver ignores it/, node);
    expectOne(`${OIDC}ENVIRONMENT:azure,TOKEN_RESOURCE:`, 'node-auth-rejected', 'error', 'ENVIRONMENT:azure,TOKEN_RESOURCE:', /requires TOKEN_RESOURCE with ENVIRONMENT:azure/, node);
  });

  it('ENVIRONMENT must be a known environment', () => {
    expectOne(`${OIDC}ENVIRONMENT:true`, 'auth-property-invalid', 'error', 'ENVIRONMENT:true', undefined, node);
  });

  it('a username goes with azure only', () => {
    expectClean('mongodb://u@h/?authMechanism=MONGODB-OIDC&authMechanismProperties=ENVIRONMENT:azure,TOKEN_RESOURCE:x', node);
    expectOne('mongodb://u@h/?authMechanism=MONGODB-OIDC&authMechanismProperties=ENVIRONMENT:k8s', 'auth-username-forbidden', 'error', 'u', undefined, node);
  });
});

describe('MONGODB-X509: an empty password is no password', () => {
  it('an empty password is accepted, a password is rejected', () => {
    expectClean('mongodb://u:@h/?authMechanism=MONGODB-X509&tls=true', node);
    expectOne('mongodb://u:p@h/?authMechanism=MONGODB-X509', 'auth-password-forbidden', 'error', 'p', undefined, node);
  });

  it('authSource must be $external', () => {
    expectOne('mongodb://u@h/?authMechanism=MONGODB-X509&authSource=admin', 'auth-source-invalid', 'error', 'authSource=admin', undefined, node);
  });
});
