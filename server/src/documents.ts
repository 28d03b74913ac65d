/**
 * Open documents: the Analysis of each document version (computed once, shared by diagnostics,
 * hover, completion and code actions) and the debounced re-validation after changes.
 */
import type { Position, Range, TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeDocument, type Analysis, type TextDocumentLike } from './service/languageService';
import { IncrementalAnalyzer } from './service/incrementalAnalyzer';
import type { SlicedAnalysis } from './service/languageService';
import type { FileAccess, Settings } from './service/api';
import type { ServerFiles } from './serverFiles';
import { nextTurn } from './platform';

/**
 * Delay between the last change of a document and its re-validation: long enough to let a burst of
 * changes (a paste, an undo, fast typing) settle, short because an incremental analysis is cheap.
 */
export const VALIDATION_DELAY_MS = 30;

export function toTextDocumentLike(document: TextDocument, files?: FileAccess): TextDocumentLike {
  return { uri: document.uri, languageId: document.languageId, text: document.getText(), ...(files ? { files } : {}) };
}

interface CachedAnalysis {
  version: number;
  settings: Settings;
  analysis: Analysis | undefined;
  /** Keeps what the document's last analysis read and validated, for the next version. */
  analyzer: IncrementalAnalyzer;
}

/** An analysis in slices that is still running, for one version and settings. */
interface Running {
  version: number;
  settings: Settings;
  sliced: SlicedAnalysis;
  /** The Analysis, or undefined when a newer version made it moot before it finished. */
  done: Promise<Analysis | undefined>;
}

/**
 * Documents of at least this many characters are analysed in slices, with the event loop free in
 * between: requests are answered meanwhile, hovers and completions from what is done so far.
 */
export const SLICED_ANALYSIS_CHARS = 1 << 22;

/**
 * Documents of at least this many characters (there are none unless mongodbUri.maxFileSize is raised)
 * are giant: analysed lean, value by value, keeping their problems only (no record of each value, no
 * whole-document analyses, which read every value at once), and nothing kept for the next version (an
 * edit is analysed afresh). That keeps the memory of the analysis near the size of the text; a request
 * (hover, completion, code actions) reads the lines around its position, analysed on their own.
 */
export const GIANT_DOCUMENT_CHARS = 1 << 23;

/** A giant document (see GIANT_DOCUMENT_CHARS). */
export function isGiant(document: TextDocument): boolean {
  return document.getText().length >= GIANT_DOCUMENT_CHARS;
}

/** A request in a giant document reads this many lines before and after its own, at most WINDOW_CHARS either side. */
const WINDOW_LINES = 40;
const WINDOW_CHARS = 1 << 15;

/**
 * Part of a document seen as a document of its own: its text is the part's, its positions and offsets
 * are converted to and from the whole document's, so that what is computed on the part lands in place.
 */
export class DocumentWindow implements TextDocument {
  constructor(
    private readonly document: TextDocument,
    /** Where the part starts in the whole document. */
    readonly start: number,
    private readonly text: string,
  ) {}

  get uri(): string {
    return this.document.uri;
  }

  get languageId(): string {
    return this.document.languageId;
  }

  get version(): number {
    return this.document.version;
  }

  get lineCount(): number {
    return this.document.lineCount;
  }

  getText(range?: Range): string {
    if (!range) return this.text;
    const clamp = (offset: number) => Math.min(this.text.length, Math.max(0, offset));
    return this.text.slice(clamp(this.offsetAt(range.start)), clamp(this.offsetAt(range.end)));
  }

  getLineRange(line: number): Range {
    return this.document.getLineRange(line);
  }

  getEOLCharacters(line: number): string {
    return this.document.getEOLCharacters(line);
  }

  positionAt(offset: number): Position {
    return this.document.positionAt(offset + this.start);
  }

  offsetAt(position: Position): number {
    return this.document.offsetAt(position) - this.start;
  }
}

/** The lines around a position (WINDOW_LINES before and after, at most WINDOW_CHARS either side), as a DocumentWindow. */
export function windowAround(document: TextDocument, position: Position): DocumentWindow {
  const text = document.getText();
  const at = document.offsetAt(position);
  const line = document.positionAt(at).line;
  const start = Math.max(document.offsetAt({ line: Math.max(0, line - WINDOW_LINES), character: 0 }), at - WINDOW_CHARS, 0);
  const end = Math.min(document.offsetAt({ line: line + WINDOW_LINES + 1, character: 0 }), at + WINDOW_CHARS, text.length);
  return new DocumentWindow(document, start, text.slice(start, end));
}

/**
 * One Analysis per document version and settings object. A new version is analysed incrementally:
 * only the region the edits changed is read again, and unchanged values are not validated again.
 */
