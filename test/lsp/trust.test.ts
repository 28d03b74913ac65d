/**
 * What users must be able to trust, over LSP: the driver profile follows the project (driver "auto" and
 * the package.json beside the file), fixes for values that are neither true nor false offer both without
 * choosing, and no secret shows in a hover, wherever the cursor is, or in the description of a string.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test, type TestContext } from 'node:test';
import { startServer } from '../helpers/server';
import { tempFolder } from '../helpers/files';
import { waitUntil } from '../helpers/repo';
import { SECRET_CASES, secretsIn } from '../helpers/secrets';


const WATCHING = { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } };
/** journal=yes: drivers that follow the specification ignore it with a warning; the Node.js driver refuses it. */
const ENV = 'MONGODB_URI=mongodb://localhost:27017/shop?retryWrites=true&journal=yes\n';

describe('driver "auto"', () => {
  test('a file of a project that depends on mongodb is checked with the Node.js rules, and follows package.json', async (t) => {
    const dir = tempFolder({
      'package.json': JSON.stringify({ name: 'shop', dependencies: { mongodb: '^6.8.0' } }),
      'config/.env': ENV,
    });
    const client = await startServer(t, { capabilities: WATCHING, settings: { driver: 'auto' } });
    const uri = pathToFileURL(path.join(dir, 'config', '.env')).href;
    client.openDocument(uri, 'dotenv', ENV, 1);
    const node = await client.waitForDiagnostics(uri, 1);
    const severityOf = (ds: any[]) => ds.find((d) => d.code === 'option-invalid-value')?.severity;
    assert.equal(severityOf(node.diagnostics), 1, 'the Node.js driver refuses journal=yes: an error');

    const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 14 } });
    assert.match(hover.contents.value, /Node\.js driver \(auto: the nearest package\.json depends on mongodb or mongoose\)/);

    // The project drops the driver: the same file is checked with the specification's rules.
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'shop', dependencies: { express: '^4.0.0' } }));
    const before = client.notificationsOf('textDocument/publishDiagnostics').length;
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path.join(dir, 'package.json')).href, type: 2 }] });
    const spec = await client.waitForNotification('textDocument/publishDiagnostics', (p) => p.uri === uri && client.notificationsOf('textDocument/publishDiagnostics').length > before);
    assert.equal(severityOf(spec.diagnostics), 2, 'drivers that follow the specification ignore it: a warning');
    assert.equal(await client.shutdown(), 0);
  });

  test('JavaScript is checked with the Node.js rules without a package.json; "spec" overrides', async (t) => {
    const text = 'const uri = "mongodb://localhost/shop?journal=yes";\n';
    const auto = await startServer(t, { settings: { driver: 'auto' } });
    auto.openDocument('file:///nowhere/db.js', 'javascript', text, 1);
    assert.equal((await auto.waitForDiagnostics('file:///nowhere/db.js', 1)).diagnostics[0].severity, 1);
    const spec = await startServer(t, { settings: { driver: 'spec' } });
    spec.openDocument('file:///nowhere/db.js', 'javascript', text, 1);
    assert.equal((await spec.waitForDiagnostics('file:///nowhere/db.js', 1)).diagnostics[0].severity, 2);
  });
});

test('the limits of driver calls follow the project whatever the driver setting: a package.json that drops the driver drops them', async (t) => {
  const text = 'export const save = (users: Users) => users.insertOne({ name: "a", name: "b" });\n';
  const dir = tempFolder({
    'package.json': JSON.stringify({ name: 'shop', dependencies: { mongoose: '^8.5.0' } }),
    'src/users.ts': text,
  });
  const client = await startServer(t, { capabilities: WATCHING, settings: { driver: 'spec' } });
  const uri = pathToFileURL(path.join(dir, 'src', 'users.ts')).href;
  client.openDocument(uri, 'typescript', text, 1);
  const codes = (ds: any[]) => ds.map((d) => d.code);
  assert.deepEqual(codes((await client.waitForDiagnostics(uri, 1)).diagnostics), ['document-duplicate-field']);

  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'shop', dependencies: { pg: '^8.12.0' } }));
  const before = client.notificationsOf('textDocument/publishDiagnostics').length;
  client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path.join(dir, 'package.json')).href, type: 2 }] });
  const after = await client.waitForNotification('textDocument/publishDiagnostics', (p) => p.uri === uri && client.notificationsOf('textDocument/publishDiagnostics').length > before);
  assert.deepEqual(codes(after.diagnostics), [], 'a file that shows nothing of MongoDB, in a project without the driver');
  assert.equal(await client.shutdown(), 0);
});

