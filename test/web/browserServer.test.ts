/**
 * The language server built for a web worker, in headless Chromium, spoken to over postMessage:
 * diagnostics, hover and completion for a .env and a YAML document, a compose file checked with the
 * .env the client gives it (`mongodbUri/readFile`), projects known by the manifests the client gives,
 * and the SRV request saying it is not available.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startWebWorkerServer, type WebServer } from '../helpers/webWorkerServer';

const ENV_URI = 'vscode-vfs://github/acme/shop/.env';
const YAML_URI = 'vscode-vfs://github/acme/shop/deploy/values.yaml';
const COMPOSE_URI = 'vscode-vfs://github/acme/shop/compose.yaml';

describe('the web-worker language server', () => {
  let server: WebServer;
  before(async () => {
    server = await startWebWorkerServer();
    const init = await server.request('initialize', {
      processId: null,
      rootUri: 'vscode-vfs://github/acme/shop',
      capabilities: { textDocument: { hover: { contentFormat: ['markdown'] }, completion: { completionItem: { snippetSupport: true } } } },
      initializationOptions: { readFiles: true },
    });
    assert.equal(init.serverInfo.name, 'mongodb-uri-language-server');
    assert.ok(init.capabilities.hoverProvider && init.capabilities.completionProvider);
    await server.notify('initialized', {});
  });
  after(() => server?.close());

  const open = (uri: string, languageId: string, text: string) => server.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  const diagnosticsOf = (uri: string, what: string, predicate: (ds: any[]) => boolean = () => true) =>
    server.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && predicate(m.params.diagnostics), what).then((m) => m.params.diagnostics as any[]);

  it('starts and says it runs in a web worker', async () => {
    const log = await server.waitFor((m) => m.method === 'window/logMessage' && /started/.test(m.params.message), 'the start message');
    assert.match(log.params.message, /started \(a web worker\)/);
  });

  it('.env: diagnostics, hover and completion', async () => {
    const text = 'MONGODB_URI=mongodb://app:s3cret@db.example.com:70000/shop?retryWrite=true\n';
    await open(ENV_URI, 'dotenv', text);
    const ds = await diagnosticsOf(ENV_URI, 'diagnostics of the .env', (d) => d.length > 0);
    assert.deepEqual(ds.map((d) => d.code).sort(), ['option-unknown', 'port-invalid', 'tls-disabled']);
    const hover = await server.request('textDocument/hover', { textDocument: { uri: ENV_URI }, position: { line: 0, character: text.indexOf('db.example') + 2 } });
    assert.match(hover.contents.value, /db\.example\.com/);
    assert.ok(!hover.contents.value.includes('s3cret'));
    const list = await server.request('textDocument/completion', { textDocument: { uri: ENV_URI }, position: { line: 0, character: text.indexOf('retryWrite') } });
    const labels = (Array.isArray(list) ? list : list.items).map((i: any) => i.label);
    assert.ok(labels.includes('retryWrites'), labels.slice(0, 20).join(', '));
  });

  it('YAML: a near miss of the scheme, with its quick fix', async () => {
    const text = 'mongodb:\n  uri: "mongo://db.internal:27017/shop"\n';
    await open(YAML_URI, 'yaml', text);
    const ds = await diagnosticsOf(YAML_URI, 'diagnostics of the YAML document', (d) => d.length > 0);
    const scheme = ds.find((d) => d.code === 'scheme-invalid');
    assert.ok(scheme, JSON.stringify(ds));
    const actions = await server.request('textDocument/codeAction', { textDocument: { uri: YAML_URI }, range: scheme.range, context: { diagnostics: [scheme] } });
    assert.deepEqual(actions.map((a: any) => a.edit.changes[YAML_URI].map((e: any) => e.newText)), [['mongodb']]);
  });

  it('a compose file is checked with the .env the client reads for it', async () => {
    await server.setFiles({ 'vscode-vfs://github/acme/shop/.env.compose-test': '', 'vscode-vfs://github/acme/shop/.env': 'MONGO_PASSWORD=Zq7@word\n' });
    // The .env above is open with other text: the open text wins. Close it first so the file is read.
    await server.notify('textDocument/didClose', { textDocument: { uri: ENV_URI } });
    const text = 'services:\n  api:\n    environment:\n      MONGO_URL: mongodb://shop:${MONGO_PASSWORD}@mongo:27017/shop?authSource=admin\n';
    await open(COMPOSE_URI, 'dockercompose', text);
    const ds = await diagnosticsOf(COMPOSE_URI, 'the compose file checked with the .env', (d) => d.some((x: any) => x.code === 'userinfo-unescaped'));
    const problem = ds.find((d) => d.code === 'userinfo-unescaped');
    assert.equal(problem.relatedInformation[0].location.uri, 'vscode-vfs://github/acme/shop/.env');
    const asked = await server.waitFor((m) => m.method === 'mongodbUri/readFile' && m.params.uri.endsWith('/.env'), 'a readFile request of the .env');
    assert.equal(asked.params.uri, 'vscode-vfs://github/acme/shop/.env');
  });

  it("a project's manifests, read through the client, decide the driver profile and the limits of driver calls", async () => {
    await server.setFiles({
      'vscode-vfs://github/acme/node-app/package.json': JSON.stringify({ dependencies: { mongodb: '^6.8.0' } }),
      'vscode-vfs://github/acme/py-app/requirements.txt': 'fastapi==0.111.0\npymongo==4.7.2\n',
    });
    const env = 'MONGODB_URI=mongodb://db.example.com/shop?retryWrite=true&tls=true\n';
    await open('vscode-vfs://github/acme/node-app/config/.env', 'dotenv', env);
    await open('vscode-vfs://github/acme/plain/.env', 'dotenv', env);
    const unknownOption = async (uri: string) => (await diagnosticsOf(uri, `diagnostics of ${uri}`, (d) => d.length > 0)).find((d) => d.code === 'option-unknown');
    assert.equal((await unknownOption('vscode-vfs://github/acme/node-app/config/.env'))?.severity, 1, 'a Node.js project that uses the driver: its rules, an error');
    assert.equal((await unknownOption('vscode-vfs://github/acme/plain/.env'))?.severity, 2, 'no package.json: the specification, a warning');
    const asked = await server.waitFor((m) => m.method === 'mongodbUri/readFile' && m.params.uri === 'vscode-vfs://github/acme/node-app/package.json', 'the package.json asked for');
    assert.ok(asked);

    const python = 'def save(users):\n    users.insert_one({"name": "a", "name": "b"})\n';
    await open('vscode-vfs://github/acme/py-app/app/repository.py', 'python', python);
    const ds = await diagnosticsOf('vscode-vfs://github/acme/py-app/app/repository.py', 'the duplicate field of a PyMongo project', (d) => d.length > 0);
    assert.deepEqual(ds.map((d) => d.code), ['document-duplicate-field']);
  });

  it('the SRV request says DNS is not available here', async () => {
    const text = 'MONGODB_URI=mongodb+srv://cluster0.example.mongodb.net/shop\n';
    await open('vscode-vfs://github/acme/shop/srv.env', 'dotenv', text);
    await assert.rejects(server.request('mongodbUri/resolveSrv', { textDocument: { uri: 'vscode-vfs://github/acme/shop/srv.env' }, position: { line: 0, character: 30 } }), /needs DNS, which a web worker does not offer/);
  });
});
