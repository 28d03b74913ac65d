/**
 * The methods that mongosh's globals and the drivers' database and collection objects have, by name:
 * what a file that works with MongoDB calls on `db`, `rs` and `sh` (lex/mongoEvidence.ts). Facts from the
 * mongosh reference (Replication Methods, Sharding Methods, Database Methods, Collection Methods) and the
 * Node.js and Python drivers' Db/Database and Collection classes. Each list names methods only, so that
 * `rs.length` or `db.close()` in code that has nothing to do with MongoDB (a stream's state, an IndexedDB
 * database) is no evidence.
 */

/** mongosh's `rs` helpers (replication). */
export const REPLICA_SET_HELPERS: readonly string[] = [
  'add', 'addArb', 'conf', 'config', 'freeze', 'help', 'initiate', 'printReplicationInfo', 'printSecondaryReplicationInfo',
  'printSlaveReplicationInfo', 'reconfig', 'reconfigForPSASet', 'remove', 'secondaryOk', 'slaveOk', 'status', 'stepDown', 'syncFrom',
];

/** mongosh's `sh` helpers (sharding). */
export const SHARDING_HELPERS: readonly string[] = [
  'abortMoveCollection', 'abortReshardCollection', 'abortUnshardCollection', 'addShard', 'addShardTag', 'addShardToZone', 'addTagRange',
  'balancerCollectionStatus', 'checkMetadataConsistency', 'commitReshardCollection', 'disableAutoMerger', 'disableAutoSplit',
  'disableBalancing', 'disableMigrations', 'enableAutoMerger', 'enableAutoSplit', 'enableBalancing', 'enableMigrations',
  'enableSharding', 'getBalancerState', 'getShardedDataDistribution', 'help', 'isBalancerRunning', 'isConfigShardEnabled',
  'listShards', 'moveChunk', 'moveCollection', 'moveRange', 'removeRangeFromZone', 'removeShardFromZone', 'removeShardTag',
  'removeTagRange', 'reshardCollection', 'setBalancerState', 'shardAndDistributeCollection', 'shardCollection', 'splitAt',
  'splitFind', 'startAutoMerger', 'startBalancer', 'status', 'stopAutoMerger', 'stopBalancer', 'unshardCollection',
  'updateZoneKeyRange', 'waitForBalancer', 'waitForBalancerOff', 'waitForPingChange',
];

/** Methods of a database: mongosh's `db`, the Node.js driver's `Db`, PyMongo's `Database`. */
export const DATABASE_METHODS: readonly string[] = [
  // mongosh
  'adminCommand', 'aggregate', 'auth', 'changeUserPassword', 'commandHelp', 'createCollection', 'createEncryptedCollection',
  'createRole', 'createUser', 'createView', 'currentOp', 'dropAllRoles', 'dropAllUsers', 'dropDatabase', 'dropRole', 'dropUser',
  'fsyncLock', 'fsyncUnlock', 'getCollection', 'getCollectionInfos', 'getCollectionNames', 'getLogComponents', 'getMongo',
  'getName', 'getProfilingStatus', 'getReplicationInfo', 'getRole', 'getRoles', 'getSiblingDB', 'getUser', 'getUsers',
  'grantPrivilegesToRole', 'grantRolesToRole', 'grantRolesToUser', 'hello', 'hostInfo', 'isMaster', 'killOp', 'listCommands',
  'logout', 'printCollectionStats', 'printReplicationInfo', 'printSecondaryReplicationInfo', 'printShardingStatus',
  'revokePrivilegesFromRole', 'revokeRolesFromRole', 'revokeRolesFromUser', 'rotateCertificates', 'runCommand',
  'serverBuildInfo', 'serverCmdLineOpts', 'serverStatus', 'setLogLevel', 'setProfilingLevel', 'shutdownServer', 'stats',
  'updateRole', 'updateUser', 'version', 'watch',
  // the Node.js driver
  'collection', 'collections', 'command', 'dropCollection', 'indexInformation', 'listCollections', 'profilingLevel',
  'removeUser', 'renameCollection', 'runCursorCommand',
  // PyMongo
  'create_collection', 'cursor_command', 'dereference', 'drop_collection', 'get_collection', 'list_collection_names',
  'list_collections', 'validate_collection', 'with_options',
];

/**
 * Methods of a database that the clients of other databases have too, on a variable they also call `db`:
 * Firestore's and ArangoDB's `db.collection('…')`, LokiJS's `db.getCollection('…')`.
 */
export const SHARED_DATABASE_METHODS: readonly string[] = ['collection', 'getCollection'];

/** Methods of a collection: mongosh's, the Node.js driver's `Collection`, PyMongo's `Collection`. */
export const COLLECTION_METHODS: readonly string[] = [
  // mongosh and the Node.js driver
  'aggregate', 'bulkWrite', 'count', 'countDocuments', 'createIndex', 'createIndexes', 'createSearchIndex', 'createSearchIndexes',
  'dataSize', 'deleteMany', 'deleteOne', 'distinct', 'drop', 'dropIndex', 'dropIndexes', 'dropSearchIndex', 'ensureIndex',
  'estimatedDocumentCount', 'explain', 'find', 'findAndModify', 'findOne', 'findOneAndDelete', 'findOneAndReplace',
  'findOneAndUpdate', 'getIndexes', 'getSearchIndexes', 'getShardDistribution', 'hideIndex', 'indexes', 'indexExists',
  'initializeOrderedBulkOp', 'initializeUnorderedBulkOp', 'insert', 'insertMany', 'insertOne', 'isCapped', 'latencyStats',
  'listIndexes', 'listSearchIndexes', 'mapReduce', 'reIndex', 'remove', 'rename', 'renameCollection', 'replaceOne', 'stats',
  'storageSize', 'totalIndexSize', 'totalSize', 'unhideIndex', 'update', 'updateMany', 'updateOne', 'updateSearchIndex',
  'validate', 'watch',
  // PyMongo
  'aggregate_raw_batches', 'bulk_write', 'count_documents', 'create_index', 'create_indexes', 'create_search_index',
  'delete_many', 'delete_one', 'drop_index', 'drop_indexes', 'drop_search_index', 'estimated_document_count',
  'find_one', 'find_one_and_delete', 'find_one_and_replace', 'find_one_and_update', 'find_raw_batches', 'index_information',
  'insert_many', 'insert_one', 'list_indexes', 'list_search_indexes', 'replace_one', 'update_many', 'update_one',
  'update_search_index',
];
