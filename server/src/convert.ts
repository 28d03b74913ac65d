/** Converts the core's results (document offsets) into LSP objects (positions). */
import {
  CompletionItemKind,
  CompletionItemTag,
  DiagnosticSeverity,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type Diagnostic,
  type Hover,
  type Range,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionKind, CompletionResult, HoverResult } from './service/languageService';
import type { DocumentProblem, Severity, Span } from './service/types';

import { docsUrlOf } from './docs';

export const DIAGNOSTIC_SOURCE = 'mongodb-uri';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const COMPLETION_KIND: Record<CompletionKind, CompletionItemKind> = {
  option: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  snippet: CompletionItemKind.Snippet,
};

export function toRange(document: TextDocument, span: Span): Range {
  return { start: document.positionAt(span.start), end: document.positionAt(span.end) };
}

export function toDiagnostic(document: TextDocument, problem: DocumentProblem): Diagnostic {
  return {
    range: toRange(document, problem.span),
    // 'off' never reaches here: the core drops those problems.
    severity: SEVERITY[problem.severity as Severity] ?? DiagnosticSeverity.Warning,
    source: DIAGNOSTIC_SOURCE,
    code: problem.ruleId,
    codeDescription: { href: docsUrlOf(problem) },
    message: problem.message,
    data: { ...problem.data, ruleId: problem.ruleId },
  };
}

export function toHover(document: TextDocument, hover: HoverResult): Hover {
  return {
    contents: { kind: MarkupKind.Markdown, value: hover.contents },
    range: toRange(document, hover.span),
  };
}

/**
 * An LSP completion item. `ranges` keeps the range of each replace span object already converted (the
 * items of one list share one); without `withDocumentation` the documentation is left for resolve.
 */
export function toCompletionItem(
  document: TextDocument,
  item: CompletionResult,
  ranges = new Map<Span, Range>(),
  withDocumentation = true,
): CompletionItem {
  let range = ranges.get(item.replace);
  if (!range) {
    range = toRange(document, item.replace);
    ranges.set(item.replace, range);
  }
  const completion: CompletionItem = {
    label: item.label,
    kind: COMPLETION_KIND[item.kind] ?? CompletionItemKind.Text,
    textEdit: { range, newText: item.insertText },
    insertTextFormat: item.isSnippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
  };
  if (item.detail !== undefined) completion.detail = item.detail;
  if (item.documentation !== undefined && withDocumentation) {
    completion.documentation = { kind: MarkupKind.Markdown, value: item.documentation };
  }
  if (item.sortText !== undefined) completion.sortText = item.sortText;
  if (item.filterText !== undefined) completion.filterText = item.filterText;
  if (item.deprecated) completion.tags = DEPRECATED;
  // After `key=`, open the list again so the values show up at once.
  if (item.retrigger) completion.command = SUGGEST_AGAIN;
  return completion;
}

const DEPRECATED: CompletionItemTag[] = [CompletionItemTag.Deprecated];
const SUGGEST_AGAIN = { title: 'Suggest values', command: 'editor.action.triggerSuggest' };