export class AnalysisCache {
  private readonly byUri = new Map<string, CachedAnalysis>();
  private readonly running = new Map<string, Running>();

  /** `files`: what analyses may read beside their documents (none: each document alone). */
  constructor(
    private readonly slicedFrom: number = SLICED_ANALYSIS_CHARS,
    private readonly files?: ServerFiles,
  ) {}

  get(document: TextDocument, settings: Settings): Analysis {
    const found = this.peek(document, settings);
    if (found) return found;
    const cached = this.entry(document, settings);
    const analysis = cached.analyzer.analyze(toTextDocumentLike(document, this.files), settings);
    this.byUri.set(document.uri, { ...cached, version: document.version, settings, analysis });
    this.files?.analysed(document.uri, analysis.reads);
    return analysis;
  }

  /**
   * The Analysis of this version: at once for most documents; for very large ones in slices, letting
   * other work run in between. Undefined when `isCurrent` says the version was superseded meanwhile
   * (its analysis is then dropped, not finished).
   */
  async analyze(document: TextDocument, settings: Settings, isCurrent: () => boolean): Promise<Analysis | undefined> {
    const found = this.peek(document, settings);
    if (found) return found;
    if (document.getText().length < this.slicedFrom) return this.get(document, settings);
    const running = this.running.get(document.uri);
    if (running && running.version === document.version && running.settings === settings) return running.done;
    const cached = this.entry(document, settings);
    const sliced = cached.analyzer.analyzeInSlices(toTextDocumentLike(document, this.files), settings, isGiant(document));
    const started: Running = { version: document.version, settings, sliced, done: Promise.resolve(undefined) };
    this.running.set(document.uri, started);
    started.done = (async () => {
      while (!sliced.step()) {
        await nextTurn();
        if (!isCurrent() || this.running.get(document.uri) !== started) return undefined;
      }
      this.running.delete(document.uri);
      const analysis = sliced.finish();
      this.byUri.set(document.uri, { ...cached, version: document.version, settings, analysis });
      this.files?.analysed(document.uri, analysis.reads);
      return analysis;
    })();
    return started.done;
  }

  /**
   * The Analysis of the lines around a position of a giant document, analysed on their own (the
   * document's own Analysis keeps no values), with the window it is in.
   */
  around(document: TextDocument, settings: Settings, position: Position): { window: DocumentWindow; analysis: Analysis } {
    const window = windowAround(document, position);
    return { window, analysis: analyzeDocument(toTextDocumentLike(window), settings) };
  }

  /** What an analysis in slices of this version has done so far, while it runs; else undefined. */
  partial(document: TextDocument, settings: Settings): Analysis | undefined {
    const running = this.running.get(document.uri);
    return running && running.version === document.version && running.settings === settings ? running.sliced.partial() : undefined;
  }

  /** The Analysis of this version if it has been computed, without computing it. */
  peek(document: TextDocument, settings: Settings): Analysis | undefined {
    const cached = this.byUri.get(document.uri);
    return cached?.version === document.version && cached.settings === settings ? cached.analysis : undefined;
  }

  private entry(document: TextDocument, settings: Settings): CachedAnalysis {
    return this.byUri.get(document.uri) ?? { version: document.version, settings, analysis: undefined, analyzer: new IncrementalAnalyzer() };
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
    this.running.delete(uri);
    this.files?.forget(uri);
  }

  /** The last Analysis made of each document (whatever its version and settings). */
  *latest(): Iterable<[string, Analysis]> {
    for (const [uri, cached] of this.byUri) if (cached.analysis) yield [uri, cached.analysis];
  }

  /** Drops the Analysis of a document whose analysis read a file that changed. */
  invalidate(uri: string): void {
    const cached = this.byUri.get(uri);
    if (cached) cached.analysis = undefined;
    this.running.delete(uri);
  }

  /** Forgets every Analysis (settings changed); what the analyzers remember of the texts stays. */
  clear(): void {
    for (const cached of this.byUri.values()) cached.analysis = undefined;
    this.running.clear();
  }
}

/** Runs `validate(uri)` once a document has been quiet for `delayMs`; at most one pending run per document. */
export class ValidationScheduler {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly validate: (uri: string) => void,
    private readonly delayMs: number = VALIDATION_DELAY_MS,
  ) {}

  /** Validates after the delay, replacing a pending run. */
  schedule(uri: string): void {
    this.cancel(uri);
    const timer = setTimeout(() => {
      this.timers.delete(uri);
      this.validate(uri);
    }, this.delayMs);
    this.timers.set(uri, timer);
  }

  /** Validates right away (document opened, settings changed), replacing a pending run. */
  now(uri: string): void {
    this.cancel(uri);
    this.validate(uri);
  }

  cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer !== undefined) {
      clearTimeout(timer);
      this.timers.delete(uri);
    }
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
