/**
 * Repeated hosts (rules/hosts.ts, host-duplicate) against the definition worked out here: a host is
 * reported when an earlier host of the list has the same name in any case (String toLowerCase) and the
 * same port, a host without a valid port counting as 27017. Lists of one to a dozen hosts, so that both
 * ways of finding repeats (a few hosts compared with each other, more through a set) are walked.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { validateUri } from '../../../server/src/service/rules/validation';
import { defaultSettings, type Settings } from '../../../server/src/service/api';
import { checkProperty } from '../../helpers/fuzz';

// Names that one lower-cases into another of a different length (İx into i̇x), ASCII prefixes of other
// names (a and ab), and names that differ first after a character that is not ASCII.
const NAMES = ['a', 'A', 'b', 'B', 'db1.example.com', 'DB1.Example.COM', 'é', 'É', 'straße', 'STRASSE', 'ǅ', 'ǆ', 'ab', 'AB', 'éa', 'Éb', 'İx', 'i\u0307x', 'İX', 'db1.example.co'];
const PORTS = [undefined, '', '27017', '27018', '1', '027017', 'x'];

const host = fc.tuple(fc.constantFrom(...NAMES), fc.constantFrom(...PORTS));
const hosts = fc.array(host, { minLength: 1, maxLength: 12 });

/** The port a host is reached on: its digits, else the default. */
function port(p: string | undefined): number {
  return p !== undefined && /^[0-9]+$/.test(p) ? Number(p) : 27017;
}

const spec: Settings = { ...defaultSettings, driver: 'spec' };

describe('host-duplicate against the definition', () => {
  it('reports exactly the hosts whose name and port an earlier host has', () => {
    checkProperty(
      'host duplicates',
      fc.property(hosts, (list) => {
        const items = list.map(([name, p]) => (p === undefined ? name : `${name}:${p}`));
        const text = `mongodb://${items.join(',')}/db`;
        const expected: string[] = [];
        const seen: string[] = [];
        let at = 'mongodb://'.length;
        list.forEach(([name, p], k) => {
          const id = `${name.toLowerCase()}|${port(p)}`;
          if (seen.includes(id)) expected.push(`${at}-${at + items[k]!.length}`);
          seen.push(id);
          at += items[k]!.length + 1;
        });
        const found = validateUri(text, spec)
          .filter((p) => p.ruleId === 'host-duplicate')
          .map((p) => `${p.span.start}-${p.span.end}`);
        assert.deepEqual(found, expected);
      }),
      300,
    );
  });
});
