/**
 * Option values as the Node.js driver (mongodb 7.x) converts them (rules/nodeOptions.ts), and what the Node
 * profile reports about them. A case the driver rejects has an error; a near miss it accepts has none
 * (warnings may remain).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findOption } from '../../../server/src/service/data/uriOptions';
import { convertForNode, nodeEntries, nodeMechanismProperties, nodeParseInt, resolveNodeOptions } from '../../../server/src/service/rules/nodeOptions';
import { readAsNodeDriver } from '../../../server/src/service/uri/nodeUri';
import { parseConnectionString } from '../../../server/src/service/uri/parser';
import { expectClean, expectNoError, expectOne, settingsWith } from '../../helpers/problems';

const node = settingsWith({ driver: 'node' });
const convert = (name: string, value: string) => convertForNode(findOption(name)!, value);

describe('nodeParseInt', () => {
  it('reads like Number.parseInt: leading white space, a sign, then the digits there are', () => {
    assert.equal(nodeParseInt(' 10'), 10);
    assert.equal(nodeParseInt('\u00a012'), 12);
    assert.equal(nodeParseInt('+5'), 5);
    assert.equal(nodeParseInt('-3x'), -3);
    assert.equal(nodeParseInt('1.5'), 1);
  });

  it('is undefined without a digit', () => {
    for (const s of ['', 'abc', '-', 'x1']) assert.equal(nodeParseInt(s), undefined, s);
  });
});

describe('nodeEntries and nodeMechanismProperties', () => {
  it('split k:v pairs at the first ":", a value ending at a line break', () => {
    assert.deepEqual(nodeEntries(''), { entries: [] });
    assert.deepEqual(nodeEntries('a:b,c:d:e'), { entries: [['a', 'b'], ['c', 'd:e']] });
    assert.deepEqual(nodeEntries('a:b\nc'), { entries: [['a', 'b']] });
  });

  it('a pair without ":" (or an empty one) is bad', () => {
    assert.deepEqual(nodeEntries('a:b,c'), { bad: 'c' });
    assert.deepEqual(nodeEntries('a:b,'), { bad: '' });
  });

  it('mechanism properties keep the case of their keys and turn true and false into booleans', () => {
    assert.deepEqual(nodeMechanismProperties('A:true,b:false,C:x'), { A: true, b: false, C: 'x' });
    assert.equal(nodeMechanismProperties('A:x,B'), undefined);
  });
});

describe('convertForNode', () => {
  it('converts family, compressors and w to their types', () => {
    assert.deepEqual(convert('family', '6'), { ok: true, value: 6 });
    assert.deepEqual(convert('compressors', 'zlib,zstd'), { ok: true, value: ['zlib', 'zstd'] });
    assert.deepEqual(convert('w', '2'), { ok: true, value: 2 });
    assert.deepEqual(convert('w', 'majority'), { ok: true, value: 'majority' });
    assert.deepEqual(convert('readPreferenceTags', ''), { ok: true, value: {} });
  });

  it('takes ignored options as they are', () => {
    assert.deepEqual(convert('timeoutMS', 'abc'), { ok: true, value: 'abc' });
  });

  it('rejects options the driver lacks, object-only keys, negative maxStalenessSeconds and ALLOWED_HOSTS', () => {
    assert.equal(convert('tlsDisableOCSPEndpointCheck', 'true').ok, false);
    const driverInfo = convert('driverInfo', 'x');
    assert.ok(!driverInfo.ok && /passed in code/.test(driverInfo.message));
    const staleness = convert('maxStalenessSeconds', '-1');
    assert.ok(!staleness.ok && /must not be negative/.test(staleness.message));
    assert.equal(convert('authMechanismProperties', 'ALLOWED_HOSTS:x').ok, false);
  });
});

describe('resolveNodeOptions', () => {
  it('reads only the first spelling of each key, with the driver\'s decoding and conversion', () => {
    const t = 'mongodb://h/?replicaSet=a&REPLICASET=b&connectTimeoutMS=10abc&appName=my+app';
    const r = resolveNodeOptions(parseConnectionString(t), readAsNodeDriver(t));
    assert.deepEqual(r.shadowed.map((s) => [s.item.key, s.first.key]), [['REPLICASET', 'replicaSet']]);
    assert.deepEqual(r.index.all.map((o) => [o.part.key.value, o.value]), [['replicaSet', 'a'], ['connectTimeoutMS', 10], ['appName', 'my app']]);
  });
});

describe('Keys: folded with Unicode lower-casing', () => {
  it('the Kelvin sign folds to "k": "Key" is a known key, "Keys" is not', () => {
    expectClean('mongodb://h/?%E2%84%AAey=x', node);
    expectOne('mongodb://h/?%E2%84%AAeys=x', 'option-unknown', 'error', '%E2%84%AAeys', undefined, node);
  });
});

describe('Keys: unknown keys, and spec options the driver lacks, are rejected', () => {
  it('an unknown key is an error', () => {
    expectOne('mongodb://h/?foo=bar', 'option-unknown', 'error', 'foo', undefined, node);
    expectClean('mongodb://h/?noDelay=false&autoSelectFamily=true&monitorCommands=true', node);
  });

  it('a spec option the driver does not support is an error', () => {
    expectOne('mongodb://h/?tlsDisableOCSPEndpointCheck=true', 'option-unsupported-by-driver', 'error', 'tlsDisableOCSPEndpointCheck', undefined, node);
    expectOne('mongodb://h/?serverSelectionTryOnce=false', 'option-unsupported-by-driver', 'error', 'serverSelectionTryOnce', undefined, node);
    expectOne('mongodb://h/?gssapiServiceName=svc', 'option-unsupported-by-driver', 'error', 'gssapiServiceName', undefined, node);
  });

  it('a Node.js option that can only be set in code is an error', () => {
    expectOne('mongodb://h/?serverApi=1', 'option-driver-specific', 'error', 'serverApi', undefined, node);
  });
});

describe('Empty values: rejected except for readPreferenceTags and timeoutMS', () => {
  it('an empty value or a key without "=" is an error', () => {
    expectOne('mongodb://h/?maxIdleTimeMS=', 'option-empty-value', 'error', 'maxIdleTimeMS=', /rejects options without a value/, node);
    expectOne('mongodb://h/?w', 'option-no-value', 'error', 'w', undefined, node);
    expectOne('mongodb://h/?replicaSet=', 'option-empty-value', 'error', 'replicaSet=', undefined, node);
  });

  it('readPreferenceTags and timeoutMS may be empty, with or without "="', () => {
    expectClean('mongodb://h/?readPreferenceTags=', node);
    expectNoError('mongodb://h/?readPreferenceTags', node);
    expectOne('mongodb://h/?readPreferenceTags', 'option-no-value', 'warning', 'readPreferenceTags', undefined, node);
    expectNoError('mongodb://h/?timeoutMS=', node);
    expectOne('mongodb://h/?timeoutMS=', 'option-empty-value', 'warning', 'timeoutMS=', /ignores timeoutMS anyway/, node);
    expectNoError('mongodb://h/?timeoutMS', node);
  });
});

describe('Booleans: only true and false', () => {
  it('any other spelling is an error', () => {
    expectOne('mongodb://h/?retryWrites=TRUE', 'option-invalid-value', 'error', 'TRUE', /The Node\.js driver refuses the connection string at start-up/, node);
    expectOne('mongodb://h/?journal=1', 'option-invalid-value', 'error', '1', undefined, node);
    expectOne('mongodb://h/?tls=yes', 'option-invalid-value', 'error', 'yes', undefined, node);
    expectClean('mongodb://h/?retryWrites=false', node);
  });
});

describe('Integers: read with Number.parseInt', () => {
  it('a value that starts with an integer is accepted as that integer, with a warning', () => {
    for (const [uri, read] of [['mongodb://h/?connectTimeoutMS=10abc', 10], ['mongodb://h/?connectTimeoutMS=1.5', 1], ['mongodb://h/?connectTimeoutMS=%2010', 10], ['mongodb://h/?maxConnecting=1x', 1]] as const) {
      expectNoError(uri, node);
      expectOne(uri, 'option-invalid-value', 'warning', undefined, new RegExp(`reads it as ${read}\\.$`), node);
    }
  });

  it('the driver checks no range but its own: out-of-range values are a warning', () => {
    for (const uri of ['mongodb://h/?heartbeatFrequencyMS=100', 'mongodb://h/?zlibCompressionLevel=99', 'mongodb://h/?zlibCompressionLevel=-5']) {
      expectNoError(uri, node);
      expectOne(uri, 'option-invalid-value', 'warning', undefined, /out of range/, node);
    }
  });

  it('a value without a leading integer, or a negative unsigned one, is an error', () => {
    expectOne('mongodb://h/?connectTimeoutMS=abc', 'option-invalid-value', 'error', 'abc', undefined, node);
    expectOne('mongodb://h/?connectTimeoutMS=-1', 'option-invalid-value', 'error', '-1', undefined, node);
    expectOne('mongodb://h/?maxConnecting=0x', 'option-invalid-value', 'error', '0x', undefined, node);
  });
});

describe('maxStalenessSeconds: positive only, and dropped without a readPreference', () => {
  it('-1 and 0 are rejected; 10 is accepted with a warning', () => {
    expectOne('mongodb://h/?readPreference=secondary&maxStalenessSeconds=-1', 'node-option-rejected', 'error', '-1', /must not be negative/, node);
    expectOne('mongodb://h/?readPreference=secondary&maxStalenessSeconds=0', 'option-invalid-value', 'error', '0', undefined, node);
    expectNoError('mongodb://h/?readPreference=secondary&maxStalenessSeconds=10', node);
  });

  it('with readPreference=primary it is rejected; with no mode it is silently dropped', () => {
    expectOne('mongodb://h/?readPreference=primary&maxStalenessSeconds=120', 'read-preference-conflict', 'error', 'maxStalenessSeconds=120', undefined, node);
    expectNoError('mongodb://h/?maxStalenessSeconds=120', node);
    expectOne('mongodb://h/?maxStalenessSeconds=120', 'read-preference-conflict', 'warning', 'maxStalenessSeconds=120', /drops maxStalenessSeconds/, node);
  });
});

describe('readPreferenceTags: key:value pairs, not checked against the mode', () => {
  it('a pair without ":" (or an empty one after ",") is rejected; an empty key is accepted', () => {
    expectOne('mongodb://h/?readPreference=nearest&readPreferenceTags=invalid', 'option-invalid-value', 'error', 'invalid', undefined, node);
    expectOne('mongodb://h/?readPreference=nearest&readPreferenceTags=dc:ny,', 'option-invalid-value', 'error', 'dc:ny,', undefined, node);
    expectNoError('mongodb://h/?readPreference=nearest&readPreferenceTags=:ny', node);
    expectOne('mongodb://h/?readPreference=nearest&readPreferenceTags=:ny', 'option-invalid-value', 'warning', ':ny', /The Node\.js driver accepts it\./, node);
  });

  it('tags with the primary mode are only a warning', () => {
    expectNoError('mongodb://h/?readPreference=primary&readPreferenceTags=dc:ny', node);
    expectOne('mongodb://h/?readPreference=primary&readPreferenceTags=dc:ny', 'read-preference-conflict', 'warning', 'readPreferenceTags=dc:ny', /the tags never apply/, node);
    expectNoError('mongodb://h/?readPreferenceTags=dc:ny', node);
  });
});

describe('Enumerations: exact, case-sensitive values', () => {
  it('a value in another case is rejected', () => {
    expectOne('mongodb://h/?readPreference=Secondary', 'option-invalid-value', 'error', 'Secondary', undefined, node);
    expectOne('mongodb://h/?serverMonitoringMode=POLL', 'option-invalid-value', 'error', 'POLL', undefined, node);
    expectOne('mongodb://h/?compressors=ZLIB', 'node-option-rejected', 'error', 'ZLIB', undefined, node);
  });

  it('an empty compressor is rejected; "none" is a compressor for the driver', () => {
    expectOne('mongodb://h/?compressors=zlib,', 'node-option-rejected', 'error', 'zlib,', /rejects the compressor ""/, node);
    expectClean('mongodb://h/?compressors=none', node);
  });

  it('readConcernLevel takes any value', () => {
    expectClean('mongodb://h/?readConcernLevel=futureLevel', node);
  });
});

describe('Write concern: w is never rejected, and journal is not checked against it', () => {
  it('w=-1 is read as -1 with a warning; w=0 with journal=true is a warning', () => {
    expectNoError('mongodb://h/?w=-1', node);
    expectOne('mongodb://h/?w=-1', 'option-invalid-value', 'warning', '-1', /reads it as -1/, node);
    expectNoError('mongodb://h/?w=0&journal=true', node);
    expectOne('mongodb://h/?w=0&journal=true', 'write-concern-conflict', 'warning', 'journal=true', /does not check it/, node);
  });

  it('writeConcern takes only majority', () => {
    expectClean('mongodb://h/?writeConcern=majority', node);
    expectOne('mongodb://h/?writeConcern=1', 'option-invalid-value', 'error', '1', undefined, node);
  });
});

describe('Node-only options: their own types', () => {
  it('family is 4 or 6, read with Number.parseInt', () => {
    expectNoError('mongodb://h/?family=4abc', node);
    expectOne('mongodb://h/?family=4abc', 'option-invalid-value', 'warning', '4abc', /reads it as 4/, node);
    expectOne('mongodb://h/?family=5', 'option-invalid-value', 'error', '5', undefined, node);
  });

  it('mongodbLogPath is stderr or stdout', () => {
    expectClean('mongodb://h/?mongodbLogPath=stderr', node);
    expectOne('mongodb://h/?mongodbLogPath=file.log', 'option-invalid-value', 'error', 'file.log', undefined, node);
  });

  it('rejectUnauthorized is kept as text, unconverted', () => {
    expectNoError('mongodb://h/?rejectUnauthorized=False', node);
    expectOne('mongodb://h/?rejectUnauthorized=False', 'option-invalid-value', 'warning', 'False', /as text, unconverted/, node);
  });

  it('options that take an object or a function are rejected', () => {
    expectOne('mongodb://h/?driverInfo=x', 'node-option-rejected', 'error', 'x', /passed in code/, node);
    expectOne('mongodb://h/?readConcern=majority', 'node-option-rejected', 'error', 'majority', undefined, node);
    expectOne('mongodb://h/?srvHostValidator=x', 'option-driver-specific', 'error', 'srvHostValidator', undefined, node);
  });
});

describe('srvAllowedHostsSuffix: a domain, with mongodb+srv only', () => {
  it('a domain of two labels or a known single label is accepted', () => {
    expectClean('mongodb+srv://h.example.com/?srvAllowedHostsSuffix=example.com', node);
    expectClean('mongodb+srv://h.example.com/?srvAllowedHostsSuffix=local', node);
  });

  it('a single unknown label or no label at all is rejected', () => {
    expectOne('mongodb+srv://h.example.com/?srvAllowedHostsSuffix=com', 'node-option-rejected', 'error', 'com', /needs at least two labels/, node);
    expectOne('mongodb+srv://h.example.com/?srvAllowedHostsSuffix=..', 'node-option-rejected', 'error', '..', /at least one domain label/, node);
  });

  it('with mongodb:// it is rejected', () => {
    expectOne('mongodb://h/?srvAllowedHostsSuffix=example.com', 'node-option-rejected', 'error', 'srvAllowedHostsSuffix=example.com', /only applies to mongodb\+srv:\/\//, node);
  });
});

describe('Proxy options: values are tested for truth', () => {
  it('proxyPort=0 without proxyHost passes; other proxy options without it are rejected', () => {
    expectNoError('mongodb://h/?proxyPort=0', node);
    expectOne('mongodb://h/?proxyPort=0', 'proxy-host-required', 'warning', 'proxyPort=0', /lets proxyPort=0 through/, node);
    expectOne('mongodb://h/?proxyPort=1080', 'proxy-host-required', 'error', 'proxyPort=1080', undefined, node);
    expectOne('mongodb://h/?proxyHost=p&proxyUsername=u', 'proxy-credentials-incomplete', 'error', 'proxyUsername=u', undefined, node);
  });
});

describe('timeoutMS: accepted and ignored', () => {
  it('any value is accepted, with the driver\'s warning that it has no effect', () => {
    expectNoError('mongodb://h/?timeoutMS=abc', node);
    expectOne('mongodb://h/?timeoutMS=abc', 'node-option-ignored', 'warning', 'timeoutMS', /has no effect/, node);
    expectNoError('mongodb://h/?timeoutMS=100', node);
  });
});
