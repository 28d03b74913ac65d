/**
 * Every connection-string option we know: the 49 options of the URI options specification
 * (source/uri-options/uri-options.md, including the `timeoutMS` row that is blank in its table),
 * the legacy keys other specifications name, and every extra key the Node.js driver accepts in a URI.
 *
 * The `node` field of each entry was checked against the `OPTIONS` map of the installed driver
 * (mongodb 7.9, lib/connection_string.js); test/unit/data/uriOptions.test.ts keeps the two in step.
 */
import { DOCS, optionDocsUrl } from './docLinks';
import { asciiLower, uriFileName } from './text';
import { DOTNET_SETTINGS_FILE, SPRING_FILE } from './configFiles';
import { AUTH_MECHANISM_NAMES, EXTERNAL_AUTH_SOURCE, NODE_DEFAULT_MECHANISM } from './authMechanisms';
import type { PlainMessageId } from './l10n';

export type OptionType =
  | 'boolean'
  | 'integer'
  | 'string'
  | 'enum'
  | 'stringList'
  | 'keyValueList'
  | 'tagSet'
  | 'writeConcern';

export type OptionCategory =
  | 'auth'
  | 'tls'
  | 'pool'
  | 'topology'
  | 'readPreference'
  | 'writeConcern'
  | 'readConcern'
  | 'compression'
  | 'timeouts'
  | 'proxy'
  | 'srv'
  | 'monitoring'
  | 'general'
  | 'bson'
  | 'socket'
  | 'logging';

/**
 * 'spec': a row of the URI options table; 'legacy': a key other specifications name; 'node': Node.js
 * driver only; 'drivers': a key some drivers of other languages read (`readBy`), outside the table.
 */
export type OptionOrigin = 'spec' | 'legacy' | 'node' | 'drivers';

/** Drivers of other languages whose own connection string options the table has, named by their language. */
export type DriverFamily = 'java' | 'csharp' | 'python';

/**
 * The driver family that reads a document's connection strings: by its language (the Kotlin driver reads
 * them with the Java driver's code), or by the framework its file configures (Spring Boot's
 * `application.yml`: Java; ASP.NET Core's `appsettings.json`: C#).
 */
export function driverFamilyOf(languageId: string | undefined, documentUri?: string): DriverFamily | undefined {
  if (languageId === 'java' || languageId === 'kotlin') return 'java';
  if (languageId === 'csharp') return 'csharp';
  if (languageId === 'python') return 'python';
  if (documentUri === undefined) return undefined;
  const name = uriFileName(documentUri);
  return SPRING_FILE.test(name) ? 'java' : DOTNET_SETTINGS_FILE.test(name) ? 'csharp' : undefined;
}

/** Whether the drivers of `family` read an option of origin 'drivers' (none known: no). */
export function isReadBy(o: Pick<UriOption, 'readBy'>, family: DriverFamily | undefined): boolean {
  return family !== undefined && (o.readBy?.includes(family) ?? false);
}

/** How messages name the drivers of each family. */
const DRIVER_FAMILY_NAMES: Readonly<Record<DriverFamily, string>> = { java: 'Java', csharp: 'C#', python: 'Python' };

/** The drivers that read an option of origin 'drivers', as a message names them: "Java, C# and Python". */
export function readersOf(o: Pick<UriOption, 'readBy'>): string {
  const names = (o.readBy ?? []).map((f) => DRIVER_FAMILY_NAMES[f]);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names.join('');
}

export interface UriOption {
  /** Canonical casing (the Node.js driver's and the manual's spelling where the spec differs, e.g. appName). */
  name: string;
  type: OptionType;
  category: OptionCategory;
  origin: OptionOrigin;
  /** Row number in the reference copy of the spec table (1–49), spec options only. */
  specRow?: number;
  /** Enum values in canonical casing. */
  values?: readonly string[];
  /** True when `values` are only suggestions and any string is valid. */
  openValues?: boolean;
  /** Inclusive integer range. */
  min?: number;
  max?: number;
  /** Integers allowed outside [min, max]. */
  specialValues?: readonly number[];
  /** 64-bit integer: the upper bound is INT64_MAX rather than INT32_MAX. */
  int64?: boolean;
  /** Upper bound on the UTF-8 byte length of the value. */
  maxBytes?: number;
  /** Human-readable default per the specifications. */
  defaultValue?: string;
  deprecated?: { replacement: string; note: PlainMessageId };
  aliasOf?: string;
  /** Valid only with mongodb+srv:// (an error with mongodb://). */
  srvOnly?: boolean;
  /** The key may appear several times; each occurrence adds a value (readPreferenceTags). */
  repeatable?: boolean;
  /** A DNS TXT record may set this key (TXT_RECORD_OPTIONS lists them). */
  txtRecordAllowed?: boolean;
  /** An empty value is an error rather than a warning. */
  emptyIsError?: boolean;
  /** The spec lets drivers leave it out (optional, pool-only, single-threaded only...); see specNote. */
  optionalInSpec?: boolean;
  specNote?: string;
  /**
   * What individual values mean, for hover and completion. Values of authMechanism are described by the
   * mechanism table; booleans by their option's description.
   */
  valueDocs?: Readonly<Record<string, string>>;
  node: NodeSupport;
  /** origin 'drivers': the drivers that read the key from a connection string. */
  readBy?: readonly DriverFamily[];
  description: string;
  docs: string;
}

/**
 * How the Node.js driver treats a key found in a URI.
 * `type` follows Node's descriptor: booleans accept only `true`/`false`; `uint`/`int` are read with a
 * lenient parseInt (`10abc` is 10) and `uint` rejects negatives; `string` is kept as text; `any` is copied
 * unconverted; `enum` is a fixed list (`values`); `record` is parsed from `k:v,k:v` text;
 * `object` needs an object or function, so every value a URI can carry makes the constructor throw.
 */
export interface NodeSupport {
  /** False: the constructor rejects the key itself ("option X is not supported", or "URI cannot contain X"). */
  accepted: boolean;
  type?: 'boolean' | 'uint' | 'int' | 'string' | 'any' | 'enum' | 'record' | 'object';
  values?: readonly string[];
  note?: string;
  /** Node's spelling in its OPTIONS map when it differs from `name` (matching is case-insensitive anyway). */
  nodeName?: string;
  /** Node's default where it differs from the spec's. */
  defaultValue?: string;
  /** Smallest value Node accepts, where stricter than its type. */
  min?: number;
  /** Node emits this process warning when the key is present. */
  deprecationWarning?: string;
  /** Node accepts the key but discards the value without checking it (an empty value is allowed too). */
  ignored?: boolean;
  /** The option only works with a non-string value from code (function, object, Buffer): from a URI it is useless. */
  codeOnly?: boolean;
  /** Node parses the key but nothing in the driver reads it, so it changes nothing. */
  noEffect?: boolean;
}

