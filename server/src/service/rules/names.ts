/**
 * Database, collection and namespace names: what the server accepts (manual, "Naming Restrictions").
 * One place for these checks, used for the database of a connection string, for authSource, for
 * configuration keys and for names passed to driver calls. Pure and linear in the name's length;
 * offsets are UTF-16 offsets into the name.
 */
import {
  DATABASE_NAME_FORBIDDEN_UNIX,
  DATABASE_NAME_FORBIDDEN_WINDOWS,
  KNOWN_SYSTEM_COLLECTIONS,
  LIMITS,
  SYSTEM_COLLECTION_PREFIX,
} from '../data/limits';
import { ServerPlatform, Severity } from '../api';
import type { RuleId } from './ruleTable';
import { LOWER_A, LOWER_Z, UPPER_A, UPPER_Z } from '../lex/chars';
import { message } from '../data/l10n';

export interface NameIssue {
  ruleId: RuleId;
  /** Offsets in the name; `start === end` for an empty name. */
  start: number;
  end: number;
  message: string;
  /** When it differs from the rule's default severity. */
  severity?: Severity;
  /** The offending character, for callers that add context to the message. */
  char?: string;
}

/** Issues reported per name at most: a long name full of bad characters says it once per kind. */
const MAX_CHARACTER_ISSUES = 8;

/** Bytes of the UTF-8 encoding of text[from, to), counted without encoding. */
export function utf8Length(text: string, from = 0, to = text.length): number {
  let bytes = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

const UNIX_FORBIDDEN: ReadonlySet<string> = new Set(DATABASE_NAME_FORBIDDEN_UNIX);
const WINDOWS_FORBIDDEN: ReadonlySet<string> = new Set(DATABASE_NAME_FORBIDDEN_WINDOWS);

/** ASCII characters no platform forbids in a database name, by code (a lookup table of the two lists above). */
const PLAIN_NAME_CHAR: readonly boolean[] = Array.from({ length: 128 }, (_, c) => {
  const ch = String.fromCharCode(c);
  return c !== 0 && !UNIX_FORBIDDEN.has(ch) && !WINDOWS_FORBIDDEN.has(ch);
});

/** A non-empty ASCII name shorter than the limit, of characters no platform forbids: nothing to say about it. */
function isPlainShortName(name: string): boolean {
  if (name.length === 0 || name.length >= LIMITS.databaseNameLength.value) return false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c >= 128 || !PLAIN_NAME_CHAR[c]) return false;
  }
  return true;
}

/** How a character is named in a message. */
export function describeChar(ch: string): string {
  if (ch === ' ') return message('char.space');
  if (ch === '\0') return message('char.null');
  if (ch === '"') return message('char.quoted', { char: '\\"' });
  return message('char.quoted', { char: ch });
}

export interface DatabaseNameContext {
  platform: ServerPlatform;
  /** The name is the database part of a connection string: the specification accepts a `.` there. */
  inUri?: boolean;
}

/** Checks a database name. An empty name is reported (callers skip the absent database of a URI). */
export function checkDatabaseName(name: string, context: DatabaseNameContext): NameIssue[] {
  if (isPlainShortName(name)) return [];
  const issues: NameIssue[] = [];
  if (name.length === 0) {
    issues.push({ ruleId: 'database-name-empty', start: 0, end: 0, message: message('name.databaseEmpty') });
    return issues;
  }
  let reported = 0;
  for (let i = 0; i < name.length && reported < MAX_CHARACTER_ISSUES; i++) {
    const ch = name[i]!;
    if (ch === '\0' || UNIX_FORBIDDEN.has(ch)) {
      reported++;
      if (ch === '.' && context.inUri) {
        issues.push({
          ruleId: 'database-invalid-char',
          start: i,
          end: i + 1,
          char: ch,
          severity: 'info',
          message:
            message('name.databaseDot'),
        });
      } else {
        issues.push({ ruleId: 'database-invalid-char', start: i, end: i + 1, char: ch, message: message('name.databaseChar', { char: describeChar(ch) }) });
      }
    } else if (context.platform !== 'unix' && WINDOWS_FORBIDDEN.has(ch)) {
      reported++;
      const issue: NameIssue = {
        ruleId: 'database-name-windows-char',
        start: i,
        end: i + 1,
        char: ch,
        message:
          context.platform === 'windows'
            ? message('name.windowsChar', { char: describeChar(ch) })
            : message('name.windowsCharAny', { char: describeChar(ch) }),
      };
      if (context.platform === 'windows') issue.severity = 'error';
      issues.push(issue);
    }
  }
  const limit = LIMITS.databaseNameLength;
  const bytes = utf8Length(name);
  if (bytes >= limit.value) {
    issues.push({
      ruleId: 'database-too-long',
      start: 0,
      end: name.length,
      message: message('name.databaseLength', { bytes, limit: limit.value }),
    });
  }
  return issues;
}

