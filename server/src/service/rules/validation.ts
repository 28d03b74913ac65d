import { EmbeddedValue, HostSyntax, Problem, Settings } from '../api';
import { checkConnectionString } from '.';
import { checkCredentialsInSource } from './credentials';
import { findPlaceholders, overlapsPlaceholder, placeholderStyle, type PlaceholderStyle } from '../uri/placeholders';
import { checkAtlasConnections } from './atlasConnections';
import { parseConnectionString } from '../uri/parser';
import { DecodedPart, HostPart, ParsedUri } from '../uri/types';
import { checkCollectionName, checkDatabaseName } from './names';
import { issuesToProblems } from './nameProblems';
import { checkAtlasName, clusterLabelOfHost } from './atlasNames';

/** Checks one connection string; problems inside template placeholders are dropped. */
export function validateUri(text: string, settings: Settings, languageId?: string, syntax?: HostSyntax): Problem[] {
  return checkUri(text, settings, languageId, syntax).problems;
}

function checkUri(
  text: string,
  settings: Settings,
  languageId?: string,
  syntax?: HostSyntax,
  value?: EmbeddedValue,
  documentUri?: string,
): { problems: Problem[]; parsed: ParsedUri } {
  const check = checkConnectionString(withOpaquePlaceholders(text, syntax), settings, languageId);
  const place = { documentUri, comment: value?.comment, tracked: settings.tracked };
  let problems = languageId ? [...check.problems, ...checkCredentialsInSource(check.parsed, languageId, place)] : check.problems;
  if (settings.atlas?.tier) problems = [...problems, ...checkAtlasConnections(check, settings.atlas)];
  return { problems: withoutPlaceholders(text, problems, placeholderStyle(syntax)), parsed: check.parsed };
}

/**
 * What the whole-document analyses read again of a connection string (its database names and Atlas
 * host names), kept per value from its validation: a few parts, not the whole parse, so that a large
 * document's analysis stays small in memory.
 */
export interface UriNameParts {
  database?: DecodedPart;
  /** Values of the authSource options. */
  authSources: DecodedPart[];
  /** Hosts whose name has an Atlas cluster label. */
  atlasHosts: HostPart[];
}

const nameParts = new WeakMap<EmbeddedValue, UriNameParts>();

function namePartsOfParse(parsed: ParsedUri): UriNameParts {
  const authSources: DecodedPart[] = [];
  for (const o of parsed.options) if (o.keyLower === 'authsource' && o.value) authSources.push(o.value);
  const atlasHosts = parsed.hosts.filter((h) => clusterLabelOfHost(h.host.value) !== undefined);
  return { database: parsed.database, authSources, atlasHosts };
}

/**
 * Lets `to`, a value of the same text as `from` (a re-extraction of an unchanged connection string),
 * use the name parts kept for `from` instead of parsing again.
 */
export function shareNameParts(from: EmbeddedValue, to: EmbeddedValue): void {
  const parts = nameParts.get(from);
  if (parts && from.text === to.text && !nameParts.has(to)) nameParts.set(to, parts);
}

/** The name parts of a connection-string value: those kept from its validation, or from a new parse. */
export function uriNamePartsOf(value: EmbeddedValue): UriNameParts {
  let parts = nameParts.get(value);
  if (!parts) {
    parts = namePartsOfParse(parseConnectionString(value.text));
    nameParts.set(value, parts);
  }
  return parts;
}

/** Characters that split a connection string into parts. */
const STRUCTURAL = /[/?@,#&=:;[\]"'\s]/;

/**
 * The text with the characters that split a connection string (`/`, `?`, `@`, `,`, `:`, quotes) replaced
 * by `_` inside placeholders, so that `${trimprefix(x, "mongodb+srv://")}` or `${PORT:-27017}` stays one
 * part where it stands instead of cutting the string; offsets are unchanged. The text itself when no
 * placeholder holds such a character.
 */
function withOpaquePlaceholders(text: string, syntax: HostSyntax | undefined): string {
  if (text.indexOf('{') < 0 && text.indexOf('(') < 0) return text;
  const placeholders = findPlaceholders(text, 0, text.length, placeholderStyle(syntax));
  let out: string | undefined;
  for (const p of placeholders) {
    const inner = text.slice(p.start, p.end);
    if (!STRUCTURAL.test(inner)) continue;
    out = (out ?? text).slice(0, p.start) + inner.replace(/[/?@,#&=:;[\]"'\s]/g, '_') + (out ?? text).slice(p.end);
  }
  return out ?? text;
}

/** Drops the problems that touch a template placeholder (`${DB}`, `{{ db }}`, `<password>`). */
function withoutPlaceholders(text: string, problems: Problem[], style: PlaceholderStyle): Problem[] {
  if (problems.length === 0) return problems;
  const placeholders = findPlaceholders(text, 0, text.length, style);
  if (placeholders.length === 0) return problems;
  return problems.filter((p) => !overlapsPlaceholder(p.span, placeholders));
}

/**
 * Checks one value found in a document; problems are in the value's own coordinates. `documentUri`
 * is the document's URI (credentials-in-source leaves test, fixture and example files alone).
 */
export function validateEmbeddedValue(value: EmbeddedValue, settings: Settings, languageId?: string, documentUri?: string): Problem[] {
  if (value.kind === 'uri') {
    const { problems, parsed } = checkUri(value.text, settings, languageId, value.syntax, value, documentUri);
    nameParts.set(value, namePartsOfParse(parsed));
    return problems;
  }
  const style = placeholderStyle(value.syntax);
  if (value.kind === 'database') return withoutPlaceholders(value.text, issuesToProblems(checkDatabaseName(value.text, { platform: settings.serverPlatform ?? 'any' })), style);
  if (value.kind === 'collection') return withoutPlaceholders(value.text, issuesToProblems(checkCollectionName(value.text)), style);
  if (value.kind === 'atlas-cluster') return withoutPlaceholders(value.text, issuesToProblems(checkAtlasName(value.text, 'cluster')), style);
  if (value.kind === 'atlas-project') return withoutPlaceholders(value.text, issuesToProblems(checkAtlasName(value.text, 'project')), style);
  if (value.kind === 'atlas-organization') return withoutPlaceholders(value.text, issuesToProblems(checkAtlasName(value.text, 'organization')), style);
  return [];
}
