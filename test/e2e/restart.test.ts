import assert from 'node:assert/strict';
import { before, describe, it } from 'mocha';
import path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, languageServerPids, openFixture, setText, waitFor, waitForDiagnostic } from './helpers';

describe('a language server that dies', () => {
  let serverScript: string;
  before(function () {
    if (process.platform === 'win32') this.skip(); // finds the server with `ps`
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    serverScript = path.join(extension.extensionPath, 'server', 'out', 'server.js');
  });

  it('is started again by the client, and diagnostics come back after an edit', async () => {
    const document = await openFixture('.env');
    await waitForDiagnostic(document, 'port-invalid', '70000');
    const [pid, ...others] = await waitFor(() => {
      const pids = languageServerPids(serverScript);
      return pids.length > 0 && pids;
    }, `a process running ${serverScript}`);
    assert.deepEqual(others, [], 'one language server');

    const original = document.getText();
    try {
      process.kill(pid!, 'SIGKILL');
      // Edits while the client has not yet seen the server go: writing them to its closed input fails,
      // message after message, which must not keep the client from starting a new server.
      for (let k = 0; k < 8; k++) await setText(document, `${original}# edit ${k}\n`);
      const restarted = await waitFor(() => {
        const pids = languageServerPids(serverScript);
        return pids.length === 1 && pids[0] !== pid && pids[0];
      }, 'a new language server process');

      await setText(document, `${original}RESTARTED_URI=mongodb://localhost:65536/app\n`);
      await waitForDiagnostic(document, 'port-invalid', '65536');
      await waitForDiagnostic(document, 'port-invalid', '70000');
      assert.deepEqual(languageServerPids(serverScript), [restarted], 'the new server answered');
    } finally {
      await setText(document, original);
    }
  });
});
