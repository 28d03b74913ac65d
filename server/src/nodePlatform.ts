/** The language server on Node.js: files from the disk, settings of files on disk, DNS for SRV records. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import { FileSettings, filePathOf } from './fileSettings';
import type { ServerPlatform } from './platform';
import { MAX_SIBLING_BYTES } from './serverFiles';
import { resolveSrv } from './srvLookup';

export function nodePlatform(): ServerPlatform {
  const files = new FileSettings();
  return {
    runtime: `Node ${process.version}`,
    readFile: readFromDisk,
    listFolder: listFromDisk,
    settingsForFile: (settings, uri) => files.forFile(settings, filePathOf(uri)),
    projectsChanged: () => files.projectsChanged(),
    ignoresChanged: () => files.ignoresChanged(),
    resolveSrv,
  };
}

/** Folders listed beside a document: at most this many files are named. */
const MAX_LISTED = 1000;

/** The files of a `file:` folder URI (not its subfolders); undefined for other schemes or when it cannot be read. */
export function listFromDisk(folderUri: string): string[] | undefined {
  if (!folderUri.startsWith('file:')) return undefined;
  try {
    const folder = fileURLToPath(folderUri);
    return readdirSync(folder, { withFileTypes: true })
      .filter((e) => e.isFile())
      .slice(0, MAX_LISTED)
      .map((e) => pathToFileURL(path.join(folder, e.name)).href);
  } catch {
    return undefined;
  }
}

/** The text of a `file:` URI (up to MAX_SIBLING_BYTES, without a byte order mark); undefined for other schemes. */
export function readFromDisk(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    const file = fileURLToPath(uri);
    if (statSync(file).size > MAX_SIBLING_BYTES) return undefined;
    const text = readFileSync(file, 'utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return undefined;
  }
}
