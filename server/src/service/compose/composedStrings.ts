/**
 * Connection strings composed from variables of the same file: a `.env` file as dotenv-expand composes
 * them (`MONGODB_URI=mongodb://${DB_USER}:${DB_PASS}@${DB_HOST}/shop`), Spring's `.properties` as Spring
 * does (`spring.data.mongodb.uri=mongodb://${mongo.host}:${mongo.port:27017}/shop`): the composed string is checked with
 * every rule, and a problem that the values of the variables bring in is shown on the reference in the
 * connection string, with the line that defines the variable as related information. What the string's
 * own check already reports (its literal parts) is not reported again; variables the file does not
 * define stay opaque placeholders.
 */
import { LineIndex } from '../lex/lines';
import { uriFileName } from '../data/text';
import { SPRING_FILE } from '../data/configFiles';
import type { DocumentAnalysis, EmbeddedValue, Problem, RelatedPlace, Settings, SourceCode, Span, ValueRecord } from '../api';
import { toDocumentOffset } from '../extract/offsets';
import { validateUri } from '../rules/validation';
import { parseConnectionString } from '../uri/parser';
import { maskSpans, secretSpans } from '../uri/secrets';
import { hasReferences, interpolate, referencesResolve, type Interpolation, type InterpolationSyntax, type Lookup, type ResultPart, type VariableDefinition } from './interpolate';
import { siblingUri } from './files';
import { containerEnvironments } from './composeContainer';
import { DefinitionFinder, dotenvFinder, propertiesFinder, shellFinder, yamlFinder } from './variables';
import { isWordChar } from '../lex/identifiers';
import { message } from '../data/l10n';

const EMPTY: DocumentAnalysis = { problems: [], hoverAt: () => null };

/** A file that defines variables: its text, and how to find the definitions of names in it. */
interface DefiningFile {
  uri: string;
  text: string;
  /** The definition of a name; `before`: the one that holds at that offset of the document (a script's earlier lines). */
  find: DefinitionFinder;
  /** The definitions depend on where the value is (a shell script). */
  positional?: boolean;
}

/** The files whose connection strings are composed from variables: of the same file, or of files beside it. */
interface Source {
  syntax: InterpolationSyntax;
  /** Who fills the variables in, for the hover. */
  tool: string;
  /** Where variables the source does not define are said to be missing from. */
  where: string;
  /** The files that define the variables, the first that defines a name winning (none: none can be read). */
  definingFiles(code: SourceCode): DefiningFile[];
  /** A value written so that it is not expanded (single quotes in .env). */
  literal?(value: EmbeddedValue): boolean;
}

const itself =
  (finder: (text: string, documentUri: string) => DefinitionFinder) =>
  (code: SourceCode): DefiningFile[] => [{ uri: code.uri, text: code.text, find: finder(code.text, code.uri) }];

/** Docker compose fills `${VAR}` in the compose file from the shell and the project's `.env` (beside the file). */
function besideEnv(code: SourceCode): DefiningFile[] {
  const uri = siblingUri(code.uri, '.env');
  const text = uri === undefined ? undefined : code.files?.read(uri);
  return uri !== undefined && text !== undefined ? [{ uri, text, find: dotenvFinder(text, uri) }] : [];
}

/**
 * Spring resolves `${key}` from every configuration file of the application: a profile's file
 * (`application-dev.yml`) before the base one, and at the same level `.properties` before `.yml`. The
 * files beside the document (the same folder) are read; the document itself counts with its own text.
 */
function springFiles(code: SourceCode): DefiningFile[] {
  const name = code.uri.slice(code.uri.lastIndexOf('/') + 1);
  const m = SPRING_FILE.exec(name);
  const finderOf = (file: string) => (/\.properties$/i.test(file) ? propertiesFinder : yamlFinder);
  if (!m) return code.languageId === 'properties' ? itself(propertiesFinder)(code) : [];
  const base = m[1]!;
  const names = [...(m[2] ? [`${base}${m[2]}.properties`, `${base}${m[2]}.yml`, `${base}${m[2]}.yaml`] : []), `${base}.properties`, `${base}.yml`, `${base}.yaml`];
  const out: DefiningFile[] = [];
  for (const file of names) {
    if (file.toLowerCase() === name.toLowerCase()) {
      out.push({ uri: code.uri, text: code.text, find: finderOf(name)(code.text, code.uri) });
      continue;
    }
    const uri = siblingUri(code.uri, file);
    const text = uri === undefined ? undefined : code.files?.read(uri);
    if (uri !== undefined && text !== undefined) out.push({ uri, text, find: finderOf(file)(text, uri) });
  }
  return out;
}

