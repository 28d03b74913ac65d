/**
 * Every type shared across the pure core, and what the facade gives its callers: imported by every layer,
 * importing nothing of ours. Offsets are UTF-16 code-unit offsets, `end` exclusive.
 */

export interface Span {
  start: number;
  end: number;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';
export type DriverProfile = 'spec' | 'node';
/** `auto`: the Node.js profile for JavaScript/TypeScript and Node.js projects, the specification elsewhere. */
export type DriverSetting = DriverProfile | 'auto';
/** The operating system of the MongoDB server, which decides the characters a database name may use. */
export type ServerPlatform = 'any' | 'unix' | 'windows';

/** The Atlas cluster the connection strings point at, for the connection-limit rule. */
export interface AtlasSettings {
  /** Cluster tier (`M10`, `R40`, `Flex`); empty when unknown. */
  readonly tier: string;
  /** How many instances of the application connect with the same settings. */
  readonly clientInstances: number;
}

/** A finding of one rule, located in the coordinates of the text that was checked. */
export interface Problem {
  ruleId: string;
  span: Span;
  message: string;
  severity: Severity;
  /** Machine-readable details for quick fixes (replacement text, option names, ...). */
  data?: FixData;
  /** Other places that explain the problem (where a variable in it is defined). */
  related?: RelatedPlace[];
}

/** A position in a text: 0-based line and UTF-16 character, as LSP counts them. */
export interface TextPosition {
  line: number;
  character: number;
}

export interface TextRange {
  start: TextPosition;
  end: TextPosition;
}

/** A place in a document that a problem points at, with what it is. */
export interface RelatedPlace {
  documentUri: string;
  /** Offsets in that document. */
  span: Span;
  /** The same place as lines and characters: set when it is in another document than the problem's. */
  range?: TextRange;
  message: string;
}

export interface FixData {
  /** Suggested replacement for the text under `span`, in decoded (URI) coordinates. */
  replacement?: string;
  /** Human label for the fix. */
  title?: string;
  /** The span the replacement applies to, when it differs from the problem's span. */
  replaceSpan?: Span;
  /** More fixes of the same span, offered after the first (not preferred): true and false for "maybe". */
  alternatives?: { replacement: string; title: string }[];
  /** The replacement is for this place of another document (a variable's definition in the `.env` beside). */
  elsewhere?: { documentUri: string; range: TextRange };
  [key: string]: unknown;
}

/** Settings of the core, resolved per document. */
export interface Settings {
  enable: boolean;
  driver: DriverSetting;
  /**
   * The document belongs to a Node.js project that uses the driver: its nearest package.json depends on
   * mongodb or mongoose. Set by the editor or the CLI (the core reads no files); used by driver "auto"
   * and by the limits of driver calls, checked only in files that work with MongoDB (lex/mongoEvidence.ts).
   */
  nodeProject?: boolean;
  /**
   * The document is a Python file of a project that uses MongoDB: its nearest Python manifest
   * (pyproject.toml, Pipfile, setup.cfg, setup.py, requirement files) names a MongoDB driver or mapper.
   * Set by the editor or the CLI; read by the limits of driver calls, as `nodeProject` is.
   */
  pythonProject?: boolean;
  /**
   * The file is not ignored by a .gitignore: what it holds is committed. Undefined when unknown (not a
   * file on disk, no repository found). Set by the editor or the CLI; read by credentials-in-source.
   */
  tracked?: boolean;
  /** Per-rule severity overrides, keyed by rule id. */
  rules: Record<string, SeveritySetting>;
  /** Files larger than this many bytes are not analysed. */
  maxFileSize: number;
  /** `any`: names must work on Unix and Windows servers alike. */
  serverPlatform: ServerPlatform;
  atlas: AtlasSettings;
}

export const defaultSettings: Settings = Object.freeze({
  enable: true,
  driver: 'auto',
  rules: Object.freeze({}) as Record<string, SeveritySetting>,
  maxFileSize: 5 * 1024 * 1024,
  serverPlatform: 'any',
  atlas: Object.freeze({ tier: '', clientInstances: 1 }),
}) as Settings;

export type EmbeddedKind = 'uri' | 'database' | 'collection' | 'atlas-cluster' | 'atlas-project' | 'atlas-organization';

/**
 * A value found inside a document: its decoded text and where each decoded character came from.
 * `offsets[i]` is the document offset of decoded character i; `offsets[text.length]` is the end.
 * When `offsets` is absent the value is a verbatim slice starting at `start`.
 */
export interface EmbeddedValue {
  kind: EmbeddedKind;
  text: string;
  start: number;
  offsets?: number[];
  /** The key the value was found under (`MONGODB_URI`, `spring.data.mongodb.uri`), if any. */
  key?: string;
  /** How the value is written in the document, so that replacement text can be escaped for it. */
  syntax?: HostSyntax;
  /**
   * Where the pieces of a concatenation in code join (extract/codeConcatenation.ts): the index of each
   * piece after the first and the document offset where the piece before it ends. No edit crosses one.
   */
  joins?: ReadonlyArray<readonly [at: number, sourceEnd: number]>;
  /** Found inside a comment of the document (a commented-out line, an example in a doc comment). */
  comment?: boolean;
}

/**
 * The quoting of a value in its host document. `raw` means the decoded text is written verbatim.
 */
export type HostSyntax =
  | 'raw'
  | 'json'
  | 'dotenv-unquoted'
  | 'dotenv-single'
  | 'dotenv-double'
  | 'properties'
  | 'ini'
  | 'yaml-plain'
  | 'yaml-single'
  | 'yaml-double'
  | 'yaml-block'
  | 'toml-basic'
  | 'toml-literal'
  | 'toml-ml-basic'
  | 'toml-ml-literal'
  | 'js-single'
  | 'js-double'
  | 'js-template'
  | 'python-single'
  | 'python-double'
  | 'python-raw'
  | 'python-f-single'
  | 'python-f-double'
  | 'go-double'
  | 'go-raw'
  | 'java-double'
  | 'java-text-block'
  | 'kotlin-double'
  | 'kotlin-raw'
  | 'csharp-regular'
  | 'csharp-verbatim'
  | 'csharp-interpolated'
  | 'csharp-verbatim-interpolated'
  | 'csharp-raw'
  | 'ruby-single'
  | 'ruby-double'
  | 'php-single'
  | 'php-double'
  | 'shell-unquoted'
  | 'shell-single'
  | 'shell-ansi'
  | 'shell-double';

/** A problem mapped to document offsets, with its final (overridden) severity. */
export interface DocumentProblem extends Problem {
  /** Document offsets. */
  span: Span;
  /** The span in the coordinates of the embedded value. */
  valueSpan: Span;
  valueIndex: number;
}

// The facade: documents in, analyses, hovers and completions out.

export interface TextDocumentLike {
  uri: string;
  languageId: string;
  text: string;
  /** Other files the analysis may read (a compose file's `.env`); none: the document alone. */
  files?: FileAccess;
}

/**
 * Read access to files near a document, given by whoever runs the analysis: the language server (an
 * open document's unsaved text wins over the disk), the CLI (the disk), a web host (open documents).
 */
export interface FileAccess {
  /** The text of the file at `uri` (an absolute URI, as documents have), or undefined when it is absent or cannot be read. */
  read(uri: string): string | undefined;
  /** The URIs of the files in the folder at `folderUri` (not its subfolders), or undefined when it cannot be listed. */
  list?(folderUri: string): string[] | undefined;
}

/**
 * What the analysis of one document version keeps of one embedded value: made once, when the value is
 * validated, and read by everything after (the whole-document analyses, hover, completion, code actions,
 * describe), which never parse or check the value again. A record does not point at its value: the
 * incremental analyzer hands the record of an unchanged value to its re-extraction, and values of the same
 * text and form share one record.
 *
 * `Parse` is opaque here (api.ts names no type of the parser or the option table): for a connection
 * string it is the `UriParse` of rules/validation.ts, which builds the records and reads them back typed
 * (`uriParseOf`). Records are kept for every value of a large document: they hold no copy of the text,
 * their problem arrays are the ones validation made, and names keep no parse.
 */
export interface ValueRecord<Parse = unknown> {
  /**
   * The value's problems in its own (decoded) coordinates, with the rules' default severities (the
   * user's overrides are applied at the edge, where problems are reported). Shared with caches: never modify.
   */
  readonly problems: readonly Problem[];
  /**
   * Connection strings only: their parse, made the first time a feature asks for it (uriParseOf) and kept
   * here from then on; absent for names.
   */
  parse?: Parse;
  /**
   * Reserved, unused for now: where the parts of the value came from when it is composed of text from
   * several places (a connection string assembled from values of several files). Absent: the whole
   * value is the text of this document at the value's own offsets.
   */
  readonly provenance?: readonly ValueSource[];
}

/** A part of a composed value and where it was written. Reserved: see ValueRecord.provenance. */
export interface ValueSource {
  /** The part, in the value's decoded coordinates. */
  valueSpan: Span;
  /** The document the part was written in. */
  documentUri: string;
  /** Where, in that document's offsets. */
  span: Span;
}

export interface Analysis {
  values: EmbeddedValue[];
  /** `records[i]` is what validating `values[i]` made: its parse and its problems. */
  records: ValueRecord[];
  /**
   * Problems in document offsets, in document order, each at its rule's default severity: the user's
   * overrides (and `off`) are applied where problems are reported (server/src/problemSink.ts).
   */
  problems: DocumentProblem[];
  /** Set when the document was not analysed (too large, disabled); a message for the user. */
  skipped?: string;
  /** Analyses of whole-document constructs (admin commands, limits in code), with their own hovers. */
  documentAnalyses?: DocumentAnalysis[];
  /** The driver profile the connection strings were checked with, and why. */
  profile?: ProfileChoice;
  /** The URIs of the other files the analysis read (or tried to): it is stale when one of them changes. */
  reads?: string[];
}

/** A whole-document analysis: problems already in document offsets, and hovers by document offset. */
export interface DocumentAnalysis {
  problems: Problem[];
  hoverAt(offset: number): { contents: string; span: Span } | null;
  /** A hover that comes before the hover of the value under the offset (a variable in a composed string). */
  hoverFirstAt?(offset: number): { contents: string; span: Span } | null;
  /** The database names the document writes, in document order (names across documents, LSP layer). */
  databaseNames?: NameOccurrence[];
  /** The connection string `values[k]` as composed from the variables the analysis read, when it composed it. */
  composedText?(k: number): string | undefined;
  /**
   * Completions of whole-document constructs at a document offset (the keys of an admin command
   * document), or undefined when the offset is in none; `hosts` gives the `host:port` targets to offer
   * (asked only where they are offered).
   */
  completeAt?(offset: number, hosts: () => readonly string[]): CompletionResult[] | undefined;
}

// Source code as the whole-document analyzers read it (lex/codeScanner.ts makes the tokens).

export type TokenKind = 'ident' | 'punct' | 'string' | 'template' | 'number' | 'regex' | 'heredoc';

export interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  /** Identifier name, punctuator, number text, or the decoded string (template without `${}`). */
  text: string;
  /** Line number, for statements like `use sales` that end at the line end. */
  line: number;
  /** HCL strings: the document offset of each decoded character, and one past the end. */
  offsets?: number[];
}

