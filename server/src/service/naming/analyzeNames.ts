/**
 * Names across a whole document: database names that differ only by case, the namespace of each
 * collection whose database the document also shows, Atlas cluster names in `*.mongodb.net` hosts and
 * Atlas resources of Terraform files; with hovers on database, collection and Atlas names. The checks
 * of a single name run per value (rules/validation.ts); this pass only relates values to each other, and
 * reads connection strings from the parse their validation kept (the records of the analysis).
 * Linear in the size of the values.
 */
import { EXTERNAL_AUTH_SOURCE } from '../data/authMechanisms';
import { LIMITS } from '../data/limits';
import type { DocumentAnalysis, NameOccurrence } from '../api';
import { problemOf, type RuleId } from '../rules/ruleTable';
import { EmbeddedValue, HostSyntax, Problem, Settings, SourceCode, Span, ValueRecord } from '../api';
import { uriNamesOf, type UriNameParts } from '../rules/validation';
import { rawSpan } from '../uri/percent';
import { findPlaceholders, placeholderStyle } from '../uri/placeholders';
import { checkAtlasName, clusterLabelOfHost, clusterNamePrefix } from '../rules/atlasNames';
import { atlasNameHover, collectionHover, databaseHover } from './hovers';
import { caseKey, checkNamespace, NameIssue } from '../rules/names';
import { scanTerraformAtlas } from './terraform';
import { COMMA, EQUALS, LINE_FEED, RIGHT_BRACKET, RIGHT_PAREN, SEMICOLON } from '../lex/chars';
import { message } from '../data/l10n';

/** A database name written in the document, with its document span. */

export type { NameOccurrence } from '../api';

export interface NamingAnalysis extends DocumentAnalysis {
  /** The first occurrence of every database name of the document, in order of first occurrence (for checks across documents). */
  databaseNames: NameOccurrence[];
}

interface HoverTarget {
  span: Span;
  contents: () => string;
}

/** Collection and database in one chain (`client.db("x").collection("y")`, `client["x"]["y"]`): this close. */
const CHAIN_GAP = 48;

function docOffset(value: EmbeddedValue, i: number): number {
  if (!value.offsets) return value.start + i;
  const n = value.offsets.length;
  return n === 0 ? value.start : value.offsets[Math.max(0, Math.min(i, n - 1))]!;
}

function valueSpan(value: EmbeddedValue, start = 0, end = value.text.length): Span {
  return { start: docOffset(value, start), end: docOffset(value, end) };
}

function hasPlaceholder(text: string, syntax?: HostSyntax): boolean {
  return /[${<%[.]/.test(text) ? findPlaceholders(text, 0, text.length, placeholderStyle(syntax, text)).length > 0 : false;
}

const problem = (ruleId: RuleId, span: Span, message: string): Problem => problemOf(ruleId, span, message);

function quoted(names: readonly string[]): string {
  return names.map((n) => `"${n.length > 40 ? `${n.slice(0, 40)}…` : n}"`).join(', ');
}

/** Problems for the names that differ only by case: one at the first occurrence of each spelling. */
export function caseConflicts(names: readonly NameOccurrence[]): Problem[] {
  // First pass: the first spelling of each case key; only keys written two ways get a second look.
  const first = new Map<string, string>();
  let clashing: Set<string> | undefined;
  for (const o of names) {
    const key = caseKey(o.name);
    const seen = first.get(key);
    if (seen === undefined) first.set(key, o.name);
    else if (seen !== o.name) (clashing ??= new Set()).add(key);
  }
  if (!clashing) return [];
  const groups = new Map<string, Map<string, NameOccurrence>>();
  for (const o of names) {
    const key = caseKey(o.name);
    if (!clashing.has(key)) continue;
    let spellings = groups.get(key);
    if (!spellings) groups.set(key, (spellings = new Map()));
    if (!spellings.has(o.name)) spellings.set(o.name, o);
  }
  const out: Problem[] = [];
  for (const spellings of groups.values()) {
    for (const [name, o] of spellings) {
      const others = [...spellings.keys()].filter((s) => s !== name);
      out.push(
        problem(
          'database-case-conflict',
          o.span,
          message('naming.caseConflict', { name, others: quoted(others) }),
        ),
      );
    }
  }
  return out;
}

type Report = (issues: readonly NameIssue[], toDoc: (i: number) => number) => void;

/** What the values of a document say about database and collection names. */
interface DocumentNamesRead {
  /** The database name of every namespace (not authSource), while all are the same; undefined when there is none. */
  namespaceDatabase: string | undefined;
  /** Namespaces name more than one database. */
  severalNamespaceDatabases: boolean;
  /** A database name holds an ASCII capital: two names may differ only by case. */
  capitals: boolean;
  /** Collections written right after their database (`client.db("x").collection("y")`), by value index. */
  chained: Map<number, string>;
  collectionCount: number;
}

/** A visitor of the database names of a document: value offsets [start, end); `namespace`: not an authSource. */
type NameVisit = (name: string, value: EmbeddedValue, start: number, end: number, namespace: boolean) => void;

/** The name a database value writes, or undefined when it writes none to check (empty, a placeholder). */
function databaseValueName(value: EmbeddedValue): string | undefined {
  return value.text === '' || hasPlaceholder(value.text, value.syntax) ? undefined : value.text;
}

/** True when a name holds an ASCII capital (else it is its own case key). */
function hasCapital(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) return true;
  }
  return false;
}

