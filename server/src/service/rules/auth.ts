import {
  AUTH_MECHANISMS, AuthMechanism, EXTERNAL_AUTH_SOURCE, findMechanism, OIDC_ENVIRONMENTS, OIDC_TOKEN_RESOURCE_ENVIRONMENTS,
  NODE_DEFAULT_MECHANISM, OIDC_USERNAME_ENVIRONMENTS,
} from '../data/authMechanisms';
import { effectiveOf, occurrencesOf, OPT, ResolvedOption } from '../uri/options';
import { asciiLower } from '../uri/parser';
import { Span } from '../api';
import { RuleContext } from './context';
import { NodeAuthFailure, nodeCredential, nodeMechanism } from './nodeAuth';
import { listOr, message } from '../data/l10n';
import type { PlainMessageId } from '../data/l10n';

/** Under the Node profile, which of the driver's own credential checks fail (empty under the spec profile). */
type NodeFailures = readonly NodeAuthFailure[];

function nodeFails(failures: NodeFailures, ...codes: NodeAuthFailure['code'][]): 'error' | 'warning' {
  return failures.some((f) => codes.includes(f.code)) ? 'error' : 'warning';
}

/** The driver matches property names exactly; a failure tied to this very key makes it an error. */
function nodeFailsProperty(failures: NodeFailures, key: string): 'error' | 'warning' {
  return key === 'ALLOWED_HOSTS' || failures.some((f) => f.property === key) ? 'error' : 'warning';
}

const REMOVED: Record<string, PlainMessageId> = {
  'MONGODB-CR': 'auth.removedCr',
};

function mechanismSpan(ctx: RuleContext, mech: ResolvedOption | undefined): Span {
  return mech?.part.span ?? ctx.uri.userinfo?.span ?? ctx.uri.hostsSpan;
}

/** What resolveMechanism gives when no authMechanism is given (one frozen object: the caller only reads it). */
const NO_MECHANISM: { mech?: AuthMechanism; opt?: ResolvedOption; given: boolean } = Object.freeze({ given: false });

/** The mechanism named by authMechanism, reporting unknown ones. Case differences are tolerated with a warning. */
function resolveMechanism(ctx: RuleContext): { mech?: AuthMechanism; opt?: ResolvedOption; given: boolean } {
  if ((ctx.options.present & OPT.authMechanism.bit) === 0) return NO_MECHANISM;
  const list = occurrencesOf(ctx.options, OPT.authMechanism).filter((o) => o.part.value);
  const opt = list[list.length - 1];
  if (!opt || !opt.part.value) return { given: false };
  const raw = opt.part.value.value;
  if (raw === '') {
    ctx.report('option-empty-value', opt.part.span, message('auth.mechanismEmpty'), { node: 'error' });
    return { given: false };
  }
  const exact = findMechanism(raw);
  if (exact) return { mech: exact, opt, given: true };
  const ci = AUTH_MECHANISMS.find((m) => asciiLower(m.name) === asciiLower(raw));
  if (ci) {
    ctx.report('option-invalid-value', opt.part.value.span, message('auth.mechanismCase', { mechanism: ci.name }), {
      node: 'none',
      data: { replacement: ci.name, title: message('fix.changeTo', { value: ci.name }) },
    });
    return { mech: ci, opt, given: true };
  }
  const removed = REMOVED[raw.toUpperCase()];
  const text = removed ? message(removed) : message('auth.mechanismUnknown', { mechanism: raw, names: AUTH_MECHANISMS.map((m) => m.name).join(', ') });
  if (ctx.driver === 'node') {
    // The driver takes the first of its mechanism names that contains the value as a whole word.
    const m = nodeMechanism(raw);
    if (m.kind === 'match') {
      const how = m.name === NODE_DEFAULT_MECHANISM.name ? message('auth.nodeAsDefault', { mechanism: m.name }) : message('auth.nodeAs', { mechanism: m.name });
      ctx.report('auth-mechanism-unknown', opt.part.value.span, message('auth.nodeAccepts', { issue: text, how }), {
        node: 'warning',
        ...(m.name !== NODE_DEFAULT_MECHANISM.name ? { data: { replacement: m.name, title: message('fix.changeTo', { value: m.name }) } } : {}),
      });
      return { mech: findMechanism(m.name), opt, given: true };
    }
    ctx.report('auth-mechanism-unknown', opt.part.value.span, m.kind === 'pattern' ? message('auth.nodePattern', { issue: text }) : text, { node: 'error' });
    return { opt, given: true };
  }
  ctx.report('auth-mechanism-unknown', opt.part.value.span, text);
  return { opt, given: true };
}

