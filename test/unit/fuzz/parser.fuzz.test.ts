/**
 * Property-based tests of the connection-string parser and the rules: on any input they never throw,
 * every span lies inside the string, and every part's span text, percent-decoded, is the part's value.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseConnectionString } from '../../../server/src/service/uri/parser';
import { decodePercent } from '../../../server/src/service/uri/percent';
import { validateUri } from '../../../server/src/service/rules/validation';
import { defaultSettings } from '../../../server/src/service/api';
import type { DecodedPart, ParsedUri } from '../../../server/src/service/uri/types';
import type { Span } from '../../../server/src/service/api';
import { checkProperty } from '../../helpers/fuzz';
import { uriText } from './arbitraries';

function assertSpan(span: Span, text: string, what: string): void {
  assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${what}: integer offsets`);
  assert.ok(0 <= span.start && span.start <= span.end && span.end <= text.length, `${what}: ${span.start}-${span.end} inside 0-${text.length}`);
}

function assertPart(part: DecodedPart, text: string, what: string): void {
  assertSpan(part.span, text, what);
  assert.equal(part.raw, text.slice(part.span.start, part.span.end), `${what}: raw is the span's text`);
  assert.equal(decodePercent(text, part.span.start, part.span.end).value, part.value, `${what}: the span's text decodes to the value`);
  assert.equal(part.decoded.value, part.value, `${what}: value is decoded.value`);
  for (const bad of part.decoded.badEscapes) {
    assertSpan(bad, text, `${what}: bad escape`);
    assert.equal(text[bad.start], '%', `${what}: a bad escape starts at a %`);
  }
  if (part.decoded.map) {
    assert.equal(part.decoded.map.length, part.value.length + 1, `${what}: one map entry per decoded character, and the end`);
    for (let i = 1; i < part.decoded.map.length; i++) assert.ok(part.decoded.map[i - 1] <= part.decoded.map[i], `${what}: map is monotonic`);
  }
}

function assertParsed(p: ParsedUri): void {
  const text = p.text;
  assertSpan(p.scheme.span, text, 'scheme');
  assert.ok(p.bodyStart >= 0 && p.bodyStart <= text.length, 'bodyStart');
  assertSpan(p.hostsSpan, text, 'host list');
  if (p.userinfo) {
    assertSpan(p.userinfo.span, text, 'userinfo');
    assert.equal(text[p.userinfo.atSpan.start], '@', 'the userinfo ends at an @');
    assertPart(p.userinfo.username, text, 'username');
    if (p.userinfo.password) assertPart(p.userinfo.password, text, 'password');
  }
  let previousEnd = p.hostsSpan.start;
  for (const h of p.hosts) {
    assertSpan(h.span, text, 'host item');
    assert.ok(h.span.start >= previousEnd && h.span.end <= p.hostsSpan.end, 'host items in order, inside the host list');
    previousEnd = h.span.end;
    assertPart(h.host, text, 'host');
    if (h.port) {
      assertSpan(h.port.span, text, 'port');
      assert.equal(h.port.raw, text.slice(h.port.span.start, h.port.span.end), 'port raw');
    }
  }
  for (const e of p.emptyHosts) assertSpan(e, text, 'empty host');
  if (p.database) assertPart(p.database, text, 'database');
  for (const o of p.options) {
    assertSpan(o.span, text, 'option');
    assertPart(o.key, text, 'option key');
    if (o.value) assertPart(o.value, text, 'option value');
    assert.ok(p.optionsSpan && o.span.start >= p.optionsSpan.start && o.span.end <= p.optionsSpan.end, 'options inside the options section');
  }
}

describe('parser, property-based', () => {
  it('never throws; spans inside the string; span text decodes to each value', () => {
    checkProperty('parser spans', fc.property(uriText, (text) => assertParsed(parseConnectionString(text))), 3000);
  });

  it('validation never throws and its problems lie inside the string, under both driver profiles', () => {
    const node = { ...defaultSettings, driver: 'node' as const };
    checkProperty(
      'validation spans',
      fc.property(uriText, fc.boolean(), (text, useNode) => {
        for (const p of validateUri(text, useNode ? node : defaultSettings, 'typescript')) {
          assertSpan(p.span, text, p.ruleId);
          assert.ok(p.message.length > 0, `${p.ruleId}: a message`);
          if (p.data?.replaceSpan) assertSpan(p.data.replaceSpan, text, `${p.ruleId}: replaceSpan`);
        }
      }),
      1500,
    );
  });
});
