/**
 * Advice about security and topology: settings that work but are seldom what the user wants. Certificate
 * validation turned off and X.509 without TLS are warnings (the connection is open to interception, or
 * cannot authenticate at all); the rest is information. The same under every driver profile.
 */
import { anyOf, effectiveOf, OPT } from '../uri/options';
import { asciiLower } from '../uri/parser';
import { HostPart } from '../uri/types';
import { isLocalHost, isPrivateName } from '../uri/localHosts';
import { RuleContext } from './context';
import { message, MessageMemo } from '../data/l10n';

const ADD = new MessageMemo('fix.add');


/**
 * A host reached over a network that is not this machine's: a dotted name or an address. A name without
 * a dot (a compose service, a Kubernetes service in the same namespace) and a name of a Kubernetes
 * cluster or of a private domain (`mongo.shop.svc.cluster.local`, `db.corp.internal`) stay inside a
 * private network.
 */
function isRemote(h: HostPart): boolean {
  if (h.type === 'unix' || isLocalHost(h.host.value)) return false;
  return h.type !== 'hostname' || (h.host.value.includes('.') && !isPrivateName(h.host.value));
}

const INSECURE = [
  { name: 'tlsInsecure', option: OPT.tlsInsecure },
  { name: 'tlsAllowInvalidCertificates', option: OPT.tlsAllowInvalidCertificates },
  { name: 'tlsAllowInvalidHostnames', option: OPT.tlsAllowInvalidHostnames },
] as const;
const INSECURE_BITS = anyOf(OPT.tlsInsecure, OPT.tlsAllowInvalidCertificates, OPT.tlsAllowInvalidHostnames);

export function checkAdvice(ctx: RuleContext): void {
  checkTls(ctx);
  checkX509(ctx);
  checkProxy(ctx);
  const direct = effectiveOf(ctx.options, OPT.directConnection);
  const replicaSet = effectiveOf(ctx.options, OPT.replicaSet);
  if (direct?.value === true && replicaSet && ctx.uri.hosts.length <= 1) {
    ctx.report('direct-connection-replica-set', direct.part.span, message('advice.directReplicaSet', { replicaSet: String(replicaSet.value) }));
  }
}

function tlsSetting(ctx: RuleContext): boolean | undefined {
  const tls = effectiveOf(ctx.options, OPT.tls) ?? effectiveOf(ctx.options, OPT.ssl);
  return typeof tls?.value === 'boolean' ? tls.value : undefined;
}

function checkTls(ctx: RuleContext): void {
  const uri = ctx.uri;
  const tls = effectiveOf(ctx.options, OPT.tls) ?? effectiveOf(ctx.options, OPT.ssl);
  const first = uri.hosts.find(isRemote);
  const remote = first !== undefined;
  if (tls?.value === false && (remote || uri.scheme.kind === 'mongodb+srv')) {
    ctx.report('tls-disabled', tls.part.span, message('advice.tlsOff'));
  } else if (tls === undefined && uri.scheme.kind === 'mongodb' && first) {
    ctx.report('tls-disabled', first.span, message('advice.tlsDefaultOff'), {
      data: { replacement: `${uri.question ? (uri.options.length > 0 ? '&' : '') : uri.slash ? '?' : '/?'}tls=true`, replaceSpan: { start: uri.text.length, end: uri.text.length }, title: ADD.get('tls=true', { value: 'tls=true' }) },
    });
  }
  if (typeof tls?.value === 'boolean' && tls.value === false) return;
  if ((ctx.options.present & INSECURE_BITS) === 0) return;
  for (const { name, option } of INSECURE) {
    const o = effectiveOf(ctx.options, option);
    if (o?.value !== true) continue;
    const what = name === 'tlsAllowInvalidHostnames' ? message('advice.insecureHostnames') : message('advice.insecureCertificates');
    ctx.report('tls-insecure', o.part.span, message('advice.insecure', { name, what }), {
      data: { remove: true, replaceSpan: o.part.span, title: message('fix.removeName', { name: `${name}=true` }) },
    });
  }
}

function checkX509(ctx: RuleContext): void {
  const mechanism = effectiveOf(ctx.options, OPT.authMechanism);
  if (typeof mechanism?.value !== 'string' || asciiLower(mechanism.value) !== 'mongodb-x509') return;
  const tls = tlsSetting(ctx) ?? ctx.uri.scheme.kind === 'mongodb+srv';
  if (!tls) {
    ctx.report('x509-without-tls', mechanism.part.span, message('advice.x509WithoutTls'), {
      data: { replacement: '&tls=true', replaceSpan: { start: mechanism.part.span.end, end: mechanism.part.span.end }, title: ADD.get('tls=true', { value: 'tls=true' }) },
    });
  } else if (!effectiveOf(ctx.options, OPT.tlsCertificateKeyFile)?.value) {
    ctx.report('x509-without-certificate', mechanism.part.span, message('advice.x509WithoutCertificate'));
  }
}

function checkProxy(ctx: RuleContext): void {
  const proxyHost = (effectiveOf(ctx.options, OPT.proxyHost)?.value as string | undefined);
  if (typeof proxyHost !== 'string' || proxyHost === '' || isLocalHost(proxyHost)) return;
  const password = effectiveOf(ctx.options, OPT.proxyPassword);
  if (password) {
    ctx.report('proxy-password-plain', password.part.key.span, message('advice.proxyPassword', { proxy: proxyHost }));
  }
  if (ctx.uri.hosts.length > 0 && ctx.uri.hosts.every((h) => h.type === 'unix' || isLocalHost(h.host.value))) {
    const o = effectiveOf(ctx.options, OPT.proxyHost)!;
    ctx.report('proxy-remote-localhost', o.part.span, message('advice.proxyLocalhost', { proxy: proxyHost }));
  }
}
