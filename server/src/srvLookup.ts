/**
 * The one place the language server uses the network: the SRV and TXT look-up behind the
 * "MongoDB: Resolve SRV Record" command, run only when the user asks and `mongodbUri.allowNetwork`
 * is true. Normal analysis never gets here (the LSP tests run the server with DNS and sockets forbidden).
 */
import { checkSrvAnswer, srvQueryName, type SrvCheck } from './service/features/srvRecords';
import { message } from './service/languageService';

const TIMEOUT_MS = 5000;

/** Looks up the SRV and TXT records of a mongodb+srv:// host and checks them as a driver would. */
export async function resolveSrv(host: string): Promise<SrvCheck> {
  // Loaded here, not at start: a server that is never asked does not even load the DNS module.
  const { promises: dns } = await import('node:dns');
  const resolver = new dns.Resolver({ timeout: TIMEOUT_MS, tries: 2 });
  const [records, txt] = await Promise.all([
    resolver.resolveSrv(srvQueryName(host)).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOTFOUND' || err.code === 'ENODATA') return [];
      throw new Error(message('request.srvLookupFailed', { query: srvQueryName(host), error: err.code ?? err.message }));
    }),
    resolver.resolveTxt(host).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOTFOUND' || err.code === 'ENODATA') return [];
      throw new Error(message('request.txtLookupFailed', { host, error: err.code ?? err.message }));
    }),
  ]);
  return checkSrvAnswer(host, records, txt);
}
