/** The language server on Node.js: files from the disk, settings of files on disk, DNS for SRV records. */
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FileSettings, filePathOf } from './fileSettings';
import type { ServerPlatform } from './platform';
import { MAX_SIBLING_BYTES } from './serverFiles';
import { resolveSrv } from './srvLookup';

export function nodePlatform(): ServerPlatform {
  const files = new FileSettings();
  return {
    runtime: `Node ${process.version}`,
    readFile: readFromDisk,
    settingsForFile: (settings, uri) => files.forFile(settings, filePathOf(uri)),
    projectsChanged: () => files.projectsChanged(),
    ignoresChanged: () => files.ignoresChanged(),
    resolveSrv,
  };
}

/** The text of a `file:` URI (up to MAX_SIBLING_BYTES, without a byte order mark); undefined for other schemes. */
function readFromDisk(uri: string): string | undefined {
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