/**
 * A Python file of a project whose manifest at `manifest` names no driver: no limit is checked in it;
 * then the manifest names one, the server is told, and the file's duplicate field is reported. Returns
 * the globs the server registered for the client to watch.
 */
async function limitsFollowManifest(t: TestContext, manifest: string, withoutDriver: string, withDriver: string): Promise<string[]> {
  const text = 'def save(users):\n    users.insert_one({"name": "a", "name": "b"})\n';
  const dir = tempFolder({ [manifest]: withoutDriver, 'app/repository.py': text });
  const client = await startServer(t, { capabilities: WATCHING });
  const uri = pathToFileURL(path.join(dir, 'app', 'repository.py')).href;
  client.openDocument(uri, 'python', text, 1);
  const codes = (ds: any[]) => ds.map((d) => d.code);
  assert.deepEqual(codes((await client.waitForDiagnostics(uri, 1)).diagnostics), [], `${manifest} names no driver`);
  const registration = await waitUntil(() => client.serverRequests.find((r) => r.method === 'client/registerCapability'), 'watcher registration');
  const globs: string[] = registration.params.registrations.flatMap((r: any) => r.registerOptions?.watchers?.map((w: any) => w.globPattern) ?? []);

  writeFileSync(path.join(dir, manifest), withDriver);
  const before = client.notificationsOf('textDocument/publishDiagnostics').length;
  client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path.join(dir, manifest)).href, type: 2 }] });
  const after = await client.waitForNotification('textDocument/publishDiagnostics', (p) => p.uri === uri && client.notificationsOf('textDocument/publishDiagnostics').length > before);
  assert.deepEqual(codes(after.diagnostics), ['document-duplicate-field'], `${manifest} names a driver`);
  assert.equal(await client.shutdown(), 0);
  return globs;
}

test('in Python, the limits of driver calls follow the nearest Python manifest', async (t) => {
  await limitsFollowManifest(t, 'requirements.txt', 'flask==3.0.3\n', 'flask==3.0.3\nflask-pymongo==2.3.0\n');
});

test('a requirements/ folder counts as a Python manifest, and its files are watched', async (t) => {
  const globs = await limitsFollowManifest(t, 'requirements/base.txt', 'flask==3.0.3\n', 'flask==3.0.3\npymongo==4.7.2\n');
  assert.ok(globs.includes('**/requirements/*.{txt,in}'), JSON.stringify(globs));
});

/**
 * A server whose client reads files (`mongodbUri/readFile`) and has `files` (URI → text); `diagnosticsOf`
 * opens `text` as a .env at a URI and gives its diagnostics.
 */
async function withClientFiles(t: TestContext, files: Record<string, string>, text: string) {
  const client = await startServer(t, {
    initializationOptions: { readFiles: true },
    onServerRequest: (method, params) => (method === 'mongodbUri/readFile' ? (params.uri in files ? { text: files[params.uri] } : {}) : null),
  });
  const diagnosticsOf = async (uri: string): Promise<any[]> => {
    client.openDocument(uri, 'dotenv', text, 1);
    return (await client.waitForDiagnostics(uri, 1)).diagnostics;
  };
  return { client, diagnosticsOf };
}

test('a document of a virtual workspace: its package.json is read through the client', async (t) => {
  const files = { 'vscode-vfs://github/acme/api/package.json': JSON.stringify({ dependencies: { mongoose: '^8.4.0' } }) };
  const { client, diagnosticsOf } = await withClientFiles(t, files, 'MONGODB_URI=mongodb://db.example.com/shop?retryWrite=true&tls=true\n');
  const severityIn = async (uri: string) => (await diagnosticsOf(uri)).find((d) => d.code === 'option-unknown')?.severity;
  assert.equal(await severityIn('vscode-vfs://github/acme/api/config/.env'), 1, 'a project that uses Mongoose: the Node.js driver\'s rules');
  assert.equal(await severityIn('vscode-vfs://github/acme/docs/.env'), 2, 'no package.json: the specification');
  assert.ok(client.serverRequests.some((r) => r.method === 'mongodbUri/readFile' && r.params.uri === 'vscode-vfs://github/acme/api/package.json'));
  assert.equal(await client.shutdown(), 0);
});

test('a .env of a GitHub repository opened as a virtual workspace is committed, unless its .gitignore says otherwise', async (t) => {
  const files = { 'vscode-vfs://github/acme/billing/.gitignore': 'local/\n' };
  const { client, diagnosticsOf } = await withClientFiles(t, files, 'MONGODB_URI=mongodb://billing:Qx7vR2mW9pLz@db.billing.example.com/billing?tls=true\n');
  const codesIn = async (uri: string) => {
    const diagnostics = await diagnosticsOf(uri);
    assert.ok(diagnostics.every((d) => !d.message.includes('Qx7vR2mW9pLz')));
    return diagnostics.map((d) => d.code);
  };
  assert.deepEqual(await codesIn('vscode-vfs://github/acme/billing/.env'), ['credentials-in-source'], 'a committed .env');
  assert.deepEqual(await codesIn('vscode-vfs://github/acme/billing/local/.env'), [], 'an ignored folder');
  assert.deepEqual(await codesIn('vscode-vfs://azurerepos/acme/billing/.env'), [], 'not known to be committed');
  assert.equal(await client.shutdown(), 0);
});

