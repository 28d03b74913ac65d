import { effectiveOf, occurrencesOf, OPT, ResolvedOption, RuleOption } from '../uri/options';
import { RuleContext } from './context';
import { message } from '../data/l10n';

const TLS_PAIRS: ReadonlyArray<[string, string]> = [
  ['tlsInsecure', 'tlsAllowInvalidCertificates'],
  ['tlsInsecure', 'tlsAllowInvalidHostnames'],
  ['tlsInsecure', 'tlsDisableOCSPEndpointCheck'],
  ['tlsInsecure', 'tlsDisableCertificateRevocationCheck'],
  ['tlsAllowInvalidCertificates', 'tlsDisableOCSPEndpointCheck'],
  ['tlsAllowInvalidCertificates', 'tlsDisableCertificateRevocationCheck'],
  ['tlsDisableOCSPEndpointCheck', 'tlsDisableCertificateRevocationCheck'],
];

const TLS_PAIR_NAMES: readonly string[] = [...new Set(TLS_PAIRS.flat())];
const TLS_PAIR_OPTIONS: readonly RuleOption[] = TLS_PAIR_NAMES.map((name) => OPT[name as keyof typeof OPT]);
/** Any option of the pairs given: then the pairs are looked at. */
const TLS_PAIR_BITS = TLS_PAIR_OPTIONS.reduce((bits, o) => bits | o.bit, 0);

function present(ctx: RuleContext, option: RuleOption): readonly ResolvedOption[] {
  const all = occurrencesOf(ctx.options, option);
  // Most options are absent: no array for them.
  return all.length === 0 ? all : all.filter((o) => o.part.value !== undefined && !o.empty);
}

function later(a: ResolvedOption, b: ResolvedOption): ResolvedOption {
  return a.part.index > b.part.index ? a : b;
}

function checkTls(ctx: RuleContext): void {
  // tls and ssl must agree everywhere they appear.
  const tls = present(ctx, OPT.tls);
  const ssl = present(ctx, OPT.ssl);
  if (tls.length + ssl.length > 1) {
    const both = [...tls, ...ssl].filter((o) => typeof o.value === 'boolean');
    both.sort((a, b) => a.part.index - b.part.index);
    const first = both[0];
    for (const o of both.slice(1)) {
      if (o.value !== first.value) {
        ctx.report('tls-ssl-mismatch', o.part.span, message('cross.tlsSsl', { option: o.part.key.value, value: String(o.value), first: first.part.key.value, firstValue: String(first.value) }));
      }
    }
  }
  // Each option of the pairs is looked up once, not once per pair it belongs to; none given, no pair.
  if ((ctx.options.present & TLS_PAIR_BITS) === 0) return;
  const given: (readonly ResolvedOption[])[] = [];
  let any = false;
  for (let k = 0; k < TLS_PAIR_OPTIONS.length; k++) {
    const list = present(ctx, TLS_PAIR_OPTIONS[k]);
    given.push(list);
    if (list.length) any = true;
  }
  if (!any) return;
  for (const [a, b] of TLS_PAIRS) {
    const oa = given[TLS_PAIR_NAMES.indexOf(a)];
    const ob = given[TLS_PAIR_NAMES.indexOf(b)];
    if (oa.length && ob.length) {
      const second = later(oa[0], ob[0]);
      const other = second === oa[0] ? b : a;
      ctx.report('tls-option-conflict', second.part.span, message('cross.tlsPair', { option: second.option?.name ?? second.part.key.value, other }));
    }
  }
}

/** How many hosts the driver counts: under the Node profile empty entries (`a,`) count too. */
function hostCount(ctx: RuleContext): number {
  return ctx.node && !ctx.node.rejection ? ctx.node.hostCount : ctx.uri.hosts.length;
}

function checkTopology(ctx: RuleContext): void {
  const uri = ctx.uri;
  const srv = uri.scheme.kind === 'mongodb+srv';
  const hosts = hostCount(ctx);
  const direct = effectiveOf(ctx.options, OPT.directConnection);
  if (direct?.value === true) {
    if (srv) ctx.report('direct-connection-conflict', direct.part.span, message('cross.directSrv'));
    else if (hosts > 1) ctx.report('direct-connection-conflict', direct.part.span, message('cross.directHosts', { count: hosts }));
  }
  const lb = effectiveOf(ctx.options, OPT.loadBalanced);
  if (lb?.value === true) {
    if (!srv && hosts > 1) ctx.report('load-balanced-conflict', lb.part.span, message('cross.loadBalancedHosts', { count: hosts }));
    const rs = present(ctx, OPT.replicaSet)[0];
    if (rs) ctx.report('load-balanced-conflict', rs.part.span, message('cross.loadBalancedReplicaSet'));
    if (direct?.value === true) ctx.report('load-balanced-conflict', direct.part.span, message('cross.loadBalancedDirect'));
  }
  if (srv) {
    const max = effectiveOf(ctx.options, OPT.srvMaxHosts);
    if (typeof max?.value === 'number' && max.value > 0) {
      const rs = present(ctx, OPT.replicaSet)[0];
      if (rs) ctx.report('srv-max-hosts-conflict', max.part.span, message('cross.srvMaxHostsReplicaSet'));
      if (lb?.value === true) ctx.report('srv-max-hosts-conflict', max.part.span, message('cross.srvMaxHostsLoadBalanced'));
    }
  }
}

