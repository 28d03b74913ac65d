import assert from 'node:assert/strict';
import { before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { at, hoverText, openFixture, waitFor, waitForDiagnostic } from './helpers';

/** The hover text at the `|` in `marked`, polled for until there is one. */
function waitForHover(document: vscode.TextDocument, marked: string): Promise<string> {
  return waitFor(async () => (await hoverText(document, at(document, marked))) || undefined, `a hover at ${marked}`);
}

describe('hover', () => {
  let env: vscode.TextDocument;
  before(async () => {
    env = await openFixture('.env');
    await waitForDiagnostic(env, 'port-invalid');
  });

  it('documents an option', async () => {
    const text = await waitForHover(env, 'replica|Set=rs0');
    assert.match(text, /replicaSet/);
    assert.match(text, /https:\/\/www\.mongodb\.com\//, 'links to the documentation');
  });

  it('describes a host and its port', async () => {
    const text = await waitForHover(env, 'analytics-1.exa|mple.com');
    assert.match(text, /analytics-1\.example\.com/);
  });

  it('never shows a password', async () => {
    const text = await waitForHover(env, 'mon|godb://admin');
    assert.match(text, /mongodb:\/\//);
    assert.doesNotMatch(text, /p@ss|p%40ss/);
  });

  it('works in YAML too', async () => {
    const compose = await openFixture('docker-compose.yml');
    await waitForDiagnostic(compose, 'option-unknown');
    const text = await waitForHover(compose, 'auth|Source=admin&retryWrite');
    assert.match(text, /authSource/);
  });
});
