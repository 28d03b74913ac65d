/**
 * The benchmark's LSP client: starts a server script (the product's server/out/server.js or the bare
 * bench/out/bareServer.js) over stdio, frames JSON-RPC itself, and notes the arrival time of every
 * publishDiagnostics without keeping the messages, so that thousands of them cost nothing to wait on.
 *
 * Every server started here is registered until it exits: `killAll()` ends those a section left
 * behind (timed out or failed), and they are ended when the benchmark process exits, whatever happened.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { now } from './measure';

interface Response {
  id: number;
  result?: unknown;
  error?: { code: number; message: string };
}

export interface Published {
  uri: string;
  version: number | undefined;
  diagnostics: number;
  /** now() when the message had arrived. */
  at: number;
}

export interface ServerMemory {
  /** VmRSS, MB. */
  rssMb: number;
  /** VmHWM (peak RSS since start), MB. */
  peakMb: number;
}

const live = new Set<BenchServer>();
process.on('exit', () => killAll());

/** Ends every server still running (a section that timed out or failed leaves its servers behind). */
export function killAll(): void {
  for (const server of [...live]) server.kill();
}

/** Resident memory of a process from /proc; NaN where /proc is missing. */
export function memoryOf(pid: number | undefined): ServerMemory {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
  } catch {
    return { rssMb: NaN, peakMb: NaN };
  }
}

export class BenchServer {
  /** Every publishDiagnostics received so far. */
  published = 0;
  /** The last publishDiagnostics of each document. */
  readonly lastPublished = new Map<string, Published>();
  /** Called for every publishDiagnostics, after it is recorded. */
  onPublish: ((p: Published) => void) | undefined;
  stderr = '';
  exited = false;

  private readonly chunks: Buffer[] = [];
  private buffered = 0;
  /** Length of the body being read, once its header has been read. */
  private bodyLength = -1;
  private nextId = 1;
  private readonly pending = new Map<number, (r: Response) => void>();
  private readonly waiters = new Set<{ uri: string; version: number | undefined; resolve: (p: Published) => void; reject: (e: Error) => void }>();
  private readonly exitWaiters: Array<() => void> = [];

