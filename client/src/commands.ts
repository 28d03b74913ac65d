/**
 * "MongoDB: Copy Connection String (redacted)" and "MongoDB: Show Parsed Connection String": both ask
 * the server to describe the connection string under the cursor; the password arrives masked.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';

const DESCRIBE = 'mongodbUri/describeConnectionString';

/** What the server sends for the string under the cursor (server/src/service/api.ts `ConnectionDescription`). */
export interface Description {
  redacted: string;
  scheme: string;
  hosts: { host: string; port: number | null; type: string }[];
  database: string | null;
  username: string | null;
  password: string | null;
  authMechanism: string | null;
  authSource: string | null;
  tls: boolean;
  options: { name: string; value: string }[];
  problems: { ruleId: string; severity: string; message: string }[];
}

async function describeAtCursor(client: LanguageClient): Promise<Description | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a file and put the cursor in a MongoDB connection string.'));
    return undefined;
  }
  const params = client.code2ProtocolConverter.asTextDocumentPositionParams(editor.document, editor.selection.active);
  const d = await client.sendRequest<Description | null>(DESCRIBE, params);
  if (!d) void vscode.window.showInformationMessage(vscode.l10n.t('The cursor is not in a MongoDB connection string.'));
  return d ?? undefined;
}

export function render(d: Description): string {
  const row = (k: string, v: string) => `| ${k} | ${v.replace(/\|/g, '\\|')} |`;
  const lines = [
    `# ${vscode.l10n.t('Parsed connection string')}`,
    '',
    '```text',
    d.redacted,
    '```',
    '',
    `| ${vscode.l10n.t('Part')} | ${vscode.l10n.t('Value')} |`,
    '|---|---|',
    row(vscode.l10n.t('Scheme'), d.scheme),
    ...d.hosts.map((h, i) => row(vscode.l10n.t('Host {0}', i + 1), `${h.host}${h.port !== null ? ':' + h.port : ''} (${h.type})`)),
    row(vscode.l10n.t('Database'), d.database ?? '—'),
    row(vscode.l10n.t('Username'), d.username ?? '—'),
    row(vscode.l10n.t('Password'), d.password ?? '—'),
    row(vscode.l10n.t('Auth mechanism'), d.authMechanism ?? (d.username ? vscode.l10n.t('negotiated (SCRAM)') : '—')),
    row(vscode.l10n.t('Auth source'), d.authSource ?? '—'),
    row(vscode.l10n.t('TLS'), d.tls ? vscode.l10n.t('on') : vscode.l10n.t('off')),
    ...d.options.map((o) => row(vscode.l10n.t('Option {0}', o.name), o.value)),
  ];
  if (d.problems.length) lines.push('', `## ${vscode.l10n.t('Problems')}`, '', ...d.problems.map((p) => `- **${p.severity}** \`${p.ruleId}\`: ${p.message}`));
  return lines.join('\n') + '\n';
}

export function registerCommands(context: vscode.ExtensionContext, getClient: () => LanguageClient | undefined): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('mongodbUri.copyRedacted', async () => {
      const client = getClient();
      if (!client) return;
      const d = await describeAtCursor(client);
      if (!d) return;
      await vscode.env.clipboard.writeText(d.redacted);
      void vscode.window.showInformationMessage(vscode.l10n.t('Connection string copied with the password masked.'));
    }),
    vscode.commands.registerCommand('mongodbUri.showParsed', async () => {
      const client = getClient();
      if (!client) return;
      const d = await describeAtCursor(client);
      if (!d) return;
      const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: render(d) });
      await vscode.window.showTextDocument(doc, { preview: true, viewColumn: vscode.ViewColumn.Beside });
    }),
  );
}
