/**
 * "MongoDB: Explain Connection String": a panel beside the editor for the connection string under the
 * cursor. It explains the string (every part, every option set or defaulted and where its value comes
 * from, how a driver connects, the DNS answer of a mongodb+srv host when the network is allowed) and is
 * a form to edit it: hosts, credentials, database and options, checked as the editor checks them while
 * they are typed; Apply writes the string back into the document, escaped for where it stands, as one
 * edit that undo undoes. The panel's script is inline with a nonce (no remote content), colours come from
 * the theme, and every control is a plain form control, reachable with the keyboard.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import type { Description } from './commands';

const EXPLAIN = 'mongodbUri/explainConnectionString';
const FORM = 'mongodbUri/connectionForm';
const WRITE_FORM = 'mongodbUri/writeConnectionForm';
export const EXPLAIN_COMMAND = 'mongodbUri.explain';

/** What the server sends (server/src/service/api.ts `Explanation`), as far as the panel reads it. */
interface Explanation extends Description {
  authSourceReason: string | null;
  composed: boolean;
  effectiveOptions: { name: string; value: string; source: string; note?: string }[];
  profile: { description: string };
  srv: { hosts: { host: string; port: number }[]; txtOptions: string | null } | null;
  account: { topic: string; text: string }[];
  dnsNote?: string | null;
}

/** The edit form (server/src/service/api.ts `ConnectionForm`). */
interface ConnectionForm {
  scheme: 'mongodb' | 'mongodb+srv';
  hosts: { host: string; port: string }[];
  username: string;
  hasPassword: boolean;
  database: string;
  options: { name: string; value: string; secret?: true }[];
  placeholders: boolean;
  catalogue: { name: string; category: string; type: string; values: string[]; defaultValue: string; origin: string; deprecated: boolean }[];
}

interface FormInput {
  scheme: string;
  hosts: { host: string; port: string }[];
  username: string;
  password: string | null;
  database: string;
  options: { name: string; value: string; keep?: number }[];
}

interface Written {
  edit: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string };
  version: number;
  redacted: string;
  problems: { ruleId: string; severity: string; message: string }[];
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

/** JSON for a <script type="application/json"> element: nothing in it can end the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** The option groups of the form, in the order of the specification's sections. */
const GROUPS: [string, string][] = [
  ['topology', 'Topology and server selection'],
  ['readPreference', 'Read preference'],
  ['writeConcern', 'Write concern'],
  ['readConcern', 'Read concern'],
  ['auth', 'Authentication'],
  ['tls', 'TLS'],
  ['timeouts', 'Timeouts'],
  ['pool', 'Connection pool'],
  ['compression', 'Compression'],
  ['srv', 'SRV'],
  ['monitoring', 'Monitoring'],
  ['proxy', 'Proxy'],
  ['general', 'General'],
  ['bson', 'BSON'],
  ['socket', 'Socket'],
  ['logging', 'Logging'],
];

