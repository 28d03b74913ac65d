/**
 * Conformance: every test of the connection-string, uri-options and auth suites of the MongoDB
 * specifications, through the core. Reads ../shared/specs; when it is absent the tests are skipped with
 * a line that says so, and under CI=true the run fails.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkConnectionString } from '../../../server/src/service/rules';
import { RULES } from '../../../server/src/service/rules/ruleTable';
import { buildModel } from '../../../server/src/service/uri/model';
import { loadSpecTests, SPEC_TEST_COUNT, specsForSuite, SpecTest, STALE_TESTS } from '../../helpers/specs';

const dir = specsForSuite('Conformance through the core', SPEC_TEST_COUNT);

function lowerKeys(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) out[k.toLowerCase()] = v;
  return out;
}

/**
 * Advice (TLS validation turned off, X.509 without TLS, plaintext passwords) is the product's opinion of
 * strings the specification accepts: the spec tests' warnings are about parsing, so advice is left out of
 * the comparison.
 */
const ADVICE = new Set(RULES.filter((r) => r.group === 'advice').map((r) => r.id));

function runOne(t: SpecTest): void {
  const check = checkConnectionString(t.uri, { driver: 'spec' });
  const errors = check.problems.filter((p) => p.severity === 'error');
  const warnings = check.problems.filter((p) => p.severity === 'warning' && !ADVICE.has(p.ruleId));
  const show = (ps: typeof check.problems) => ps.map((p) => `${p.ruleId}: ${p.message}`).join('; ');
  if (!t.valid) {
    assert.ok(errors.length > 0, `expected an error, got: ${show(check.problems) || 'nothing'}`);
    return;
  }
  assert.equal(errors.length, 0, `expected no error, got: ${show(errors)}`);
  if (t.warning === true) assert.ok(warnings.length > 0, `expected a warning, got: ${show(check.problems) || 'nothing'}`);
  if (t.warning === false) assert.equal(warnings.length, 0, `expected no warning, got: ${show(warnings)}`);

  const model = buildModel(check.parsed, check.options);
  if (t.hosts) {
    assert.equal(model.hosts.length, t.hosts.length, 'host count');
    t.hosts.forEach((h, i) => {
      assert.equal(model.hosts[i].host, h.host, `host ${i}`);
      if (h.port !== null) assert.equal(model.hosts[i].port, h.port, `port ${i}`);
      if (h.type) assert.equal(model.hosts[i].type, h.type, `type ${i}`);
    });
  }
  if (t.auth) {
    if (t.auth.username !== null) assert.equal(model.credential?.username, t.auth.username, 'username');
    if (t.auth.password !== null) assert.equal(model.credential?.password, t.auth.password, 'password');
    if (t.auth.db !== null) assert.equal(model.database, t.auth.db, 'database');
  }
  if (t.options) {
    const actual = lowerKeys(model.options as Record<string, unknown>);
    for (const [k, v] of Object.entries(lowerKeys(t.options))) {
      assert.deepEqual(actual[k], v, `option ${k}`);
    }
  }
  if (t.credential === null) assert.equal(model.credential, null, 'no credential expected');
  if (t.credential) {
    const c = model.credential;
    assert.ok(c, 'credential expected');
    const exp = t.credential;
    if ('username' in exp) assert.equal(c.username, exp.username, 'credential username');
    if ('password' in exp) assert.equal(c.password, exp.password, 'credential password');
    if ('source' in exp) assert.equal(c.source, exp.source, 'credential source');
    if ('mechanism' in exp) assert.equal(c.mechanism, exp.mechanism, 'credential mechanism');
    if (exp.mechanism_properties) {
      for (const [k, v] of Object.entries(exp.mechanism_properties)) {
        assert.deepEqual(c.mechanismProperties?.[k], v, `mechanism property ${k}`);
      }
    }
  }
}

describe('MongoDB specification tests through the core', { skip: dir ? false : '../shared/specs not found' }, () => {
  if (!dir) return;
  const tests = loadSpecTests(dir);
  it('loads all 324 tests, 322 of them scheme-prefixed', () => {
    assert.equal(tests.length, SPEC_TEST_COUNT);
    assert.equal(tests.filter((t) => /^mongodb(\+srv)?:\/\//.test(t.uri)).length, 322);
  });
  const byFile = new Map<string, SpecTest[]>();
  for (const t of tests) byFile.set(t.file, [...(byFile.get(t.file) ?? []), t]);
  for (const [file, list] of byFile) {
    describe(file, () => {
      for (const t of list) {
        const stale = STALE_TESTS[t.description];
        it(t.description, { skip: stale ?? false }, () => runOne(t));
      }
    });
  }
  it('skips exactly the two stale MONGODB-AWS tests', () => {
    const skipped = tests.filter((t) => STALE_TESTS[t.description]);
    assert.equal(skipped.length, 2);
    assert.ok(skipped.every((t) => t.file.startsWith('auth')));
  });
});
