import type { Analysis, CompletionResult, TextDocumentLike } from '../languageService';

export function completeAt(_doc: TextDocumentLike, _analysis: Analysis, _offset: number): CompletionResult[] {
  return [];
}