/** One pass over the values: database names, collections and their databases, connection strings' names. */
function readNames(text: string, values: readonly EmbeddedValue[], records: readonly ValueRecord[], report: Report): DocumentNamesRead {
  const read: DocumentNamesRead = { namespaceDatabase: undefined, severalNamespaceDatabases: false, capitals: false, chained: new Map(), collectionCount: 0 };
  const visit: NameVisit = (name, _value, _start, _end, namespace) => {
    if (!read.capitals && hasCapital(name)) read.capitals = true;
    if (!namespace || read.severalNamespaceDatabases) return;
    if (read.namespaceDatabase === undefined) read.namespaceDatabase = name;
    else if (read.namespaceDatabase !== name) read.severalNamespaceDatabases = true;
  };
  let lastDatabase: { name: string; end: number } | undefined;
  for (let k = 0; k < values.length; k++) {
    const value = values[k]!;
    if (value.kind === 'database') {
      const name = databaseValueName(value);
      if (name === undefined) continue;
      visit(name, value, 0, name.length, true);
      lastDatabase = { name, end: docOffset(value, name.length) };
    } else if (value.kind === 'collection') {
      read.collectionCount++;
      const start = docOffset(value, 0);
      if (lastDatabase && start >= lastDatabase.end && start - lastDatabase.end <= CHAIN_GAP && isChainGap(text, lastDatabase.end, start)) {
        read.chained.set(k, lastDatabase.name);
      }
    } else if (value.kind === 'uri') {
      const names = uriNamesOf(records[k]);
      if (names) readConnectionString(value, names, visit, report);
    }
  }
  return read;
}

/**
 * The first occurrence of every database name of the document, in order of first occurrence: made
 * when asked (checks across documents, names written two ways), from the values and their records.
 */
function firstOccurrences(values: readonly EmbeddedValue[], records: readonly ValueRecord[]): NameOccurrence[] {
  const firstSpans = new Map<string, Span>();
  const visit: NameVisit = (name, value, start, end) => {
    if (!firstSpans.has(name)) firstSpans.set(name, valueSpan(value, start, end));
  };
  for (let k = 0; k < values.length; k++) {
    const value = values[k]!;
    if (value.kind === 'database') {
      const name = databaseValueName(value);
      if (name !== undefined) visit(name, value, 0, name.length, true);
    } else if (value.kind === 'uri') {
      const names = uriNamesOf(records[k]);
      if (names) uriDatabaseNames(value, names, visit);
    }
  }
  const out: NameOccurrence[] = [];
  for (const [name, span] of firstSpans) out.push({ name, span });
  return out;
}

/** Namespaces: a collection in a chain with its database, or in a document that names one database only. */
function checkNamespaces(values: readonly EmbeddedValue[], read: DocumentNamesRead, databaseOf: (k: number) => string | undefined, report: Report): void {
  if (read.collectionCount === 0 || ((read.namespaceDatabase === undefined || read.severalNamespaceDatabases) && read.chained.size === 0)) return;
  for (let k = 0; k < values.length; k++) {
    const value = values[k]!;
    if (value.kind !== 'collection' || value.text === '') continue;
    const database = databaseOf(k);
    if (database === undefined || hasPlaceholder(value.text, value.syntax)) continue;
    const issue = checkNamespace(database, value.text);
    if (issue) report([issue], (i) => docOffset(value, i));
  }
}

export function analyzeNames(
  code: SourceCode,
  values: readonly EmbeddedValue[],
  settings: Settings,
  records: readonly ValueRecord[],
): NamingAnalysis {
  const platform = settings.serverPlatform ?? 'any';
  const problems: Problem[] = [];
  const hovers: HoverTarget[] = [];
  const report: Report = (issues, toDoc) => {
    for (const issue of issues) {
      const p = problem(issue.ruleId, { start: toDoc(issue.start), end: toDoc(issue.end) }, issue.message);
      if (issue.severity) p.severity = issue.severity;
      problems.push(p);
    }
  };
  const read = readNames(code.text, values, records, report);
  let names: NameOccurrence[] | undefined;
  const databaseNames = (): NameOccurrence[] => (names ??= firstOccurrences(values, records));
  // Names differ only by case when one of them holds a capital: the index of names is made for them only.
  if (read.capitals) problems.push(...caseConflicts(databaseNames()));
  const only = read.severalNamespaceDatabases ? undefined : read.namespaceDatabase;
  const databaseOf = (k: number) => read.chained.get(k) ?? only;
  checkNamespaces(values, read, databaseOf, report);
  if (code.languageId === 'terraform') analyzeTerraform(code, problems, hovers, report);
  hovers.sort((a, b) => a.span.start - b.span.start);
  return {
    problems,
    get databaseNames() {
      return databaseNames();
    },
    hoverAt: (offset) => nameHoverAt(values, hovers, offset, platform, databaseOf),
  };
}

