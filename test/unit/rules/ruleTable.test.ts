/** The rule table: every rule once, with a default severity, a group, a title and documentation (rules/ruleTable.ts). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { RULES, ruleInfo } from '../../../server/src/service/rules/ruleTable';

describe('RULES', () => {
  it('lists every rule id once, in kebab case', () => {
    const ids = RULES.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, id);
  });

  it('gives every rule a severity, a title and a link to the MongoDB documentation', () => {
    for (const r of RULES) {
      assert.ok(['error', 'warning', 'info', 'hint'].includes(r.severity), r.id);
      assert.ok(r.title.length > 0, r.id);
      assert.match(r.docs, /^https:\/\//, r.id);
    }
  });

  it('follows the severity policy: what a driver must reject is an error, opinions are information or hints', () => {
    const severity = (id: string) => ruleInfo(id)?.severity;
    assert.equal(severity('scheme-invalid'), 'error');
    assert.equal(severity('option-unknown'), 'warning');
    assert.equal(severity('option-invalid-value'), 'warning');
    assert.equal(severity('option-casing'), 'hint');
    assert.equal(severity('tls-disabled'), 'info');
    assert.equal(severity('host-duplicate'), 'info');
  });

  it('puts the Node.js profile rules in the node group', () => {
    const node = RULES.filter((r) => r.id.startsWith('node-'));
    assert.deepEqual(node.map((r) => r.id).sort(), ['node-auth-rejected', 'node-option-ignored', 'node-option-rejected', 'node-uri-rejected']);
    for (const r of node) assert.equal(r.group, 'node', r.id);
  });
});

describe('ruleInfo', () => {
  it('finds a rule by id and nothing for an unknown id', () => {
    assert.equal(ruleInfo('port-invalid')?.group, 'hosts');
    assert.equal(ruleInfo('port-invalid')?.severity, 'error');
    assert.equal(ruleInfo('no-such-rule'), undefined);
  });
});