/** The script of the panel: reads the fields, asks for a check while typing, applies. No remote content. */
const SCRIPT = String.raw`
(function () {
  const vscode = acquireVsCodeApi();
  const form = JSON.parse(document.getElementById('form-data').textContent);
  const t = JSON.parse(document.getElementById('strings').textContent);
  const $ = (id) => document.getElementById(id);
  const catalogue = new Map(form.catalogue.map((o) => [o.name.toLowerCase(), o]));
  let timer;
  function optionRows() {
    return Array.from(document.querySelectorAll('tr.option'));
  }
  function read() {
    const pw = $('password').value;
    return {
      scheme: $('scheme').value,
      hosts: Array.from(document.querySelectorAll('tr.host')).map((r) => ({ host: r.querySelector('.host-name').value, port: r.querySelector('.host-port').value })),
      username: $('username').value,
      // Left empty: the password stays as it is (none stays none); the box removes it.
      password: $('no-password').checked ? '' : pw === '' ? (form.hasPassword ? null : '') : pw,
      database: $('database').value,
      options: optionRows().map((r) => {
        const name = r.querySelector('.option-name').value;
        const value = r.querySelector('.option-value').value;
        const keep = r.dataset.keep;
        return keep !== undefined && value === r.dataset.masked ? { name, value, keep: Number(keep) } : { name, value };
      }),
    };
  }
  function check() {
    clearTimeout(timer);
    timer = setTimeout(() => vscode.postMessage({ type: 'check', form: read() }), 250);
  }
  function valuesFor(row) {
    const info = catalogue.get(row.querySelector('.option-name').value.trim().toLowerCase());
    const list = row.querySelector('datalist');
    list.textContent = '';
    for (const v of info ? info.values : []) {
      const o = document.createElement('option');
      o.value = v;
      list.appendChild(o);
    }
    const hint = row.querySelector('.option-hint');
    hint.textContent = info ? (info.defaultValue ? t.defaultIs.replace('{0}', info.defaultValue) : '') : row.querySelector('.option-name').value.trim() ? t.unknownOption : '';
  }
  let rowIds = 1000;
  function removeButton(label) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'remove';
    b.textContent = t.remove;
    b.setAttribute('aria-label', label);
    return b;
  }
  function addHost() {
    const tr = document.createElement('tr');
    tr.className = 'host';
    const n = document.querySelectorAll('tr.host').length + 1;
    tr.innerHTML = '<td><input class="host-name" type="text" spellcheck="false"></td><td><input class="host-port" type="text" inputmode="numeric" size="6" spellcheck="false"></td><td></td>';
    tr.querySelector('.host-name').setAttribute('aria-label', t.hostN.replace('{0}', n));
    tr.querySelector('.host-port').setAttribute('aria-label', t.portN.replace('{0}', n));
    tr.lastChild.appendChild(removeButton(t.removeHostN.replace('{0}', n)));
    $('hosts').appendChild(tr);
    tr.querySelector('.host-name').focus();
  }
  function addOption() {
    const id = 'values-' + rowIds++;
    const tr = document.createElement('tr');
    tr.className = 'option';
    tr.innerHTML = '<td><input class="option-name" type="text" list="option-names" spellcheck="false"></td><td><input class="option-value" type="text" spellcheck="false"><datalist></datalist><div class="option-hint"></div></td><td></td>';
    tr.querySelector('datalist').id = id;
    tr.querySelector('.option-value').setAttribute('list', id);
    tr.querySelector('.option-name').setAttribute('aria-label', t.newOptionName);
    tr.querySelector('.option-value').setAttribute('aria-label', t.newOptionValue);
    tr.lastChild.appendChild(removeButton(t.removeOption));
    $('added-options').appendChild(tr);
    $('added').hidden = false;
    tr.querySelector('.option-name').focus();
  }
  document.addEventListener('input', (e) => {
    const row = e.target.closest && e.target.closest('tr.option');
    if (row && e.target.classList.contains('option-name')) valuesFor(row);
    if (e.target.id === 'no-password') $('password').disabled = e.target.checked;
    check();
  });
  document.addEventListener('change', check);
  // Select all in a field selects the field's text: the key does not reach the workbench, which would
  // select the editor's text and take the focus there.
  document.addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'a' && e.target.matches && e.target.matches('input[type=text], input[type=password], input:not([type])')) {
      e.target.select();
      e.preventDefault();
      e.stopPropagation();
    }
  });
  document.addEventListener('click', (e) => {
    const b = e.target.closest && e.target.closest('button');
    if (!b) return;
    if (b.classList.contains('remove')) {
      const row = b.closest('tr');
      const next = row.nextElementSibling || row.previousElementSibling;
      row.remove();
      (next ? next.querySelector('input') : $('apply')).focus();
      check();
    } else if (b.id === 'add-host') addHost();
    else if (b.id === 'add-option') addOption();
    else if (b.id === 'apply') {
      $('apply').disabled = true;
      $('status').textContent = t.applying;
      vscode.postMessage({ type: 'apply', form: read() });
    } else if (b.id === 'reset') vscode.postMessage({ type: 'reset' });
  });
  window.addEventListener('message', (event) => {
    const m = event.data;
    if (m.type === 'checked') {
      $('preview').textContent = m.redacted;
      const list = $('preview-problems');
      list.textContent = '';
      for (const p of m.problems) {
        const li = document.createElement('li');
        li.className = 'problem-' + p.severity;
        const sev = document.createElement('strong');
        sev.textContent = p.severity;
        const code = document.createElement('code');
        code.textContent = p.ruleId;
        li.append(sev, ' ', code, ': ' + p.message);
        list.appendChild(li);
      }
      $('preview-ok').hidden = m.problems.length > 0;
    } else if (m.type === 'status') {
      $('status').textContent = m.text;
      $('apply').disabled = false;
    }
  });
  for (const row of optionRows()) valuesFor(row);
  vscode.postMessage({ type: 'check', form: read() });
})();
`;

