/**
 * The language server in a web worker (VS Code for the Web, github.dev, vscode.dev): the same server
 * as server.ts, spoken to with postMessage. What needs Node.js degrades: files beside a document and
 * the manifests and .gitignore files that say whether its project uses MongoDB and whether it is
 * committed come from the client (`mongodbUri/readFile`, clientProjects.ts), and there is no DNS for SRV
 * records.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import type { ServerPlatform } from './platform';
import { startServer } from './startServer';
import { describeError } from './redact';
import { message } from './service/languageService';

declare const self: { postMessage(message: unknown): void; addEventListener(type: string, listener: (event: { reason?: unknown; error?: unknown; message?: string }) => void): void };

const connection = createConnection(new BrowserMessageReader(self as never), new BrowserMessageWriter(self as never));

const webPlatform: ServerPlatform = {
  // Read when a message names it: in the language installed at initialization.
  get runtime() {
    return message('runtime.webWorker');
  },
  // No file is read here: the server reads every project's manifests through the client.
  settingsForFile: (settings) => settings,
  projectsChanged: () => undefined,
  ignoresChanged: () => undefined,
};

self.addEventListener('unhandledrejection', (event) => connection.console.error(`Unhandled rejection: ${describeError(event.reason)}`));
self.addEventListener('error', (event) => connection.console.error(`Uncaught error: ${describeError(event.error ?? event.message)}`));

startServer(connection, webPlatform);
