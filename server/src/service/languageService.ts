/**
 * Facade of the pure core: everything the LSP server and the CLI need goes through here.
 * No LSP connection, no fs, no net.
 */
import { spaceFromLineBreak, toDocumentEnd, toDocumentOffset } from './extract/offsets';
import type {
  Analysis,
  AnalysisReuse,
  CompletionResult,
  ConnectionForm,
  ConnectionFormInput,
  ConnectionFormWrite,
  DocumentAnalyzer,
  DocumentProblem,
  EmbeddedValue,
  Explanation,
  FileAccess,
  HoverResult,
  NameOccurrence,
  Settings,
  Severity,
  SeveritySetting,
  SrvAnswer,
  TextDocumentLike,
  ValueRecord,
} from './api';
import { extractValues } from './extract';
import { validateEmbeddedValue } from './rules/validation';
import { hoverAt } from './features/hover';
import { analyzeAdminCommands } from './admin/analyzeAdminCommands';
import { completeAt, hostTargetsOf } from './features/completion';
export { hostTargetsOf };
import { describeAt, stringAt, ConnectionDescription } from './features/describe';
import { explainAt } from './features/explain';
import { connectionFormAt, connectionFormEdit } from './features/connectionForm';
export { seedListEdit, sharedParentDomain, srvHostAt } from './features/srvRewrite';
import { getCodeActions as codeActionsAt, CodeActionResult } from './features/codeActions';
import { analyzeNames } from './naming/analyzeNames';
import { analyzeCodeLimits } from './limits/codeLimits';
import { analyzeMongodConf, isServerConfigFile } from './serverConfig/mongodConf';
import { analyzeSetParameterCommands } from './serverConfig/setParameterCommands';
import { analyzeTerraformQuotas } from './atlas/terraformQuotas';
import { analyzeClusterLimits } from './limits/clusterLimits';
import { crossDocumentCaseConflicts, DocumentNames } from './naming/crossDocument';
import { chooseProfile } from './rules/profile';
import { sourceCode } from './lex/sourceCode';
import { worksWithMongoDB } from './lex/mongoEvidence';
import { isSourceLanguage } from './extract/codeLanguages';
import { analyzeComposedStrings } from './compose/composedStrings';
import { analyzeComposeFacts } from './compose/composeFacts';
import { analyzeKubernetes } from './compose/kubernetes';
import { analyzeWorkloadPools } from './compose/composePool';
import { analyzeOperatorReplicaSets } from './compose/operatorReplicaSets';
import { catalogueFor, message, setCatalogue } from './data/l10n';





/** Whole-document analyses, run for every document after value extraction. */
const DOCUMENT_ANALYZERS: readonly DocumentAnalyzer[] = [
  analyzeAdminCommands,
  analyzeNames,
  analyzeCodeLimits,
  analyzeClusterLimits,
  analyzeComposedStrings,
  analyzeComposeFacts,
  analyzeKubernetes,
  analyzeWorkloadPools,
  analyzeOperatorReplicaSets,
  analyzeMongodConf,
  analyzeSetParameterCommands,
  analyzeTerraformQuotas,
];


export function analyzeDocument(doc: TextDocumentLike, settings: Settings, reuse?: AnalysisReuse): Analysis {
  return new SlicedAnalysis(doc, settings, reuse).finish();
}

/** Values validated in one slice of a SlicedAnalysis. */
const VALUES_PER_SLICE = 2048;

/**
 * What a lean SlicedAnalysis reads its values with: `valueSlices` gives them slice by slice (the slices
 * one after the other are what `extract` gives), so that only one slice of values is alive at a time.
 */
export interface LeanReuse extends AnalysisReuse {
  valueSlices?(text: string, languageId: string, uri: string): Iterator<EmbeddedValue[], void>;
}

