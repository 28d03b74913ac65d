import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { describeDiagnostics, openFixture, ourDiagnostics, ruleOf, waitFor, waitForDiagnostic, waitForNoDiagnostic } from './helpers';

/** `mongodbUri.rules` in the workspace settings (.vscode/settings.json of the fixture workspace). */
function setRules(rules: Record<string, string> | undefined): Thenable<void> {
  return vscode.workspace.getConfiguration('mongodbUri').update('rules', rules, vscode.ConfigurationTarget.Workspace);
}

describe('settings', () => {
  afterEach(() => setRules(undefined));

  it('a rule turned off in the workspace settings goes at once, and comes back when turned on', async () => {
    const document = await openFixture('.env');
    await waitForDiagnostic(document, 'port-invalid', '70000');

    await setRules({ 'port-invalid': 'off' });
    await waitForNoDiagnostic(document, 'port-invalid');
    assert.ok(
      ourDiagnostics(document).some((d) => ruleOf(d) === 'direct-connection-conflict'),
      `only port-invalid is off: ${describeDiagnostics(document)}`,
    );

    await setRules(undefined);
    await waitForDiagnostic(document, 'port-invalid', '70000');
  });

  it('a rule set to "warning" is reported as a warning', async () => {
    const document = await openFixture('.env');
    const diagnostic = await waitForDiagnostic(document, 'port-invalid', '70000');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);

    await setRules({ 'port-invalid': 'warning' });
    await waitFor(
      () => ourDiagnostics(document).find((d) => ruleOf(d) === 'port-invalid' && d.severity === vscode.DiagnosticSeverity.Warning),
      () => `port-invalid as a warning; .env has ${describeDiagnostics(document)}`,
    );
  });
});
