/**
 * Server parameters that a project sets in `mongod.conf` (under `setParameter:`, and
 * `replication.oplogSizeMB`) or at run time with `db.adminCommand({ setParameter: 1, … })`: the type
 * each takes, its documented bounds and default, in our words. Facts from the MongoDB manual's
 * "MongoDB Server Parameters" and "Configuration File Options" pages. Each value lives here once; the
 * checks and hovers of serverConfig/ read it (test/unit/limits/serverParameters.test.ts fails when an
 * entry has no hover).
 */
import { DOCS } from './docLinks';

export type ParameterType = 'boolean' | 'integer' | 'number';

export interface ServerParameter {
  /** The parameter name, or the dotted path of a configuration file option. */
  name: string;
  /** Where it is set: a `setParameter` entry, or an option of the configuration file. */
  kind: 'setParameter' | 'option';
  type: ParameterType;
  /** Smallest value the server accepts (or, with `minimumAdvice`, that the manual documents). */
  min?: number;
  max?: number;
  /**
   * The minimum is advice rather than a check of the server: a smaller value is accepted but works
   * badly (what happens is in `belowMinimum`).
   */
  minimumAdvice?: boolean;
  /** What happens with a value below the minimum. */
  belowMinimum?: string;
  /** The default, as shown in hovers. */
  default: string;
  unit?: string;
  /** One or two sentences in our words: what the parameter does. */
  summary: string;
  /** Whether `setParameter` can change it while the server runs. */
  runtime: boolean;
  docs: string;
}

const param = (name: string): string => `${DOCS.serverParameters}#mongodb-parameter-param.${name}`;

export const SERVER_PARAMETERS = {
  maxIndexBuildMemoryUsageMegabytes: {
    name: 'maxIndexBuildMemoryUsageMegabytes',
    kind: 'setParameter',
    type: 'number',
    min: 50,
    default: '200',
    unit: 'megabytes',
    summary:
      'The memory one index build (one createIndexes command, shared by the indexes it builds) may use to sort keys; what does not fit is spilled to temporary files on disk.',
    belowMinimum: 'the server refuses a value below the minimum',
    runtime: true,
    docs: param('maxIndexBuildMemoryUsageMegabytes'),
  },
  indexMaxNumGeneratedKeysPerDocument: {
    name: 'indexMaxNumGeneratedKeysPerDocument',
    kind: 'setParameter',
    type: 'integer',
    min: 1,
    default: '100000',
    unit: 'keys',
    summary:
      'The most index keys one document may generate (a multikey index on arrays generates one per element); a write that would generate more fails, which keeps such documents from exhausting memory.',
    belowMinimum: 'the value must be a positive whole number',
    runtime: false,
    docs: param('indexMaxNumGeneratedKeysPerDocument'),
  },
  allowDiskUseByDefault: {
    name: 'allowDiskUseByDefault',
    kind: 'setParameter',
    type: 'boolean',
    default: 'true',
    summary:
      'Whether queries and aggregations that need more memory than their stage allows may write temporary files to disk when they do not set allowDiskUse themselves (MongoDB 6.0 and later). With false, such operations fail instead.',
    runtime: true,
    docs: param('allowDiskUseByDefault'),
  },
  transactionLifetimeLimitSeconds: {
    name: 'transactionLifetimeLimitSeconds',
    kind: 'setParameter',
    type: 'integer',
    min: 1,
    default: '60',
    unit: 'seconds',
    summary: 'How long a multi-document transaction may run before the server aborts it.',
    belowMinimum: 'the value must be a positive whole number',
    runtime: true,
    docs: param('transactionLifetimeLimitSeconds'),
  },
  cursorTimeoutMillis: {
    name: 'cursorTimeoutMillis',
    kind: 'setParameter',
    type: 'integer',
    default: '600000 (10 minutes)',
    unit: 'milliseconds',
    summary: 'How long an idle cursor is kept before the server closes it.',
    runtime: true,
    docs: param('cursorTimeoutMillis'),
  },
  notablescan: {
    name: 'notablescan',
    kind: 'setParameter',
    type: 'boolean',
    default: 'false',
    summary: 'With true, the server refuses queries that would scan a whole collection because no index serves them.',
    runtime: true,
    docs: param('notablescan'),
  },
  ttlMonitorEnabled: {
    name: 'ttlMonitorEnabled',
    kind: 'setParameter',
    type: 'boolean',
    default: 'true',
    summary: 'Whether the background task that deletes expired documents of TTL indexes runs.',
    runtime: true,
    docs: param('ttlMonitorEnabled'),
  },
  logLevel: {
    name: 'logLevel',
    kind: 'setParameter',
    type: 'integer',
    min: 0,
    max: 5,
    default: '0',
    summary: 'How verbose the log is: 0 logs informational messages, 1 to 5 add more and more debug messages.',
    belowMinimum: 'the level is a whole number from 0 to 5',
    runtime: true,
    docs: param('logLevel'),
  },
  oplogSizeMB: {
    name: 'replication.oplogSizeMB',
    kind: 'option',
    type: 'number',
    min: 990,
    minimumAdvice: true,
    default: '5% of the free disk space, at least 990 MB and at most 50 GB',
    unit: 'megabytes',
    summary:
      'The size the oplog is created with on the first start of a replica set member; later starts keep the existing oplog (resize it with replSetResizeOplog). The oplog bounds how long a secondary can be offline and still catch up.',
    belowMinimum:
      'the server accepts a smaller oplog, but it holds a short replication window: a secondary that falls behind by more than the oplog holds must be resynced from scratch',
    runtime: false,
    docs: `${DOCS.configurationOptions}#mongodb-setting-replication.oplogSizeMB`,
  },
} as const satisfies Record<string, ServerParameter>;

export type ServerParameterId = keyof typeof SERVER_PARAMETERS;

/** The parameters set under `setParameter`, by name. */
export const SET_PARAMETERS: ReadonlyMap<string, ServerParameter> = new Map(
  Object.values(SERVER_PARAMETERS as Record<string, ServerParameter>)
    .filter((p) => p.kind === 'setParameter')
    .map((p) => [p.name, p]),
);
