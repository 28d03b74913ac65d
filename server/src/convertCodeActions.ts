/** Code actions of the LSP layer: the core's quick fixes as LSP CodeActions with workspace edits. */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { getCodeActions as coreCodeActions, type Analysis, type Settings } from './service/languageService';
import { toRange } from './convert';

function sameRange(d: Diagnostic, document: TextDocument, start: number, end: number): boolean {
  return document.offsetAt(d.range.start) === start && document.offsetAt(d.range.end) === end;
}

export function getCodeActions(document: TextDocument, analysis: Analysis, params: CodeActionParams, settings: Settings): CodeAction[] {
  const only = params.context.only;
  if (only && !only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(k + '.') || k === CodeActionKind.Empty)) return [];
  const range = { start: document.offsetAt(params.range.start), end: document.offsetAt(params.range.end) };
  const doc = { uri: document.uri, languageId: document.languageId, text: document.getText() };
  return coreCodeActions(doc, analysis, range, settings.rules).map((fix) => {
    const diagnostics = params.context.diagnostics.filter((d) => d.code === fix.ruleId && sameRange(d, document, fix.problemSpan.start, fix.problemSpan.end));
    // Edits of this document by offsets; of another (a variable's definition) by the range the core gave.
    const changes: Record<string, TextEdit[]> = {};
    for (const e of fix.edits) {
      const uri = e.elsewhere?.documentUri ?? document.uri;
      (changes[uri] ??= []).push({ range: e.elsewhere?.range ?? toRange(document, e), newText: e.newText });
    }
    const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, isPreferred: fix.isPreferred, edit: { changes } };
    if (diagnostics.length) action.diagnostics = diagnostics;
    return action;
  });
}
