/** Starts the MongoDB URI & Limits language server (server/out/server.js) over Node IPC. */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { documentSelector } from './documentSelector';

const CLIENT_ID = 'mongodbUri';
const CLIENT_NAME = 'MongoDB URI & Limits';

let client: LanguageClient | undefined;

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
  };
  // The id makes `mongodbUri.trace.server` control the protocol trace.
  client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
  await client.start();
}

export async function deactivate(): Promise<void> {
  if (client) {
    await client.stop();
    client = undefined;
  }
}
