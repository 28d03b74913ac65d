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
import { ClientProjects } from './clientProjects';
import { describeError } from './redact';
import { message } from './service/languageService';

declare const self: { postMessage(message: unknown): void; addEventListener(type: string, listener: (event: { reason?: unknown; error?: unknown; message?: string }) => void): void };

const connection = createConnection(new BrowserMessageReader(self as never), new BrowserMessageWriter(self as never));

/** Projects of the workspace, read through the client (made at the first document). */
let projects: ClientProjects | undefined;

const webPlatform: ServerPlatform = {
  // Read when a message names it: in the language installed at initialization.
  get runtime() {
    return message('runtime.webWorker');
  },
  settingsForFile: (settings, uri, readFromClient) => (readFromClient ? (projects ??= new ClientProjects(readFromClient)).settingsForFile(settings, uri) : settings),
  projectsChanged: () => projects?.clear(),
  ignoresChanged: () => projects?.clear(),
};

self.addEventListener('unhandledrejection', (event) => connection.console.error(`Unhandled rejection: ${describeError(event.reason)}`));
self.addEventListener('error', (event) => connection.console.error(`Uncaught error: ${describeError(event.error ?? event.message)}`));

startServer(connection, webPlatform);
