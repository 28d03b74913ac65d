/**
 * Property: every path the CLI reads in a language of its own (languageIdForPath is not plain text) is a
 * path the pre-commit hook's `files` pattern passes to it, whatever the folders, case and name around it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { checkProperty } from '../helpers/fuzz';
import { languageIdForPath } from '../../server/src/cli/languageId';
import { cliExtensions, hookTakes, readHooks } from './preCommitHook';

const hook = readHooks()[0]!;
const extensions = cliExtensions();

const word = fc.stringMatching(/^[A-Za-z0-9_-]{1,8}$/);
const randomCase = (s: string) => fc.array(fc.boolean(), { minLength: s.length, maxLength: s.length }).map((up) => [...s].map((c, i) => (up[i] ? c.toUpperCase() : c.toLowerCase())).join(''));
/** Names built from the pieces the CLI looks at: .env prefixes and suffixes, compose names, known and other extensions. */
const fileName = fc.oneof(
  fc.tuple(word, fc.constantFrom(...extensions, '.txt', '.bak', '.png', '.lock', '.c', '')).chain(([base, ext]) => randomCase(base + ext)),
  fc.tuple(fc.constantFrom('.env', '.ENV', '.Env'), fc.constantFrom('', '.local', '-prod', '_x', 'rc', '.example')).map(([a, b]) => a + b),
  fc.tuple(word, fc.constantFrom('.env', '.Env', '.envx', '.en', 'env', '_env', '-ENV')).map(([a, b]) => a + b),
  fc.tuple(fc.constantFrom('docker-compose', 'compose', 'Docker-Compose'), fc.constantFrom('', '.override', '-dev'), fc.constantFrom('.yml', '.yaml', '.YML', '.json')).map(([a, b, c]) => a + b + c),
  fc.tuple(word, fc.constantFrom(...extensions), fc.constantFrom(...extensions)).map(([a, b, c]) => a + b + c),
);
const filePath = fc.tuple(fc.array(fc.oneof(word, fc.constant('.config')), { maxLength: 3 }), fileName).map(([dirs, name]) => [...dirs, name].join('/'));

test('the hook passes every file the CLI reads in a language of its own', () => {
  checkProperty(
    'pre-commit files pattern covers languageIdForPath',
    fc.property(filePath, (p) => {
      if (languageIdForPath(p) === 'plaintext') return true;
      assert.ok(hookTakes(hook, p), `${p} (${languageIdForPath(p)}) is left out by ${hook.files}`);
      return true;
    }),
    400,
  );
});
