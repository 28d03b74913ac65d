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

  it('inserts the option name with "=" over the typed word, and resolves its documentation', async () => {
    // `/sessions?app|Name`: the typed word `appName` is replaced, whatever part of it is typed.
    const position = at(env, '/sessions?app|Name');
    const list = await waitFor(async () => {
      const found = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', env.uri, position, undefined, 200);
      return found?.items.some((i) => i.label === 'appName') ? found : undefined;
    }, 'appName completion');
    const item = list.items.find((i) => i.label === 'appName')!;
    const insert = typeof item.insertText === 'string' ? item.insertText : item.insertText?.value;
    // The key already has its "=": only the name is inserted.
    assert.equal(insert, 'appName');
    const range = item.range instanceof vscode.Range ? item.range : item.range?.replacing;
    assert.ok(range, 'the item says what it replaces');
    assert.equal(env.getText(range), 'appName');
    const doc = typeof item.documentation === 'string' ? item.documentation : item.documentation?.value;
    assert.match(doc ?? '', /appName/, 'documentation resolved for the item');
    // The typed `app` filters the list: only names that contain a, p, p in that order remain.
    assert.ok(!list.items.some((i) => i.label === 'retryWrites'), 'retryWrites filtered out');
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