/** The panel's HTML: the explanation and the form (exported for tests). */
export function explanationHtml(e: Explanation, form: ConnectionForm | null, cspSource: string, status = ''): string {
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
  const dns = e.srv
    ? `<h2>${escapeHtml(t('DNS answer'))}</h2><table>${head([t('SRV host'), t('Port')])}${e.srv.hosts.map((h) => row([h.host, String(h.port)])).join('')}</table><p>${escapeHtml(t('TXT options: {0}', e.srv.txtOptions ?? t('none')))}</p>`
    : e.dnsNote
      ? `<h2>${escapeHtml(t('DNS answer'))}</h2><p>${escapeHtml(e.dnsNote)}</p>`
      : '';
  const strings = {
    defaultIs: t('default: {0}'),
    unknownOption: t('not an option of the option table'),
    remove: t('Remove'),
    hostN: t('Host {0}'),
    portN: t('Port of host {0}'),
    removeHostN: t('Remove host {0}'),
    removeOption: t('Remove this option'),
    newOptionName: t('Name of the new option'),
    newOptionValue: t('Value of the new option'),
    applying: t('Applying…'),
  };
  return `<!DOCTYPE html>
<html lang="${escapeHtml(vscode.env.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource} 'nonce-${n}'; script-src 'nonce-${n}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(t('Connection string explained'))}</title>
<style nonce="${n}">
  body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); padding: 0 1em 1em; }
  code, pre { font-family: var(--vscode-editor-font-family); background: var(--vscode-textCodeBlock-background); }
  pre { padding: 0.5em; white-space: pre-wrap; word-break: break-all; }
  table { border-collapse: collapse; margin: 0.5em 0 1em; }
  th, td { text-align: left; padding: 0.2em 0.8em 0.2em 0; border-bottom: 1px solid var(--vscode-panel-border); vertical-align: top; }
  th { color: var(--vscode-descriptionForeground); font-weight: 600; }
  fieldset { border: 1px solid var(--vscode-panel-border); margin: 0 0 1em; padding: 0.5em 1em; }
  legend { font-weight: 600; }
  label { display: inline-block; min-width: 8em; }
  input, select { color: var(--vscode-input-foreground); background: var(--vscode-input-background); border: 1px solid var(--vscode-input-border, var(--vscode-panel-border)); font-family: var(--vscode-editor-font-family); padding: 2px 4px; }
  input:focus, select:focus, button:focus { outline: 1px solid var(--vscode-focusBorder); outline-offset: 1px; }
  input[disabled] { opacity: 0.5; }
  button { color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); border: none; padding: 3px 10px; cursor: pointer; }
  button:hover { background: var(--vscode-button-secondaryHoverBackground); }
  button#apply { color: var(--vscode-button-foreground); background: var(--vscode-button-background); }
  button#apply:hover { background: var(--vscode-button-hoverBackground); }
  .field { margin: 0.3em 0; }
  .host-name { width: 22em; }
  .option-name, .option-value { width: 13em; }
  .option-hint { font-size: 0.9em; }
  .hint, .option-hint { color: var(--vscode-descriptionForeground); }
  .problem-error strong { color: var(--vscode-errorForeground); }
  .problem-warning strong { color: var(--vscode-editorWarning-foreground); }
  .actions { position: sticky; bottom: 0; background: var(--vscode-editor-background); padding: 0.5em 0; }
  h3 { font-size: 1em; margin: 0.8em 0 0; }
</style>
</head>
<body>
<h1>${escapeHtml(t('Connection string explained'))}</h1>
<pre>${escapeHtml(e.redacted)}</pre>
<p>${escapeHtml(e.composed ? t('As its variables fill it in. ') : '')}${escapeHtml(e.profile.description)}</p>
${form ? formHtml(form, n, strings, status) : ''}
<h2>${escapeHtml(t('How a driver connects'))}</h2>
<ul>${account.join('')}</ul>
${dns}
<h2>${escapeHtml(t('Parts'))}</h2>
<table>${head([t('Part'), t('Value')])}${parts.join('')}</table>
<h2>${escapeHtml(t('Options'))}</h2>
<table>${head([t('Option'), t('Value'), t('From'), t('Note')])}${options.join('')}</table>
${problems.length ? `<h2>${escapeHtml(t('Problems'))}</h2><ul>${problems.join('')}</ul>` : ''}
</body>
</html>`;
}

