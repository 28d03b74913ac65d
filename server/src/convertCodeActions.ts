/** Code actions of the LSP layer: the core's quick fixes as LSP CodeActions with workspace edits. */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { getCodeActions as coreCodeActions, message, sharedParentDomain, srvHostAt, type Analysis, type Settings } from './service/languageService';
import { toRange } from './convert';

function sameRange(d: Diagnostic, document: TextDocument, start: number, end: number): boolean {
  return document.offsetAt(d.range.start) === start && document.offsetAt(d.range.end) === end;
}

/** The command behind "Rewrite as a seed list": the client asks the server for the edit (a DNS look-up) and applies it. */
export const SEED_LIST_COMMAND = 'mongodbUri.srvToSeedList';

function wants(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((k) => k === kind || kind.startsWith(k + '.') || k === CodeActionKind.Empty);
}

/**
 * The rewrites of the string at the cursor that need DNS: mongodb+srv:// to its seed list (a command,
 * disabled with the reason when DNS is off or missing), and, as information only, a mongodb:// string
 * whose hosts share a parent domain (a disabled action: only the DNS could say the SRV record exists).
 */
export function rewriteActions(document: TextDocument, analysis: Analysis, params: CodeActionParams, dns: 'on' | 'off' | 'missing', runtime: string): CodeAction[] {
  if (!wants(params.context.only, CodeActionKind.RefactorRewrite)) return [];
  const offset = document.offsetAt(params.range.start);
  const out: CodeAction[] = [];
  const host = srvHostAt(analysis, offset);
  if (host !== null) {
    const title = message('action.seedList', { host });
    const action: CodeAction = { title, kind: CodeActionKind.RefactorRewrite, command: { title, command: SEED_LIST_COMMAND, arguments: [document.uri, params.range.start] } };
    if (dns !== 'on') action.disabled = { reason: dns === 'off' ? message('request.networkOff') : message('request.noDns', { runtime }) };
    out.push(action);
  }
  const domain = sharedParentDomain(analysis, offset);
  if (domain !== null) {
    out.push({ title: message('action.srvInfo', { domain }), kind: CodeActionKind.RefactorRewrite, disabled: { reason: message('action.srvInfoReason', { domain, query: `_mongodb._tcp.${domain}` }) } });
  }
  return out;
}

export function getCodeActions(document: TextDocument, analysis: Analysis, params: CodeActionParams, settings: Settings): CodeAction[] {
  if (!wants(params.context.only, CodeActionKind.QuickFix)) return [];
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