function checkProperties(ctx: RuleContext, mech: AuthMechanism | undefined, mechOpt: ResolvedOption | undefined, failures: NodeFailures): void {
  const propsOpt = effectiveOf(ctx.options, OPT.authMechanismProperties);
  const gssapiLegacy = effectiveOf(ctx.options, OPT.gssapiServiceName);
  const props = (propsOpt?.value ?? {}) as Record<string, string>;
  const valueSpan = propsOpt?.part.value?.span ?? propsOpt?.part.span;
  if (!mech) {
    if (propsOpt && valueSpan && Object.keys(props).length > 0 && !mechOpt) {
      ctx.report('auth-property-invalid', propsOpt.part.span, message('auth.propertiesWithoutMechanism'), { severity: 'warning', node: 'none' });
    }
    return;
  }
  const isOidc = mech.name === 'MONGODB-OIDC';
  const seen = new Map<string, string>();
  for (const [k, v] of Object.entries(props)) {
    const prop = mech.properties.find((p) => asciiLower(p.name) === asciiLower(k));
    const span = valueSpan!;
    if (!prop) {
      const allowed = mech.properties.filter((p) => p.uriAllowed).map((p) => p.name);
      const msg = allowed.length
        ? message('auth.propertyUnknown', { mechanism: mech.name, property: k, allowed: allowed.join(', ') })
        : message('auth.noProperties', { mechanism: mech.name, property: k });
      ctx.report('auth-property-invalid', span, msg, { severity: isOidc || allowed.length === 0 ? 'error' : 'warning', node: nodeFailsProperty(failures, k) });
      continue;
    }
    seen.set(prop.name, v);
    if (!prop.uriAllowed) {
      ctx.report('auth-property-invalid', span, prop.name === 'AWS_SESSION_TOKEN' ? message('auth.propertyAwsToken', { property: prop.name }) : message('auth.propertyInCode', { property: prop.name }), { node: nodeFailsProperty(failures, k) });
      continue;
    }
    if (prop.values && !prop.values.includes(v)) {
      ctx.report('auth-property-invalid', span, message('auth.propertyValue', { property: prop.name, value: v, values: prop.values.join(', ') }), { node: nodeFailsProperty(failures, k) });
    }
  }
  if (gssapiLegacy && mech.name !== 'GSSAPI') {
    ctx.report('auth-property-invalid', gssapiLegacy.part.span, message('auth.gssapiOnly', { mechanism: mech.name }), { severity: 'warning', node: 'warning' });
  }
  // When the property list itself was invalid (and so ignored), that is the problem to report.
  const propsInvalid = occurrencesOf(ctx.options, OPT.authMechanismProperties).some((o) => o.issue);
  if (isOidc && !propsInvalid) {
    const env = seen.get('ENVIRONMENT');
    const span = valueSpan ?? mechanismSpan(ctx, mechOpt);
    if (env === undefined) {
      ctx.report('auth-property-missing', span, message('auth.oidcEnvironment', { environments: OIDC_ENVIRONMENTS.join('|') }), { node: nodeFails(failures, 'oidc-environment-missing') });
    } else if (OIDC_TOKEN_RESOURCE_ENVIRONMENTS.includes(env)) {
      if (!seen.has('TOKEN_RESOURCE')) ctx.report('auth-property-missing', span, message('auth.tokenResource', { environment: env }), { node: nodeFails(failures, 'oidc-token-resource') });
    } else if (seen.has('TOKEN_RESOURCE')) {
      ctx.report('auth-property-invalid', span, message(ctx.driver === 'node' ? 'auth.tokenResourceOnlyNode' : 'auth.tokenResourceOnly', { environments: listOr(OIDC_TOKEN_RESOURCE_ENVIRONMENTS), environment: env }), { node: 'warning' });
    }
  }
}

