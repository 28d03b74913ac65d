/**
 * No problem of a connection string repeats one of its secrets (rules/index.ts): a password of three
 * characters or more, quoted back by a rule as an invalid option value, appears in no message and no
 * fix title, whether the string has that one secret or many (password options, each a secret too).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { validateUri } from '../../../server/src/service/rules/validation';
import { defaultSettings, type Settings } from '../../../server/src/service/api';
import { checkProperty } from '../../helpers/fuzz';

/** Options whose invalid value a message quotes. */
const ECHOING = ['retryWrites', 'tls', 'readPreference', 'maxPoolSize', 'compressors', 'readConcernLevel'];

const secret = fc.stringMatching(/^[a-z][a-z0-9]{2,9}$/).filter((s) => !['true', 'false', 'primary', 'local', 'zstd', 'zlib', 'snappy'].includes(s));

const settings: Settings[] = [
  { ...defaultSettings, driver: 'spec' },
  { ...defaultSettings, driver: 'node' },
];

describe('secrets in the messages of problems', () => {
  it('masks the password quoted back in messages and fix titles, with one secret or many', () => {
    checkProperty(
      'secret masking',
      fc.property(
        secret,
        fc.subarray(ECHOING, { minLength: 1 }),
        fc.nat({ max: 12 }),
        fc.constantFrom(...settings),
        (pw, echoing, passwordOptions, s) => {
          const items = echoing.map((name) => `${name}=${pw}`);
          for (let k = 0; k < passwordOptions; k++) items.push(`proxyPassword=other${k}x`);
          const text = `mongodb://user:${pw}@db.example.com/?${items.join('&')}`;
          const problems = validateUri(text, s);
          assert.ok(problems.length > 0, text);
          for (const p of problems) {
            assert.ok(!p.message.includes(pw), `${text}: ${p.message}`);
            const title = p.data?.title;
            if (typeof title === 'string') assert.ok(!title.includes(pw), `${text}: ${title}`);
          }
        },
      ),
      150,
    );
  });
});
