import { occurrences } from '../uri/options';
import { RuleContext } from './context';

/** mongodb+srv: one DNS name, no port; SRV-only options only with mongodb+srv (DNS seed list spec). */
export function checkSrv(ctx: RuleContext): void {
  const uri = ctx.uri;
  if (uri.scheme.kind === 'mongodb+srv') {
    // Under the Node profile the driver's own split decides (its URL layer rejects extra hosts and any ":").
    const node = ctx.node && !ctx.node.rejection ? 'warning' : 'error';
    const [first, ...rest] = uri.hosts;
    if (rest.length > 0) {
      ctx.report(
        'srv-host-count',
        { start: rest[0].span.start - 1, end: rest[rest.length - 1].span.end },
        `mongodb+srv takes exactly one host name (the DNS name whose SRV records list the servers); ${uri.hosts.length} are given.`,
        { node },
      );
    }
    if (first?.port) {
      ctx.report('srv-port', { start: first.port.span.start - 1, end: first.port.span.end }, 'A mongodb+srv host name takes no port: the ports come from the SRV records. Remove it.', {
        node,
        data: { replacement: '', title: 'Remove the port' },
      });
    }
    if (first && first.type !== 'hostname') {
      const what = first.type === 'unix' ? 'a UNIX socket path' : first.type === 'ip_literal' ? 'an IP literal' : 'an IP address';
      // The Node.js driver only looks at the host when it resolves SRV records, but it rejects any ":" at once.
      ctx.report('srv-host-invalid', first.host.span, `mongodb+srv needs a DNS host name with SRV records, not ${what}. Use mongodb:// instead.`, { node });
    }
    return;
  }
  if (uri.scheme.kind !== 'mongodb') return;
  for (const name of ['srvMaxHosts', 'srvServiceName']) {
    for (const o of occurrences(ctx.options, name)) {
      ctx.report('srv-option-without-srv', o.part.span, `${name} only applies to mongodb+srv:// connection strings.`, {
        data: { replacement: '', title: `Remove ${name}` },
      });
    }
  }
}
