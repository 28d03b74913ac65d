/**
 * "Explain connection string": what describe shows, plus every option of the option table with its
 * effective value and where that value comes from (written, the specification's default, implied by
 * another part, the Node.js driver's own default, the DNS TXT record), and a short account of how a
 * driver will connect. Every fact comes from the data tables (data/uriOptions.ts, data/authMechanisms.ts)
 * and the parse; the DNS answer of a mongodb+srv host is an input, never looked up here.
 */
import type {
  AccountTopic, Analysis, AuthSourceReason, ConnectionDescription, DocumentProblem, ExplainedOption, Explanation, ProfileChoice, Settings,
  Severity, Span, SrvAnswer,
} from '../api';
import { findOption, readersOf, TXT_RECORD_OPTIONS, URI_OPTIONS, type UriOption } from '../data/uriOptions';
import { toDocumentOffset } from '../extract/offsets';
import { chooseProfile, describeProfile } from '../rules/profile';
import { uriParseOf, type UriParse } from '../rules/validation';
import { buildModel, defaultAuthSource } from '../uri/model';
import { effective, occurrences, resolveOptions, type TypedValue } from '../uri/options';
import { parseConnectionString } from '../uri/parser';
import { overlapsPlaceholder } from '../uri/placeholders';
import { secretSpans } from '../uri/secrets';
import { describeParse, maskedValue, placeholdersOf, problemsOf, stringAt } from './describe';

/** The text a driver gets for value `k` when a whole-document analysis composed it from variables. */
function composedTextOf(analysis: Analysis, k: number): string | undefined {
  for (const a of analysis.documentAnalyses ?? []) {
    const text = a.composedText?.(k);
    if (text !== undefined) return text;
  }
  return undefined;
}

/** The options of a TXT record that a driver takes (the others are an error it raises), typed. */
function txtValues(txtOptions: string | null): Map<string, TypedValue> {
  const out = new Map<string, TypedValue>();
  if (!txtOptions) return out;
  const parsed = parseConnectionString(`mongodb://txt.invalid/?${txtOptions}`);
  const model = buildModel(parsed, resolveOptions(parsed));
  for (const name of TXT_RECORD_OPTIONS) if (model.options[name] !== undefined) out.set(name, model.options[name]!);
  return out;
}

function show(v: TypedValue): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'string' ? x : show(x))).join(typeof v[0] === 'string' ? ',' : '; ');
  return Object.entries(v).map(([k, x]) => `${k}:${x}`).join(',');
}

/** The option a legacy key or an alias sets (ssl → tls, wtimeout → wTimeoutMS, j → journal), if it stands for one of the same type. */
function standsFor(o: UriOption): UriOption | undefined {
  const target = o.aliasOf ?? (o.deprecated && o.origin !== 'spec' ? o.deprecated.replacement : undefined);
  const t = target === undefined ? undefined : findOption(target);
  return t && t.type === o.type ? t : undefined;
}

interface Effective {
  options: ExplainedOption[];
  /** Typed effective values (written, TXT, implied by an alias or legacy key); defaults are not here. */
  values: Map<string, TypedValue>;
  byName: Map<string, ExplainedOption>;
}

