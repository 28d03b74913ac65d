/** Starts the MongoDB URI & Limits language server (server/out/server.js) over Node IPC. */
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { documentSelector } from './documentSelector';
import { registerCommands } from './commands';
import { registerResolveSrvCommand } from './srvCommand';
import { RestartBudget } from './restartBudget';

const CLIENT_ID = 'mongodbUri';
const CLIENT_NAME = 'MongoDB URI & Limits';

/** A server that stops more often than this within the window is not started again. */
const MAX_RESTARTS = 4;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

let client: LanguageClient | undefined;

/**
 * Starts the server again when it exits or its connection breaks, up to MAX_RESTARTS times within
 * RESTART_WINDOW_MS; then gives up and says so. Each restart is written to the output channel.
 */
class RestartingErrorHandler implements ErrorHandler {
  private readonly budget = new RestartBudget(MAX_RESTARTS, RESTART_WINDOW_MS);

  constructor(private readonly log: vscode.OutputChannel) {}

  error(error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
    this.log.appendLine(`Connection to the language server failed: ${error.message}`);
    // A few failed messages in a row are tolerated; more end the connection, and closed() decides on a restart.
    return { action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
  }

  closed(): CloseHandlerResult {
    const { count, restart } = this.budget.stopped(Date.now());
    if (restart) {
      this.log.appendLine(`The language server stopped; starting it again (${count} of ${MAX_RESTARTS} restarts in 3 minutes).`);
      return { action: CloseAction.Restart, handled: true };
    }
    const message = `The ${CLIENT_NAME} language server stopped ${count} times in 3 minutes and is not started again. Reload the window to start it.`;
    this.log.appendLine(message);
    void vscode.window.showErrorMessage(message, 'Show Log').then((choice) => {
      if (choice) this.log.show(true);
    });
    return { action: CloseAction.DoNotRestart, handled: true };
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('server/out/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6012'] } },
  };
  const outputChannel = vscode.window.createOutputChannel(CLIENT_NAME);
  context.subscriptions.push(outputChannel);
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    // Makes VS Code send workspace/didChangeConfiguration when `mongodbUri.*` changes;
    // the server then reads each document's settings with workspace/configuration.
    synchronize: { configurationSection: 'mongodbUri' },
    outputChannel,
    errorHandler: new RestartingErrorHandler(outputChannel),
  };
  // The id makes `mongodbUri.trace.server` control the protocol trace.
  client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
  registerCommands(context, () => client);
  registerResolveSrvCommand(context, () => client, outputChannel);
  await client.start();
}

export async function deactivate(): Promise<void> {
  if (client) {
    await client.stop();
    client = undefined;
  }
}
