/**
 * Every rule, once: its id (also the diagnostic `code` and the `mongodbUri.rules.<id>` setting key),
 * its default severity under the MongoDB specifications, and what it checks.
 * Severity policy: what a driver MUST reject is an error; what it must ignore with a warning is a
 * warning; opinions are information or hints.
 */
import type { FixData, Problem, Severity, Span } from '../api';
import { DOCS } from '../data/docLinks';
import { ADMIN_DOCS } from '../data/adminCommands';
import { LIMITS as L } from '../data/limits';
import { EXTERNAL_AUTH_SOURCE } from '../data/authMechanisms';

export interface RuleInfo {
  id: string;
  severity: Severity;
  group: 'scheme' | 'userinfo' | 'hosts' | 'srv' | 'database' | 'options' | 'cross-option' | 'auth' | 'advice' | 'node' | 'admin' | 'naming' | 'atlas' | 'limits' | 'compose';
  title: string;
  /** The documentation page of what the rule checks (the diagnostic's link). */
  docs: string;
  /**
   * A security finding (credentials or traffic exposed): its severity on the 0–10 scale code scanning
   * uses (`security-severity`: 9 and up critical, 7 high, 4 medium, below low); tagged `security` in SARIF.
   */
  security?: number;
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

const rules = [
  {
    id: 'scheme-invalid', severity: 'error', group: 'scheme', docs: CS,
    title: 'The scheme must be mongodb:// or mongodb+srv://',
  },
  {
    id: 'host-missing', severity: 'error', group: 'hosts', docs: CS,
    title: 'At least one host is required',
  },
  {
    id: 'host-empty', severity: 'error', group: 'hosts', docs: CS,
    title: 'Empty entry in the host list',
  },
  {
    id: 'host-invalid', severity: 'error', group: 'hosts', docs: CS,
    title: 'Malformed host',
  },
  {
    id: 'host-unescaped-slash', severity: 'error', group: 'hosts', docs: CS,
    title: 'UNIX socket paths must be percent-encoded',
  },
  {
    id: 'host-socket-invalid', severity: 'error', group: 'hosts', docs: CS,
    title: 'A UNIX socket path must end in .sock',
  },
  {
    id: 'port-invalid', severity: 'error', group: 'hosts', docs: CS,
    title: 'Port must be an integer from 1 to 65535',
  },
  {
    id: 'host-duplicate', severity: 'info', group: 'hosts', docs: CS,
    title: 'The same host is listed twice',
  },
  {
    id: 'userinfo-unescaped', severity: 'error', group: 'userinfo', docs: CS,
    title: 'Reserved character in username or password must be percent-encoded',
  },
  {
    id: 'userinfo-invalid-escape', severity: 'error', group: 'userinfo', docs: CS,
    title: '% in username or password is not a valid escape',
  },
  {
    id: 'userinfo-unencoded', severity: 'warning', group: 'userinfo', docs: CS,
    title: 'Character in username or password should be percent-encoded',
  },
  {
    id: 'srv-host-count', severity: 'error', group: 'srv', docs: SRV,
    title: 'mongodb+srv takes exactly one host name',
  },
  {
    id: 'srv-port', severity: 'error', group: 'srv', docs: SRV,
    title: 'mongodb+srv host names take no port',
  },
  {
    id: 'srv-host-invalid', severity: 'error', group: 'srv', docs: SRV,
    title: 'mongodb+srv needs a DNS host name',
  },
  {
    id: 'srv-option-without-srv', severity: 'error', group: 'srv', docs: SRV,
    title: 'SRV-only option on a mongodb:// string',
  },
  {
    id: 'database-invalid-char', severity: 'error', group: 'database', docs: LIMITS,
    title: 'Character not allowed in the database name',
  },
  {
    id: 'database-invalid-escape', severity: 'error', group: 'database', docs: CS,
    title: '% in the database name is not a valid escape',
  },
  {
    id: 'database-too-long', severity: 'error', group: 'database', docs: LIMITS,
    title: `Database name must be shorter than ${L.databaseNameLength.value} bytes`,
  },
  {
    id: 'option-no-value', severity: 'error', group: 'options', docs: OPTS,
    title: 'Option without = and a value',
  },
  {
    id: 'option-empty-value', severity: 'warning', group: 'options', docs: OPTS,
    title: 'Option with an empty value is ignored',
  },
  {
    id: 'option-invalid-value', severity: 'warning', group: 'options', docs: OPTS,
    title: 'Option value is invalid and will be ignored',
  },
  {
    id: 'option-invalid-escape', severity: 'warning', group: 'options', docs: OPTS,
    title: '% in an option is not a valid escape',
  },
  {
    id: 'option-unknown', severity: 'warning', group: 'options', docs: OPTS,
    title: 'Unknown option is ignored',
  },
  {
    id: 'option-driver-specific', severity: 'warning', group: 'options', docs: OPTS,
    title: 'Option only some drivers understand',
  },
  {
    id: 'option-unsupported-by-driver', severity: 'hint', group: 'options', docs: OPTS,
    title: 'Option the selected driver does not support',
  },
  {
    id: 'option-duplicate', severity: 'warning', group: 'options', docs: OPTS,
    title: 'Option given more than once',
  },
  {
    id: 'option-deprecated', severity: 'warning', group: 'options', docs: OPTS,
    title: 'Deprecated option',
  },
  {
    id: 'option-legacy-separator', severity: 'warning', group: 'options', docs: OPTS,
    title: '; is a legacy option separator',
  },
  {
    id: 'option-casing', severity: 'hint', group: 'options', docs: OPTS,
    title: 'Option name not in its canonical casing',
  },
  {
    id: 'tls-ssl-mismatch', severity: 'error', group: 'cross-option', docs: TLS,
    title: 'tls and ssl disagree',
  },
  {
    id: 'tls-option-conflict', severity: 'error', group: 'cross-option', docs: TLS,
    title: 'TLS options that may not be combined',
  },
  {
    id: 'proxy-duplicate', severity: 'error', group: 'cross-option', docs: PROXY,
    title: 'Proxy option given more than once',
  },
  {
    id: 'proxy-host-required', severity: 'error', group: 'cross-option', docs: PROXY,
    title: 'Proxy option without proxyHost',
  },
  {
    id: 'proxy-credentials-incomplete', severity: 'error', group: 'cross-option', docs: PROXY,
    title: 'proxyUsername and proxyPassword go together',
  },
  {
    id: 'direct-connection-conflict', severity: 'error', group: 'cross-option', docs: OPTS,
    title: 'directConnection=true needs a single mongodb:// host',
  },
  {
    id: 'load-balanced-conflict', severity: 'error', group: 'cross-option', docs: LB,
    title: 'loadBalanced=true conflicts with another setting',
  },
  {
    id: 'srv-max-hosts-conflict', severity: 'error', group: 'cross-option', docs: SRV,
    title: 'srvMaxHosts conflicts with replicaSet or loadBalanced',
  },
  {
    id: 'read-preference-conflict', severity: 'error', group: 'cross-option', docs: READPREF,
    title: 'Read preference primary cannot take tags or maxStalenessSeconds',
  },
  {
    id: 'write-concern-conflict', severity: 'error', group: 'cross-option', docs: WC,
    title: 'w=0 cannot be combined with journal=true',
  },
  {
    id: 'pool-size-conflict', severity: 'error', group: 'cross-option', docs: OPTS,
    title: 'minPoolSize is larger than maxPoolSize',
  },
  {
    id: 'max-staleness-too-small', severity: 'warning', group: 'cross-option', docs: READPREF,
    title: 'maxStalenessSeconds below the heartbeat-derived minimum',
  },
  {
    id: 'auth-mechanism-unknown', severity: 'error', group: 'auth', docs: AUTH,
    title: 'Unknown authentication mechanism',
  },
  {
    id: 'auth-username-missing', severity: 'error', group: 'auth', docs: AUTH,
    title: 'The authentication mechanism needs a username',
  },
  {
    id: 'auth-username-forbidden', severity: 'error', group: 'auth', docs: AUTH,
    title: 'The authentication mechanism takes no username in the URI',
  },
  {
    id: 'auth-password-forbidden', severity: 'error', group: 'auth', docs: AUTH,
    title: 'The authentication mechanism takes no password',
  },
  {
    id: 'auth-password-missing', severity: 'error', group: 'auth', docs: AUTH,
    title: 'The authentication mechanism needs a password',
  },
  {
    id: 'auth-source-empty', severity: 'error', group: 'auth', docs: AUTH,
    title: 'authSource may not be empty',
  },
  {
    id: 'auth-source-invalid', severity: 'error', group: 'auth', docs: AUTH,
    title: `The authentication mechanism requires authSource=${EXTERNAL_AUTH_SOURCE}`,
  },
  {
    id: 'auth-property-invalid', severity: 'error', group: 'auth', docs: AUTH,
    title: 'Invalid authMechanismProperties entry',
  },
  {
    id: 'auth-property-missing', severity: 'error', group: 'auth', docs: AUTH,
    title: 'A required authMechanismProperties entry is missing',
  },
  {
    id: 'auth-source-without-credentials', severity: 'info', group: 'advice', docs: AUTH,
    title: 'authSource has no effect without credentials',
  },
  {
    id: 'credentials-in-source', severity: 'warning', group: 'advice', docs: DOCS.securityChecklist, security: 7.5,
    title: 'Plaintext password in a source or config file',
  },
  // Reported only under the Node.js driver profile (mongodbUri.driver: "node").
  {
    id: 'node-uri-rejected', severity: 'error', group: 'node', docs: NODE,
    title: 'The Node.js driver cannot parse this part of the connection string',
  },
  {
    id: 'node-option-rejected', severity: 'error', group: 'node', docs: NODE,
    title: 'Option the Node.js driver rejects',
  },
  {
    id: 'node-auth-rejected', severity: 'error', group: 'node', docs: NODE_AUTH,
    title: 'Credentials the Node.js driver rejects',
  },
  {
    id: 'node-option-ignored', severity: 'warning', group: 'node', docs: NODE,
    title: 'Text the Node.js driver reads differently or ignores',
  },
  {
    id: 'tls-disabled', severity: 'info', group: 'advice', docs: TLS, security: 4.0,
    title: 'TLS is off for a remote host',
  },
  {
    id: 'tls-insecure', severity: 'warning', group: 'advice', docs: TLS, security: 6.5,
    title: 'TLS certificate or host name validation is turned off',
  },
  {
    id: 'x509-without-tls', severity: 'warning', group: 'advice', docs: DOCS.x509, security: 5.5,
    title: 'MONGODB-X509 without TLS',
  },
  {
    id: 'x509-without-certificate', severity: 'info', group: 'advice', docs: DOCS.x509,
    title: 'MONGODB-X509 without tlsCertificateKeyFile',
  },
  {
    id: 'proxy-password-plain', severity: 'info', group: 'advice', docs: PROXY, security: 4.0,
    title: 'The SOCKS5 proxy password travels unencrypted to a remote proxy',
  },
  {
    id: 'proxy-remote-localhost', severity: 'info', group: 'advice', docs: PROXY,
    title: 'A remote proxy in front of a localhost server',
  },
  {
    id: 'direct-connection-replica-set', severity: 'info', group: 'advice', docs: OPTS,
    title: 'directConnection=true with replicaSet uses that one member only',
  },
  // Admin commands in JavaScript and MongoDB playgrounds (features/adminCommands.ts).
  {
    id: 'admin-host-without-port', severity: 'warning', group: 'admin', docs: ADMIN_DOCS.dropConnections,
    title: 'A hostAndPort element without a valid port is skipped by dropConnections',
  },
  {
    id: 'admin-host-not-string', severity: 'error', group: 'admin', docs: ADMIN_DOCS.dropConnections,
    title: 'hostAndPort takes an array of "host:port" strings',
  },
  {
    id: 'admin-drop-connections-value', severity: 'error', group: 'admin', docs: ADMIN_DOCS.dropConnections,
    title: 'dropConnections takes the value 1',
  },
  {
    id: 'admin-killop-missing-op', severity: 'error', group: 'admin', docs: ADMIN_DOCS.killOp,
    title: 'killOp needs op, the id of the operation',
  },
  {
    id: 'admin-killop-invalid-op', severity: 'error', group: 'admin', docs: ADMIN_DOCS.killOp,
    title: 'op is a number or a "shard:opid" string',
  },
  {
    id: 'admin-command-not-admin-db', severity: 'warning', group: 'admin', docs: ADMIN_DOCS.adminCommand,
    title: 'dropConnections and killOp run against the admin database',
  },
  // Database, collection and namespace names wherever they appear (service/naming/).
  {
    id: 'database-name-empty', severity: 'error', group: 'database', docs: NAMES,
    title: 'A database name cannot be empty',
  },
  {
    id: 'database-name-windows-char', severity: 'warning', group: 'database', docs: NAMES,
    title: 'Character a Windows server does not allow in database names',
  },
  {
    id: 'database-case-conflict', severity: 'warning', group: 'database', docs: NAMES,
    title: 'Database names that differ only by case',
  },
  {
    id: 'collection-name-empty', severity: 'error', group: 'naming', docs: NAMES,
    title: 'A collection name cannot be empty',
  },
  {
    id: 'collection-invalid-char', severity: 'error', group: 'naming', docs: NAMES,
    title: 'Character not allowed in a collection name',
  },
  {
    id: 'collection-name-reserved', severity: 'error', group: 'naming', docs: NAMES,
    title: 'system. collection names are reserved',
  },
  {
    id: 'collection-name-start', severity: 'info', group: 'naming', docs: NAMES,
    title: 'Collection names should begin with a letter or an underscore',
  },
  {
    id: 'namespace-too-long', severity: 'error', group: 'naming', docs: NAMES,
    title: `The namespace <database>.<collection> is longer than ${L.namespaceLength.value} bytes`,
  },
  {
    id: 'namespace-not-shardable', severity: 'warning', group: 'naming', docs: NAMES,
    title: `A namespace longer than ${L.shardedNamespaceLength.value} bytes cannot be sharded`,
  },
  // MongoDB Atlas names and connection limits.
  {
    id: 'atlas-cluster-name-invalid', severity: 'error', group: 'atlas', docs: ATLAS,
    title: 'Atlas does not accept this cluster name',
  },
  {
    id: 'atlas-cluster-name-prefix-conflict', severity: 'error', group: 'atlas', docs: ATLAS,
    title: `Atlas cluster names must differ in their first ${L.atlasClusterNamePrefix.value} characters`,
  },
  {
    id: 'atlas-project-name-invalid', severity: 'error', group: 'atlas', docs: ATLAS,
    title: 'Atlas does not accept this project name',
  },
  {
    id: 'atlas-organization-name-invalid', severity: 'error', group: 'atlas', docs: ATLAS,
    title: 'Atlas does not accept this organization name',
  },
  {
    id: 'atlas-connections-exceed-tier', severity: 'warning', group: 'atlas', docs: ATLAS,
    title: 'The connection pools can exceed the connection limit of the Atlas tier',
  },
  // Limits of literals in code (service/limits/).
  {
    id: 'index-too-many-fields', severity: 'warning', group: 'limits', docs: INDEXES,
    title: `A compound index has more than ${L.compoundIndexFields.value} fields`,
  },
  {
    id: 'indexes-too-many', severity: 'warning', group: 'limits', docs: INDEXES,
    title: `More than ${L.indexesPerCollection.value} indexes on one collection`,
  },
  {
    id: 'pipeline-too-many-stages', severity: 'warning', group: 'limits', docs: OPERATIONS,
    title: `An aggregation pipeline has more than ${L.pipelineStages.value} stages`,
  },
  {
    id: 'sort-too-many-keys', severity: 'warning', group: 'limits', docs: OPERATIONS,
    title: `A sort has more than ${L.sortKeys.value} keys`,
  },
  {
    id: 'sort-duplicate-key', severity: 'warning', group: 'limits', docs: OPERATIONS,
    title: 'A sort names the same field twice',
  },
  {
    id: 'document-too-deep', severity: 'warning', group: 'limits', docs: BSON,
    title: `A document nests more than ${L.documentNestingDepth.value} levels deep`,
  },
  // Server parameters in mongod.conf and setParameter commands (serverConfig/).
  {
    id: 'server-parameter-type', severity: 'error', group: 'limits', docs: DOCS.serverParameters,
    title: 'A server parameter is given a value of the wrong type',
  },
  {
    id: 'server-parameter-range', severity: 'error', group: 'limits', docs: DOCS.serverParameters,
    title: 'A server parameter is outside the values the server accepts',
  },
  {
    id: 'oplog-size-small', severity: 'warning', group: 'limits', docs: DOCS.oplogSize,
    title: 'replication.oplogSizeMB is below the documented minimum',
  },
  // Atlas quotas of the resources of a Terraform file (atlas/terraformQuotas.ts).
  {
    id: 'atlas-project-clusters', severity: 'warning', group: 'atlas', docs: ATLAS,
    title: `More than ${L.atlasClustersPerProject.value} clusters in one Atlas project`,
  },
  {
    id: 'atlas-project-free-clusters', severity: 'warning', group: 'atlas', docs: ATLAS,
    title: 'More than one free (M0) cluster in one Atlas project',
  },
  {
    id: 'atlas-project-database-users', severity: 'warning', group: 'atlas', docs: ATLAS,
    title: `More than ${L.atlasDatabaseUsersPerProject.value} database users in one Atlas project`,
  },
  {
    id: 'atlas-project-custom-roles', severity: 'warning', group: 'atlas', docs: ATLAS,
    title: `More than ${L.atlasCustomRolesPerProject.value} custom database roles in one Atlas project`,
  },
  {
    id: 'atlas-project-network-peering', severity: 'warning', group: 'atlas', docs: ATLAS,
    title: `More than ${L.atlasNetworkPeeringPerProject.value} network peering connections in one Atlas project`,
  },
  {
    id: 'atlas-project-access-list', severity: 'warning', group: 'atlas', docs: ATLAS,
    title: `More than ${L.atlasAccessListEntriesPerProject.value} IP access list entries in one Atlas project`,
  },
  {
    id: 'atlas-project-teams', severity: 'warning', group: 'atlas', docs: ATLAS,
    title: `More than ${L.atlasTeamsPerProject.value} teams in one Atlas project`,
  },
  {
    id: 'atlas-electable-nodes', severity: 'warning', group: 'atlas', docs: ATLAS,
    title: `More than ${L.atlasElectableNodesPerShard.value} electable nodes in a replica set or shard`,
  },
  {
    id: 'atlas-multi-region-shards', severity: 'warning', group: 'atlas', docs: ATLAS,
    title: `More than ${L.atlasMultiRegionShards.value} shards in a multi-region cluster`,
  },
  {
    id: 'query-text-with-near', severity: 'error', group: 'limits', docs: DOCS.queryText,
    title: 'A query combines $text with $near, $nearSphere or $geoNear',
  },
  {
    id: 'where-uses-db', severity: 'error', group: 'limits', docs: DOCS.queryWhere,
    title: '$where code uses db, which it cannot reach',
  },
  {
    id: 'document-id-array', severity: 'error', group: 'limits', docs: DOCS.documentIdField,
    title: 'The _id of a written document is an array',
  },
  {
    id: 'document-id-regex', severity: 'error', group: 'limits', docs: DOCS.documentIdField,
    title: 'The _id of a written document is a regular expression',
  },
  {
    id: 'document-id-dollar-field', severity: 'error', group: 'limits', docs: DOCS.documentIdField,
    title: 'A field of a document\'s _id starts with $',
  },
  {
    id: 'document-duplicate-field', severity: 'warning', group: 'limits', docs: DOCS.documentFieldNames,
    title: 'A document literal gives the same field twice',
  },
  {
    id: 'document-field-null-char', severity: 'error', group: 'limits', docs: DOCS.documentFieldNames,
    title: 'A field name contains the null character',
  },
  {
    id: 'index-collation-not-simple', severity: 'error', group: 'limits', docs: DOCS.indexCollation,
    title: 'A text or 2d index is given a collation other than simple',
  },
  {
    id: 'aggregation-disk-use-disabled', severity: 'hint', group: 'limits', docs: OPERATIONS,
    title: `An aggregation with $sort or $group turns disk use off (${L.blockingStageMemory.value / (1024 * 1024)} MB memory limit)`,
  },
  // Replica set configurations, capped collections and sharding in code (service/limits/clusterLimits.ts).
  {
    id: 'replica-set-too-many-members', severity: 'error', group: 'limits', docs: DOCS.limitsReplicaSets,
    title: `A replica set configuration has more than ${L.replicaSetMembers.value} members`,
  },
  {
    id: 'replica-set-too-many-voting', severity: 'error', group: 'limits', docs: DOCS.limitsReplicaSets,
    title: `A replica set configuration has more than ${L.replicaSetVotingMembers.value} voting members`,
  },
  {
    id: 'capped-max-too-large', severity: 'error', group: 'limits', docs: DOCS.limitsData,
    title: 'The max document count of a capped collection must be less than 2^31',
  },
  {
    id: 'capped-size-missing', severity: 'error', group: 'limits', docs: DOCS.limitsData,
    title: 'A capped collection needs a size',
  },
  {
    id: 'shard-key-monotonic', severity: 'hint', group: 'limits', docs: DOCS.limitsSharding,
    title: 'A ranged shard key on a monotonically increasing field',
  },
  {
    id: 'shard-key-index-type', severity: 'error', group: 'limits', docs: DOCS.limitsSharding,
    title: 'A shard key field must be ascending (1) or hashed',
  },
  {
    id: 'unique-index-not-shard-key-prefix', severity: 'error', group: 'limits', docs: DOCS.limitsSharding,
    title: 'A unique index on a sharded collection must start with the shard key',
  },
  // Connection strings against the facts of their docker-compose file (compose/composeFacts.ts).
  {
    id: 'compose-localhost', severity: 'warning', group: 'compose', docs: DOCS.composeNetworking,
    title: 'localhost in a container is not the MongoDB service',
  },
  {
    id: 'compose-host-unknown', severity: 'warning', group: 'compose', docs: DOCS.composeNetworking,
    title: 'No service of the compose file has this name',
  },
  {
    id: 'compose-port-mismatch', severity: 'warning', group: 'compose', docs: DOCS.composeNetworking,
    title: 'The MongoDB service does not listen on this port',
  },
  {
    id: 'compose-replica-set-mismatch', severity: 'warning', group: 'compose', docs: DOCS.mongod,
    title: 'replicaSet is not the one the MongoDB service runs',
  },
  {
    id: 'compose-root-auth-source', severity: 'warning', group: 'compose', docs: DOCS.mongoImage,
    title: 'The root user of the image needs authSource=admin',
  },
] as const satisfies readonly RuleInfo[];

/** The id of a rule of the table: a typo in a rule id fails the build. */
export type RuleId = (typeof rules)[number]['id'];

export const RULES: readonly RuleInfo[] = rules;
const byId = new Map<string, RuleInfo>(RULES.map((r) => [r.id, r]));

/** The rule of an id that comes from outside (settings, the command line), or undefined. */
export function ruleInfo(id: string): RuleInfo | undefined {
  return byId.get(id);
}

/** The rule of an id known when the code is built. */
export function rule(id: RuleId): RuleInfo {
  return byId.get(id)!;
}

/** A problem of a rule with the rule's default severity: how analyzers build their problems. */
export function problemOf(ruleId: RuleId, span: Span, message: string, data?: FixData): Problem {
  const p: Problem = { ruleId, severity: rule(ruleId).severity, span, message };
  if (data) p.data = data;
  return p;
}
