/**
 * secretMasker (uri/secrets.ts), which masks the secrets of a connection string in the messages of its
 * problems, against the definition: each secret in turn, longest first as given, every occurrence
 * replaced by ****. Generated secrets overlap, nest, share their first characters, hold "*" or are short;
 * the texts are made of pieces of them, so that most secrets occur, cut or whole.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { secretMasker, secretTexts } from '../../../server/src/service/uri/secrets';
import { parseConnectionString } from '../../../server/src/service/uri/parser';
import { checkProperty } from '../../helpers/fuzz';

function reference(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join('****');
  return out;
}

const letters = fc.string({ unit: fc.constantFrom('a', 'b', 'Z', 'q', '7', '*', '%', 'é'), minLength: 1, maxLength: 7 });
const secretList = fc
  .uniqueArray(letters, { minLength: 0, maxLength: 30 })
  .map((list) => [...list].sort((a, b) => b.length - a.length));
const scenario = secretList.chain((secrets) =>
  fc
    .array(fc.oneof(fc.constantFrom(...(secrets.length ? secrets : ['x'])), letters, fc.constantFrom('****', ' ', '"')), { maxLength: 20 })
    .map((pieces) => ({ secrets, text: pieces.join('') })),
);

describe('secretMasker against the definition', () => {
  it('masks what replacing each secret in turn masks, for few and many secrets', () => {
    checkProperty(
      'secretMasker reference',
      fc.property(scenario, ({ secrets, text }) => {
        assert.equal(secretMasker(secrets)(text), reference(text, secrets), JSON.stringify({ secrets, text }));
      }),
      2000,
    );
  });

  it('one masker serves many texts', () => {
    const secrets = Array.from({ length: 50 }, (_, i) => `Zq7vW${i}xK`).sort((a, b) => b.length - a.length);
    const mask = secretMasker(secrets);
    for (const text of ['proxyPassword=Zq7vW12xK', 'Zq7vW1xKZq7vW49xK and Zq7vW', 'nothing here', '']) assert.equal(mask(text), reference(text, secrets));
  });
});

/**
 * secretTexts against the definition, for the password of `mongodb://user:<password>@host/`: the password
 * as written and as decoded (when it decodes), without empty texts or repeats, longest first.
 */
function referenceTexts(password: string): string[] {
  if (password === '') return [];
  let decoded = password;
  try {
    decoded = decodeURIComponent(password);
  } catch {
    // Not decodable: only the text as written.
  }
  const texts = decoded === password || decoded === '' ? [password] : [password, decoded];
  return texts.length === 2 && decoded.length > password.length ? [decoded, password] : texts;
}

const passwordPiece = fc.constantFrom('a', 'Z', '9', '-', '%40', '%3A', '%25', '%', '%4', '%E2%82%AC', '%FF', '!', '*');

describe('secretTexts against the definition', () => {
  it('gives the password as written and as decoded', () => {
    checkProperty(
      'secretTexts reference',
      fc.property(fc.array(passwordPiece, { maxLength: 8 }), (pieces) => {
        const password = pieces.join('');
        const parsed = parseConnectionString(`mongodb://user:${password}@host/`);
        assert.deepEqual(secretTexts(parsed), referenceTexts(password), JSON.stringify(password));
      }),
      1000,
    );
  });
});
