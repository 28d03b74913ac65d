/**
 * Open documents whose incremental changes are applied when the text is read, all pending changes at
 * once. vscode-languageserver-textdocument applies each change by concatenating the text around it,
 * and the next change reads (and so flattens, copies) the whole text again: a storm of 10,000 edits on
 * a 1 MB document copied 10 GB. Here a change is only queued; the first read after a batch splits the
 * text into lines once, applies every change to the lines it touches, and joins them once.
 *
 * A few changes (typing) are applied in place by TextDocument.update, which moves the line table instead
 * of computing it again, each with its range first brought inside the document: the library corrupts its
 * line table for a change whose range starts past the last line (vscode-languageserver-textdocument
 * 1.0.16). A batch of more changes creates a TextDocument of the new text.
 *
 * A text of LINE_INDEXED_CHARS or more is kept in a LineIndexedDocument (its line starts in 4 bytes a
 * line, see lineIndexedDocument.ts), to which each of a few changes is applied by making the new text.
 */
import { TextDocument, type Position, type Range, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { TextDocumentsConfiguration } from 'vscode-languageserver';
import { LineIndexedDocument } from './lineIndexedDocument';

const CR = 13;
const LF = 10;

/** The lines of `text`, each with its line break (`\r\n`, `\n` or `\r`); the last one has none and may be empty. */
export function splitLines(text: string): string[] {
  const lines: string[] = [];
  const breaks = /\r\n?|\n/g;
  let start = 0;
  for (let m = breaks.exec(text); m !== null; m = breaks.exec(text)) {
    const end = m.index + m[0].length;
    lines.push(text.slice(start, end));
    start = end;
  }
  lines.push(text.slice(start));
  return lines;
}

/** The length of a line without its line break. */
function contentLength(line: string): number {
  const n = line.length;
  if (n === 0) return 0;
  const last = line.charCodeAt(n - 1);
  if (last === LF) return n >= 2 && line.charCodeAt(n - 2) === CR ? n - 2 : n - 1;
  return last === CR ? n - 1 : n;
}

/** Where a position falls, as TextDocument.offsetAt reads it: a line index and a column within its content. */
function locate(lines: readonly string[], position: Position): [line: number, column: number] {
  if (position.line < 0) return [0, 0];
  if (position.line >= lines.length) return [lines.length - 1, lines[lines.length - 1].length];
  if (position.character <= 0) return [position.line, 0];
  return [position.line, Math.min(position.character, contentLength(lines[position.line]))];
}

/** The range with its start before its end, as TextDocument orders it. */
function ordered(range: Range): Range {
  const { start, end } = range;
  return start.line > end.line || (start.line === end.line && start.character > end.character) ? { start: end, end: start } : range;
}

/** Applies incremental changes, in order, to the lines of a text (the array is changed in place when it can be). */
export function applyToLines(lines: string[], changes: readonly { range: Range; text: string }[]): string[] {
  for (const change of changes) {
    const range = ordered(change.range);
    const [startLine, startColumn] = locate(lines, range.start);
    const [endLine, endColumn] = locate(lines, range.end);
    let from = startLine;
    let head = lines[startLine].slice(0, startColumn);
    // A lone \r ending the line before, followed by a \n at the start of the new text: one line break.
    if (startColumn === 0 && startLine > 0 && lines[startLine - 1].charCodeAt(lines[startLine - 1].length - 1) === CR) {
      from = startLine - 1;
      head = lines[from];
    }
    const replacement = splitLines(head + change.text + lines[endLine].slice(endColumn));
    // Unless the change reaches the last line, the text ends with a line break: nothing follows it.
    if (endLine < lines.length - 1) replacement.pop();
    const removed = endLine - from + 1;
    if (replacement.length === removed) {
      for (let i = 0; i < removed; i++) lines[from + i] = replacement[i];
    } else if (replacement.length < 10_000) {
      lines.splice(from, removed, ...replacement);
    } else {
      lines = lines.slice(0, from).concat(replacement, lines.slice(endLine + 1));
    }
  }
  return lines;
}

/** Applies incremental changes to a text: one split, one join, whatever the number of changes. */
export function applyChanges(text: string, changes: readonly { range: Range; text: string }[]): string {
  return applyToLines(splitLines(text), changes).join('');
}

/** Up to this many pending changes are applied one by one (each copies the text once); more are batched. */
const FEW_CHANGES = 4;

/**
 * The change with its range inside the document, the same offsets: TextDocument.update then keeps its
 * line table right (with a range past the last line it does not).
 */
function inBounds(document: TextDocument, change: { range: Range; text: string }): { range: Range; text: string } {
  const range = ordered(change.range);
  const start = document.positionAt(document.offsetAt(range.start));
  const end = document.positionAt(document.offsetAt(range.end));
  return { range: { start, end }, text: change.text };
}

/** Texts of at least this many characters are kept in a LineIndexedDocument. */
export const LINE_INDEXED_CHARS = 1 << 22;

/** The text of `document` after one change (its range brought inside the document), as TextDocument.update makes it. */
function changedText(document: TextDocument, change: { range: Range; text: string }): string {
  const range = ordered(change.range);
  const text = document.getText();
  return text.substring(0, document.offsetAt(range.start)) + change.text + text.substring(document.offsetAt(range.end));
}

/** How often a document's whole text was rebuilt from its pending changes (read by tests: work, not time). */
export const rebuildCount = { value: 0 };

/**
 * A TextDocument whose incremental changes wait until its text, positions or offsets are read. Its
 * version is always the latest; reading applies the pending changes first.
 */
export class BatchedTextDocument implements TextDocument {
  private document: TextDocument;
  private pending: { range: Range; text: string }[] = [];
  private latestVersion: number;

  /** `lineIndexedFrom`: the length from which a text is kept in a LineIndexedDocument. */
  constructor(
    uri: string,
    languageId: string,
    version: number,
    text: string,
    private readonly lineIndexedFrom = LINE_INDEXED_CHARS,
  ) {
    this.document = this.create(uri, languageId, version, text);
    this.latestVersion = version;
  }

  private create(uri: string, languageId: string, version: number, text: string): TextDocument {
    return text.length >= this.lineIndexedFrom ? new LineIndexedDocument(uri, languageId, version, text) : TextDocument.create(uri, languageId, version, text);
  }

  get uri(): string {
    return this.document.uri;
  }

  get languageId(): string {
    return this.document.languageId;
  }

  get version(): number {
    return this.latestVersion;
  }

  /** How many changes wait to be applied. */
  get pendingChanges(): number {
    return this.pending.length;
  }

  get lineCount(): number {
    return this.current().lineCount;
  }

  getText(range?: Range): string {
    return this.current().getText(range);
  }

  positionAt(offset: number): Position {
    return this.current().positionAt(offset);
  }

  offsetAt(position: Position): number {
    return this.current().offsetAt(position);
  }

  getLineRange(line: number): Range {
    return this.current().getLineRange(line);
  }

  getEOLCharacters(line: number): string {
    return this.current().getEOLCharacters(line);
  }

  /** Queues changes; a change of the whole text drops what was queued before it. */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if ('range' in change && change.range !== undefined) {
        this.pending.push({ range: change.range, text: change.text });
      } else {
        this.pending = [];
        this.document = this.create(this.document.uri, this.document.languageId, version, change.text);
      }
    }
    this.latestVersion = version;
  }

  private current(): TextDocument {
    const changes = this.pending;
    if (changes.length > 0) {
      this.pending = [];
      rebuildCount.value++;
      if (changes.length <= FEW_CHANGES) {
        // A few changes (typing): applied in place, the line table updated around them, not read again.
        for (const change of changes) {
          const { uri, languageId } = this.document;
          if (this.document instanceof LineIndexedDocument) this.document = this.create(uri, languageId, this.latestVersion, changedText(this.document, change));
          else TextDocument.update(this.document, [inBounds(this.document, change)], this.latestVersion);
        }
      } else {
        const next = applyChanges(this.document.getText(), changes);
        this.document = this.create(this.document.uri, this.document.languageId, this.latestVersion, next);
      }
    } else if (this.document.version !== this.latestVersion) {
      const { uri, languageId } = this.document;
      this.document = this.document instanceof LineIndexedDocument ? this.document.withVersion(this.latestVersion) : this.create(uri, languageId, this.latestVersion, this.document.getText());
    }
    return this.document;
  }
}

/** For `new TextDocuments(batchedDocuments)`. */
export const batchedDocuments: TextDocumentsConfiguration<BatchedTextDocument> = {
  create: (uri, languageId, version, content) => new BatchedTextDocument(uri, languageId, version, content),
  update: (document, changes, version) => {
    document.update(changes, version);
    return document;
  },
};
