/** The raw key=value items against the option table: which option, and the typed value or why not (uri/options.ts). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findOption } from '../../../server/src/service/data/uriOptions';
import { effective, effectiveValue, occurrences, parseKeyValueList, resolveOptions } from '../../../server/src/service/uri/options';
import { parseConnectionString } from '../../../server/src/service/uri/parser';

const index = (uri: string) => resolveOptions(parseConnectionString(uri));
/** [value, issue message] of the only option of `query`. */
function one(query: string): [unknown, string | undefined] {
  const [r] = index(`mongodb://h/?${query}`).all;
  return [r.value, r.issue?.message];
}

describe('resolveOptions: which option a key names', () => {
  it('finds options whatever the case of the key, and groups them by lower-cased canonical name', () => {
    const idx = index('mongodb://h/?W=1&w=majority&REPLICASET=rs&foo=1');
    assert.deepEqual([...idx.byName.keys()], ['w', 'replicaset', 'foo']);
    assert.deepEqual(idx.all.map((r) => r.option?.name), ['w', 'w', 'replicaSet', undefined]);
    assert.equal(idx.byName.get('w')?.length, 2);
  });

  it('keeps an alias under its own name', () => {
    const idx = index('mongodb://h/?ssl=true&tls=true');
    assert.deepEqual([...idx.byName.keys()], ['ssl', 'tls']);
  });

  it('marks a missing or empty value as empty, except an empty tag set', () => {
    const idx = index('mongodb://h/?w=&journal&readPreferenceTags=');
    assert.deepEqual(idx.all.map((r) => [r.empty, r.value]), [[true, undefined], [true, undefined], [false, {}]]);
  });

  it('leaves the value of an unknown key untyped', () => {
    const [r] = index('mongodb://h/?foo=1').all;
    assert.deepEqual([r.option, r.value, r.issue, r.empty], [undefined, undefined, undefined, false]);
  });
});

describe('resolveOptions: integers', () => {
  it('reads decimal integers within the option\'s range', () => {
    assert.deepEqual(one('maxPoolSize=5'), [5, undefined]);
    assert.deepEqual(one('zlibCompressionLevel=-1'), [-1, undefined]);
    assert.deepEqual(one('maxPoolSize=%35'), [5, undefined]);
  });

  it('says why a value is not an integer or out of range', () => {
    assert.deepEqual(one('maxPoolSize=x'), [undefined, 'maxPoolSize must be an integer; "x" is not.']);
    assert.deepEqual(one('maxPoolSize=1.5'), [undefined, 'maxPoolSize must be an integer; "1.5" is not.']);
    assert.deepEqual(one('zlibCompressionLevel=10'), [undefined, 'zlibCompressionLevel=10 is out of range: it must be -1–9.']);
    assert.deepEqual(one('maxIdleTimeMS=-2'), [undefined, 'maxIdleTimeMS=-2 is out of range: it must be 0–2147483647.']);
  });

  it('accepts special values outside the range and names them in the message', () => {
    assert.deepEqual(one('maxStalenessSeconds=-1'), [-1, undefined]);
    assert.match(one('maxStalenessSeconds=30')[1]!, /must be 90–2147483647 \(or -1\)/);
  });

  it('32-bit unless the option is 64-bit', () => {
    assert.match(one('maxPoolSize=2147483648')[1]!, /out of range/);
    assert.deepEqual(one('wTimeoutMS=2147483648'), [2147483648, undefined]);
  });
});

