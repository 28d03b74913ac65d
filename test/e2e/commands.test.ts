import assert from 'node:assert/strict';
import { before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { at, openFixture, waitFor, waitForDiagnostic, waitForNoDiagnostic } from './helpers';

/** Puts the cursor at the `|` of `marked` in the document's editor. */
async function placeCursor(document: vscode.TextDocument, marked: string): Promise<void> {
  const editor = await vscode.window.showTextDocument(document);
  const position = at(document, marked);
  editor.selection = new vscode.Selection(position, position);
}

describe('commands', () => {
  let env: vscode.TextDocument;
  before(async () => {
    env = await openFixture('.env');
    await waitForDiagnostic(env, 'port-invalid');
  });

  it('Copy Connection String (redacted) puts the string on the clipboard with the password masked', async () => {
    await vscode.env.clipboard.writeText('');
    await placeCursor(env, 'db.exam|ple.com:27017/shop');
    await vscode.commands.executeCommand('mongodbUri.copyRedacted');
    const copied = await waitFor(async () => (await vscode.env.clipboard.readText()) || undefined, 'the clipboard');
    assert.equal(copied, 'mongodb://admin:****@db.example.com:27017/shop?authSource=admin');
  });

  it('Explain Connection String opens a panel: parts, every option set or defaulted, how a driver connects, no password', async () => {
    await placeCursor(env, 'analytics-1.exam|ple.com');
    const html = await vscode.commands.executeCommand<string | undefined>('mongodbUri.explain');
    assert.ok(html, 'the command returns the panel it shows');
    const csp = /Content-Security-Policy" content="default-src 'none'; style-src [^;]+ 'nonce-([A-Za-z0-9]{32})'; script-src 'nonce-([A-Za-z0-9]{32})';"/.exec(html);
    assert.ok(csp && csp[1] === csp[2], 'a strict content security policy with one nonce');
    const scripts = html.match(/<script[^>]*>/g) ?? [];
    assert.ok(scripts.length > 0 && scripts.every((tag) => tag.includes(`nonce="${csp[1]}"`) && !/\ssrc=/.test(tag)), 'only inline scripts with the nonce');
    assert.match(html, /<input class="host-port"[^>]*value="70000">/, 'the form shows the port to edit');
    assert.match(html, /<td>Host 1<\/td><td>analytics-1\.example\.com:70000 \(hostname\)<\/td>/);
    assert.match(html, /<td>replicaSet<\/td><td>rs0<\/td><td>set<\/td>/);
    assert.match(html, /<td>retryWrites<\/td><td>true<\/td><td>default<\/td>/);
    assert.match(html, /How a driver connects/);
    assert.match(html, /port-invalid/);
    await placeCursor(env, 'admin:p|@ss');
    const secret = await vscode.commands.executeCommand<string | undefined>('mongodbUri.explain');
    assert.ok(secret && !secret.includes('p@ss') && !secret.includes('p%40ss'), 'no password in the panel');
  });

  it("a connection string's hover ends with a trusted link that opens the panel on that string", async () => {
    const position = at(env, 'reports-2.exa|mple.com');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', env.uri, position);
    const markdown = (hovers ?? []).flatMap((h) => h.contents).find((c): c is vscode.MarkdownString => c instanceof vscode.MarkdownString && c.value.includes('command:mongodbUri.explain?'));
    assert.ok(markdown, 'a link to the panel in the hover');
    const trusted = markdown.isTrusted;
    assert.ok(typeof trusted === 'object' && trusted.enabledCommands.length === 1 && trusted.enabledCommands[0] === 'mongodbUri.explain', 'only the explain command is trusted');
    const args = JSON.parse(decodeURIComponent(/command:mongodbUri\.explain\?([^)]+)\)/.exec(markdown.value)![1]));
    await placeCursor(env, 'NODE_|ENV'); // the cursor elsewhere: the link says which string
    const html = await vscode.commands.executeCommand<string | undefined>('mongodbUri.explain', ...args);
    assert.ok(html?.includes('reports-2.example.com:27017'), 'the panel of the hovered string');
  });

  it('the form of the panel writes a new password with reserved characters and an option back into .env; undo takes it back', async () => {
    const line = env.lineAt(at(env, 'ANALYTICS_MONGODB_UR|I').line);
    const before = env.getText();
    await placeCursor(env, 'analytics-2.exam|ple.com');
    assert.ok(await vscode.commands.executeCommand<string | undefined>('mongodbUri.explain'));
    const applied = await vscode.commands.executeCommand<boolean>('mongodbUri.explain.apply', {
      scheme: 'mongodb',
      hosts: [{ host: 'analytics-1.example.com', port: '27017' }, { host: 'analytics-2.example.com', port: '27017' }],
      username: 'reporter',
      password: 'p@ss:w/rd#1 %',
      database: 'analytics',
      options: [{ name: 'replicaSet', value: 'rs1' }, { name: 'w', value: 'majority' }],
    });
    assert.equal(applied, true);
    assert.equal(
      env.lineAt(line.lineNumber).text,
      'ANALYTICS_MONGODB_URI=mongodb://reporter:p%40ss%3Aw%2Frd%231%20%25@analytics-1.example.com:27017,analytics-2.example.com:27017/analytics?replicaSet=rs1&w=majority',
    );
    await waitForNoDiagnostic(env, 'port-invalid');
    await vscode.window.showTextDocument(env);
    await vscode.commands.executeCommand('undo');
    await waitFor(async () => env.getText() === before || undefined, 'the text before the edit after one undo');
    await waitForDiagnostic(env, 'port-invalid');
  });

  it('Show Parsed Connection String opens every part, password masked', async () => {
    await placeCursor(env, 'reports-1.exa|mple.com');
    await vscode.commands.executeCommand('mongodbUri.showParsed');
    const shown = await waitFor(
      async () => vscode.workspace.textDocuments.find((d) => d.isUntitled && d.getText().startsWith('# Parsed connection string')),
      'the parsed connection string document',
    );
    const text = shown.getText();
    assert.match(text, /\| Host 1 \| reports-1\.example\.com:27017 \(hostname\) \|/);
    assert.match(text, /\| Host 2 \| reports-2\.example\.com:27017/);
    assert.match(text, /direct-connection-conflict/);
    await placeCursor(env, 'admin:p|@ss');
    await vscode.commands.executeCommand('mongodbUri.showParsed');
    const withPassword = await waitFor(
      async () => vscode.workspace.textDocuments.find((d) => d.isUntitled && d.getText().includes('| Password | **** |')),
      'the parsed document of the string with a password',
    );
    assert.doesNotMatch(withPassword.getText(), /p@ss|p%40ss/);
  });
});