/**
 * analyzeDocument in slices, for a caller that lets other work run in between (a language server with
 * a very large document): `step()` does one slice (the extraction, about VALUES_PER_SLICE values, or the
 * whole-document analyzers) and says whether the analysis is done; `partial()` is an Analysis of what is
 * done so far, for hovers meanwhile. The result is the same as analyzeDocument's.
 *
 * `lean`, for a document too large to keep a record of every value (a language server's giant document,
 * its size limit raised): each value is checked on its own and let go once its problems are taken; the
 * Analysis holds the problems only (no values, no records), and the whole-document analyzers, which
 * read every value and record at once, are not run. The values `reuse` gives are then the analysis's
 * own: slice by slice when it can (LeanReuse.valueSlices), each slice's values let go once checked.
 */
export class SlicedAnalysis {
  private languageId = '';
  private values: EmbeddedValue[] | undefined;
  private readonly records: ValueRecord[] = [];
  private readonly problems: DocumentProblem[] = [];
  /** Lean: the slices of values still to come, the slice being checked and how many of it are checked (and let go). */
  private slices: Iterator<EmbeddedValue[], void> | undefined;
  private slice: (EmbeddedValue | undefined)[] = [];
  private checked = 0;
  private result: Analysis | undefined;
  /** The extraction while it runs in slices. */
  private sliced: Generator<void, EmbeddedValue[]> | undefined;
  /** Whether the document works with MongoDB (lex/mongoEvidence.ts), asked once when names depend on it. */
  private mongo: boolean | undefined;

  /** `inSlices`: the extraction too is sliced, when `reuse` can (analyzeDocument does it in one go). */
  constructor(
    private readonly doc: TextDocumentLike,
    private readonly settings: Settings,
    private readonly reuse?: LeanReuse,
    private readonly inSlices = false,
    private readonly lean = false,
  ) {
    if (!settings.enable) this.result = { values: [], records: [], problems: [], skipped: 'disabled' };
    else if (exceedsBytes(doc.text, settings.maxFileSize)) {
      this.result = { values: [], records: [], problems: [], skipped: message('notice.tooLarge', { size: settings.maxFileSize }) };
    } else this.languageId = normalizeLanguageId(doc.languageId, doc.uri);
  }

  get done(): boolean {
    return this.result !== undefined;
  }

  /** Does the next slice of the work; true once the analysis is complete. */
  step(): boolean {
    if (this.result) return true;
    if (this.lean) return this.leanStep();
    const { doc, settings, reuse, languageId } = this;
    if (!this.values) {
      if (this.sliced === undefined && this.inSlices && reuse?.extractInSlices) this.sliced = reuse.extractInSlices(doc.text, languageId, doc.uri);
      if (this.sliced) {
        const next = this.sliced.next();
        if (next.done) this.values = mongoNamesOnly(next.value, languageId, this.worksWithMongoDB);
        return false;
      }
      this.values = mongoNamesOnly(reuse ? reuse.extract(doc.text, languageId, doc.uri) : extractValues(doc.text, languageId, doc.uri), languageId, this.worksWithMongoDB);
      return false;
    }
    const values = this.values;
    if (this.records.length < values.length) {
      const end = Math.min(values.length, this.records.length + VALUES_PER_SLICE);
      for (let k = this.records.length; k < end; k++) this.validate(values[k]!, k);
      return false;
    }
    const reads: string[] = [];
    const files = doc.files;
    const recording: FileAccess | undefined = files && {
      read: (uri) => {
        if (!reads.includes(uri)) reads.push(uri);
        return files.read(uri);
      },
      ...(files.list ? { list: (folderUri: string) => files.list!(folderUri) } : {}),
    };
    const code = sourceCode(doc.text, languageId, doc.uri, recording, settings.nodeProject === true || settings.pythonProject === true);
    const documentAnalyses = DOCUMENT_ANALYZERS.map((analyze) => analyze(code, values, settings, this.records));
    const problems = this.problems;
    for (const a of documentAnalyses) {
      for (const p of a.problems) {
        const q: DocumentProblem = { ruleId: p.ruleId, severity: p.severity, message: p.message, data: p.data, span: p.span, valueSpan: p.span, valueIndex: -1 };
        if (p.related) q.related = p.related;
        problems.push(q);
      }
    }
    problems.sort((x, y) => x.span.start - y.span.start);
    this.result = { values, records: this.records, problems, documentAnalyses, profile: chooseProfile(settings, languageId, doc.uri), ...(reads.length > 0 ? { reads } : {}) };
    return true;
  }

