/**
 * Analyses one document version after version, reusing the work of the previous version: extraction
 * reads only the region an edit changed (extract/incremental.ts), and each value is validated once per
 * settings: a connection string that did not change is not checked again, its record (parse and
 * problems) serves the new version. The Analysis is the same as analyzeDocument() of the version alone.
 */
import { extractAfterEdit, extractInSlices, Extraction, valuesInSlices } from './extract/incremental';

/** Characters of a very large document read fresh in one slice of a SlicedAnalysis. */
const EXTRACTION_SLICE_CHARS = 1 << 22;
/** Characters of a giant document whose values are extracted, checked and let go together in a lean analysis. */
const LEAN_SLICE_CHARS = 1 << 20;
import { validateEmbeddedValue } from './rules/validation';
import { analyzeDocument, LeanReuse, SlicedAnalysis } from './languageService';
import type { Analysis, AnalysisReuse, TextDocumentLike } from './api';
import { EmbeddedValue, Settings, ValueRecord } from './api';

interface Entry {
  kind: EmbeddedValue['kind'];
  syntax: EmbeddedValue['syntax'];
  key: EmbeddedValue['key'];
  comment: boolean;
  record: ValueRecord;
  run: number;
}

/** Records of values (parse and problems), by value, for one settings object, language and document URI. */
export class ValidationCache {
  private settings: Settings | undefined;
  private languageId: string | undefined;
  private documentUri: string | undefined;
  /**
   * By the value's text (a slice of the document, so no copy); values of the same text that differ in
   * what else validation reads (kind, syntax, key, comment) are told apart in the entry list.
   */
  private readonly entries = new Map<string, Entry[]>();
  /** The same entries by value object: values an edit did not touch are the same objects. */
  private byValue = new WeakMap<EmbeddedValue, Entry>();
  private count = 0;
  private run = 0;
  private usedInRun = 0;

  validate(value: EmbeddedValue, settings: Settings, languageId: string, documentUri: string): ValueRecord {
    if (settings !== this.settings || languageId !== this.languageId || documentUri !== this.documentUri) {
      this.entries.clear();
      this.count = 0;
      this.byValue = new WeakMap();
      this.settings = settings;
      this.languageId = languageId;
      this.documentUri = documentUri;
    }
    let entry = this.byValue.get(value);
    if (!entry) {
      // Everything validation may read of a value: its text, kind, syntax, key and whether it is in a comment.
      let list = this.entries.get(value.text);
      entry = list?.find((e) => e.kind === value.kind && e.syntax === value.syntax && e.key === value.key && e.comment === (value.comment === true));
      if (!entry) {
        entry = { kind: value.kind, syntax: value.syntax, key: value.key, comment: value.comment === true, record: validateEmbeddedValue(value, settings, languageId, documentUri), run: -1 };
        if (list) list.push(entry);
        else {
          list = [entry];
          this.entries.set(value.text, list);
        }
        this.count++;
      }
      this.byValue.set(value, entry);
    }
    if (entry.run !== this.run) {
      entry.run = this.run;
      this.usedInRun++;
    }
    return entry.record;
  }

  /** Ends an analysis: when most entries were not used by it, they are dropped (memory stays bounded). */
  endRun(): void {
    if (this.count > 2 * this.usedInRun + 1024) {
      for (const [text, list] of this.entries) {
        const kept = list.filter((e) => e.run === this.run);
        this.count -= list.length - kept.length;
        if (kept.length === 0) this.entries.delete(text);
        else if (kept.length !== list.length) this.entries.set(text, kept);
      }
    }
    this.run++;
    this.usedInRun = 0;
  }

  get size(): number {
    return this.count;
  }
}

export class IncrementalAnalyzer {
  private extraction: Extraction | undefined;
  private validations = new ValidationCache();

  private readonly reuse: AnalysisReuse = {
    extract: (text, languageId, uri) => {
      this.extraction = extractAfterEdit(this.extraction, text, languageId, uri);
      return this.extraction.values;
    },
    validate: (value, s, languageId, documentUri) => this.validations.validate(value, s, languageId, documentUri),
    extractInSlices: (text, languageId, uri) => this.extractSlices(text, languageId, uri),
  };

  /**
   * For a lean analysis: nothing is kept for the next analysis, and the values come slice by slice (the
   * analysis's own, one slice of them alive at a time).
   */
  private readonly uncached: LeanReuse = {
    extract: (text, languageId, uri) => extractAfterEdit(undefined, text, languageId, uri).values,
    validate: (value, s, languageId, documentUri) => validateEmbeddedValue(value, s, languageId, documentUri),
    extractInSlices: function* (text, languageId, uri) {
      return (yield* extractInSlices(undefined, text, languageId, uri, EXTRACTION_SLICE_CHARS)).values;
    },
    valueSlices: (text, languageId, uri) => valuesInSlices(text, languageId, uri, LEAN_SLICE_CHARS),
  };

  private *extractSlices(text: string, languageId: string, uri: string): Generator<void, EmbeddedValue[]> {
    this.extraction = yield* extractInSlices(this.extraction, text, languageId, uri, EXTRACTION_SLICE_CHARS);
    return this.extraction.values;
  }

  analyze(doc: TextDocumentLike, settings: Settings): Analysis {
    try {
      return analyzeDocument(doc, settings, this.reuse);
    } finally {
      this.validations.endRun();
    }
  }

  /**
   * The same analysis in slices (see SlicedAnalysis), for very large documents. Start the next one only
   * once this one is done or dropped: an analysis started before this one finished reuses less.
   *
   * `lean` (a giant document, see SlicedAnalysis): the problems only, and nothing is kept for the next
   * version (the extraction's statement table, the records by value would cost several times the text,
   * for edits that are rare in such a document): the next analysis reads its text afresh.
   */
  analyzeInSlices(doc: TextDocumentLike, settings: Settings, lean = false): SlicedAnalysis {
    this.validations.endRun();
    if (lean) {
      this.extraction = undefined;
      this.validations = new ValidationCache();
      return new SlicedAnalysis(doc, settings, this.uncached, true, true);
    }
    return new SlicedAnalysis(doc, settings, this.reuse, true);
  }
}
