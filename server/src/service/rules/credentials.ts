/**
 * credentials-in-source: a plaintext password inside a connection string in a source or config
 * file. `.env` files are where secrets belong; Markdown and plain text are documentation.
 */
import { ParsedUri } from '../uri/types';
import { findPlaceholders } from '../uri/placeholders';
import { Problem } from '../types';

const CHECKED_LANGUAGES = new Set([
  'json', 'jsonc', 'yaml', 'dockercompose', 'properties', 'ini', 'toml', 'javascript', 'javascriptreact',
  'typescript', 'typescriptreact', 'python', 'go', 'java', 'kotlin', 'csharp', 'ruby', 'php', 'shellscript',
]);

/** Languages where `${NAME}` is substituted from the environment when the file is used. */
const INTERPOLATING = new Set(['yaml', 'dockercompose', 'properties', 'toml', 'shellscript', 'ini']);

export function checkCredentialsInSource(uri: ParsedUri, languageId: string): Problem[] {
  if (!CHECKED_LANGUAGES.has(languageId)) return [];
  const pw = uri.userinfo?.password;
  if (!pw || pw.value.length === 0) return [];
  if (/^[*xX]+$/.test(pw.value)) return [];
  if (findPlaceholders(uri.text, pw.span.start, pw.span.end).length > 0) return [];
  const placeholder = INTERPOLATING.has(languageId) ? '${MONGODB_PASSWORD}' : '<password>';
  return [
    {
      ruleId: 'credentials-in-source',
      severity: 'warning',
      span: pw.span,
      message: 'A plaintext password is stored in this file. Keep it in an environment variable or a secret store (a .env file that is not committed, for example).',
      data: { replacement: placeholder, title: `Replace the password by ${placeholder}` },
    },
  ];
}