  private constructor(readonly child: ChildProcessWithoutNullStreams) {
    live.add(this);
    child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text: string) => {
      if (this.stderr.length < 64 * 1024) this.stderr += text;
    });
    // A server that died leaves writes unanswered: what waits on it times out or is rejected.
    child.stdin.on('error', () => undefined);
    child.on('exit', () => {
      this.exited = true;
      live.delete(this);
      for (const resolve of this.pending.values()) resolve({ id: -1, error: { code: -1, message: 'the server exited' } });
      this.pending.clear();
      for (const w of [...this.waiters]) w.reject(new Error(`the server exited before publishing diagnostics for ${w.uri}`));
      this.waiters.clear();
      for (const w of this.exitWaiters.splice(0)) w();
    });
  }

  /** Spawns `node [nodeArgs] script --stdio`. */
  static start(script: string, nodeArgs: readonly string[] = []): BenchServer {
    const child = spawn(process.execPath, [...nodeArgs, script, '--stdio'], { stdio: 'pipe' }) as ChildProcessWithoutNullStreams;
    return new BenchServer(child);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  memory(): ServerMemory {
    return memoryOf(this.child.pid);
  }

  /** Sends a request; resolves with its result; rejects on an error answer, on exit, or after `timeoutMs`. */
  request<T = any>(method: string, params: unknown, timeoutMs = 30_000): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`no answer to ${method} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, (r) => {
        clearTimeout(timer);
        if (r.error) reject(new Error(`${method}: ${r.error.message} (${r.error.code})`));
        else resolve(r.result as T);
      });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** initialize (with the given capabilities and initializationOptions) + initialized. */
  async initialize(capabilities: object = {}, initializationOptions?: unknown, timeoutMs = 30_000): Promise<any> {
    const result = await this.request('initialize', { processId: process.pid, rootUri: null, capabilities, initializationOptions }, timeoutMs);
    this.notify('initialized', {});
    return result;
  }

  open(uri: string, languageId: string, text: string, version = 1): void {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /** Replaces one character at `position` by `text`. */
  replaceCharacter(uri: string, version: number, position: { line: number; character: number }, text: string): void {
    this.notify('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: position, end: { line: position.line, character: position.character + 1 } }, text }],
    });
  }

  /** The publishDiagnostics of `uri` for `version` (received before or after the call). */
  diagnosticsFor(uri: string, version: number | undefined, timeoutMs: number): Promise<Published> {
    const last = this.lastPublished.get(uri);
    if (last && last.version === version) return Promise.resolve(last);
    if (this.exited) return Promise.reject(new Error('the server has exited'));
    return new Promise((resolve, reject) => {
      const waiter = {
        uri,
        version,
        resolve: (p: Published) => {
          clearTimeout(timer);
          resolve(p);
        },
        reject: (e: Error) => {
          clearTimeout(timer);
          reject(e);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`no diagnostics for ${uri} version ${version} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** shutdown + exit; kills the server if it does not exit within `timeoutMs`. */
  async shutdown(timeoutMs = 10_000): Promise<void> {
    try {
      await this.request('shutdown', null, timeoutMs);
      this.notify('exit', null);
      await this.waitForExit(timeoutMs);
    } finally {
      this.kill();
    }
  }

  waitForExit(timeoutMs: number): Promise<boolean> {
    if (this.exited) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.exitWaiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  kill(): void {
    if (!this.exited) this.child.kill('SIGKILL');
  }

  private send(message: object): void {
    if (this.exited) return;
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  private receive(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    for (;;) {
      if (this.bodyLength < 0) {
        const head = this.take(0);
        const end = head.indexOf('\r\n\r\n');
        if (end < 0) return;
        const match = /Content-Length: *(\d+)/i.exec(head.subarray(0, end).toString('ascii'));
        this.bodyLength = match ? Number(match[1]) : 0;
        this.drop(head, end + 4);
      }
      if (this.buffered < this.bodyLength) return;
      const all = this.take(this.bodyLength);
      const body = all.subarray(0, this.bodyLength).toString('utf8');
      this.drop(all, this.bodyLength);
      this.bodyLength = -1;
      this.dispatch(body);
    }
  }

  /** The buffered bytes as one buffer (joined once, when at least `atLeast` bytes are there). */
  private take(atLeast: number): Buffer {
    if (this.chunks.length > 1 && this.buffered >= atLeast) {
      const joined = Buffer.concat(this.chunks, this.buffered);
      this.chunks.length = 0;
      this.chunks.push(joined);
    }
    return this.chunks[0] ?? Buffer.alloc(0);
  }

  private drop(joined: Buffer, count: number): void {
    const rest = joined.subarray(count);
    this.chunks.length = 0;
    if (rest.length > 0) this.chunks.push(rest);
    this.buffered = rest.length;
  }

  private dispatch(body: string): void {
    const at = now();
    let message: { id?: number | string | null; method?: string; params?: any; result?: unknown; error?: { code: number; message: string } };
    try {
      message = JSON.parse(body);
    } catch {
      return;
    }
    if (message.method !== undefined && message.id !== undefined && message.id !== null) {
      // A request of the server (registerCapability, workspace/configuration, ...): nothing to give.
      this.send({ jsonrpc: '2.0', id: message.id, result: null });
    } else if (message.method === 'textDocument/publishDiagnostics') {
      const p: Published = { uri: message.params.uri, version: message.params.version, diagnostics: message.params.diagnostics.length, at };
      this.published++;
      this.lastPublished.set(p.uri, p);
      for (const w of this.waiters) {
        if (w.uri === p.uri && w.version === p.version) {
          this.waiters.delete(w);
          w.resolve(p);
        }
      }
      this.onPublish?.(p);
    } else if (typeof message.id === 'number') {
      const resolve = this.pending.get(message.id);
      this.pending.delete(message.id);
      resolve?.({ id: message.id, result: message.result, error: message.error });
    }
  }
}

/** Zero-based line and character of `offset` in `text`, given the sorted offsets of its line starts. */
export function positionIn(lineStarts: readonly number[], offset: number): { line: number; character: number } {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - lineStarts[lo] };
}

export function lineStartsOf(text: string): number[] {
  const out = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) out.push(i + 1);
  return out;
}
