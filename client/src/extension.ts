/** Starts the MongoDB URI & Limits language server (server/out/server.js) over Node IPC. */
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { CLIENT_ID, CLIENT_NAME, startClient } from './activation';
import { documentSelector } from './documentSelector';

let client: BaseLanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('server/out/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6012'] } },
  };
  // The id makes `mongodbUri.trace.server` control the protocol trace.
  client = await startClient(context, { environment: 'desktop', create: (options) => new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, options) }, documentSelector);
}

export async function deactivate(): Promise<void> {
  if (client) {
    await client.stop();
    client = undefined;
  }
}
