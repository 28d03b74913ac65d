import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { describeDiagnostics, openFixture, ourDiagnostics, ruleOf, setText, waitForDiagnostic, waitForNoDiagnostic } from './helpers';

const { Error, Warning } = vscode.DiagnosticSeverity;

/** What the language server reports in each fixture, and under which characters. */
const expected: { file: string; rule: string; under: string | RegExp; severity: vscode.DiagnosticSeverity }[] = [
  { file: '.env', rule: 'userinfo-unescaped', under: '@', severity: Error },
  { file: '.env', rule: 'port-invalid', under: '70000', severity: Error },
  { file: '.env', rule: 'direct-connection-conflict', under: 'directConnection=true', severity: Error },
  { file: 'docker-compose.yml', rule: 'option-unknown', under: 'retryWrite', severity: Warning },
  { file: 'appsettings.json', rule: 'srv-port', under: /^:?27017$/, severity: Error },
  { file: 'application.properties', rule: 'option-invalid-value', under: 'abc', severity: Warning },
  { file: 'app.ts', rule: 'port-invalid', under: '270170', severity: Error },
  { file: 'admin.mongodb.js', rule: 'option-invalid-value', under: '30', severity: Warning },
];

describe('diagnostics', () => {
  for (const { file, rule, under, severity } of expected) {
    it(`${file}: ${rule} under ${String(under)}`, async () => {
      const document = await openFixture(file);
      const diagnostic = await waitForDiagnostic(document, rule, under);
      assert.equal(diagnostic.severity, severity, `severity of ${rule}`);
      assert.ok(diagnostic.message.length > 0);
      const code = diagnostic.code;
      assert.ok(typeof code === 'object' && code.target.scheme === 'https', `${rule} links to its documentation`);
    });
  }

  it('.env: nothing but the three problems, and advice on TLS for the remote hosts', async () => {
    const document = await openFixture('.env');
    await waitForDiagnostic(document, 'direct-connection-conflict');
    const loud = ourDiagnostics(document).filter((d) => d.severity === Error || d.severity === Warning);
    assert.deepEqual(loud.map(ruleOf).sort(), ['direct-connection-conflict', 'port-invalid', 'userinfo-unescaped'], describeDiagnostics(document));
    // Remote hosts without tls=true: information, one per connection string; localhost gets none.
    const advice = ourDiagnostics(document).filter((d) => d.severity === vscode.DiagnosticSeverity.Information);
    assert.deepEqual(advice.map(ruleOf), ['tls-disabled', 'tls-disabled', 'tls-disabled'], describeDiagnostics(document));
  });

  it('clean.env: none, and problems typed into it come and go', async () => {
    const document = await openFixture('clean.env');
    const clean = document.getText();
    // An empty list is also what a file gets before the server has looked at it: add a problem, then take it away.
    await setText(document, `${clean}BROKEN_URI=mongodb://localhost:99999/app\n`);
    await waitForDiagnostic(document, 'port-invalid', '99999');
    await setText(document, clean);
    await waitForNoDiagnostic(document);
    assert.equal(ourDiagnostics(document).length, 0, describeDiagnostics(document));
  });
});
