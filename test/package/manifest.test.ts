import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { filePatterns, languageIds } from '../../client/src/documentSelector';
import { defaultSettings } from '../../server/src/service/api';
import { repoRoot } from '../helpers/repo';

const root = repoRoot();
const nls: Record<string, string> = JSON.parse(readFileSync(path.join(root, 'package.nls.json'), 'utf8'));
/** The manifest as VS Code shows it in English: every `%key%` replaced by its text in package.nls.json. */
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'), (_key, value) =>
  typeof value === 'string' && /^%[^%]+%$/.test(value) ? nls[value.slice(1, -1)] ?? value : value,
);

test('activation events follow the document selector', () => {
  const expected = [...languageIds.map((id) => `onLanguage:${id}`), ...filePatterns.map((p) => `workspaceContains:${p}`)];
  assert.deepEqual([...manifest.activationEvents].sort(), expected.sort());
});

test('the dotenv language is contributed with its files and comment style', () => {
  const dotenv = manifest.contributes.languages.find((l: any) => l.id === 'dotenv');
  assert.ok(dotenv);
  assert.ok(dotenv.filenames.includes('.env'));
  assert.deepEqual([...dotenv.filenamePatterns].sort(), ['*.env', '.env.*']);
  const configuration = JSON.parse(readFileSync(path.join(root, dotenv.configuration), 'utf8'));
  assert.equal(configuration.comments.lineComment, '#');
});

test('the settings declare the core defaults, resource scope and a description', () => {
  const properties = manifest.contributes.configuration.properties;
  assert.equal(properties['mongodbUri.enable'].default, defaultSettings.enable);
  assert.equal(properties['mongodbUri.driver'].default, defaultSettings.driver);
  assert.deepEqual(properties['mongodbUri.driver'].enum, ['auto', 'spec', 'node']);
  assert.equal(properties['mongodbUri.driver'].enumDescriptions.length, 3);
  assert.deepEqual(properties['mongodbUri.rules'].default, defaultSettings.rules);
  assert.deepEqual(properties['mongodbUri.rules'].additionalProperties.enum, ['off', 'hint', 'info', 'warning', 'error']);
  assert.equal(properties['mongodbUri.maxFileSize'].default, defaultSettings.maxFileSize);
  assert.equal(properties['mongodbUri.serverPlatform'].default, defaultSettings.serverPlatform);
  assert.deepEqual(properties['mongodbUri.serverPlatform'].enum, ['any', 'unix', 'windows']);
  assert.equal(properties['mongodbUri.serverPlatform'].enumDescriptions.length, 3);
  assert.equal(properties['mongodbUri.atlas.tier'].default, defaultSettings.atlas.tier);
  assert.equal(properties['mongodbUri.atlas.clientInstances'].default, defaultSettings.atlas.clientInstances);
  assert.deepEqual(properties['mongodbUri.trace.server'].enum, ['off', 'messages', 'verbose']);
  for (const [name, property] of Object.entries<any>(properties)) {
    assert.equal(property.scope, 'resource', name);
    assert.ok((property.description ?? property.markdownDescription ?? '').length > 20, `${name} has a description`);
  }
});

test('the extension works in untrusted workspaces and ships both command-line tools', () => {
  // Limited: everything works, but an untrusted workspace cannot turn the network on.
  assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
  assert.deepEqual(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations, ['mongodbUri.allowNetwork']);
  assert.equal(manifest.contributes.configuration.properties['mongodbUri.allowNetwork'].default, false);
  assert.ok(manifest.contributes.commands.some((c: any) => c.command === 'mongodbUri.resolveSrv' && c.title === 'Resolve SRV Record'));
  assert.equal(manifest.bin['mongodb-uri-lint'], 'server/out/cli.js');
  assert.equal(manifest.bin['mongodb-uri-language-server'], 'server/out/server.js');
  assert.equal(manifest.main, './client/out/extension.js');
  assert.match(manifest.engines.vscode, /^\^1\.100\./);
});

test('.vscodeignore is an allowlist', () => {
  const lines = readFileSync(path.join(root, '.vscodeignore'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  assert.equal(lines[0], '**');
  for (const line of lines.slice(1)) assert.ok(line.startsWith('!'), line);
});

test('the build checks that no code runs from strings (eval, Function, vm)', () => {
  assert.match(manifest.scripts.build, /check-no-eval\.mjs/);
});
