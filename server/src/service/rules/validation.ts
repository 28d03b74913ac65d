import { EmbeddedValue, HostSyntax, Problem, Settings, Span, ValueRecord } from '../api';
import { checkConnectionString } from '.';
import { checkCredentialsInSource } from './credentials';
import { findPlaceholders, overlapsPlaceholder, placeholderStyle, type PlaceholderStyle } from '../uri/placeholders';
import { checkAtlasConnections } from './atlasConnections';
import { parseConnectionString } from '../uri/parser';
import { OptionIndex, resolveOptions } from '../uri/options';
import { DecodedPart, HostPart, ParsedUri } from '../uri/types';
import { checkCollectionName, checkDatabaseName } from './names';
import { NODE_SOURCE_LANGUAGES } from './profile';
import { ruleInfo } from './ruleTable';
import { issuesToProblems } from './nameProblems';
import { checkAtlasName, clusterLabelOfHost } from './atlasNames';

/**
 * What the record of a connection string holds (ValueRecord.parse): its parse as written, which hover,
 * completion and describe show, and the reading the rules checked when that one differs.
 */
export interface UriParse {
  /** The connection string as written. The driver profile changes what the rules judge, not this parse. */
  readonly parsed: ParsedUri;
  /** Its options against the option table (the specification's reading). */
  readonly options: OptionIndex;
  /**
   * Present only when a template placeholder holds characters that split a connection string
   * (`${HOST:-localhost:27017}`): the parse the rules checked, where each such placeholder stays one part
   * (same offsets, those characters read as `_`). The database names and hosts come from this reading.
   */
  readonly checked?: ParsedUri;
}

/**
 * What the name analysis reads of a connection string (its database, authSource values and the hosts that
 * name an Atlas cluster), kept in its record from the check: a few parts, not the whole parse.
 */
export interface UriNameParts {
  readonly database?: DecodedPart;
  readonly authSources: readonly DecodedPart[];
  readonly atlasHosts: readonly HostPart[];
}

/** The record of a connection string: its problems and name parts from the check; its parse once a feature asks. */
export interface UriRecord extends ValueRecord<UriParse> {
  readonly names: UriNameParts;
}

/** No parts: one frozen list for every record without authSource or Atlas hosts (nearly all). */
const NO_PARTS: readonly never[] = Object.freeze([]);
/** The name parts of a string without any: one frozen record. */
const NO_NAMES: UriNameParts = Object.freeze({ authSources: NO_PARTS, atlasHosts: NO_PARTS });

/** The name parts of a check, kept in its record for as long as the document's analysis: only what there is. */
function namePartsOf(parsed: ParsedUri): UriNameParts {
  let authSources: DecodedPart[] | undefined;
  for (const o of parsed.options) if (o.keyLower === 'authsource' && o.value) (authSources ??= []).push(o.value);
  let atlasHosts: HostPart[] | undefined;
  for (const h of parsed.hosts) if (clusterLabelOfHost(h.host.value) !== undefined) (atlasHosts ??= []).push(h);
  if (!parsed.database && !authSources && !atlasHosts) return NO_NAMES;
  const parts = { authSources: authSources ?? NO_PARTS, atlasHosts: atlasHosts ?? NO_PARTS };
  return parsed.database ? { database: parsed.database, ...parts } : parts;
}

/**
 * The parse of a connection string, from its record: made the first time a feature (hover, completion,
 * describe) asks, then kept in the record, so that the analysis holds it for every later request and the
 * next versions that keep the value. The check keeps only problems and name parts: keeping the parse of
 * every value of a large document cost a fifth more time and three times the memory. Undefined for a
 * value that is not a connection string.
 */
export function uriParseOf(value: EmbeddedValue, record: ValueRecord | undefined): UriParse | undefined {
  if (value.kind !== 'uri' || !record) return undefined;
  if (record.parse === undefined) {
    const parsed = parseConnectionString(value.text);
    const checkedText = mayHoldSeparators(value.text) ? withOpaquePlaceholders(value.text, findPlaceholders(value.text, 0, value.text.length, placeholderStyle(value.syntax, value.text))) : value.text;
    const parse: UriParse = checkedText === value.text ? { parsed, options: resolveOptions(parsed) } : { parsed, options: resolveOptions(parsed), checked: parseConnectionString(checkedText) };
    (record as { parse?: UriParse }).parse = parse;
  }
  return record.parse as UriParse;
}

/** The name parts of a connection string's record (none for the record of a name). */
export function uriNamesOf(record: ValueRecord | undefined): UriNameParts | undefined {
  return (record as UriRecord | undefined)?.names;
}

/** Checks one connection string; problems inside template placeholders are dropped. */
export function validateUri(text: string, settings: Settings, languageId?: string, syntax?: HostSyntax, documentUri?: string): Problem[] {
  return checkUri(text, settings, languageId, syntax, undefined, documentUri).problems;
}

/** What checkUri gives: the problems outside placeholders, and the check whose parse the name parts come from. */
interface UriChecked {
  problems: Problem[];
  parsed: ParsedUri;
}

