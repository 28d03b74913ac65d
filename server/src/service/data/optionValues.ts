/**
 * What individual option values mean, for hover and completion. Values of authMechanism are
 * described by the mechanism table; booleans by their option's description.
 */
export const OPTION_VALUE_DOCS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  readPreference: {
    primary: 'All reads go to the primary. The only mode that guarantees reading your own writes without sessions; tags and maxStalenessSeconds are not allowed with it.',
    primaryPreferred: 'Read from the primary when there is one, otherwise from a secondary (for example during an election).',
    secondary: 'Read only from secondaries; reads fail when none is available. Data may lag behind the primary.',
    secondaryPreferred: 'Read from a secondary when one is available, otherwise from the primary.',
    nearest: 'Read from the member with the lowest network latency (within localThresholdMS), primary or secondary.',
  },
  compressors: {
    snappy: 'Snappy: fast, moderate compression. Supported by all current servers.',
    zlib: 'zlib: better ratio, more CPU; its level is set by zlibCompressionLevel (-1 to 9).',
    zstd: 'Zstandard: good ratio at good speed. Needs MongoDB 4.2 or later.',
    none: 'No compression (Node.js driver spelling; other drivers do not know it).',
  },
  serverMonitoringMode: {
    auto: 'Streaming monitoring where the runtime supports it well, polling otherwise (for example on FaaS platforms).',
    stream: 'The server pushes topology changes over a dedicated connection (MongoDB 4.4+).',
    poll: 'The driver asks each server for its status every heartbeatFrequencyMS.',
  },
  readConcernLevel: {
    local: 'Returns the most recent data on the queried member, which may later be rolled back.',
    available: 'Like local, but on sharded clusters may return orphaned documents; lowest latency.',
    majority: 'Returns data acknowledged by a majority of voting members: it will not be rolled back.',
    linearizable: 'Reads reflect all writes acknowledged by a majority before the read started; primary only, slow.',
    snapshot: 'Reads from a single point-in-time snapshot; used in transactions and some reads.',
  },
  w: {
    majority: 'The write is acknowledged once a majority of data-bearing voting members have applied it.',
    '0': 'Unacknowledged: the driver does not wait for any reply. Errors are not reported.',
    '1': 'Acknowledged by the primary alone (the default for most deployments before MongoDB 5.0).',
  },
};