export const INT32_MAX = 2147483647;
/** 2^63 − 1 as text: it is not exactly representable as a JS number. */
export const INT64_MAX = '9223372036854775807';

export const READ_PREFERENCE_MODES = ['primary', 'primaryPreferred', 'secondary', 'secondaryPreferred', 'nearest'] as const;
export const COMPRESSORS = ['snappy', 'zlib', 'zstd'] as const;
export const SERVER_MONITORING_MODES = ['stream', 'poll', 'auto'] as const;
export const READ_CONCERN_LEVELS = ['local', 'majority', 'linearizable', 'available', 'snapshot'] as const;

// ---------------------------------------------------------------------------------------------
// Builders: keep each entry to its facts.

type SpecInput = Omit<UriOption, 'origin' | 'docs'> & { docs?: string };
type NodeInput = Omit<UriOption, 'origin' | 'docs' | 'node'> & { docs?: string; node?: Partial<NodeSupport> };

function spec(o: SpecInput): UriOption {
  return { ...o, origin: 'spec', docs: o.docs ?? optionDocsUrl(o.name) };
}
function legacy(o: SpecInput): UriOption {
  return { ...o, origin: 'legacy', docs: o.docs ?? optionDocsUrl(o.name) };
}
function otherDrivers(o: SpecInput & { readBy: readonly DriverFamily[]; docs: string }): UriOption {
  return { ...o, origin: 'drivers' };
}
function nodeOnly(o: NodeInput, nodeType: NodeSupport['type']): UriOption {
  const { node, ...rest } = o;
  return { ...rest, origin: 'node', docs: o.docs ?? DOCS.nodeOptions, node: { accepted: true, type: nodeType, ...node } };
}

const nBool: NodeSupport = { accepted: true, type: 'boolean' };
const nUint: NodeSupport = { accepted: true, type: 'uint' };
const nString: NodeSupport = { accepted: true, type: 'string' };
const nUnsupported = (note: string): NodeSupport => ({ accepted: false, note });

/** Options Node types `any`: copied from the URI unconverted, most of them meant for Node.js `tls.connect` / `net.connect`. */
function passThrough(
  name: string,
  type: OptionType,
  category: OptionCategory,
  description: string,
  extra: { codeOnly?: boolean; noEffect?: boolean; note?: string; docs?: string } = {},
): UriOption {
  const keptAsText = type === 'string' ? undefined : 'Node copies the text unconverted, so the value is a string';
  const note =
    extra.note ??
    (extra.noEffect
      ? 'Accepted, but the driver never hands it on, so it has no effect.'
      : extra.codeOnly
        ? 'Expects a value only code can supply; from a URI the driver keeps a useless string.'
        : type === 'boolean'
          ? `${keptAsText}: 'false' is non-empty and therefore truthy.`
          : keptAsText && `${keptAsText}, not a number.`);
  return nodeOnly(
    {
      name,
      type,
      category,
      description,
      docs: extra.docs ?? (category === 'socket' ? DOCS.nodeNetSocketOptions : DOCS.nodeTlsSocketOptions),
      node: {
        ...(note ? { note } : {}),
        ...(extra.codeOnly ? { codeOnly: true } : {}),
        ...(extra.noEffect ? { noEffect: true } : {}),
      },
    },
    'any',
  );
}

/** Options that need an object or function: any URI value makes Node's constructor throw. */
function objectOnly(name: string, category: OptionCategory, description: string, note: string, docs?: string): UriOption {
  return nodeOnly({ name, type: 'string', category, description, docs, node: { note, codeOnly: true } }, 'object');
}

// ---------------------------------------------------------------------------------------------
// The 49 options of the URI options spec, in the order of its table.

