/**
 * The snippet files: valid JSON, contributed in package.json, and every body a valid VS Code
 * snippet (balanced ${…}, numbered tab stops 1..n, $0 at most once, choices, escaped $).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { analyzeAdminCommands } from '../../server/src/service/features/adminCommands';
import { manifest, root } from './tokenizer';

/** Variables VS Code fills in (`$TM_FILENAME`, `${CLIPBOARD}`, ...). */
const VARIABLES = new Set([
  'TM_SELECTED_TEXT', 'TM_CURRENT_LINE', 'TM_CURRENT_WORD', 'TM_LINE_INDEX', 'TM_LINE_NUMBER', 'TM_FILENAME',
  'TM_FILENAME_BASE', 'TM_DIRECTORY', 'TM_FILEPATH', 'RELATIVE_FILEPATH', 'CLIPBOARD', 'WORKSPACE_NAME',
  'WORKSPACE_FOLDER', 'CURSOR_INDEX', 'CURSOR_NUMBER', 'CURRENT_YEAR', 'CURRENT_YEAR_SHORT', 'CURRENT_MONTH',
  'CURRENT_MONTH_NAME', 'CURRENT_MONTH_NAME_SHORT', 'CURRENT_DATE', 'CURRENT_DAY_NAME', 'CURRENT_DAY_NAME_SHORT',
  'CURRENT_HOUR', 'CURRENT_MINUTE', 'CURRENT_SECOND', 'CURRENT_SECONDS_UNIX', 'CURRENT_TIMEZONE_OFFSET', 'RANDOM',
  'RANDOM_HEX', 'UUID', 'BLOCK_COMMENT_START', 'BLOCK_COMMENT_END', 'LINE_COMMENT',
]);

interface Parsed {
  /** The text the snippet inserts with every placeholder at its default (first choice for choices). */
  text: string;
  /** Tab stop number → the defaults it was given (one entry per occurrence with a default). */
  tabStops: Map<number, string[]>;
  finalCount: number;
}

/**
 * Parses a snippet body with VS Code's grammar:
 *   any       ::= tabstop | placeholder | choice | variable | text
 *   tabstop   ::= '$' int | '${' int '}'
 *   placeholder ::= '${' int ':' any '}'
 *   choice    ::= '${' int '|' text (',' text)* '|}'
 *   variable  ::= '$' var | '${' var '}' | '${' var ':' any '}'
 * `$`, `}` and `\` may be escaped (inside choices also `,` and `|`); a `}` closes only a placeholder.
 * A `$` that starts nothing valid must be escaped (VS Code would insert it silently).
 */
function parseSnippet(body: string): Parsed {
  const tabStops = new Map<number, string[]>();
  let finalCount = 0;
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`${why} at ${i}: ${JSON.stringify(body.slice(Math.max(0, i - 20), i + 20))}`);
  };
  const note = (n: number, value: string | undefined) => {
    if (n === 0) finalCount++;
    const list = tabStops.get(n) ?? [];
    if (value !== undefined) list.push(value);
    tabStops.set(n, list);
  };
  function parseAny(inPlaceholder: boolean): string {
    let out = '';
    while (i < body.length) {
      const c = body[i]!;
      if (c === '\\') {
        const next = body[i + 1];
        if (next === '$' || next === '}' || next === '\\') {
          out += next;
          i += 2;
          continue;
        }
        out += c;
        i++;
        continue;
      }
      if (c === '}' && inPlaceholder) return out; // outside a placeholder, } is text
      if (c !== '$') {
        out += c;
        i++;
        continue;
      }
      // A $ construct.
      const rest = body.slice(i + 1);
      let m: RegExpMatchArray | null;
      if ((m = rest.match(/^(\d+)/))) {
        note(Number(m[1]), undefined);
        i += 1 + m[1]!.length;
        continue;
      }
      if ((m = rest.match(/^([A-Z_][A-Z0-9_]*)/))) {
        if (!VARIABLES.has(m[1]!)) fail(`unknown variable $${m[1]} (escape the $ as \\$)`);
        i += 1 + m[1]!.length;
        continue;
      }
      if (rest[0] !== '{') fail('a $ that starts no tab stop or variable must be escaped');
      i += 2;
      if ((m = body.slice(i).match(/^(\d+)/))) {
        const n = Number(m[1]);
        i += m[1]!.length;
        const kind = body[i];
        if (kind === '}') {
          note(n, undefined);
          i++;
        } else if (kind === ':') {
          i++;
          const value = parseAny(true);
          if (body[i] !== '}') fail('unclosed placeholder');
          i++;
          note(n, value);
          out += value;
        } else if (kind === '|') {
          i++;
          const options: string[] = [''];
          for (;;) {
            const d = body[i];
            if (d === undefined) fail('unclosed choice');
            if (d === '\\' && /[$}\\,|]/.test(body[i + 1] ?? '')) {
              options[options.length - 1] += body[i + 1];
              i += 2;
            } else if (d === ',') {
              options.push('');
              i++;
            } else if (d === '|') {
              if (body[i + 1] !== '}') fail('a choice ends with |}');
              i += 2;
              break;
            } else {
              options[options.length - 1] += d;
              i++;
            }
          }
          if (options.some((o) => o === '')) fail('empty choice option');
          note(n, options[0]);
          out += options[0];
        } else fail('expected }, : or | after a tab stop number');
        continue;
      }
      if ((m = body.slice(i).match(/^([A-Z_][A-Z0-9_]*)/))) {
        if (!VARIABLES.has(m[1]!)) fail(`unknown variable \${${m[1]}}`);
        i += m[1]!.length;
        if (body[i] === ':') {
          i++;
          out += parseAny(true);
        }
        if (body[i] !== '}') fail('unclosed variable');
        i++;
        continue;
      }
      fail('${ must be followed by a tab stop number or a variable name');
    }
    if (inPlaceholder) fail('unclosed ${');
    return out;
  }
  const text = parseAny(false);
  return { text, tabStops, finalCount };
}

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
});

test('the admin-command snippets expand to code without admin-command problems', () => {
  const snippets = JSON.parse(readFileSync(path.join(snippetsDir, 'admin-commands.json'), 'utf8')) as Record<string, any>;
  for (const [name, s] of Object.entries(snippets)) {
    const { text } = parseSnippet(Array.isArray(s.body) ? s.body.join('\n') : s.body);
    const { problems } = analyzeAdminCommands(text, 'javascript');
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
