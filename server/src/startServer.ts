/**
 * The language server: capabilities, and handlers that call the core's facade.
 * Diagnostics are pushed (`textDocument/publishDiagnostics` with the document version), or pulled
 * (`textDocument/diagnostic`) by clients that announce they can.
 */
import {
  CodeActionKind,
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DiagnosticRefreshRequest,
  DocumentDiagnosticReportKind,
  DocumentDiagnosticRequest,
  MarkupKind,
  MessageType,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type CodeAction,
  type CodeActionParams,
  type CompletionItem,
  type CompletionList,
  type CompletionParams,
  type Connection,
  type Diagnostic,
  type DidChangeConfigurationParams,
  type DidChangeWatchedFilesParams,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
  type Hover,
  type HoverParams,
  type InitializeParams,
  type InitializeResult,
  type Position,
  type TextDocumentPositionParams,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  connectionForm, crossDocumentProblems, isConnectionStringAt, databaseNamesOf, describeConnectionString, doComplete, explainConnectionString, doHover, hostTargetsOf, message, seedListEdit, srvHostAt, useLocale,
  writeConnectionForm, type Analysis, type ConnectionFormInput, type SrvAnswer,
} from './service/languageService';
import { reportProblems } from './problemSink';
import { OpenDocumentNames } from './openDocumentNames';
import { AnalysisCache, isGiant, toTextDocumentLike, VALIDATION_DELAY_MS, ValidationScheduler } from './documents';
import { ServerFiles } from './serverFiles';

/** A burst of opened documents is published at the latest this long after its first document opened. */
const OPEN_BURST_MAX_MS = 500;
import { batchedDocuments } from './batchedDocument';
import { configurationSection, DocumentSettings, type FileFactsSource, type ServerSettings } from './settings';
import { toCompletionList, toDiagnostic, toHover, toTextEdit, type ItemDefaultsSupport } from './convert';
import type { SrvCheck } from './service/features/srvRecords';
import { getCodeActions, rewriteActions } from './convertCodeActions';
import { guardNotification, guardRequest, requireTextDocumentPosition, requireTextDocumentRange } from './guard';
import { describeError, redactPasswords } from './redact';
import { version } from './version';
import { isManifest, MANIFEST_GLOBS } from './projectManifests';
import { nextTurn, type ServerPlatform } from './platform';
import { ClientProjects } from './clientProjects';

/** The edit form's fields as the client sent them, checked: every field a string, lists of objects. */
function formInput(raw: unknown): ConnectionFormInput {
  const bad = () => new ResponseError(ErrorCodes.InvalidParams, 'form: expected { scheme, hosts: [{ host, port }], username, password, database, options: [{ name, value, keep? }] }.');
  if (!raw || typeof raw !== 'object') throw bad();
  const f = raw as Record<string, unknown>;
  const text = (v: unknown) => {
    if (typeof v !== 'string') throw bad();
    return v;
  };
  if (!Array.isArray(f.hosts) || !Array.isArray(f.options)) throw bad();
  return {
    scheme: f.scheme === 'mongodb+srv' ? 'mongodb+srv' : 'mongodb',
    hosts: f.hosts.map((h: Record<string, unknown>) => ({ host: text(h?.host), port: text(h?.port) })),
    username: text(f.username),
    password: f.password === null ? null : text(f.password),
    database: text(f.database),
    options: f.options.map((o: Record<string, unknown>) => ({
      name: text(o?.name),
      value: text(o?.value),
      ...(typeof o?.keep === 'number' && Number.isInteger(o.keep) && o.keep >= 0 ? { keep: o.keep } : {}),
    })),
  };
}

export const DESCRIBE_REQUEST = 'mongodbUri/describeConnectionString';
export const EXPLAIN_REQUEST = 'mongodbUri/explainConnectionString';
export const RESOLVE_SRV_REQUEST = 'mongodbUri/resolveSrv';
export const FORM_REQUEST = 'mongodbUri/connectionForm';
export const WRITE_FORM_REQUEST = 'mongodbUri/writeConnectionForm';
export const SEED_LIST_REQUEST = 'mongodbUri/srvToSeedList';
/** Server → client: the text of a file the server cannot read itself (`{ uri }` → `{ text }`, or `{}` when there is none). */
export const READ_FILE_REQUEST = 'mongodbUri/readFile';