const SOURCES: Readonly<Record<string, Source>> = {
  dotenv: { syntax: 'dotenv', tool: 'dotenv-expand', where: 'this file', definingFiles: itself(dotenvFinder), literal: (v) => v.syntax === 'dotenv-single' },
  properties: { syntax: 'spring', tool: 'Spring', where: "the application's configuration files", definingFiles: springFiles },
  yaml: { syntax: 'spring', tool: 'Spring', where: "the application's configuration files", definingFiles: springFiles },
  dockercompose: { syntax: 'compose', tool: 'docker compose', where: 'the .env beside this file', definingFiles: besideEnv },
  shellscript: {
    syntax: 'dotenv',
    tool: 'the shell',
    where: 'the lines of this script above it',
    definingFiles: (code) => [{ uri: code.uri, text: code.text, find: shellFinder(code.text, code.uri), positional: true }],
    literal: (v) => v.syntax === 'shell-single',
  },
};

/** The parts of the result that [start, end) touches (at least the one at start). */
function partsOver(r: Interpolation, span: Span): ResultPart[] {
  const out = r.parts.filter((p) => p.start < Math.max(span.end, span.start + 1) && p.end > span.start);
  if (out.length === 0 && r.parts.length > 0) out.push(r.parts[r.parts.length - 1]!);
  return out;
}

export function analyzeComposedStrings(code: SourceCode, values: readonly EmbeddedValue[], settings: Settings, records: readonly ValueRecord[]): DocumentAnalysis {
  const source = SOURCES[code.languageId];
  if (!source || code.text.indexOf('$') < 0) return EMPTY;
  // No file to read (no .env beside a compose file): every variable is unknown.
  const files = source.definingFiles(code);
  if (files.length === 0 && code.languageId === 'yaml') return EMPTY;
  const where = files.length > 0 ? source.where : `${source.where} (there is none)`;
  // Definitions are looked up by name when a reference asks for them, once each (in a script, once per line).
  const known = new Map<string, VariableDefinition | undefined>();
  const positional = files.some((f) => f.positional);
  const lookupAt =
    (before: number) =>
    (name: string): VariableDefinition | undefined => {
      const key = positional ? `${before}:${name}` : name;
      if (!known.has(key)) {
        let found: VariableDefinition | undefined;
        for (const f of files) if ((found = f.find(name, before))) break;
        known.set(key, found);
      }
      return known.get(key);
    };
  const lookup = lookupAt(code.text.length);
  const context: Context = { code, files, inStrings: new Map(), texts: new Map(), lines: new Map(), uses: new Map(), references: new Map() };
  let containers: ReturnType<typeof containerEnvironments> | undefined;
  const problems: Problem[] = [];
  const composed: Array<{ value: EmbeddedValue; r: Interpolation; k: number }> = [];
  /**
   * Strings whose variables are all unknown: checked with placeholders (by their own check), and said so in
   * a hover; each is interpolated only when a hover asks about it.
   */
  const opaque: OpaqueString[] = [];
  for (let k = 0; k < values.length; k++) {
    const value = values[k]!;
    if (value.kind !== 'uri' || value.comment || source.literal?.(value) || value.text.indexOf('$') < 0) continue;
    // A script's value reads the assignments of the lines above its own; a compose value's escaped
    // `$${VAR}` is filled in by its container, from the service's environment.
    const container = source.syntax === 'compose' && value.text.includes('$$') && hasReferences(value.text, source.syntax) ? (containers ??= containerEnvironments(code))(value) : undefined;
    if (container) for (const [uri, text] of container.texts) context.texts.set(uri, text);
    const lookupHere = positional ? lookupAt(code.text.lastIndexOf('\n', value.start) + 1) : lookup;
    const escaped = container?.lookup;
    // A string without references (as the tool reads them) has nothing to compose or to say in a hover.
    const references = referencesResolve(value.text, source.syntax, lookupHere, escaped);
    if (references === 'resolved') composed.push({ value, r: interpolated(value, source.syntax, lookupHere, escaped), k });
    else if (references === 'unknown') opaque.push({ value, lookup: lookupHere, escaped });
  }
  // How often each variable is written in the connection strings: a fix may edit a definition only they use.
  const inStrings = context.inStrings;
  for (const { r } of composed) for (const ref of r.references) if (ref.written) inStrings.set(ref.name, (inStrings.get(ref.name) ?? 0) + 1);
  for (const { value, r, k } of composed) {
    // What the string's own check reported, by rule and document offset: made when a problem is placed on its own text.
    let own: Set<string> | undefined;
    const ownReported = (ruleId: string, start: number) => (own ??= new Set((records[k]?.problems ?? []).map((p) => `${p.ruleId}@${toDocumentOffset(value, p.span.start)}`))).has(`${ruleId}@${start}`);
    // Problems in one variable's value are all shown on its reference: the same problem twice there
    // (three `/` in a password) is said once.
    const placedHere = new Set<string>();
    for (const p of validateUri(r.text, settings, undefined, value.syntax, code.uri)) {
      const placed = place(context, value, r, p, ownReported);
      if (!placed) continue;
      const key = `${placed.ruleId}@${placed.span.start}:${placed.span.end}:${placed.message}`;
      if (placedHere.has(key)) continue;
      placedHere.add(key);
      problems.push(placed);
    }
  }
  if (composed.length === 0 && opaque.length === 0) return EMPTY;
  return {
    problems,
    hoverAt: () => null,
    hoverFirstAt: (offset) => composedHover(context, source, composed, offset) ?? opaqueHover(source, where, opaque, offset),
    composedText: (k) => composed.find((c) => c.k === k)?.r.text,
  };
}

