/**
 * checkDatabaseName (rules/names.ts) says nothing about a name exactly when the name is not empty, holds
 * no character that a server platform forbids in a database name (the lists of data/limits.ts)
 * and is shorter than 64 bytes of UTF-8. Short names of plain characters take a quicker way than the
 * others: both are walked, under every platform.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkDatabaseName } from '../../../server/src/service/rules/names';
import { DATABASE_NAME_FORBIDDEN_UNIX, DATABASE_NAME_FORBIDDEN_WINDOWS } from '../../../server/src/service/data/limits';
import { checkProperty } from '../../helpers/fuzz';

const PLAIN = 'abcxyzABCXYZ0129_-';
const OTHER = ['.', ' ', '/', '\\', '"', '$', '*', '<', '>', ':', '|', '?', '\0', 'é', '€', '😀', '\t', '#', '%', '+', '~'];

/** Lengths over the whole range, and often about the limit. */
const length = fc.oneof(fc.integer({ min: 0, max: 70 }), fc.integer({ min: 60, max: 68 }));
const plain = length.chain((n) => fc.array(fc.constantFrom(...PLAIN), { minLength: n, maxLength: n }));

const name = fc.tuple(plain, fc.array(fc.tuple(fc.nat(), fc.constantFrom(...OTHER)), { maxLength: 3 })).map(([chars, extra]) => {
  const out = [...chars];
  for (const [at, ch] of extra) out.splice(at % (out.length + 1), 0, ch);
  return out.join('');
});

const forbidden = new Set<string>([...DATABASE_NAME_FORBIDDEN_UNIX, ...DATABASE_NAME_FORBIDDEN_WINDOWS, '\0']);

describe('checkDatabaseName: silent exactly on acceptable names', () => {
  it('has no issue for a non-empty name of allowed characters under 64 bytes, and some issue otherwise', () => {
    checkProperty(
      'database name silence',
      fc.property(name, fc.constantFrom('any', 'unix', 'windows'), fc.boolean(), (n, platform, inUri) => {
        const platformForbidden = platform === 'unix' ? new Set<string>([...DATABASE_NAME_FORBIDDEN_UNIX, '\0']) : forbidden;
        const acceptable = n.length > 0 && ![...n].some((ch) => platformForbidden.has(ch)) && Buffer.byteLength(n, 'utf8') < 64;
        const issues = checkDatabaseName(n, { platform, inUri });
        assert.equal(issues.length === 0, acceptable, JSON.stringify(issues));
      }),
      500,
    );
  });
});
