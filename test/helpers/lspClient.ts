/**
 * A small LSP client for tests: spawns the built server over stdio (framing and parsing JSON-RPC
 * Content-Length messages itself) or over Node IPC (as VS Code starts it), answers the server's
 * requests, and records every notification so tests can wait for one by predicate.
 *
 * Tests start servers with `startServer` from ./server, which also initializes and ends them.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './repo';

export interface Message {
  jsonrpc: '2.0';
  id?: number | string | null;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
}

export interface Notification {
  method: string;
  params: any;
}

export interface ServerRequest {
  method: string;
  params: any;
}

/** Answers a request of the server (workspace/configuration, client/registerCapability, ...). */
export type ServerRequestHandler = (method: string, params: any) => unknown;

export class ResponseErrorFromServer extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

/** How messages travel: Content-Length framed over stdin/stdout, or Node IPC messages (`--node-ipc`). */
export type Transport = 'stdio' | 'node-ipc';

export interface StartOptions {
  /** stdio unless told otherwise. */
  transport?: Transport;
  /** Arguments of the server script; by default the transport's flag (`--stdio` or `--node-ipc`). */
  args?: string[];
  /** Options for node itself, before the server script (`--require`, `--max-old-space-size`). */
  nodeArgs?: string[];
  /** Leave out the preload that makes every DNS look-up and network connection of the server fail loudly. */
  allowNetwork?: boolean;
  env?: NodeJS.ProcessEnv;
  onServerRequest?: ServerRequestHandler;
}

/** Preloaded into every server the tests start (unless allowNetwork): normal work never touches the network. */
export const NO_NETWORK_PRELOAD = path.join(repoRoot(), 'test', 'helpers', 'noNetwork.cjs');
/** Forbids the network like NO_NETWORK_PRELOAD, but answers SRV and TXT look-ups from a table (fakeDns.cjs). */
export const FAKE_DNS_PRELOAD = path.join(repoRoot(), 'test', 'helpers', 'fakeDns.cjs');

/** Servers still running: ended when the test process exits, whatever happened to the test that started them. */
const running = new Set<LspClient>();
process.on('exit', () => {
  for (const client of running) client.kill();
});