function formHtml(form: ConnectionForm, n: string, strings: Record<string, string>, status: string): string {
  const t = vscode.l10n.t;
  const input = (id: string, label: string, value: string, extra = '') =>
    `<div class="field"><label for="${id}">${escapeHtml(label)}</label> <input id="${id}" type="text" spellcheck="false" value="${escapeHtml(value)}" ${extra}></div>`;
  const hosts = form.hosts
    .map(
      (h, i) =>
        `<tr class="host"><td><input class="host-name" type="text" spellcheck="false" aria-label="${escapeHtml(t('Host {0}', i + 1))}" value="${escapeHtml(h.host)}"></td>` +
        `<td><input class="host-port" type="text" inputmode="numeric" size="6" spellcheck="false" aria-label="${escapeHtml(t('Port of host {0}', i + 1))}" value="${escapeHtml(h.port)}"></td>` +
        `<td><button type="button" class="remove" aria-label="${escapeHtml(t('Remove host {0}', i + 1))}">${escapeHtml(t('Remove'))}</button></td></tr>`,
    )
    .join('');
  const info = new Map(form.catalogue.map((o) => [o.name.toLowerCase(), o]));
  const byGroup = new Map<string, string[]>();
  form.options.forEach((o, i) => {
    const group = info.get(o.name.toLowerCase())?.category ?? 'other';
    const secret = o.secret ? ` data-keep="${i}" data-masked="${escapeHtml(o.value)}"` : '';
    const rowHtml =
      `<tr class="option"${secret}><td><input class="option-name" type="text" list="option-names" spellcheck="false" aria-label="${escapeHtml(t('Name of option {0}', i + 1))}" value="${escapeHtml(o.name)}"></td>` +
      `<td><input class="option-value" type="text" list="values-${i}" spellcheck="false" aria-label="${escapeHtml(t('Value of {0}', o.name))}" value="${escapeHtml(o.value)}"><datalist id="values-${i}"></datalist><div class="option-hint"></div></td>` +
      `<td><button type="button" class="remove" aria-label="${escapeHtml(t('Remove {0}', o.name))}">${escapeHtml(t('Remove'))}</button></td></tr>`;
    (byGroup.get(group) ?? byGroup.set(group, []).get(group)!).push(rowHtml);
  });
  const groups = [...GROUPS, ['other', 'Not in the option table'] as [string, string]]
    .filter(([id]) => byGroup.has(id))
    .map(([id, title]) => `<h3>${escapeHtml(t(title))}</h3><table><tbody>${byGroup.get(id)!.join('')}</tbody></table>`)
    .join('');
  const names = form.catalogue.map((o) => `<option value="${escapeHtml(o.name)}">${escapeHtml(`${o.category}${o.deprecated ? ', deprecated' : ''}`)}</option>`).join('');
  return `<h2>${escapeHtml(t('Edit'))}</h2>
<form id="edit" autocomplete="off">
<fieldset><legend>${escapeHtml(t('Hosts'))}</legend>
<div class="field"><label for="scheme">${escapeHtml(t('Scheme'))}</label> <select id="scheme"><option value="mongodb"${form.scheme === 'mongodb' ? ' selected' : ''}>mongodb://</option><option value="mongodb+srv"${form.scheme === 'mongodb+srv' ? ' selected' : ''}>mongodb+srv://</option></select></div>
<table><thead>${`<tr><th scope="col">${escapeHtml(t('Host'))}</th><th scope="col">${escapeHtml(t('Port'))}</th><th></th></tr>`}</thead><tbody id="hosts">${hosts}</tbody></table>
<button type="button" id="add-host">${escapeHtml(t('Add host'))}</button>
</fieldset>
<fieldset><legend>${escapeHtml(t('Credentials and database'))}</legend>
${input('username', t('Username'), form.username)}
<div class="field"><label for="password">${escapeHtml(t('Password'))}</label> <input id="password" type="password" autocomplete="new-password" placeholder="${escapeHtml(form.hasPassword ? t('unchanged') : t('none'))}"> ${form.hasPassword ? `<input id="no-password" type="checkbox"><label for="no-password">${escapeHtml(t('Remove the password'))}</label>` : '<input id="no-password" type="checkbox" hidden>'}</div>
${input('database', t('Database'), form.database)}
${form.placeholders ? `<p class="hint">${escapeHtml(t('Placeholders such as ${VAR} are written back as they are.'))}</p>` : ''}
</fieldset>
<fieldset><legend>${escapeHtml(t('Options'))}</legend>
${groups}
<div id="added" hidden><h3>${escapeHtml(t('Added'))}</h3><table><tbody id="added-options"></tbody></table></div>
<button type="button" id="add-option">${escapeHtml(t('Add option'))}</button>
<datalist id="option-names">${names}</datalist>
</fieldset>
<h3>${escapeHtml(t('The string Apply writes'))}</h3>
<pre id="preview" aria-live="polite"></pre>
<p id="preview-ok" hidden>${escapeHtml(t('No problems.'))}</p>
<ul id="preview-problems" aria-live="polite"></ul>
<div class="actions"><button type="button" id="apply">${escapeHtml(t('Apply'))}</button> <button type="button" id="reset">${escapeHtml(t('Reset'))}</button> <span id="status" role="status">${escapeHtml(status)}</span></div>
</form>
<script nonce="${n}" type="application/json" id="form-data">${scriptJson({ hasPassword: form.hasPassword, catalogue: form.catalogue })}</script>
<script nonce="${n}" type="application/json" id="strings">${scriptJson(strings)}</script>
<script nonce="${n}">${SCRIPT}</script>`;
}

