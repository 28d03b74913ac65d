/**
 * What the language server needs of the machine it runs on, given by its entry point: Node.js
 * (server.ts: the disk, DNS) or a web worker (browserServer.ts: neither). The rest of the server is
 * the same on both.
 */
import type { Settings } from './service/api';
import type { SrvCheck } from './service/features/srvRecords';

export interface ServerPlatform {
  /** What runs the server, for its start message (`Node v20.20.2`, `a web worker`). */
  runtime: string;
  /**
   * Reads a file beside a document at once (the disk): its text, or undefined when it is absent or
   * cannot be read here. Without it (the web), such files are asked of the client.
   */
  readFile?(uri: string): string | undefined;
  /** The URIs of the files of a folder (not its subfolders), where the platform can list it. */
  listFolder?(folderUri: string): string[] | undefined;
  /**
   * What the settings say of one document's file on the platform's disk (driver "auto" in a Node.js
   * project, committed or not). The server asks it for the files it reads itself (`readFile`, `file:`);
   * the others' projects are read through the client (clientProjects.ts).
   */
  settingsForFile(settings: Settings, uri: string): Settings;
  /** A package.json changed: look again at which files are in Node.js projects. */
  projectsChanged(): void;
  /** A .gitignore changed: look again at which files are committed. */
  ignoresChanged(): void;
  /** Looks up SRV and TXT records (absent: no DNS here; the request says so). */
  resolveSrv?(host: string): Promise<SrvCheck>;
}

/** Runs `f` after the events already waiting (setImmediate in Node.js; a message to itself in a web worker). */
export const nextTurn: () => Promise<void> =
  typeof setImmediate === 'function'
    ? () => new Promise<void>((resolve) => setImmediate(resolve))
    : () =>
        new Promise<void>((resolve) => {
          // A web worker's MessagePort (DOM typing: onmessage), which answers after the events already waiting.
          const channel = new MessageChannel();
          const port = channel.port1 as unknown as { onmessage: (() => void) | null; close(): void };
          port.onmessage = () => {
            port.close();
            resolve();
          };
          channel.port2.postMessage(null);
        });
