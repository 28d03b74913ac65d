/** Atlas quotas of the mongodbatlas_* resources of a Terraform file. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeDocument, defaultSettings } from '../../../server/src/service/languageService';
import { hoverAt, problemsOf } from '../../helpers/problems';

const RULES = [
  'atlas-project-clusters',
  'atlas-project-free-clusters',
  'atlas-project-database-users',
  'atlas-project-custom-roles',
  'atlas-project-network-peering',
  'atlas-project-access-list',
  'atlas-project-teams',
  'atlas-electable-nodes',
  'atlas-multi-region-shards',
];
const tf = (text: string) => problemsOf(text, 'terraform', { ruleIds: RULES, uri: 'file:///infra/main.tf' });

const PROJECT = 'resource "mongodbatlas_project" "shop" {\n  name   = "shop"\n  org_id = var.org_id\n}\n\n';
const resources = (type: string, n: number, project = 'mongodbatlas_project.shop.id', body = '') =>
  Array.from({ length: n }, (_, i) => `resource "${type}" "r${i}" {\n  project_id = ${project}\n${body}}\n`).join('\n');

describe('resources per project', () => {
  const cases: Array<[type: string, limit: number, rule: string]> = [
    ['mongodbatlas_database_user', 100, 'atlas-project-database-users'],
    ['mongodbatlas_custom_db_role', 100, 'atlas-project-custom-roles'],
    ['mongodbatlas_network_peering', 50, 'atlas-project-network-peering'],
    ['mongodbatlas_project_ip_access_list', 200, 'atlas-project-access-list'],
    ['mongodbatlas_team_project_assignment', 100, 'atlas-project-teams'],
    ['mongodbatlas_advanced_cluster', 25, 'atlas-project-clusters'],
  ];
  for (const [type, limit, rule] of cases) {
    it(`${type}: ${limit} fit, ${limit + 1} are one over (reported on the resource that crosses the quota)`, () => {
      assert.deepEqual(tf(PROJECT + resources(type, limit)), []);
      const text = PROJECT + resources(type, limit + 1);
      const found = tf(text);
      assert.deepEqual(found, [[rule, type, 'warning']]);
      const p = analyzeDocument({ uri: 'file:///infra/main.tf', languageId: 'terraform', text }, defaultSettings).problems.find((x) => x.ruleId === rule)!;
      assert.equal(p.span.start, text.indexOf(`"${type}" "r${limit}"`) + 1, 'the resource after the quota');
      assert.match(p.message, new RegExp(`${limit + 1} .* mongodbatlas_project\\.shop, over the Atlas quota of ${limit}`));
      assert.ok((p.related?.length ?? 0) > 0);
    });
  }

  it('grouped by project_id as written: two projects of 20 clusters each are fine', () => {
    const text = resources('mongodbatlas_cluster', 20, 'mongodbatlas_project.shop.id') + resources('mongodbatlas_cluster', 20, 'var.other_project_id').replace(/"r(\d+)"/g, '"o$1"');
    assert.deepEqual(tf(text), []);
  });

  it('literal count multiplies; an unknown count or for_each is not counted; a list for_each counts its items', () => {
    const list = (n: number) => Array.from({ length: n }, (_, i) => `"10.0.${i}.0/24"`).join(', ');
    assert.deepEqual(tf(resources('mongodbatlas_project_ip_access_list', 1, 'var.project_id', '  count = 200\n')), []);
    assert.deepEqual(tf(resources('mongodbatlas_project_ip_access_list', 1, 'var.project_id', '  count = 201\n')), [['atlas-project-access-list', 'mongodbatlas_project_ip_access_list', 'warning']]);
    assert.deepEqual(tf(resources('mongodbatlas_project_ip_access_list', 2, 'var.project_id', '  count = length(var.cidrs)\n')), []);
    assert.deepEqual(tf(resources('mongodbatlas_project_ip_access_list', 1, 'var.project_id', `  for_each = toset([${list(201)}])\n`)), [['atlas-project-access-list', 'mongodbatlas_project_ip_access_list', 'warning']]);
    assert.deepEqual(tf(resources('mongodbatlas_project_ip_access_list', 1, 'var.project_id', `  for_each = toset([${list(200)}])\n`)), []);
  });

  it('teams blocks of the project count with team assignments', () => {
    const teams = Array.from({ length: 100 }, (_, i) => `  teams {\n    team_id    = var.team${i}\n    role_names = ["GROUP_READ_ONLY"]\n  }\n`).join('');
    const project = `resource "mongodbatlas_project" "shop" {\n  name   = "shop"\n  org_id = var.org_id\n${teams}}\n`;
    assert.deepEqual(tf(project), []);
    assert.deepEqual(tf(project + resources('mongodbatlas_team_project_assignment', 1)), [['atlas-project-teams', 'mongodbatlas_team_project_assignment', 'warning']]);
  });

  it('one free (M0) cluster per project', () => {
    const m0 = '  provider_name               = "TENANT"\n  backing_provider_name       = "AWS"\n  provider_region_name        = "US_EAST_1"\n  provider_instance_size_name = "M0"\n';
    assert.deepEqual(tf(resources('mongodbatlas_cluster', 1, 'var.project_id', m0)), []);
    assert.deepEqual(tf(resources('mongodbatlas_cluster', 2, 'var.project_id', m0)), [['atlas-project-free-clusters', 'mongodbatlas_cluster', 'warning']]);
  });
});

const region = (name: string, nodes: number) =>
  `    region_configs {\n      provider_name = "AWS"\n      region_name   = "${name}"\n      priority      = 7\n      electable_specs {\n        instance_size = "M30"\n        node_count    = ${nodes}\n      }\n    }\n`;
const advanced = (specs: string) =>
  `resource "mongodbatlas_advanced_cluster" "main" {\n  project_id   = mongodbatlas_project.shop.id\n  name         = "main"\n  cluster_type = "SHARDED"\n${specs}}\n`;
const spec = (regions: string, numShards?: number) => `  replication_specs {\n${numShards ? `    num_shards = ${numShards}\n` : ''}${regions}  }\n`;

describe('cluster shape', () => {
  it('electable nodes of a replica set or shard, summed over its regions: 7 fit, 8 do not', () => {
    assert.deepEqual(tf(advanced(spec(region('US_EAST_1', 4) + region('US_WEST_2', 3)))), []);
    assert.deepEqual(tf(advanced(spec(region('US_EAST_1', 5) + region('US_WEST_2', 3)))), [['atlas-electable-nodes', '3', 'warning']]);
  });

  it('mongodbatlas_cluster: replication_factor and electable_nodes', () => {
    const cluster = (body: string) => `resource "mongodbatlas_cluster" "c" {\n  project_id = var.project_id\n  name = "c"\n${body}}\n`;
    assert.deepEqual(tf(cluster('  replication_factor = 7\n')), []);
    assert.deepEqual(tf(cluster('  replication_factor = 9\n')), [['atlas-electable-nodes', '9', 'warning']]);
    const regions = '  replication_specs {\n    num_shards = 1\n    regions_config {\n      region_name = "EU_WEST_1"\n      electable_nodes = 5\n    }\n    regions_config {\n      region_name = "EU_CENTRAL_1"\n      electable_nodes = 3\n    }\n  }\n';
    assert.deepEqual(tf(cluster(regions)), [['atlas-electable-nodes', '3', 'warning']]);
  });

  it('a multi-region cluster has at most 12 shards; a single-region one is not limited so', () => {
    const two = region('US_EAST_1', 3) + region('US_WEST_2', 2);
    assert.deepEqual(tf(advanced(spec(two).repeat(12))), []);
    assert.deepEqual(tf(advanced(spec(two).repeat(13))), [['atlas-multi-region-shards', 'replication_specs', 'warning']]);
    assert.deepEqual(tf(advanced(spec(two, 13))), [['atlas-multi-region-shards', '13', 'warning']]);
    assert.deepEqual(tf(advanced(spec(region('US_EAST_1', 3)).repeat(13))), []);
  });
});

describe('hovers on resource types', () => {
  it('the quota, and what the file puts in the project', () => {
    const h = hoverAt(`${PROJECT}${resources('mongodbatlas_database_user', 2).replace('"mongodbatlas_database_user" "r0"', '"mongodbatlas_database_u|ser" "r0"')}`, 'terraform');
    assert.equal(h?.under, 'mongodbatlas_database_user');
    assert.ok(h?.contents.includes('at most 100 database users') && h.contents.includes('This file puts 2 in project `mongodbatlas_project.shop`'), h?.contents);
  });

  it('the project resource lists every quota', () => {
    const h = hoverAt('resource "mongodbatlas_pro|ject" "shop" {\n  name = "shop"\n}\n', 'terraform');
    assert.ok(h?.contents.includes('25 clusters') && h.contents.includes('200 entries'), h?.contents);
  });
});
