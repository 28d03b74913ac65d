/**
 * The core reports each problem once, at its rule's default severity; the user's overrides are applied
 * where problems are reported: diagnostics and CLI records (the sink), quick fixes and describe.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument, defaultSettings, describeConnectionString, getCodeActions } from '../../../server/src/service/languageService';
import { reportProblems } from '../../../server/src/problemSink';
import { DEFAULT_DOCS_URL } from '../../../server/src/ruleLinks';

const text = 'MONGODB_URI=mongodb://db.example.com:70000/shop?retryWrite=true\n';
const doc = { uri: 'file:///p/.env', languageId: 'dotenv', text };

describe('one problem sink at the edge', () => {
  const analysis = analyzeDocument(doc, defaultSettings);
  const ids = analysis.problems.map((p) => p.ruleId);

  it('the analysis holds every problem at its default severity, whatever the settings', () => {
    const withOverrides = analyzeDocument(doc, { ...defaultSettings, rules: { 'port-invalid': 'off' } });
    assert.ok(ids.includes('port-invalid'));
    assert.deepEqual(withOverrides.problems.map((p) => [p.ruleId, p.severity]), analysis.problems.map((p) => [p.ruleId, p.severity]));
  });

  it('the sink drops rules turned off, applies severities and documentation pages', () => {
    const reported = reportProblems(analysis.problems, { rules: { 'port-invalid': 'off', 'option-unknown': 'hint' } });
    assert.ok(!reported.some((r) => r.problem.ruleId === 'port-invalid'));
    const unknown = reported.find((r) => r.problem.ruleId === 'option-unknown');
    assert.equal(unknown?.severity, 'hint');
    assert.ok(unknown!.docs.startsWith('https://www.mongodb.com/docs/'));
    for (const r of reported) assert.ok(r.docs === DEFAULT_DOCS_URL || r.docs.startsWith('https://'));
    assert.equal(reportProblems(analysis.problems, { rules: {} }).length, analysis.problems.length);
  });

  it('no quick fix and no describe entry for a rule turned off', () => {
    const all = { start: 0, end: text.length };
    const fixes = getCodeActions(doc, analysis, all);
    assert.ok(fixes.some((f) => f.ruleId === 'option-unknown'));
    assert.ok(!getCodeActions(doc, analysis, all, { 'option-unknown': 'off' }).some((f) => f.ruleId === 'option-unknown'));
    const at = text.indexOf('db.example');
    const described = describeConnectionString(analysis, at)!.problems.map((p) => p.ruleId);
    assert.ok(described.includes('port-invalid'));
    const quiet = describeConnectionString(analysis, at, { rules: { 'port-invalid': 'off', 'option-unknown': 'error' } })!.problems;
    assert.ok(!quiet.some((p) => p.ruleId === 'port-invalid'));
    assert.equal(quiet.find((p) => p.ruleId === 'option-unknown')?.severity, 'error');
  });
});