const PROXY_OPTIONS_NEEDING_HOST = [
  { name: 'proxyPort', option: OPT.proxyPort },
  { name: 'proxyUsername', option: OPT.proxyUsername },
  { name: 'proxyPassword', option: OPT.proxyPassword },
] as const;

/** Any proxy option given: then the proxy options are looked at. */
const PROXY_BITS = OPT.proxyHost.bit | OPT.proxyPort.bit | OPT.proxyUsername.bit | OPT.proxyPassword.bit;

function checkProxy(ctx: RuleContext): void {
  if ((ctx.options.present & PROXY_BITS) === 0) return;
  const host = present(ctx, OPT.proxyHost);
  const user = present(ctx, OPT.proxyUsername);
  const pass = present(ctx, OPT.proxyPassword);
  if (!host.length) {
    for (const { name, option } of PROXY_OPTIONS_NEEDING_HOST) {
      for (const o of present(ctx, option)) {
        // The Node.js driver tests the values for truth, so proxyPort=0 passes.
        const nodeAccepts = ctx.driver === 'node' && o.value === 0;
        ctx.report('proxy-host-required', o.part.span, message(nodeAccepts ? 'cross.proxyHostNode' : 'cross.proxyHost', { name }), { node: nodeAccepts ? 'warning' : 'error' });
      }
    }
    return;
  }
  if (user.length && !pass.length) ctx.report('proxy-credentials-incomplete', user[0].part.span, message('cross.proxyUsername'));
  if (pass.length && !user.length) ctx.report('proxy-credentials-incomplete', pass[0].part.span, message('cross.proxyPassword'));
}

function checkReadPreference(ctx: RuleContext): void {
  const mode = effectiveOf(ctx.options, OPT.readPreference);
  // A mode written but not valid (`secondaryPrefered`) is its own problem: which mode was meant is not
  // known, so neither is a conflict with it.
  if (!mode && (ctx.options.present & OPT.readPreference.bit) !== 0) return;
  const isPrimary = !mode || mode.value === 'primary';
  if (!isPrimary) return;
  // Which primary, said only in a message (most strings have none to build).
  const how = (): string => (mode ? 'readPreference=primary' : message('cross.defaultReadPreference'));
  for (const t of occurrencesOf(ctx.options, OPT.readPreferenceTags)) {
    if (t.value && typeof t.value === 'object' && Object.keys(t.value).length > 0) {
      const nodeNote = ctx.driver === 'node' ? message('cross.tagsNodeNote') : '';
      ctx.report('read-preference-conflict', t.part.span, message('cross.primaryTags', { how: how(), note: nodeNote }), { node: 'warning' });
    }
  }
  const staleness = effectiveOf(ctx.options, OPT.maxStalenessSeconds);
  if (typeof staleness?.value === 'number' && staleness.value > 0) {
    // The Node.js driver rejects an explicit readPreference=primary only; without a mode it drops the value.
    const nodeNote = ctx.driver === 'node' && !mode ? message('cross.stalenessNodeNote') : '';
    ctx.report('read-preference-conflict', staleness.part.span, message('cross.primaryStaleness', { how: how(), note: nodeNote }), { node: mode ? 'error' : 'warning' });
  }
}

function checkConcernsAndPool(ctx: RuleContext): void {
  const w = effectiveOf(ctx.options, OPT.w);
  const j = effectiveOf(ctx.options, OPT.journal);
  if (w?.value === 0 && j?.value === true) {
    ctx.report('write-concern-conflict', j.part.span, message(ctx.driver === 'node' ? 'cross.journalW0Node' : 'cross.journalW0'), { node: 'warning' });
  }
  const min = (effectiveOf(ctx.options, OPT.minPoolSize)?.value as number | undefined);
  const maxO = effectiveOf(ctx.options, OPT.maxPoolSize);
  const minO = effectiveOf(ctx.options, OPT.minPoolSize);
  if (typeof min === 'number' && typeof maxO?.value === 'number' && maxO.value > 0 && min > maxO.value && minO) {
    ctx.report('pool-size-conflict', minO.part.span, message(ctx.driver === 'node' ? 'cross.poolSizeNode' : 'cross.poolSize', { min, max: maxO.value }), { node: 'warning' });
  }
  const staleness = effectiveOf(ctx.options, OPT.maxStalenessSeconds);
  const hb = (effectiveOf(ctx.options, OPT.heartbeatFrequencyMS)?.value as number | undefined);
  if (typeof staleness?.value === 'number' && staleness.value > 0 && typeof hb === 'number') {
    const minimum = Math.ceil(hb / 1000) + 10;
    if (staleness.value < minimum) {
      ctx.report('max-staleness-too-small', staleness.part.span, message('cross.staleness', { minimum }), { node: 'warning' });
    }
  }
}

/** Rules that relate several options (URI options spec and the specs it refers to). */
export function checkCrossOptions(ctx: RuleContext): void {
  checkTls(ctx);
  checkTopology(ctx);
  checkProxy(ctx);
  checkReadPreference(ctx);
  checkConcernsAndPool(ctx);
}
