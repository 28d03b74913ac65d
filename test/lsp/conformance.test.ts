/**
 * The MongoDB specification tests once more, through the spawned server: each connection string is
 * put inside a JSON file, opened over LSP, and the published diagnostics are compared with the
 * expected error / warning / clean outcome. Skipped, with a line that says so, when ../shared/specs is
 * absent; under CI=true that fails the run.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RULES } from '../../server/src/service/rules/ruleTable';
import { startServer } from '../helpers/server';
import { loadSpecTests, specsForSuite, STALE_TESTS } from '../helpers/specs';

/** The scheme-prefixed spec tests, less the two stale ones. */
const SERVER_SPEC_TESTS = 320;
const dir = specsForSuite('Conformance through the language server', SERVER_SPEC_TESTS);

describe('spec tests through the language server', { skip: dir ? false : '../shared/specs not found' }, () => {
  test('every scheme-prefixed spec test, each inside a JSON file', async (t) => {
    const tests = loadSpecTests(dir!).filter((s) => /^mongodb(\+srv)?:\/\//.test(s.uri) && !STALE_TESTS[s.description]);
    assert.equal(tests.length, SERVER_SPEC_TESTS);
    // Advice (a plaintext password in a JSON file, TLS validation turned off) is the product's opinion of
    // strings the specification accepts, not a spec outcome: off for this comparison.
    const advice = Object.fromEntries(RULES.filter((r) => r.group === 'advice').map((r) => [r.id, 'off']));
    const client = await startServer(t, { initializationOptions: { mongodbUri: { rules: advice } } });
    const failures: string[] = [];
    for (let n = 0; n < tests.length; n++) {
      const s = tests[n];
      const uri = `file:///spec/${n}.json`;
      const text = `{\n  "MONGODB_URI": ${JSON.stringify(s.uri)}\n}\n`;
      client.openDocument(uri, 'json', text, 1);
      const { diagnostics } = await client.waitForDiagnostics(uri, 1, 10_000);
      const errors = diagnostics.filter((d: any) => d.severity === 1);
      const warnings = diagnostics.filter((d: any) => d.severity === 2);
      const outcome = errors.length ? 'error' : warnings.length ? 'warning' : 'clean';
      const expected = !s.valid ? 'error' : s.warning ? 'warning' : 'clean';
      if (outcome !== expected) failures.push(`${s.file} "${s.description}": expected ${expected}, got ${outcome} ${JSON.stringify(diagnostics.map((d: any) => d.code))}`);
      // Every diagnostic lies inside the JSON string that holds the connection string.
      for (const d of diagnostics) {
        assert.equal(d.range.start.line, 1, `${s.description}: diagnostic on the value's line`);
        assert.ok(d.range.start.character >= 17 && d.range.end.character <= 17 + JSON.stringify(s.uri).length, `${s.description}: inside the string`);
      }
      client.notify('textDocument/didClose', { textDocument: { uri } });
    }
    t.diagnostic(`${tests.length - failures.length} of ${tests.length} agree`);
    assert.deepEqual(failures, []);
    assert.equal(await client.shutdown(), 0);
  });
});