function effectiveOptions(
  uri: UriParse,
  placeholders: readonly Span[],
  srvScheme: boolean,
  txt: Map<string, TypedValue>,
  profile: ProfileChoice,
  credential: { source: string; reason: AuthSourceReason } | null,
): Effective {
  const model = buildModel(uri.parsed, uri.options);
  const secrets = secretSpans(uri.parsed);
  const values = new Map<string, TypedValue>();
  const options: ExplainedOption[] = [];
  const written = (name: string) => occurrences(uri.options, name).filter((r) => r.part.value);
  // Values that legacy keys and aliases give the option they stand for, when that one is not written.
  const impliedBy = new Map<string, { key: string; value: TypedValue; text: string }>();
  for (const o of URI_OPTIONS) {
    // A key only the Node.js driver knows (j, fsync) stands for nothing in other drivers.
    const target = o.origin === 'node' && profile.profile !== 'node' ? undefined : standsFor(o);
    const v = model.options[o.name];
    if (target && v !== undefined && model.options[target.name] === undefined) {
      impliedBy.set(target.name, { key: o.name, value: v, text: maskedValue(effective(uri.options, o.name)!.part.value, secrets) });
    }
  }
  for (const o of URI_OPTIONS) {
    const set = model.options[o.name];
    const occ = written(o.name);
    const add = (e: ExplainedOption, v?: TypedValue) => {
      options.push(e);
      if (v !== undefined) values.set(o.name, v);
    };
    const node = profile.profile === 'node';
    // Under the Node.js profile, what that driver does with an option it rejects; under the specification's,
    // who reads an option of other drivers.
    const rejected = node && !o.node.accepted ? o.node.note : o.origin === 'drivers' && !node ? `Read by the ${readersOf(o)} drivers only.` : undefined;
    const placeholder = occ.find((r) => overlapsPlaceholder(r.part.value!.span, placeholders));
    if (set !== undefined) {
      const text = o.repeatable ? occ.filter((r) => r.value !== undefined).map((r) => maskedValue(r.part.value, secrets)).join('; ') : maskedValue(effective(uri.options, o.name)!.part.value, secrets);
      add({ name: o.name, value: text, source: 'set', ...(rejected ? { note: rejected } : {}) }, set);
    } else if (placeholder) {
      add({ name: o.name, value: maskedValue(placeholder.part.value, secrets), source: 'set', note: 'A placeholder: its value is filled in later.' });
    } else if (txt.has(o.name)) {
      add({ name: o.name, value: show(txt.get(o.name)!), source: 'txt', note: 'Given by the DNS TXT record of the host.' }, txt.get(o.name));
    } else if (impliedBy.has(o.name)) {
      const by = impliedBy.get(o.name)!;
      add({ name: o.name, value: by.text, source: 'implied', note: `Set as ${by.key}.` }, by.value);
    } else if (o.name === 'tls' && srvScheme) {
      add({ name: o.name, value: 'true', source: 'implied', note: 'mongodb+srv turns TLS on.' }, true);
    } else if (o.name === 'directConnection' && (model.options.loadBalanced ?? txt.get('loadBalanced')) === true) {
      add({ name: o.name, value: 'false', source: 'implied', note: 'loadBalanced=true: the driver never connects directly.' }, false);
    } else if (o.name === 'authSource' && credential) {
      add({ name: o.name, value: credential.source, source: 'implied', note: AUTH_SOURCE_REASONS[credential.reason] }, credential.source);
    } else if (o.origin === 'drivers' && occ.length === 0) {
      // Options of a few other drivers (uuidRepresentation) are listed when written, not with defaults of theirs.
    } else {
      const ignored = occ.length > 0 ? 'The value written is not valid and is ignored.' : undefined;
      const srvOnly = o.srvOnly && !srvScheme ? 'Only with mongodb+srv.' : undefined;
      const nodeOnly = o.origin === 'node' && !node ? 'Node.js driver only.' : undefined;
      const note = [ignored, srvOnly, nodeOnly].filter((n) => n !== undefined).join(' ');
      const differs = node && o.node.defaultValue !== undefined && o.node.defaultValue !== o.defaultValue;
      if (differs) {
        const spec = o.defaultValue === undefined ? '' : ` The specification's default is ${o.defaultValue}.`;
        add({ name: o.name, value: o.node.defaultValue!, source: 'profile', note: `The Node.js driver's default.${spec}${note ? ` ${note}` : ''}` });
      } else if (o.defaultValue !== undefined) {
        add({ name: o.name, value: o.defaultValue, source: 'default', ...(note ? { note } : {}) });
      } else if (ignored) {
        add({ name: o.name, value: '', source: 'default', note: `${ignored} It has no default.` });
      }
    }
  }
  return { options, values, byName: new Map(options.map((e) => [e.name, e])) };
}

const AUTH_SOURCE_REASONS: Record<AuthSourceReason, string> = {
  given: 'Given by authSource.',
  txt: 'Given by the DNS TXT record of the host.',
  database: 'No authSource: the database in the path.',
  external: 'No authSource: the mechanism keeps its users in $external.',
  admin: 'No authSource and no database in the path: admin.',
};

