/**
 * The option index (uri/options.ts) against a reading of the query made here: the items split at `&`,
 * each key lower-cased in A–Z only, grouped by that key in the order of first occurrence. Whichever is
 * asked first (the items of one option by its bit, or the grouping by name), every option's items, its
 * effective item (the last one with a typed value), the names in order and whether some key repeats are
 * those of the reading.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseConnectionString } from '../../../server/src/service/uri/parser';
import { effective, effectiveOf, occurrences, occurrencesOf, OPT, resolveOptions, type OptionIndex } from '../../../server/src/service/uri/options';
import { checkProperty } from '../../helpers/fuzz';

/** The options of the rules' bits, a few others, aliases, unknown keys and near misses. */
const NAMES = [
  'tls', 'ssl', 'tlsInsecure', 'tlsAllowInvalidCertificates', 'tlsCertificateKeyFile', 'directConnection', 'loadBalanced',
  'replicaSet', 'srvMaxHosts', 'srvServiceName', 'proxyHost', 'proxyPort', 'proxyUsername', 'proxyPassword',
  'readPreference', 'readPreferenceTags', 'maxStalenessSeconds', 'w', 'journal', 'j', 'minPoolSize', 'maxPoolSize',
  'heartbeatFrequencyMS', 'authMechanism', 'authMechanismProperties', 'gssapiServiceName', 'authSource',
  'retryWrites', 'appName', 'wtimeoutMS', 'wTimeoutMS', 'compressors', 'connectTimeoutMS', 'replicaSt', 'foo', '',
];

const VALUES = ['', 'true', 'false', 'TRUE', '1', '-1', 'majority', 'majorty', 'rs0', 'primary', 'secondary', 'zstd', 'x', 'a:b,c:d', 'SCRAM-SHA-256', 'admin', '%41', '%zz'];

/** A key as a user may write it: as named, lower or upper case, or with one letter changed in case. */
const key = fc.tuple(fc.constantFrom(...NAMES), fc.nat(), fc.constantFrom('as is', 'lower', 'upper', 'one')).map(([name, n, how]) => {
  if (how === 'lower') return name.toLowerCase();
  if (how === 'upper') return name.toUpperCase();
  if (how === 'one' && name.length > 0) {
    const i = n % name.length;
    const c = name[i]!;
    return name.slice(0, i) + (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()) + name.slice(i + 1);
  }
  return name;
});

/** An item: `key=value`, or a key without `=`. */
const item = fc.tuple(key, fc.option(fc.constantFrom(...VALUES), { nil: undefined })).map(([k, v]) => (v === undefined ? k : `${k}=${v}`));

const query = fc.array(item, { minLength: 0, maxLength: 14 });

/** A–Z lower-cased, nothing else (the specification's rule for keys). */
function lowerAZ(s: string): string {
  let out = '';
  for (const ch of s) out += ch >= 'A' && ch <= 'Z' ? String.fromCharCode(ch.charCodeAt(0) + 32) : ch;
  return out;
}

/** The reading made here: per lower-cased key, the positions of its items, in the order keys first appear. */
function reading(items: readonly string[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  items.forEach((it, k) => {
    if (it === '') return;
    const eq = it.indexOf('=');
    const lower = lowerAZ(eq < 0 ? it : it.slice(0, eq));
    const list = groups.get(lower) ?? [];
    list.push(k);
    groups.set(lower, list);
  });
  return groups;
}

const positions = (list: readonly { part: { index: number } }[]) => list.map((r) => r.part.index);

function check(index: OptionIndex, groups: Map<string, number[]>, bitsFirst: boolean): void {
  const names = NAMES.filter((n) => n !== '');
  const expected = (name: string) => groups.get(lowerAZ(name)) ?? [];
  const lastTyped = (name: string) => {
    const list = expected(name).filter((k) => index.all[k]!.value !== undefined);
    return list.length ? list[list.length - 1] : undefined;
  };
  const viaBits = () => {
    for (const [name, o] of Object.entries(OPT)) {
      assert.deepEqual(positions(occurrencesOf(index, o)), expected(name), `occurrencesOf ${name}`);
      assert.equal(effectiveOf(index, o)?.part.index, lastTyped(name), `effectiveOf ${name}`);
    }
  };
  const viaNames = () => {
    assert.deepEqual([...index.byName.keys()], [...groups.keys()], 'names in order');
    for (const [name, list] of index.byName) assert.deepEqual(positions(list), groups.get(name), `byName ${name}`);
    for (const name of names) {
      assert.deepEqual(positions(occurrences(index, name)), expected(name), `occurrences ${name}`);
      assert.equal(effective(index, name)?.part.index, lastTyped(name), `effective ${name}`);
    }
  };
  if (bitsFirst) {
    viaBits();
    viaNames();
    viaBits();
  } else {
    viaNames();
    viaBits();
  }
  assert.equal(index.hasRepeats(), [...groups.values()].some((l) => l.length > 1), 'hasRepeats');
}

describe('option index against a reading of the query made here', () => {
  it('gives every option its items and its effective item, by bit or by name, in either order', () => {
    checkProperty(
      'option index',
      fc.property(query, fc.boolean(), (items, bitsFirst) => {
        // Empty items are no options: the reading skips them as the parser does.
        const text = `mongodb://h/?${items.join('&')}`;
        const index = resolveOptions(parseConnectionString(text));
        const groups = reading(items);
        assert.equal(index.all.length, [...groups.values()].reduce((n, l) => n + l.length, 0));
        // Item positions of the reading count the empty items too: map them to the parser's numbering.
        const numbering = new Map<number, number>();
        items.forEach((it, k) => it !== '' && numbering.set(k, numbering.size));
        for (const [name, list] of groups) groups.set(name, list.map((k) => numbering.get(k)!));
        check(index, groups, bitsFirst);
      }),
      300,
    );
  });

  it('finds repeats past the few options compared pairwise', () => {
    const many = Array.from({ length: 12 }, (_, k) => `opt${k}=1`);
    assert.equal(resolveOptions(parseConnectionString(`mongodb://h/?${many.join('&')}`)).hasRepeats(), false);
    assert.equal(resolveOptions(parseConnectionString(`mongodb://h/?${[...many, 'OPT3=2'].join('&')}`)).hasRepeats(), true);
  });
});
