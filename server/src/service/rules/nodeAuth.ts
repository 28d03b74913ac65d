/**
 * Credentials as the Node.js driver builds and validates them while `new MongoClient(uri)` runs
 * (lib/connection_string.js and lib/cmap/auth/mongo_credentials.js): the mechanism is found by a
 * case-insensitive word match, property names are case-sensitive and `true`/`false` become booleans.
 */
import { EXTERNAL_AUTH_SOURCE, NODE_AUTH_MECHANISMS, NODE_DEFAULT_MECHANISM, NodeAuthMechanism } from '../data/authMechanisms';
import { effectiveOf, occurrencesOf, OPT } from '../uri/options';
import { Span } from '../api';
import { RuleContext } from './context';
import { nodeEntries, nodeMechanismProperties } from './nodeOptions';
import { DIGIT_0, DIGIT_9, LOWER_A, LOWER_Z, UNDERSCORE, UPPER_A, UPPER_Z } from '../lex/chars';
import { listOr, message } from '../data/l10n';

/** Characters that make the value a regular-expression pattern rather than literal text ("." is handled). */
const PATTERN_SYNTAX = '\\^$|?*+()[]{}';

export type NodeMechanismMatch =
  | { kind: 'match'; name: string }
  | { kind: 'none' }
  /** The value uses pattern syntax we do not evaluate (the driver compiles it into a regular expression). */
  | { kind: 'pattern' };

function isWordChar(s: string, i: number): boolean {
  if (i < 0 || i >= s.length) return false;
  const c = s.charCodeAt(i);
  return (c >= DIGIT_0 && c <= DIGIT_9) || (c >= UPPER_A && c <= UPPER_Z) || (c >= LOWER_A && c <= LOWER_Z) || c === UNDERSCORE;
}

function sameLetter(a: string, b: string): boolean {
  if (a === '.') return true;
  const x = a.charCodeAt(0);
  const y = b.charCodeAt(0);
  const lx = x >= UPPER_A && x <= UPPER_Z ? x + 32 : x;
  const ly = y >= UPPER_A && y <= UPPER_Z ? y + 32 : y;
  return lx === ly;
}

/** The driver's `RegExp(\`\\b${value}\\b\`, 'i')` against each mechanism name, for literal values (and "."). */
export function nodeMechanism(value: string): NodeMechanismMatch {
  for (const ch of value) if (PATTERN_SYNTAX.includes(ch)) return { kind: 'pattern' };
  const len = value.length;
  for (const { name: m } of NODE_AUTH_MECHANISMS) {
    for (let i = 0; i + len <= m.length; i++) {
      let ok = true;
      for (let k = 0; k < len && ok; k++) ok = sameLetter(value[k], m[i + k]);
      if (!ok) continue;
      // \b before and after the matched text, judged on the name itself.
      if (isWordChar(m, i - 1) === isWordChar(m, i)) continue;
      if (isWordChar(m, i + len - 1) === isWordChar(m, i + len)) continue;
      return { kind: 'match', name: m };
    }
  }
  return { kind: 'none' };
}

export interface NodeAuthFailure {
  code:
    | 'mechanism' | 'properties' | 'source' | 'aws-credentials' | 'aws-token' | 'username-missing' | 'oidc-username'
    | 'oidc-password' | 'oidc-token-resource' | 'oidc-environment' | 'oidc-environment-missing' | 'oidc-callback'
    | 'x509-password' | 'canonicalize';
  span: Span;
  message: string;
  /** The authMechanismProperties key the failure is about (exact case). */
  property?: string;
}

export interface NodeCredential {
  /** Absent when the driver builds no credential at all. */
  mechanism?: string;
  failures: NodeAuthFailure[];
}

function userinfo(ctx: RuleContext): { username: string; password: string; userSpan?: Span; passSpan?: Span } {
  const node = ctx.node;
  const text = ctx.uri.text;
  if (node && !node.rejection) {
    const dec = (s?: Span) => (s ? decodeURIComponent(text.slice(s.start, s.end)) : '');
    return { username: dec(node.username), password: dec(node.password), userSpan: node.username, passSpan: node.password };
  }
  const ui = ctx.uri.userinfo;
  return { username: ui?.username.value ?? '', password: ui?.password?.value ?? '', userSpan: ui?.username.span, passSpan: ui?.password?.span };
}

