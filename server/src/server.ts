/**
 * mongodb-uri-language-server: the language server over stdio (default) or Node IPC.
 *
 *   mongodb-uri-language-server [--stdio | --node-ipc | --socket=PORT | --pipe=NAME]
 */
import { createConnection, ProposedFeatures, StreamMessageWriter, type Connection } from 'vscode-languageserver/node';
import { FrameChecker } from './framing';
import { StdioMessageReader } from './messageReader';
import { startServer } from './startServer';
import { nodePlatform } from './nodePlatform';
import { describeError } from './redact';
import { version } from './version';

const TRANSPORTS = ['--stdio', '--node-ipc', '--socket', '--pipe'];
const args = process.argv.slice(2);

if (args.includes('--version')) {
  process.stdout.write(`${version}\n`);
  process.exit(0);
}
if (args.includes('--help')) {
  process.stdout.write(
    'Usage: mongodb-uri-language-server [--stdio | --node-ipc | --socket=PORT | --pipe=NAME]\n' +
      'Speaks the Language Server Protocol; stdio when no transport is given.\n',
  );
  process.exit(0);
}
if (!args.some((arg) => TRANSPORTS.includes(arg.split('=')[0]))) {
  // The connection reads its transport from the command line.
  process.argv.push('--stdio');
}

/**
 * Over stdio, the input passes a framing check first (see framing.ts) and is read by a reader that keeps
 * no copy of a large message beyond its body and its text (see messageReader.ts); console output goes to
 * the client's log, as stdout carries only LSP messages. Other transports are vscode-languageserver's own.
 */
const stdio = args.includes('--stdio') || process.argv.includes('--stdio');
let connection: Connection;
if (stdio) {
  const input = new FrameChecker((problem) => connection.console.error(problem));
  process.stdin.pipe(input);
  const reader = new StdioMessageReader(input);
  connection = createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(process.stdout));
  // As vscode-languageserver does for the streams it reads itself: the server ends with its input,
  // successfully once it was asked to shut down.
  const exitWithInput = () => process.exit(reader.shutdownRead ? 0 : 1);
  input.on('end', exitWithInput);
  input.on('close', exitWithInput);
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    console[level] = (...data: unknown[]) => connection.console[level === 'debug' ? 'log' : level](data.map(String).join(' '));
  }
} else {
  connection = createConnection(ProposedFeatures.all);
}

process.on('uncaughtException', (err) => connection.console.error(`Uncaught exception: ${describeError(err)}`));
process.on('unhandledRejection', (reason) => connection.console.error(`Unhandled rejection: ${describeError(reason)}`));

startServer(connection, nodePlatform());