function isLetter(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if ((c >= UPPER_A && c <= UPPER_Z) || (c >= LOWER_A && c <= LOWER_Z)) return true;
  return c >= 0x80 && /\p{L}/u.test(ch);
}

/** True for the server's own collections that applications read or create by name (system.profile, ...). */
function isKnownSystemCollection(name: string): boolean {
  if (KNOWN_SYSTEM_COLLECTIONS.includes(name)) return true;
  return name.startsWith('system.buckets.') && name.length > 'system.buckets.'.length;
}

/** Checks a collection name. */
export function checkCollectionName(name: string): NameIssue[] {
  const issues: NameIssue[] = [];
  if (name.length === 0) {
    issues.push({ ruleId: 'collection-name-empty', start: 0, end: 0, message: message('name.collectionEmpty') });
    return issues;
  }
  let reported = 0;
  for (let i = 0; i < name.length && reported < MAX_CHARACTER_ISSUES; i++) {
    const ch = name[i]!;
    if (ch === '$' || ch === '\0') {
      reported++;
      issues.push({ ruleId: 'collection-invalid-char', start: i, end: i + 1, char: ch, message: message('name.collectionChar', { char: describeChar(ch) }) });
    }
  }
  if (!isKnownSystemCollection(name)) {
    if (name.startsWith(SYSTEM_COLLECTION_PREFIX)) {
      issues.push({
        ruleId: 'collection-name-reserved',
        start: 0,
        end: SYSTEM_COLLECTION_PREFIX.length,
        message: message('name.systemPrefix', { prefix: SYSTEM_COLLECTION_PREFIX }),
      });
    }
    const inner = name.indexOf(`.${SYSTEM_COLLECTION_PREFIX}`);
    if (inner >= 0) {
      issues.push({
        ruleId: 'collection-name-reserved',
        start: inner,
        end: inner + SYSTEM_COLLECTION_PREFIX.length + 1,
        message: message('name.systemInner', { prefix: SYSTEM_COLLECTION_PREFIX }),
      });
    }
  }
  const first = String.fromCodePoint(name.codePointAt(0)!);
  if (first !== '_' && !isLetter(first) && !issues.some((i) => i.start === 0)) {
    issues.push({
      ruleId: 'collection-name-start',
      start: 0,
      end: first.length,
      message: message('name.collectionFirst', { char: describeChar(first) }),
    });
  }
  return issues;
}

export interface NamespaceLength {
  bytes: number;
  tooLong: boolean;
  notShardable: boolean;
}

/** The length of `<database>.<collection>` in bytes, against both namespace limits. */
export function namespaceLength(database: string, collection: string): NamespaceLength {
  const bytes = utf8Length(database) + 1 + utf8Length(collection);
  return {
    bytes,
    tooLong: bytes > LIMITS.namespaceLength.value,
    notShardable: bytes > LIMITS.shardedNamespaceLength.value,
  };
}

/** The namespace issue of a collection, in the collection name's offsets, or undefined. */
export function checkNamespace(database: string, collection: string): NameIssue | undefined {
  const ns = namespaceLength(database, collection);
  const shown = `${database}.${collection}`.length > 80 ? `${database.slice(0, 30)}….${collection.slice(0, 30)}…` : `${database}.${collection}`;
  if (ns.tooLong) {
    return {
      ruleId: 'namespace-too-long',
      start: 0,
      end: collection.length,
      message: message('name.namespaceLength', { namespace: shown, bytes: ns.bytes, limit: LIMITS.namespaceLength.value }),
    };
  }
  if (ns.notShardable) {
    return {
      ruleId: 'namespace-not-shardable',
      start: 0,
      end: collection.length,
      message: message('name.shardedNamespace', { namespace: shown, bytes: ns.bytes, limit: LIMITS.shardedNamespaceLength.value }),
    };
  }
  return undefined;
}

/** ASCII lower case, the comparison the server uses for database names that differ only by case. */
export function caseKey(name: string): string {
  let upper = false;
  for (let i = 0; i < name.length && !upper; i++) {
    const c = name.charCodeAt(i);
    upper = c >= UPPER_A && c <= UPPER_Z;
  }
  if (!upper) return name;
  let out = '';
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    out += c >= UPPER_A && c <= UPPER_Z ? String.fromCharCode(c + 0x20) : name[i];
  }
  return out;
}