/** The tokens with, for each opening bracket, the index of its closing one (-1 when unclosed). */
export interface TokenList {
  tokens: readonly Token[];
  match: Int32Array;
}

/**
 * A document as the whole-document analyzers (admin commands, names, code limits, Terraform) read
 * it: its text and language, and one token stream, made once, when an analyzer first asks for it.
 */
export interface SourceCode {
  /** The document's URI ('' when it has none). */
  readonly uri: string;
  readonly text: string;
  /** The normalized language id. */
  readonly languageId: string;
  tokens(): TokenList;
  /**
   * Whether the file shows that it works with MongoDB (lex/mongoEvidence.ts): the limits of driver calls
   * are checked in such files only. Found once, when first asked.
   */
  worksWithMongoDB(): boolean;
  /** Other files an analyzer may read (TextDocumentLike.files); reads are recorded in Analysis.reads. */
  readonly files?: FileAccess;
}

/** `records[i]` is the record of `values[i]`: an analyzer reads parses there, it does not parse again. */
export type DocumentAnalyzer = (
  code: SourceCode,
  values: readonly EmbeddedValue[],
  settings: Settings,
  records: readonly ValueRecord[],
) => DocumentAnalysis;

/**
 * Work an earlier analysis of the same document can save: extraction that reads only what an edit
 * changed, the records of values validated before (see IncrementalAnalyzer). Each gives what a fresh
 * extractValues() and validateEmbeddedValue() would.
 */
