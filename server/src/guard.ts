/**
 * Every LSP handler runs inside a guard: an exception is logged and answered with an empty result
 * (or the ResponseError it was), so one bad request or document never takes the server down.
 */
import { ErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver';
import { describeError } from './redact';

export function guardRequest<P, R>(
  connection: Connection,
  name: string,
  emptyResult: R,
  handler: (params: P, token: CancellationToken) => R | Promise<R>,
): (params: P, token: CancellationToken) => Promise<R | ResponseError<void>> {
  return async (params: P, token: CancellationToken) => {
    try {
      return await handler(params, token);
    } catch (err) {
      if (err instanceof ResponseError) return err as ResponseError<void>;
      connection.console.error(`${name} failed: ${describeError(err)}`);
      return emptyResult;
    }
  };
}

export function guardNotification<P>(connection: Connection, name: string, handler: (params: P) => unknown): (params: P) => void {
  return (params: P) => {
    try {
      const result = handler(params);
      if (result instanceof Promise) {
        result.catch((err: unknown) => connection.console.error(`${name} failed: ${describeError(err)}`));
      }
    } catch (err) {
      connection.console.error(`${name} failed: ${describeError(err)}`);
    }
  };
}

/** Checks the parts of `textDocument/*` params the handlers read; a malformed request gets InvalidParams. */
export function requireTextDocumentPosition(params: unknown): { uri: string; line: number; character: number } {
  const p = params as { textDocument?: { uri?: unknown }; position?: { line?: unknown; character?: unknown } } | null;
  const uri = p?.textDocument?.uri;
  const line = p?.position?.line;
  const character = p?.position?.character;
  if (typeof uri !== 'string' || !isIndex(line) || !isIndex(character)) {
    throw new ResponseError(ErrorCodes.InvalidParams, 'Expected { textDocument: { uri }, position: { line, character } }.');
  }
  return { uri, line, character };
}

export function requireTextDocumentRange(params: unknown): { uri: string } {
  const p = params as { textDocument?: { uri?: unknown }; range?: unknown } | null;
  const uri = p?.textDocument?.uri;
  if (typeof uri !== 'string' || typeof p?.range !== 'object' || p.range === null) {
    throw new ResponseError(ErrorCodes.InvalidParams, 'Expected { textDocument: { uri }, range }.');
  }
  return { uri };
}

function isIndex(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}
