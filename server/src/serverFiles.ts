/**
 * The files an analysis reads beside its document (a compose file's `.env`, Spring's configuration
 * files), as the language server gives them: an open document's text (unsaved edits included) wins;
 * else the platform reads the file at once (the disk), or, where it cannot (the web, a virtual
 * workspace), the client is asked for it and the documents that wanted it are checked again when it
 * arrives. A file is read once and kept until it changes. Which documents read which files is kept
 * too, so that a change of a file re-checks the documents that read it.
 */
import type { FileAccess } from './service/api';

/** Files beside a document are read up to this size (a `.env` is a few lines). */
export const MAX_SIBLING_BYTES = 1 << 20;

export interface FileSources {
  /** The text of an open document, undefined when it is not open. */
  openText(uri: string): string | undefined;
  /** Reads a file at once: its text, or undefined (absent, unreadable, or not readable this way). */
  readNow?(uri: string): string | undefined;
  /** The files of a folder, where they can be listed at once. */
  list?(folderUri: string): string[] | undefined;
  /** Asks for a file that cannot be read at once: its text, or undefined. */
  fetch?(uri: string): Promise<string | undefined>;
  /** A file asked for arrived (or is known to be absent): the documents that read it are checked again. */
  arrived(uri: string): void;
}

export class ServerFiles implements FileAccess {
  private readonly texts = new Map<string, string | undefined>();
  /** Files being asked of the client. */
  private readonly pending = new Set<string>();
  /** For each file read: the documents whose analyses read it. */
  private readonly readers = new Map<string, Set<string>>();

  constructor(private readonly sources: FileSources) {}

  read(uri: string): string | undefined {
    const open = this.sources.openText(uri);
    if (open !== undefined) return open;
    if (this.texts.has(uri)) return this.texts.get(uri);
    const now = this.sources.readNow?.(uri);
    if (now !== undefined || !this.sources.fetch) {
      this.texts.set(uri, now);
      return now;
    }
    this.ask(uri);
    return undefined;
  }

  private ask(uri: string): void {
    if (this.pending.has(uri) || !this.sources.fetch) return;
    this.pending.add(uri);
    this.sources.fetch(uri).then(
      (text) => this.settle(uri, typeof text === 'string' && text.length <= MAX_SIBLING_BYTES ? text : undefined),
      () => this.settle(uri, undefined),
    );
  }

  private settle(uri: string, text: string | undefined): void {
    if (!this.pending.delete(uri)) return;
    this.texts.set(uri, text);
    if (text !== undefined) this.sources.arrived(uri);
  }

  list(folderUri: string): string[] | undefined {
    return this.sources.list?.(folderUri);
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

  /** The documents whose analyses read the file. */
  readersOf(uri: string): string[] {
    return [...(this.readers.get(uri) ?? [])];
  }

  /** Whether some analysis read the file. */
  isRead(uri: string): boolean {
    return this.readers.has(uri);
  }

  /** The file changed (on disk, or it was opened, edited or closed): the documents that read it. */
  changed(uri: string): string[] {
    this.texts.delete(uri);
    this.pending.delete(uri);
    return this.readersOf(uri);
  }

  /** Forgets a closed document's reads. */
  forget(document: string): void {
    this.analysed(document, undefined);
  }
}