function nameHoverAt(
  values: readonly EmbeddedValue[],
  hovers: readonly HoverTarget[],
  offset: number,
  platform: NonNullable<Settings['serverPlatform']>,
  databaseOf: (k: number) => string | undefined,
): { contents: string; span: Span } | null {
  const k = valueIndexAt(values, offset);
  const value = k < 0 ? undefined : values[k];
  if (value?.kind === 'database') return { contents: databaseHover(value.text, platform), span: valueSpan(value) };
  if (value?.kind === 'collection') return { contents: collectionHover(value.text, databaseOf(k)), span: valueSpan(value) };
  if (value?.kind === 'atlas-cluster') return { contents: atlasNameHover(value.text, 'cluster'), span: valueSpan(value) };
  if (value?.kind === 'atlas-project') return { contents: atlasNameHover(value.text, 'project'), span: valueSpan(value) };
  if (value?.kind === 'atlas-organization') return { contents: atlasNameHover(value.text, 'organization'), span: valueSpan(value) };
  const h = hovers.find((t) => offset >= t.span.start && offset <= t.span.end);
  return h ? { contents: h.contents(), span: h.span } : null;
}

/** The index of the value whose document range contains `offset` (end inclusive), or -1; values are in document order. */
function valueIndexAt(values: readonly EmbeddedValue[], offset: number): number {
  let lo = 0;
  let hi = values.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]!.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  for (let k = found; k >= 0 && k > found - 4; k--) {
    const v = values[k]!;
    if (offset >= v.start && offset <= docOffset(v, v.text.length)) return k;
  }
  return -1;
}

/** True when only the end of one call or subscript and the start of the next lie between two values. */
function isChainGap(text: string, from: number, to: number): boolean {
  let sawClose = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LINE_FEED || c === SEMICOLON || c === EQUALS || c === COMMA) return false; // newline ; = ,
    if (c === RIGHT_PAREN || c === RIGHT_BRACKET) sawClose = true; // ) ]
  }
  return sawClose;
}

/** The database names of a connection string: its path (a namespace's database) and its authSource values. */
function uriDatabaseNames(value: EmbeddedValue, parsed: UriNameParts, visit: NameVisit): void {
  const db = parsed.database;
  if (db && db.value !== '' && !hasPlaceholder(db.raw)) visit(db.value, value, db.span.start, db.span.end, true);
  for (const v of parsed.authSources) {
    if (v.value === '' || v.value === EXTERNAL_AUTH_SOURCE || hasPlaceholder(v.raw)) continue;
    visit(v.value, value, v.span.start, v.span.end, false);
  }
}

/**
 * The database names of a connection string (path and authSource) and the Atlas cluster names of its
 * hosts, read from the parse the rules checked.
 */
function readConnectionString(value: EmbeddedValue, parsed: UriNameParts, visit: NameVisit, report: Report): void {
  uriDatabaseNames(value, parsed, visit);
  for (const h of parsed.atlasHosts) {
    const label = clusterLabelOfHost(h.host.value);
    if (!label || hasPlaceholder(h.host.raw)) continue;
    const name = h.host.value.slice(label.start, label.end);
    // A host label is what Atlas derived from the name, not the name: only its characters and hyphens say something.
    const issues = checkAtlasName(name, 'cluster').filter((i) => i.end <= LIMITS.atlasClusterNameLength.value);
    report(issues, (i) => {
      const s = rawSpan(h.host.decoded, h.host.span.start, i, i);
      return docOffset(value, s.start);
    });
  }
}

function analyzeTerraform(
  code: SourceCode,
  problems: Problem[],
  hovers: HoverTarget[],
  report: Report,
): void {
  const names = scanTerraformAtlas(code);
  /** First cluster definition per project and 23-character prefix. */
  const prefixes = new Map<string, { name: string; resource: string }>();
  for (const n of names) {
    const toDoc = (i: number) => n.offsets[Math.max(0, Math.min(i, n.offsets.length - 1))]!;
    const span = { start: toDoc(0), end: toDoc(n.name.length) };
    const name = n.name;
    hovers.push({ span, contents: () => atlasNameHover(name, n.kind) });
    report(checkAtlasName(n.name, n.kind), toDoc);
    if (n.kind !== 'cluster' || n.role !== 'definition' || n.name === '') continue;
    const key = `${n.projectKey}\u0000${clusterNamePrefix(n.name)}`;
    const first = prefixes.get(key);
    if (!first) {
      prefixes.set(key, { name: n.name, resource: n.resource });
      continue;
    }
    const prefix = LIMITS.atlasClusterNamePrefix.value;
    problems.push(
      problem(
        'atlas-cluster-name-prefix-conflict',
        { start: toDoc(0), end: toDoc(Math.min(prefix, n.name.length)) },
        first.name === n.name
          ? message('naming.clusterSame', { resource: first.resource, name: n.name })
          : message('naming.clusterPrefix', { name: n.name, other: first.name, resource: first.resource, prefix }),
      ),
    );
  }
}