export class LspClient {
  readonly notifications: Notification[] = [];
  readonly serverRequests: ServerRequest[] = [];
  /** Everything the server wrote to stdout that was not a well-formed LSP message (over IPC: anything on stdout). */
  readonly protocolErrors: string[] = [];
  stderr = '';
  exitCode: number | null | undefined = undefined;
  /** The result of initialize, once `initialize` has had it. */
  initializeResult: any = undefined;

  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (m: Message) => void; reject: (e: Error) => void }>();
  /** Called after every notification: waiters check their predicate at once instead of polling. */
  private readonly notificationListeners = new Set<() => void>();
  private readonly exited: Promise<number | null>;

  private constructor(
    readonly child: ChildProcessWithoutNullStreams,
    readonly transport: Transport,
    private readonly onServerRequest: ServerRequestHandler,
  ) {
    running.add(this);
    if (transport === 'node-ipc') {
      child.on('message', (message) => this.dispatch(message as Message));
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (text: string) => this.protocolErrors.push(`stdout: ${text}`));
    } else {
      child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    }
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text: string) => (this.stderr += text));
    this.exited = new Promise((resolve) => {
      child.on('exit', (code) => {
        running.delete(this);
        this.exitCode = code;
        for (const { reject } of this.pending.values()) reject(new Error(`Server exited (${code}) before answering`));
        this.pending.clear();
        resolve(code);
      });
    });
  }

  /** Spawns the server; nothing is sent yet. Tests use `startServer` (./server), which builds on this. */
  static start(options: StartOptions = {}): LspClient {
    const server = path.join(repoRoot(), 'server', 'out', 'server.js');
    const transport = options.transport ?? 'stdio';
    const preload = options.allowNetwork ? [] : ['--require', NO_NETWORK_PRELOAD];
    const args = options.args ?? [transport === 'node-ipc' ? '--node-ipc' : '--stdio'];
    const child = spawn(process.execPath, [...preload, ...(options.nodeArgs ?? []), server, ...args], {
      stdio: transport === 'node-ipc' ? ['pipe', 'pipe', 'pipe', 'ipc'] : 'pipe',
      env: options.env ?? process.env,
    }) as ChildProcessWithoutNullStreams;
    return new LspClient(child, transport, options.onServerRequest ?? (() => null));
  }

  /** Sends a request; resolves with the whole response message (result or error). */
  requestRaw(method: string, params: unknown, timeoutMs = 5000): Promise<Message> {
    const id = this.nextId++;
    return new Promise<Message>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`No answer to ${method} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  /** Sends a request; resolves with its result, rejects with ResponseErrorFromServer on an error answer. */
  async request<T = any>(method: string, params: unknown, timeoutMs?: number): Promise<T> {
    const response = await this.requestRaw(method, params, timeoutMs);
    if (response.error) throw new ResponseErrorFromServer(response.error.code, response.error.message);
    return response.result as T;
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** Resolves with the first notification (received before or after the call) that matches. */
  waitForNotification(method: string, predicate: (params: any) => boolean = () => true, timeoutMs = 5000): Promise<any> {
    const matches = (n: Notification) => n.method === method && predicate(n.params);
    const found = this.notifications.find(matches);
    if (found) return Promise.resolve(found.params);
    return new Promise((resolve, reject) => {
      const listener = () => {
        const n = this.notifications[this.notifications.length - 1];
        if (!n || !matches(n)) return;
        done();
        resolve(n.params);
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for a ${method} notification`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.notificationListeners.delete(listener);
      };
      this.notificationListeners.add(listener);
    });
  }

  /** Diagnostics published for a document at a given version. */
  waitForDiagnostics(uri: string, version?: number, timeoutMs?: number): Promise<{ uri: string; version?: number; diagnostics: any[] }> {
    return this.waitForNotification(
      'textDocument/publishDiagnostics',
      (p) => p.uri === uri && (version === undefined || p.version === version),
      timeoutMs,
    );
  }

  notificationsOf(method: string): any[] {
    return this.notifications.filter((n) => n.method === method).map((n) => n.params);
  }

  /** initialize + initialized; resolves with the initialize result. */
  async initialize(capabilities: object = {}, initializationOptions?: unknown): Promise<any> {
    const result = await this.request('initialize', {
      processId: process.pid,
      clientInfo: { name: 'lsp-test-client' },
      rootUri: null,
      capabilities,
      initializationOptions,
    });
    this.initializeResult = result;
    this.notify('initialized', {});
    return result;
  }

  openDocument(uri: string, languageId: string, text: string, version = 1): void {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /** shutdown + exit; resolves with the exit code. */
  async shutdown(timeoutMs = 5000): Promise<number | null> {
    await this.request('shutdown', null, timeoutMs);
    this.notify('exit', null);
    return this.waitForExit(timeoutMs);
  }

  waitForExit(timeoutMs = 5000): Promise<number | null> {
    return Promise.race([
      this.exited,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`Server did not exit within ${timeoutMs} ms`)), timeoutMs).unref()),
    ]);
  }

  /** Ends the server if it still runs (for cleanup after a failed test). */
  kill(): void {
    if (this.exitCode === undefined) this.child.kill();
  }

  private send(message: Message): void {
    if (this.transport === 'node-ipc') {
      // Once the server has gone, messages are dropped (as a closed pipe drops them); waiters time out or are rejected.
      if (this.child.connected) this.child.send(message);
      return;
    }
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const match = /^Content-Length: *(\d+)$/im.exec(header);
      if (!match) {
        this.protocolErrors.push(`Bad header: ${JSON.stringify(header)}`);
        this.buffer = this.buffer.subarray(headerEnd + 4);
        continue;
      }
      const length = Number(match[1]);
      const bodyStart = headerEnd + 4;
      if (this.buffer.length < bodyStart + length) return;
      const body = this.buffer.subarray(bodyStart, bodyStart + length).toString('utf8');
      this.buffer = this.buffer.subarray(bodyStart + length);
      let message: Message;
      try {
        message = JSON.parse(body) as Message;
      } catch {
        this.protocolErrors.push(`Bad body: ${body}`);
        continue;
      }
      this.dispatch(message);
    }
  }

  private dispatch(message: Message): void {
    if (message.method !== undefined && message.id !== undefined && message.id !== null) {
      this.serverRequests.push({ method: message.method, params: message.params });
      void this.answerServerRequest(message);
    } else if (message.method !== undefined) {
      this.notifications.push({ method: message.method, params: message.params });
      for (const listener of [...this.notificationListeners]) listener();
    } else if (typeof message.id === 'number') {
      const waiter = this.pending.get(message.id);
      this.pending.delete(message.id);
      waiter?.resolve(message);
    }
  }

  private async answerServerRequest(message: Message): Promise<void> {
    try {
      const result = await this.onServerRequest(message.method as string, message.params);
      this.send({ jsonrpc: '2.0', id: message.id, result: result ?? null });
    } catch (err) {
      this.send({ jsonrpc: '2.0', id: message.id, error: { code: -32603, message: String(err) } });
    }
  }
}

/** Answers workspace/configuration with the given `mongodbUri` settings for every item. */
export function configurationHandler(getSettings: () => unknown): ServerRequestHandler {
  return (method, params) => {
    if (method === 'workspace/configuration') return (params.items as unknown[]).map(() => getSettings());
    return null;
  };
}

/** Zero-based position of the first occurrence of `needle` in `text` (plus `delta` characters). */
export function positionOf(text: string, needle: string, delta = 0): { line: number; character: number } {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`'${needle}' not in the text`);
  const before = text.slice(0, index + delta);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - (before.lastIndexOf('\n') + 1) };
}