/** Per-mechanism credential rules (authentication spec) and authSource. */
export function checkAuth(ctx: RuleContext): void {
  const uri = ctx.uri;
  // An empty authSource is an error even without credentials.
  for (const o of occurrencesOf(ctx.options, OPT.authSource)) {
    if (o.part.value && o.part.value.value === '') {
      ctx.report('auth-source-empty', o.part.span, message('auth.sourceEmpty'));
    }
  }
  const failures: NodeFailures = ctx.driver === 'node' ? nodeCredential(ctx).failures : [];
  const { mech, opt: mechOpt, given } = resolveMechanism(ctx);
  const ui = uri.userinfo;
  const hasCredential = !!ui || given;
  const source = effectiveOf(ctx.options, OPT.authSource);
  if (!hasCredential) {
    if (source && typeof source.value === 'string') {
      ctx.report('auth-source-without-credentials', source.part.span, message('auth.sourceWithoutCredentials'), { node: 'none' });
    }
    checkProperties(ctx, undefined, undefined, failures);
    return;
  }
  const username = ui?.username.value ?? '';
  const hasUsername = !!ui && username.length > 0;
  const password = ui?.password;
  const userSpan = ui ? ui.username.span.end > ui.username.span.start ? ui.username.span : ui.span.end > ui.span.start ? ui.span : ui.atSpan : mechanismSpan(ctx, mechOpt);

  if (!mech) {
    if (given) return checkProperties(ctx, undefined, mechOpt, failures);
    // Negotiated SCRAM: a username is required when userinfo is present.
    if (!hasUsername) ctx.report('auth-username-missing', ui ? ui.span.end > ui.span.start ? ui.span : ui.atSpan : userSpan, message('auth.noUsername'));
    checkProperties(ctx, undefined, undefined, failures);
    return;
  }

  const name = mech.name;
  if (mech.username === 'required' && !hasUsername) {
    ctx.report('auth-username-missing', userSpan, message('auth.usernameMissing', { mechanism: name }), { node: nodeFails(failures, 'username-missing') });
  }
  const env = (effectiveOf(ctx.options, OPT.authMechanismProperties)?.value as Record<string, string> | undefined)?.ENVIRONMENT;
  const usernameForbidden = mech.username === 'forbidden' || (name === 'MONGODB-OIDC' && env !== undefined && !OIDC_USERNAME_ENVIRONMENTS.includes(env));
  if (usernameForbidden && hasUsername) {
    const text = name === 'MONGODB-OIDC'
      ? message('auth.usernameForbiddenOidc', { mechanism: name, environment: String(env), environments: listOr(OIDC_USERNAME_ENVIRONMENTS) })
      : message('auth.usernameForbidden', { mechanism: name });
    ctx.report('auth-username-forbidden', ui!.username.span, text, { node: nodeFails(failures, 'aws-credentials', 'oidc-username') });
  }
  const passwordFailure = nodeFails(failures, 'aws-credentials', 'oidc-password', 'x509-password');
  if (mech.password === 'forbidden' && password && password.value.length > 0) {
    ctx.report('auth-password-forbidden', password.span, message('auth.passwordForbidden', { mechanism: name }), { node: passwordFailure });
  } else if (mech.password === 'forbidden' && password && name === 'MONGODB-AWS') {
    ctx.report('auth-password-forbidden', { start: password.span.start - 1, end: password.span.end }, message('auth.passwordColon', { mechanism: name }), { node: passwordFailure });
  }
  if (mech.password === 'required' && !password && hasUsername) {
    ctx.report('auth-password-missing', userSpan, message('auth.passwordMissing', { mechanism: name }), { node: 'none' });
  }
  if (mech.externalOnly && source && typeof source.value === 'string' && source.value !== EXTERNAL_AUTH_SOURCE) {
    ctx.report('auth-source-invalid', source.part.span, message('auth.sourceExternal', { mechanism: name, external: EXTERNAL_AUTH_SOURCE, source: source.value }), {
      node: nodeFails(failures, 'source'),
      data: { replacement: `authSource=${EXTERNAL_AUTH_SOURCE}`, title: message('fix.use', { value: `authSource=${EXTERNAL_AUTH_SOURCE}` }) },
    });
  }
  checkProperties(ctx, mech, mechOpt, failures);
}
