/** Rules that relate several options (rules/crossOptions.ts). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { expectClean, expectOne, uriProblems, expectNone, expectNoError, settingsWith } from '../../helpers/problems';

describe('tls-ssl-mismatch', () => {
  it('tls and ssl with different values are an error under the later one', () => {
    expectOne('mongodb://h/?tls=true&ssl=false', 'tls-ssl-mismatch', 'error', 'ssl=false', /ssl=false contradicts tls=true/);
    expectClean('mongodb://h/?tls=true&ssl=true');
  });

  it('every occurrence that contradicts the first one is reported', () => {
    const ps = uriProblems('mongodb://h/?ssl=false&tls=true&tls=true').filter((p) => p.id === 'tls-ssl-mismatch');
    assert.deepEqual(ps.map((p) => p.text), ['tls=true', 'tls=true']);
  });
});

describe('tls-option-conflict', () => {
  it('tlsInsecure with tlsAllowInvalidCertificates is an error whatever the values', () => {
    expectOne('mongodb://h/?tlsInsecure=true&tlsAllowInvalidCertificates=false', 'tls-option-conflict', 'error', 'tlsAllowInvalidCertificates=false', /cannot be combined with tlsInsecure \(whatever their values\)/);
    expectNone('mongodb://h/?tlsInsecure=true', 'tls-option-conflict');
    expectNoError('mongodb://h/?tlsInsecure=true');
  });

  it('the conflict is reported under whichever of the pair comes second', () => {
    expectOne('mongodb://h/?tlsAllowInvalidHostnames=true&tlsInsecure=true', 'tls-option-conflict', 'error', 'tlsInsecure=true', /cannot be combined with tlsAllowInvalidHostnames/);
  });

  it('the OCSP and revocation options conflict with each other and with tlsAllowInvalidCertificates', () => {
    expectOne('mongodb://h/?tlsDisableOCSPEndpointCheck=true&tlsDisableCertificateRevocationCheck=true', 'tls-option-conflict', 'error', 'tlsDisableCertificateRevocationCheck=true');
    expectOne('mongodb://h/?tlsAllowInvalidCertificates=true&tlsDisableCertificateRevocationCheck=true', 'tls-option-conflict', 'error', 'tlsDisableCertificateRevocationCheck=true');
  });

  it('tlsAllowInvalidHostnames conflicts only with tlsInsecure', () => {
    expectNone('mongodb://h/?tlsAllowInvalidCertificates=true&tlsAllowInvalidHostnames=true', 'tls-option-conflict');
    expectNoError('mongodb://h/?tlsAllowInvalidCertificates=true&tlsAllowInvalidHostnames=true');
  });
});

describe('direct-connection-conflict', () => {
  it('directConnection=true with three hosts is an error', () => {
    expectOne('mongodb://a,b,c/?directConnection=true', 'direct-connection-conflict', 'error', 'directConnection=true', /3 are given/);
    expectClean('mongodb://a,b/?directConnection=false');
  });

  it('directConnection=true with mongodb+srv is an error', () => {
    expectOne('mongodb+srv://c.example.com/?directConnection=true', 'direct-connection-conflict', 'error', 'directConnection=true', /cannot be used with mongodb\+srv/);
    expectClean('mongodb://a/?directConnection=true');
  });
});

describe('load-balanced-conflict', () => {
  it('loadBalanced=true with more than one host is an error', () => {
    expectOne('mongodb://a,b/?loadBalanced=true', 'load-balanced-conflict', 'error', 'loadBalanced=true', /needs exactly one host \(the load balancer\); 2 are given/);
    expectClean('mongodb://a/?loadBalanced=true');
  });

  it('loadBalanced=true with replicaSet or directConnection=true is an error under the other option', () => {
    expectOne('mongodb://a/?loadBalanced=true&replicaSet=rs', 'load-balanced-conflict', 'error', 'replicaSet=rs', /replicaSet cannot be used with loadBalanced=true/);
    expectOne('mongodb://a/?loadBalanced=true&directConnection=true', 'load-balanced-conflict', 'error', 'directConnection=true', /directConnection=true cannot be used with loadBalanced=true/);
    expectClean('mongodb://a/?loadBalanced=true&directConnection=false');
  });
});

describe('srv-max-hosts-conflict', () => {
  it('srvMaxHosts above 0 with replicaSet or loadBalanced=true is an error', () => {
    expectOne('mongodb+srv://c.example.com/?srvMaxHosts=1&replicaSet=rs', 'srv-max-hosts-conflict', 'error', 'srvMaxHosts=1', /cannot be used with replicaSet/);
    expectOne('mongodb+srv://c.example.com/?srvMaxHosts=1&loadBalanced=true', 'srv-max-hosts-conflict', 'error', 'srvMaxHosts=1', /cannot be used with loadBalanced=true/);
  });

  it('srvMaxHosts=0 goes with anything', () => {
    expectClean('mongodb+srv://c.example.com/?srvMaxHosts=0&replicaSet=rs&loadBalanced=false');
    expectClean('mongodb+srv://c.example.com/?srvMaxHosts=0&loadBalanced=true');
  });
});

describe('proxy-host-required', () => {
  it('proxyPort, proxyUsername or proxyPassword without proxyHost is an error under each', () => {
    expectOne('mongodb://h/?proxyPort=1080', 'proxy-host-required', 'error', 'proxyPort=1080', /no effect without proxyHost/);
    const ps = uriProblems('mongodb://h/?proxyUsername=u&proxyPassword=p').filter((p) => p.id === 'proxy-host-required');
    assert.deepEqual(ps.map((p) => [p.text, p.sev]), [['proxyUsername=u', 'error'], ['proxyPassword=p', 'error']]);
    expectClean('mongodb://h/?proxyHost=p&proxyUsername=u&proxyPassword=x&proxyPort=1080');
  });
});

describe('proxy-credentials-incomplete', () => {
  it('proxyUsername and proxyPassword go together', () => {
    expectOne('mongodb://h/?proxyHost=p&proxyUsername=u', 'proxy-credentials-incomplete', 'error', 'proxyUsername=u', /needs proxyPassword/);
    expectOne('mongodb://h/?proxyHost=p&proxyPassword=x', 'proxy-credentials-incomplete', 'error', 'proxyPassword=x', /needs proxyUsername/);
    expectClean('mongodb://h/?proxyHost=p&proxyUsername=u&proxyPassword=x');
  });
});

describe('read-preference-conflict', () => {
  it('readPreference primary (explicit or default) with tags or maxStalenessSeconds is an error', () => {
    expectOne('mongodb://h/?readPreferenceTags=dc:ny', 'read-preference-conflict', 'error', 'readPreferenceTags=dc:ny', /default read preference/);
    expectOne('mongodb://h/?readPreference=primary&maxStalenessSeconds=120', 'read-preference-conflict', 'error', 'maxStalenessSeconds=120');
    expectClean('mongodb://h/?readPreference=nearest&readPreferenceTags=dc:ny&readPreferenceTags=');
    expectClean('mongodb://h/?readPreferenceTags=');
  });

  it('a readPreference written but not valid conflicts with nothing: its own problem says what is wrong', () => {
    for (const driver of ['spec', 'node'] as const) {
      const found = uriProblems('mongodb://h/?readPreference=secondaryPrefered&maxStalenessSeconds=120&readPreferenceTags=dc:ny', settingsWith({ driver })).map((p) => p.id);
      assert.deepEqual(found, ['option-invalid-value'], driver);
    }
  });

  it('maxStalenessSeconds=-1 (no maximum) goes with primary', () => {
    expectClean('mongodb://h/?readPreference=primary&maxStalenessSeconds=-1');
  });
});

describe('write-concern-conflict', () => {
  it('w=0 with journal=true is an error', () => {
    expectOne('mongodb://h/?w=0&journal=true', 'write-concern-conflict', 'error', 'journal=true');
    expectClean('mongodb://h/?w=0&journal=false');
  });
});

describe('pool-size-conflict', () => {
  it('minPoolSize above maxPoolSize is an error (unless maxPoolSize is 0)', () => {
    expectOne('mongodb://h/?minPoolSize=50&maxPoolSize=10', 'pool-size-conflict', 'error', 'minPoolSize=50', /50.*10/);
    expectClean('mongodb://h/?minPoolSize=50&maxPoolSize=0');
  });
});

describe('max-staleness-too-small', () => {
  it('maxStalenessSeconds below heartbeatFrequencyMS/1000 + 10 is a warning', () => {
    const base = 'mongodb://h/?readPreference=secondary&heartbeatFrequencyMS=90000&maxStalenessSeconds=';
    expectOne(`${base}90`, 'max-staleness-too-small', 'warning', 'maxStalenessSeconds=90', /at least heartbeatFrequencyMS\/1000 \+ 10 = 100 seconds/);
    expectClean(`${base}100`);
  });

  it('exactly the minimum is fine (heartbeat 80 s: 90 s)', () => {
    expectClean('mongodb://h/?readPreference=secondary&heartbeatFrequencyMS=80000&maxStalenessSeconds=90');
  });
});