/** Where the panel's string is: its document and an offset in it that follows the document's edits. */
interface Target {
  document: vscode.TextDocument;
  offset: number;
}

export interface ExplainArgs {
  uri?: string;
  position?: { line: number; character: number };
}

export function registerExplainCommand(context: vscode.ExtensionContext, getClient: () => LanguageClient | undefined): void {
  let panel: vscode.WebviewPanel | undefined;
  let target: Target | undefined;
  /** The form's own edit is being applied (not a change to tell the panel about). */
  let applying = false;

  // The offset follows edits made before it, so that the form still finds its string.
  context.subscriptions.push(
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (!target || event.document !== target.document || event.contentChanges.length === 0) return;
      for (const c of event.contentChanges) {
        if (c.rangeOffset + c.rangeLength <= target.offset) target.offset += c.text.length - c.rangeLength;
      }
      // An edit made elsewhere than the form (typing, undo): the explanation may be out of date.
      if (!applying) void panel?.webview.postMessage({ type: 'status', text: vscode.l10n.t('The document changed: Reset reads the string again.') });
    }),
  );

  async function render(client: LanguageClient, t: Target, status = ''): Promise<string | undefined> {
    const params = client.code2ProtocolConverter.asTextDocumentPositionParams(t.document, t.document.positionAt(t.offset));
    const [explanation, form] = await Promise.all([
      client.sendRequest<Explanation | null>(EXPLAIN, params),
      client.sendRequest<ConnectionForm | null>(FORM, params).catch(() => null),
    ]);
    if (!explanation) return undefined;
    if (!panel) {
      panel = vscode.window.createWebviewPanel(EXPLAIN_COMMAND, vscode.l10n.t('Connection string explained'), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
        enableScripts: true,
        localResourceRoots: [],
        retainContextWhenHidden: true,
      });
      panel.onDidDispose(() => {
        panel = undefined;
        target = undefined;
      });
      panel.webview.onDidReceiveMessage((m) => void onMessage(m));
    } else panel.reveal(vscode.ViewColumn.Beside, true);
    target = t;
    const html = explanationHtml(explanation, form, panel.webview.cspSource, status);
    panel.webview.html = html;
    return html;
  }

  async function write(form: FormInput): Promise<Written | undefined> {
    const client = getClient();
    if (!client || !target) return undefined;
    const params = client.code2ProtocolConverter.asTextDocumentPositionParams(target.document, target.document.positionAt(target.offset));
    return client.sendRequest<Written | null>(WRITE_FORM, { ...params, form }).then((w) => w ?? undefined);
  }

  async function onMessage(m: { type: string; form?: FormInput }): Promise<void> {
    const client = getClient();
    if (!panel || !client || !target) return;
    const post = (message: unknown) => void panel?.webview.postMessage(message);
    try {
      if (m.type === 'check' && m.form) {
        const w = await write(m.form);
        if (w) post({ type: 'checked', redacted: w.redacted, problems: w.problems });
      } else if (m.type === 'apply' && m.form) {
        await applyForm(m.form);
      } else if (m.type === 'reset') {
        await render(client, target);
      }
    } catch (err) {
      post({ type: 'status', text: (err instanceof Error ? err.message : String(err)) });
    }
  }

  /** Writes the form into the document (one edit: undo undoes it) and shows the string as it now is. */
  async function applyForm(form: FormInput): Promise<boolean> {
    const client = getClient();
    if (!client || !target) return false;
    const t = target;
    const w = await write(form);
    if (!w) return false;
    if (w.version !== t.document.version) {
      void panel?.webview.postMessage({ type: 'status', text: vscode.l10n.t('The document changed meanwhile; nothing was written. Apply again.') });
      return false;
    }
    const range = client.protocol2CodeConverter.asRange(w.edit.range);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(t.document.uri, range, w.edit.newText);
    applying = true;
    let applied: boolean;
    try {
      applied = await vscode.workspace.applyEdit(edit);
    } finally {
      applying = false;
    }
    if (!applied) {
      void panel?.webview.postMessage({ type: 'status', text: vscode.l10n.t('The editor did not apply the edit.') });
      return false;
    }
    // The string now starts where the edit started.
    await render(client, { document: t.document, offset: t.document.offsetAt(range.start) + 1 }, vscode.l10n.t('Applied. Undo in the editor takes it back.'));
    return true;
  }

  context.subscriptions.push(
    vscode.commands.registerCommand(EXPLAIN_COMMAND, async (args?: ExplainArgs): Promise<string | undefined> => {
      const client = getClient();
      let document: vscode.TextDocument | undefined;
      let position: vscode.Position | undefined;
      if (args?.uri && args.position) {
        document = await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri));
        position = new vscode.Position(args.position.line, args.position.character);
      } else {
        const editor = vscode.window.activeTextEditor;
        document = editor?.document;
        position = editor?.selection.active;
      }
      if (!client || !document || !position) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a file and put the cursor in a MongoDB connection string.'));
        return undefined;
      }
      const html = await render(client, { document, offset: document.offsetAt(position) });
      if (html === undefined) void vscode.window.showInformationMessage(vscode.l10n.t('The cursor is not in a MongoDB connection string.'));
      return html;
    }),
    // For tests and keyboard users of the command palette: applies a form to the panel's string.
    vscode.commands.registerCommand('mongodbUri.explain.apply', (form: FormInput) => applyForm(form)),
  );
}
