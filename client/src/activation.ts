/**
 * What the extension does once its language client exists, the same on the desktop (extension.ts:
 * the server as a Node.js process) and on the web (browserExtension.ts: the server in a web worker):
 * the output channel, restarts, commands, and the files the server asks for.
 */
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, type BaseLanguageClient, type CloseHandlerResult, type ErrorHandler, type ErrorHandlerResult, type LanguageClientOptions } from 'vscode-languageclient';
import { registerCommands } from './commands';
import { EXPLAIN_COMMAND, registerExplainCommand } from './explainPanel';
import { errorEndsConnection, RestartBudget } from './restartBudget';
import { registerResolveSrvCommand } from './srvCommand';

export const CLIENT_ID = 'mongodbUri';
export const CLIENT_NAME = 'MongoDB URI & Limits';

/** Server → client: the text of a file beside a document that the server cannot read itself. */
const READ_FILE_REQUEST = 'mongodbUri/readFile';
/** Files the server may ask for are read up to this size. */
const MAX_READ_BYTES = 1 << 20;

/** A server that stops more often than this within the window is not started again. */
const MAX_RESTARTS = 4;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

/**
 * Starts the server again when it exits or its connection breaks, up to MAX_RESTARTS times within
 * RESTART_WINDOW_MS; then gives up and says so. Each restart is written to the output channel.
 */
class RestartingErrorHandler implements ErrorHandler {
  private readonly budget = new RestartBudget(MAX_RESTARTS, RESTART_WINDOW_MS);

  constructor(private readonly log: vscode.OutputChannel) {}

  error(error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
    this.log.appendLine(vscode.l10n.t('Connection to the language server failed: {0}', error.message));
    // closed() decides on a restart once the connection closes.
    return { action: errorEndsConnection(count) ? ErrorAction.Shutdown : ErrorAction.Continue, handled: true };
  }

  closed(): CloseHandlerResult {
    const { count, restart } = this.budget.stopped(Date.now());
    if (restart) {
      this.log.appendLine(vscode.l10n.t('The language server stopped; starting it again ({0} of {1} restarts in 3 minutes).', count, MAX_RESTARTS));
      return { action: CloseAction.Restart, handled: true };
    }
    const message = vscode.l10n.t('The {0} language server stopped {1} times in 3 minutes and is not started again. Reload the window to start it.', CLIENT_NAME, count);
    this.log.appendLine(message);
    void vscode.window.showErrorMessage(message, vscode.l10n.t('Show Log')).then((choice) => {
      if (choice) this.log.show(true);
    });
    return { action: CloseAction.DoNotRestart, handled: true };
  }
}

/** The text of a file of the workspace, through VS Code's file system (any scheme it knows); undefined when absent or too large. */
async function readWorkspaceFile(uri: string): Promise<string | undefined> {
  try {
    const target = vscode.Uri.parse(uri, true);
    const stat = await vscode.workspace.fs.stat(target);
    if (stat.size > MAX_READ_BYTES) return undefined;
    const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(target));
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return undefined;
  }
}

export interface ClientFactory {
  /** `desktop`: Node.js extension host; `web`: a browser's. */
  environment: 'desktop' | 'web';
  create(clientOptions: LanguageClientOptions): BaseLanguageClient;
}

/** Creates and starts the client; returns it for deactivate(). */
export async function startClient(context: vscode.ExtensionContext, factory: ClientFactory, documentSelector: LanguageClientOptions['documentSelector']): Promise<BaseLanguageClient> {
  const outputChannel = vscode.window.createOutputChannel(CLIENT_NAME);
  context.subscriptions.push(outputChannel);
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    // Makes VS Code send workspace/didChangeConfiguration when `mongodbUri.*` changes;
    // the server then reads each document's settings with workspace/configuration.
    synchronize: { configurationSection: 'mongodbUri' },
    outputChannel,
    errorHandler: new RestartingErrorHandler(outputChannel),
    // The server asks for files it cannot read itself (web and virtual workspaces), and speaks the editor's language.
    initializationOptions: { readFiles: true, explainLink: true, locale: vscode.env.language },
    middleware: {
      // The hover of a connection string ends with a link that opens the explain panel: that one command is trusted.
      provideHover: async (document, position, token, next) => {
        const hover = await next(document, position, token);
        for (const content of hover?.contents ?? []) {
          if (content instanceof vscode.MarkdownString && content.value.includes(`(command:${EXPLAIN_COMMAND}?`)) content.isTrusted = { enabledCommands: [EXPLAIN_COMMAND] };
        }
        return hover;
      },
    },
  };
  const client = factory.create(clientOptions);
  registerCommands(context, () => client);
  registerExplainCommand(context, () => client);
  registerResolveSrvCommand(context, () => client, outputChannel, factory.environment);
  client.onRequest(READ_FILE_REQUEST, async (params: { uri?: unknown }) => {
    const text = typeof params?.uri === 'string' ? await readWorkspaceFile(params.uri) : undefined;
    return text === undefined ? {} : { text };
  });
  await client.start();
  return client;
}
