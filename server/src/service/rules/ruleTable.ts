/**
 * Every rule, once: its id (also the diagnostic `code` and the `mongodbUri.rules.<id>` setting key),
 * its default severity under the MongoDB specifications, and what it checks.
 * Severity policy: what a driver MUST reject is an error; what it must ignore with a warning is a
 * warning; opinions are information or hints.
 */
import { Severity } from '../types';
import { DOCS } from '../data/docs';
import { ADMIN_DOCS } from '../data/adminCommands';
import { LIMITS as L } from '../data/limits';

export interface RuleInfo {
  id: string;
  severity: Severity;
  group: 'scheme' | 'userinfo' | 'hosts' | 'srv' | 'database' | 'options' | 'cross-option' | 'auth' | 'advice' | 'node' | 'admin' | 'naming' | 'atlas' | 'limits';
  title: string;
  docs: string;
}

// Every URL comes from the documentation table: each fact lives once.
const CS = DOCS.connectionString;
const OPTS = DOCS.options;
const AUTH = DOCS.auth;
const SRV = DOCS.srvFormat;
const LIMITS = DOCS.namingRestrictions;
const TLS = DOCS.tlsOptions;
const PROXY = DOCS.nodeSocks;
const READPREF = DOCS.readPreference;
const WC = DOCS.writeConcern;
const NODE = DOCS.nodeOptions;
const NODE_AUTH = DOCS.nodeAuth;
const NAMES = DOCS.namingRestrictions;
const BSON = DOCS.limitsBson;
const INDEXES = DOCS.limitsIndexes;
const OPERATIONS = DOCS.limitsOperations;
const ATLAS = DOCS.atlasLimits;
const LB = DOCS.loadBalanced;