  /**
   * A step of a lean analysis: the next slice of values is extracted, or VALUES_PER_SLICE values of the
   * current one are checked and let go; the analysis keeps their problems only.
   */
  private leanStep(): boolean {
    const { doc, reuse, languageId } = this;
    if (this.checked < this.slice.length) {
      const slice = this.slice;
      const end = Math.min(slice.length, this.checked + VALUES_PER_SLICE);
      for (let k = this.checked; k < end; k++) this.validate(slice[k]!, -1);
      slice.fill(undefined, this.checked, end);
      this.checked = end;
      return false;
    }
    this.slices ??= reuse?.valueSlices
      ? reuse.valueSlices(doc.text, languageId, doc.uri)
      : [reuse ? reuse.extract(doc.text, languageId, doc.uri) : extractValues(doc.text, languageId, doc.uri)][Symbol.iterator]();
    this.slice = [];
    this.checked = 0;
    const next = this.slices.next();
    if (!next.done) {
      this.slice = mongoNamesOnly(next.value, languageId, this.worksWithMongoDB);
      return false;
    }
    this.slices = undefined;
    this.problems.sort((x, y) => x.span.start - y.span.start);
    this.result = { values: [], records: [], problems: this.problems, profile: chooseProfile(this.settings, languageId, this.doc.uri) };
    return true;
  }

  private validate(value: EmbeddedValue, valueIndex: number): void {
    const { doc, settings, reuse, languageId } = this;
    const record = reuse ? reuse.validate(value, settings, languageId, doc.uri) : validateEmbeddedValue(value, settings, languageId, doc.uri);
    if (!this.lean) this.records.push(record);
    for (const p of record.problems) {
      const span = { start: toDocumentOffset(value, p.span.start), end: toDocumentEnd(value, p.span.end) };
      // A space the file does not show: YAML made it of a line break.
      const folded = spaceFromLineBreak(doc.text, value, p.span.start, p.span.end);
      const text = folded ? `${p.message} ${message('yaml.foldedSpace')}` : p.message;
      this.problems.push({ ruleId: p.ruleId, severity: p.severity, message: text, data: p.data, span, valueSpan: p.span, valueIndex });
    }
  }

  private readonly worksWithMongoDB = (): boolean =>
    (this.mongo ??= worksWithMongoDB(this.doc.text, this.languageId, () => this.settings.nodeProject === true || this.settings.pythonProject === true));

  /** Runs the remaining slices; the complete Analysis. */
  finish(): Analysis {
    while (!this.step());
    return this.result!;
  }

  /** What is done so far: the values validated until now with their problems (all of it once done). */
  partial(): Analysis {
    if (this.result) return this.result;
    if (this.lean) return { values: [], records: [], problems: this.problems.slice(), profile: chooseProfile(this.settings, this.languageId, this.doc.uri) };
    const n = this.records.length;
    return { values: (this.values ?? []).slice(0, n), records: this.records.slice(), problems: this.problems.slice(), profile: chooseProfile(this.settings, this.languageId, this.doc.uri) };
  }
}

/** True when the UTF-8 encoding of `text` is larger than `max` bytes (exact, without encoding it). */
export function exceedsBytes(text: string, max: number): boolean {
  if (text.length > max) return true;
  if (text.length * 3 <= max) return false;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? 2 : 3; // a surrogate pair counts 2 + 2
    if (bytes > max) return true;
  }
  return false;
}

/** Language ids other editors use for the same formats, mapped to VS Code's. */
const LANGUAGE_ALIASES: Record<string, string> = {
  sh: 'shellscript',
  bash: 'shellscript',
  zsh: 'shellscript',
  jproperties: 'properties',
  dosini: 'ini',
  cs: 'csharp',
  text: 'plaintext',
  js: 'javascript',
  ts: 'typescript',
  yml: 'yaml',
  'yaml.docker-compose': 'dockercompose',
  env: 'dotenv',
  mongodb: 'javascript',
  conf: 'plaintext',
};