/** What the driver checks about credentials, in its order; it throws at the first failure. */
export function nodeCredential(ctx: RuleContext): NodeCredential {
  const failures: NodeAuthFailure[] = [];
  const { username, password, userSpan, passSpan } = userinfo(ctx);
  const mechOpt = effectiveOf(ctx.options, OPT.authMechanism) ?? occurrencesOf(ctx.options, OPT.authMechanism)[0];
  const propsOpt = occurrencesOf(ctx.options, OPT.authMechanismProperties)[0];
  const sourceOpt = occurrencesOf(ctx.options, OPT.authSource)[0];
  const mechRaw = mechOpt?.part.value?.value;
  const hasCredential = username !== '' || mechRaw !== undefined || propsOpt !== undefined || sourceOpt !== undefined;
  if (!hasCredential) return { failures };
  const fallback = userSpan ?? ctx.uri.hostsSpan;

  let mechanism = NODE_DEFAULT_MECHANISM.name;
  if (mechRaw) {
    const m = nodeMechanism(mechRaw);
    if (m.kind !== 'match') {
      const span = mechOpt!.part.value!.span;
      failures.push({ code: 'mechanism', span, message: m.kind === 'pattern'
        ? message('nodeAuth.pattern', { names: NODE_AUTH_MECHANISMS.filter((x) => x !== NODE_DEFAULT_MECHANISM).map((x) => x.name).join(', ') })
        : message('nodeAuth.noMechanism', { mechanism: mechRaw }) });
      return { failures };
    }
    mechanism = m.name;
  }
  const propsRaw = propsOpt?.part.value?.value ?? '';
  const propsSpan = propsOpt?.part.value?.span ?? propsOpt?.part.span ?? fallback;
  const entries = nodeEntries(propsRaw);
  if ('bad' in entries) return { mechanism, failures }; // reported as an invalid value of the option
  const props = nodeMechanismProperties(propsRaw) ?? {};
  const sourceGiven = sourceOpt?.part.value?.value;
  const mech: NodeAuthMechanism = NODE_AUTH_MECHANISMS.find((m) => m.name === mechanism)!;
  const needs = { username: mech.node.username ?? mech.username, password: mech.node.password ?? mech.password };
  // On reading authMechanism the driver sets $external for these; the path database comes later, and only for the others.
  let source = mech.defaultSource === 'database-or-admin' ? 'admin' : EXTERNAL_AUTH_SOURCE;
  if (sourceGiven !== undefined) source = sourceGiven;
  const sourceSpan = sourceOpt?.part.span ?? fallback;
  const add = (code: NodeAuthFailure['code'], span: Span, message: string, property?: string) =>
    failures.push(property ? { code, span, message, property } : { code, span, message });

  if (mech.node.sourceCheckedWhileParsing && sourceGiven !== undefined && source !== EXTERNAL_AUTH_SOURCE) {
    add('source', sourceSpan, message('nodeAuth.source', { source: EXTERNAL_AUTH_SOURCE, mechanism }));
  }
  if (mechanism === 'MONGODB-AWS') {
    if ((username && needs.username === 'forbidden') || (password && needs.password === 'forbidden')) add('aws-credentials', (username ? userSpan : passSpan) ?? fallback, message('nodeAuth.awsCredentials'));
    if (props.AWS_SESSION_TOKEN) add('aws-token', propsSpan, message('nodeAuth.awsToken'), 'AWS_SESSION_TOKEN');
  }
  if (needs.username === 'required' && !username) {
    add('username-missing', fallback, message('nodeAuth.username', { mechanism }));
  }
  if (mechanism === 'MONGODB-OIDC') checkOidc({ mech, needs, props, username, password, userSpan, passSpan, fallback, propsSpan, propsGiven: propsOpt !== undefined, mechSpan: mechOpt?.part.span }, add);
  if (mech.externalOnly && source !== EXTERNAL_AUTH_SOURCE && !failures.some((f) => f.code === 'source')) {
    add('source', sourceSpan, message('nodeAuth.source', { source: EXTERNAL_AUTH_SOURCE, mechanism }));
  }
  if (mechanism === 'MONGODB-X509' && password && needs.password === 'forbidden') {
    add('x509-password', passSpan ?? fallback, message('nodeAuth.x509Password'));
  }
  const accepted = mech.node.canonicalize; // absent: the driver returns before its CANONICALIZE_HOST_NAME check
  const canon = props.CANONICALIZE_HOST_NAME ?? false;
  if (accepted && !accepted.includes(canon)) {
    add('canonicalize', propsSpan, message('nodeAuth.canonicalize', { value: String(canon), accepted: listOr(accepted) }), 'CANONICALIZE_HOST_NAME');
  }
  return { mechanism, failures };
}

/** What the Node.js driver's checks of MONGODB-OIDC read. */
interface OidcInputs {
  mech: NodeAuthMechanism;
  needs: { username: string; password: string };
  props: Record<string, unknown>;
  username: string;
  password: string;
  userSpan: Span | undefined;
  passSpan: Span | undefined;
  fallback: Span;
  propsSpan: Span;
  propsGiven: boolean;
  mechSpan: Span | undefined;
}

/** MONGODB-OIDC as the Node.js driver checks it: the environment, its token resource, username, password and callbacks. */
function checkOidc(o: OidcInputs, add: (code: NodeAuthFailure['code'], span: Span, message: string, property?: string) => void): void {
  const environments = o.mech.node.environments;
  if (!environments) return;
  const { props, username, password, fallback, propsSpan } = o;
  const env = props.ENVIRONMENT;
  const isOneOf = (list: readonly string[] | undefined) => typeof env === 'string' && !!list?.includes(env);
  if (username && env && !isOneOf(o.mech.node.usernameEnvironments)) add('oidc-username', o.userSpan ?? fallback, message('nodeAuth.oidcUsername', { environment: String(env) }), 'ENVIRONMENT');
  if (username && password && o.needs.password === 'forbidden') add('oidc-password', o.passSpan ?? fallback, message('nodeAuth.oidcPassword'));
  if (isOneOf(o.mech.node.tokenResourceEnvironments) && !props.TOKEN_RESOURCE) add('oidc-token-resource', propsSpan, message('nodeAuth.tokenResource', { environment: String(env) }), 'TOKEN_RESOURCE');
  if (env && !isOneOf(environments)) add('oidc-environment', propsSpan, message('nodeAuth.environment', { environments: environments.join(', '), environment: String(env) }), 'ENVIRONMENT');
  const callback = props.OIDC_CALLBACK || props.OIDC_HUMAN_CALLBACK;
  if (!env && !callback) add('oidc-environment-missing', o.propsGiven ? propsSpan : o.mechSpan ?? fallback, message('nodeAuth.environmentMissing', { environments: environments.join('|') }), 'ENVIRONMENT');
  if (env && callback) add('oidc-callback', propsSpan, message('nodeAuth.callback'), props.OIDC_CALLBACK ? 'OIDC_CALLBACK' : 'OIDC_HUMAN_CALLBACK');
}
