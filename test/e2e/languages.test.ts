import assert from 'node:assert/strict';
import { before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { EXTENSION_ID, openFixture, waitFor } from './helpers';

describe('the extension in VS Code', () => {
  before(async () => {
    await openFixture('.env');
  });

  it('is active once a .env file is open', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    await waitFor(() => extension.isActive, `${EXTENSION_ID} to activate`);
  });

  // `dotenv` comes from this extension's manifest: stock VS Code opens .env files as `properties`.
  const languageIds: [file: string, languageId: string][] = [
    ['.env', 'dotenv'],
    ['clean.env', 'dotenv'],
    ['docker-compose.yml', 'dockercompose'],
    ['appsettings.json', 'json'],
    ['application.properties', 'properties'],
    ['app.ts', 'typescript'],
    ['admin.mongodb.js', 'javascript'],
  ];
  for (const [file, languageId] of languageIds) {
    it(`opens ${file} as ${languageId}`, async () => {
      const document = await openFixture(file);
      assert.equal(document.languageId, languageId);
    });
  }
});
