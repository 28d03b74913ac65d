// Measures the language server's start: from spawning `node server/out/server.js --stdio`
// to the reply to `initialize`, over several runs.
//
//   node bench/startup.mjs [runs=10]
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const server = path.join(root, 'server', 'out', 'server.js');
const runs = Number(process.argv[2] ?? 10);

function frame(message) {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
}

/** Spawns the server, returns the milliseconds until the initialize reply, then shuts it down. */
function measureOnce() {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    let buffer = Buffer.alloc(0);
    let elapsed;
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error('No initialize reply within 10 s'));
    }, 10_000);
    child.stdout.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const headerEnd = buffer.indexOf('\r\n\r\n');
        if (headerEnd < 0) return;
        const length = Number(/Content-Length: *(\d+)/i.exec(buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
        if (buffer.length < headerEnd + 4 + length) return;
        const message = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
        buffer = buffer.subarray(headerEnd + 4 + length);
        if (message.id === 1) {
          elapsed = Number(process.hrtime.bigint() - started) / 1e6;
          child.stdin.write(frame({ jsonrpc: '2.0', method: 'initialized', params: {} }));
          child.stdin.write(frame({ jsonrpc: '2.0', id: 2, method: 'shutdown', params: null }));
        } else if (message.id === 2) {
          child.stdin.write(frame({ jsonrpc: '2.0', method: 'exit', params: null }));
        }
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (elapsed === undefined) reject(new Error(`Server exited (${code}) before replying`));
      else if (code !== 0) reject(new Error(`Server exited with ${code}`));
      else resolve(elapsed);
    });
    child.stdin.write(
      frame({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } }),
    );
  });
}

const times = [];
await measureOnce(); // warm the file system cache
for (let i = 0; i < runs; i++) times.push(await measureOnce());
times.sort((a, b) => a - b);
const mean = times.reduce((a, b) => a + b, 0) / times.length;
const median = times[Math.floor(times.length / 2)];
const f = (ms) => `${ms.toFixed(1)} ms`;
console.log(`Server start → initialize reply over ${runs} runs (Node ${process.version}):`);
console.log(`  mean ${f(mean)}, median ${f(median)}, min ${f(times[0])}, max ${f(times[times.length - 1])}`);