/** Language ids an editor gives a mongod.conf file. */
const CONFIG_FILE_LANGUAGES: ReadonlySet<string> = new Set(['plaintext', 'text', 'conf', 'properties', 'jproperties', 'ini', 'dosini', 'yaml', 'yml']);

/** The language id the extractors understand; `.env` files are dotenv whatever the editor calls them. */
export function normalizeLanguageId(languageId: string, uri: string): string {
  const base = uri.slice(uri.lastIndexOf('/') + 1).toLowerCase();
  if (base === '.env' || base.startsWith('.env.') || base.endsWith('.env')) return 'dotenv';
  if (base.endsWith('.tf') && (languageId === 'plaintext' || languageId === 'hcl')) return 'terraform';
  // mongod.conf is YAML, whatever language the editor gives a .conf file (plain text, properties, ini).
  if (isServerConfigFile(base) && CONFIG_FILE_LANGUAGES.has(languageId)) return 'yaml';
  return LANGUAGE_ALIASES[languageId] ?? languageId;
}

/** The severity the user's overrides give a problem's rule, or undefined when they turn it off. */
export function reportedSeverity(problem: Pick<DocumentProblem, 'ruleId' | 'severity'>, overrides: Record<string, SeveritySetting>): Severity | undefined {
  const o = overrides[problem.ruleId];
  if (o === 'off') return undefined;
  return o === 'hint' || o === 'info' || o === 'warning' || o === 'error' ? o : problem.severity;
}

export { toDocumentOffset, fromDocumentOffset } from './extract/offsets';

export { defaultSettings } from './api';
export { message } from './data/l10n';

/**
 * Installs the message catalogue of a locale (`de`, `qps-ploc`) for every message the core makes from now
 * on; English for undefined and for every locale without a catalogue. Once per server, at initialization.
 */
export function useLocale(locale: string | undefined): void {
  setCatalogue(catalogueFor(locale));
}
export { chooseProfile, describeProfile } from './rules/profile';
export type { ProfileChoice } from './rules/profile';
export { RULES, ruleInfo } from './rules/ruleTable';
export type { RuleInfo } from './rules/ruleTable';
export type {
  Analysis,
  AnalysisReuse,
  CompletionKind,
  CompletionResult,
  DocumentAnalysis,
  DocumentAnalyzer,
  DocumentProblem,
  EmbeddedValue,
  FileAccess,
  HoverResult,
  Problem,
  Settings,
  Severity,
  SeveritySetting,
  Span,
  TextDocumentLike,
  ValueRecord,
} from './api';




/** Hover at a document offset, or null when there is nothing to say. */
export function doHover(doc: TextDocumentLike, analysis: Analysis, offset: number): HoverResult | null {
  for (const a of analysis.documentAnalyses ?? []) {
    const h = a.hoverFirstAt?.(offset);
    if (h) return h;
  }
  const inValue = hoverAt(doc, analysis, offset);
  if (inValue) return inValue;
  for (const a of analysis.documentAnalyses ?? []) {
    const h = a.hoverAt(offset);
    if (h) return h;
  }
  return null;
}

/** Completion items at a document offset (empty when the offset is not inside a connection string). */
/** `otherHosts`: `host:port` of the connection strings of other documents (the workspace), for admin commands. */
export function doComplete(doc: TextDocumentLike, analysis: Analysis, offset: number, otherHosts: () => readonly string[] = () => []): CompletionResult[] {
  return completeAt(doc, analysis, offset, otherHosts);
}

/** The database names a document writes (path of connection strings, authSource, keys, driver calls). */
export function databaseNamesOf(analysis: Analysis): NameOccurrence[] {
  return (analysis.documentAnalyses ?? []).flatMap((a) => a.databaseNames ?? []);
}

/**
 * Problems for the database names of one document that other open documents write with a different
 * case (`salesData` here, `SalesData` there), at their rule's default severity (the edge applies overrides).
 */