export interface AnalysisReuse {
  extract(text: string, languageId: string, uri: string): EmbeddedValue[];
  /** The same extraction, yielding between slices of a very large text (for SlicedAnalysis). */
  extractInSlices?(text: string, languageId: string, uri: string): Generator<void, EmbeddedValue[]>;
  validate(value: EmbeddedValue, settings: Settings, languageId: string, documentUri: string): ValueRecord;
}

export interface HoverResult {
  /** Markdown. */
  contents: string;
  /** Document offsets of the hovered part. */
  span: { start: number; end: number };
}

export type CompletionKind = 'option' | 'value' | 'snippet' | 'key';

export interface CompletionResult {
  label: string;
  kind: CompletionKind;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** Text to insert; a snippet (`${1:x}`) when `isSnippet`. */
  insertText: string;
  isSnippet?: boolean;
  /** Document offsets of the text the completion replaces. */
  replace: { start: number; end: number };
  sortText?: string;
  filterText?: string;
  /** Ask the client to open completion again after inserting (after `key=`). */
  retrigger?: boolean;
  deprecated?: boolean;
}

/** "Show parsed connection string" / "Copy redacted": every part of the string under the cursor, password masked. */
export interface ConnectionDescription {
  /** The connection string with the password replaced by ****. */
  redacted: string;
  scheme: string;
  /** Placeholders (`${HOST}`) are shown as written. */
  hosts: { host: string; port: number | null; type: string }[];
  database: string | null;
  username: string | null;
  /** '****' when a password is present, else null: the password itself is never returned. */
  password: '****' | null;
  authMechanism: string | null;
  authSource: string | null;
  tls: boolean;
  /** The options as written (secrets masked), in the order of the string. */
  options: { name: string; value: string }[];
  /** Problems of this string, in the string's own offsets. */
  problems: { ruleId: string; severity: string; message: string }[];
}

