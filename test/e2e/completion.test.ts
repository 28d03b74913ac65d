import assert from 'node:assert/strict';
import { before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { at, completionLabels, openFixture, waitFor, waitForDiagnostic } from './helpers';

describe('completion', () => {
  let env: vscode.TextDocument;
  before(async () => {
    env = await openFixture('.env');
    await waitForDiagnostic(env, 'port-invalid');
  });

  it('offers option names after ?', async () => {
    const labels = await waitFor(async () => {
      const found = await completionLabels(env, at(env, '/sessions?|appName'), '?');
      return found.includes('replicaSet') ? found : undefined;
    }, 'option names after ?');
    for (const option of ['authSource', 'retryWrites', 'tls', 'maxPoolSize']) assert.ok(labels.includes(option), `${option} in ${labels.join(', ')}`);
  });

  it('offers the values of an option after =', async () => {
    const labels = await waitFor(async () => {
      const found = await completionLabels(env, at(env, 'readPreference=|secondary'), '=');
      return found.length > 0 ? found : undefined;
    }, 'readPreference values');
    for (const mode of ['primary', 'primaryPreferred', 'secondary', 'secondaryPreferred', 'nearest']) {
      assert.ok(labels.includes(mode), `${mode} in ${labels.join(', ')}`);
    }
  });

  it('works in JSON too', async () => {
    const json = await openFixture('appsettings.json');
    await waitForDiagnostic(json, 'srv-port');
    const labels = await waitFor(async () => {
      const found = await completionLabels(json, at(json, '&|w=majority'), '&');
      return found.length > 0 ? found : undefined;
    }, 'option names in appsettings.json');
    assert.ok(labels.includes('readPreference'), labels.join(', '));
  });
});
