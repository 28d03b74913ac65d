/**
 * Open documents: the Analysis of each document version (computed once, shared by diagnostics,
 * hover, completion and code actions) and the debounced re-validation after changes.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type Analysis, type TextDocumentLike } from './service/languageService';
import { IncrementalAnalyzer } from './service/incrementalAnalyzer';
import type { Settings } from './service/api';

/**
 * Delay between the last change of a document and its re-validation: long enough to let a burst of
 * changes (a paste, an undo, fast typing) settle, short because an incremental analysis is cheap.
 */
export const VALIDATION_DELAY_MS = 30;

export function toTextDocumentLike(document: TextDocument): TextDocumentLike {
  return { uri: document.uri, languageId: document.languageId, text: document.getText() };
}

interface CachedAnalysis {
  version: number;
  settings: Settings;
  analysis: Analysis | undefined;
  /** Keeps what the document's last analysis read and validated, for the next version. */
  analyzer: IncrementalAnalyzer;
}

/**
 * One Analysis per document version and settings object. A new version is analysed incrementally:
 * only the region the edits changed is read again, and unchanged values are not validated again.
 */
export class AnalysisCache {
  private readonly byUri = new Map<string, CachedAnalysis>();

  get(document: TextDocument, settings: Settings): Analysis {
    let cached = this.byUri.get(document.uri);
    if (cached?.analysis && cached.version === document.version && cached.settings === settings) return cached.analysis;
    cached ??= { version: document.version, settings, analysis: undefined, analyzer: new IncrementalAnalyzer() };
    const analysis = cached.analyzer.analyze(toTextDocumentLike(document), settings);
    this.byUri.set(document.uri, { ...cached, version: document.version, settings, analysis });
    return analysis;
  }

  /** The Analysis of this version if it has been computed, without computing it. */
  peek(document: TextDocument, settings: Settings): Analysis | undefined {
    const cached = this.byUri.get(document.uri);
    return cached?.version === document.version && cached.settings === settings ? cached.analysis : undefined;
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }

  /** Forgets every Analysis (settings changed); what the analyzers remember of the texts stays. */
  clear(): void {
    for (const cached of this.byUri.values()) cached.analysis = undefined;
  }
}

/** Runs `validate(uri)` once a document has been quiet for `delayMs`; at most one pending run per document. */
export class ValidationScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();

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
