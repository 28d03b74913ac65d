/**
 * "MongoDB: Resolve SRV Record": looks up the SRV and TXT records of the mongodb+srv:// host under the
 * cursor and shows which servers and options a driver would get. It is the extension's only use of the
 * network, so it runs only when asked, and only with `mongodbUri.allowNetwork` set to true.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';

export const RESOLVE_SRV_COMMAND = 'mongodbUri.resolveSrv';
const RESOLVE_SRV_REQUEST = 'mongodbUri/resolveSrv';
export const SEED_LIST_COMMAND = 'mongodbUri.srvToSeedList';
const SEED_LIST_REQUEST = 'mongodbUri/srvToSeedList';

interface SrvCheck {
  query: string;
  hosts: { host: string; port: number }[];
  txtOptions: string | null;
  problems: string[];
}

function render(r: SrvCheck): string {
  const lines = [vscode.l10n.t('SRV records of {0}:', r.query), ...r.hosts.map((h) => `  ${h.host}:${h.port}`)];
  lines.push(vscode.l10n.t('TXT options: {0}', r.txtOptions ?? vscode.l10n.t('(none)')));
  lines.push(...(r.problems.length ? r.problems.map((p) => vscode.l10n.t('Problem: {0}', p)) : [vscode.l10n.t('No problems: a driver would accept these records.')]));
  return lines.join('\n');
}

async function resolveAtCursor(client: LanguageClient, log: vscode.OutputChannel): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a file and put the cursor in a mongodb+srv:// connection string.'));
    return;
  }
  const allowed = vscode.workspace.getConfiguration('mongodbUri', editor.document.uri).get<boolean>('allowNetwork', false);
  if (!allowed) {
    const choice = await vscode.window.showInformationMessage(
      vscode.l10n.t('Resolving SRV records looks up DNS. The extension never uses the network unless the setting mongodbUri.allowNetwork is on.'),
      vscode.l10n.t('Open Settings'),
    );
    if (choice) await vscode.commands.executeCommand('workbench.action.openSettings', 'mongodbUri.allowNetwork');
    return;
  }
  const params = client.code2ProtocolConverter.asTextDocumentPositionParams(editor.document, editor.selection.active);
  try {
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Resolving SRV records') },
      () => client.sendRequest<SrvCheck>(RESOLVE_SRV_REQUEST, params),
    );
    log.appendLine(render(result));
    log.show(true);
    const summary = result.hosts.length === 1 ? vscode.l10n.t('1 server from {0}', result.query) : vscode.l10n.t('{0} servers from {1}', result.hosts.length, result.query);
    if (result.problems.length) void vscode.window.showWarningMessage(vscode.l10n.t('{0}; {1}', summary, result.problems[0]!));
    else void vscode.window.showInformationMessage(vscode.l10n.t('{0}: {1}', summary, result.hosts.map((h) => `${h.host}:${h.port}`).join(', ')));
  } catch (err) {
    void vscode.window.showErrorMessage(err instanceof Error ? err.message : String(err));
  }
}

export function registerResolveSrvCommand(
  context: vscode.ExtensionContext,
  getClient: () => LanguageClient | undefined,
  log: vscode.OutputChannel,
  environment: 'desktop' | 'web' = 'desktop',
): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(RESOLVE_SRV_COMMAND, async () => {
      if (environment === 'web') {
        // A browser cannot look up DNS records: say so rather than fail.
        void vscode.window.showInformationMessage(vscode.l10n.t('Resolving SRV records needs DNS, which VS Code for the Web cannot use. Run the command in the desktop editor, or `nslookup -type=SRV _mongodb._tcp.<host>` in a terminal.'));
        return;
      }
      const client = getClient();
      if (client) await resolveAtCursor(client, log);
    }),
    // The code action "Rewrite as a seed list": the server looks up the records and gives the edit.
    vscode.commands.registerCommand(SEED_LIST_COMMAND, async (uri: string, position: { line: number; character: number }): Promise<boolean> => {
      const client = getClient();
      if (!client || typeof uri !== 'string' || !position) return false;
      try {
        const answer = await client.sendRequest<{ edit: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }; version: number; hosts: number } | null>(SEED_LIST_REQUEST, { textDocument: { uri }, position });
        if (!answer) return false;
        const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
        if (document.version !== answer.version) {
          void vscode.window.showWarningMessage(vscode.l10n.t('The document changed meanwhile; nothing was written.'));
          return false;
        }
        const edit = new vscode.WorkspaceEdit();
        edit.replace(document.uri, client.protocol2CodeConverter.asRange(answer.edit.range), answer.edit.newText);
        return await vscode.workspace.applyEdit(edit);
      } catch (err) {
        void vscode.window.showErrorMessage(err instanceof Error ? err.message : String(err));
        return false;
      }
    }),
  );
}
