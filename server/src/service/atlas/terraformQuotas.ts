/**
 * Atlas quotas in Terraform files (language id `terraform`): the `mongodbatlas_*` resources of one file,
 * grouped by project through their `project_id` as written (`mongodbatlas_project.shop.id`,
 * `var.project_id`, a literal id), are counted against the per-project quotas of the Atlas limits page
 * (clusters, free clusters, database users, custom roles, network peering connections, IP access list
 * entries, teams); the replication specs of a cluster against the electable nodes of a shard and the
 * shards of a multi-region cluster. A resource counts `count = <number>` times; with any other `count`
 * or a `for_each` that is not a list literal it is not counted (it may create none). Hovers on the
 * resource type show the quota and what this file puts in the project.
 */
import type { DocumentAnalysis, Problem, RelatedPlace, SourceCode, Span, Token, TokenList } from '../api';
import { LIMITS, type Limit, limitLink } from '../data/limits';
import { problemOf, type RuleId } from '../rules/ruleTable';
import { message, type PlainMessageId } from '../data/l10n';
import { type HclBlock, descendants, expressionText, literalOf, readBody } from './hclBlocks';

interface Quota {
  limit: Limit;
  ruleId: RuleId;
  /** What is counted, plural (a message). */
  noun: PlainMessageId;
}

const CLUSTERS: Quota = { limit: LIMITS.atlasClustersPerProject, ruleId: 'atlas-project-clusters', noun: 'atlasQuota.clusters' };
const FREE_CLUSTERS: Quota = { limit: LIMITS.atlasFreeClustersPerProject, ruleId: 'atlas-project-free-clusters', noun: 'atlasQuota.freeClusters' };
const TEAMS: Quota = { limit: LIMITS.atlasTeamsPerProject, ruleId: 'atlas-project-teams', noun: 'atlasQuota.teams' };

/** Resource type → the quota its instances count against. */
const QUOTAS: ReadonlyMap<string, Quota> = new Map([
  ['mongodbatlas_cluster', CLUSTERS],
  ['mongodbatlas_advanced_cluster', CLUSTERS],
  ['mongodbatlas_database_user', { limit: LIMITS.atlasDatabaseUsersPerProject, ruleId: 'atlas-project-database-users', noun: 'atlasQuota.databaseUsers' }],
  ['mongodbatlas_custom_db_role', { limit: LIMITS.atlasCustomRolesPerProject, ruleId: 'atlas-project-custom-roles', noun: 'atlasQuota.customRoles' }],
  ['mongodbatlas_network_peering', { limit: LIMITS.atlasNetworkPeeringPerProject, ruleId: 'atlas-project-network-peering', noun: 'atlasQuota.networkPeering' }],
  ['mongodbatlas_project_ip_access_list', { limit: LIMITS.atlasAccessListEntriesPerProject, ruleId: 'atlas-project-access-list', noun: 'atlasQuota.accessList' }],
  ['mongodbatlas_team_project_assignment', TEAMS],
]);

const CLUSTER_TYPES: ReadonlySet<string> = new Set(['mongodbatlas_cluster', 'mongodbatlas_advanced_cluster']);
const FREE_TIER = 'M0';
/** Related places listed with a problem, at most. */
const MAX_RELATED = 20;

/** What a resource (or a `teams` block of a project) adds to a project's count. */
interface Contribution {
  quota: Quota;
  project: string;
  /** How many it creates (its literal `count`, the items of a literal `for_each`, or one). */
  n: number;
  /** The resource type string (or the `teams` keyword), where problems and hovers go. */
  at: Token;
  label: string;
}

interface Hover {
  span: Span;
  contents: string;
}

const EMPTY: DocumentAnalysis = { problems: [], hoverAt: () => null };

/** A token's span; for a string, the characters inside its quotes. */
function spanOf(t: Token): Span {
  return t.kind === 'string' && t.end - t.start > 2 ? { start: t.start + 1, end: t.end - 1 } : { start: t.start, end: t.end };
}

/** The project a `project_id` names, for messages: `mongodbatlas_project.shop` for its `.id`. */
function projectName(key: string): string {
  const m = /^(mongodbatlas_project\.[\w-]+)\.id$/.exec(key);
  return m ? m[1]! : key;
}