/**
 * Where an effective option comes from: written in the string (`set`), the specification's default
 * (`default`), another part of the string (`implied`: tls=true by mongodb+srv, authSource by the
 * credential), the Node.js driver's own default where it differs (`profile`), or the DNS TXT record of a
 * mongodb+srv host (`txt`, only when its answer was given).
 */
export type ExplainedOptionSource = 'set' | 'default' | 'implied' | 'profile' | 'txt';

export interface ExplainedOption {
  /** The option's canonical name, as the option table spells it. */
  name: string;
  /** As written (secrets masked), or the default as the option table words it. */
  value: string;
  source: ExplainedOptionSource;
  note?: string;
}

/**
 * Why authSource is what it is: written in the string, given by the TXT record, the database in the
 * path, `$external` because of the mechanism, or `admin` because there is no database in the path.
 */
export type AuthSourceReason = 'given' | 'txt' | 'database' | 'external' | 'admin';

/** What a DNS lookup of a mongodb+srv host answered (features/srvRecords.ts checks it): an input, never looked up by the core. */
export interface SrvAnswer {
  hosts: { host: string; port: number }[];
  /** The options of the TXT record (`authSource=admin&replicaSet=rs0`), or null when there is none. */
  txtOptions: string | null;
}

export type AccountTopic = 'topology' | 'readPreference' | 'writeConcern' | 'timeouts' | 'tls' | 'authentication';

