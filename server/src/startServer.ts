/**
 * The language server: capabilities, and handlers that call the core's facade.
 * Diagnostics are pushed (`textDocument/publishDiagnostics` with the document version).
 */
import {
  CodeActionKind,
  LSPErrorCodes,
  ResponseError,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
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
  type Hover,
  type HoverParams,
  type InitializeParams,
  type InitializeResult,
  type TextDocumentPositionParams,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { crossDocumentProblems, databaseNamesOf, describeConnectionString, doComplete, doHover, type Analysis } from './service/languageService';
import { reportProblems } from './problemSink';
import { OpenDocumentNames } from './openDocumentNames';
import { AnalysisCache, toTextDocumentLike, ValidationScheduler } from './documents';
import { batchedDocuments } from './batchedDocument';
import { configurationSection, DocumentSettings, type ServerSettings } from './settings';
import { toCompletionList, toDiagnostic, toHover, type ItemDefaultsSupport } from './convert';
import { getCodeActions } from './convertCodeActions';
import { guardNotification, guardRequest, requireTextDocumentPosition, requireTextDocumentRange } from './guard';
import { describeError, redactPasswords } from './redact';
import { version } from './version';
import { resolveSrv } from './srvLookup';

export const DESCRIBE_REQUEST = 'mongodbUri/describeConnectionString';
export const RESOLVE_SRV_REQUEST = 'mongodbUri/resolveSrv';

export const SERVER_NAME = 'mongodb-uri-language-server';
export const COMPLETION_TRIGGER_CHARACTERS = ['?', '&', '=', ',', ':'];

const EMPTY_COMPLETION: CompletionList = { isIncomplete: false, items: [] };

export function startServer(connection: Connection): void {
  // Incremental changes wait until the text is read: a storm of edits costs one rebuild, not one copy per edit.
  const documents = new TextDocuments(batchedDocuments);
  const analyses = new AnalysisCache();
  const scheduler = new ValidationScheduler((uri) => {
    validate(uri).catch((err: unknown) => connection.console.error(`Validation failed: ${describeError(err)}`));
  });
  /** The version each document's last requested validation was for. */
  const requestedVersion = new Map<string, number>();
  /** Documents whose "not checked" message was shown: once per opened document. */
  const skipNoticeShown = new Set<string>();
  /** Database names of the open documents, for names that differ only by case across documents. */
  const openNames = new OpenDocumentNames();
  let settings = new DocumentSettings(connection, false);
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
   * Watch package.json files (driver "auto" follows whether a project depends on mongodb or mongoose)
   * and .gitignore files (credentials-in-source follows whether a file is committed).
   */
  let registerManifestWatcher = false;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const capabilities = params.capabilities ?? {};
    settings = new DocumentSettings(connection, capabilities.workspace?.configuration === true);
    // Settings passed at start, as `{ mongodbUri: {...} }`, for clients that can neither be asked nor push.
    settings.changed(params.initializationOptions);
    snippetSupport = capabilities.textDocument?.completion?.completionItem?.snippetSupport === true;
    resolveDocumentation = capabilities.textDocument?.completion?.completionItem?.resolveSupport?.properties?.includes('documentation') === true;
    const defaults = capabilities.textDocument?.completion?.completionList?.itemDefaults ?? [];
    itemDefaults = { editRange: defaults.includes('editRange'), insertTextFormat: defaults.includes('insertTextFormat'), data: defaults.includes('data') };
    registerConfigurationChange = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    registerManifestWatcher = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    const codeActionLiterals = capabilities.textDocument?.codeAction?.codeActionLiteralSupport !== undefined;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        completionProvider: { triggerCharacters: COMPLETION_TRIGGER_CHARACTERS, resolveProvider: resolveDocumentation },
        codeActionProvider: codeActionLiterals ? { codeActionKinds: [CodeActionKind.QuickFix] } : true,
      },
      serverInfo: { name: SERVER_NAME, version },
    };
  });

  connection.onInitialized(
    guardNotification(connection, 'initialized', async () => {
      if (registerConfigurationChange) {
        await connection.client.register(DidChangeConfigurationNotification.type, { section: configurationSection });
      }
      if (registerManifestWatcher) {
        await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/package.json' }, { globPattern: '**/.gitignore' }] });
      }
      connection.console.info(`${SERVER_NAME} ${version} started (Node ${process.version}).`);
    }),
  );

  connection.onDidChangeConfiguration(
    guardNotification(connection, 'didChangeConfiguration', (params: DidChangeConfigurationParams) => {
      settings.changed(params?.settings);
      analyses.clear();
      for (const document of documents.all()) requestValidation(document, 'now');
    }),
  );

  connection.onDidChangeWatchedFiles(
    guardNotification(connection, 'didChangeWatchedFiles', (params: DidChangeWatchedFilesParams) => {
      const manifests = params?.changes?.some((c) => /(^|\/)package\.json$/.test(c.uri)) === true;
      const ignores = params?.changes?.some((c) => /(^|\/)\.gitignore$/.test(c.uri)) === true;
      if (!manifests && !ignores) return;
      if (manifests) settings.projectsChanged();
      if (ignores) settings.ignoresChanged();
      analyses.clear();
      for (const document of documents.all()) requestValidation(document, 'now');
    }),
  );

  documents.onDidOpen(guardNotification(connection, 'didOpen', (e) => requestValidation(e.document, 'now')));
  documents.onDidChangeContent(
    guardNotification(connection, 'didChange', (e) => {
      // Also fired right after didOpen, for the version just validated.
      if (requestedVersion.get(e.document.uri) !== e.document.version) requestValidation(e.document, 'debounced');
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
      void connection.sendDiagnostics({ uri, diagnostics: [] });
      revalidate(openNames.delete(uri));
    }),
  );

  function requestValidation(document: TextDocument, when: 'now' | 'debounced'): void {
    requestedVersion.set(document.uri, document.version);
    if (when === 'now') scheduler.now(document.uri);
    else scheduler.schedule(document.uri);
  }

  /** The current document and its Analysis, or null when it is not open (or changed while settings were read). */
  async function analysisOf(uri: string): Promise<{ document: TextDocument; analysis: Analysis; settings: ServerSettings } | null> {
    const document = documents.get(uri);
    if (!document) return null;
    const version = document.version;
    const documentSettings = await settings.get(uri);
    const current = documents.get(uri);
    if (!current || current.version !== version) return null;
    return { document: current, analysis: analyses.get(current, documentSettings), settings: documentSettings };
  }

  /**
   * The Analysis a request reads, or null when there is none (not open, not checked). A request that
   * was superseded while it waited is refused instead of answered: cancelled by the client
   * (RequestCancelled), or its document changed meanwhile (ContentModified), so that no answer computed
   * for an older version arrives after a newer edit.
   */
  async function analysisForRequest(uri: string, token: CancellationToken): Promise<{ document: TextDocument; analysis: Analysis; settings: ServerSettings } | null> {
    const requestedAt = documents.get(uri)?.version;
    const found = await analysisOf(uri);
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
    if (documents.get(uri)?.version !== requestedAt) throw new ResponseError(LSPErrorCodes.ContentModified, 'The document changed.');
    return found && found.analysis.skipped === undefined ? found : null;
  }

  async function validate(uri: string): Promise<void> {
    const found = await analysisOf(uri);
    // Closed, or changed meanwhile: the newer version has its own validation coming.
    if (!found) return;
    const { document, analysis, settings: documentSettings } = found;
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
    await connection.sendDiagnostics({ uri, version: document.version, diagnostics });
    revalidate(affected);
  }

  /** Publishes again the open documents whose clashes with other documents' names may have changed. */
  function revalidate(uris: readonly string[]): void {
    for (const other of uris) {
      const document = documents.get(other);
      if (document && requestedVersion.get(other) === document.version) scheduler.schedule(other);
    }
  }

  function showSkipNotice(uri: string, reason: string): void {
    // 'disabled' is the core's word for `mongodbUri.enable: false`: nothing to tell.
    if (reason === 'disabled' || skipNoticeShown.has(uri)) return;
    skipNoticeShown.add(uri);
    const name = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: `${name}: ${reason}` });
  }

  connection.onHover(
    guardRequest(connection, 'hover', null, async (params: HoverParams, token): Promise<Hover | null> => {
      const { uri } = requireTextDocumentPosition(params);
      const found = await analysisForRequest(uri, token);
      if (!found) return null;
      const { document, analysis } = found;
      const hover = doHover(toTextDocumentLike(document), analysis, document.offsetAt(params.position));
      return hover ? toHover(document, hover) : null;
    }),
  );

  connection.onCompletion(
    guardRequest(connection, 'completion', EMPTY_COMPLETION, async (params: CompletionParams, token) => {
      const { uri } = requireTextDocumentPosition(params);
      const found = await analysisForRequest(uri, token);
      if (!found) return EMPTY_COMPLETION;
      const { document, analysis } = found;
      const results = doComplete(toTextDocumentLike(document), analysis, document.offsetAt(params.position)).filter(
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

  /** Custom request behind the "Show Parsed Connection String" and "Copy Connection String (redacted)" commands. */
  connection.onRequest(
    DESCRIBE_REQUEST,
    guardRequest(connection, DESCRIBE_REQUEST, null, async (params: TextDocumentPositionParams, token) => {
      const { uri } = requireTextDocumentPosition(params);
      const found = await analysisForRequest(uri, token);
      if (!found) return null;
      return describeConnectionString(found.analysis, found.document.offsetAt(params.position), found.settings);
    }),
  );

  /**
   * Behind "MongoDB: Resolve SRV Record": the only request that uses the network, refused unless
   * `mongodbUri.allowNetwork` is true for the document.
   */
  connection.onRequest(
    RESOLVE_SRV_REQUEST,
    guardRequest(connection, RESOLVE_SRV_REQUEST, null, async (params: TextDocumentPositionParams, token) => {
      const { uri } = requireTextDocumentPosition(params);
      if (!(await settings.allowsNetwork(uri))) {
        throw new ResponseError(LSPErrorCodes.RequestFailed, 'Resolving SRV records looks up DNS, which is off: set mongodbUri.allowNetwork to true to allow it.');
      }
      const found = await analysisForRequest(uri, token);
      const description = found && describeConnectionString(found.analysis, found.document.offsetAt(params.position), found.settings);
      if (!description) throw new ResponseError(LSPErrorCodes.RequestFailed, 'The cursor is not in a MongoDB connection string.');
      if (description.scheme !== 'mongodb+srv' || description.hosts.length !== 1) {
        throw new ResponseError(LSPErrorCodes.RequestFailed, 'Only a mongodb+srv:// connection string with one host name has SRV records.');
      }
      try {
        return await resolveSrv(description.hosts[0].host);
      } catch (err) {
        throw new ResponseError(LSPErrorCodes.RequestFailed, redactPasswords(err instanceof Error ? err.message : String(err)));
      }
    }),
  );

  connection.onCodeAction(
    guardRequest(connection, 'codeAction', [] as CodeAction[], async (params: CodeActionParams, token) => {
      const { uri } = requireTextDocumentRange(params);
      const found = await analysisForRequest(uri, token);
      if (!found) return [];
      return getCodeActions(found.document, found.analysis, params, found.settings);
    }),
  );

  connection.onShutdown(() => scheduler.dispose());

  documents.listen(connection);
  connection.listen();
}
