/**
 * The files an analysis reads beside its document (a compose file's `.env`), as the language server
 * gives them: an open document's text (unsaved edits included) wins over the disk; a file on disk is
 * read once and kept until the client says it changed. Which documents read which files is kept too, so
 * that a change of a file re-checks the documents that read it.
 */
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FileAccess } from './service/api';

/** Files beside a document are read up to this size (a `.env` is a few lines). */
export const MAX_SIBLING_BYTES = 1 << 20;

export class ServerFiles implements FileAccess {
  private readonly disk = new Map<string, string | undefined>();
  /** For each file read: the documents whose analyses read it. */
  private readonly readers = new Map<string, Set<string>>();

  /** `openText(uri)`: the text of an open document, undefined when it is not open. */
  constructor(private readonly openText: (uri: string) => string | undefined) {}

  read(uri: string): string | undefined {
    const open = this.openText(uri);
    if (open !== undefined) return open;
    if (this.disk.has(uri)) return this.disk.get(uri);
    const text = readFromDisk(uri);
    this.disk.set(uri, text);
    return text;
  }

  /** Records that the analysis of `document` read `files` (and nothing else of what it read before). */
  analysed(document: string, files: readonly string[] | undefined): void {
    for (const [file, set] of this.readers) {
      if (set.delete(document) && set.size === 0) this.readers.delete(file);
    }
    for (const file of files ?? []) {
      let set = this.readers.get(file);
      if (!set) this.readers.set(file, (set = new Set()));
      set.add(document);
    }
  }

  /** Whether some analysis read the file. */
  isRead(uri: string): boolean {
    return this.readers.has(uri);
  }

  /** The file changed (on disk, or it was opened, edited or closed): the documents that read it. */
  changed(uri: string): string[] {
    this.disk.delete(uri);
    return [...(this.readers.get(uri) ?? [])];
  }

  /** Forgets a closed document's reads. */
  forget(document: string): void {
    this.analysed(document, undefined);
  }
}

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
