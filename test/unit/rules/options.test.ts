/** Per-option checks: syntax, known key, value type and range, duplicates, deprecation (rules/options.ts). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { expectClean, expectOne, problemsOf, settingsWith, uriProblems } from '../../helpers/problems';

describe('option-invalid-value: integers out of range', () => {
  it('heartbeatFrequencyMS below 500 is a warning', () => {
    expectOne('mongodb://h/?heartbeatFrequencyMS=100', 'option-invalid-value', 'warning', '100', /heartbeatFrequencyMS=100 is out of range/);
    expectClean('mongodb://h/?heartbeatFrequencyMS=500');
  });

  it('maxStalenessSeconds from 1 to 89 is a warning; -1 and 90 or more are fine', () => {
    expectOne('mongodb://h/?readPreference=secondary&maxStalenessSeconds=30', 'option-invalid-value', 'warning', '30');
    expectClean('mongodb://h/?readPreference=secondary&maxStalenessSeconds=90');
    expectClean('mongodb://h/?readPreference=secondary&maxStalenessSeconds=-1');
  });

  it('the spec tests\' out-of-range values are warnings: zlibCompressionLevel 10, maxConnecting 0, timeoutMS -2', () => {
    expectOne('mongodb://h/?zlibCompressionLevel=10', 'option-invalid-value', 'warning', '10', /must be -1–9/);
    expectOne('mongodb://h/?maxConnecting=0', 'option-invalid-value', 'warning', '0');
    expectOne('mongodb://h/?timeoutMS=-2', 'option-invalid-value', 'warning', '-2', /must be ≥ 0/);
    expectClean('mongodb://h/?zlibCompressionLevel=9&maxConnecting=1&timeoutMS=0');
  });
});

describe('option-invalid-value: booleans and enumerations', () => {
  it('a boolean in the wrong case is a warning with the lower-case fix', () => {
    const p = expectOne('mongodb://h/?retryWrites=TRUE', 'option-invalid-value', 'warning', 'TRUE', /must be written "true" in lower case/);
    assert.equal(p.data?.replacement, 'true');
    expectClean('mongodb://h/?retryWrites=true');
  });

  it('a legacy boolean spelling (1, yes) is a warning with the canonical fix', () => {
    const p = expectOne('mongodb://h/?loadBalanced=1', 'option-invalid-value', 'warning', '1', /legacy spelling/);
    assert.equal(p.data?.replacement, 'true');
    expectOne('mongodb://h/?journal=yes', 'option-invalid-value', 'warning', 'yes', /Use true/);
  });

  it('any other boolean value is a warning offering both true and false', () => {
    const p = expectOne('mongodb://h/?journal=maybe', 'option-invalid-value', 'warning', 'maybe', /must be true or false, not "maybe"/);
    assert.equal(p.data?.replacement, 'true');
    assert.deepEqual(p.data?.alternatives, [{ replacement: 'false', title: 'Change to false' }]);
  });

  it('a typo of true or false has one fix, and the message says what each driver does', () => {
    const p = expectOne('mongodb://h/?retryWrites=ture', 'option-invalid-value', 'warning', 'ture', /Did you mean true\?/);
    assert.equal(p.data?.replacement, 'true');
    assert.equal(p.data?.alternatives, undefined);
    assert.match(p.msg, /Drivers that follow the specification ignore the option with a warning; the Node\.js driver refuses the connection string at start-up\./);
  });

  it('w one or two letters from majority is a typo of majority; other names are custom write concerns', () => {
    const p = expectOne('mongodb://h/?w=majorty', 'option-invalid-value', 'warning', 'majorty', /Did you mean majority\?/);
    assert.equal(p.data?.replacement, 'majority');
    assert.match(p.msg, /Drivers pass it on to the server as it is/);
    expectOne('mongodb://h/?w=MAJORITY', 'option-invalid-value', 'warning', 'MAJORITY');
    expectClean('mongodb://h/?w=majority');
    expectClean('mongodb://h/?w=multiDataCenter');
    expectClean('mongodb://h/?w=2');
  });

  it('an unknown readPreference mode is a warning with the modes', () => {
    expectOne('mongodb://h/?readPreference=secondaryPrefered', 'option-invalid-value', 'warning', 'secondaryPrefered', /Did you mean secondaryPreferred\?/);
    expectOne('mongodb://h/?readPreference=fastest', 'option-invalid-value', 'warning', 'fastest', /primaryPreferred/);
    expectClean('mongodb://h/?readPreference=secondaryPreferred');
  });

  it('readPreference in the wrong case is a warning with a fix', () => {
    const p = expectOne('mongodb://h/?readPreference=SECONDARY', 'option-invalid-value', 'warning', 'SECONDARY');
    assert.equal(p.data?.replacement, 'secondary');
  });

  it('readConcernLevel and w take any string', () => {
    expectClean('mongodb://h/?replicaSet=rs0&readConcernLevel=futureLevel&w=arbitraryButStillValid');
  });
});

describe('option-invalid-value: compressors, srvServiceName, appName', () => {
  it('an unknown compressor is a warning under its name', () => {
    expectOne('mongodb://h/?compressors=zlib,lz4,zstd', 'option-invalid-value', 'warning', 'lz4', /Unknown compressor "lz4"/);
    expectClean('mongodb://h/?compressors=snappy,zlib,zstd');
  });

  it('an empty compressor name is a warning under the whole value', () => {
    expectOne('mongodb://h/?compressors=zlib,,zstd', 'option-invalid-value', 'warning', 'zlib,,zstd', /Empty compressor name/);
  });

  it('in an encoded value the unknown compressor is reported under the whole value', () => {
    expectOne('mongodb://h/?compressors=zl%69b,lz4', 'option-invalid-value', 'warning', 'zl%69b,lz4', /"lz4"/);
  });

  it('srvServiceName must be an RFC 6335 service name', () => {
    expectOne('mongodb+srv://h.example.com/?srvServiceName=my_svc', 'option-invalid-value', 'warning', 'my_svc', /not a valid service name/);
    expectOne('mongodb+srv://h.example.com/?srvServiceName=123', 'option-invalid-value', 'warning', '123');
    expectClean('mongodb+srv://h.example.com/?srvServiceName=customname');
  });

  it('appname over 128 bytes is a warning', () => {
    expectOne(`mongodb://h/?appname=${'é'.repeat(65)}`, 'option-invalid-value', 'warning', undefined, /130 bytes/);
    expectClean(`mongodb://h/?appName=${'a'.repeat(128)}`);
  });
});

describe('option-no-value', () => {
  it('a key without "=" is an error', () => {
    expectOne('mongodb://h/?w;journal=true', 'option-no-value', 'error', 'w', /has no "=" and no value/);
    expectClean('mongodb://h/?w=1');
  });

  it('a value without a key is an error', () => {
    expectOne('mongodb://h/?=1', 'option-no-value', 'error', '=1', /without a name/);
    expectOne('mongodb://h/?w=1&=x', 'option-no-value', 'error', '=x');
  });
});

describe('option-empty-value', () => {
  it('an empty value is a warning and the option is ignored', () => {
    expectOne('mongodb://h/?maxIdleTimeMS=', 'option-empty-value', 'warning', 'maxIdleTimeMS=', /empty value and is ignored/);
    expectOne('mongodb://h/?journal=', 'option-empty-value', 'warning', 'journal=');
    expectOne('mongodb://h/?replicaSet=', 'option-empty-value', 'warning', 'replicaSet=');
    expectClean('mongodb://h/?replicaSet=rs0');
  });

  it('an empty readPreferenceTags is the empty tag set, not an empty value', () => {
    expectClean('mongodb://h/?readPreference=nearest&readPreferenceTags=');
  });
});

describe('option-invalid-escape', () => {
  it('a "%" that does not start an escape is a warning, in the key or in the value', () => {
    expectOne('mongodb://h/?a%zz=1', 'option-invalid-escape', 'warning', '%zz', /option name/);
    expectOne('mongodb://h/?appName=a%zz', 'option-invalid-escape', 'warning', '%zz', /Write a literal percent sign as %25/);
    expectClean('mongodb://h/?appName=a%25zz');
  });
});

describe('option-unknown', () => {
  it('an unknown option is a warning with a did-you-mean fix', () => {
    const p = expectOne('mongodb://h/?replicaset=rs0&retryWrite=true', 'option-unknown', 'warning', 'retryWrite', /Did you mean retryWrites\?/);
    assert.equal(p.data?.replacement, 'retryWrites');
    expectOne('mongodb://h/?maxPoolSizes=5', 'option-unknown', 'warning', 'maxPoolSizes', /maxPoolSize/);
  });

  it('an unknown option far from any known one is a warning with a fix that removes it', () => {
    const p = expectOne('mongodb://h/?foo=bar', 'option-unknown', 'warning', 'foo', /Unknown option "foo"; drivers ignore it\./);
    assert.equal(p.data?.remove, true);
    assert.deepEqual(p.data?.replaceSpan, { start: 13, end: 20 });
  });
});

describe('option-casing', () => {
  it('non-canonical casing is only a hint', () => {
    const p = expectOne('mongodb://h/?replicaset=rs0', 'option-casing', 'hint', 'replicaset');
    assert.equal(p.data?.replacement, 'replicaSet');
  });

  it('appname, the spec\'s own spelling, is as good as appName; other spellings are a hint', () => {
    expectOne('mongodb://h/?APPNAME=x', 'option-casing', 'hint', 'APPNAME', /usual spelling is appName/);
    assert.deepEqual(uriProblems('mongodb://h/?appname=x'), []);
  });
});

describe('option-legacy-separator', () => {
  it('the legacy ; separator is a warning with a fix to &', () => {
    const p = expectOne('mongodb://h/?w=1;journal=true', 'option-legacy-separator', 'warning', ';');
    assert.equal(p.data?.replacement, '&');
    expectClean('mongodb://h/?w=1&journal=true');
  });
});

describe('option-deprecated', () => {
  it('deprecated legacy keys are a warning naming the replacement', () => {
    expectOne('mongodb://h/?wtimeout=5', 'option-deprecated', 'warning', 'wtimeout', /wTimeoutMS/);
    expectOne('mongodb://u@h/?authMechanism=GSSAPI&gssapiServiceName=mongo', 'option-deprecated', 'warning', 'gssapiServiceName', /SERVICE_NAME/);
  });

  it('a legacy key given with its replacement is ignored, with a warning that says so', () => {
    const p = expectOne('mongodb://h/?wtimeout=5&wTimeoutMS=10', 'option-deprecated', 'warning', 'wtimeout', /ignored because wTimeoutMS is also given/);
    assert.equal(p.data, undefined);
  });

  it('deprecated keys of the spec\'s own table are a hint; ssl is an alias of tls', () => {
    expectOne('mongodb://h/?socketTimeoutMS=100', 'option-deprecated', 'hint', 'socketTimeoutMS', /use timeoutMS|Superseded by timeoutMS/);
    const ssl = expectOne('mongodb://h/?ssl=true', 'option-deprecated', 'hint', 'ssl', /older name for tls; both work/);
    assert.equal(ssl.data?.replacement, 'tls');
    expectClean('mongodb://h/?tls=true');
  });

  it('j and fsync are Node.js-only legacy spellings: a warning to use journal', () => {
    const p = expectOne('mongodb://h/?j=true', 'option-deprecated', 'warning', 'j', /only the Node\.js driver still reads/);
    assert.equal(p.data?.replacement, 'journal');
    expectOne('mongodb://h/?fsync=ifPossible', 'option-deprecated', 'warning', 'fsync');
    expectClean('mongodb://h/?journal=true');
  });

  it('gssapiServiceName is moved into authMechanismProperties as SERVICE_NAME by its fix', () => {
    const alone = expectOne('mongodb://u@h/?authMechanism=GSSAPI&gssapiServiceName=mongo', 'option-deprecated', 'warning', 'gssapiServiceName');
    assert.equal(alone.data?.replacement, 'authMechanismProperties=SERVICE_NAME:mongo');
    const next = expectOne('mongodb://u@h/?authMechanism=GSSAPI&authMechanismProperties=SERVICE_REALM:r&gssapiServiceName=mongo', 'option-deprecated', 'warning');
    assert.equal(next.data?.replacement, ',SERVICE_NAME:mongo');
    const apart = expectOne('mongodb://u@h/?authMechanism=GSSAPI&authMechanismProperties=SERVICE_REALM:r&x=1&gssapiServiceName=mongo', 'option-deprecated', 'warning');
    assert.deepEqual(apart.data?.edits, [{ start: 75, end: 75, text: ',SERVICE_NAME:mongo' }, { start: 80, end: 103, text: '', remove: true }]);
  });

  it('gssapiServiceName with SERVICE_NAME already given is ignored and has no fix', () => {
    const p = expectOne('mongodb://u@h/?authMechanism=GSSAPI&authMechanismProperties=SERVICE_NAME:r&gssapiServiceName=mongo', 'option-deprecated', 'warning', 'gssapiServiceName', /ignored because authMechanismProperties is also given/);
    assert.equal(p.data, undefined);
  });
});

describe('option-driver-specific', () => {
  it('an option only the Node.js driver knows is a warning under the spec profile', () => {
    expectOne('mongodb://h/?family=4', 'option-driver-specific', 'warning', 'family', /specific to the Node\.js driver/);
    expectOne('mongodb://h/?noDelay=true', 'option-driver-specific', 'warning', 'noDelay');
  });
});

describe('options that the drivers of other languages read', () => {
  const OPTION_RULES = ['option-driver-specific', 'option-unsupported-by-driver', 'option-unknown', 'option-invalid-value'];
  const found = (text: string, languageId: string, driver: 'auto' | 'spec' | 'node' = 'auto') =>
    problemsOf(text, languageId, { ruleIds: OPTION_RULES, settings: settingsWith({ driver }) });
  const URI = 'mongodb://db.example.com/?uuidRepresentation=standard';

  it('uuidRepresentation: nothing to report in Java, Kotlin, C# and Python files, whose drivers read it', () => {
    assert.deepEqual(found(`String uri = "${URI}";\n`, 'java'), []);
    assert.deepEqual(found(`val uri = "${URI}"\n`, 'kotlin'), []);
    assert.deepEqual(found(`var uri = "${URI}";\n`, 'csharp'), []);
    assert.deepEqual(found(`uri = "${URI}"\n`, 'python'), []);
  });

  it("a framework's configuration file says which driver reads it: Spring Boot's (Java), ASP.NET Core's (C#)", () => {
    const inFile = (text: string, languageId: string, uri: string) => problemsOf(text, languageId, { ruleIds: OPTION_RULES, uri });
    assert.deepEqual(inFile(`spring:\n  data:\n    mongodb:\n      uri: ${URI}\n`, 'yaml', 'file:///app/src/main/resources/application.yml'), []);
    assert.deepEqual(inFile(`spring.data.mongodb.uri=${URI}\n`, 'properties', 'file:///app/src/main/resources/application-prod.properties'), []);
    assert.deepEqual(inFile(`{ "ConnectionStrings": { "Mongo": "${URI}" } }\n`, 'json', 'file:///app/appsettings.Development.json'), []);
    // A Spring file's composed string too (its own check and the composed one agree).
    assert.deepEqual(inFile(`db:\n  host: db.example.com\nspring.data.mongodb.uri: mongodb://\${db.host}/?uuidRepresentation=standard\n`, 'yaml', 'file:///app/application.yml'), []);
    assert.deepEqual(inFile(`mongodb:\n  uri: ${URI}\n`, 'yaml', 'file:///app/values.yaml'), [['option-driver-specific', 'uuidRepresentation', 'warning']]);
  });

  it('what the Node.js driver rejects is no news in a file that another driver reads, under the specification\'s rules', () => {
    // serverSelectionTryOnce: a specification option the Node.js driver rejects (a hint elsewhere, an error under its rules).
    const uri = 'mongodb://db.example.com/?serverSelectionTryOnce=false';
    const inFile = (text: string, languageId: string, file: string, driver: 'auto' | 'node' = 'auto') =>
      problemsOf(text, languageId, { ruleIds: OPTION_RULES, uri: file, settings: settingsWith({ driver }) });
    assert.deepEqual(inFile(`{ "ConnectionStrings": { "Mongo": "${uri}" } }\n`, 'json', 'file:///app/appsettings.json'), []);
    assert.deepEqual(inFile(`client = MongoClient("${uri}")\n`, 'python', 'file:///app/jobs/report.py'), []);
    assert.deepEqual(inFile(`uri := "${uri}"\n`, 'go', 'file:///app/store.go'), []);
    assert.deepEqual(inFile(`development:\n  clients:\n    default:\n      uri: ${uri}\n`, 'yaml', 'file:///app/config/mongoid.yml'), []);
    assert.deepEqual(inFile(`MONGODB_URI=${uri}\n`, 'dotenv', 'file:///app/.env'), [['option-unsupported-by-driver', 'serverSelectionTryOnce', 'hint']]);
    assert.deepEqual(inFile(`{ "ConnectionStrings": { "Mongo": "${uri}" } }\n`, 'json', 'file:///app/appsettings.json', 'node'), [['option-unsupported-by-driver', 'serverSelectionTryOnce', 'error']]);
  });

  it('where the driver is not known, a warning that names the drivers that read it; no "unknown option"', () => {
    const [problem, ...rest] = found(`MONGODB_URI=${URI}\n`, 'dotenv');
    assert.deepEqual(rest, []);
    assert.deepEqual(problem, ['option-driver-specific', 'uuidRepresentation', 'warning']);
    const analysis = uriProblems(URI).find((p) => p.id === 'option-driver-specific');
    assert.match(analysis?.msg ?? '', /read by the Java, C# and Python drivers only/);
    // In Go, whose driver does not read it.
    assert.deepEqual(found(`uri := "${URI}"\n`, 'go'), [['option-driver-specific', 'uuidRepresentation', 'warning']]);
  });

  it('the Node.js driver rejects it: an error in JavaScript and under the Node.js profile', () => {
    assert.deepEqual(found(`const uri = '${URI}';\n`, 'javascript'), [['option-unsupported-by-driver', 'uuidRepresentation', 'error']]);
    assert.deepEqual(found(`uri = "${URI}"\n`, 'python', 'node'), [['option-unsupported-by-driver', 'uuidRepresentation', 'error']]);
  });

  it('its value is checked, and the message says no more than the value\'s problem', () => {
    assert.deepEqual(found('uri = "mongodb://h/?uuidRepresentation=standrd"\n', 'python'), [['option-invalid-value', 'standrd', 'warning']]);
    const msg = uriProblems('mongodb://h/?uuidRepresentation=standrd').find((p) => p.id === 'option-invalid-value')?.msg ?? '';
    assert.doesNotMatch(msg, /specification|Node\.js/);
  });

  it("PyMongo's connect and tz_aware: quiet in Python, named in a Java file", () => {
    assert.deepEqual(found('uri = "mongodb://h/?connect=false&tz_aware=true"\n', 'python'), []);
    assert.deepEqual(found('String u = "mongodb://h/?connect=false";\n', 'java'), [['option-driver-specific', 'connect', 'warning']]);
    assert.match(uriProblems('mongodb://h/?tz_aware=true').find((p) => p.id === 'option-driver-specific')?.msg ?? '', /read by the Python drivers only/);
  });
});

describe('option-unsupported-by-driver', () => {
  it('a spec option the Node.js driver lacks is a hint under the spec profile', () => {
    expectOne('mongodb://h/?tlsDisableOCSPEndpointCheck=true', 'option-unsupported-by-driver', 'hint', 'tlsDisableOCSPEndpointCheck', /does not support/);
    expectClean('mongodb://h/?tlsDisableOCSPEndpointCheck=true');
  });
});

describe('option-duplicate', () => {
  it('a repeated option is a warning under the repeat; with the same value the fix removes it', () => {
    const same = expectOne('mongodb://h/?replicaSet=a&replicaSet=a', 'option-duplicate', 'warning', 'replicaSet=a', /given more than once\./);
    assert.equal(same.data?.remove, true);
    const other = expectOne('mongodb://h/?replicaSet=a&replicaSet=b', 'option-duplicate', 'warning', 'replicaSet=b', /different values/);
    assert.equal(other.data, undefined);
  });

  it('readPreferenceTags may repeat: each is a tag set', () => {
    expectClean('mongodb://h/?readPreference=nearest&readPreferenceTags=dc:ny&readPreferenceTags=dc:sf');
  });
});

describe('proxy-duplicate', () => {
  it('a repeated proxy option is an error', () => {
    expectOne('mongodb://h/?proxyHost=a&proxyHost=b', 'proxy-duplicate', 'error', 'proxyHost=b', /drivers reject repeated proxy options/);
    expectClean('mongodb://h/?proxyHost=a');
  });
});
