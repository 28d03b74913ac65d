/**
 * The admin commands we check in shell scripts and playgrounds: dropConnections and killOp.
 * Facts from the MongoDB manual's reference pages (Reference → Database Commands → Administration
 * Commands: dropConnections, killOp; mongosh Methods: db.killOp(); Aggregation Stages: $currentOp),
 * written in our own words. Hover and the admin-command rules read them from here.
 */

export const ADMIN_DOCS = {
  dropConnections: 'https://www.mongodb.com/docs/manual/reference/command/dropConnections/',
  killOp: 'https://www.mongodb.com/docs/manual/reference/command/killOp/',
  dbKillOp: 'https://www.mongodb.com/docs/manual/reference/method/db.killOp/',
  currentOpStage: 'https://www.mongodb.com/docs/manual/reference/operator/aggregation/currentOp/',
  dbCurrentOp: 'https://www.mongodb.com/docs/manual/reference/method/db.currentOp/',
  connPoolStats: 'https://www.mongodb.com/docs/manual/reference/command/connPoolStats/',
  privilegeActions: 'https://www.mongodb.com/docs/manual/reference/privilege-actions/',
  adminCommand: 'https://www.mongodb.com/docs/manual/reference/method/db.adminCommand/',
  runCommand: 'https://www.mongodb.com/docs/manual/reference/method/db.runCommand/',
} as const;

export type AdminCommandName = 'dropConnections' | 'killOp';

export interface AdminCommandField {
  name: string;
  /** BSON type(s) the field takes. */
  type: string;
  required: boolean;
  description: string;
}

export interface AdminPrivilege {
  /** The privilege action (as written in a role's `actions` array). */
  action: string;
  /** The resource the action applies to. */
  resource: string;
  /** When the action is needed. */
  when: string;
}

export interface AdminCommandInfo {
  name: AdminCommandName;
  /** One sentence: what the command does. */
  summary: string;
  /** Server version that added the command. */
  since: string;
  /** The command always runs against this database. */
  database: 'admin';
  /** The command document, as one would write it in mongosh. */
  syntax: string;
  fields: readonly AdminCommandField[];
  privileges: readonly AdminPrivilege[];
  /** Things that go wrong, each a short sentence or two. */
  cautions: readonly string[];
  /** A mongosh helper that wraps the command, if any. */
  helper?: { name: string; docs: string };
  docs: string;
}

const COMMENT_FIELD: AdminCommandField = {
  name: 'comment',
  type: 'any',
  required: false,
  description:
    'Optional note of any BSON type. The server copies it into its log lines, the profiler output and `$currentOp` for this command (MongoDB 4.4 and later).',
};

export const ADMIN_COMMANDS: Readonly<Record<AdminCommandName, AdminCommandInfo>> = {
  dropConnections: {
    name: 'dropConnections',
    summary:
      'Closes the outgoing connections that this `mongod` or `mongos` keeps in its pools to the listed remote hosts.',
    since: '4.2',
    database: 'admin',
    syntax: 'db.adminCommand({ dropConnections: 1, hostAndPort: ["host1:port1", "host2:port2"], comment: <any> })',
    fields: [
      { name: 'dropConnections', type: 'number', required: true, description: 'The command name; its value is `1`.' },
      {
        name: 'hostAndPort',
        type: 'array of strings',
        required: true,
        description:
          'The remote machines, each as a `"host:port"` string. An element without both a host name and a port is skipped without an error.',
      },
      COMMENT_FIELD,
    ],
    privileges: [
      {
        action: 'dropConnections',
        resource: 'cluster',
        when: 'when access control is on; grant it through a user-defined role in the `admin` database, e.g. `{ resource: { cluster: true }, actions: ["dropConnections"] }`',
      },
    ],
    cautions: [
      'An element that lacks the port (or the host) is ignored silently: the command still reports success and the connections stay open.',
      'It acts only on the server it runs on: after removing a replica-set member, run it on every remaining member.',
      'Check the result with `db.adminCommand({ connPoolStats: 1 })`: its `hosts` document should no longer list the host.',
    ],
    docs: ADMIN_DOCS.dropConnections,
  },
  killOp: {
    name: 'killOp',
    summary:
      'Marks the operation with the given operation id (`opid`) for termination; find ids with the `$currentOp` aggregation stage or `db.currentOp()`.',
    since: '3.2',
    database: 'admin',
    syntax: 'db.adminCommand({ killOp: 1, op: <opid>, comment: <any> })',
    fields: [
      { name: 'killOp', type: 'number', required: true, description: 'The command name; its value is `1`.' },
      {
        name: 'op',
        type: 'number, or "shard:opid" string',
        required: true,
        description:
          'The operation id. On a `mongos`, `$currentOp` names an operation that runs on a shard as `"<shardName>:<opid>"`, and that string is what `op` takes.',
      },
      COMMENT_FIELD,
    ],
    privileges: [
      {
        action: 'killop',
        resource: 'cluster',
        when: "to kill another user's operations when authorization is on (on a `mongod`, users may kill their own operations without it)",
      },
      {
        action: 'inprog',
        resource: 'cluster',
        when: "to list other users' operations with `$currentOp` / `db.currentOp()` in order to find their ids",
      },
    ],
    cautions: [
      'Kill only operations that clients started, never internal operations of the server.',
      'Do not use it to stop an index build in a replica set or sharded cluster: drop the index with `dropIndexes` on the primary instead.',
      'Success only means the operation was marked: it stops at its next interruption point, which can take a while. Confirm with `$currentOp`.',
      'On a `mongos`, killing a read that spans shards works from the `mongos`; a write is not propagated to the shards: kill it on each shard with its `"shard:opid"` ids (or use `killSessions` for an operation in a session).',
    ],
    helper: { name: 'db.killOp(opid)', docs: ADMIN_DOCS.dbKillOp },
    docs: ADMIN_DOCS.killOp,
  },
};

/** The keys hover explains, and the command each belongs to (`comment` belongs to both). */
export const ADMIN_KEYS: Readonly<Record<string, readonly AdminCommandName[]>> = {
  dropConnections: ['dropConnections'],
  hostAndPort: ['dropConnections'],
  killOp: ['killOp'],
  op: ['killOp'],
  comment: ['dropConnections', 'killOp'],
};

/** The database these commands must run against. */
export const ADMIN_DATABASE = 'admin';

/** An `op` string that names an operation on a shard: `<shardName>:<opid>`. */
export const SHARD_OPID = /^[^:\s]+:\d+$/;
