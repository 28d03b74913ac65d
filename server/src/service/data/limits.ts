/**
 * MongoDB limits and thresholds (manual, "MongoDB Limits and Thresholds"). Each fact lives here once;
 * rules, hovers and completions read it. `value` is in `unit`; `section` names the page section.
 */
export type LimitUnit = 'bytes' | 'fields' | 'stages' | 'keys' | 'levels' | 'indexes' | 'characters';

export interface Limit {
  id: string;
  value: number;
  unit: LimitUnit;
  /** How the value bounds: 'lessThan' (strictly fewer) or 'atMost'. */
  bound: 'lessThan' | 'atMost';
  scope: string;
  section: string;
  summary: string;
}

export const LIMITS = {
  databaseNameLength: {
    id: 'databaseNameLength',
    value: 64,
    unit: 'bytes',
    bound: 'lessThan',
    scope: 'database name',
    section: 'Naming Restrictions',
    summary: 'A database name must be shorter than 64 bytes (UTF-8) and cannot be empty.',
  },
} as const satisfies Record<string, Limit>;

/** Characters a database name may not contain on any platform (and the null character). */
export const DATABASE_NAME_FORBIDDEN_UNIX = ['/', '\\', '.', ' ', '"', '$'] as const;
/** Additional characters forbidden when the server runs on Windows. */
export const DATABASE_NAME_FORBIDDEN_WINDOWS = ['*', '<', '>', ':', '|', '?'] as const;
/** Characters the connection-string specification forbids in the database part of a URI. */
export const URI_DATABASE_FORBIDDEN = ['/', '\\', ' ', '"', '$'] as const;
