/**
 * Documentation links shared by hover, completion and diagnostics (`codeDescription.href`).
 * Every URL lives here once; tables and rules refer to these constants.
 */
import { asciiLower } from './text';

export const DOCS = {
  connectionString: 'https://www.mongodb.com/docs/manual/reference/connection-string/',
  options: 'https://www.mongodb.com/docs/manual/reference/connection-string-options/',
  auth: 'https://www.mongodb.com/docs/manual/core/authentication/',
  authMechanisms: 'https://www.mongodb.com/docs/manual/core/authentication-mechanisms/',
  scram: 'https://www.mongodb.com/docs/manual/core/security-scram/',
  x509: 'https://www.mongodb.com/docs/manual/core/security-x.509/',
  kerberos: 'https://www.mongodb.com/docs/manual/core/kerberos/',
  ldap: 'https://www.mongodb.com/docs/manual/core/security-ldap/',
  oidc: 'https://www.mongodb.com/docs/manual/core/oidc/security-oidc/',
  awsIam: 'https://www.mongodb.com/docs/atlas/security/aws-iam-authentication/',
  limits: 'https://www.mongodb.com/docs/manual/reference/limits/',
  atlasLimits: 'https://www.mongodb.com/docs/atlas/reference/atlas-limits/',
  readPreference: 'https://www.mongodb.com/docs/manual/core/read-preference/',
  maxStaleness: 'https://www.mongodb.com/docs/manual/core/read-preference-staleness/',
  readPreferenceTags: 'https://www.mongodb.com/docs/manual/core/read-preference-tags/',
  readConcern: 'https://www.mongodb.com/docs/manual/reference/read-concern/',
  writeConcern: 'https://www.mongodb.com/docs/manual/reference/write-concern/',
  connectionStringFormats: 'https://www.mongodb.com/docs/manual/reference/connection-string-formats/',
  srvFormat: 'https://www.mongodb.com/docs/manual/reference/connection-string-formats/#srv-connection-format',
  tlsOptions: 'https://www.mongodb.com/docs/manual/reference/connection-string-options/#tls-options',
  loadBalanced: 'https://www.mongodb.com/docs/manual/reference/connection-string-options/#mongodb-urioption-urioption.loadBalanced',
  namingRestrictions: 'https://www.mongodb.com/docs/manual/reference/limits/#naming-restrictions',
  limitsBson: 'https://www.mongodb.com/docs/manual/reference/limits/#bson-documents',
  limitsIndexes: 'https://www.mongodb.com/docs/manual/reference/limits/#indexes',
  limitsOperations: 'https://www.mongodb.com/docs/manual/reference/limits/#operations',
  queryText: 'https://www.mongodb.com/docs/manual/reference/operator/query/text/',
  queryWhere: 'https://www.mongodb.com/docs/manual/reference/operator/query/where/',
  documentIdField: 'https://www.mongodb.com/docs/manual/core/document/#the-_id-field',
  documentFieldNames: 'https://www.mongodb.com/docs/manual/core/document/#field-names',
  indexCollation: 'https://www.mongodb.com/docs/manual/indexes/#indexes-and-collation',
  limitsReplicaSets: 'https://www.mongodb.com/docs/manual/reference/limits/#replica-sets',
  limitsData: 'https://www.mongodb.com/docs/manual/reference/limits/#data',
  limitsSharding: 'https://www.mongodb.com/docs/manual/reference/limits/#sharded-clusters',
  securityChecklist: 'https://www.mongodb.com/docs/manual/administration/security-checklist/',
  mongod: 'https://www.mongodb.com/docs/manual/reference/program/mongod/',
  serverParameters: 'https://www.mongodb.com/docs/manual/reference/parameters/',
  configurationOptions: 'https://www.mongodb.com/docs/manual/reference/configuration-options/',
  oplogSize: 'https://www.mongodb.com/docs/manual/core/replica-set-oplog/#oplog-size',
  mongoImage: 'https://hub.docker.com/_/mongo',
  composeNetworking: 'https://docs.docker.com/compose/how-tos/networking/',
  nodeSocks: 'https://www.mongodb.com/docs/drivers/node/current/security/socks/',
  pymongoUuid: 'https://www.mongodb.com/docs/languages/python/pymongo-driver/current/data-formats/uuid/',
  pymongoClient: 'https://pymongo.readthedocs.io/en/stable/api/pymongo/mongo_client.html',
  nodeOptions: 'https://www.mongodb.com/docs/drivers/node/current/connect/connection-options/',
  nodeAuth: 'https://www.mongodb.com/docs/drivers/node/current/security/authentication/',
  nodeTls: 'https://www.mongodb.com/docs/drivers/node/current/security/tls/',
  nodeLogging: 'https://www.mongodb.com/docs/drivers/node/current/monitoring-and-logging/logging/',
  nodeApiClientOptions: 'https://mongodb.github.io/node-mongodb-native/7.0/interfaces/MongoClientOptions.html',
  nodeTlsSocketOptions: 'https://nodejs.org/api/tls.html#tlsconnectoptions-callback',
  nodeNetSocketOptions: 'https://nodejs.org/api/net.html#socketconnectoptions-connectlistener',
  specUriOptions: 'https://github.com/mongodb/specifications/blob/master/source/uri-options/uri-options.md',
  specConnectionString: 'https://github.com/mongodb/specifications/blob/master/source/connection-string/connection-string-spec.md',
  specAuth: 'https://github.com/mongodb/specifications/blob/master/source/auth/auth.md',
  specServerSelection: 'https://github.com/mongodb/specifications/blob/master/source/server-selection/server-selection.md',
  specOcsp: 'https://github.com/mongodb/specifications/blob/master/source/ocsp-support/ocsp-support.md',
  specSocks5: 'https://github.com/mongodb/specifications/blob/master/source/socks5-support/socks5.md',
  specCsot: 'https://github.com/mongodb/specifications/blob/master/source/client-side-operations-timeout/client-side-operations-timeout.md',
  specSrv: 'https://github.com/mongodb/specifications/blob/master/source/initial-dns-seedlist-discovery/initial-dns-seedlist-discovery.md',
} as const;

