/**
 * The one way tests start a language server: `const client = await startServer(t, options)` spawns
 * the built server, registers its end with `t.after` before anything can fail (so the process is
 * killed whether the test passes, fails or throws), and sends initialize + initialized. The test
 * ends the server itself with `assert.equal(await client.shutdown(), 0)` where it checks a clean exit.
 */
import type { TestContext } from 'node:test';
import { configurationHandler, LspClient, type ServerRequestHandler, type StartOptions } from './lspClient';

export interface ServerOptions extends StartOptions {
  /** The client capabilities sent with initialize. */
  capabilities?: Record<string, any>;
  initializationOptions?: unknown;
  /**
   * The `mongodbUri` settings the client answers workspace/configuration with (or a function read at
   * each request, for settings that change). Given settings, the client declares `workspace.configuration`.
   */
  settings?: unknown;
}

/** Starts and initializes a server for the test `t`; the initialize result is `client.initializeResult`. */
export async function startServer(t: Pick<TestContext, 'after'>, options: ServerOptions = {}): Promise<LspClient> {
  const { capabilities = {}, initializationOptions, settings, onServerRequest, ...startOptions } = options;
  const client = LspClient.start({ ...startOptions, onServerRequest: answering(settings, onServerRequest) });
  t.after(() => client.kill());
  const declared = settings === undefined ? capabilities : { ...capabilities, workspace: { ...capabilities.workspace, configuration: true } };
  await client.initialize(declared, initializationOptions);
  return client;
}

function answering(settings: unknown, otherwise: ServerRequestHandler | undefined): ServerRequestHandler | undefined {
  if (settings === undefined) return otherwise;
  const configuration = configurationHandler(typeof settings === 'function' ? (settings as () => unknown) : () => settings);
  return (method, params) => (method === 'workspace/configuration' ? configuration(method, params) : otherwise?.(method, params) ?? null);
}
