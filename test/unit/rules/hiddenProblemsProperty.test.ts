/**
 * A rule may skip a problem that overlaps a template placeholder (RuleContext.hidden), because the
 * check of an embedded value drops such problems afterwards. The skip must change nothing: what
 * validateUri reports (placeholders known to the rules) equals what the rules report without knowing
 * them, filtered afterwards by the placeholders, for strings whose credentials mix placeholders with
 * characters that need escaping. (The placeholders here hold no separator, so the string is checked as
 * it is written.)
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { defaultSettings } from '../../../server/src/service/api';
import { checkConnectionString } from '../../../server/src/service/rules';
import { validateUri } from '../../../server/src/service/rules/validation';
import { findPlaceholders } from '../../../server/src/service/uri/placeholders';
import { checkProperty } from '../../helpers/fuzz';

const piece = fc.constantFrom('${USER}', '${PASS}', '$PASS', '__TOKEN__', '<password>', 'app', 'S3cret', '{', '}', '^', '|', '"', ' ', 'é', '€', '%', '%41', '%zz', '@', ':', '!', '~');
const part = fc.array(piece, { minLength: 1, maxLength: 5 }).map((p) => p.join(''));
const tail = fc.constantFrom('localhost', 'db.example.com:27017', 'h1,h2:27018', '${HOST}', 'db.example.com/app?tls=true', 'db.example.com/?authSource=${AUTH_DB}');

/** Problems the way a reader sees them: rule, range, message, severity and fix. */
const seen = (problems: readonly { ruleId: string; span: { start: number; end: number }; message: string; severity: string; data?: unknown }[]) =>
  problems.map((p) => ({ ruleId: p.ruleId, span: p.span, message: p.message, severity: p.severity, data: p.data }));

describe('problems hidden by placeholders', () => {
  for (const driver of ['spec', 'node'] as const) {
    it(`a rule that skips them changes nothing (${driver} profile)`, () => {
      const settings = { ...defaultSettings, driver };
      checkProperty(
        `hidden problems ${driver}`,
        fc.property(part, fc.option(part, { nil: undefined }), tail, (user, password, rest) => {
          const text = `mongodb://${user}${password === undefined ? '' : ':' + password}@${rest}`;
          const spans = findPlaceholders(text);
          const unfiltered = checkConnectionString(text, settings).problems;
          const expected = unfiltered.filter((p) => !spans.some((s) => (p.span.start === p.span.end ? p.span.start >= s.start && p.span.start <= s.end : p.span.start < s.end && p.span.end > s.start)));
          assert.deepEqual(seen(validateUri(text, settings)), seen(expected), text);
        }),
        1500,
      );
    });
  }

  it('the strings do hide problems, and keep others', () => {
    const text = 'mongodb://${USER}é:S3cret^@localhost';
    const unfiltered = checkConnectionString(text, defaultSettings).problems.map((p) => p.ruleId);
    const kept = validateUri(text, defaultSettings).map((p) => p.ruleId);
    assert.ok(unfiltered.filter((r) => r === 'userinfo-unencoded').length === 2, unfiltered.join());
    assert.deepEqual(kept.filter((r) => r === 'userinfo-unencoded'), ['userinfo-unencoded']);
  });
});
