import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import {
  describeDiagnostics,
  fileName,
  openFixture,
  quickFixes,
  ruleOf,
  setText,
  waitFor,
  waitForDiagnostic,
  waitForNoDiagnostic,
} from './helpers';

/** Asks for the quick fixes of a diagnostic, applies the one titled `title`, and waits for the diagnostic to go. */
async function applyQuickFix(document: vscode.TextDocument, rule: string, under: string, title: RegExp): Promise<void> {
  const diagnostic = await waitForDiagnostic(document, rule, under);
  const fixes = await quickFixes(document, diagnostic.range);
  const titles = fixes.map((f) => f.title);
  const fix = fixes.find((f) => title.test(f.title));
  assert.ok(fix, `a quick fix ${title} for ${rule} in ${fileName(document)}; offered: ${JSON.stringify(titles)}`);
  assert.ok(fix.edit || fix.command, `${fix.title} has an edit or a command`);
  if (fix.edit) assert.ok(await vscode.workspace.applyEdit(fix.edit), `${fix.title} applies`);
  if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
  await waitFor(
    () => !vscode.languages.getDiagnostics(document.uri).some((d) => ruleOf(d) === rule && d.range.start.line === diagnostic.range.start.line),
    () => `${rule} to go after "${fix.title}"; ${fileName(document)} has ${describeDiagnostics(document)}`,
  );
}

describe('quick fixes', () => {
  it('docker-compose.yml: "Change to retryWrites" fixes the unknown option retryWrite', async () => {
    const document = await openFixture('docker-compose.yml');
    const original = document.getText();
    try {
      await applyQuickFix(document, 'option-unknown', 'retryWrite', /Change to retryWrites/);
      assert.match(document.getText(), /&retryWrites=true"/);
      await waitForNoDiagnostic(document, 'option-unknown');
    } finally {
      await setText(document, original);
    }
  });

  it('.env: "Percent-encode the password" fixes the unescaped @', async () => {
    const document = await openFixture('.env');
    const original = document.getText();
    try {
      await applyQuickFix(document, 'userinfo-unescaped', '@', /Percent-encode the password/);
      assert.match(document.getText(), /mongodb:\/\/admin:p%40ss@db\.example\.com/);
      // The other problems of the file are still there.
      await waitForDiagnostic(document, 'port-invalid', '70000');
    } finally {
      await setText(document, original);
    }
  });
});
