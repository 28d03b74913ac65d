import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { errorEndsConnection, RestartBudget } from '../../client/src/restartBudget';
import { repoRoot } from '../helpers/repo';

test('a stopped server is started again at most four times in three minutes', () => {
  const budget = new RestartBudget(4, 180_000);
  const t0 = 1_000_000;
  assert.deepEqual([1, 2, 3, 4].map((k) => budget.stopped(t0 + k * 1000)), [1, 2, 3, 4].map((count) => ({ count, restart: true })));
  assert.deepEqual(budget.stopped(t0 + 5000), { count: 5, restart: false }, 'the fifth stop within the window: left stopped');
});

test('stops older than the window no longer count', () => {
  const budget = new RestartBudget(4, 180_000);
  for (let k = 0; k < 4; k++) budget.stopped(k * 1000);
  assert.deepEqual(budget.stopped(3000 + 180_000), { count: 1, restart: true }, 'all earlier stops are more than three minutes old');
  for (let k = 0; k < 3; k++) assert.equal(budget.stopped(190_000 + k).restart, true);
  assert.deepEqual(budget.stopped(190_010), { count: 5, restart: false });
});

test('messages written to a server that was killed fail before the connection closes; none of those errors ends it', { timeout: 60_000 }, async () => {
  // The connection the language client makes (vscode-jsonrpc over the server's stdio), to the real server.
  const server = spawn(process.execPath, [path.join(repoRoot(), 'server', 'out', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  const counts: Array<number | undefined> = [];
  connection.onError(([, , count]) => counts.push(count));
  const closed = new Promise<void>((resolve) => connection.onClose(() => resolve()));
  connection.listen();
  await connection.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGKILL');
  await exited;
  // An editor sends what it has (changes, requests) until it learns that the server is gone.
  const text = `MONGODB_URI=mongodb://localhost/app\n${'#'.repeat(1 << 16)}\n`;
  for (let version = 1; version <= 6; version++) {
    connection.sendNotification('textDocument/didOpen', { textDocument: { uri: `file:///p/${version}.env`, languageId: 'dotenv', version, text } }).catch(() => undefined);
  }
  await closed;
  connection.dispose();
  assert.ok(counts.length > 3, `errors before the close: ${JSON.stringify(counts)}`);
  assert.ok(counts.some((c) => c === undefined || c > 3), `more failures than a count of three: ${JSON.stringify(counts)}`);
  assert.deepEqual(counts.filter((c) => errorEndsConnection(c)), [], 'the close, not an error, decides');
});
