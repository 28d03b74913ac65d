/**
 * The web extension (VS Code for the Web, github.dev, vscode.dev): the same language server, built for a
 * web worker (server/out/browserServer.js), over postMessage. The documents of virtual file systems are
 * served too.
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { CLIENT_ID, CLIENT_NAME, startClient } from './activation';
import { webDocumentSelector } from './documentSelector';

/** The browser's Worker (the extension is type-checked without the DOM library). */
declare const Worker: new (url: string) => ConstructorParameters<typeof LanguageClient>[3];

let client: BaseLanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'server/out/browserServer.js');
  client = await startClient(
    context,
    { environment: 'web', create: (options) => new LanguageClient(CLIENT_ID, CLIENT_NAME, options, new Worker(serverMain.toString(true))) },
    webDocumentSelector,
  );
}

export async function deactivate(): Promise<void> {
  if (client) {
    await client.stop();
    client = undefined;
  }
}