const SPEC_OPTIONS: readonly UriOption[] = [
  spec({
    name: 'maxAdaptiveRetries', specRow: 1, type: 'integer', category: 'general', min: 0, max: INT32_MAX, defaultValue: '2',
    node: { ...nUint, defaultValue: '2' },
    description:
      'Caps how many extra attempts the driver makes after the server reports that it is overloaded. Lower it to fail faster under load.',
  }),
  spec({
    name: 'enableOverloadRetargeting', specRow: 2, type: 'boolean', category: 'general', defaultValue: 'false',
    node: nBool,
    description:
      'When true, a retry after an overload error may go to a different server than the one that reported the overload.',
  }),
  spec({
    name: 'appName', specRow: 3, type: 'string', category: 'general', maxBytes: 128, defaultValue: 'none',
    specNote: 'The spec spells the key appname; keys are case-insensitive. The name sent in the handshake may be at most 128 bytes of UTF-8, and drivers must not invent a default.',
    node: { ...nString, note: 'A name longer than 128 bytes is cut silently in the handshake.' },
    description:
      'A name for your application that the server records in its logs, slow-query entries and currentOp output. Set it so you can tell which service opened a connection.',
  }),
  spec({
    name: 'authMechanism', specRow: 4, type: 'enum', category: 'auth', values: AUTH_MECHANISM_NAMES,
    defaultValue: 'none: negotiated with the server (SCRAM-SHA-256 when offered, else SCRAM-SHA-1)',
    specNote: 'MONGODB-CR has been removed. Mechanism names are written exactly as listed.',
    node: {
      accepted: true, type: 'enum', values: [...AUTH_MECHANISM_NAMES, NODE_DEFAULT_MECHANISM.name],
      note: 'Matched case-insensitively as a word inside a known name, so partial names such as X509 or SCRAM (taken as SCRAM-SHA-1) pass; DEFAULT is accepted too.',
    },
    description:
      'Selects how the client proves its identity. Leave it out for username/password users so the driver negotiates SCRAM; set it for X.509, Kerberos (GSSAPI), LDAP (PLAIN), AWS IAM or OIDC.',
  }),
  spec({
    name: 'authMechanismProperties', specRow: 5, type: 'keyValueList', category: 'auth', defaultValue: 'none',
    specNote: 'Pairs are separated by commas and the first colon splits key from value, so values may contain colons but not commas. Which keys are allowed depends on the mechanism; ALLOWED_HOSTS may never appear in a URI.',
    node: {
      accepted: true, type: 'record',
      note: "Values 'true' and 'false' become booleans; ALLOWED_HOSTS in the URI is rejected; unknown keys are not checked.",
    },
    description:
      'Extra settings for the chosen authentication mechanism as KEY:value pairs, for example SERVICE_NAME for Kerberos or ENVIRONMENT and TOKEN_RESOURCE for OIDC.',
  }),
  spec({
    name: 'authSource', specRow: 6, type: 'string', category: 'auth', txtRecordAllowed: true, emptyIsError: true,
    defaultValue: `depends on the mechanism: the database in the path, else admin (else ${EXTERNAL_AUTH_SOURCE} for PLAIN; always ${EXTERNAL_AUTH_SOURCE} for X.509, GSSAPI, AWS and OIDC)`,
    specNote: 'An empty value is an error even without credentials. authSource on its own does not turn authentication on.',
    node: nString,
    description:
      'The database that holds the user\'s credentials. Set it when the user was created in a database other than the one in the path, typically admin.',
  }),
  spec({
    name: 'compressors', specRow: 7, type: 'stringList', category: 'compression', values: COMPRESSORS, defaultValue: 'none (no compression)',
    specNote: 'A comma-separated list in order of preference. An unknown name is dropped with a warning.',
    node: {
      accepted: true, type: 'enum', values: ['none', 'snappy', 'zlib', 'zstd'], defaultValue: 'none',
      note: 'An unknown name makes the constructor throw; none is accepted as a name.',
    },
    valueDocs: {
      snappy: 'Snappy: fast, moderate compression. Supported by all current servers.',
      zlib: 'zlib: better ratio, more CPU; its level is set by zlibCompressionLevel (-1 to 9).',
      zstd: 'Zstandard: good ratio at good speed. Needs MongoDB 4.2 or later.',
      none: 'No compression (Node.js driver spelling; other drivers do not know it).',
    },
    description:
      'Network compression the client offers, in order of preference; the first one the server also supports is used. Useful on slow or metered links.',
  }),
  spec({
    name: 'connectTimeoutMS', specRow: 8, type: 'integer', category: 'timeouts', min: 0, max: INT32_MAX, defaultValue: '10000',
    node: { ...nUint, defaultValue: '30000' },
    description:
      'How long, in milliseconds, opening one connection to a server may take before it fails. 0 means no limit.',
  }),
  spec({
    name: 'directConnection', specRow: 9, type: 'boolean', category: 'topology', defaultValue: 'false',
    specNote: 'true is an error with more than one host or with mongodb+srv.',
    node: nBool,
    description:
      'When true, the client talks only to the single host given and does not discover the rest of the replica set or cluster. Use it to reach one specific member.',
  }),
  spec({
    name: 'heartbeatFrequencyMS', specRow: 10, type: 'integer', category: 'monitoring', min: 500, max: INT32_MAX,
    defaultValue: '10000 (60000 in single-threaded drivers)',
    node: { ...nUint, note: 'Values below 500 are not rejected; the floor is the separate minHeartbeatFrequencyMS option.' },
    description:
      'Milliseconds between the background checks that track each server\'s state. Lower values notice failovers sooner at the cost of more monitoring traffic.',
  }),
  spec({
    name: 'journal', specRow: 11, type: 'boolean', category: 'writeConcern', defaultValue: 'not sent (server default)',
    specNote: 'journal=true together with w=0 is an inconsistent write concern and an error.',
    node: { ...nBool, note: 'w=0 together with journal=true is not rejected.' },
    description:
      'When true, writes are acknowledged only after they reach the on-disk journal. Part of the write concern.',
  }),
  spec({
    name: 'loadBalanced', specRow: 12, type: 'boolean', category: 'topology', txtRecordAllowed: true, defaultValue: 'false',
    specNote: 'When true it is an error to give more than one host, replicaSet, directConnection=true or srvMaxHosts > 0.',
    node: { ...nBool, note: 'Only allowed in the URI, not in the options object.' },
    description:
      'Declares that the client connects through a load balancer in front of mongos routers (for example a serverless or private-endpoint setup) and must not do its own server discovery.',
  }),
  spec({
    name: 'localThresholdMS', specRow: 13, type: 'integer', category: 'topology', min: 0, max: INT32_MAX, defaultValue: '15',
    node: nUint,
    description:
      'Width, in milliseconds, of the latency window for choosing among suitable servers: servers within this much of the fastest one share the load. 0 means only the fastest.',
  }),
  spec({
    name: 'maxIdleTimeMS', specRow: 14, type: 'integer', category: 'pool', min: 0, max: INT32_MAX, defaultValue: '0 (no limit)',
    optionalInSpec: true, specNote: 'Only for drivers with a connection pool.',
    node: nUint,
    description: 'How long, in milliseconds, a pooled connection may sit unused before it is closed. 0 keeps idle connections open.',
  }),
  spec({
    name: 'maxPoolSize', specRow: 15, type: 'integer', category: 'pool', min: 0, max: INT32_MAX, defaultValue: '100',
    optionalInSpec: true, specNote: 'Only for drivers with a connection pool. minPoolSize must not exceed it when it is above 0.',
    node: { ...nUint, note: 'minPoolSize above maxPoolSize is not rejected.' },
    description:
      'The most connections the pool keeps to each server, in use or idle. 0 removes the cap. Raise it for highly concurrent applications, lower it to protect the server.',
  }),
  spec({
    name: 'maxConnecting', specRow: 16, type: 'integer', category: 'pool', min: 1, max: INT32_MAX, defaultValue: '2',
    optionalInSpec: true, specNote: 'Only for drivers with a connection pool.',
    node: { ...nUint, min: 1 },
    description: 'How many connections each pool may be establishing at the same time; limits connection storms at startup.',
  }),
  spec({
    name: 'maxStalenessSeconds', specRow: 17, type: 'integer', category: 'readPreference', min: 90, max: INT32_MAX, specialValues: [-1],
    defaultValue: 'none (-1: no staleness limit)',
    specNote: 'Also at least heartbeatFrequencyMS/1000 + 10, checked at server selection. A positive value with readPreference primary (the default mode) is an error.',
    node: {
      accepted: true, type: 'uint', min: 1,
      note: '-1 and 0 are rejected. Without an explicit readPreference the value is silently dropped; with primary it throws.',
    },
    description:
      'Reads skip secondaries that lag the primary by more than this many seconds. Needs a non-primary readPreference; -1 means no limit.',
  }),
  spec({
    name: 'minPoolSize', specRow: 18, type: 'integer', category: 'pool', min: 0, max: INT32_MAX, defaultValue: '0',
    optionalInSpec: true, specNote: 'Only for drivers with a connection pool. Must not exceed maxPoolSize when that is above 0.',
    node: nUint,
    description: 'How many connections the pool keeps open to each server even when idle, so bursts do not pay the connection cost.',
  }),
  spec({
    name: 'proxyHost', specRow: 19, type: 'string', category: 'proxy', defaultValue: 'none',
    specNote: 'An IPv4 or IPv6 address or a domain name. Repeating the key is an error.',
    node: nString,
    description: 'Address of a SOCKS5 proxy that all connections to the database go through.',
  }),
  spec({
    name: 'proxyPort', specRow: 20, type: 'integer', category: 'proxy', min: 0, max: 65535, defaultValue: '1080',
    specNote: 'An error without proxyHost. Repeating the key is an error.',
    node: { ...nUint, note: 'Ports above 65535 are not rejected when the client is created.' },
    description: 'TCP port of the SOCKS5 proxy named by proxyHost.',
  }),
  spec({
    name: 'proxyUsername', specRow: 21, type: 'string', category: 'proxy', defaultValue: 'none',
    specNote: 'An error without proxyHost or without proxyPassword. An empty value is ignored. Repeating the key is an error.',
    node: nString,
    description: 'User name for the SOCKS5 proxy; give proxyPassword with it.',
  }),
  spec({
    name: 'proxyPassword', specRow: 22, type: 'string', category: 'proxy', defaultValue: 'none',
    specNote: 'An error without proxyHost or without proxyUsername. An empty value is ignored. Repeating the key is an error.',
    node: nString,
    description: 'Password for the SOCKS5 proxy; give proxyUsername with it.',
  }),
  spec({
    name: 'readConcernLevel', specRow: 23, type: 'string', category: 'readConcern', values: READ_CONCERN_LEVELS, openValues: true,
    defaultValue: 'none (server default)',
    specNote: 'Any string is valid so that future levels work; the listed ones are the known levels.',
    node: nString,
    valueDocs: {
      local: 'Returns the most recent data on the queried member, which may later be rolled back.',
      available: 'Like local, but on sharded clusters may return orphaned documents; lowest latency.',
      majority: 'Returns data acknowledged by a majority of voting members: it will not be rolled back.',
      linearizable: 'Reads reflect all writes acknowledged by a majority before the read started; primary only, slow.',
      snapshot: 'Reads from a single point-in-time snapshot; used in transactions and some reads.',
    },
    description:
      'The isolation level of reads: local, available, majority, linearizable or snapshot. majority returns only data that cannot be rolled back.',
  }),
  spec({
    name: 'readPreference', specRow: 24, type: 'enum', category: 'readPreference', values: READ_PREFERENCE_MODES, defaultValue: 'primary',
    specNote: 'Modes are written in lower camelCase.',
    node: { accepted: true, type: 'enum', values: READ_PREFERENCE_MODES, note: 'Modes are case-sensitive; an unknown mode throws.' },
    valueDocs: {
      primary: 'All reads go to the primary. The only mode that guarantees reading your own writes without sessions; tags and maxStalenessSeconds are not allowed with it.',
      primaryPreferred: 'Read from the primary when there is one, otherwise from a secondary (for example during an election).',
      secondary: 'Read only from secondaries; reads fail when none is available. Data may lag behind the primary.',
      secondaryPreferred: 'Read from a secondary when one is available, otherwise from the primary.',
      nearest: 'Read from the member with the lowest network latency (within localThresholdMS), primary or secondary.',
    },
    description:
      'Which replica set members may serve reads: only the primary, secondaries, or the nearest member. Non-primary modes may return stale data.',
  }),
  spec({
    name: 'readPreferenceTags', specRow: 25, type: 'tagSet', category: 'readPreference', repeatable: true, defaultValue: 'none',
    specNote: 'Each occurrence is one tag set (dc:ny,rack:1), tried in order; an empty value is the empty tag set that matches any member. Non-empty tags with mode primary are an error.',
    node: { accepted: true, type: 'record', note: 'A pair without a colon throws; tags with readPreference=primary are not rejected.' },
    description:
      'Restricts reads to members carrying these replica set tags. Repeat the key to list fallbacks, ending with an empty value to allow any member.',
  }),
  spec({
    name: 'replicaSet', specRow: 26, type: 'string', category: 'topology', txtRecordAllowed: true, defaultValue: 'none',
    specNote: 'Conflicts with loadBalanced=true and with srvMaxHosts > 0.',
    node: nString,
    description: 'Name of the replica set to connect to; the driver ignores hosts that report a different set name.',
  }),
  spec({
    name: 'retryReads', specRow: 27, type: 'boolean', category: 'general', defaultValue: 'true',
    node: nBool,
    description: 'Whether supported read operations are retried once after a transient network error or failover.',
  }),
  spec({
    name: 'retryWrites', specRow: 28, type: 'boolean', category: 'general', defaultValue: 'true',
    node: nBool,
    description: 'Whether supported write operations are retried once after a transient network error or failover.',
  }),
  spec({
    name: 'serverMonitoringMode', specRow: 29, type: 'enum', category: 'monitoring', values: SERVER_MONITORING_MODES, defaultValue: 'auto',
    optionalInSpec: true, specNote: 'Required for multi-threaded and asynchronous drivers only.',
    node: { accepted: true, type: 'enum', values: ['auto', 'poll', 'stream'] },
    valueDocs: {
      auto: 'Streaming monitoring where the runtime supports it well, polling otherwise (for example on FaaS platforms).',
      stream: 'The server pushes topology changes over a dedicated connection (MongoDB 4.4+).',
      poll: 'The driver asks each server for its status every heartbeatFrequencyMS.',
    },
    description:
      'How server monitoring learns about state changes: stream keeps a connection open for pushed updates, poll checks at intervals, auto chooses for the environment (poll on FaaS platforms).',
  }),
  spec({
    name: 'serverSelectionTimeoutMS', specRow: 30, type: 'integer', category: 'topology', min: 1, max: INT32_MAX, defaultValue: '30000',
    specNote: 'A driver may also accept 0 if it documents what 0 means.',
    node: { ...nUint, note: '0 is accepted.' },
    description: 'How long, in milliseconds, an operation waits for a suitable server before it fails with a server selection error.',
  }),
  spec({
    name: 'serverSelectionTryOnce', specRow: 31, type: 'boolean', category: 'topology', defaultValue: 'true',
    optionalInSpec: true, specNote: 'Single-threaded drivers only.',
    node: nUnsupported('Not a Node option: the constructor rejects it.'),
    description:
      'Single-threaded drivers only: when true, a failed server selection rescans the deployment once and then gives up instead of waiting for the full timeout.',
  }),
  spec({
    name: 'socketTimeoutMS', specRow: 32, type: 'integer', category: 'timeouts', min: 0, max: INT32_MAX, defaultValue: 'none (no timeout)',
    deprecated: { replacement: 'timeoutMS', note: 'deprecated.socketTimeoutMS' },
    node: { ...nUint, defaultValue: '0 (no timeout)', note: 'Not flagged as deprecated by Node.' },
    description: 'How long, in milliseconds, a send or receive on a socket may take before the connection is considered failed. 0 means no limit.',
  }),
  spec({
    name: 'srvMaxHosts', specRow: 33, type: 'integer', category: 'srv', min: 0, max: INT32_MAX, srvOnly: true, defaultValue: '0 (no limit)',
    specNote: 'An error with mongodb://. Above 0 it conflicts with replicaSet and with loadBalanced=true.',
    node: nUint,
    description: 'With mongodb+srv, uses at most this many of the hosts from the SRV record, chosen at random. 0 uses all of them.',
  }),
  spec({
    name: 'srvServiceName', specRow: 34, type: 'string', category: 'srv', srvOnly: true, defaultValue: 'mongodb',
    specNote: 'An error with mongodb://. Must be a valid service name; _name must fit a 63-character DNS label.',
    node: nString,
    description: 'The service part of the SRV lookup (_<name>._tcp.<host>) for mongodb+srv. Change it only if your DNS uses a custom service name.',
  }),
  spec({
    name: 'ssl', specRow: 35, type: 'boolean', category: 'tls', aliasOf: 'tls', defaultValue: 'same as tls',
    deprecated: { replacement: 'tls', note: 'deprecated.ssl' },
    specNote: 'All tls and ssl occurrences must have the same value.',
    node: { ...nBool, note: 'Must agree with tls when both are given.' },
    description: 'Older name for tls: turns TLS on or off for every connection.',
  }),
  spec({
    name: 'timeoutMS', specRow: 36, type: 'integer', category: 'timeouts', min: 0, int64: true, defaultValue: 'unset (the older per-step timeouts apply)',
    specNote: 'Its row is blank in the spec table after a format conversion; the client-side operations timeout spec defines it. It takes precedence over socketTimeoutMS, waitQueueTimeoutMS and wTimeoutMS.',
    node: {
      accepted: true, ignored: true,
      deprecationWarning: 'timeoutMS is a deprecated option: timeoutMS has no effect and will be removed in a future release',
      note: 'The installed driver accepts the key but ignores its value, unchecked, and warns that it has no effect.',
    },
    description:
      'A single time budget, in milliseconds, for a whole operation including server selection, connection checkout, retries and network time. 0 means no limit.',
  }),
  spec({
    name: 'tls', specRow: 37, type: 'boolean', category: 'tls', defaultValue: 'true for mongodb+srv, otherwise false',
    specNote: 'Drivers may turn TLS on implicitly when other tls* options are present. All tls and ssl occurrences must agree.',
    node: nBool,
    description: 'Turns TLS encryption on or off for every connection. Atlas requires it; it is on by default with mongodb+srv.',
  }),
  spec({
    name: 'tlsAllowInvalidCertificates', specRow: 38, type: 'boolean', category: 'tls', defaultValue: 'false',
    optionalInSpec: true, specNote: 'Required only where the TLS library allows it. An error together with tlsInsecure, tlsDisableOCSPEndpointCheck or tlsDisableCertificateRevocationCheck.',
    node: { ...nBool, note: 'Conflicts only with tlsInsecure in Node.' },
    description:
      'Skips validation of the server certificate chain. This removes protection against impostor servers; use it only for local testing.',
  }),
  spec({
    name: 'tlsAllowInvalidHostnames', specRow: 39, type: 'boolean', category: 'tls', defaultValue: 'false',
    optionalInSpec: true, specNote: 'Required only where the TLS library allows it. An error together with tlsInsecure.',
    node: nBool,
    description: 'Accepts a server certificate issued for a different host name. Weakens TLS; prefer fixing the certificate or the host name.',
  }),
  spec({
    name: 'tlsCAFile', specRow: 40, type: 'string', category: 'tls', defaultValue: 'none (system trust store)',
    optionalInSpec: true, specNote: 'Required where per-client TLS configuration is possible.',
    node: nString,
    description: 'Path to a PEM file with the certificate authorities to trust, for servers whose certificates a private CA signed.',
  }),
  spec({
    name: 'tlsCertificateKeyFile', specRow: 41, type: 'string', category: 'tls', defaultValue: 'none',
    optionalInSpec: true, specNote: 'Required where per-client TLS configuration is possible.',
    node: nString,
    description: 'Path to a PEM file holding the client certificate and its private key, for mutual TLS or X.509 authentication.',
  }),
  spec({
    name: 'tlsCertificateKeyFilePassword', specRow: 42, type: 'string', category: 'tls', defaultValue: 'none',
    optionalInSpec: true, specNote: 'Required where per-client TLS configuration is possible.',
    node: { accepted: true, type: 'any', note: 'Passed through as the TLS passphrase.' },
    description: 'Password that decrypts the private key in tlsCertificateKeyFile.',
  }),
  spec({
    name: 'tlsDisableCertificateRevocationCheck', specRow: 43, type: 'boolean', category: 'tls', defaultValue: 'false (true on TLS stacks that fail hard)',
    optionalInSpec: true, specNote: 'Optional. An error together with tlsInsecure, tlsAllowInvalidCertificates or tlsDisableOCSPEndpointCheck.',
    node: nUnsupported('Not a Node option: the constructor rejects it.'),
    description: 'Turns off checking whether the server certificate was revoked, through OCSP or certificate revocation lists.',
  }),
  spec({
    name: 'tlsDisableOCSPEndpointCheck', specRow: 44, type: 'boolean', category: 'tls', defaultValue: 'false (true on TLS stacks that fail hard)',
    optionalInSpec: true, specNote: 'Optional. An error together with tlsInsecure, tlsAllowInvalidCertificates or tlsDisableCertificateRevocationCheck.',
    node: nUnsupported('Not a Node option: the constructor rejects it.'),
    description: 'Stops the driver from asking OCSP responders about the server certificate; a stapled OCSP response is still used.',
  }),
  spec({
    name: 'tlsInsecure', specRow: 45, type: 'boolean', category: 'tls', defaultValue: 'false',
    specNote: 'An error together with tlsAllowInvalidCertificates, tlsAllowInvalidHostnames, tlsDisableOCSPEndpointCheck or tlsDisableCertificateRevocationCheck.',
    node: nBool,
    description: 'Relaxes every TLS check at once (certificate chain, host name, revocation). For local testing only.',
  }),
  spec({
    name: 'w', specRow: 46, type: 'writeConcern', category: 'writeConcern', values: ['majority'], openValues: true, defaultValue: 'not sent (server default)',
    specNote: 'A non-negative integer or any string (majority or a custom write concern name); digits are read as a number.',
    node: { accepted: true, type: 'any', note: 'Digits become a number, any other text a tag name; nothing is rejected.' },
    valueDocs: {
      majority: 'The write is acknowledged once a majority of data-bearing voting members have applied it.',
      '0': 'Unacknowledged: the driver does not wait for any reply. Errors are not reported.',
      '1': 'Acknowledged by the primary alone (the default for most deployments before MongoDB 5.0).',
    },
    description:
      'How many members must acknowledge a write: a number, majority, or the name of a custom write concern. 0 means unacknowledged writes.',
  }),
  spec({
    name: 'waitQueueTimeoutMS', specRow: 47, type: 'integer', category: 'pool', min: 0, max: INT32_MAX, defaultValue: '0 (no limit)',
    deprecated: { replacement: 'timeoutMS', note: 'deprecated.waitQueueTimeoutMS' },
    optionalInSpec: true, specNote: 'Pool-only (with exceptions). The table asks for a positive number while the pooling spec allows 0 for no limit.',
    node: { ...nUint, note: 'Not flagged as deprecated by Node.' },
    description: 'How long, in milliseconds, an operation waits for a free connection from the pool before failing.',
  }),
  spec({
    name: 'wTimeoutMS', specRow: 48, type: 'integer', category: 'writeConcern', min: 0, int64: true, defaultValue: 'none (no timeout)',
    deprecated: { replacement: 'timeoutMS', note: 'deprecated.wTimeoutMS' },
    node: { ...nUint, nodeName: 'wtimeoutMS', note: 'Not flagged as deprecated by Node.' },
    description:
      'How long, in milliseconds, the server waits for the requested write acknowledgements before reporting a write concern error. The write itself is not undone.',
  }),
  spec({
    name: 'zlibCompressionLevel', specRow: 49, type: 'integer', category: 'compression', min: -1, max: 9, defaultValue: '-1 (zlib default)',
    specNote: 'Meaningless unless zlib is in compressors, but that is not a reason to warn.',
    node: { accepted: true, type: 'int', defaultValue: '0', note: 'The range is not checked.' },
    description: 'zlib compression level from 0 (none) to 9 (smallest); -1 lets zlib pick. Applies only when zlib is the compressor in use.',
  }),
];