export const SERVER_NAME = 'mongodb-uri-language-server';
export const COMPLETION_TRIGGER_CHARACTERS = ['?', '&', '=', ',', ':'];

const EMPTY_COMPLETION: CompletionList = { isIncomplete: false, items: [] };
const EMPTY_REPORT: DocumentDiagnosticReport = { kind: 'full', items: [] };

/** The document URI of `textDocument/*` params; a malformed request gets InvalidParams. */
function documentUriOf(params: unknown): string {
  const uri = (params as { textDocument?: { uri?: unknown } } | null)?.textDocument?.uri;
  if (typeof uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'Expected { textDocument: { uri } }.');
  return uri;
}

/** The diagnostics of one document version, under one settings object and generation of its clashes. */
interface Report {
  version: number;
  settings: ServerSettings;
  clashes: number;
  /** One per version, settings and clashes (a new one whenever one of them changes): a client that has it has these diagnostics. */
  resultId: string;
  diagnostics: Diagnostic[];
}

export function startServer(connection: Connection, platform: ServerPlatform): void {
  // Incremental changes wait until the text is read: a storm of edits costs one rebuild, not one copy per edit.
  const documents = new TextDocuments(batchedDocuments);
  /**
   * Files analyses read beside their documents (a compose file's `.env`): open documents first, then
   * the disk, else the client (`mongodbUri/readFile`, for a web or virtual workspace).
   */
  let clientReadsFiles = false;
  /** The client runs mongodbUri.explain from a command link (initializationOptions.explainLink). */
  let clientExplainLink = false;
  /** Whether the platform reads the file itself (the disk). */
  const onDisk = (uri: string): boolean => platform.readFile !== undefined && uri.startsWith('file:');
  /** A file of the workspace, asked of the client; undefined when absent or when the client does not read files. */
  const readFromClient = async (uri: string): Promise<string | undefined> => {
    // A file the platform reads itself is absent when it could not read it: the client is asked for the others.
    if (!clientReadsFiles || onDisk(uri)) return undefined;
    const result: unknown = await connection.sendRequest(READ_FILE_REQUEST, { uri });
    return typeof result === 'object' && result !== null && typeof (result as { text?: unknown }).text === 'string' ? (result as { text: string }).text : undefined;
  };
  const files = new ServerFiles({
    openText: (uri) => documents.get(uri)?.getText(),
    readNow: platform.readFile,
    list: platform.listFolder,
    fetch: readFromClient,
    arrived: (uri) => readersChanged(files.readersOf(uri)),
  });
  /** The projects of documents the platform does not read (the web, a virtual workspace), read through the client. */
  const clientProjects = new ClientProjects(readFromClient);
  /** What the settings say of a document's file: the platform's answer for files on its disk, else the client's files'. */
  const fileFacts: FileFactsSource = {
    settingsForFile: (s, uri) => (onDisk(uri) ? platform.settingsForFile(s, uri) : clientProjects.settingsForFile(s, uri)),
    projectsChanged: () => {
      platform.projectsChanged();
      clientProjects.clear();
    },
    ignoresChanged: () => {
      platform.ignoresChanged();
      clientProjects.clear();
    },
  };
  const analyses = new AnalysisCache(undefined, files);
  const scheduler = new ValidationScheduler((uri) => {
    validate(uri).catch((err: unknown) => connection.console.error(`Validation failed: ${describeError(err)}`));
  });
  /** The version each document's last requested validation was for. */
  const requestedVersion = new Map<string, number>();
  /** Documents whose "not checked" message was shown: once per opened document. */
  const skipNoticeShown = new Set<string>();
  /** Database names of the open documents, for names that differ only by case across documents. */
  const openNames = new OpenDocumentNames();
  /** Per document: how often its clashes with other documents' names changed (part of its result id). */
  const clashGeneration = new Map<string, number>();
  /** The diagnostics last computed for each document, reused while its version, settings and clashes stay. */
  const reports = new Map<string, Report>();
  /** The report last published for each document (push): the same report is not published twice. */
  const published = new Map<string, Report>();
  /** Numbers the reports: a result id is never given twice, also to a document closed and opened again. */
  let reportSerial = 0;
  /**
   * The client pulls diagnostics (`textDocument/diagnostic`): nothing is pushed to it; when other
   * documents change a document's clashes, or the settings change, it is asked to pull again.
   */
  let pullDiagnostics = false;
  let refreshSupport = false;
  let refreshPending = false;
  let settings = new DocumentSettings(connection, false, fileFacts);
  let snippetSupport = false;
  /** The client fetches an item's documentation when it shows it (completionItem/resolve): lists go without it. */
  let resolveDocumentation = false;
  /** The documentation of the items of the last completion list, for completionItem/resolve. */
  let lastDocumentation: { list: number; labels: string[]; docs: (string | undefined)[]; byLabel: Map<string, string | undefined> | undefined } = {
    list: 0,
    labels: [],
    docs: [],
    byLabel: undefined,
  };
  /** Which completion item defaults the client applies (LSP 3.17 `completionList.itemDefaults`). */
  let itemDefaults: ItemDefaultsSupport = { editRange: false, insertTextFormat: false, data: false };
  let registerConfigurationChange = false;
  /**
   * Watch package.json files (driver "auto" follows whether a project depends on mongodb or mongoose),
   * Python manifests (the limits of driver calls follow whether a project uses MongoDB) and .gitignore
   * files (credentials-in-source follows whether a file is committed).
   */
  let registerManifestWatcher = false;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const capabilities = params.capabilities ?? {};
    settings = new DocumentSettings(connection, capabilities.workspace?.configuration === true, fileFacts);
    clientReadsFiles = (params.initializationOptions as { readFiles?: unknown } | undefined)?.readFiles === true;
    clientExplainLink = (params.initializationOptions as { explainLink?: unknown } | undefined)?.explainLink === true;
    // The language of the messages: the client's (VS Code sends vscode.env.language), else LSP's own `locale`.
    const locale = (params.initializationOptions as { locale?: unknown } | undefined)?.locale;
    useLocale(typeof locale === 'string' ? locale : typeof params.locale === 'string' ? params.locale : undefined);
    // Settings passed at start, as `{ mongodbUri: {...} }`, for clients that can neither be asked nor push.
    settings.changed(params.initializationOptions);
    snippetSupport = capabilities.textDocument?.completion?.completionItem?.snippetSupport === true;
    resolveDocumentation = capabilities.textDocument?.completion?.completionItem?.resolveSupport?.properties?.includes('documentation') === true;
    const defaults = capabilities.textDocument?.completion?.completionList?.itemDefaults ?? [];
    itemDefaults = { editRange: defaults.includes('editRange'), insertTextFormat: defaults.includes('insertTextFormat'), data: defaults.includes('data') };
    registerConfigurationChange = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    registerManifestWatcher = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    const codeActionLiterals = capabilities.textDocument?.codeAction?.codeActionLiteralSupport !== undefined;
    // Pull diagnostics are offered to a client that can pull and asks for them (initializationOptions
    // `pullDiagnostics: true`); the others, VS Code's client included, get them pushed.
    const pullAsked = (params.initializationOptions as { pullDiagnostics?: unknown } | undefined)?.pullDiagnostics === true;
    pullDiagnostics = pullAsked && capabilities.textDocument?.diagnostic !== undefined && capabilities.textDocument.diagnostic !== null;
    refreshSupport = capabilities.workspace?.diagnostics?.refreshSupport === true;
    const result: InitializeResult = {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        completionProvider: { triggerCharacters: COMPLETION_TRIGGER_CHARACTERS, resolveProvider: resolveDocumentation },
        codeActionProvider: codeActionLiterals ? { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite] } : true,
      },
      serverInfo: { name: SERVER_NAME, version },
    };
    // A document's diagnostics depend on the other open documents (names that differ only by case).
    if (pullDiagnostics) result.capabilities.diagnosticProvider = { interFileDependencies: true, workspaceDiagnostics: false };
    return result;
  });

  connection.onInitialized(
    guardNotification(connection, 'initialized', async () => {
      if (registerConfigurationChange) {
        await connection.client.register(DidChangeConfigurationNotification.type, { section: configurationSection });
      }
      if (registerManifestWatcher) {
        await connection.client.register(DidChangeWatchedFilesNotification.type, {
          watchers: [
            // package.json and Python manifests: whether a project uses MongoDB.
            ...MANIFEST_GLOBS.map((globPattern) => ({ globPattern })),
            { globPattern: '**/.gitignore' },
            // Files analyses read beside their documents: a compose file's .env, Spring's configuration files.
            { globPattern: '**/{.env,.env.*,*.env}' },
            { globPattern: '**/{application,bootstrap}*.{properties,yml,yaml}' },
            // Kubernetes manifests beside one another (Secrets and ConfigMaps a Deployment refers to).
            { globPattern: '**/*.{yml,yaml}' },
          ],
        });
      }
      connection.console.info(`${SERVER_NAME} ${version} started (${platform.runtime}).`);
    }),
  );

  connection.onDidChangeConfiguration(
    guardNotification(connection, 'didChangeConfiguration', (params: DidChangeConfigurationParams) => {
      settings.changed(params?.settings);
      analyses.clear();
      for (const document of documents.all()) requestValidation(document, 'now');
      requestRefresh();
    }),
  );

  connection.onDidChangeWatchedFiles(
    guardNotification(connection, 'didChangeWatchedFiles', (params: DidChangeWatchedFilesParams) => {
      const changes = Array.isArray(params?.changes) ? params.changes.filter((c) => typeof c?.uri === 'string') : [];
      // A file that analyses read beside their documents: those documents are checked again.
      for (const c of changes) if (files.isRead(c.uri) && !documents.get(c.uri)) filesChanged(c.uri);
      const manifests = changes.some((c) => isManifest(c.uri));
      const ignores = changes.some((c) => /(^|\/)\.gitignore$/.test(c.uri));
      if (!manifests && !ignores) return;
      if (manifests) settings.projectsChanged();
      if (ignores) settings.ignoresChanged();
      analyses.clear();
      for (const document of documents.all()) requestValidation(document, 'now');
      requestRefresh();
    }),
  );

  documents.onDidOpen(
    guardNotification(connection, 'didOpen', (e) => {
      documentOpened(e.document);
      if (files.isRead(e.document.uri)) filesChanged(e.document.uri);
    }),
  );
  documents.onDidChangeContent(
    guardNotification(connection, 'didChange', (e) => {
      // Also fired right after didOpen, for the version just validated.
      if (requestedVersion.get(e.document.uri) !== e.document.version) {
        requestValidation(e.document, 'debounced');
        if (files.isRead(e.document.uri)) filesChanged(e.document.uri);
      }
    }),
  );
  documents.onDidClose(
    guardNotification(connection, 'didClose', (e) => {
      const uri = e.document.uri;
      scheduler.cancel(uri);
      requestedVersion.delete(uri);
      skipNoticeShown.delete(uri);
      analyses.forget(uri);
      settings.forget(uri);
      reports.delete(uri);
      published.delete(uri);
      clashGeneration.delete(uri);
      // Its text on disk (maybe older than the closed editor's) is what others read now.
      if (files.isRead(uri)) filesChanged(uri);
      // A client that pulls forgets the diagnostics of a closed document itself.
      if (!pullDiagnostics) void connection.sendDiagnostics({ uri, diagnostics: [] });
      clashesChanged(openNames.delete(uri));
    }),
  );

  /**
   * Documents opened in a burst (a restored workspace, many files opened at once) are published together
   * once the burst pauses (or after OPEN_BURST_MAX_MS): the names of all of them are read first, so that
   * none is published again for a clash with a document opened a moment later.
   */
  const opened = new Set<string>();
  let openTimer: ReturnType<typeof setTimeout> | undefined;
  let burstStarted = 0;

  function documentOpened(document: TextDocument): void {
    requestedVersion.set(document.uri, document.version);
    scheduler.cancel(document.uri);
    if (opened.size === 0) burstStarted = Date.now();
    opened.add(document.uri);
    if (openTimer !== undefined) clearTimeout(openTimer);
    const wait = Date.now() - burstStarted >= OPEN_BURST_MAX_MS ? 0 : VALIDATION_DELAY_MS;
    openTimer = setTimeout(() => void publishOpened().catch((err: unknown) => connection.console.error(`Validation failed: ${describeError(err)}`)), wait);
  }

  async function publishOpened(): Promise<void> {
    openTimer = undefined;
    const batch = [...opened];
    opened.clear();
    const affected = new Set<string>();
    for (const uri of batch) {
      const found = await analysisOf(uri);
      if (!found || found.analysis.skipped !== undefined) continue;
      for (const other of openNames.set(uri, databaseNamesOf(found.analysis))) affected.add(other);
    }
    for (const uri of batch) affected.delete(uri);
    clashesChanged([...affected]);
    if (pullDiagnostics) return;
    for (const uri of batch) await validate(uri);
  }

  function requestValidation(document: TextDocument, when: 'now' | 'debounced'): void {
    requestedVersion.set(document.uri, document.version);
    if (when === 'now') scheduler.now(document.uri);
    else scheduler.schedule(document.uri);
  }

  /**
   * The current document and its Analysis, or null when it is not open (or changed while settings were
   * read or while it was analysed). With `partialOk`, a very large document whose analysis is still
   * running answers with what is done so far. With `around`, a giant document answers with the Analysis
   * of the lines around that position, and a document that is that part of it (see documents.ts).
   */
  async function analysisOf(uri: string, partialOk = false, around?: Position): Promise<{ document: TextDocument; analysis: Analysis; settings: ServerSettings } | null> {
    const document = documents.get(uri);
    if (!document) return null;
    const version = document.version;
    const documentSettings = await settings.get(uri);
    const current = documents.get(uri);
    if (!current || current.version !== version) return null;
    if (around && isGiant(current)) {
      // Its own analysis (started if it is not running) says whether it is checked at all.
      const pending = analyses.analyze(current, documentSettings, () => documents.get(uri)?.version === version);
      pending.catch((err: unknown) => connection.console.error(`Analysis failed: ${describeError(err)}`));
      const whole = analyses.peek(current, documentSettings) ?? analyses.partial(current, documentSettings);
      if (!whole || whole.skipped !== undefined) return whole ? { document: current, analysis: whole, settings: documentSettings } : null;
      const { window, analysis } = analyses.around(current, documentSettings, around);
      return { document: window, analysis, settings: documentSettings };
    }
    const pending = analyses.analyze(current, documentSettings, () => documents.get(uri)?.version === version);
    // A very large document is analysed in slices: a hover or completion reads what is done so far.
    const partial = partialOk ? analyses.partial(current, documentSettings) : undefined;
    if (partial) {
      pending.catch((err: unknown) => connection.console.error(`Analysis failed: ${describeError(err)}`));
      return { document: current, analysis: partial, settings: documentSettings };
    }
    const analysis = await pending;
    return analysis ? { document: current, analysis, settings: documentSettings } : null;
  }

  /**
   * The Analysis a request reads, or null when there is none (not open, not checked). A request that
   * was superseded while it waited is refused instead of answered: cancelled by the client
   * (RequestCancelled), or its document changed meanwhile (ContentModified), so that no answer computed
   * for an older version arrives after a newer edit. `around`: the request's position (its range's start).
   */
  async function analysisForRequest(uri: string, token: CancellationToken, around: Position, partialOk = false): Promise<{ document: TextDocument; analysis: Analysis; settings: ServerSettings } | null> {
    // Cancelled before it was read: no analysis for it.
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
    const requestedAt = documents.get(uri)?.version;
    const found = await analysisOf(uri, partialOk, around);
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
    if (documents.get(uri)?.version !== requestedAt) throw new ResponseError(LSPErrorCodes.ContentModified, 'The document changed.');
    return found && found.analysis.skipped === undefined ? found : null;
  }

  /**
   * The diagnostics of a document's current version, computed once per version, settings and clashes
   * with other documents; null when it is closed, or changed while its settings were read.
   */
  async function reportOf(uri: string): Promise<Report | null> {
    const found = await analysisOf(uri);
    if (!found) return null;
    const { document, analysis, settings: documentSettings } = found;
    const last = reports.get(uri);
    if (last && last.version === document.version && last.settings === documentSettings && last.clashes === (clashGeneration.get(uri) ?? 0)) return last;
    let diagnostics: Diagnostic[] = [];
    const names = analysis.skipped === undefined ? databaseNamesOf(analysis) : [];
    const affected = openNames.set(uri, names);
    if (analysis.skipped !== undefined) {
      showSkipNotice(uri, analysis.skipped);
    } else {
      const across = crossDocumentProblems({ uri, names }, openNames.conflicting(uri));
      const reported = reportProblems(across.length > 0 ? [...analysis.problems, ...across] : analysis.problems, documentSettings);
      diagnostics = reported.map((r) => toDiagnostic(document, r));
    }
    const clashes = clashGeneration.get(uri) ?? 0;
    const report: Report = { version: document.version, settings: documentSettings, clashes, resultId: `${document.version}:${++reportSerial}`, diagnostics };
    reports.set(uri, report);
    clashesChanged(affected);
    return report;
  }

  async function validate(uri: string): Promise<void> {
    const report = await reportOf(uri);
    // Closed, or changed meanwhile: the newer version has its own validation coming. A client that
    // pulls diagnostics asks for them itself: the report is ready for it.
    if (!report || pullDiagnostics || published.get(uri) === report) return;
    published.set(uri, report);
    await connection.sendDiagnostics({ uri, version: report.version, diagnostics: report.diagnostics });
  }

  /** A file that analyses read changed: the documents that read it are analysed again and published, or pulled again. */
  function filesChanged(uri: string): void {
    readersChanged(files.changed(uri).filter((d) => d !== uri));
  }

  /** Documents whose analyses read a file that changed (or arrived): analysed again. */
  function readersChanged(readers: readonly string[]): void {
    for (const d of readers) analyses.invalidate(d);
    clashesChanged(readers);
  }

  /** Documents whose clashes with other documents' names changed: published again, or pulled again. */
  function clashesChanged(uris: readonly string[]): void {
    if (uris.length === 0) return;
    for (const other of uris) {
      clashGeneration.set(other, (clashGeneration.get(other) ?? 0) + 1);
      const document = documents.get(other);
      if (!pullDiagnostics && document && requestedVersion.get(other) === document.version) scheduler.schedule(other);
    }
    requestRefresh();
  }

  /** Asks a client that pulls diagnostics to pull them again (once for all that changed at the same time). */
  function requestRefresh(): void {
    if (!pullDiagnostics || !refreshSupport || refreshPending) return;
    refreshPending = true;
    void nextTurn().then(() => {
      refreshPending = false;
      connection.sendRequest(DiagnosticRefreshRequest.type).catch((err: unknown) => connection.console.error(`Diagnostics refresh failed: ${describeError(err)}`));
    });
  }

  function showSkipNotice(uri: string, reason: string): void {
    // 'disabled' is the core's word for `mongodbUri.enable: false`: nothing to tell.
    if (reason === 'disabled' || skipNoticeShown.has(uri)) return;
    skipNoticeShown.add(uri);
    const name = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: message('notice.skipped', { file: name, reason }) });
  }

  connection.onRequest(
    DocumentDiagnosticRequest.method,
    guardRequest(connection, 'diagnostic', EMPTY_REPORT, async (params: DocumentDiagnosticParams, token): Promise<DocumentDiagnosticReport> => {
      const uri = documentUriOf(params);
      // A document that changes while its settings are read is read again, a few times at most.
      for (let attempt = 0; attempt < 3; attempt++) {
        // Cancelled before it was read (the client pulls again after each change): nothing is analysed.
        if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
        if (!documents.get(uri)) return EMPTY_REPORT;
        const report = await reportOf(uri);
        if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
        if (!report) continue;
        if (params.previousResultId === report.resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: report.resultId };
        return { kind: DocumentDiagnosticReportKind.Full, resultId: report.resultId, items: report.diagnostics };
      }
      throw new ResponseError(LSPErrorCodes.ServerCancelled, 'The document keeps changing.', { retriggerRequest: true });
    }),
  );

  connection.onHover(
    guardRequest(connection, 'hover', null, async (params: HoverParams, token): Promise<Hover | null> => {
      const { uri } = requireTextDocumentPosition(params);
      const found = await analysisForRequest(uri, token, params.position, true);
      if (!found) return null;
      const { document, analysis } = found;
      const offset = document.offsetAt(params.position);
      const hover = doHover(toTextDocumentLike(document), analysis, offset);
      if (!hover) return null;
      const lsp = toHover(document, hover);
      // A client that runs the command (VS Code's) gets a link to the explain panel under a connection string's hover.
      if (clientExplainLink && isConnectionStringAt(analysis, offset)) {
        const args = encodeURIComponent(JSON.stringify([{ uri, position: params.position }]));
        (lsp.contents as { value: string }).value += `\n\n---\n\n[${message('hover.explainLink')}](command:mongodbUri.explain?${args})`;
      }
      return lsp;
    }),
  );

  connection.onCompletion(
    guardRequest(connection, 'completion', EMPTY_COMPLETION, async (params: CompletionParams, token) => {
      const { uri } = requireTextDocumentPosition(params);
      const found = await analysisForRequest(uri, token, params.position, true);
      if (!found) return EMPTY_COMPLETION;
      const { document, analysis } = found;
      // Admin commands complete `host:port` from the connection strings of the other open documents too.
      const otherHosts = () => [...analyses.latest()].filter(([u]) => u !== uri).flatMap(([, a]) => hostTargetsOf(a));
      const results = doComplete(toTextDocumentLike(document), analysis, document.offsetAt(params.position), otherHosts).filter(
        (item) => snippetSupport || !item.isSnippet,
      );
      if (!resolveDocumentation) return toCompletionList(document, results, itemDefaults, true);
      // A list of every option with its documentation is some 60 KB; without it, a tenth of that.
      const list = lastDocumentation.list + 1;
      lastDocumentation = { list, labels: results.map((item) => item.label), docs: results.map((item) => item.documentation), byLabel: undefined };
      return toCompletionList(document, results, itemDefaults, false, { list });
    }),
  );

  /** Adds the documentation an item of the last list was sent without; any other item comes back as it is. */
  connection.onCompletionResolve((item: CompletionItem) => {
    const data = (item as { data?: { list?: unknown; i?: unknown } } | null)?.data;
    if (data?.list === lastDocumentation.list) {
      // Item by item, `i` says which one; through the list's defaults, the label (unique in a list) does.
      const documentation = typeof data.i === 'number' ? lastDocumentation.docs[data.i] : documentationByLabel(item.label);
      if (documentation !== undefined) item.documentation = { kind: MarkupKind.Markdown, value: documentation };
    }
    return item;
  });

  function documentationByLabel(label: unknown): string | undefined {
    if (typeof label !== 'string') return undefined;
    const last = lastDocumentation;
    last.byLabel ??= new Map(last.labels.map((l, i) => [l, last.docs[i]]));
    return last.byLabel.get(label);
  }

  /**
   * A request at a text document position, answered from the analysis of its document (null when the
   * document is not open, or the answer says nothing is there).
   */
  function onPositionRequest<P extends TextDocumentPositionParams, R>(method: string, answer: (found: NonNullable<Awaited<ReturnType<typeof analysisForRequest>>>, offset: number, params: P) => R | Promise<R>): void {
    connection.onRequest(
      method,
      guardRequest(connection, method, null, async (params: P, token) => {
        const { uri } = requireTextDocumentPosition(params);
        const found = await analysisForRequest(uri, token, params.position);
        return found ? answer(found, found.document.offsetAt(params.position), params) : null;
      }),
    );
  }

  /**
   * The SRV and TXT answer for a mongodb+srv host, looked up only where DNS exists and
   * `mongodbUri.allowNetwork` is true for the document; otherwise (and when the look-up fails) an error
   * that says why, passwords redacted.
   */
  async function srvAnswer(uri: string, host: string): Promise<SrvCheck> {
    if (!platform.resolveSrv) throw new ResponseError(LSPErrorCodes.RequestFailed, message('request.noDns', { runtime: platform.runtime }));
    if (!(await settings.allowsNetwork(uri))) throw new ResponseError(LSPErrorCodes.RequestFailed, message('request.networkOff'));
    try {
      return await platform.resolveSrv(host);
    } catch (err) {
      throw new ResponseError(LSPErrorCodes.RequestFailed, redactPasswords(err instanceof Error ? err.message : String(err)));
    }
  }

  /** Behind "Show Parsed Connection String" and "Copy Connection String (redacted)". */
  onPositionRequest(DESCRIBE_REQUEST, (found, offset) => describeConnectionString(found.analysis, offset, found.settings));

  /**
   * The explanation of the string at the position (parts, effective options, how a driver connects), for
   * the explain panel; a mongodb+srv string with its DNS answer where DNS is allowed, else a note of why not.
   */
  onPositionRequest(EXPLAIN_REQUEST, async (found, offset) => {
    const host = srvHostAt(found.analysis, offset);
    let srv: SrvAnswer | undefined;
    let dnsNote: string | null = null;
    if (host !== null) {
      try {
        srv = await srvAnswer(found.document.uri, host);
      } catch (err) {
        dnsNote = err instanceof Error ? err.message : String(err);
      }
    }
    const explanation = explainConnectionString(found.analysis, offset, found.settings, srv);
    return explanation && { ...explanation, dnsNote };
  });

  /** The edit form of the explain panel: the string at the position taken apart (no password). */
  onPositionRequest(FORM_REQUEST, (found, offset) => connectionForm(found.analysis, offset));

  /**
   * The form written back: the edit (for the client to apply, so that undo undoes it) and the new string
   * redacted with its problems (the form's live check reads only these).
   */
  onPositionRequest(WRITE_FORM_REQUEST, (found, offset, params: TextDocumentPositionParams & { form?: unknown }) => {
    const form = formInput(params.form);
    const written = writeConnectionForm(toTextDocumentLike(found.document, files), found.analysis, offset, form, found.settings);
    if (!written) throw new ResponseError(LSPErrorCodes.RequestFailed, message('request.formNotInString'));
    return { edit: toTextEdit(found.document, written.edit), version: found.document.version, redacted: written.redacted, problems: written.problems };
  });

  /** Behind "Rewrite as a seed list": the SRV and TXT records looked up (only with allowNetwork), and the edit. */
  connection.onRequest(
    SEED_LIST_REQUEST,
    guardRequest(connection, SEED_LIST_REQUEST, null, async (params: TextDocumentPositionParams, token) => {
      const { uri } = requireTextDocumentPosition(params);
      const found = await analysisForRequest(uri, token, params.position);
      if (!found) throw new ResponseError(LSPErrorCodes.RequestFailed, message('request.notInString'));
      const offset = found.document.offsetAt(params.position);
      const host = srvHostAt(found.analysis, offset);
      if (host === null) throw new ResponseError(LSPErrorCodes.RequestFailed, message('request.notSrv'));
      const answer = await srvAnswer(uri, host);
      if (answer.problems.length > 0) throw new ResponseError(LSPErrorCodes.RequestFailed, message('request.srvRefused', { problems: answer.problems.join(' ') }));
      if (documents.get(uri)?.version !== found.document.version) throw new ResponseError(LSPErrorCodes.ContentModified, 'The document changed.');
      const edit = seedListEdit(found.analysis, offset, answer);
      if (!edit) throw new ResponseError(LSPErrorCodes.RequestFailed, message('request.srvNoHosts', { query: answer.query }));
      return { edit: toTextEdit(found.document, edit), version: found.document.version, hosts: answer.hosts.length };
    }),
  );

  /**
   * Behind "MongoDB: Resolve SRV Record": refused unless DNS exists and `mongodbUri.allowNetwork` is true
   * for the document.
   */
  connection.onRequest(
    RESOLVE_SRV_REQUEST,
    guardRequest(connection, RESOLVE_SRV_REQUEST, null, async (params: TextDocumentPositionParams, token) => {
      const { uri } = requireTextDocumentPosition(params);
      if (!platform.resolveSrv) throw new ResponseError(LSPErrorCodes.RequestFailed, message('request.noDns', { runtime: platform.runtime }));
      if (!(await settings.allowsNetwork(uri))) throw new ResponseError(LSPErrorCodes.RequestFailed, message('request.networkOff'));
      const found = await analysisForRequest(uri, token, params.position);
      const description = found && describeConnectionString(found.analysis, found.document.offsetAt(params.position), found.settings);
      if (!description) throw new ResponseError(LSPErrorCodes.RequestFailed, message('request.notInString'));
      if (description.scheme !== 'mongodb+srv' || description.hosts.length !== 1) {
        throw new ResponseError(LSPErrorCodes.RequestFailed, message('request.notSrv'));
      }
      return srvAnswer(uri, description.hosts[0].host);
    }),
  );

  connection.onCodeAction(
    guardRequest(connection, 'codeAction', [] as CodeAction[], async (params: CodeActionParams, token) => {
      const { uri } = requireTextDocumentRange(params);
      const found = await analysisForRequest(uri, token, params.range.start);
      if (!found) return [];
      const dns = !platform.resolveSrv ? 'missing' : (await settings.allowsNetwork(uri)) ? 'on' : 'off';
      return [...getCodeActions(found.document, found.analysis, params, found.settings), ...rewriteActions(found.document, found.analysis, params, dns, platform.runtime)];
    }),
  );

  connection.onShutdown(() => scheduler.dispose());

  documents.listen(connection);
  connection.listen();
}
