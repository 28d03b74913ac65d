/**
 * Replica set configurations: the members of `rs.initiate(cfg)`, `rs.reconfig(cfg)` and the
 * replSetInitiate/replSetReconfig commands, against the members and voting members a replica set may
 * have; `rs.add` / `rs.addArb` after an initiate in the same file count on. Hover on `members`.
 */
import { LIMITS, limitLink } from '../data/limits';
import type { Value } from '../lex/codeValues';
import { problemOf } from '../rules/ruleTable';
import type { Problem, Span } from '../api';
import { spanOf } from './clusterCalls';
import { message } from '../data/l10n';

/** What a configuration's member list says: members and voters known for sure, and whether more may hide in it. */
export interface MemberCount {
  members: number;
  voting: number;
  /** A spread or an unknown list: there may be more members than counted. */
  partial: boolean;
  /** The members have been reported as too many (or their voters), so that rs.add calls do not report again. */
  reportedMembers: boolean;
  reportedVoting: boolean;
}

/** 1 when a member votes, 0 when it does not, undefined when it cannot be told. */
function votesOf(member: Value): number | undefined {
  if (member.kind === 'string') return 1;
  if (member.kind !== 'object') return undefined;
  const votes = member.props.find((p) => p.key === 'votes');
  if (!votes) return member.hasSpread ? undefined : 1;
  if (votes.value.kind !== 'number') return undefined;
  return votes.value.value === 0 ? 0 : 1;
}

function isSpread(item: Value, text: string): boolean {
  return item.kind === 'other' && /^(?:\.\.\.|\*)/.test(text.slice(item.start, item.end));
}

/**
 * Checks the `members` of a configuration document (already resolved from a variable); returns what it
 * counts, or undefined when the document has no readable member list. `hover` receives the members key.
 */
export function checkReplicaSetConfig(
  config: Value | undefined,
  text: string,
  resolve: (v: Value) => Value | undefined,
  problems: Problem[],
  hover: (span: Span, contents: string) => void,
): MemberCount | undefined {
  if (config?.kind !== 'object') return undefined;
  const prop = config.props.find((p) => p.key === 'members');
  if (!prop) return undefined;
  const list = resolve(prop.value);
  const count: MemberCount = { members: 0, voting: 0, partial: list?.kind !== 'array', reportedMembers: false, reportedVoting: false };
  let eighthVoter: Value | undefined;
  let memberOverLimit: Value | undefined;
  if (list?.kind === 'array') {
    for (const item of list.items) {
      if (isSpread(item, text)) {
        count.partial = true;
        continue;
      }
      count.members++;
      if (count.members === LIMITS.replicaSetMembers.value + 1) memberOverLimit = item;
      const votes = votesOf(item);
      if (votes === undefined) count.partial = true;
      else if (votes > 0 && ++count.voting === LIMITS.replicaSetVotingMembers.value + 1) eighthVoter = item;
    }
  }
  hover({ start: prop.keyStart, end: prop.keyEnd }, membersHover(list?.kind === 'array' && !count.partial ? count : undefined));
  if (memberOverLimit) {
    count.reportedMembers = true;
    problems.push(problemOf('replica-set-too-many-members', spanOf(memberOverLimit), tooManyMembers(count.members, message('replicaSet.leadConfigLists'))));
  }
  if (eighthVoter) {
    count.reportedVoting = true;
    problems.push(problemOf('replica-set-too-many-voting', spanOf(eighthVoter), tooManyVoters(count.voting, message('replicaSet.leadConfigHas'))));
  }
  return count;
}

function tooManyMembers(n: number, lead: string): string {
  return message('replicaSet.tooManyMembers', { lead, count: n, max: LIMITS.replicaSetMembers.value });
}

function tooManyVoters(n: number, lead: string): string {
  return message('replicaSet.tooManyVoting', { lead, count: n, max: LIMITS.replicaSetVotingMembers.value });
}

/** `rs.add(member)` (or `rs.addArb(host)`, an arbiter, which votes) after an initiate counted in `count`. */
export function checkMemberAdded(count: MemberCount, method: 'add' | 'addArb', member: Value | undefined, nameSpan: Span, problems: Problem[]): void {
  count.members++;
  const votes = method === 'addArb' ? 1 : member ? votesOf(member) : undefined;
  if (votes === undefined) count.partial = true;
  else count.voting += votes;
  if (!count.reportedMembers && count.members > LIMITS.replicaSetMembers.value) {
    count.reportedMembers = true;
    problems.push(problemOf('replica-set-too-many-members', nameSpan, tooManyMembers(count.members, message('replicaSet.leadAdded'))));
  }
  if (!count.reportedVoting && votes && count.voting > LIMITS.replicaSetVotingMembers.value) {
    count.reportedVoting = true;
    problems.push(problemOf('replica-set-too-many-voting', nameSpan, tooManyVoters(count.voting, message('replicaSet.leadAdded'))));
  }
}

function membersHover(count: MemberCount | undefined): string {
  const lines = ['**members** — replica set limits', '', `- ${LIMITS.replicaSetMembers.summary}`, `- ${LIMITS.replicaSetVotingMembers.summary}`];
  if (count) lines.push('', `This configuration lists ${count.members} ${count.members === 1 ? 'member' : 'members'}, ${count.voting} voting.`);
  lines.push('', limitLink(LIMITS.replicaSetMembers));
  return lines.join('\n');
}