describe('resolveOptions: booleans, enumerations, lists, write concern', () => {
  it('booleans are true or false; other case and legacy spellings have a replacement', () => {
    assert.deepEqual(one('tls=false'), [false, undefined]);
    const [, issue] = one('tls=TRUE');
    assert.match(issue!, /must be written "true" in lower case/);
    assert.equal(index('mongodb://h/?tls=TRUE').all[0].issue?.replacement, 'true');
    assert.equal(index('mongodb://h/?tls=n').all[0].issue?.replacement, 'false');
    assert.deepEqual([index('mongodb://h/?tls=maybe').all[0].issue?.replacement, index('mongodb://h/?tls=maybe').all[0].issue?.alternatives], ['true', ['false']]);
    assert.equal(index('mongodb://h/?tls=flase').all[0].issue?.replacement, 'false');
  });

  it('enumerations are exact; another case has a replacement; open enumerations take any value', () => {
    assert.deepEqual(one('readPreference=nearest'), ['nearest', undefined]);
    assert.equal(index('mongodb://h/?readPreference=NEAREST').all[0].issue?.replacement, 'nearest');
    assert.match(one('readPreference=far')[1]!, /"far" is not a valid readPreference/);
    assert.equal(index('mongodb://h/?readPreference=secundary').all[0].issue?.replacement, 'secondary');
    assert.deepEqual(one('readConcernLevel=futureLevel'), ['futureLevel', undefined]);
  });

  it('compressors is a comma list, tag sets and mechanism properties are k:v lists', () => {
    assert.deepEqual(one('compressors=zstd,zlib'), [['zstd', 'zlib'], undefined]);
    assert.deepEqual(one('readPreferenceTags=dc:ny,rack:1'), [{ dc: 'ny', rack: '1' }, undefined]);
    assert.deepEqual(one('authMechanismProperties=TOKEN_RESOURCE:mongodb://x'), [{ TOKEN_RESOURCE: 'mongodb://x' }, undefined]);
  });

  it('w is an integer when it is written as one, else any string', () => {
    assert.deepEqual(one('w=2'), [2, undefined]);
    assert.deepEqual(one('w=majority'), ['majority', undefined]);
    assert.match(one('w=-1')[1]!, /w=-1 is out of range: it must be ≥ 0/);
  });
});

describe('parseKeyValueList', () => {
  const tags = findOption('readPreferenceTags')!;
  const props = findOption('authMechanismProperties')!;

  it('splits pairs at "," and each pair at its first ":"', () => {
    assert.deepEqual(parseKeyValueList('', 'a:b,c:d:e', tags), { value: { a: 'b', c: 'd:e' } });
    assert.deepEqual(parseKeyValueList('', '', tags), { value: {} });
  });

  it('a pair without a key or a ":" is an issue naming the pair', () => {
    assert.match(parseKeyValueList('', 'dc:ny,rack', tags).issue!.message, /Each tag in readPreferenceTags must be written key:value; "rack" is not/);
    assert.match(parseKeyValueList('', ':ny', tags).issue!.message, /":ny" is not/);
    assert.match(parseKeyValueList('', 'SERVICE_NAME', props).issue!.message, /Each property in authMechanismProperties/);
  });

  it('in mechanism properties, a pair without ":" after a good one is a comma inside a value', () => {
    assert.match(parseKeyValueList('', 'TOKEN_RESOURCE:mongodb://a,b', props).issue!.message, /contains a comma \("b"\)/);
  });
});

describe('effective, effectiveValue and occurrences', () => {
  const idx = index('mongodb://h/?maxPoolSize=x&maxPoolSize=5&maxPoolSize=y&w=1&w=');

  it('the effective occurrence is the last one with a valid value', () => {
    assert.equal(effective(idx, 'maxPoolSize')?.part.value?.raw, '5');
    assert.equal(effectiveValue(idx, 'maxpoolsize'), 5);
    assert.equal(effective(idx, 'w')?.value, 1);
    assert.equal(effective(idx, 'journal'), undefined);
  });

  it('occurrences lists every occurrence, valid or not; none is a shared frozen empty list', () => {
    assert.equal(occurrences(idx, 'maxPoolSize').length, 3);
    assert.equal(occurrences(idx, 'W').length, 2);
    const none = occurrences(idx, 'journal');
    assert.equal(none.length, 0);
    assert.ok(Object.isFrozen(none));
  });
});