export function crossDocumentProblems(current: DocumentNames, others: readonly DocumentNames[]): DocumentProblem[] {
  return crossDocumentCaseConflicts(current, others).map((p) => ({ ...p, valueSpan: p.span, valueIndex: -1 }));
}
export type { NameOccurrence } from './naming/analyzeNames';
/** The form in which two database names that differ only by case are equal. */
export { caseKey as databaseCaseKey } from './rules/names';
export type { DocumentNames } from './naming/crossDocument';

/** Quick fixes for the problems that touch a document range (none for the rules `overrides` turn off). */
export function getCodeActions(doc: TextDocumentLike, analysis: Analysis, range: { start: number; end: number }, overrides: Settings['rules'] = {}): CodeActionResult[] {
  return codeActionsAt(doc, analysis, range, (p) => reportedSeverity(p, overrides) !== undefined);
}
export type { CodeActionResult, TextEditResult } from './features/codeActions';

/** Every part of the connection string at a document offset, password masked; null outside one. */
export function describeConnectionString(analysis: Analysis, offset: number, settings: Pick<Settings, 'rules'> = { rules: {} }): ConnectionDescription | null {
  return describeAt(analysis, offset, (p) => reportedSeverity(p, settings.rules));
}
export type { ConnectionDescription } from './features/describe';
export type { AuthSourceReason, ConnectionForm, ConnectionFormInput, ConnectionFormWrite, Explanation, ExplainedOption, ExplainedOptionSource, SrvAnswer } from './api';
/** A connection string (not a database name or another value) is at the offset. */
export function isConnectionStringAt(analysis: Analysis, offset: number): boolean {
  return stringAt(analysis, offset) !== undefined;
}

/** The edit form of the connection string at the offset (the explain panel's form); null outside one. */
export function connectionForm(analysis: Analysis, offset: number): ConnectionForm | null {
  return connectionFormAt(analysis, offset);
}

/**
 * The form's fields written back: the edit of the document (the string percent-encoded where it must be,
 * then escaped for where it stands, placeholders kept), and the string as the document would then hold
 * it, checked as the editor checks it (the document analysed with the edit), password masked. Null when
 * there is no connection string at the offset.
 */
export function writeConnectionForm(doc: TextDocumentLike, analysis: Analysis, offset: number, input: ConnectionFormInput, settings: Settings): ConnectionFormWrite | null {
  const written = connectionFormEdit(analysis, offset, input);
  if (!written) return null;
  const { edit } = written;
  const text = doc.text.slice(0, edit.start) + edit.newText + doc.text.slice(edit.end);
  const after = analyzeDocument({ ...doc, text }, settings);
  const described = describeAt(after, edit.start, (p) => reportedSeverity(p, settings.rules));
  return { edit, redacted: described?.redacted ?? '', problems: described?.problems ?? [] };
}

/**
 * The explanation of the connection string under the offset ("Explain connection string"): every part,
 * the effective options, the driver profile and how a driver will connect. `srv`: the DNS answer for a
 * mongodb+srv host, merged in when given (the core never looks it up).
 */
export function explainConnectionString(
  analysis: Analysis,
  offset: number,
  settings: Pick<Settings, 'rules' | 'driver' | 'nodeProject'> = { rules: {}, driver: 'auto' },
  srv?: SrvAnswer,
): Explanation | null {
  return explainAt(analysis, offset, settings, (p) => reportedSeverity(p, settings.rules), srv);
}

/**
 * The values of a document without the database and collection names that source code passes to calls
 * or writes under keys, when the file does not work with MongoDB (lex/mongoEvidence.ts), as the limits
 * of driver calls are asked: Firestore's `db.collection('…')`, a vector database's
 * `create_collection("…")` or a `collection` key in other code follow other rules than MongoDB's.
 * The values themselves, when nothing is left out.
 */
function mongoNamesOnly<T extends EmbeddedValue | undefined>(values: T[], languageId: string, worksWithMongo: () => boolean): T[] {
  if (!isSourceLanguage(languageId) || !values.some((v) => v !== undefined && (v.kind === 'database' || v.kind === 'collection'))) return values;
  if (worksWithMongo()) return values;
  return values.filter((v) => v === undefined || (v.kind !== 'database' && v.kind !== 'collection'));
}
