/**
 * Code actions of the LSP layer. The core does not offer fixes yet: until it does, there are none,
 * but the capability is declared so that clients ask and the wiring is in place.
 */
import type { CodeAction, CodeActionParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from './service/languageService';

export function getCodeActions(_document: TextDocument, _analysis: Analysis, _params: CodeActionParams): CodeAction[] {
  return [];
}
