/**
 * (b) Whole-document analysis (extraction, parsing, every rule, the whole-document analyses) of
 * generated mixed documents, against the floor: a bare /mongodb/g scan of the same text.
 */
import { analyzeDocument, defaultSettings, normalizeLanguageId } from '../server/src/service/languageService';
import { extractValues } from '../server/src/service/extract';
import { FORMATS, generateDocument } from './generate';
import { bestTime } from './measure';

export interface DocumentResult {
  format: string;
  bytes: number;
  values: number;
  problems: number;
  /** Extraction alone: finding the values in the text (issue target: < 200 ms for 10 MB). */
  extractMs: number;
  analyzeMs: number;
  floorMs: number;
  ratio: number;
}

function regexFloor(text: string): number {
  const re = /mongodb/g;
  let n = 0;
  while (re.exec(text)) n++;
  return n;
}

export function benchDocuments(sizesMb: readonly number[], rounds: number, formats: readonly string[] = FORMATS): DocumentResult[] {
  const settings = { ...defaultSettings, maxFileSize: Number.MAX_SAFE_INTEGER };
  const results: DocumentResult[] = [];
  for (const format of formats) {
    for (const size of sizesMb) {
      const text = generateDocument(format, size * 1024 * 1024);
      const doc = { uri: `file:///bench/document.${format}`, languageId: format, text };
      const r = size >= 10 ? Math.max(3, Math.ceil(rounds / 2)) : rounds;
      // Extraction first, on a heap that holds no analysis yet; best of several runs for each measure:
      // on a shared machine, the run least disturbed by other work.
      const languageId = normalizeLanguageId(format, doc.uri);
      const extractMs = bestTime(() => extractValues(text, languageId, doc.uri), Math.max(r, 5));
      const analysis = analyzeDocument(doc, settings);
      const analyzeMs = bestTime(() => analyzeDocument(doc, settings), r);
      const floorMs = bestTime(() => regexFloor(text), r * 3, 3);
      results.push({
        format,
        bytes: text.length,
        values: analysis.values.length,
        problems: analysis.problems.length,
        extractMs,
        analyzeMs,
        floorMs,
        ratio: analyzeMs / floorMs,
      });
    }
  }
  return results;
}
