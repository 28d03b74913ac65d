import { EmbeddedValue, Problem, Settings } from '../types';
import { checkConnectionString } from '../rules';
import { checkCredentialsInSource } from '../rules/credentials';
import { findPlaceholders, overlapsPlaceholder } from '../uri/placeholders';
import { checkAtlasConnections } from '../limits/atlasConnections';
import { parseConnectionString } from '../uri/parser';
import { ParsedUri } from '../uri/types';
import { checkCollectionName, checkDatabaseName } from '../naming/names';
import { issuesToProblems } from '../naming/problems';
import { checkAtlasName } from '../naming/atlasNames';

/** Checks one connection string; problems inside template placeholders are dropped. */
export function validateUri(text: string, settings: Settings, languageId?: string): Problem[] {
  return checkUri(text, settings, languageId).problems;
}

function checkUri(text: string, settings: Settings, languageId?: string): { problems: Problem[]; parsed: ParsedUri } {
  const check = checkConnectionString(text, settings);
  let problems = languageId ? [...check.problems, ...checkCredentialsInSource(check.parsed, languageId)] : check.problems;
  if (settings.atlas?.tier) problems = [...problems, ...checkAtlasConnections(check, settings.atlas)];
  return { problems: withoutPlaceholders(text, problems), parsed: check.parsed };
}

/** The parse of each connection string validated, for the whole-document analyses that read it again. */
const parsedUris = new WeakMap<EmbeddedValue, ParsedUri>();

/** The parse of a connection-string value: the one made while validating it, or a new one. */
export function parsedUriOf(value: EmbeddedValue): ParsedUri {
  let parsed = parsedUris.get(value);
  if (!parsed) {
    parsed = parseConnectionString(value.text);
    parsedUris.set(value, parsed);
  }
  return parsed;
}

/** Drops the problems that touch a template placeholder (`${DB}`, `{{ db }}`, `<password>`). */
function withoutPlaceholders(text: string, problems: Problem[]): Problem[] {
  if (problems.length === 0) return problems;
  const placeholders = findPlaceholders(text);
  if (placeholders.length === 0) return problems;
  return problems.filter((p) => !overlapsPlaceholder(p.span, placeholders));
}

/** Checks one value found in a document; problems are in the value's own coordinates. */
export function validateEmbeddedValue(value: EmbeddedValue, settings: Settings, languageId?: string): Problem[] {
  if (value.kind === 'uri') {
    const { problems, parsed } = checkUri(value.text, settings, languageId);
    parsedUris.set(value, parsed);
    return problems;
  }
  if (value.kind === 'database') return withoutPlaceholders(value.text, issuesToProblems(checkDatabaseName(value.text, { platform: settings.serverPlatform ?? 'any' })));
  if (value.kind === 'collection') return withoutPlaceholders(value.text, issuesToProblems(checkCollectionName(value.text)));
  if (value.kind === 'atlas-cluster') return withoutPlaceholders(value.text, issuesToProblems(checkAtlasName(value.text, 'cluster')));
  if (value.kind === 'atlas-project') return withoutPlaceholders(value.text, issuesToProblems(checkAtlasName(value.text, 'project')));
  if (value.kind === 'atlas-organization') return withoutPlaceholders(value.text, issuesToProblems(checkAtlasName(value.text, 'organization')));
  return [];
}
