/**
 * Two host predicates against their definitions, on names made of the letters that matter (cases,
 * dots, digits, the Turkish İ that lower-cases to two characters, the Kelvin sign K that lower-cases to k):
 * isLocalHost (uri/localHosts.ts) against the lower-cased name compared with the local names; and the
 * host-duplicate rule (rules/hosts.ts) against "the same name after toLowerCase() and the same port as
 * a host before it".
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isLocalHost } from '../../../server/src/service/uri/localHosts';
import { validateUri } from '../../../server/src/service/rules/validation';
import { defaultSettings } from '../../../server/src/service/api';
import { checkProperty } from '../../helpers/fuzz';

/** The definition: a name of this machine, in lower case. */
function localByDefinition(host: string): boolean {
  let h = '';
  for (const ch of host) h += ch >= 'A' && ch <= 'Z' ? String.fromCharCode(ch.charCodeAt(0) + 32) : ch;
  if (['localhost', 'host.docker.internal', '::1', '[::1]', '0:0:0:0:0:0:0:1', '0.0.0.0'].includes(h)) return true;
  if (h.length >= 10 && h.slice(h.length - 10) === '.localhost') return true;
  const parts = h.split('.');
  return parts.length === 4 && parts[0] === '127' && parts.every((p) => p.length >= 1 && p.length <= 3 && [...p].every((c) => c >= '0' && c <= '9'));
}

const PIECES = ['localhost', 'LocalHost', 'LOCALHOST', 'host.docker.internal', 'HOST.Docker.INTERNAL', '.', 'a', 'x', 'İ', 'K', 't', 'T', 'l', 'L', '127', '0', '1', ':', '::1', '[', ']', 'ost', 'internal'];
const hostName = fc.array(fc.constantFrom(...PIECES), { maxLength: 4 }).map((a) => a.join(''));

describe('isLocalHost against its definition', () => {
  it('says the same for generated names', () => {
    checkProperty('isLocalHost', fc.property(hostName, (h) => {
      assert.equal(isLocalHost(h), localByDefinition(h), JSON.stringify(h));
    }), 3000);
  });
});

const NAMES = ['a', 'A', 'b', 'ab', 'AB', 'aB', 'İ', 'i̇', 'K', 'k', 'K', 'é', 'É', '^', '~', '_', 'x.y', 'X.Y'];
const host = fc.record({ name: fc.array(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 3 }).map((a) => a.join('')), port: fc.constantFrom('', ':27017', ':1') });

describe('host-duplicate against its definition', () => {
  it('marks exactly the hosts whose lower-cased name and port a host before them has', () => {
    checkProperty('host-duplicate', fc.property(fc.array(host, { minLength: 1, maxLength: 6 }), (hosts) => {
      const list = hosts.map((h) => h.name + h.port).join(',');
      const text = `mongodb://${list}/`;
      const expected: number[] = [];
      let at = 10;
      hosts.forEach((h, k) => {
        const port = h.port === '' ? ':27017' : h.port;
        if (hosts.slice(0, k).some((o) => (o.port === '' ? ':27017' : o.port) === port && o.name.toLowerCase() === h.name.toLowerCase())) expected.push(at);
        at += h.name.length + h.port.length + 1;
      });
      const found = validateUri(text, defaultSettings).filter((p) => p.ruleId === 'host-duplicate').map((p) => p.span.start);
      assert.deepEqual(found, expected, text);
    }), 1500);
  });
});
