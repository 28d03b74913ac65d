/** Per-mechanism credential rules of the authentication spec, and authSource (rules/auth.ts). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { expectClean, expectOne, uriProblems, expectNone } from '../../helpers/problems';

const OIDC = 'mongodb://h/?authMechanism=MONGODB-OIDC&authMechanismProperties=';

describe('auth-mechanism-unknown', () => {
  it('an unknown authMechanism is an error; MONGODB-CR says it was removed', () => {
    expectOne('mongodb://u:p@h/?authMechanism=SCRAM-SHA-512', 'auth-mechanism-unknown', 'error', 'SCRAM-SHA-512', /Expected one of: SCRAM-SHA-1, SCRAM-SHA-256/);
    expectOne('mongodb://u:p@h/?authMechanism=MONGODB-CR', 'auth-mechanism-unknown', 'error', 'MONGODB-CR', /removed/);
    expectClean('mongodb://u:p@h/?authMechanism=SCRAM-SHA-256');
  });
});

describe('authMechanism spelling and empty value', () => {
  it('a mechanism in the wrong case is a warning with the exact name as the fix', () => {
    const p = expectOne('mongodb://u:p@h/?authMechanism=scram-sha-256', 'option-invalid-value', 'warning', 'scram-sha-256', /Write the mechanism as SCRAM-SHA-256/);
    assert.equal(p.data?.replacement, 'SCRAM-SHA-256');
  });

  it('an empty authMechanism is a warning and is ignored', () => {
    expectOne('mongodb://u:p@h/?authMechanism=', 'option-empty-value', 'warning', 'authMechanism=', /empty value and is ignored/);
  });
});

describe('auth-source-empty', () => {
  it('an empty authSource is an error, even without credentials', () => {
    expectOne('mongodb://h/?authSource=', 'auth-source-empty', 'error', 'authSource=', /authSource is empty/);
    expectOne('mongodb://u:p@h/?authSource=', 'auth-source-empty', 'error');
    expectClean('mongodb://u:p@h/?authSource=admin');
  });
});

describe('auth-source-without-credentials', () => {
  it('authSource without credentials is information only', () => {
    expectOne('mongodb://h/?authSource=admin', 'auth-source-without-credentials', 'info', 'authSource=admin', /has no effect/);
    assert.ok(!uriProblems('mongodb://u@h/?authSource=admin').some((p) => p.id === 'auth-source-without-credentials'));
  });
});

describe('auth-username-missing', () => {
  it('credentials without a username are an error (negotiated SCRAM)', () => {
    expectOne('mongodb://@h', 'auth-username-missing', 'error', '@', /no username/);
    expectOne('mongodb://:@h', 'auth-username-missing', 'error', ':');
    expectOne('mongodb://:pw@h', 'auth-username-missing', 'error', ':pw');
    expectClean('mongodb://u@h');
  });

  it('SCRAM, PLAIN and GSSAPI need a username: an error under authMechanism when there is none', () => {
    for (const m of ['SCRAM-SHA-1', 'SCRAM-SHA-256', 'PLAIN', 'GSSAPI']) {
      expectOne(`mongodb://h/?authMechanism=${m}`, 'auth-username-missing', 'error', `authMechanism=${m}`, new RegExp(`${m} needs a username`));
    }
    expectClean('mongodb://u@h/?authMechanism=GSSAPI');
  });
});

describe('auth-password-missing', () => {
  it('SCRAM and PLAIN named with a username but no password are an error under the username (the auth specification says MUST)', () => {
    expectOne('mongodb://u@h/?authMechanism=PLAIN', 'auth-password-missing', 'error', 'u', /PLAIN needs a password/);
    expectOne('mongodb://u@h/?authMechanism=SCRAM-SHA-1', 'auth-password-missing', 'error', 'u');
    expectOne('mongodb://u@h/?authMechanism=SCRAM-SHA-256', 'auth-password-missing', 'error', 'u');
    // Without a mechanism the driver negotiates one: a user without a password is valid (spec test "Username without password").
    expectNone('mongodb://alice@127.0.0.1', 'auth-password-missing');
    expectClean('mongodb://u:p@h/?authMechanism=PLAIN');
  });
});

describe('auth-username-forbidden', () => {
  it('MONGODB-AWS takes no username in the connection string', () => {
    expectOne('mongodb://u@h/?authMechanism=MONGODB-AWS', 'auth-username-forbidden', 'error', 'u', /MONGODB-AWS takes no username/);
    expectClean('mongodb://h/?authMechanism=MONGODB-AWS');
  });

  it('MONGODB-OIDC takes a username only with ENVIRONMENT:azure', () => {
    expectOne('mongodb://u@h/?authMechanism=MONGODB-OIDC&authMechanismProperties=ENVIRONMENT:test', 'auth-username-forbidden', 'error', 'u', /ENVIRONMENT:test \(only azure takes a username/);
    expectClean('mongodb://u@h/?authMechanism=MONGODB-OIDC&authMechanismProperties=ENVIRONMENT:azure,TOKEN_RESOURCE:x');
  });
});

describe('auth-password-forbidden', () => {
  it('MONGODB-X509 takes no password; an empty one is no password', () => {
    expectOne('mongodb://u:p@h/?authMechanism=MONGODB-X509', 'auth-password-forbidden', 'error', 'p', /MONGODB-X509 takes no password/);
    expectClean('mongodb://u:@h/?authMechanism=MONGODB-X509&tls=true');
  });

  it('MONGODB-AWS takes no password, and not even the ":" of an empty one', () => {
    expectOne('mongodb://:p@h/?authMechanism=MONGODB-AWS', 'auth-password-forbidden', 'error', 'p');
    expectOne('mongodb://u:@h/?authMechanism=MONGODB-AWS', 'auth-password-forbidden', 'error', ':', /remove the ":"/);
  });

  it('MONGODB-OIDC takes no password', () => {
    expectOne('mongodb://u:p@h/?authMechanism=MONGODB-OIDC&authMechanismProperties=ENVIRONMENT:azure,TOKEN_RESOURCE:x', 'auth-password-forbidden', 'error', 'p');
  });
});

describe('auth-source-invalid', () => {
  it('GSSAPI and MONGODB-X509 need authSource=$external, with a fix that writes it', () => {
    const p = expectOne('mongodb://h/?authMechanism=MONGODB-X509&authSource=admin', 'auth-source-invalid', 'error', 'authSource=admin', /authenticates against \$external/);
    assert.equal(p.data?.replacement, 'authSource=$external');
    expectOne('mongodb://u@h/?authMechanism=GSSAPI&authSource=admin', 'auth-source-invalid', 'error', 'authSource=admin');
    expectClean('mongodb://h/?authMechanism=MONGODB-X509&authSource=$external&tls=true');
  });

  it('PLAIN and SCRAM take any authSource', () => {
    expectClean('mongodb://u:p@h/?authMechanism=PLAIN&authSource=admin');
    expectClean('mongodb://u:p@h/?authSource=$external');
  });
});

describe('auth-property-invalid', () => {
  it('authMechanismProperties without authMechanism is a warning', () => {
    expectOne('mongodb://u@h/?authMechanismProperties=SERVICE_NAME:x', 'auth-property-invalid', 'warning', 'authMechanismProperties=SERVICE_NAME:x', /no effect without authMechanism/);
  });

  it('a mechanism that takes no properties makes any property an error', () => {
    expectOne('mongodb://u:p@h/?authMechanism=SCRAM-SHA-256&authMechanismProperties=FOO:bar', 'auth-property-invalid', 'error', 'FOO:bar', /SCRAM-SHA-256 takes no authMechanismProperties \("FOO" given\)/);
    expectOne('mongodb://h/?authMechanism=MONGODB-AWS&authMechanismProperties=FOO:x', 'auth-property-invalid', 'error');
  });

  it('an unknown GSSAPI property is a warning that lists the known ones; names are case-insensitive', () => {
    expectOne('mongodb://u@h/?authMechanism=GSSAPI&authMechanismProperties=FOO:bar', 'auth-property-invalid', 'warning', 'FOO:bar', /It takes: SERVICE_NAME, CANONICALIZE_HOST_NAME, SERVICE_REALM, SERVICE_HOST/);
    expectClean('mongodb://u@h/?authMechanism=GSSAPI&authMechanismProperties=service_name:x');
  });

  it('an unknown MONGODB-OIDC property is an error', () => {
    expectOne(`${OIDC}ENVIRONMENT:test,FOO:x`, 'auth-property-invalid', 'error', 'ENVIRONMENT:test,FOO:x', /does not take the property "FOO"/);
    expectClean(`${OIDC}ENVIRONMENT:test`);
  });

  it('properties that can only be set in code are an error: AWS_SESSION_TOKEN, ALLOWED_HOSTS', () => {
    expectOne('mongodb://h/?authMechanism=MONGODB-AWS&authMechanismProperties=AWS_SESSION_TOKEN:x', 'auth-property-invalid', 'error', 'AWS_SESSION_TOKEN:x', /drivers read AWS credentials from the environment/);
    expectOne(`${OIDC}ENVIRONMENT:test,ALLOWED_HOSTS:x`, 'auth-property-invalid', 'error', undefined, /ALLOWED_HOSTS cannot be set in the connection string; set it in code/);
  });

  it('a value outside the listed ones is an error: CANONICALIZE_HOST_NAME, ENVIRONMENT', () => {
    expectOne('mongodb://u@h/?authMechanism=GSSAPI&authMechanismProperties=SERVICE_NAME:x,CANONICALIZE_HOST_NAME:bad', 'auth-property-invalid', 'error', undefined, /CANONICALIZE_HOST_NAME:bad is not valid/);
    expectClean('mongodb://u@h/?authMechanism=GSSAPI&authMechanismProperties=CANONICALIZE_HOST_NAME:forward');
    expectOne(`${OIDC}ENVIRONMENT:foo`, 'auth-property-invalid', 'error', 'ENVIRONMENT:foo', /Expected one of: test, azure, gcp, k8s/);
  });

  it('TOKEN_RESOURCE with ENVIRONMENT test or k8s is an error', () => {
    expectOne(`${OIDC}ENVIRONMENT:test,TOKEN_RESOURCE:x`, 'auth-property-invalid', 'error', undefined, /TOKEN_RESOURCE only applies to ENVIRONMENT azure or gcp, not test\.$/);
    expectClean(`${OIDC}ENVIRONMENT:gcp,TOKEN_RESOURCE:mongodb://x`);
  });

  it('gssapiServiceName with another mechanism is a warning', () => {
    expectOne('mongodb://u:p@h/?authMechanism=SCRAM-SHA-256&gssapiServiceName=x', 'auth-property-invalid', 'warning', 'gssapiServiceName=x', /only applies to GSSAPI, not SCRAM-SHA-256/);
    assert.ok(!uriProblems('mongodb://u@h/?authMechanism=GSSAPI&gssapiServiceName=x').some((p) => p.id === 'auth-property-invalid'));
  });
});

describe('auth-property-missing', () => {
  it('MONGODB-OIDC needs ENVIRONMENT in a connection string', () => {
    expectOne('mongodb://h/?authMechanism=MONGODB-OIDC', 'auth-property-missing', 'error', 'authMechanism=MONGODB-OIDC', /needs authMechanismProperties=ENVIRONMENT/);
    expectClean(`${OIDC}ENVIRONMENT:test`);
  });

  it('ENVIRONMENT azure or gcp needs TOKEN_RESOURCE', () => {
    expectOne(`${OIDC}ENVIRONMENT:azure`, 'auth-property-missing', 'error', 'ENVIRONMENT:azure', /ENVIRONMENT:azure needs TOKEN_RESOURCE/);
    expectClean(`${OIDC}ENVIRONMENT:gcp,TOKEN_RESOURCE:mongodb://x`);
  });

  it('a comma in a property value drops the whole option with a warning, and no property is then reported missing', () => {
    const ps = uriProblems(`${OIDC}ENVIRONMENT:azure,TOKEN_RESOURCE:mongodb://host1%2Chost2`);
    assert.deepEqual(ps.map((p) => [p.id, p.sev]), [['option-invalid-value', 'warning']]);
    assert.match(ps[0].msg, /contains a comma \("host2"\)/);
  });
});
