/**
 * VS Code snippet bodies: a parser that checks a body against VS Code's snippet grammar and gives the
 * text VS Code inserts when every placeholder keeps its default. Used by the snippet file tests
 * (test/grammar) and by the editor tests that insert each snippet (test/e2e).
 */

/** Variables VS Code fills in (`$TM_FILENAME`, `${CLIPBOARD}`, ...). */
export const VARIABLES = new Set([
  'TM_SELECTED_TEXT', 'TM_CURRENT_LINE', 'TM_CURRENT_WORD', 'TM_LINE_INDEX', 'TM_LINE_NUMBER', 'TM_FILENAME',
  'TM_FILENAME_BASE', 'TM_DIRECTORY', 'TM_FILEPATH', 'RELATIVE_FILEPATH', 'CLIPBOARD', 'WORKSPACE_NAME',
  'WORKSPACE_FOLDER', 'CURSOR_INDEX', 'CURSOR_NUMBER', 'CURRENT_YEAR', 'CURRENT_YEAR_SHORT', 'CURRENT_MONTH',
  'CURRENT_MONTH_NAME', 'CURRENT_MONTH_NAME_SHORT', 'CURRENT_DATE', 'CURRENT_DAY_NAME', 'CURRENT_DAY_NAME_SHORT',
  'CURRENT_HOUR', 'CURRENT_MINUTE', 'CURRENT_SECOND', 'CURRENT_SECONDS_UNIX', 'CURRENT_TIMEZONE_OFFSET', 'RANDOM',
  'RANDOM_HEX', 'UUID', 'BLOCK_COMMENT_START', 'BLOCK_COMMENT_END', 'LINE_COMMENT',
]);

export interface Parsed {
  /**
   * The text the snippet inserts with every placeholder at its default (first choice for choices), as
   * VS Code does: a tab stop without a default (`$1`, `${1}`) mirrors the default that its number has
   * elsewhere in the body. Variables are left out (or give their default): their values depend on the editor.
   */
  text: string;
  /** Tab stop number → the defaults it was given (one entry per occurrence with a default). */
  tabStops: Map<number, string[]>;
  finalCount: number;
}

/** Stands for a tab stop without a default until the body is read (private-use characters). */
const mirror = (n: number): string => `\uE000${n}\uE001`;
const MIRROR = /\uE000(\d+)\uE001/g;

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
export function parseSnippet(body: string): Parsed {
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
        out += mirror(Number(m[1]));
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
          out += mirror(n);
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
  const raw = parseAny(false);
  // Mirrors: the first default given to a number (none for $0, nor for a number that never gets one).
  const resolve = (s: string, depth = 0): string =>
    s.replace(MIRROR, (_, n: string) => (depth > 10 ? '' : resolve(tabStops.get(Number(n))?.[0] ?? '', depth + 1)));
  for (const [n, defaults] of tabStops) tabStops.set(n, defaults.map((d) => resolve(d)));
  return { text: resolve(raw), tabStops, finalCount };
}
