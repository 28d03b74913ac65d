/**
 * The meaning of a parsed connection string: hosts, credential, database and typed options,
 * as a driver would see them after parsing. Used by the hover summary and the conformance tests.
 */
import { EXTERNAL_AUTH_SOURCE, findMechanism } from '../data/authMechanisms';
import { OptionIndex, TypedValue } from './options';
import { asciiLower } from './parser';
import { HostType, ParsedUri } from './types';
import { maskSpans, secretSpans } from './secrets';

export interface HostModel {
  type: HostType;
  host: string;
  port: number | null;
}

export interface CredentialModel {
  username: string | null;
  password: string | null;
  source: string;
  mechanism: string | null;
  mechanismProperties: Record<string, string | boolean> | null;
}

export interface ConnectionModel {
  srv: boolean;
  hosts: HostModel[];
  /** Default database from the path. */
  database: string | null;
  credential: CredentialModel | null;
  /** Effective typed value per canonical option name (last valid occurrence wins; tag sets are a list). */
  options: Record<string, TypedValue>;
  /** Effective TLS: explicit tls/ssl, else on for mongodb+srv. */
  tls: boolean;
}

function effectiveOptions(index: OptionIndex): Record<string, TypedValue> {
  const out: Record<string, TypedValue> = {};
  for (const [, list] of index.byName) {
    const opt = list[0].option;
    if (!opt) continue;
    if (opt.repeatable) {
      const sets = list.filter((o) => o.value !== undefined).map((o) => o.value as Record<string, string>);
      if (sets.length) out[opt.name] = sets;
      continue;
    }
    for (let i = list.length - 1; i >= 0; i--) {
      if (list[i].value !== undefined) {
        out[opt.name] = list[i].value!;
        break;
      }
    }
  }
  // A legacy key is ignored when its replacement is also given (wtimeout + wTimeoutMS).
  for (const [, list] of index.byName) {
    const opt = list[0].option;
    if (opt?.deprecated && opt.origin !== 'spec' && out[opt.deprecated.replacement] !== undefined && opt.name !== opt.deprecated.replacement) delete out[opt.name];
  }
  return out;
}

/**
 * The authSource of a credential that does not give one, and why: the database in the path, `$external`
 * for the mechanism, or `admin` when the path names no database.
 */
export function defaultAuthSource(mechanism: string | null, database: string | null): { source: string; reason: 'database' | 'external' | 'admin' } {
  const mech = mechanism ? findMechanism(mechanism) : undefined;
  switch (mech?.defaultSource) {
    case EXTERNAL_AUTH_SOURCE:
      return { source: EXTERNAL_AUTH_SOURCE, reason: 'external' };
    case 'database-or-$external':
      return database !== null ? { source: database, reason: 'database' } : { source: EXTERNAL_AUTH_SOURCE, reason: 'external' };
    default:
      return database !== null ? { source: database, reason: 'database' } : { source: 'admin', reason: 'admin' };
  }
}

export function buildModel(uri: ParsedUri, index: OptionIndex): ConnectionModel {
  const options = effectiveOptions(index);
  const hosts: HostModel[] = uri.hosts.map((h) => ({
    type: h.type,
    host: h.type === 'hostname' ? h.host.value.toLowerCase() : h.host.value,
    port: h.port?.value ?? null,
  }));
  const database = uri.database?.value ?? null;
  const mechanism = typeof options.authMechanism === 'string' ? options.authMechanism : null;
  let credential: CredentialModel | null = null;
  if (uri.userinfo || mechanism) {
    const explicitSource = typeof options.authSource === 'string' ? options.authSource : undefined;
    let props = (options.authMechanismProperties as Record<string, string> | undefined) ?? null;
    if (mechanism === 'GSSAPI') {
      const legacy = typeof options.gssapiServiceName === 'string' ? options.gssapiServiceName : undefined;
      props = { SERVICE_NAME: legacy ?? 'mongodb', ...(props ?? {}) };
    }
    credential = {
      username: uri.userinfo ? uri.userinfo.username.value : null,
      password: uri.userinfo?.password ? uri.userinfo.password.value : null,
      source: explicitSource ?? defaultAuthSource(mechanism, database).source,
      mechanism,
      mechanismProperties: props,
    };
  }
  const tlsOpt = options.tls ?? options.ssl;
  return {
    srv: uri.scheme.kind === 'mongodb+srv',
    hosts,
    database,
    credential,
    options,
    tls: typeof tlsOpt === 'boolean' ? tlsOpt : uri.scheme.kind === 'mongodb+srv',
  };
}

/** The connection string with every secret replaced by ****: the password and secret option values. */
export function redact(uri: ParsedUri): string {
  return maskSpans(uri.text, secretSpans(uri));
}

export { asciiLower };