/** Instances of a resource: a number `count`, the items of a list `for_each`, one without either; 0 when unknown. */
function instances(text: string, list: TokenList, b: HclBlock): number {
  const count = b.attributes.get('count');
  if (count) {
    const n = literalOf(list, count);
    return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : 0;
  }
  const forEach = b.attributes.get('for_each');
  if (forEach) {
    const m = /^(?:toset\()?\[([^[\]{}()]*)\]\)?$/.exec(expressionText(text, list, forEach));
    if (!m) return 0;
    return m[1]!.split(',').filter((s) => s.trim() !== '').length;
  }
  return 1;
}

/** Whether a cluster resource is a free (M0) cluster. */
function isFree(list: TokenList, b: HclBlock): boolean {
  if (literalOf(list, b.attributes.get('provider_instance_size_name')) === FREE_TIER) return true;
  for (const d of descendants(b)) if (literalOf(list, d.attributes.get('instance_size')) === FREE_TIER) return true;
  return false;
}

export function analyzeTerraformQuotas(code: SourceCode): DocumentAnalysis {
  const { text } = code;
  if (code.languageId !== 'terraform' || text.indexOf('mongodbatlas_') < 0) return EMPTY;
  const list = code.tokens();
  const top = readBody(list, 0, list.tokens.length);
  const problems: Problem[] = [];
  const contributions: Contribution[] = [];
  const hoverTargets: Array<{ at: Token; type: string; project: string }> = [];

  for (const b of top.blocks) {
    if (b.type.text !== 'resource' || b.labels.length < 2) continue;
    const [typeToken, labelToken] = b.labels as [Token, Token];
    const type = typeToken.text;
    const label = `${type}.${labelToken.text}`;
    const projectAttr = b.attributes.get('project_id');
    const project = projectAttr ? expressionText(text, list, projectAttr) : '';
    const quota = QUOTAS.get(type);
    if (quota || type === 'mongodbatlas_project') hoverTargets.push({ at: typeToken, type, project: type === 'mongodbatlas_project' ? `${label}.id` : project });
    if (type === 'mongodbatlas_project') {
      // Teams given access in the project resource itself.
      const n = instances(text, list, b);
      for (const c of b.blocks) if (c.type.text === 'teams') contributions.push({ quota: TEAMS, project: `${label}.id`, n, at: c.type, label: message('atlasQuota.teamsBlock', { resource: label }) });
      continue;
    }
    if (!quota || project === '') continue;
    const n = instances(text, list, b);
    contributions.push({ quota, project, n, at: typeToken, label });
    if (CLUSTER_TYPES.has(type)) {
      if (isFree(list, b)) contributions.push({ quota: FREE_CLUSTERS, project, n, at: typeToken, label });
      checkCluster(list, b, type, problems);
    }
  }

  checkQuotas(code.uri, contributions, problems);
  // What the file puts in each project against each quota, summed once; a hover is written when asked for.
  const totals = new Map<Quota, Map<string, number>>();
  for (const c of contributions) {
    let byProject = totals.get(c.quota);
    if (!byProject) totals.set(c.quota, (byProject = new Map()));
    byProject.set(c.project, (byProject.get(c.project) ?? 0) + c.n);
  }
  const spans = hoverTargets.map((h) => spanOf(h.at));
  return {
    problems,
    hoverAt: (offset): Hover | null => {
      const k = spans.findIndex((span) => offset >= span.start && offset <= span.end);
      if (k < 0) return null;
      const h = hoverTargets[k]!;
      return { span: spans[k]!, contents: quotaHover(h.type, h.project, totals) };
    },
  };
}

