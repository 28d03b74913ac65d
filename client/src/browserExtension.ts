/**
 * The web extension (VS Code for the Web, github.dev, vscode.dev): the same language server, built for a
 * web worker (server/out/browserServer.js), over postMessage. The documents of virtual file systems are
 * served too.
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { CLIENT_ID, CLIENT_NAME, startClient } from './activation';
import { documentSelector } from './documentSelector';

/** The browser's Worker, Blob and URL (the extension is type-checked without the DOM library). */
type ServerWorker = ConstructorParameters<typeof LanguageClient>[3];
declare const Worker: new (url: string) => ServerWorker;
declare const Blob: new (parts: Uint8Array[], options: { type: string }) => object;
declare const URL: { createObjectURL(blob: object): string };

/**
 * The worker of the server. An extension served from a gallery or built in starts it from its URL; one
 * installed on a remote (code-server, a dev container opened in the browser) may not, so its script is
 * read through VS Code's file system and started from a blob.
 */
async function serverWorker(serverMain: vscode.Uri): Promise<ServerWorker> {
  try {
    return new Worker(serverMain.toString(true));
  } catch {
    const script = await vscode.workspace.fs.readFile(serverMain);
    return new Worker(URL.createObjectURL(new Blob([script], { type: 'text/javascript' })));
  }
}

let client: BaseLanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const worker = await serverWorker(vscode.Uri.joinPath(context.extensionUri, 'server/out/browserServer.js'));
  client = await startClient(context, { environment: 'web', create: (options) => new LanguageClient(CLIENT_ID, CLIENT_NAME, options, worker) }, documentSelector);
}

export async function deactivate(): Promise<void> {
  if (client) {
    await client.stop();
    client = undefined;
  }
}
