/**
 * Analyses one document version after version, reusing the work of the previous version: extraction
 * reads only the region an edit changed (extract/incremental.ts), and each value is validated once per
 * settings: a connection string that did not change is not checked again. The Analysis is the same as
 * analyzeDocument() of the version alone.
 */
import { extractAfterEdit, Extraction } from './extract/incremental';
import { validateEmbeddedValue } from './features/validation';
import { analyzeDocument, Analysis, TextDocumentLike } from './languageService';
import { EmbeddedValue, Problem, Settings } from './types';

/** Problems of values, by value, for one settings object and language. */
export class ValidationCache {
  private settings: Settings | undefined;
  private languageId: string | undefined;
  private readonly entries = new Map<string, { problems: Problem[]; run: number }>();
  /** The same entries by value object: values an edit did not touch are the same objects. */
  private byValue = new WeakMap<EmbeddedValue, { problems: Problem[]; run: number }>();
  private run = 0;
  private usedInRun = 0;

  validate(value: EmbeddedValue, settings: Settings, languageId: string): Problem[] {
    if (settings !== this.settings || languageId !== this.languageId) {
      this.entries.clear();
      this.byValue = new WeakMap();
      this.settings = settings;
      this.languageId = languageId;
    }
    let entry = this.byValue.get(value);
    if (!entry) {
      // Everything validation may read of a value, and a separator that occurs in none of the short parts.
      const key = `${value.kind}\u0000${value.syntax ?? ''}\u0000${value.key ?? ''}\u0000${value.text}`;
      entry = this.entries.get(key);
      if (!entry) {
        entry = { problems: validateEmbeddedValue(value, settings, languageId), run: -1 };
        this.entries.set(key, entry);
      }
      this.byValue.set(value, entry);
    }
    if (entry.run !== this.run) {
      entry.run = this.run;
      this.usedInRun++;
    }
    return entry.problems;
  }

  /** Ends an analysis: when most entries were not used by it, they are dropped (memory stays bounded). */
  endRun(): void {
    if (this.entries.size > 2 * this.usedInRun + 1024) {
      for (const [key, entry] of this.entries) if (entry.run !== this.run) this.entries.delete(key);
    }
    this.run++;
    this.usedInRun = 0;
  }

  get size(): number {
    return this.entries.size;
  }
}

export class IncrementalAnalyzer {
  private extraction: Extraction | undefined;
  private readonly validations = new ValidationCache();

  analyze(doc: TextDocumentLike, settings: Settings): Analysis {
    try {
      return analyzeDocument(doc, settings, {
        extract: (text, languageId) => {
          this.extraction = extractAfterEdit(this.extraction, text, languageId);
          return this.extraction.values;
        },
        validate: (value, s, languageId) => this.validations.validate(value, s, languageId),
      });
    } finally {
      this.validations.endRun();
    }
  }
}
