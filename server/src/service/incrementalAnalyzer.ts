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

/** Whether an entry was made for a value: everything validation reads of it besides its text is the same. */
function fits(e: Entry, value: EmbeddedValue): boolean {
  return e.kind === value.kind && e.syntax === value.syntax && e.key === value.key && e.comment === (value.comment === true);
}

/** What validation reads of a value besides its text, as one string (kinds and syntaxes hold no NUL). */
function facets(kind: Entry['kind'], syntax: Entry['syntax'], key: Entry['key'], comment: boolean): string {
  return `${kind}\0${syntax ?? ''}\0${comment ? 1 : 0}\0${key === undefined ? '' : `=${key}`}`;
}

/** A list of entries of one text longer than this is searched through a map by facets. */
const FEW_ENTRIES = 8;

/**
 * The entries of one text that has several. Most texts have one entry, kept alone; a text may also stand
 * under a thousand keys (one collection name under each service of a JSON file), and a list searched
 * entry by entry would then make the analysis quadratic: past a few entries they are found by their
 * facets in a map.
 */
class TextEntries {
  readonly list: Entry[];
  private byFacets: Map<string, Entry> | undefined;

  constructor(first: Entry) {
    this.list = [first];
  }

  find(value: EmbeddedValue): Entry | undefined {
    if (this.byFacets) return this.byFacets.get(facets(value.kind, value.syntax, value.key, value.comment === true));
    for (const e of this.list) if (fits(e, value)) return e;
    return undefined;
  }

  add(e: Entry): void {
    this.list.push(e);
    if (this.byFacets) this.byFacets.set(facets(e.kind, e.syntax, e.key, e.comment), e);
    else if (this.list.length > FEW_ENTRIES) this.index();
  }

  /** Keeps the entries `keep` says to; the number dropped. */
  retain(keep: (e: Entry) => boolean): number {
    const before = this.list.length;
    let n = 0;
    for (const e of this.list) if (keep(e)) this.list[n++] = e;
    this.list.length = n;
    this.byFacets = undefined;
    if (n > FEW_ENTRIES) this.index();
    return before - n;
  }

  private index(): void {
    this.byFacets = new Map();
    for (const e of this.list) this.byFacets.set(facets(e.kind, e.syntax, e.key, e.comment), e);
  }
}

/** Records of values (parse and problems), by value, for one settings object, language and document URI. */
export class ValidationCache {
  private settings: Settings | undefined;
  private languageId: string | undefined;
  private documentUri: string | undefined;
  /**
   * By the value's text (a slice of the document, so no copy): its entry, or its entries when values of
   * that text differ in what else validation reads (kind, syntax, key, comment).
   */
  private readonly entries = new Map<string, Entry | TextEntries>();
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
      const found = this.entries.get(value.text);
      entry = found === undefined ? undefined : found instanceof TextEntries ? found.find(value) : fits(found, value) ? found : undefined;
      if (!entry) {
        entry = { kind: value.kind, syntax: value.syntax, key: value.key, comment: value.comment === true, record: validateEmbeddedValue(value, settings, languageId, documentUri), run: -1 };
        if (found === undefined) this.entries.set(value.text, entry);
        else if (found instanceof TextEntries) found.add(entry);
        else {
          const several = new TextEntries(found);
          several.add(entry);
          this.entries.set(value.text, several);
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
      const run = this.run;
      for (const [text, found] of this.entries) {
        if (!(found instanceof TextEntries)) {
          if (found.run !== run) {
            this.entries.delete(text);
            this.count--;
          }
          continue;
        }
        this.count -= found.retain((e) => e.run === run);
        if (found.list.length === 0) this.entries.delete(text);
        else if (found.list.length === 1) this.entries.set(text, found.list[0]);
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
