import assert from 'node:assert/strict';
import { before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { at, hoverText, openFixture, waitFor, waitForDiagnostic } from './helpers';

describe('hover', () => {
  let env: vscode.TextDocument;
  before(async () => {
    env = await openFixture('.env');
    await waitForDiagnostic(env, 'port-invalid');
  });

  it('documents an option', async () => {
    const text = await waitFor(() => hoverText(env, at(env, 'replica|Set=rs0')), 'a hover on replicaSet');
    assert.match(text, /replicaSet/);
    assert.match(text, /https:\/\/www\.mongodb\.com\//, 'links to the documentation');
  });

  it('describes a host and its port', async () => {
    const text = await waitFor(() => hoverText(env, at(env, 'analytics-1.exa|mple.com')), 'a hover on a host');
    assert.match(text, /analytics-1\.example\.com/);
  });

  it('never shows a password', async () => {
    const text = await waitFor(() => hoverText(env, at(env, 'mon|godb://admin')), 'a hover on the scheme');
    assert.match(text, /mongodb:\/\//);
    assert.doesNotMatch(text, /p@ss|p%40ss/);
  });

  it('works in YAML too', async () => {
    const compose = await openFixture('docker-compose.yml');
    await waitForDiagnostic(compose, 'option-unknown');
    const text = await waitFor(() => hoverText(compose, at(compose, 'auth|Source=admin&retryWrite')), 'a hover on authSource');
    assert.match(text, /authSource/);
  });
});
