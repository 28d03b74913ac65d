import { effective } from '../uri/options';
import { RuleContext } from './context';

const LOCAL = /^(localhost|127(?:\.\d{1,3}){3}|::1|0\.0\.0\.0|host\.docker\.internal)$/i;

/** Opinions, never more than information: TLS turned off for a remote host. */
export function checkAdvice(ctx: RuleContext): void {
  const uri = ctx.uri;
  const tls = effective(ctx.options, 'tls') ?? effective(ctx.options, 'ssl');
  if (tls?.value !== false) return;
  const remote = uri.hosts.some((h) => h.type !== 'unix' && !LOCAL.test(h.host.value) && h.host.value.includes('.'));
  if (remote || uri.scheme.kind === 'mongodb+srv') {
    ctx.report('tls-disabled', tls.part.span, 'TLS is off: credentials and data cross the network unencrypted.', { node: 'none' });
  }
}