/**
 * "Explain connection string": the description of the string under the cursor, every option with its
 * effective value and where that comes from, the driver profile, and how a driver will connect, in words.
 * JSON-serialisable; no secret in any field.
 */
export interface Explanation extends ConnectionDescription {
  /** The string explained is the one composed from the variables the document (or a file beside it) defines. */
  composed: boolean;
  /** Null when the string has no credential. */
  authSourceReason: AuthSourceReason | null;
  /** Every option of the option table that is set or has a default, in the table's order. */
  effectiveOptions: ExplainedOption[];
  /** The driver profile the string was checked and explained with, why, and how that reads. */
  profile: ProfileChoice & { description: string };
  /** The DNS answer that was merged in, when one was given for a mongodb+srv string. */
  srv: SrvAnswer | null;
  /** How a driver will connect: one short account per topic, in this order. */
  account: { topic: AccountTopic; text: string }[];
}

/** An option of the option table, as the edit form offers it for completion. */
export interface FormOptionInfo {
  name: string;
  category: string;
  type: string;
  /** The values it takes (enums, booleans), for completion; empty for free values. */
  values: string[];
  defaultValue: string;
  /** Where the option comes from (data/uriOptions.ts OptionOrigin). */
  origin: 'spec' | 'legacy' | 'node' | 'drivers';
  deprecated: boolean;
}

/** An option of the string in the edit form. A secret value (a token, a key file's password) is masked. */
export interface ConnectionFormOption {
  name: string;
  value: string;
  secret?: true;
}

/**
 * A connection string as the edit form shows it: the string as the document writes it, each part
 * decoded (a part that holds a template placeholder as written). The password is never sent.
 */
export interface ConnectionForm {
  scheme: 'mongodb' | 'mongodb+srv';
  /** The scheme as written (may be misspelt); the form writes `scheme`. */
  schemeWritten: string;
  hosts: { host: string; port: string }[];
  username: string;
  hasPassword: boolean;
  database: string;
  options: ConnectionFormOption[];
  /** The string holds template placeholders (`${MONGO_PASSWORD}`), which the form keeps. */
  placeholders: boolean;
  catalogue: FormOptionInfo[];
}

/** The fields of the edit form sent back: `password` null keeps the document's; `keep` keeps option `keep`'s value as written. */
export interface ConnectionFormInput {
  scheme: 'mongodb' | 'mongodb+srv';
  hosts: { host: string; port: string }[];
  username: string;
  password: string | null;
  database: string;
  options: { name: string; value: string; keep?: number }[];
}

/** The edit form's fields written back into the document, and the string that gives, checked. */
export interface ConnectionFormWrite {
  /** Document offsets; the new text escaped for where the string stands. */
  edit: { start: number; end: number; newText: string };
  /** The new string with its password masked. */
  redacted: string;
  /** Its problems as the editor would show them. */
  problems: ConnectionDescription['problems'];
}

/** A database name as a document writes it (first occurrence), for checks across documents. */
export interface NameOccurrence {
  name: string;
  span: Span;
}

/** The driver profile a document is checked with, and why (driver "auto" looks at the language and the project). */
export interface ProfileChoice {
  profile: DriverProfile;
  /** Why: the setting itself, or what "auto" looked at. */
  reason: 'setting' | 'language' | 'project' | 'default';
}
