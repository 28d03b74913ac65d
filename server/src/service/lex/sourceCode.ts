/**
 * One token stream per document: the SourceCode the whole-document analyzers share. The tokens are made
 * by the lexer of lex/codeScanner.ts in the document's dialect, once, when an analyzer first asks.
 */
import type { FileAccess, SourceCode, TokenList } from '../api';
import { type Dialect, scanTokens } from './codeScanner';
import { pairBrackets } from './codeValues';

/** The dialect the lexer reads a language in. */
export function dialectOf(languageId: string): Dialect {
  if (languageId === 'python') return 'python';
  if (languageId === 'terraform' || languageId === 'hcl') return 'hcl';
  return 'js';
}

export function sourceCode(text: string, languageId: string, uri = '', files?: FileAccess): SourceCode {
  let list: TokenList | undefined;
  return {
    uri,
    text,
    languageId,
    tokens: () => (list ??= pairBrackets(scanTokens(text, { dialect: dialectOf(languageId) }))),
    ...(files ? { files } : {}),
  };
}
