import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { describeDiagnostics, openFixture, ourDiagnostics, ruleOf, setText, waitFor, waitForDiagnostic, waitForNoDiagnostic } from './helpers';

describe('composed connection strings', () => {
  it('compose.yaml is checked with the .env beside it: editing .env changes its diagnostics, the quick fix edits .env', async () => {
    const compose = await openFixture('compose-env/compose.yaml');
    const problem = await waitForDiagnostic(compose, 'userinfo-unescaped', '${MONGO_PASSWORD}');
    const related = problem.relatedInformation ?? [];
    assert.equal(related.length, 1, JSON.stringify(related));
    assert.match(related[0]!.location.uri.path, /\/compose-env\/\.env$/);
    assert.equal(related[0]!.location.range.start.line, 2);

    // The .env edited in the editor (not saved): the compose file is checked with the new text.
    const env = await openFixture('compose-env/.env');
    const original = env.getText();
    await setText(env, original.replace('Zq7@word', 'Zq7word'));
    await waitForNoDiagnostic(compose, 'userinfo-unescaped');
    await setText(env, original);
    const again = await waitForDiagnostic(compose, 'userinfo-unescaped', '${MONGO_PASSWORD}');

    // The quick fix on the compose file's diagnostic edits the .env.
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', compose.uri, again.range);
    const fix = actions.find((a) => a.title.includes('MONGO_PASSWORD'));
    assert.ok(fix?.edit, `a fix in .env among ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await waitFor(() => env.getText().includes('MONGO_PASSWORD=Zq7%40word'), () => `the fix in .env: ${env.getText()}`);
    await waitForNoDiagnostic(compose, 'userinfo-unescaped');
    assert.ok(!ourDiagnostics(compose).some((d) => ruleOf(d) === 'userinfo-unescaped'), describeDiagnostics(compose));
  });
});