// ---------------------------------------------------------------------------------------------
// Keys named by the specifications outside the table.

const LEGACY_OPTIONS: readonly UriOption[] = [
  legacy({
    name: 'wtimeout', type: 'integer', category: 'writeConcern', min: 0, int64: true,
    deprecated: { replacement: 'wTimeoutMS', note: 'deprecated.wtimeout' },
    specNote: 'Named in the connection-string spec and its tests as a deprecated key.',
    node: { ...nUint, deprecationWarning: 'wtimeout is a deprecated option: Please use wtimeoutMS instead' },
    description: 'Older name for wTimeoutMS, the write concern timeout in milliseconds.',
  }),
  legacy({
    name: 'gssapiServiceName', type: 'string', category: 'auth',
    deprecated: { replacement: 'authMechanismProperties', note: 'deprecated.gssapiServiceName' },
    specNote: 'Named in the auth spec as a deprecated alias of the SERVICE_NAME mechanism property.',
    node: nUnsupported('Not a Node option: the constructor rejects it; use authMechanismProperties=SERVICE_NAME:<name>.'),
    description: 'Older way to set the Kerberos service name for GSSAPI authentication.',
  }),
];

// ---------------------------------------------------------------------------------------------
// Keys only the Node.js driver accepts.

const bsonFlag = (name: string, description: string, defaultValue?: string): UriOption =>
  nodeOnly({ name, type: 'boolean', category: 'bson', description, ...(defaultValue ? { defaultValue } : {}) }, 'boolean');

