/**
 * MongoDB Atlas names (Atlas "Service Limits"): clusters, projects and organizations. Pure and linear
 * in the name's length; offsets are UTF-16 offsets into the name.
 */
import { ATLAS_HOST_SUFFIX } from '../data/atlas';
import { LIMITS } from '../data/limits';
import { describeChar, NameIssue } from './names';
import { DASH, DIGIT_0, DIGIT_9, LOWER_A, LOWER_Z, UPPER_A, UPPER_Z } from '../lex/chars';
import { message } from '../data/l10n';

export type AtlasNameKind = 'cluster' | 'project' | 'organization';

function isClusterNameChar(c: number): boolean {
  return (c >= DIGIT_0 && c <= DIGIT_9) || (c >= UPPER_A && c <= UPPER_Z) || (c >= LOWER_A && c <= LOWER_Z) || c === DASH;
}

const RULE = 'atlas-cluster-name-invalid';

/** Checks a cluster name: letters, digits and hyphens, at most 64, and the rules of its 23-character prefix. */
export function checkClusterName(name: string): NameIssue[] {
  const issues: NameIssue[] = [];
  if (name.length === 0) {
    issues.push({ ruleId: RULE, start: 0, end: 0, message: message('atlas.clusterEmpty') });
    return issues;
  }
  for (let i = 0; i < name.length; i++) {
    if (isClusterNameChar(name.charCodeAt(i))) continue;
    const ch = String.fromCodePoint(name.codePointAt(i)!);
    issues.push({ ruleId: RULE, start: i, end: i + ch.length, char: ch, message: message('atlas.clusterChar', { char: describeChar(ch) }) });
    break; // one is enough: the fix is the same for all of them
  }
  const max = LIMITS.atlasClusterNameLength.value;
  if (name.length > max) {
    issues.push({ ruleId: RULE, start: max, end: name.length, message: message('atlas.clusterLength', { max, length: name.length }) });
  }
  if (name.charCodeAt(0) === DASH) {
    issues.push({ ruleId: RULE, start: 0, end: 1, message: message('atlas.clusterHyphenFirst') });
  }
  const prefix = LIMITS.atlasClusterNamePrefix.value;
  const last = Math.min(name.length, prefix) - 1;
  if (last > 0 && name.charCodeAt(last) === DASH) {
    issues.push({
      ruleId: RULE,
      start: last,
      end: last + 1,
      message:
        name.length <= prefix
          ? message('atlas.clusterHyphenLast', { prefix })
          : message('atlas.clusterHyphenCut', { ordinal: ordinal(prefix) }),
    });
  }
  return issues;
}

const ORDINAL: Readonly<Record<string, 'ordinal.one' | 'ordinal.two' | 'ordinal.few' | 'ordinal.other'>> = { one: 'ordinal.one', two: 'ordinal.two', few: 'ordinal.few', other: 'ordinal.other' };
const ordinalRules = new Intl.PluralRules('en', { type: 'ordinal' });

function ordinal(n: number): string {
  return message(ORDINAL[ordinalRules.select(n)] ?? 'ordinal.other', { n });
}

/** The part of a cluster name that must be unique in its project (compared without regard to case). */
export function clusterNamePrefix(name: string): string {
  return name.slice(0, LIMITS.atlasClusterNamePrefix.value).toLowerCase();
}

/** Letters and digits of any script, spaces and `- _ . ( ) , : & @ + '`. */
const PROJECT_NAME_OTHER = " -_.(),:&@+'";

function isProjectNameChar(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if ((c >= DIGIT_0 && c <= DIGIT_9) || (c >= UPPER_A && c <= UPPER_Z) || (c >= LOWER_A && c <= LOWER_Z)) return true;
  if (c < 0x80) return PROJECT_NAME_OTHER.includes(ch);
  return /[\p{L}\p{N}]/u.test(ch);
}

/** Checks a project or organization name: 1 to 64 characters from the allowed set. */
export function checkProjectOrOrganizationName(name: string, kind: 'project' | 'organization'): NameIssue[] {
  const ruleId = kind === 'project' ? 'atlas-project-name-invalid' : 'atlas-organization-name-invalid';
  const kindWord = kind === 'project' ? message('word.project') : message('word.organization');
  const limit = kind === 'project' ? LIMITS.atlasProjectNameLength : LIMITS.atlasOrganizationNameLength;
  const issues: NameIssue[] = [];
  if (name.length === 0) {
    issues.push({ ruleId, start: 0, end: 0, message: message('atlas.nameEmpty', { kind: kindWord }) });
    return issues;
  }
  let characters = 0;
  let cut = -1;
  let bad = false;
  for (let i = 0; i < name.length; ) {
    const ch = String.fromCodePoint(name.codePointAt(i)!);
    characters++;
    if (characters === limit.value + 1) cut = i;
    if (!bad && !isProjectNameChar(ch)) {
      bad = true;
      issues.push({
        ruleId,
        start: i,
        end: i + ch.length,
        char: ch,
        message: message('atlas.nameChar', { kind: kindWord, char: describeChar(ch) }),
      });
    }
    i += ch.length;
  }
  if (cut >= 0) {
    issues.push({ ruleId, start: cut, end: name.length, message: message('atlas.nameLength', { kind: kindWord, max: limit.value, length: characters }) });
  }
  return issues;
}

/** Checks any Atlas name by kind. */
export function checkAtlasName(name: string, kind: AtlasNameKind): NameIssue[] {
  return kind === 'cluster' ? checkClusterName(name) : checkProjectOrOrganizationName(name, kind);
}

/**
 * The cluster part of an Atlas host name: the first label, without the `-shard-NN-NN` of the
 * per-node host names of the standard format. Undefined for hosts outside mongodb.net.
 */
export function clusterLabelOfHost(host: string): { start: number; end: number } | undefined {
  const suffix = ATLAS_HOST_SUFFIX;
  if (host.length <= suffix.length) return undefined;
  for (let k = 0, at = host.length - suffix.length; k < suffix.length; k++) {
    const c = host.charCodeAt(at + k);
    if ((c >= UPPER_A && c <= UPPER_Z ? c + 0x20 : c) !== suffix.charCodeAt(k)) return undefined;
  }
  const dot = host.indexOf('.');
  if (dot <= 0) return undefined;
  let end = dot;
  const shard = /-shard-\d+-\d+$/i.exec(host.slice(0, dot));
  if (shard) end = shard.index;
  return end > 0 ? { start: 0, end } : undefined;
}
