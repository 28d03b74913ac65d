import type { Analysis, HoverResult, TextDocumentLike } from '../languageService';

export function hoverAt(_doc: TextDocumentLike, _analysis: Analysis, _offset: number): HoverResult | null {
  return null;
}
