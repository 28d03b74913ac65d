import { anyOf, occurrencesOf, OPT } from '../uri/options';
import { RuleContext } from './context';
import { message } from '../data/l10n';

const SRV_OPTIONS = [
  { name: 'srvMaxHosts', option: OPT.srvMaxHosts },
  { name: 'srvServiceName', option: OPT.srvServiceName },
] as const;
const SRV_OPTION_BITS = anyOf(OPT.srvMaxHosts, OPT.srvServiceName);

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
        message('srv.hostCount', { count: uri.hosts.length }),
        { node },
      );
    }
    if (first?.port) {
      ctx.report('srv-port', { start: first.port.span.start - 1, end: first.port.span.end }, message('srv.port'), {
        node,
        data: { replacement: '', title: message('fix.removePort') },
      });
    }
    if (first && first.type !== 'hostname') {
      const what = first.type === 'unix' ? message('srv.what.socket') : first.type === 'ip_literal' ? message('srv.what.ipLiteral') : message('srv.what.ipAddress');
      // The Node.js driver only looks at the host when it resolves SRV records, but it rejects any ":" at once.
      ctx.report('srv-host-invalid', first.host.span, message('srv.hostInvalid', { what }), { node });
    }
    return;
  }
  if (uri.scheme.kind !== 'mongodb' || (ctx.options.present & SRV_OPTION_BITS) === 0) return;
  for (const { name, option } of SRV_OPTIONS) {
    for (const o of occurrencesOf(ctx.options, option)) {
      ctx.report('srv-option-without-srv', o.part.span, message('srv.optionWithoutSrv', { name }), {
        data: { replacement: '', title: message('fix.removeName', { name }) },
      });
    }
  }
}
