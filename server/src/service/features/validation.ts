import { EmbeddedValue, Problem, Settings } from '../types';
import { checkConnectionString } from '../rules';
import { checkCredentialsInSource } from '../rules/credentials';
import { findPlaceholders, overlapsPlaceholder } from '../uri/placeholders';

/** Checks one connection string; problems inside template placeholders are dropped. */
export function validateUri(text: string, settings: Settings, languageId?: string): Problem[] {
  const check = checkConnectionString(text, settings);
  const problems = languageId ? [...check.problems, ...checkCredentialsInSource(check.parsed, languageId)] : check.problems;
  if (problems.length === 0) return problems;
  const placeholders = findPlaceholders(text);
  if (placeholders.length === 0) return problems;
  return problems.filter((p) => !overlapsPlaceholder(p.span, placeholders));
}

/** Checks one value found in a document; problems are in the value's own coordinates. */
export function validateEmbeddedValue(value: EmbeddedValue, settings: Settings, languageId?: string): Problem[] {
  if (value.kind === 'uri') return validateUri(value.text, settings, languageId);
  return [];
}