const NODE_OPTIONS: readonly UriOption[] = [
  nodeOnly({
    name: 'fsync', type: 'boolean', category: 'writeConcern',
    deprecated: { replacement: 'journal', note: 'deprecated.fsync' },
    specNote: 'The spec tests use fsync only as an example of an unsupported value.',
    node: { deprecationWarning: 'fsync is a deprecated option: Please use journal instead', note: 'Sets the journal flag of the write concern.' },
    description: 'Legacy write concern flag that asks for the write to be flushed to disk; Node maps it to journal.',
  }, 'boolean'),
  nodeOnly({
    name: 'j', type: 'boolean', category: 'writeConcern',
    deprecated: { replacement: 'journal', note: 'deprecated.j' },
    node: { deprecationWarning: 'j is a deprecated option: Please use journal instead' },
    description: 'Short legacy form of journal: wait for the write to reach the on-disk journal.',
  }, 'boolean'),
  nodeOnly({
    name: 'writeConcern', type: 'enum', category: 'writeConcern', values: ['majority'],
    node: { values: ['majority'], note: 'From a URI only majority works: a number arrives as text and is rejected. Use w instead.' },
    description: 'Node\'s whole-write-concern option; in a URI it can only say majority. Prefer w, journal and wTimeoutMS.',
  }, 'enum'),
  nodeOnly({
    name: 'autoSelectFamily', type: 'boolean', category: 'socket', defaultValue: 'true',
    description: 'Tries IPv6 and IPv4 addresses of a host in turn until one connects (Node.js happy eyeballs).',
  }, 'boolean'),
  nodeOnly({
    name: 'autoSelectFamilyAttemptTimeout', type: 'integer', category: 'socket', min: 0, max: INT32_MAX,
    description: 'With autoSelectFamily, milliseconds to wait for one address before trying the next; Node.js raises values below 10 to 10.',
  }, 'uint'),
  nodeOnly({
    name: 'family', type: 'enum', category: 'socket', values: ['4', '6'],
    node: { values: ['4', '6'], note: 'Any other number throws.' },
    description: 'Forces connections over IPv4 (4) or IPv6 (6) only.',
  }, 'enum'),
  nodeOnly({
    name: 'noDelay', type: 'boolean', category: 'socket', defaultValue: 'true',
    description: 'Disables Nagle\'s algorithm on the socket so small messages are sent at once.',
  }, 'boolean'),
  nodeOnly({
    name: 'minHeartbeatFrequencyMS', type: 'integer', category: 'monitoring', min: 0, max: INT32_MAX, defaultValue: '500',
    specNote: 'The monitoring spec fixes this at 500 ms; it is not a spec option.',
    description: 'Smallest gap, in milliseconds, between two checks of the same server when checks are requested early.',
  }, 'uint'),
  nodeOnly({
    name: 'minInternalBufferSize', type: 'integer', category: 'socket', min: 0, max: INT32_MAX,
    node: { noEffect: true, note: 'Parsed as an integer but not used anywhere in the current driver.' },
    description: 'Leftover buffer-size setting from older driver versions; it has no effect today.',
  }, 'uint'),
  nodeOnly({
    name: 'tlsCRLFile', type: 'string', category: 'tls', docs: DOCS.nodeTls,
    description: 'Path to a PEM certificate revocation list used to reject revoked server certificates.',
  }, 'string'),
  nodeOnly({
    name: 'servername', type: 'string', category: 'tls',
    description: 'Server name sent in the TLS handshake (SNI) when it must differ from the host name in the URI.',
  }, 'string'),
  nodeOnly({
    name: 'dbName', type: 'string', category: 'general', defaultValue: 'the database in the path, else test',
    description: 'Default database for db() calls; overrides the database in the URI path.',
  }, 'string'),
  nodeOnly({
    name: 'name', type: 'string', category: 'general',
    node: { note: 'Stored as driverInfo.name.' },
    description: 'Name of a library wrapping the driver, added to the handshake metadata next to the driver\'s own name.',
  }, 'string'),
  nodeOnly({
    name: 'monitorCommands', type: 'boolean', category: 'monitoring', defaultValue: 'false',
    description: 'Emits commandStarted, commandSucceeded and commandFailed events for every command the client runs.',
  }, 'boolean'),
  nodeOnly({
    name: 'forceServerObjectId', type: 'boolean', category: 'general', defaultValue: 'false',
    description: 'Lets the server assign _id values instead of the driver generating them before inserting.',
  }, 'boolean'),
  bsonFlag('raw', 'Returns query results as raw BSON buffers instead of JavaScript objects.', 'false'),
  bsonFlag('bsonRegExp', 'Returns BSON regular expressions as BSONRegExp objects instead of native RegExp.'),
  bsonFlag('checkKeys', 'Rejects documents whose keys contain dots or start with $ before sending them.'),
  bsonFlag('ignoreUndefined', 'Leaves out fields whose value is undefined instead of storing them as null.'),
  bsonFlag('promoteBuffers', 'Returns BSON binary values as Node.js Buffers.'),
  bsonFlag('promoteLongs', 'Returns 64-bit integers as JavaScript numbers when they fit.'),
  bsonFlag('promoteValues', 'Returns BSON values as their closest JavaScript types instead of BSON wrapper classes.'),
  bsonFlag('useBigInt64', 'Returns 64-bit integers as JavaScript bigint values.'),
  bsonFlag('serializeFunctions', 'Stores JavaScript functions found in documents as BSON code.'),
  bsonFlag('enableUtf8Validation', 'Checks that strings received from the server are valid UTF-8.', 'true'),
  nodeOnly({
    name: 'mongodbLogPath', type: 'enum', category: 'logging', values: ['stderr', 'stdout'], docs: DOCS.nodeLogging,
    node: { values: ['stderr', 'stdout'], note: 'From a URI only stderr or stdout; code may pass a writable.' },
    description: 'Where the driver\'s structured log messages go.',
  }, 'enum'),
  nodeOnly({
    name: 'mongodbLogMaxDocumentLength', type: 'integer', category: 'logging', min: 0, max: INT32_MAX, docs: DOCS.nodeLogging,
    description: 'Longest document text, in characters, written into a log message before it is cut.',
  }, 'uint'),
  nodeOnly({
    name: '__skipPingOnConnect', type: 'boolean', category: 'general',
    node: { note: 'Internal: the driver sets it itself while connecting automatically.' },
    description: 'Internal switch that skips the ping the client sends after connecting. Not meant for users.',
  }, 'boolean'),
  nodeOnly({
    name: 'srvAllowedHostsSuffix', type: 'string', category: 'srv', srvOnly: true,
    node: { type: 'string', note: 'Validated as a domain of at least two labels (or a reserved single label); an error with mongodb://.' },
    description: 'With mongodb+srv, the domain every host returned by the SRV lookup must belong to, when it differs from the default rule.',
  }, 'string'),

  // Need an object or a function: from a URI every value throws.
  objectOnly('auth', 'auth', 'Credentials object of the options; in a URI, put them before the @ instead.', 'Expects {username, password}; credentials belong in the userinfo part.'),
  objectOnly('autoEncryption', 'general', 'Settings for client-side field level encryption.', 'Expects an object.'),
  objectOnly('driverInfo', 'general', 'Name, version and platform of a library wrapping the driver, for the handshake.', 'Expects an object; the URI key name sets driverInfo.name.'),
  objectOnly('fieldsAsRaw', 'bson', 'Fields whose values are returned as raw BSON.', 'Expects an object.'),
  objectOnly('pkFactory', 'general', 'Factory that generates _id values for inserted documents.', 'Expects an object with a createPk function.'),
  objectOnly('readConcern', 'readConcern', 'Read concern as an object; in a URI use readConcernLevel.', 'Expects an object; use readConcernLevel.'),
  objectOnly('runtimeAdapters', 'general', 'Replacements for the runtime services the driver uses.', 'Expects an object.'),
  objectOnly('mongodbLogComponentSeverities', 'logging', 'Log severity for each driver component.', 'Expects an object.', DOCS.nodeLogging),
  {
    name: 'serverApi', type: 'enum', category: 'general', origin: 'node', values: ['1'], docs: DOCS.nodeOptions,
    node: { accepted: false, type: 'object', codeOnly: true, note: 'A URI may not contain serverApi; pass it to the MongoClient constructor.' },
    description: 'Pins the Stable API version (1) the client declares to the server. Only accepted in code.',
  },
  {
    name: 'srvHostValidator', type: 'string', category: 'srv', origin: 'node', srvOnly: true, docs: DOCS.nodeOptions,
    node: { accepted: false, type: 'object', codeOnly: true, note: 'A URI may not contain srvHostValidator; it is a function passed in code.' },
    description: 'Function that approves or rejects each host returned by the SRV lookup. Only accepted in code.',
  },

  // Passed to Node.js tls.connect / net.connect unconverted.
  passThrough('ca', 'string', 'tls', 'Trusted certificate authorities as PEM text (not a path; for a file use tlsCAFile).'),
  passThrough('cert', 'string', 'tls', 'Client certificate chain as PEM text (for a file use tlsCertificateKeyFile).'),
  passThrough('key', 'string', 'tls', 'Client private key as PEM text (for a file use tlsCertificateKeyFile).'),
  passThrough('passphrase', 'string', 'tls', 'Passphrase of the private key or PFX.'),
  passThrough('pfx', 'string', 'tls', 'PFX or PKCS12 bundle with key and certificates.', { codeOnly: true, note: 'Binary data: only code can supply it.' }),
  passThrough('crl', 'string', 'tls', 'Certificate revocation lists as PEM text (for a file use tlsCRLFile).'),
  passThrough('ciphers', 'string', 'tls', 'OpenSSL cipher list that replaces the Node.js default.'),
  passThrough('ecdhCurve', 'string', 'tls', 'Curves allowed for ECDH key agreement.'),
  passThrough('secureProtocol', 'string', 'tls', 'Legacy OpenSSL method name that pins the TLS protocol version.'),
  passThrough('minDHSize', 'integer', 'tls', 'Smallest Diffie-Hellman parameter size, in bits, accepted for a TLS connection.'),
  passThrough('rejectUnauthorized', 'boolean', 'tls', 'Node.js switch for verifying the server certificate; use tlsAllowInvalidCertificates instead.'),
  passThrough('checkServerIdentity', 'string', 'tls', 'Function that checks the server host name against its certificate.', { codeOnly: true }),
  passThrough('requestCert', 'boolean', 'tls', 'Node.js TLS flag asking the peer for a certificate.', { noEffect: true }),
  passThrough('requestOCSP', 'boolean', 'tls', 'Asks the server to staple an OCSP response to the handshake.', { noEffect: true }),
  passThrough('allowPartialTrustChain', 'boolean', 'tls', 'Accepts an intermediate certificate in the CA list as a trust anchor.'),
  passThrough('pskCallback', 'string', 'tls', 'Function supplying a pre-shared key for TLS-PSK.', { codeOnly: true, noEffect: true }),
  passThrough('secureContext', 'string', 'tls', 'Prebuilt Node.js TLS secure context.', { codeOnly: true }),
  passThrough('enableTrace', 'boolean', 'tls', 'Prints TLS packet traces to stderr, for debugging.', { noEffect: true }),
  passThrough('ALPNProtocols', 'stringList', 'tls', 'Protocols offered through ALPN in the TLS handshake.', { codeOnly: true, note: 'Expects an array or Buffer; from a URI the driver keeps a string.' }),
  passThrough('SNICallback', 'string', 'tls', 'Server-side SNI callback of Node.js TLS; meaningless for a client.', { codeOnly: true, noEffect: true }),
  passThrough('session', 'string', 'tls', 'TLS session data to resume an earlier session.', { codeOnly: true }),
  passThrough('localAddress', 'string', 'socket', 'Local interface address the connection is bound to.'),
  passThrough('localPort', 'integer', 'socket', 'Local port the connection is bound to.'),
  passThrough('hints', 'integer', 'socket', 'dns.lookup hint flags used to resolve host names.'),
  passThrough('lookup', 'string', 'socket', 'Custom DNS lookup function.', { codeOnly: true }),
  passThrough('keepAliveInitialDelay', 'integer', 'socket', 'Milliseconds of idleness before the first TCP keep-alive probe.'),
  passThrough('index', 'integer', 'general', 'Key of the driver\'s options map that nothing reads; it has no documented use.', { noEffect: true, docs: DOCS.nodeApiClientOptions }),
  passThrough('connectionType', 'string', 'general', 'Internal hook to replace the connection class.', { codeOnly: true, docs: DOCS.nodeApiClientOptions }),
  passThrough('srvPoller', 'string', 'srv', 'Internal hook to replace the SRV polling component.', { codeOnly: true, docs: DOCS.nodeApiClientOptions }),
];