const rules: RuleInfo[] = [
  { id: 'scheme-invalid', severity: 'error', group: 'scheme', title: 'The scheme must be mongodb:// or mongodb+srv://', docs: CS },
  { id: 'host-missing', severity: 'error', group: 'hosts', title: 'At least one host is required', docs: CS },
  { id: 'host-empty', severity: 'error', group: 'hosts', title: 'Empty entry in the host list', docs: CS },
  { id: 'host-invalid', severity: 'error', group: 'hosts', title: 'Malformed host', docs: CS },
  { id: 'host-unescaped-slash', severity: 'error', group: 'hosts', title: 'UNIX socket paths must be percent-encoded', docs: CS },
  { id: 'host-socket-invalid', severity: 'error', group: 'hosts', title: 'A UNIX socket path must end in .sock', docs: CS },
  { id: 'port-invalid', severity: 'error', group: 'hosts', title: 'Port must be an integer from 1 to 65535', docs: CS },
  { id: 'host-duplicate', severity: 'info', group: 'hosts', title: 'The same host is listed twice', docs: CS },
  { id: 'userinfo-unescaped', severity: 'error', group: 'userinfo', title: 'Reserved character in username or password must be percent-encoded', docs: CS },
  { id: 'userinfo-invalid-escape', severity: 'error', group: 'userinfo', title: '% in username or password is not a valid escape', docs: CS },
  { id: 'userinfo-unencoded', severity: 'warning', group: 'userinfo', title: 'Character in username or password should be percent-encoded', docs: CS },
  { id: 'srv-host-count', severity: 'error', group: 'srv', title: 'mongodb+srv takes exactly one host name', docs: SRV },
  { id: 'srv-port', severity: 'error', group: 'srv', title: 'mongodb+srv host names take no port', docs: SRV },
  { id: 'srv-host-invalid', severity: 'error', group: 'srv', title: 'mongodb+srv needs a DNS host name', docs: SRV },
  { id: 'srv-option-without-srv', severity: 'error', group: 'srv', title: 'SRV-only option on a mongodb:// string', docs: SRV },
  { id: 'database-invalid-char', severity: 'error', group: 'database', title: 'Character not allowed in the database name', docs: LIMITS },
  { id: 'database-invalid-escape', severity: 'error', group: 'database', title: '% in the database name is not a valid escape', docs: CS },
  { id: 'database-too-long', severity: 'error', group: 'database', title: `Database name must be shorter than ${L.databaseNameLength.value} bytes`, docs: LIMITS },
  { id: 'option-no-value', severity: 'error', group: 'options', title: 'Option without = and a value', docs: OPTS },
  { id: 'option-empty-value', severity: 'warning', group: 'options', title: 'Option with an empty value is ignored', docs: OPTS },
  { id: 'option-invalid-value', severity: 'warning', group: 'options', title: 'Option value is invalid and will be ignored', docs: OPTS },
  { id: 'option-invalid-escape', severity: 'warning', group: 'options', title: '% in an option is not a valid escape', docs: OPTS },
  { id: 'option-unknown', severity: 'warning', group: 'options', title: 'Unknown option is ignored', docs: OPTS },
  { id: 'option-driver-specific', severity: 'warning', group: 'options', title: 'Option only the Node.js driver understands', docs: OPTS },
  { id: 'option-unsupported-by-driver', severity: 'hint', group: 'options', title: 'Option the selected driver does not support', docs: OPTS },
  { id: 'option-duplicate', severity: 'warning', group: 'options', title: 'Option given more than once', docs: OPTS },
  { id: 'option-deprecated', severity: 'warning', group: 'options', title: 'Deprecated option', docs: OPTS },
  { id: 'option-legacy-separator', severity: 'warning', group: 'options', title: '; is a legacy option separator', docs: OPTS },
  { id: 'option-casing', severity: 'hint', group: 'options', title: 'Option name not in its canonical casing', docs: OPTS },
  { id: 'tls-ssl-mismatch', severity: 'error', group: 'cross-option', title: 'tls and ssl disagree', docs: TLS },
  { id: 'tls-option-conflict', severity: 'error', group: 'cross-option', title: 'TLS options that may not be combined', docs: TLS },
  { id: 'proxy-duplicate', severity: 'error', group: 'cross-option', title: 'Proxy option given more than once', docs: PROXY },
  { id: 'proxy-host-required', severity: 'error', group: 'cross-option', title: 'Proxy option without proxyHost', docs: PROXY },
  { id: 'proxy-credentials-incomplete', severity: 'error', group: 'cross-option', title: 'proxyUsername and proxyPassword go together', docs: PROXY },
  { id: 'direct-connection-conflict', severity: 'error', group: 'cross-option', title: 'directConnection=true needs a single mongodb:// host', docs: OPTS },
  { id: 'load-balanced-conflict', severity: 'error', group: 'cross-option', title: 'loadBalanced=true conflicts with another setting', docs: LB },
  { id: 'srv-max-hosts-conflict', severity: 'error', group: 'cross-option', title: 'srvMaxHosts conflicts with replicaSet or loadBalanced', docs: SRV },
  { id: 'read-preference-conflict', severity: 'error', group: 'cross-option', title: 'Read preference primary cannot take tags or maxStalenessSeconds', docs: READPREF },
  { id: 'write-concern-conflict', severity: 'error', group: 'cross-option', title: 'w=0 cannot be combined with journal=true', docs: WC },
  { id: 'pool-size-conflict', severity: 'error', group: 'cross-option', title: 'minPoolSize is larger than maxPoolSize', docs: OPTS },
  { id: 'max-staleness-too-small', severity: 'warning', group: 'cross-option', title: 'maxStalenessSeconds below the heartbeat-derived minimum', docs: READPREF },
  { id: 'auth-mechanism-unknown', severity: 'error', group: 'auth', title: 'Unknown authentication mechanism', docs: AUTH },
  { id: 'auth-username-missing', severity: 'error', group: 'auth', title: 'The authentication mechanism needs a username', docs: AUTH },
  { id: 'auth-username-forbidden', severity: 'error', group: 'auth', title: 'The authentication mechanism takes no username in the URI', docs: AUTH },
  { id: 'auth-password-forbidden', severity: 'error', group: 'auth', title: 'The authentication mechanism takes no password', docs: AUTH },
  { id: 'auth-password-missing', severity: 'error', group: 'auth', title: 'The authentication mechanism needs a password', docs: AUTH },
  { id: 'auth-source-empty', severity: 'error', group: 'auth', title: 'authSource may not be empty', docs: AUTH },
  { id: 'auth-source-invalid', severity: 'error', group: 'auth', title: 'The authentication mechanism requires authSource=$external', docs: AUTH },
  { id: 'auth-property-invalid', severity: 'error', group: 'auth', title: 'Invalid authMechanismProperties entry', docs: AUTH },
  { id: 'auth-property-missing', severity: 'error', group: 'auth', title: 'A required authMechanismProperties entry is missing', docs: AUTH },
  { id: 'auth-source-without-credentials', severity: 'info', group: 'advice', title: 'authSource has no effect without credentials', docs: AUTH },
  { id: 'credentials-in-source', severity: 'warning', group: 'advice', title: 'Plaintext password in a source or config file', docs: DOCS.securityChecklist },
  // Reported only under the Node.js driver profile (mongodbUri.driver: "node").
  { id: 'node-uri-rejected', severity: 'error', group: 'node', title: 'The Node.js driver cannot parse this part of the connection string', docs: NODE },
  { id: 'node-option-rejected', severity: 'error', group: 'node', title: 'Option the Node.js driver rejects', docs: NODE },
  { id: 'node-auth-rejected', severity: 'error', group: 'node', title: 'Credentials the Node.js driver rejects', docs: NODE_AUTH },
  { id: 'node-option-ignored', severity: 'warning', group: 'node', title: 'Text the Node.js driver reads differently or ignores', docs: NODE },
  { id: 'tls-disabled', severity: 'info', group: 'advice', title: 'TLS is off for a remote host', docs: TLS },
  { id: 'tls-insecure', severity: 'warning', group: 'advice', title: 'TLS certificate or host name validation is turned off', docs: TLS },
  { id: 'x509-without-tls', severity: 'warning', group: 'advice', title: 'MONGODB-X509 without TLS', docs: DOCS.x509 },
  { id: 'x509-without-certificate', severity: 'info', group: 'advice', title: 'MONGODB-X509 without tlsCertificateKeyFile', docs: DOCS.x509 },
  { id: 'proxy-password-plain', severity: 'info', group: 'advice', title: 'The SOCKS5 proxy password travels unencrypted to a remote proxy', docs: PROXY },
  { id: 'proxy-remote-localhost', severity: 'info', group: 'advice', title: 'A remote proxy in front of a localhost server', docs: PROXY },
  { id: 'direct-connection-replica-set', severity: 'info', group: 'advice', title: 'directConnection=true with replicaSet uses that one member only', docs: OPTS },
  // Admin commands in JavaScript and MongoDB playgrounds (features/adminCommands.ts).
  { id: 'admin-host-without-port', severity: 'warning', group: 'admin', title: 'A hostAndPort element without a valid port is skipped by dropConnections', docs: ADMIN_DOCS.dropConnections },
  { id: 'admin-host-not-string', severity: 'error', group: 'admin', title: 'hostAndPort takes an array of "host:port" strings', docs: ADMIN_DOCS.dropConnections },
  { id: 'admin-drop-connections-value', severity: 'error', group: 'admin', title: 'dropConnections takes the value 1', docs: ADMIN_DOCS.dropConnections },
  { id: 'admin-killop-missing-op', severity: 'error', group: 'admin', title: 'killOp needs op, the id of the operation', docs: ADMIN_DOCS.killOp },
  { id: 'admin-killop-invalid-op', severity: 'error', group: 'admin', title: 'op is a number or a "shard:opid" string', docs: ADMIN_DOCS.killOp },
  { id: 'admin-command-not-admin-db', severity: 'warning', group: 'admin', title: 'dropConnections and killOp run against the admin database', docs: ADMIN_DOCS.adminCommand },
  // Database, collection and namespace names wherever they appear (service/naming/).
  { id: 'database-name-empty', severity: 'error', group: 'database', title: 'A database name cannot be empty', docs: NAMES },
  { id: 'database-name-windows-char', severity: 'warning', group: 'database', title: 'Character a Windows server does not allow in database names', docs: NAMES },
  { id: 'database-case-conflict', severity: 'warning', group: 'database', title: 'Database names that differ only by case', docs: NAMES },
  { id: 'collection-name-empty', severity: 'error', group: 'naming', title: 'A collection name cannot be empty', docs: NAMES },
  { id: 'collection-invalid-char', severity: 'error', group: 'naming', title: 'Character not allowed in a collection name', docs: NAMES },
  { id: 'collection-name-reserved', severity: 'error', group: 'naming', title: 'system. collection names are reserved', docs: NAMES },
  { id: 'collection-name-start', severity: 'info', group: 'naming', title: 'Collection names should begin with a letter or an underscore', docs: NAMES },
  { id: 'namespace-too-long', severity: 'error', group: 'naming', title: `The namespace <database>.<collection> is longer than ${L.namespaceLength.value} bytes`, docs: NAMES },
  { id: 'namespace-not-shardable', severity: 'warning', group: 'naming', title: `A namespace longer than ${L.shardedNamespaceLength.value} bytes cannot be sharded`, docs: NAMES },
  // MongoDB Atlas names and connection limits.
  { id: 'atlas-cluster-name-invalid', severity: 'error', group: 'atlas', title: 'Atlas does not accept this cluster name', docs: ATLAS },
  { id: 'atlas-cluster-name-prefix-conflict', severity: 'error', group: 'atlas', title: `Atlas cluster names must differ in their first ${L.atlasClusterNamePrefix.value} characters`, docs: ATLAS },
  { id: 'atlas-project-name-invalid', severity: 'error', group: 'atlas', title: 'Atlas does not accept this project name', docs: ATLAS },
  { id: 'atlas-organization-name-invalid', severity: 'error', group: 'atlas', title: 'Atlas does not accept this organization name', docs: ATLAS },
  { id: 'atlas-connections-exceed-tier', severity: 'warning', group: 'atlas', title: 'The connection pools can exceed the connection limit of the Atlas tier', docs: ATLAS },
  // Limits of literals in code (service/limits/).
  { id: 'index-too-many-fields', severity: 'warning', group: 'limits', title: `A compound index has more than ${L.compoundIndexFields.value} fields`, docs: INDEXES },
  { id: 'indexes-too-many', severity: 'warning', group: 'limits', title: `More than ${L.indexesPerCollection.value} indexes on one collection`, docs: INDEXES },
  { id: 'pipeline-too-many-stages', severity: 'warning', group: 'limits', title: `An aggregation pipeline has more than ${L.pipelineStages.value} stages`, docs: OPERATIONS },
  { id: 'sort-too-many-keys', severity: 'warning', group: 'limits', title: `A sort has more than ${L.sortKeys.value} keys`, docs: OPERATIONS },
  { id: 'sort-duplicate-key', severity: 'warning', group: 'limits', title: 'A sort names the same field twice', docs: OPERATIONS },
  { id: 'document-too-deep', severity: 'warning', group: 'limits', title: `A document nests more than ${L.documentNestingDepth.value} levels deep`, docs: BSON },
];

export const RULES: readonly RuleInfo[] = rules;
const byId = new Map(rules.map((r) => [r.id, r]));

export function ruleInfo(id: string): RuleInfo | undefined {
  return byId.get(id);
}
