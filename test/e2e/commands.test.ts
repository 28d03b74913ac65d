import assert from 'node:assert/strict';
import { before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { at, openFixture, waitFor, waitForDiagnostic } from './helpers';

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
    assert.match(html, /Content-Security-Policy" content="default-src 'none'; style-src [^;]+ 'nonce-[A-Za-z0-9]{32}';"/);
    assert.ok(!/<script/i.test(html), 'no script in the panel');
    assert.match(html, /<td>Host 1<\/td><td>analytics-1\.example\.com:70000 \(hostname\)<\/td>/);
    assert.match(html, /<td>replicaSet<\/td><td>rs0<\/td><td>set<\/td>/);
    assert.match(html, /<td>retryWrites<\/td><td>true<\/td><td>default<\/td>/);
    assert.match(html, /How a driver connects/);
    assert.match(html, /port-invalid/);
    await placeCursor(env, 'admin:p|@ss');
    const secret = await vscode.commands.executeCommand<string | undefined>('mongodbUri.explain');
    assert.ok(secret && !secret.includes('p@ss') && !secret.includes('p%40ss'), 'no password in the panel');
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