/** A value interpolated, variables the lookups do not know left as written. */
function interpolated(value: EmbeddedValue, syntax: InterpolationSyntax, lookup: Lookup, escaped: Lookup | undefined): Interpolation {
  return interpolate(value.text, syntax, lookup, { keepUnknown: true, ...(escaped ? { escaped } : {}) });
}

/** A connection string none of whose variables is known here, and the lookups to interpolate it with when a hover asks. */
interface OpaqueString {
  value: EmbeddedValue;
  lookup: Lookup;
  escaped: Lookup | undefined;
}

/** Hover on a variable of a string none of whose variables is known here. */
function opaqueHover(source: Source, where: string, opaque: readonly OpaqueString[], offset: number): { contents: string; span: Span } | null {
  for (const { value, lookup, escaped } of opaque) {
    // Its references lie in the value: only a value around the offset is interpolated (offsets rise through a value).
    if (offset < toDocumentOffset(value, 0) || offset > toDocumentOffset(value, value.text.length)) continue;
    const r = interpolated(value, source.syntax, lookup, escaped);
    for (const ref of r.references) {
      const span = { start: toDocumentOffset(value, ref.span.start), end: toDocumentOffset(value, ref.span.end) };
      if (offset < span.start || offset > span.end) continue;
      const names = [...new Set(r.references.map((x) => x.name))];
      const list = names.map((n) => `\`${n}\``).join(', ');
      const lines = [
        `**Connection string with variables** (filled in by ${source.tool})`,
        '',
        `${names.length === 1 ? `Its variable ${list} is not` : `None of its variables (${list}) is`} defined in ${where}: ${names.length === 1 ? 'its value comes' : 'their values come'} from the environment at run time. The string is checked with ${names.length === 1 ? 'it' : 'them'} as placeholders, which can stand for anything.`,
      ];
      return { contents: lines.join('\n'), span };
    }
  }
  return null;
}

/** The document, the files defining its variables (maybe itself) and how often each variable is written in its connection strings. */
interface Context {
  code: SourceCode;
  files: readonly DefiningFile[];
  inStrings: Map<string, number>;
  /** Other files definitions come from (a compose service's env files). */
  texts: Map<string, string>;
  /** The lines of each text that a message or a fix names a line of, by document, indexed once. */
  lines: Map<string, LineIndex>;
  /** How many times each variable is written in the files (counted once per variable). */
  uses: Map<string, number>;
  /** How many times each name is written as a reference, by document (counted once per document). */
  references: Map<string, Map<string, number>>;
}

/** The text of the document a definition is in. */
function textOf(context: Context, documentUri: string): string {
  return context.files.find((f) => f.uri === documentUri)?.text ?? context.texts.get(documentUri) ?? context.code.text;
}

/** The 1-based line of an offset of the document a definition is in. */
function linesOf(context: Context, documentUri: string): LineIndex {
  let index = context.lines.get(documentUri);
  if (!index) context.lines.set(documentUri, (index = new LineIndex(textOf(context, documentUri))));
  return index;
}

