/**
 * MongoDB limits and thresholds: the server manual's "MongoDB Limits and Thresholds" page and the
 * Atlas "Service Limits" page. Each value lives here once; rules, hovers and completions read it
 * (test/unit/limits/limitsTable.test.ts fails when an entry has no reader). `value` is in `unit`;
 * `section` names the section of the page given by `page`.
 */
import { DOCS } from './docLinks';

export type LimitUnit =
  | 'bytes'
  | 'fields'
  | 'stages'
  | 'keys'
  | 'levels'
  | 'indexes'
  | 'characters'
  | 'connections'
  | 'clusters'
  | 'users'
  | 'roles'
  | 'entries'
  | 'teams'
  | 'nodes'
  | 'shards'
  | 'members'
  | 'documents';

export interface Limit {
  id: string;
  value: number;
  unit: LimitUnit;
  /** How the value bounds: 'lessThan' (strictly fewer) or 'atMost'. */
  bound: 'lessThan' | 'atMost';
  scope: string;
  /** The page the fact comes from: the server manual's limits page or the Atlas service limits page. */
  page: 'manual' | 'atlas';
  section: string;
  /** One sentence in our words, shown in hovers. */
  summary: string;
}

export const LIMITS = {
  databaseNameLength: {
    id: 'databaseNameLength',
    value: 64,
    unit: 'bytes',
    bound: 'lessThan',
    scope: 'database name',
    page: 'manual',
    section: 'Naming Restrictions',
    summary: 'A database name must be shorter than 64 bytes (UTF-8) and cannot be empty.',
  },
  namespaceLength: {
    id: 'namespaceLength',
    value: 255,
    unit: 'bytes',
    bound: 'atMost',
    scope: 'namespace `<database>.<collection>` of an unsharded collection or a view',
    page: 'manual',
    section: 'Naming Restrictions',
    summary: 'The namespace `<database>.<collection>` (both names and the dot) may be at most 255 bytes long.',
  },
  shardedNamespaceLength: {
    id: 'shardedNamespaceLength',
    value: 235,
    unit: 'bytes',
    bound: 'atMost',
    scope: 'namespace of a sharded collection',
    page: 'manual',
    section: 'Naming Restrictions',
    summary: 'A collection can only be sharded while its namespace is at most 235 bytes long.',
  },
  bsonDocumentSize: {
    id: 'bsonDocumentSize',
    value: 16 * 1024 * 1024,
    unit: 'bytes',
    bound: 'atMost',
    scope: 'BSON document',
    page: 'manual',
    section: 'BSON Documents',
    summary: 'A single document may be at most 16 MiB of BSON; larger content belongs in GridFS.',
  },
  documentNestingDepth: {
    id: 'documentNestingDepth',
    value: 100,
    unit: 'levels',
    bound: 'atMost',
    scope: 'BSON document',
    page: 'manual',
    section: 'BSON Documents',
    summary: 'A document may nest at most 100 levels deep; every embedded object or array adds a level.',
  },
  indexesPerCollection: {
    id: 'indexesPerCollection',
    value: 64,
    unit: 'indexes',
    bound: 'atMost',
    scope: 'collection',
    page: 'manual',
    section: 'Indexes',
    summary: 'A collection can have at most 64 indexes, the default `_id` index included.',
  },
  compoundIndexFields: {
    id: 'compoundIndexFields',
    value: 32,
    unit: 'fields',
    bound: 'atMost',
    scope: 'compound index',
    page: 'manual',
    section: 'Indexes',
    summary: 'A compound index can list at most 32 fields.',
  },
  sortKeys: {
    id: 'sortKeys',
    value: 32,
    unit: 'keys',
    bound: 'atMost',
    scope: 'sort specification',
    page: 'manual',
    section: 'Operations',
    summary: 'A sort can use at most 32 keys.',
  },
  pipelineStages: {
    id: 'pipelineStages',
    value: 1000,
    unit: 'stages',
    bound: 'atMost',
    scope: 'aggregation pipeline',
    page: 'manual',
    section: 'Operations',
    summary: 'An aggregation pipeline may have at most 1000 stages (MongoDB 5.0 and later), counted before and after optimization.',
  },
  blockingStageMemory: {
    id: 'blockingStageMemory',
    value: 100 * 1024 * 1024,
    unit: 'bytes',
    bound: 'atMost',
    scope: 'blocking aggregation stage (`$sort`, `$group`) or blocking sort of a query',
    page: 'manual',
    section: 'Operations',
    summary:
      'A blocking stage such as `$sort` or `$group` may hold at most 100 MB in memory; beyond that it writes temporary files to disk when disk use is allowed (the default since MongoDB 6.0, server parameter `allowDiskUseByDefault`) and fails when it is not.',
  },
  atlasClusterNameLength: {
    id: 'atlasClusterNameLength',
    value: 64,
    unit: 'characters',
    bound: 'atMost',
    scope: 'Atlas cluster name',
    page: 'atlas',
    section: 'Cluster Limits',
    summary: 'An Atlas cluster name is at most 64 ASCII letters, digits and hyphens.',
  },
  atlasClusterNamePrefix: {
    id: 'atlasClusterNamePrefix',
    value: 23,
    unit: 'characters',
    bound: 'atMost',
    scope: 'Atlas cluster host names',
    page: 'atlas',
    section: 'Cluster Limits',
    summary:
      'Atlas builds host names from the first 23 characters of a cluster name: they must be unique in the project; a shorter name cannot end with a hyphen, and a longer one cannot have a hyphen as its 23rd character.',
  },
  atlasProjectNameLength: {
    id: 'atlasProjectNameLength',
    value: 64,
    unit: 'characters',
    bound: 'atMost',
    scope: 'Atlas project name',
    page: 'atlas',
    section: 'Organization and Project Limits',
    summary: 'An Atlas project name is 1 to 64 letters, digits, spaces and the symbols `- _ . ( ) , : & @ + \'`.',
  },
  atlasOrganizationNameLength: {
    id: 'atlasOrganizationNameLength',
    value: 64,
    unit: 'characters',
    bound: 'atMost',
    scope: 'Atlas organization name',
    page: 'atlas',
    section: 'Organization and Project Limits',
    summary: 'An Atlas organization name is 1 to 64 letters, digits, spaces and the symbols `- _ . ( ) , : & @ + \'`.',
  },
  atlasReservedConnections: {
    id: 'atlasReservedConnections',
    value: 10,
    unit: 'connections',
    bound: 'atMost',
    scope: 'Atlas cluster node',
    page: 'atlas',
    section: 'Connection Limits and Cluster Tier',
    summary: 'Atlas keeps 10 connections of every node for its own services; applications get the rest of the tier limit.',
  },
  atlasClustersPerProject: {
    id: 'atlasClustersPerProject',
    value: 25,
    unit: 'clusters',
    bound: 'atMost',
    scope: 'Atlas project',
    page: 'atlas',
    section: 'Organization and Project Limits',
    summary: 'An Atlas project holds at most 25 clusters; Atlas refuses to create another one.',
  },
  atlasDatabaseUsersPerProject: {
    id: 'atlasDatabaseUsersPerProject',
    value: 100,
    unit: 'users',
    bound: 'atMost',
    scope: 'Atlas project',
    page: 'atlas',
    section: 'Organization and Project Limits',
    summary: 'An Atlas project has at most 100 database users; Atlas refuses to create another one.',
  },
  atlasCustomRolesPerProject: {
    id: 'atlasCustomRolesPerProject',
    value: 100,
    unit: 'roles',
    bound: 'atMost',
    scope: 'Atlas project',
    page: 'atlas',
    section: 'Organization and Project Limits',
    summary: 'An Atlas project has at most 100 custom database roles; Atlas refuses to create another one.',
  },
  atlasNetworkPeeringPerProject: {
    id: 'atlasNetworkPeeringPerProject',
    value: 50,
    unit: 'connections',
    bound: 'atMost',
    scope: 'Atlas project',
    page: 'atlas',
    section: 'Organization and Project Limits',
    summary: 'An Atlas project has at most 50 network peering connections; Atlas refuses to create another one.',
  },
  atlasAccessListEntriesPerProject: {
    id: 'atlasAccessListEntriesPerProject',
    value: 200,
    unit: 'entries',
    bound: 'atMost',
    scope: 'Atlas project',
    page: 'atlas',
    section: 'Organization and Project Limits',
    summary: 'The IP access list of an Atlas project holds at most 200 entries; Atlas refuses to add another one.',
  },
  atlasTeamsPerProject: {
    id: 'atlasTeamsPerProject',
    value: 100,
    unit: 'teams',
    bound: 'atMost',
    scope: 'Atlas project',
    page: 'atlas',
    section: 'Organization and Project Limits',
    summary: 'At most 100 teams can be given access to one Atlas project; Atlas refuses to assign another one.',
  },
  atlasFreeClustersPerProject: {
    id: 'atlasFreeClustersPerProject',
    value: 1,
    unit: 'clusters',
    bound: 'atMost',
    scope: 'Atlas project',
    page: 'atlas',
    section: 'Organization and Project Limits',
    summary: 'An Atlas project can hold only one free (M0) cluster; Atlas refuses to create a second one.',
  },
  atlasElectableNodesPerShard: {
    id: 'atlasElectableNodesPerShard',
    value: 7,
    unit: 'nodes',
    bound: 'atMost',
    scope: 'replica set or shard of an Atlas cluster',
    page: 'atlas',
    section: 'Cluster Limits',
    summary: 'A replica set or shard of an Atlas cluster has at most 7 electable nodes, summed over all its regions.',
  },
  atlasMultiRegionShards: {
    id: 'atlasMultiRegionShards',
    value: 12,
    unit: 'shards',
    bound: 'atMost',
    scope: 'multi-region Atlas cluster',
    page: 'atlas',
    section: 'Cluster Limits',
    summary: 'A cluster whose nodes span more than one region has at most 12 shards.',
  },
  replicaSetMembers: {
    id: 'replicaSetMembers',
    value: 50,
    unit: 'members',
    bound: 'atMost',
    scope: 'replica set',
    page: 'manual',
    section: 'Replica Sets',
    summary: 'A replica set can have at most 50 members; the server refuses a configuration with more.',
  },
  replicaSetVotingMembers: {
    id: 'replicaSetVotingMembers',
    value: 7,
    unit: 'members',
    bound: 'atMost',
    scope: 'replica set',
    page: 'manual',
    section: 'Replica Sets',
    summary: 'At most 7 members of a replica set can vote (a member votes unless its `votes` is 0); the server refuses a configuration with more voters.',
  },
  cappedMaxDocuments: {
    id: 'cappedMaxDocuments',
    value: 2 ** 31,
    unit: 'documents',
    bound: 'lessThan',
    scope: 'capped collection',
    page: 'manual',
    section: 'Data',
    summary: 'The `max` document count of a capped collection must be less than 2^31 (2147483648); a capped collection also needs a `size` in bytes, which wins when both are reached.',
  },
} as const satisfies Record<string, Limit>;

