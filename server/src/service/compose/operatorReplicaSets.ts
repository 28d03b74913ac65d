/**
 * Replica sets declared to a Kubernetes operator, against the limits of a replica set (at most 50
 * members, at most 7 voting): the MongoDB Community operator (`MongoDBCommunity`) and the Enterprise
 * operator (`MongoDB` of type ReplicaSet) list `spec.members` and the votes of each in
 * `spec.memberConfig` (a member without an entry, or without `votes`, votes); Percona's operator
 * (`PerconaServerMongoDB`) sizes each of `spec.replsets`: `size` voting members, `nonvoting.size` members
 * that do not vote and `arbiter.size` arbiters (which vote) when the arbiter is enabled.
 */
import type { DocumentAnalysis, EmbeddedValue, Problem, Settings, SourceCode, Span, ValueRecord } from '../api';
import { LIMITS } from '../data/limits';
import { message } from '../data/l10n';
import { problemOf } from '../rules/ruleTable';
import { documentsOf, get, textOf, type YamlNode } from './kubernetesYaml';

const EMPTY: DocumentAnalysis = { problems: [], hoverAt: () => null };

/** A whole number written as digits, else undefined (a template, a variable). */
function count(node: YamlNode | undefined): number | undefined {
  const text = textOf(node);
  return text !== undefined && /^\d{1,7}$/.test(text) ? Number(text) : undefined;
}

function spanOf(node: YamlNode | undefined): Span | undefined {
  return node?.type === 'scalar' ? { start: node.start, end: node.end } : undefined;
}

interface Declared {
  /** Who declares it, for the message (`MongoDBCommunity shop-db`, `PerconaServerMongoDB shop, replica set rs0`). */
  name: string;
  members: number;
  voting: number;
  /** Where the count is written. */
  span: Span;
}

/** A MongoDBCommunity or MongoDB resource: `members`, and the votes of `memberConfig`. */
function fromMembers(kind: string, name: string, spec: YamlNode | undefined): Declared | undefined {
  const membersNode = get(spec, 'members');
  const members = count(membersNode);
  const span = spanOf(membersNode);
  if (members === undefined || !span) return undefined;
  const config = get(spec, 'memberConfig');
  let voting = 0;
  for (let k = 0; k < members; k++) {
    const entry = config?.type === 'seq' ? config.items[k] : undefined;
    const votes = entry ? textOf(get(entry, 'votes')) : undefined;
    // A vote written as a template or a variable is not known here: counted as a vote, as the default.
    if (votes === undefined || !/^0+$/.test(votes.trim())) voting++;
  }
  return { name: `${kind} ${name}`, members, voting, span };
}

/** The replica sets of a PerconaServerMongoDB resource. */
function fromReplsets(name: string, spec: YamlNode | undefined): Declared[] {
  const replsets = get(spec, 'replsets');
  if (replsets?.type !== 'seq') return [];
  const out: Declared[] = [];
  for (const rs of replsets.items) {
    const sizeNode = get(rs, 'size');
    const size = count(sizeNode);
    const span = spanOf(sizeNode);
    if (size === undefined || !span) continue;
    const nonvoting = get(rs, 'nonvoting');
    const extra = textOf(get(nonvoting, 'enabled')) === 'true' ? (count(get(nonvoting, 'size')) ?? 0) : 0;
    const arbiter = get(rs, 'arbiter');
    const arbiters = textOf(get(arbiter, 'enabled')) === 'true' ? (count(get(arbiter, 'size')) ?? 0) : 0;
    const rsName = textOf(get(rs, 'name')) ?? '';
    out.push({ name: message('operator.perconaReplset', { resource: name, replset: rsName }), members: size + extra + arbiters, voting: size + arbiters, span });
  }
  return out;
}

export function analyzeOperatorReplicaSets(code: SourceCode, _values: readonly EmbeddedValue[], _settings: Settings, _records: readonly ValueRecord[]): DocumentAnalysis {
  const { text } = code;
  // Every kind it reads holds `MongoDB` (MongoDB, MongoDBCommunity, PerconaServerMongoDB). `MongoD` first: on a
  // large text, V8 searches for six characters many times faster than for seven or more.
  if (code.languageId !== 'yaml' || text.indexOf('MongoD') < 0 || text.indexOf('MongoDB') < 0) return EMPTY;
  const problems: Problem[] = [];
  const hovers: Array<{ span: Span; contents: string }> = [];
  for (const doc of documentsOf(code)) {
    for (const top of doc) {
      const kind = textOf(get(top, 'kind'));
      const name = textOf(get(get(top, 'metadata'), 'name')) ?? '';
      const spec = get(top, 'spec');
      const declared: Declared[] = [];
      if (kind === 'MongoDBCommunity' || (kind === 'MongoDB' && (textOf(get(spec, 'type')) ?? 'ReplicaSet') === 'ReplicaSet')) {
        const d = fromMembers(kind, name, spec);
        if (d) declared.push(d);
      } else if (kind === 'PerconaServerMongoDB') declared.push(...fromReplsets(name, spec));
      for (const d of declared) {
        hovers.push({
          span: d.span,
          contents: [
            `**Replica set of ${d.name}**: ${d.members} members, ${d.voting} voting`,
            '',
            `${LIMITS.replicaSetMembers.summary} ${LIMITS.replicaSetVotingMembers.summary}`,
          ].join('\n'),
        });
        if (d.members > LIMITS.replicaSetMembers.value) {
          problems.push(problemOf('replica-set-too-many-members', d.span, message('operator.tooManyMembers', { name: d.name, members: d.members, limit: LIMITS.replicaSetMembers.value })));
        }
        if (d.voting > LIMITS.replicaSetVotingMembers.value) {
          problems.push(problemOf('replica-set-too-many-voting', d.span, message('operator.tooManyVoting', { name: d.name, voting: d.voting, limit: LIMITS.replicaSetVotingMembers.value })));
        }
      }
    }
  }
  if (problems.length === 0 && hovers.length === 0) return EMPTY;
  return {
    problems,
    hoverAt: (offset) => hovers.find((h) => h.span.start <= offset && offset <= h.span.end) ?? null,
  };
}