// ---------------------------------------------------------------------------------------------
// Keys that drivers of other languages read, outside the specification's table. The Node.js driver
// rejects each of them.

const DRIVER_OPTIONS: readonly UriOption[] = [
  otherDrivers({
    name: 'uuidRepresentation', type: 'enum', category: 'bson', readBy: ['java', 'csharp', 'python'],
    values: ['unspecified', 'standard', 'javaLegacy', 'csharpLegacy', 'pythonLegacy'],
    defaultValue: 'unspecified',
    node: nUnsupported('Not a Node option: the constructor rejects it.'),
    description:
      'How UUID values are written to BSON and read back. `standard` stores binary subtype 4, which every driver reads alike; the legacy values store subtype 3 with the byte order an older driver of that language used, for data written that way. `unspecified` refuses to encode a native UUID.',
    docs: DOCS.pymongoUuid,
  }),
  otherDrivers({
    name: 'connect', type: 'boolean', category: 'general', readBy: ['python'], defaultValue: 'true',
    node: nUnsupported('Not a Node option: the constructor rejects it.'),
    description: 'PyMongo: whether MongoClient starts connecting in the background when it is created (true), or waits for the first operation (false, as forked processes should).',
    docs: DOCS.pymongoClient,
  }),
  otherDrivers({
    name: 'tz_aware', type: 'boolean', category: 'bson', readBy: ['python'], defaultValue: 'false',
    node: nUnsupported('Not a Node option: the constructor rejects it.'),
    description: 'PyMongo: whether dates read from the server come back as datetime values that carry a time zone (UTC), rather than naive ones.',
    docs: DOCS.pymongoClient,
  }),
];