function checkUri(
  text: string,
  settings: Settings,
  languageId?: string,
  syntax?: HostSyntax,
  value?: EmbeddedValue,
  documentUri?: string,
): UriChecked {
  // The placeholders are found once, when either step needs them.
  let found: Span[] | undefined;
  const placeholders = () => (found ??= findPlaceholders(text, 0, text.length, placeholderStyle(syntax, text)));
  const checkedText = mayHoldSeparators(text) ? withOpaquePlaceholders(text, placeholders()) : text;
  const check = checkConnectionString(checkedText, settings, languageId, placeholders, documentUri);
  // The check's own array (made for this call) takes the problems of the other checks.
  const problems = check.problems;
  if (languageId) {
    const place = { documentUri, comment: value?.comment, tracked: settings.tracked };
    for (const p of checkCredentialsInSource(check.parsed, languageId, place)) problems.push(p);
  }
  if (settings.atlas?.tier) for (const p of checkAtlasConnections(check, settings.atlas)) problems.push(p);
  // The name parts are made by validateEmbeddedValue, which keeps them; validateUri does not need them.
  const shown = value?.comment ? problems.filter(isNotAdviceInfo) : problems;
  return { problems: outsidePlaceholders(shown, placeholders), parsed: check.parsed };
}

/**
 * What a string in a comment (a commented-out line, an example) is told: its mistakes, not advice on how
 * it would connect (TLS left off, a certificate named elsewhere), which is information for a string in use.
 */
function isNotAdviceInfo(p: Problem): boolean {
  return !(p.severity === 'info' && ruleInfo(p.ruleId)?.group === 'advice');
}

/** Characters that split a connection string into parts. */
const STRUCTURAL = /[/?@,#&=:;[\]"'\s]/;
const EVERY_STRUCTURAL = new RegExp(STRUCTURAL.source, 'g');

/**
 * Only placeholders with braces, parentheses or brackets (`${…}`, `$(…)`, `{{…}}`, the optional parts
 * of the documented format, `[username:password@]`) can hold a separator.
 */
function mayHoldSeparators(text: string): boolean {
  return text.indexOf('{') >= 0 || text.indexOf('(') >= 0 || text.indexOf('[') >= 0;
}

/**
 * The text with the characters that split a connection string (`/`, `?`, `@`, `,`, `:`, quotes) replaced
 * by `_` inside placeholders, so that `${trimprefix(x, "mongodb+srv://")}` or `${PORT:-27017}` stays one
 * part where it stands instead of cutting the string; offsets are unchanged. The text itself when no
 * placeholder holds such a character.
 */
function withOpaquePlaceholders(text: string, placeholders: readonly Span[]): string {
  let out = '';
  let at = 0;
  for (const p of placeholders) {
    const inner = text.slice(p.start, p.end);
    if (!STRUCTURAL.test(inner)) continue;
    out += text.slice(at, p.start) + inner.replace(EVERY_STRUCTURAL, '_');
    at = p.end;
  }
  return at === 0 ? text : out + text.slice(at);
}

/** Drops the problems that touch a template placeholder (`${DB}`, `{{ db }}`, `<password>`); placeholders found only if needed. */
function outsidePlaceholders(problems: Problem[], placeholders: () => readonly Span[]): Problem[] {
  if (problems.length === 0) return problems;
  const spans = placeholders();
  if (spans.length === 0) return problems;
  return problems.filter((p) => !overlapsPlaceholder(p.span, spans));
}

/** The same for a name, written in a known syntax. */
function withoutPlaceholders(text: string, problems: Problem[], style: PlaceholderStyle): Problem[] {
  return outsidePlaceholders(problems, () => findPlaceholders(text, 0, text.length, style));
}

/** The record of a name without problems: one object for all of them. */
const NO_PROBLEMS: ValueRecord = Object.freeze({ problems: Object.freeze([]) as readonly Problem[] });

const nameRecord = (problems: readonly Problem[]): ValueRecord => (problems.length === 0 ? NO_PROBLEMS : { problems });

/**
 * Checks one value found in a document, once: its record, with its problems in the value's own
 * coordinates and, for a connection string, its parse. `documentUri` is the document's URI
 * (credentials-in-source leaves test, fixture and example files alone).
 */
export function validateEmbeddedValue(value: EmbeddedValue, settings: Settings, languageId?: string, documentUri?: string): ValueRecord {
  if (value.kind === 'uri') {
    const { problems, parsed } = checkUri(value.text, settings, languageId, value.syntax, value, documentUri);
    const record: UriRecord = { problems, names: namePartsOf(parsed) };
    return record;
  }
  const style = placeholderStyle(value.syntax, value.text);
  // The Node.js driver's `client.db('')` is the database of the connection string (or `test`), not a
  // database without a name.
  if (value.kind === 'database' && value.text === '' && languageId !== undefined && NODE_SOURCE_LANGUAGES.has(languageId)) return NO_PROBLEMS;
  if (value.kind === 'database') return nameRecord(withoutPlaceholders(value.text, issuesToProblems(checkDatabaseName(value.text, { platform: settings.serverPlatform ?? 'any' })), style));
  if (value.kind === 'collection') return nameRecord(withoutPlaceholders(value.text, issuesToProblems(checkCollectionName(value.text)), style));
  if (value.kind === 'atlas-cluster') return nameRecord(withoutPlaceholders(value.text, issuesToProblems(checkAtlasName(value.text, 'cluster')), style));
  if (value.kind === 'atlas-project') return nameRecord(withoutPlaceholders(value.text, issuesToProblems(checkAtlasName(value.text, 'project')), style));
  if (value.kind === 'atlas-organization') return nameRecord(withoutPlaceholders(value.text, issuesToProblems(checkAtlasName(value.text, 'organization')), style));
  return NO_PROBLEMS;
}
