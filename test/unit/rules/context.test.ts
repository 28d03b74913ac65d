/** The rule context: severities per profile, the cap of reports per rule, and what was reported (rules/context.ts). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createContext, MAX_REPORTS_PER_RULE, overlaps } from '../../../server/src/service/rules/context';
import { resolveOptions } from '../../../server/src/service/uri/options';
import { parseConnectionString } from '../../../server/src/service/uri/parser';
import { Problem } from '../../../server/src/service/api';
import { uriProblems } from '../../helpers/problems';

function context(driver: 'spec' | 'node') {
  const parsed = parseConnectionString('mongodb://h/');
  const problems: Problem[] = [];
  return { ctx: createContext(parsed, resolveOptions(parsed), driver, problems), problems };
}

const AT = { start: 0, end: 1 };

describe('report: severity', () => {
  it('uses the rule\'s default severity, or the one the report gives for the spec profile', () => {
    const { ctx, problems } = context('spec');
    ctx.report('host-duplicate', AT, 'm');
    ctx.report('host-invalid', AT, 'm', { severity: 'warning', node: 'error' });
    assert.deepEqual(problems.map((p) => [p.ruleId, p.severity]), [['host-duplicate', 'info'], ['host-invalid', 'warning']]);
  });

  it('under the Node.js profile the node severity wins, and "none" reports nothing', () => {
    const { ctx, problems } = context('node');
    ctx.report('host-invalid', AT, 'm', { severity: 'warning', node: 'error' });
    ctx.report('tls-disabled', AT, 'm', { node: 'none' });
    ctx.report('host-duplicate', AT, 'm');
    assert.deepEqual(problems.map((p) => [p.ruleId, p.severity]), [['host-invalid', 'error'], ['host-duplicate', 'info']]);
  });

  it('keeps the fix data when there is some', () => {
    const { ctx, problems } = context('spec');
    ctx.report('port-invalid', AT, 'm', { data: { replacement: '' } });
    ctx.report('port-invalid', AT, 'm');
    assert.deepEqual(problems[0].data, { replacement: '' });
    assert.equal('data' in problems[1], false);
  });

  it('a rule id the rule table does not know does not build (npm test type-checks; an unused expect-error fails it)', () => {
    const { ctx } = context('spec');
    // @ts-expect-error 'no-such-rule' is not a RuleId
    const unknown = () => ctx.report('no-such-rule', AT, 'm');
    // And at run time, had it been forced through, the report throws instead of inventing a severity.
    assert.throws(unknown);
  });
});

describe('report: at most MAX_REPORTS_PER_RULE problems per rule', () => {
  it('drops the reports of a rule past the cap, not those of other rules', () => {
    const { ctx, problems } = context('spec');
    for (let i = 0; i < MAX_REPORTS_PER_RULE + 5; i++) ctx.report('host-empty', AT, 'm');
    ctx.report('host-invalid', AT, 'm');
    assert.equal(problems.filter((p) => p.ruleId === 'host-empty').length, MAX_REPORTS_PER_RULE);
    assert.equal(problems.filter((p) => p.ruleId === 'host-invalid').length, 1);
  });

  it('saturated tells when the next report of a rule would be dropped; reports with severity "none" do not count', () => {
    const { ctx } = context('node');
    for (let i = 0; i < MAX_REPORTS_PER_RULE + 3; i++) ctx.report('tls-disabled', AT, 'm', { node: 'none' });
    assert.equal(ctx.saturated('tls-disabled'), false);
    for (let i = 0; i < MAX_REPORTS_PER_RULE - 1; i++) ctx.report('host-empty', AT, 'm');
    assert.equal(ctx.saturated('host-empty'), false);
    ctx.report('host-empty', AT, 'm');
    assert.equal(ctx.saturated('host-empty'), true);
    assert.equal(ctx.saturated('host-invalid'), false);
  });

  it('unknown options past the cap: the same MAX_REPORTS_PER_RULE problems, did-you-mean included', () => {
    const keys = Array.from({ length: MAX_REPORTS_PER_RULE + 50 }, (_, i) => (i === MAX_REPORTS_PER_RULE - 1 ? 'replicaSt' : `opt${i}`));
    const ps = uriProblems(`mongodb://h/?${keys.map((k) => `${k}=1`).join('&')}`).filter((p) => p.id === 'option-unknown');
    assert.equal(ps.length, MAX_REPORTS_PER_RULE);
    assert.match(ps[MAX_REPORTS_PER_RULE - 1].msg, /Unknown option "replicaSt"\. Did you mean replicaSet\?/);
    assert.match(ps[0].msg, /Unknown option "opt0"; drivers ignore it\./);
  });

  it('a password of many "@" gives MAX_REPORTS_PER_RULE problems', () => {
    const ps = uriProblems(`mongodb://u:${'@'.repeat(3 * MAX_REPORTS_PER_RULE)}@h`);
    assert.equal(ps.filter((p) => p.id === 'userinfo-unescaped').length, MAX_REPORTS_PER_RULE);
  });
});

describe('hasError and errorSpans', () => {
  it('see the errors reported so far, not the warnings', () => {
    const { ctx } = context('spec');
    ctx.report('option-unknown', { start: 1, end: 2 }, 'm');
    assert.equal(ctx.hasError(() => true), false);
    ctx.report('port-invalid', { start: 3, end: 5 }, 'm');
    assert.equal(ctx.hasError((p) => p.ruleId === 'port-invalid'), true);
    assert.equal(ctx.hasError((p) => p.ruleId === 'host-invalid'), false);
    assert.deepEqual(ctx.errorSpans(), [{ start: 3, end: 5 }]);
  });
});

describe('overlaps', () => {
  it('spans overlap when they share a character or are the same empty position', () => {
    assert.equal(overlaps({ start: 0, end: 3 }, { start: 2, end: 5 }), true);
    assert.equal(overlaps({ start: 0, end: 3 }, { start: 3, end: 5 }), false);
    assert.equal(overlaps({ start: 4, end: 4 }, { start: 4, end: 4 }), true);
    assert.equal(overlaps({ start: 4, end: 4 }, { start: 2, end: 6 }), true);
    assert.equal(overlaps({ start: 7, end: 7 }, { start: 2, end: 6 }), false);
  });
});
