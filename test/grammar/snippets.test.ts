/**
 * The snippet files: valid JSON, contributed in package.json, and every body a valid VS Code
 * snippet (balanced ${…}, numbered tab stops 1..n, $0 at most once, choices, escaped $).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { analyzeAdminCommands } from '../../server/src/service/admin/analyzeAdminCommands';
import { sourceCode } from '../../server/src/service/lex/sourceCode';
import { parseSnippet, type Parsed } from './snippetBody';
import { manifest, root } from './tokenizer';

const snippetsDir = path.join(root, 'snippets');
const files = readdirSync(snippetsDir).filter((f) => f.endsWith('.json'));
const contributed: { language: string; path: string }[] = manifest.contributes.snippets;
const languageIds = new Set<string>([
  ...manifest.contributes.languages.map((l: { id: string }) => l.id),
  // VS Code's own languages we contribute snippets to.
  'javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'yaml', 'dockercompose', 'json', 'jsonc',
]);

test('every snippet file is contributed, and every contribution names an existing file and language', () => {
  const paths = new Set(contributed.map((s) => path.normalize(s.path)));
  for (const f of files) assert.ok(paths.has(path.normalize(`./snippets/${f}`)), `${f} is contributed`);
  for (const s of contributed) {
    assert.ok(files.includes(path.basename(s.path)), s.path);
    assert.ok(languageIds.has(s.language), s.language);
  }
});

for (const file of files) {
  test(`snippets/${file}: valid JSON and valid snippet bodies`, () => {
    const snippets = JSON.parse(readFileSync(path.join(snippetsDir, file), 'utf8')) as Record<string, any>;
    assert.ok(Object.keys(snippets).length > 0);
    for (const [name, s] of Object.entries(snippets)) {
      const prefixes = Array.isArray(s.prefix) ? s.prefix : [s.prefix];
      assert.ok(prefixes.length > 0 && prefixes.every((p: unknown) => typeof p === 'string' && p.length > 0), `${name}: prefix`);
      assert.ok(typeof s.description === 'string' && s.description.length > 10, `${name}: description`);
      assert.ok(typeof s.body === 'string' || (Array.isArray(s.body) && s.body.every((l: unknown) => typeof l === 'string')), `${name}: body`);
      const body = Array.isArray(s.body) ? s.body.join('\n') : s.body;
      let parsed: Parsed;
      try {
        parsed = parseSnippet(body);
      } catch (e) {
        assert.fail(`${name}: ${(e as Error).message}`);
      }
      assert.ok(parsed.finalCount <= 1, `${name}: $0 appears ${parsed.finalCount} times`);
      const numbers = [...parsed.tabStops.keys()].filter((n) => n > 0).sort((a, b) => a - b);
      assert.deepEqual(numbers, numbers.map((_, k) => k + 1), `${name}: tab stops are numbered 1..${numbers.length}`);
      for (const [n, defaults] of parsed.tabStops) {
        assert.ok(new Set(defaults).size <= 1, `${name}: tab stop ${n} has different defaults ${JSON.stringify(defaults)}`);
      }
    }
  });
}

test('the parser rejects broken bodies', () => {
  for (const bad of ['${1:x', '${1:a', '$currentOp', '${1|a,b}', '${x}', '${1|a,,b|}', '${}']) {
    assert.throws(() => parseSnippet(bad), Error, bad);
  }
  assert.equal(parseSnippet('{ \\$gte: ${1:60} ${2|a,b|} }$0').text, '{ $gte: 60 a }');
  // A tab stop without a default mirrors its number's default, before or after it, also inside a default.
  assert.equal(parseSnippet('$1 ${2:[${1:x}]} ${2}$0').text, 'x [x] [x]');
});

test('the admin-command snippets expand to code without admin-command problems', () => {
  const snippets = JSON.parse(readFileSync(path.join(snippetsDir, 'admin-commands.json'), 'utf8')) as Record<string, any>;
  for (const [name, s] of Object.entries(snippets)) {
    const { text } = parseSnippet(Array.isArray(s.body) ? s.body.join('\n') : s.body);
    const { problems } = analyzeAdminCommands(sourceCode(text, 'javascript'));
    assert.deepEqual(problems, [], `${name}:\n${text}`);
  }
});

test('the connection-string snippets expand to strings that start with a scheme', () => {
  for (const file of files.filter((f) => f.startsWith('uri-'))) {
    const snippets = JSON.parse(readFileSync(path.join(snippetsDir, file), 'utf8')) as Record<string, any>;
    for (const [name, s] of Object.entries(snippets)) {
      const { text } = parseSnippet(Array.isArray(s.body) ? s.body.join('\n') : s.body);
      assert.match(text, /mongodb(\+srv)?:\/\/[^\s"]+/, `${file} ${name}`);
    }
  }
});
