/** Converts the core's results (document offsets) into LSP objects (positions). */
import {
  CompletionItemKind,
  CompletionItemTag,
  DiagnosticSeverity,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type DiagnosticRelatedInformation,
  type Hover,
  type Range,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionKind, CompletionResult, HoverResult } from './service/languageService';
import type { RelatedPlace, Severity, Span } from './service/api';
import type { Reported } from './problemSink';

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
  key: CompletionItemKind.Field,
};

export function toRange(document: TextDocument, span: Span): Range {
  return { start: document.positionAt(span.start), end: document.positionAt(span.end) };
}

/** An edit of the core (document offsets and the new text) as an LSP TextEdit. */
export function toTextEdit(document: TextDocument, edit: Span & { newText: string }): { range: Range; newText: string } {
  return { range: toRange(document, edit), newText: edit.newText };
}

export function toDiagnostic(document: TextDocument, { problem, severity, docs }: Reported): Diagnostic {
  return {
    range: toRange(document, problem.span),
    severity: SEVERITY[severity],
    source: DIAGNOSTIC_SOURCE,
    code: problem.ruleId,
    codeDescription: { href: docs },
    message: problem.message,
    data: { ...problem.data, ruleId: problem.ruleId },
    ...(problem.related ? { relatedInformation: relatedInformation(document, problem.related) } : {}),
  };
}

/** Related places: in this document by offsets, in another by the range the core computed from its text. */
function relatedInformation(document: TextDocument, related: readonly RelatedPlace[]): DiagnosticRelatedInformation[] {
  const out: DiagnosticRelatedInformation[] = [];
  for (const r of related) {
    const range = r.documentUri === document.uri ? toRange(document, r.span) : r.range;
    if (range) out.push({ location: { uri: r.documentUri, range }, message: r.message });
  }
  return out;
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

/** What the client lets a completion list say once for all its items (LSP 3.17 `itemDefaults`). */
export interface ItemDefaultsSupport {
  editRange: boolean;
  insertTextFormat: boolean;
  data: boolean;
}

/**
 * A completion list. Where the client supports item defaults and every item replaces the same range
 * (or has the same format), the list says it once instead of in every item: about half the bytes.
 * `data`, when given, goes to every item (through the defaults when supported, else item by item with
 * its index as `i`).
 */
export function toCompletionList(
  document: TextDocument,
  results: readonly CompletionResult[],
  defaults: ItemDefaultsSupport,
  withDocumentation: boolean,
  data?: Record<string, unknown>,
): CompletionList {
  const ranges = new Map<Span, Range>();
  const items = results.map((item) => toCompletionItem(document, item, ranges, withDocumentation));
  const list: CompletionList = { isIncomplete: false, items };
  const first = results[0];
  const sameRange = first !== undefined && results.every((r) => r.replace.start === first.replace.start && r.replace.end === first.replace.end);
  const itemDefaults: NonNullable<CompletionList['itemDefaults']> = {};
  if (defaults.editRange && sameRange) {
    itemDefaults.editRange = items[0].textEdit && 'range' in items[0].textEdit ? items[0].textEdit.range : toRange(document, first.replace);
    for (const item of items) {
      const newText = item.textEdit!.newText;
      delete item.textEdit;
      if (newText !== item.label) item.textEditText = newText;
    }
  }
  if (defaults.insertTextFormat && first !== undefined && items.every((i) => i.insertTextFormat === items[0].insertTextFormat)) {
    itemDefaults.insertTextFormat = items[0].insertTextFormat;
    for (const item of items) delete item.insertTextFormat;
  }
  if (data) {
    // Through the defaults every item carries the same data: the label must tell them apart.
    if (defaults.data && new Set(results.map((r) => r.label)).size === results.length) itemDefaults.data = data;
    else items.forEach((item, i) => (item.data = { ...data, i }));
  }
  if (Object.keys(itemDefaults).length > 0) list.itemDefaults = itemDefaults;
  return list;
}