test('a boolean that is neither true nor false is offered both, neither preferred', async (t) => {
  const client = await startServer(t, { capabilities: { textDocument: { codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } } } } });
  const uri = 'file:///p/.env';
  client.openDocument(uri, 'dotenv', 'MONGODB_URI=mongodb://localhost/app?retryWrites=maybe\n', 1);
  const { diagnostics } = await client.waitForDiagnostics(uri, 1);
  const d = diagnostics.find((x: any) => x.code === 'option-invalid-value');
  const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } });
  assert.deepEqual(actions.map((a: any) => [a.title, a.isPreferred ?? false, a.edit.changes[uri][0].newText]), [
    ['Change to true', false, 'true'],
    ['Change to false', false, 'false'],
  ]);
});

test('no secret in any hover or description, wherever the cursor is', async (t) => {
  const client = await startServer(t);
  const leaks: string[] = [];
  let hovers = 0;
  for (const [n, c] of SECRET_CASES.entries()) {
    const uri = `file:///p/s${n}.env`;
    const text = `MONGODB_URI=${c.uri}\n`;
    client.openDocument(uri, 'dotenv', text, 1);
    const { diagnostics } = await client.waitForDiagnostics(uri, 1);
    for (const d of diagnostics) leaks.push(...secretsIn(d.message, c.secrets).map((s) => `${c.uri} diagnostic ${d.code}: ${s}`));
    for (let character = 0; character <= text.length - 1; character++) {
      const position = { line: 0, character };
      const hover = await client.request('textDocument/hover', { textDocument: { uri }, position });
      if (hover) {
        hovers++;
        leaks.push(...secretsIn(JSON.stringify(hover), c.secrets).map((s) => `${c.uri} hover at ${character}: ${s}`));
      }
      const described = await client.request('mongodbUri/describeConnectionString', { textDocument: { uri }, position });
      if (described) leaks.push(...secretsIn(JSON.stringify(described), c.secrets).map((s) => `${c.uri} description at ${character}: ${s}`));
    }
  }
  assert.deepEqual(leaks, []);
  assert.ok(hovers > SECRET_CASES.length * 10, `hovers were shown (${hovers})`);
});

test('no false alarms on manifests, lockfiles, prose and other URLs', async (t) => {
  const client = await startServer(t);
  const documents: Array<[string, string, string]> = [
    ['file:///shop/package.json', 'json', JSON.stringify({ name: 'shop', dependencies: { mongodb: '^6.8.0', 'mongodb-connection-string-url': '^3.0.1' } }, null, 2)],
    ['file:///shop/package-lock.json', 'json', JSON.stringify({ packages: { 'node_modules/mongoose': { funding: { type: 'opencollective', url: 'https://opencollective.com/mongoose' } } } }, null, 2)],
    ['file:///shop/README.md', 'markdown', '# Shop\n\nMONGODB_URI=specifies mongo connection uri of the mongoDB database\n\n```\nMONGODB_URI=mongodb+srv://<username>:<password>@<cluster-url>/<dbname>\n```\n'],
    ['file:///shop/k8s/configmap.yaml', 'yaml', 'kind: ConfigMap\ndata:\n  database_url: mongo\n  MONGODB_METRICS_URL: https://cloud.mongodb.com/api/atlas/v2/groups\n'],
  ];
  for (const [uri, languageId, text] of documents) {
    client.openDocument(uri, languageId, text, 1);
    const { diagnostics } = await client.waitForDiagnostics(uri, 1);
    assert.deepEqual(diagnostics.filter((d: any) => d.severity <= 2).map((d: any) => `${d.code}: ${d.message}`), [], uri);
  }
  // A real mistake in the scripts of the same manifest is still found.
  const manifest = JSON.stringify({ name: 'shop', scripts: { seed: 'MONGO_URL=mongodb://localhost:70000/shop node seed.js' } }, null, 2);
  client.openDocument('file:///shop2/package.json', 'json', manifest, 1);
  const { diagnostics } = await client.waitForDiagnostics('file:///shop2/package.json', 1);
  assert.deepEqual(diagnostics.map((d: any) => d.code), ['port-invalid']);
});