export const URI_OPTIONS: readonly UriOption[] = [...SPEC_OPTIONS, ...LEGACY_OPTIONS, ...NODE_OPTIONS, ...DRIVER_OPTIONS];

export const SPEC_OPTION_COUNT: number = URI_OPTIONS.filter((o) => o.origin === 'spec').length;

const BY_LOWER_NAME: ReadonlyMap<string, UriOption> = new Map(URI_OPTIONS.map((o) => [asciiLower(o.name), o]));

/** Lower-cased name -> option (spec and legacy and node entries). Only ASCII A–Z are folded. */
export function findOption(key: string): UriOption | undefined {
  return BY_LOWER_NAME.get(asciiLower(key));
}

/** findOption for a key already lower-cased (ASCII A–Z folded): one lookup, no copy. */
export function findOptionLower(keyLower: string): UriOption | undefined {
  return BY_LOWER_NAME.get(keyLower);
}

/** The options a DNS TXT record may set, in table order. */
export const TXT_RECORD_OPTIONS: readonly string[] = URI_OPTIONS.filter((o) => o.txtRecordAllowed).map((o) => o.name);

/** The value documentation of every option that has some, by option name (each option's `valueDocs`). */
export const OPTION_VALUE_DOCS: Readonly<Record<string, Readonly<Record<string, string>>>> = Object.fromEntries(
  URI_OPTIONS.filter((o) => o.valueDocs).map((o) => [o.name, o.valueDocs!]),
);
