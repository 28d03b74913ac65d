/**
 * Escaping of replacement text for the syntax a value is written in, the inverse of the decoding
 * each extractor does: decoding `encodeForSyntax(s, syntax)` as that syntax gives back `s`.
 * Template placeholders stay live: `${x}` in decoded text is written back as the host's interpolation.
 */
import { HostSyntax } from '../api';
import { encodeJsonString } from './jsonStrings';
import { SPACE, TILDE } from '../lex/chars';

function escapeWith(s: string, table: Record<string, string>, controls = true): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    const t = table[ch];
    if (t !== undefined) out += t;
    else if (controls && ch === '\n') out += '\\n';
    else if (controls && ch === '\r') out += '\\r';
    else if (controls && ch === '\t') out += '\\t';
    else out += ch;
  }
  return out;
}

/**
 * Writes `${expr}` placeholders as the host's interpolation (`open` + expr + `}`) and doubles every
 * other brace (`{{`, `}}`), as Python f-strings and C# interpolated strings need.
 */
function encodeBraces(s: string, open: string, escapeBrace: (b: string) => string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '$' && s[i + 1] === '{') {
      const close = s.indexOf('}', i + 2);
      const nextOpen = s.indexOf('{', i + 2);
      if (close > 0 && (nextOpen < 0 || nextOpen > close)) {
        out += open + s.slice(i + 2, close) + '}';
        i = close;
        continue;
      }
    }
    out += ch === '{' || ch === '}' ? escapeBrace(ch) : ch;
  }
  return out;
}

const BACKSLASH = { '\\': '\\\\' };

export function encodeForSyntax(s: string, syntax: HostSyntax): string {
  switch (syntax) {
    case 'json':
      return encodeJsonString(s);
    case 'dotenv-double':
    case 'yaml-double':
    case 'toml-basic':
    case 'toml-ml-basic':
    case 'js-double':
    case 'python-double':
    case 'go-double':
    case 'java-double':
    case 'kotlin-double':
    case 'csharp-regular':
      return escapeWith(s, { ...BACKSLASH, '"': '\\"' });
    case 'php-double':
      // `{$` starts an interpolation: its `$` is escaped. PHP has no `\``: a backquote is written as it is.
      return escapeWith(s, { ...BACKSLASH, '"': '\\"' }).replace(/\{\$/g, '{\\$');
    case 'shell-double':
      return escapeWith(s, { ...BACKSLASH, '"': '\\"', '`': '\\`' }, false);
    case 'js-single':
    case 'shell-ansi':
    case 'python-single':
    case 'ruby-single':
    case 'php-single':
      return escapeWith(s, { ...BACKSLASH, "'": "\\'" }, syntax === 'js-single' || syntax === 'python-single' || syntax === 'shell-ansi');
    case 'js-template':
      return escapeWith(s, { ...BACKSLASH, '`': '\\`' }, false);
    case 'java-text-block':
      // Line breaks escaped: a raw one would start a line without the block's indentation.
      return escapeWith(s, { ...BACKSLASH, '"': '\\"' });
    case 'yaml-single':
      return s.replace(/'/g, "''");
    case 'csharp-verbatim':
      return s.replace(/"/g, '""');
    case 'python-f-double':
    case 'python-f-single': {
      const quote = syntax === 'python-f-double' ? '"' : "'";
      return encodeBraces(escapeWith(s, { ...BACKSLASH, [quote]: '\\' + quote }), '{', (b) => b + b);
    }
    case 'csharp-interpolated':
      return encodeBraces(escapeWith(s, { ...BACKSLASH, '"': '\\"' }), '{', (b) => b + b);
    case 'csharp-verbatim-interpolated':
      return encodeBraces(s.replace(/"/g, '""'), '{', (b) => b + b);
    case 'ruby-double':
      return encodeBraces(escapeWith(s, { ...BACKSLASH, '"': '\\"', '#': '\\#' }), '#{', (b) => b);
    case 'properties':
      return encodeProperties(s);
    case 'shell-unquoted':
      // A backslash before a line break joins the lines: a line break is quoted instead (and a `$` before
      // it escaped, so as not to make it `$'…'`).
      return s.replace(/\$(?=\n)|[\\\s"'`;&|<>()]/g, (c) => (c === '\n' ? "'\n'" : '\\' + c));
    default:
      // raw, ini, yaml-plain, yaml-block, dotenv-unquoted, dotenv-single, toml-literal, toml-ml-literal,
      // python-raw, go-raw, kotlin-raw, csharp-raw, shell-single (written back by the shell extractor's rules)
      return syntax === 'shell-single' ? s.replace(/'/g, "'\\''") : s;
  }
}

function encodeProperties(s: string): string {
  // Spaces at the start of a value are skipped and those at its end dropped, and a `=` or `:` at its start
  // may be taken for the separator: those are escaped.
  let tail = s.length;
  while (tail > 0 && s[tail - 1] === ' ') tail--;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    const c = s.charCodeAt(i);
    if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\f') out += '\\f';
    else if (ch === ' ' && (i === 0 || i >= tail)) out += '\\ ';
    else if ((ch === '=' || ch === ':') && i === 0) out += '\\' + ch;
    else if (c < SPACE || c > TILDE) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += ch;
  }
  return out;
}
