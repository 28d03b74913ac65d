/**
 * "MongoDB: Explain Connection String": asks the server to explain the connection string under the
 * cursor (every part, every option set or defaulted and where its value comes from, how a driver
 * connects) and shows it in a panel beside the editor. The panel is read-only HTML: no script, no remote
 * content (a content security policy with a nonce for its one style sheet), colours from the theme.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import type { Description } from './commands';

const EXPLAIN = 'mongodbUri/explainConnectionString';
export const EXPLAIN_COMMAND = 'mongodbUri.explain';

/** What the server sends (server/src/service/api.ts `Explanation`), as far as the panel reads it. */
interface Explanation extends Description {
  authSourceReason: string | null;
  composed: boolean;
  effectiveOptions: { name: string; value: string; source: string; note?: string }[];
  profile: { description: string };
  account: { topic: string; text: string }[];
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function nonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let out = '';
  for (let i = 0; i < 32; i++) out += chars[Math.floor(Math.random() * chars.length)];
  return out;
}

/** The panel's HTML for an explanation (exported for tests). */
export function explanationHtml(e: Explanation, cspSource: string): string {
  const n = nonce();
  const t = vscode.l10n.t;
  const row = (cells: string[]) => `<tr>${cells.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`;
  const head = (cells: string[]) => `<tr>${cells.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('')}</tr>`;
  const parts = [
    row([t('Scheme'), e.scheme]),
    ...e.hosts.map((h, i) => row([t('Host {0}', i + 1), `${h.host}${h.port !== null ? `:${h.port}` : ''} (${h.type})`])),
    row([t('Database'), e.database ?? '—']),
    row([t('Username'), e.username ?? '—']),
    row([t('Password'), e.password ?? '—']),
    row([t('Auth source'), e.authSource ? `${e.authSource}${e.authSourceReason ? ` (${e.authSourceReason})` : ''}` : '—']),
  ];
  const options = e.effectiveOptions.map((o) => row([o.name, o.value, o.source, o.note ?? '']));
  const account = e.account.map((a) => `<li><strong>${escapeHtml(a.topic)}</strong>: ${escapeHtml(a.text)}</li>`);
  const problems = e.problems.map((p) => `<li><strong>${escapeHtml(p.severity)}</strong> <code>${escapeHtml(p.ruleId)}</code>: ${escapeHtml(p.message)}</li>`);
  return `<!DOCTYPE html>
<html lang="${escapeHtml(vscode.env.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource} 'nonce-${n}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(t('Connection string explained'))}</title>
<style nonce="${n}">
  body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); padding: 0 1em 1em; }
  code, pre { font-family: var(--vscode-editor-font-family); background: var(--vscode-textCodeBlock-background); }
  pre { padding: 0.5em; white-space: pre-wrap; word-break: break-all; }
  table { border-collapse: collapse; margin: 0.5em 0 1em; }
  th, td { text-align: left; padding: 0.2em 0.8em 0.2em 0; border-bottom: 1px solid var(--vscode-panel-border); vertical-align: top; }
  th { color: var(--vscode-descriptionForeground); font-weight: 600; }
</style>
</head>
<body>
<h1>${escapeHtml(t('Connection string explained'))}</h1>
<pre>${escapeHtml(e.redacted)}</pre>
<p>${escapeHtml(e.composed ? t('As its variables fill it in. ') : '')}${escapeHtml(e.profile.description)}</p>
<h2>${escapeHtml(t('How a driver connects'))}</h2>
<ul>${account.join('')}</ul>
<h2>${escapeHtml(t('Parts'))}</h2>
<table>${head([t('Part'), t('Value')])}${parts.join('')}</table>
<h2>${escapeHtml(t('Options'))}</h2>
<table>${head([t('Option'), t('Value'), t('From'), t('Note')])}${options.join('')}</table>
${problems.length ? `<h2>${escapeHtml(t('Problems'))}</h2><ul>${problems.join('')}</ul>` : ''}
</body>
</html>`;
}

export function registerExplainCommand(context: vscode.ExtensionContext, getClient: () => LanguageClient | undefined): void {
  let panel: vscode.WebviewPanel | undefined;
  context.subscriptions.push(
    vscode.commands.registerCommand(EXPLAIN_COMMAND, async (): Promise<string | undefined> => {
      const client = getClient();
      const editor = vscode.window.activeTextEditor;
      if (!client || !editor) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a file and put the cursor in a MongoDB connection string.'));
        return undefined;
      }
      const params = client.code2ProtocolConverter.asTextDocumentPositionParams(editor.document, editor.selection.active);
      const explanation = await client.sendRequest<Explanation | null>(EXPLAIN, params);
      if (!explanation) {
        void vscode.window.showInformationMessage(vscode.l10n.t('The cursor is not in a MongoDB connection string.'));
        return undefined;
      }
      if (!panel) {
        panel = vscode.window.createWebviewPanel(EXPLAIN_COMMAND, vscode.l10n.t('Connection string explained'), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: false, localResourceRoots: [] });
        panel.onDidDispose(() => (panel = undefined));
      } else panel.reveal(vscode.ViewColumn.Beside, true);
      const html = explanationHtml(explanation, panel.webview.cspSource);
      panel.webview.html = html;
      return html;
    }),
  );
}