/** The first integer of an option's text ('30000', '0 (no limit)', '-1 (zlib default)'), if it starts with one. */
function leadingInt(text: string | undefined): number | undefined {
  const m = text === undefined ? null : /^-?\d+/.exec(text);
  return m ? Number(m[0]) : undefined;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The sentences of the account, from the effective options. */
function account(
  d: ConnectionDescription,
  eff: Effective,
  srvScheme: boolean,
  srv: SrvAnswer | null,
  auth: { source: string; reason: AuthSourceReason } | null,
): Explanation['account'] {
  const v = (name: string) => eff.values.get(name);
  const text = (name: string) => eff.byName.get(name)?.value;
  const int = (name: string) => {
    const x = v(name);
    return typeof x === 'number' ? x : leadingInt(text(name));
  };
  /** A time limit in words: '30000 ms', 'no limit' for 0 or a default of none, else the table's words. */
  const ms = (name: string) => {
    const n = int(name);
    const t = text(name) ?? 'unset';
    return n === undefined ? (t.startsWith('none') ? 'no limit' : t) : n === 0 ? 'no limit' : `${n} ms`;
  };
  const hostList = d.hosts.map((h) => (h.port === null ? h.host : `${h.host}:${h.port}`)).join(', ');
  const out: Explanation['account'] = [];
  const say = (topic: AccountTopic, s: string) => out.push({ topic, text: s });

  // Topology.
  const rs = v('replicaSet');
  const seeds = plural(d.hosts.length, 'seed host');
  if (v('loadBalanced') === true) {
    say('topology', `Load balanced: the driver connects through the load balancer at ${hostList} and leaves server discovery and selection to it.`);
  } else if (v('directConnection') === true) {
    say('topology', `Direct connection: the driver talks only to ${hostList} and does not discover the other members of its deployment.`);
  } else if (srvScheme) {
    const service = text('srvServiceName') ?? 'mongodb';
    const max = int('srvMaxHosts') ?? 0;
    const found = srv ? ` (it lists ${plural(srv.hosts.length, 'host')}: ${srv.hosts.map((h) => `${h.host}:${h.port}`).join(', ')})` : '';
    const limit = max > 0 ? `, uses at most ${max} of them, chosen at random (srvMaxHosts=${max}),` : '';
    const then = typeof rs === 'string' ? ` It follows the primary of replica set ${rs}.` : '';
    say('topology', `SRV: the driver looks up the DNS SRV record _${service}._tcp.${d.hosts[0]?.host ?? ''} to find the hosts${found}${limit} and polls that record for changes while it is connected to mongos routers.${then}`);
  } else if (typeof rs === 'string') {
    say('topology', `Replica set: the driver uses the ${seeds} (${hostList}) to discover the members of replica set ${rs} and follows its primary.`);
  } else {
    say('topology', `Discovery: without replicaSet or directConnection, the driver starts from the ${seeds} (${hostList}) and finds out whether they are a standalone server, replica set members or mongos routers.`);
  }

  // Read preference and staleness.
  const mode = text('readPreference') ?? 'primary';
  const tags = eff.byName.get('readPreferenceTags');
  const staleness = int('maxStalenessSeconds');
  const level = v('readConcernLevel');
  const concern = typeof level === 'string' ? ` Reads use read concern ${level}.` : '';
  if (mode === 'primary') {
    say('readPreference', `Reads go to the primary (readPreference=primary), so they are never stale.${concern}`);
  } else {
    const tagText = tags?.source === 'set' ? `, preferring members tagged ${tags.value}` : '';
    const stale = staleness !== undefined && staleness > 0 ? `; a secondary more than ${staleness} seconds behind the primary is not used (maxStalenessSeconds)` : '; secondaries may be any amount behind the primary (no maxStalenessSeconds)';
    say('readPreference', `Reads follow readPreference=${mode}${tagText}${stale}.${concern}`);
  }

  // Write concern and journaling.
  const w = v('w');
  const journal = v('journal');
  const wt = int('wTimeoutMS');
  let ws =
    w === undefined ? "Writes use the server's default write concern (w is not sent)"
    : w === 0 ? 'Writes are not acknowledged (w=0)'
    : w === 'majority' ? 'Writes are acknowledged by a majority of the replica set members (w=majority)'
    : typeof w === 'number' ? `Writes are acknowledged by ${plural(w, 'member')} (w=${w})`
    : `Writes are acknowledged as the custom write concern ${show(w)} defines (w=${show(w)})`;
  if (journal === true) ws += ', once they reach the on-disk journal (journal=true)';
  else if (journal === false) ws += ', without waiting for the journal (journal=false)';
  if (wt !== undefined && wt > 0 && eff.byName.get('wTimeoutMS')?.source !== 'default') ws += `, waiting at most ${wt} ms for that (wTimeoutMS)`;
  ws += v('retryWrites') === false ? '. Failed writes are not retried (retryWrites=false).' : '. A write that fails on a network error or a failover is retried once (retryWrites).';
  say('writeConcern', ws);

  // Timeouts.
  const timeout = v('timeoutMS');
  if (typeof timeout === 'number') {
    say('timeouts', timeout === 0 ? 'timeoutMS=0: operations have no time limit.' : `Every operation, server selection and connection checkout included, must finish within ${timeout} ms (timeoutMS).`);
  } else {
    say('timeouts', `Time limits: server selection ${ms('serverSelectionTimeoutMS')} (serverSelectionTimeoutMS), opening a connection ${ms('connectTimeoutMS')} (connectTimeoutMS), a socket read ${ms('socketTimeoutMS')} (socketTimeoutMS).`);
  }

  // TLS.
  if (!d.tls) {
    say('tls', 'TLS is off: the connection is not encrypted.');
  } else {
    const why = eff.byName.get('tls')?.source === 'implied' && srvScheme ? ' (mongodb+srv turns it on)' : '';
    const insecure = v('tlsInsecure') === true || v('tlsAllowInvalidCertificates') === true ? ", but the server's certificate is not checked" : v('tlsAllowInvalidHostnames') === true ? ', but the host name is not checked against the certificate' : '';
    const ca = typeof v('tlsCAFile') === 'string' ? `; it trusts the certificate authorities in ${show(v('tlsCAFile')!)}` : "; it trusts the system's certificate authorities";
    const cert = typeof v('tlsCertificateKeyFile') === 'string' ? ` and presents the client certificate in ${show(v('tlsCertificateKeyFile')!)}` : '';
    say('tls', `TLS is on${why}${insecure}${ca}${cert}.`);
  }

  // Authentication.
  if (!auth) {
    say('authentication', 'No credentials: the driver connects without authenticating.');
  } else {
    const who = d.username ? ` as ${d.username}` : '';
    const how = d.authMechanism ? `with ${d.authMechanism}` : `with the mechanism ${(findOption('authMechanism')!.defaultValue ?? '').replace(/^none: /, '')}`;
    say('authentication', `The driver authenticates${who} ${how} against the ${auth.source} database. ${AUTH_SOURCE_REASONS[auth.reason]}`);
  }
  return out;
}

/**
 * The explanation of the connection string under `offset`, null when there is none. `reported` gives a
 * problem's severity under the user's settings (undefined: its rule is off); `srv` is the DNS answer for a
 * mongodb+srv host, merged in when given.
 */
export function explainAt(
  analysis: Analysis,
  offset: number,
  settings: Pick<Settings, 'driver' | 'nodeProject'>,
  reported: (p: DocumentProblem) => Severity | undefined,
  srv?: SrvAnswer,
): Explanation | null {
  const at = stringAt(analysis, offset);
  if (!at) return null;
  const composedText = composedTextOf(analysis, at.k);
  // A composed string is parsed as a value of its own (its record made here, not kept).
  const uri = composedText === undefined ? at.uri : uriParseOf({ ...at.value, text: composedText, offsets: undefined }, { problems: [] })!;
  const placeholders = placeholdersOf(uri, at.value);
  const model = buildModel(uri.parsed, uri.options);
  const srvScheme = model.srv;
  const answer = srvScheme && srv ? srv : null;
  const txt = txtValues(answer?.txtOptions ?? null);
  // authSource: written, else from the TXT record, else the mechanism's rule.
  let auth: { source: string; reason: AuthSourceReason } | null = null;
  if (model.credential) {
    const written = model.options.authSource;
    const fromTxt = txt.get('authSource');
    auth =
      typeof written === 'string' ? { source: written, reason: 'given' }
      : typeof fromTxt === 'string' ? { source: fromTxt, reason: 'txt' }
      : defaultAuthSource(model.credential.mechanism, model.database);
  }
  // The problems of a composed string are placed on its references, in the value's own text.
  const start = at.value.start;
  const end = toDocumentOffset(at.value, at.value.text.length);
  const composedProblem = (p: DocumentProblem) => composedText !== undefined && p.valueIndex < 0 && p.span.start >= start && p.span.end <= end;
  const description = describeParse(uri, model, placeholders, problemsOf(analysis, at.k, reported, composedProblem));
  const profile = analysis.profile ?? chooseProfile(settings);
  const eff = effectiveOptions(uri, placeholders, srvScheme, txt, profile, auth && auth.reason !== 'given' ? auth : null);
  return {
    ...description,
    authSource: auth?.source ?? null,
    composed: composedText !== undefined,
    authSourceReason: auth?.reason ?? null,
    effectiveOptions: eff.options,
    profile: { ...profile, description: describeProfile(profile) },
    srv: answer ? { hosts: answer.hosts.map((h) => ({ host: h.host, port: h.port })), txtOptions: answer.txtOptions } : null,
    account: account(description, eff, srvScheme, answer, auth),
  };
}