/** Per project and quota: a problem on the resource that takes the count over the quota. */
function checkQuotas(uri: string, contributions: readonly Contribution[], problems: Problem[]): void {
  const groups = new Map<string, Contribution[]>();
  for (const c of contributions) {
    const key = `${c.quota.ruleId}\u0000${c.project}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(c);
  }
  for (const g of groups.values()) {
    const { quota, project } = g[0]!;
    const total = g.reduce((s, c) => s + c.n, 0);
    if (total <= quota.limit.value) continue;
    let sum = 0;
    const over = g.find((c) => (sum += c.n) > quota.limit.value)!;
    const noun = message(quota.noun);
    const text = message('atlasQuota.over', { total, noun, project: projectName(project), limit: quota.limit.value, resource: over.label });
    const p = problemOf(quota.ruleId, spanOf(over.at), text);
    const related: RelatedPlace[] = g
      .filter((c) => c !== over)
      .slice(0, MAX_RELATED)
      .map((c) => ({ documentUri: uri, span: spanOf(c.at), message: message('atlasQuota.related', { resource: c.label, count: c.n, total, noun }) }));
    if (related.length > 0) p.related = related;
    problems.push(p);
  }
}

/** Electable nodes of each replica set or shard, and the shards of a multi-region cluster. */
function checkCluster(list: TokenList, b: HclBlock, type: string, problems: Problem[]): void {
  const maxNodes = LIMITS.atlasElectableNodesPerShard.value;
  const advanced = type === 'mongodbatlas_advanced_cluster';
  const factor = b.attributes.get('replication_factor');
  const factorValue = literalOf(list, factor);
  if (factor && typeof factorValue === 'number' && factorValue > maxNodes) {
    problems.push(
      problemOf('atlas-electable-nodes', spanOf(list.tokens[factor.first]!), message('atlasQuota.replicationFactor', { factor: factorValue, max: maxNodes })),
    );
  }
  const regions = new Set<string>();
  let shards = 0;
  let shardsAt: Token | undefined;
  for (const spec of b.blocks) {
    if (spec.type.text !== 'replication_specs') continue;
    const numShards = literalOf(list, spec.attributes.get('num_shards'));
    const before = shards;
    shards += typeof numShards === 'number' && Number.isInteger(numShards) && numShards > 0 ? numShards : 1;
    if (before <= LIMITS.atlasMultiRegionShards.value && shards > LIMITS.atlasMultiRegionShards.value) {
      const attr = spec.attributes.get('num_shards');
      shardsAt = attr ? list.tokens[attr.first] : spec.type;
    }
    let nodes = 0;
    let last: Token | undefined;
    for (const region of spec.blocks) {
      if (region.type.text !== (advanced ? 'region_configs' : 'regions_config')) continue;
      const name = literalOf(list, region.attributes.get('region_name'));
      if (typeof name === 'string') regions.add(name);
      const counts = advanced ? region.blocks.filter((e) => e.type.text === 'electable_specs').map((e) => e.attributes.get('node_count')) : [region.attributes.get('electable_nodes')];
      for (const a of counts) {
        const n = literalOf(list, a);
        if (a && typeof n === 'number' && n > 0) {
          nodes += n;
          last = list.tokens[a.first];
        }
      }
    }
    if (nodes > maxNodes && last) {
      problems.push(
        problemOf(
          'atlas-electable-nodes',
          spanOf(last),
          message('atlasQuota.electableNodes', { nodes, max: maxNodes }),
        ),
      );
    }
  }
  if (shardsAt && regions.size > 1) {
    problems.push(
      problemOf(
        'atlas-multi-region-shards',
        spanOf(shardsAt),
        message('atlasQuota.multiRegionShards', { regions: regions.size, shards, max: LIMITS.atlasMultiRegionShards.value }),
      ),
    );
  }
}

/** What the file puts in each project against each quota. */
type Totals = ReadonlyMap<Quota, ReadonlyMap<string, number>>;

function quotaLine(q: Quota, project: string, totals: Totals): string {
  const n = totals.get(q)?.get(project) ?? 0;
  const here = project ? ` This file puts ${n} in project \`${projectName(project)}\`.` : '';
  return `- ${q.limit.summary}${here} (${limitLink(q.limit)})`;
}

/** Markdown: the quotas a resource type counts against, with what this file puts in its project. */
function quotaHover(type: string, project: string, totals: Totals): string {
  const lines = [`**${type}** — Atlas limits`, ''];
  if (type === 'mongodbatlas_project') {
    for (const q of new Set(QUOTAS.values())) lines.push(quotaLine(q, project, totals));
    lines.push(quotaLine(FREE_CLUSTERS, project, totals));
  } else {
    lines.push(quotaLine(QUOTAS.get(type)!, project, totals));
    if (CLUSTER_TYPES.has(type)) {
      lines.push(quotaLine(FREE_CLUSTERS, project, totals));
      lines.push(`- ${LIMITS.atlasElectableNodesPerShard.summary} (${limitLink(LIMITS.atlasElectableNodesPerShard)})`);
      lines.push(`- ${LIMITS.atlasMultiRegionShards.summary} (${limitLink(LIMITS.atlasMultiRegionShards)})`);
    }
  }
  lines.push('', 'Over a quota, Atlas refuses to create the resource, and terraform apply stops with an error.');
  return lines.join('\n');
}
