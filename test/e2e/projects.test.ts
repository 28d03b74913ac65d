/**
 * The limits of driver calls follow the project, in the editor: a Python file whose text shows nothing of
 * MongoDB is checked once its project's requirements.txt names a driver, which VS Code's file watcher
 * tells the language server (the watchers it registered for project manifests).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { describeDiagnostics, openFixture, ourDiagnostics, ruleOf, waitForDiagnostic, workspaceUri } from './helpers';

describe('projects that use MongoDB', () => {
  it('a requirements.txt that comes to name Flask-PyMongo brings the limits of the calls of its Python files', async () => {
    const repository = await openFixture('py-project/app/repository.py');
    assert.equal(repository.languageId, 'python');
    // Analysed (its misspelt scheme is reported), without the limits of its calls: a Flask project
    // without MongoDB, in a file that does not say it.
    await waitForDiagnostic(repository, 'scheme-invalid');
    assert.ok(!ourDiagnostics(repository).some((d) => ruleOf(d) === 'document-duplicate-field'), describeDiagnostics(repository));

    const requirements = workspaceUri('py-project/requirements.txt');
    await vscode.workspace.fs.writeFile(requirements, Buffer.from('flask==3.0.3\nflask-pymongo==2.3.0\ngunicorn==22.0.0\n'));
    const found = await waitForDiagnostic(repository, 'document-duplicate-field');
    assert.equal(repository.getText(found.range), 'status');
  });
});
