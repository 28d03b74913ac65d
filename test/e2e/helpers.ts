/**
 * Helpers of the end-to-end tests, which run inside the VS Code extension host on a copy of
 * test/e2e/fixtures/workspace. Results are awaited by polling, never by sleeping a fixed time.
 */
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'mongodb-uri-limits.mongodb-uri-limits';
/** `source` of every diagnostic of the language server. */
export const DIAGNOSTIC_SOURCE = 'mongodb-uri';
/** How long to wait for the language server before a test fails. */
export const WAIT_MS = 30_000;

type Maybe<T> = T | undefined | null | false;

/** Polls `probe` until it returns a value (not undefined, null or false); fails after `timeoutMs`. */
export async function waitFor<T>(
  probe: () => Maybe<T> | Promise<Maybe<T>>,
  description: string | (() => string),
  timeoutMs = WAIT_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${typeof description === 'function' ? description() : description}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function workspaceUri(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('The tests need a workspace folder (test/e2e/fixtures/workspace)');
  return vscode.Uri.joinPath(folder.uri, relativePath);
}

/** Opens a fixture in an editor, as a person would. */
export async function openFixture(relativePath: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(relativePath));
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

/** The rule id of a diagnostic: its `code`, which the server sends with a documentation link. */
export function ruleOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : code === undefined ? undefined : String(code);
}

export function ourDiagnostics(document: vscode.TextDocument): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === DIAGNOSTIC_SOURCE);
}

export function describeDiagnostics(document: vscode.TextDocument): string {
  const list = ourDiagnostics(document).map((d) => `${ruleOf(d)} ${JSON.stringify(document.getText(d.range))}`);
  return `[${list.join(', ')}]`;
}

/** Waits until the document has a diagnostic of rule `ruleId` (and, if given, under text equal to or matching `text`). */
export function waitForDiagnostic(document: vscode.TextDocument, ruleId: string, text?: string | RegExp): Promise<vscode.Diagnostic> {
  const under = (d: vscode.Diagnostic): boolean => {
    const actual = document.getText(d.range);
    return text === undefined || (typeof text === 'string' ? actual === text : text.test(actual));
  };
  return waitFor(
    () => ourDiagnostics(document).find((d) => ruleOf(d) === ruleId && under(d)),
    () => `a ${ruleId} diagnostic${text === undefined ? '' : ` under ${String(text)}`} in ${fileName(document)}; it has ${describeDiagnostics(document)}`,
  );
}

/** Waits until the document has no diagnostic of rule `ruleId` (any rule when omitted). */
export function waitForNoDiagnostic(document: vscode.TextDocument, ruleId?: string): Promise<true> {
  return waitFor(
    () => !ourDiagnostics(document).some((d) => ruleId === undefined || ruleOf(d) === ruleId),
    () => `${ruleId ?? 'all'} diagnostics to go from ${fileName(document)}; it has ${describeDiagnostics(document)}`,
  );
}

export function fileName(document: vscode.TextDocument): string {
  return document.uri.path.slice(document.uri.path.lastIndexOf('/') + 1);
}

/**
 * The position marked by `|` in `marked`, a piece of the document's text: `at(doc, 'replica|Set=rs0')` is the
 * position between `replica` and `Set` where `replicaSet=rs0` occurs.
 */
export function at(document: vscode.TextDocument, marked: string): vscode.Position {
  const cursor = marked.indexOf('|');
  if (cursor < 0) throw new Error(`No | cursor marker in ${JSON.stringify(marked)}`);
  const needle = marked.slice(0, cursor) + marked.slice(cursor + 1);
  const index = document.getText().indexOf(needle);
  if (index < 0) throw new Error(`${JSON.stringify(needle)} is not in ${fileName(document)}`);
  return document.positionAt(index + cursor);
}

/** The text of the hovers at a position, as VS Code's hover widget would show it. */
export async function hoverText(document: vscode.TextDocument, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
  return (hovers ?? [])
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

export async function completionLabels(document: vscode.TextDocument, position: vscode.Position, triggerCharacter?: string): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>(
    'vscode.executeCompletionItemProvider',
    document.uri,
    position,
    triggerCharacter,
  );
  return (list?.items ?? []).map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
}

export async function quickFixes(document: vscode.TextDocument, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider',
    document.uri,
    range,
    vscode.CodeActionKind.QuickFix.value,
  );
  // A bare Command has a string `command`; a CodeAction has an edit and/or a Command object.
  return (actions ?? []).filter((a): a is vscode.CodeAction => typeof (a as vscode.Command).command !== 'string');
}

/** Replaces the document's whole text through a workspace edit, as typing would. */
export async function setText(document: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), text);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`Could not edit ${fileName(document)}`);
}

/**
 * Process ids of the language servers this extension host started (`server/out/server.js` forked by the
 * client). Uses `ps`, so POSIX systems only.
 */
export function languageServerPids(serverScript: string): number[] {
  const listing = execFileSync('ps', ['-A', '-o', 'pid=,ppid=,args='], { encoding: 'utf8' });
  return listing
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null && Number(m[2]) === process.pid && m[3]!.includes(serverScript))
    .map((m) => Number(m[1]));
}