/**
 * Options the server manual does not describe on its connection-string options page, with the page
 * that does describe them. Keys are lower-cased.
 */
const OUTSIDE_MANUAL: Readonly<Record<string, string>> = {
  maxadaptiveretries: DOCS.specUriOptions,
  enableoverloadretargeting: DOCS.specUriOptions,
  tlsdisableocspendpointcheck: DOCS.specOcsp,
  tlsdisablecertificaterevocationcheck: DOCS.specOcsp,
  serverselectiontryonce: DOCS.specServerSelection,
  proxyhost: DOCS.specSocks5,
  proxyport: DOCS.specSocks5,
  proxyusername: DOCS.specSocks5,
  proxypassword: DOCS.specSocks5,
  wtimeout: DOCS.specConnectionString,
};

/** The manual's anchors use its own casing, which differs from ours for a few keys. */
const MANUAL_ANCHOR_CASING: Readonly<Record<string, string>> = {
  appname: 'appName',
  wtimeoutms: 'wtimeoutMS',
};

/** Anchor of an option on the manual's connection-string options page. */
export function manualOptionAnchor(name: string): string {
  const anchorName = MANUAL_ANCHOR_CASING[asciiLower(name)] ?? name;
  return `${DOCS.options}#mongodb-urioption-urioption.${anchorName}`;
}

/**
 * Documentation URL for a connection-string option of the MongoDB specifications (spec or legacy
 * origin): the manual's anchor, or the specification that defines it when the manual is silent.
 * Options only the Node.js driver knows should use `DOCS.nodeOptions` instead.
 */
export function optionDocsUrl(name: string): string {
  return OUTSIDE_MANUAL[asciiLower(name)] ?? manualOptionAnchor(name);
}
