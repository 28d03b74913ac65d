/**
 * The web-worker build of the language server (server/out/browserServer.js) started in headless
 * Chromium, as VS Code for the Web starts it: a page served from 127.0.0.1 makes a Worker of the bundle
 * and relays LSP messages (plain JSON objects, no framing) between the worker and this test over
 * postMessage. Requests of the server to the client (`workspace/configuration`, `mongodbUri/readFile`)
 * are answered in the page from what the test gives.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { repoRoot } from './repo';

export const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';

const PAGE = `<!doctype html><meta charset="utf-8"><title>web worker server</title><script>
  window.received = [];
  window.files = {};
  window.worker = new Worker('/browserServer.js');
  window.worker.onmessage = (event) => {
    const m = event.data;
    if (m && m.method !== undefined && m.id !== undefined) {
      // A request of the server: answered here, and kept for the test to see.
      let result = null;
      if (m.method === 'mongodbUri/readFile') result = m.params.uri in window.files ? { text: window.files[m.params.uri] } : {};
      else if (m.method === 'workspace/configuration') result = m.params.items.map(() => null);
      window.worker.postMessage({ jsonrpc: '2.0', id: m.id, result });
    }
    window.received.push(m);
  };
  window.worker.onerror = (event) => window.received.push({ workerError: String(event.message) });
</script>`;

export interface WebServer {
  page: Page;
  send(message: object): Promise<void>;
  request<T = any>(method: string, params: unknown): Promise<T>;
  notify(method: string, params: unknown): Promise<void>;
  /** Polls the messages received until `predicate` matches one (never a fixed sleep). */
  waitFor<T = any>(predicate: (m: any) => boolean, what: string, timeoutMs?: number): Promise<T>;
  /** Files the page answers `mongodbUri/readFile` with. */
  setFiles(files: Record<string, string>): Promise<void>;
  close(): Promise<void>;
}

export async function startWebWorkerServer(): Promise<WebServer> {
  const bundle = readFileSync(path.join(repoRoot(), 'server', 'out', 'browserServer.js'));
  const http: Server = createServer((req, res) => {
    if (req.url === '/browserServer.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(bundle);
    } else {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(PAGE);
    }
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const port = (http.address() as AddressInfo).port;
  const profile = mkdtempSync(path.join(os.tmpdir(), 'mongodb-uri-web-'));
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      env: { ...process.env, XDG_CONFIG_HOME: path.join(profile, 'config'), XDG_CACHE_HOME: path.join(profile, 'cache') },
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  } catch (err) {
    http.close();
    rmSync(profile, { recursive: true, force: true });
    throw new Error(`Chromium (${CHROMIUM}) did not start: run \`bash scripts/e2e-setup.sh\` first. ${String(err)}`);
  }
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  let nextId = 1;
  const server: WebServer = {
    page,
    send: (message) => page.evaluate((m) => (globalThis as any).worker.postMessage(m), message),
    notify: (method, params) => server.send({ jsonrpc: '2.0', method, params }),
    async request(method, params) {
      const id = nextId++;
      await server.send({ jsonrpc: '2.0', id, method, params });
      const response = await server.waitFor((m) => m && m.id === id && m.method === undefined, `the response to ${method}`);
      if (response.error) throw new Error(`${method}: ${response.error.message}`);
      return response.result;
    },
    async waitFor(predicate, what, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      let seen = 0;
      for (;;) {
        const received: any[] = await page.evaluate(() => (globalThis as any).received);
        const error = received.find((m) => m && m.workerError);
        if (error) throw new Error(`The worker failed: ${error.workerError}`);
        const found = received.slice(seen).find(predicate) ?? received.find(predicate);
        if (found) return found;
        seen = received.length;
        if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}; received ${JSON.stringify(received).slice(0, 2000)}`);
        await page.waitForTimeout(20);
      }
    },
    setFiles: (files) => page.evaluate((f) => Object.assign((globalThis as any).files, f), files),
    async close() {
      await browser?.close();
      http.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
  return server;
}
