/**
 * Typed values of booleans, integers, enums and w (uri/options.ts resolveOptions) against the reading of
 * the option table worked out here: a boolean is exactly true or false; an integer is an optional minus
 * and digits whose number lies in the option's range (int32 unless the table says otherwise) or is one of
 * its special values; an enum value is one of its listed values (any text when the values are only
 * suggestions and none matches in another case); w is an integer from 0, or a name that is not a near
 * miss of majority in any case. A value that is not valid has no typed value and an issue. The same value asked
 * twice (the second time from what the first one kept) reads the same.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseConnectionString } from '../../../server/src/service/uri/parser';
import { resolveOptions } from '../../../server/src/service/uri/options';
import { URI_OPTIONS, type UriOption } from '../../../server/src/service/data/uriOptions';
import { checkProperty } from '../../helpers/fuzz';

const TYPED = URI_OPTIONS.filter((o) => ['boolean', 'integer', 'enum', 'writeConcern'].includes(o.type));

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/**
 * How far `text` is from `majority` in any case of A–Z: letters changed, added, removed, or two
 * neighbours swapped (each one step).
 */
function distanceToMajority(text: string): number {
  const a = text.replace(/[A-Z]/g, (c) => c.toLowerCase());
  const b = 'majority';
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** The integer `text` writes in [min, max] or among `special`, else undefined. */
function integerIn(text: string, min: number, max: number, special: readonly number[] = []): number | undefined {
  if (!/^-?[0-9]+$/.test(text)) return undefined;
  const n = Number(text);
  return special.includes(n) || (n >= min && n <= max) ? n : undefined;
}

/** The typed value the table gives `text` for `o`, or undefined when the value is not valid. */
function expected(o: UriOption, text: string): unknown {
  switch (o.type) {
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : undefined;
    case 'integer': {
      const min = o.min ?? (o.int64 ? Number.MIN_SAFE_INTEGER : INT32_MIN);
      const max = o.max ?? (o.int64 ? Number.MAX_SAFE_INTEGER : INT32_MAX);
      return integerIn(text, min, max, o.specialValues);
    }
    case 'enum': {
      const values = o.values ?? [];
      if (values.includes(text)) return text;
      const inOtherCase = values.some((v) => v.toLowerCase() === text.replace(/[A-Z]/g, (c) => c.toLowerCase()));
      return o.openValues && !inOtherCase ? text : undefined;
    }
    default: // w
      if (/^-?[0-9]+$/.test(text)) return integerIn(text, 0, INT32_MAX);
      return text === 'majority' || distanceToMajority(text) > 2 ? text : undefined;
  }
}

/** Numbers at and around the bounds of the table's ranges, and plain ones. */
function around(o: UriOption): string[] {
  const out = ['0', '1', '00', '007', '-0', '-1', '9', '10', '999999999', '1000000000', '2147483647', '2147483648', '-2147483648', '-2147483649', '99999999999', '9007199254740993'];
  for (const b of [o.min, o.max, ...(o.specialValues ?? [])]) if (b !== undefined) for (const d of [-1, 0, 1]) out.push(String(b + d));
  return out;
}

const WORDS = ['true', 'false', 'TRUE', 'False', 'ture', 'yes', 't', '', 'majority', 'Majority', 'majorty', 'majoirty', 'MAJORTY', 'majoritys', 'minority', 'tag', '1.5', '+1', ' 1', '1 ', '0x10', '1e3', '١'];

/** An option of each type as often as of any other (w, the one of its type, as often as all the booleans). */
const option = fc.constantFrom('boolean', 'integer', 'enum', 'writeConcern').chain((type) => fc.constantFrom(...TYPED.filter((o) => o.type === type)));

const value = option.chain((o) => {
  const listed = (o.values ?? []).flatMap((v) => [v, v.toLowerCase(), v.toUpperCase(), v.slice(1)]);
  const text = fc.oneof(
    { arbitrary: fc.constantFrom(...around(o)), weight: 4 },
    fc.constantFrom(...WORDS, ...listed),
    fc.stringMatching(/^-?[0-9]{1,12}$/),
    fc.string({ maxLength: 6 }),
  );
  return fc.tuple(fc.constant(o), text);
});

/** The typed values of `${name}=${text}` given twice, after checking both against the table. */
function assertAsTable(o: UriOption, text: string): void {
  // Characters that would end the value or start another item are written as escapes.
  const written = text.replace(/[%&;#?/=]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
  const uri = `mongodb://h/?${o.name}=${written}&${o.name}=${written}`;
  const all = resolveOptions(parseConnectionString(uri)).all;
  const want = text === '' ? undefined : expected(o, text);
  assert.equal(all.length, 2);
  for (const r of all) {
    assert.equal(r.option, o);
    assert.deepEqual(r.value, want, `${o.name}=${JSON.stringify(text)}`);
    if (text !== '') assert.equal(r.issue === undefined, want !== undefined, `${o.name}=${JSON.stringify(text)}: issue`);
  }
}

describe('typed option values against the option table', () => {
  it('reads every bound of every range, and the usual words, for every option', () => {
    for (const o of TYPED) for (const text of [...around(o), ...WORDS, ...(o.values ?? [])]) assertAsTable(o, text);
  });

  it('reads booleans, integers, enum values and w as the table says, the first time and again', () => {
    checkProperty(
      'typed option values',
      fc.property(value, ([o, text]) => {
        assertAsTable(o, text);
      }),
      600,
    );
  });
});