export type LimitId = keyof typeof LIMITS;

/** The page a limit is documented on, with its section as anchor text for links. */
export function limitPage(limit: Limit): string {
  return limit.page === 'atlas' ? DOCS.atlasLimits : DOCS.limits;
}

/** `[Section](page#section)`: a Markdown link to where the limit is documented. */
export function limitLink(limit: Limit): string {
  return `[${limit.section}](${limitPage(limit)}#${limit.section.toLowerCase().replace(/ /g, '-')})`;
}

/** Characters a database name may not contain on any platform (and the null character). */
export const DATABASE_NAME_FORBIDDEN_UNIX = ['/', '\\', '.', ' ', '"', '$'] as const;
/** Additional characters forbidden when the server runs on Windows. */
export const DATABASE_NAME_FORBIDDEN_WINDOWS = ['*', '<', '>', ':', '|', '?'] as const;
/** Characters the connection-string specification forbids in the database part of a URI. */
export const URI_DATABASE_FORBIDDEN = ['/', '\\', ' ', '"', '$'] as const;
/** Collection names starting with this are reserved for the server's own collections. */
export const SYSTEM_COLLECTION_PREFIX = 'system.';
/**
 * The server's own collections that applications name on purpose: to read them, or (system.profile)
 * to create them with options. `system.buckets.<name>` of time-series collections is handled apart.
 */
export const KNOWN_SYSTEM_COLLECTIONS: readonly string[] = [
  'system.profile',
  'system.users',
  'system.roles',
  'system.version',
  'system.views',
  'system.js',
  'system.sessions',
  'system.indexes',
  'system.namespaces',
];
