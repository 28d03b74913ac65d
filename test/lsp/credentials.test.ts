/**
 * The password never leaves the server: not in hovers, completions, logs, messages or the describe request.
 * credentials-in-source follows the .gitignore files on disk, and their changes.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import { waitUntil } from '../helpers/repo';
import type { Connection } from 'vscode-languageserver';
import { nodePlatform } from '../../server/src/nodePlatform';
import { DocumentSettings } from '../../server/src/settings';
import { startServer } from '../helpers/server';
import { tempFolder } from '../helpers/files';

const PASSWORD = 'Zq9xSecr3tPw';
const uri = 'file:///p/src/db.ts';
const text = [
  `const a = "mongodb://admin:${PASSWORD}@db1.example.com:27017,db2.example.com:70000/sales?replicaSet=rs0&retryWrite=true&authSource=admin";`,
  `const b = 'mongodb+srv://svc:${PASSWORD}%40x@cluster0.abcde.mongodb.net:27017/?proxyHost=p&proxyPassword=${PASSWORD}';`,
  '',
].join('\n');

test('no hover, completion, log or describe answer contains the password', async (t) => {
  const client = await startServer(t, {
    capabilities: { textDocument: { hover: { contentFormat: ['markdown'] }, completion: { completionItem: { snippetSupport: true } } } },
  });
  client.openDocument(uri, 'typescript', text, 1);
  const published = await client.waitForDiagnostics(uri, 1);
  assert.ok(published.diagnostics.length > 0);
  for (const d of published.diagnostics) assert.ok(!d.message.includes(PASSWORD), `diagnostic message: ${d.message}`);

  const seen: string[] = [];
  const lines = text.split('\n');
  let hovers = 0;
  for (let line = 0; line < lines.length; line++) {
    for (let character = 0; character <= lines[line].length; character++) {
      const position = { line, character };
      const hover = await client.request('textDocument/hover', { textDocument: { uri }, position });
      if (hover) {
        hovers++;
        seen.push(hover.contents.value);
      }
      if (character % 7 === 0) {
        const list = await client.request('textDocument/completion', { textDocument: { uri }, position });
        for (const item of list.items) seen.push(item.label, item.detail ?? '', item.documentation?.value ?? '');
      }
      if (character % 11 === 0) {
        const d = await client.request('mongodbUri/describeConnectionString', { textDocument: { uri }, position });
        if (d) seen.push(JSON.stringify(d));
      }
    }
  }
  assert.ok(hovers > 100, `hovers answered: ${hovers}`);
  const describe = await client.request('mongodbUri/describeConnectionString', { textDocument: { uri }, position: { line: 0, character: 30 } });
  assert.equal(describe.password, '****');
  assert.match(describe.redacted, /admin:\*\*\*\*@db1/);
  assert.equal(describe.hosts.length, 2);
  assert.ok(seen.some((s) => s.includes('****')), 'the masked password is shown');
  for (const s of seen) assert.ok(!s.includes(PASSWORD), `leaked in: ${s.slice(0, 200)}`);
  for (const n of client.notifications) assert.ok(!JSON.stringify(n).includes(PASSWORD) || n.method === 'textDocument/publishDiagnostics', `leaked in ${n.method}`);
  assert.ok(!client.stderr.includes(PASSWORD), 'stderr');
  assert.equal(await client.shutdown(), 0);
});

describe('credentials-in-source follows the .gitignore files on disk', () => {
  const SECRET = 'Wq7xN2pR4tYb';
  const ENV = `MONGODB_URI=mongodb+srv://app:${SECRET}@cluster0.ab12c.mongodb.net/app\n`;
  const credentialWarnings = (published: { diagnostics: any[] }) => published.diagnostics.filter((d) => d.code === 'credentials-in-source').length;



  test('a tracked .env gets the warning, an ignored one does not; editing .gitignore changes it', async (t) => {
    const dir = tempFolder({ '.git/HEAD': 'ref: refs/heads/main\n', '.gitignore': 'node_modules/\n', 'deploy/.env': ENV, 'local/.env': ENV, 'local/.gitignore': '.env\n' });
    const client = await startServer(t, { capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } } });
    const tracked = pathToFileURL(path.join(dir, 'deploy', '.env')).href;
    const ignored = pathToFileURL(path.join(dir, 'local', '.env')).href;
    client.openDocument(tracked, 'dotenv', ENV, 1);
    client.openDocument(ignored, 'dotenv', ENV, 1);
    const first = await client.waitForDiagnostics(tracked, 1);
    assert.equal(credentialWarnings(first), 1, 'the tracked .env');
    assert.ok(first.diagnostics.every((d: any) => !d.message.includes(SECRET)));
    assert.equal(credentialWarnings(await client.waitForDiagnostics(ignored, 1)), 0, 'the ignored .env');

    // The server watches .gitignore files.
    const registration = await waitUntil(() => client.serverRequests.find((r) => r.method === 'client/registerCapability'), 'watcher registration');
    const globs = registration.params.registrations.flatMap((r: any) => r.registerOptions?.watchers?.map((w: any) => w.globPattern) ?? []);
    assert.ok(globs.includes('**/.gitignore'), JSON.stringify(globs));

    // The repository starts ignoring every .env: the tracked one is now ignored.
    writeFileSync(path.join(dir, '.gitignore'), 'node_modules/\n.env\n');
    const before = client.notificationsOf('textDocument/publishDiagnostics').length;
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path.join(dir, '.gitignore')).href, type: 2 }] });
    const after = await waitUntil(
      () => client.notificationsOf('textDocument/publishDiagnostics').slice(before).filter((p) => p.uri === tracked).pop(),
      'diagnostics after the .gitignore change',
    );
    assert.equal(credentialWarnings(after), 0, 'ignored now');

    // A .gitignore that stops ignoring the other one: it gets the warning.
    writeFileSync(path.join(dir, 'local', '.gitignore'), '!.env\n');
    const before2 = client.notificationsOf('textDocument/publishDiagnostics').length;
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path.join(dir, 'local', '.gitignore')).href, type: 2 }] });
    const again = await waitUntil(
      () => client.notificationsOf('textDocument/publishDiagnostics').slice(before2).filter((p) => p.uri === ignored).pop(),
      'diagnostics after the second .gitignore change',
    );
    assert.equal(credentialWarnings(again), 1, 'tracked now: a deeper .gitignore re-includes it');
    assert.equal(await client.shutdown(), 0);
  });

  test('a change of another file leaves what is known of the .gitignore files alone', async (t) => {
    const dir = tempFolder({ '.git/HEAD': '', '.gitignore': '', '.env': ENV });
    const client = await startServer(t);
    const uri = pathToFileURL(path.join(dir, '.env')).href;
    client.openDocument(uri, 'dotenv', ENV, 1);
    assert.equal(credentialWarnings(await client.waitForDiagnostics(uri, 1)), 1);
    writeFileSync(path.join(dir, '.gitignore'), '.env\n');
    // Not a .gitignore: nothing is looked at again, the cached answer stands.
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path.join(dir, 'notes.txt')).href, type: 2 }] });
    client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: ENV + '# edited\n' }] });
    assert.equal(credentialWarnings(await client.waitForDiagnostics(uri, 2)), 1);
    assert.equal(await client.shutdown(), 0);
  });
});

test('DocumentSettings: one derived settings object per combination, so that analyses are reused', async () => {
  const dir = tempFolder({ '.git/HEAD': 'ref: refs/heads/main\n', '.gitignore': 'ignored/\n' });
  const settings = new DocumentSettings({} as Connection, false, nodePlatform());
  const uri = (p: string) => pathToFileURL(path.join(dir, p)).href;
  const [a, b, c, d] = await Promise.all([settings.get(uri('a/.env')), settings.get(uri('b/.env')), settings.get(uri('ignored/.env')), settings.get(uri('ignored/x.json'))]);
  assert.equal(a.tracked, true);
  assert.equal(a, b, 'two tracked files share their settings');
  assert.equal(c.tracked, false);
  assert.equal(c, d);
  const untitled = await settings.get('untitled:Untitled-1');
  assert.equal(untitled.tracked, undefined);
  // After a .gitignore change the answers are read again; the objects of a combination stay the same.
  settings.ignoresChanged();
  assert.equal(await settings.get(uri('a/.env')), a);
});