function lineIn(context: Context, documentUri: string, offset: number): number {
  return linesOf(context, documentUri).lineOf(offset);
}

/**
 * Hover on a variable of a composed string: the string as composed, secrets masked, and where each
 * variable comes from.
 */
function composedHover(context: Context, source: Source, composed: ReadonlyArray<{ value: EmbeddedValue; r: Interpolation }>, offset: number): { contents: string; span: Span } | null {
  for (const { value, r } of composed) {
    for (const ref of r.references) {
      if (!ref.written) continue;
      const span = { start: toDocumentOffset(value, ref.span.start), end: toDocumentOffset(value, ref.span.end) };
      if (offset < span.start || offset > span.end) continue;
      const parsed = parseConnectionString(r.text);
      const secrets = secretSpans(parsed);
      const lines = [`**Connection string with its variables filled in** (as ${source.tool} fills them; secrets masked)`, '', '`' + maskSpans(r.text, secrets).replace(/`/g, "'") + '`', ''];
      for (const other of r.references) {
        // Only the references written in the string itself (not those inside a definition).
        if (!other.written) continue;
        const parts = r.parts.filter((p) => p.via[0] === other);
        const start = parts.length > 0 ? parts[0]!.start : 0;
        const end = parts.length > 0 ? parts[parts.length - 1]!.end : 0;
        const secret = secrets.some((x) => x.start < end && start < x.end);
        const shown = !other.definition ? `not defined in ${source.where}: left as written` : secret ? '`****`' : '`' + r.text.slice(start, end).replace(/`/g, "'") + '`';
        const where = other.definition ? ` (${placeName(context, other.definition.documentUri)}line ${lineIn(context, other.definition.documentUri, other.definition.start)})` : '';
        lines.push(`- \`${other.name}\`${where}: ${shown}`);
      }
      return { contents: lines.join('\n'), span };
    }
  }
  return null;
}

/**
 * A problem of the composed string, placed in the document: on its own text, or on the reference that
 * brought it in. Undefined for one on its own text that its own check reported (`ownReported`).
 */
function place(context: Context, value: EmbeddedValue, r: Interpolation, p: Problem, ownReported: (ruleId: string, start: number) => boolean): Problem | undefined {
  const parts = partsOver(r, p.span);
  const first = parts[0]!;
  if (first.origin.kind === 'text' && first.via.length === 0) {
    // It starts in the string's own text: shown there unless the string's own check reported it (then this
    // one comes of the values filled in, and says so).
    const from = first.origin.start + (Math.max(p.span.start, first.start) - first.start);
    const to = first.origin.start + (Math.min(p.span.end, first.end) - first.start);
    const span = { start: toDocumentOffset(value, from), end: toDocumentOffset(value, Math.max(from, to)) };
    if (ownReported(p.ruleId, span.start)) return undefined;
    return { ruleId: p.ruleId, severity: p.severity, message: message('composed.prefix', { inner: p.message }), span };
  }
  // It starts in a variable's value: shown on the reference written in the string, pointing at the definition.
  const outer = first.via[0]!;
  const related: RelatedPlace[] = [];
  let where = '';
  if (first.origin.kind === 'definition') {
    const d = first.origin.definition;
    const place: RelatedPlace = { documentUri: d.documentUri, span: { start: first.origin.start, end: first.origin.end }, message: message('related.definedHere', { name: d.name }) };
    if (d.documentUri !== context.code.uri) {
      const lines = linesOf(context, d.documentUri);
      place.range = { start: lines.positionOf(first.origin.start), end: lines.positionOf(first.origin.end) };
    }
    related.push(place);
    where = message('composed.where', { name: d.name, place: placeName(context, d.documentUri), line: lineIn(context, d.documentUri, first.origin.start) });
  }
  const fix = definitionFix(context, r, p);
  return {
    ruleId: p.ruleId,
    severity: p.severity,
    message: message('composed.prefixWhere', { inner: p.message, where }),
    span: { start: toDocumentOffset(value, outer.span.start), end: toDocumentOffset(value, outer.span.end) },
    related,
    ...(fix ? { data: fix } : {}),
  };
}

/** `.env, ` when a place is in the other file (its name), '' in the document itself. */
function placeName(context: Context, documentUri: string): string {
  return documentUri === context.code.uri ? '' : `${uriFileName(documentUri)}, `;
}

/** How many times `$NAME` or `${NAME…}` is written in a text (no letter, digit or `_` after the name). */
export function referencesOf(text: string, name: string): number {
  const re = new RegExp(`\\$\\{?${name.replace(/[^A-Za-z0-9_]/g, '\\$&')}(?![A-Za-z0-9_])`, 'g');
  return text.match(re)?.length ?? 0;
}

/** Names longer than this are counted by referencesOf itself. */
const MAX_COUNTED_NAME = 128;

/** A character of a variable's or property's name (`MONGO_PASSWORD`, `app.hosts[0]`, `my-app.uri`). */
function isNameChar(c: number): boolean {
  return isWordChar(c) || c === 0x2e || c === 0x2d || c === 0x5b || c === 0x5d;
}

/**
 * referencesOf for every name of name characters at once, in one pass over the text: after each `$` (and
 * its `{`), the run of name characters, and each start of that run that no letter, digit or `_` follows
 * is a reference of that name (`${app.s1.host}` is one of `app`, `app.s1` and `app.s1.host`, as the
 * regular expression finds them). Tests hold it to referencesOf.
 */
export function referenceCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (let at = text.indexOf('$'); at >= 0; at = text.indexOf('$', at + 1)) {
    const from = text.charCodeAt(at + 1) === 0x7b ? at + 2 : at + 1;
    let end = from;
    while (end < text.length && end - from < MAX_COUNTED_NAME && isNameChar(text.charCodeAt(end))) end++;
    for (let k = from + 1; k <= end; k++) {
      if (k < text.length && isWordChar(text.charCodeAt(k))) continue;
      const name = text.slice(from, k);
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  }
  return counts;
}

/** How many times a variable is written in the text of a document, from its counts made once per document. */
function usesIn(context: Context, documentUri: string, text: string, name: string): number {
  if (name.length > MAX_COUNTED_NAME || !/^[A-Za-z0-9_.[\]-]+$/.test(name)) return referencesOf(text, name);
  let counts = context.references.get(documentUri);
  if (!counts) context.references.set(documentUri, (counts = referenceCounts(text)));
  return counts.get(name) ?? 0;
}

/** Characters a replacement may hold to be written into a definition as it is (what percent-encoding makes). */
const PLAIN_REPLACEMENT = /^[A-Za-z0-9%._~!*+,;=:@-]*$/;

/**
 * The quick fix of a problem whose replacement falls in the text of one definition of this file (a
 * password to percent-encode): the edit of the definition, in document offsets.
 */
function definitionFix(context: Context, r: Interpolation, p: Problem): Problem['data'] {
  const { code, files, inStrings } = context;
  const data = p.data;
  if (!data || typeof data.replacement !== 'string' || !PLAIN_REPLACEMENT.test(data.replacement)) return undefined;
  const at = data.replaceSpan ?? p.span;
  const part = r.parts.find((x) => x.start <= at.start && at.end <= x.end);
  if (!part || part.origin.kind !== 'definition') return undefined;
  const origin = part.origin;
  const file = files.find((f) => f.uri === origin.definition.documentUri);
  if (!file) return undefined;
  // Only a definition written as it reads (no escapes in that part): offsets map one to one.
  if (part.origin.end - part.origin.start !== part.end - part.start) return undefined;
  const d = part.origin.definition;
  // A variable used elsewhere too (a server's root password) must keep its value there.
  let uses = context.uses.get(d.name);
  if (uses === undefined) {
    uses = usesIn(context, code.uri, code.text, d.name);
    for (const f of files) if (f.uri !== code.uri) uses += usesIn(context, f.uri, f.text, d.name);
    context.uses.set(d.name, uses);
  }
  if (uses > (inStrings.get(d.name) ?? 0)) return undefined;
  const start = part.origin.start + (at.start - part.start);
  const end = start + (at.end - at.start);
  const title = typeof data.title === 'string' ? data.title : message('fix.ruleFallback', { rule: p.ruleId });
  const fix: NonNullable<Problem['data']> = { replacement: data.replacement, replaceSpan: { start, end }, title: message('fix.inDefinition', { title, name: d.name, place: placeName(context, file.uri), line: lineIn(context, file.uri, d.start) }) };
  if (file.uri !== code.uri) {
    // An edit of the other file, by lines and characters (offered on the problem's own span).
    delete fix.replaceSpan;
    const lines = linesOf(context, file.uri);
    fix.elsewhere = { documentUri: file.uri, range: { start: lines.positionOf(start), end: lines.positionOf(end) } };
  }
  return fix;
}
