/** Atlas cluster, project and organization names: Terraform resources and *.mongodb.net hosts. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkClusterName, checkProjectOrOrganizationName, clusterLabelOfHost } from '../../../server/src/service/rules/atlasNames';
import { scanTerraformAtlas } from '../../../server/src/service/naming/terraform';
import { sourceCode } from '../../../server/src/service/lex/sourceCode';
import { hoverAt, problemsOf } from '../../helpers/problems';

const ATLAS_RULES = ['atlas-cluster-name-invalid', 'atlas-cluster-name-prefix-conflict', 'atlas-project-name-invalid', 'atlas-organization-name-invalid'];

const main_tf = `terraform {
  required_providers {
    mongodbatlas = { source = "mongodb/mongodbatlas" }
  }
}

resource "mongodbatlas_project" "shop" {
  name   = "Shop (EU) - production"
  org_id = var.atlas_org_id
}

resource "mongodbatlas_advanced_cluster" "orders" {
  project_id   = mongodbatlas_project.shop.id
  name         = "orders-eu-west-1-production"
  cluster_type = "REPLICASET"
  replication_specs {
    region_configs {
      electable_specs { instance_size = "M30" }
      provider_name = "AWS"
      region_name   = "EU_WEST_1"
      priority      = 7
    }
  }
  tags {
    key   = "name"
    value = "not-a-cluster-name-"
  }
}

resource "mongodbatlas_advanced_cluster" "orders_staging" {
  project_id = mongodbatlas_project.shop.id
  name       = "orders-eu-west-1-production-staging"
}

resource "mongodbatlas_cluster" "other_project" {
  project_id = "5f0c1f2e3d4c5b6a79880011"
  name       = "orders-eu-west-1-production"
}

resource "mongodbatlas_cluster" "bad" {
  project_id = mongodbatlas_project.shop.id
  name       = "reports_2024"
}

resource "mongodbatlas_cloud_backup_schedule" "orders" {
  project_id   = mongodbatlas_project.shop.id
  cluster_name = mongodbatlas_advanced_cluster.orders.name
}

data "mongodbatlas_cluster" "existing" {
  project_id = mongodbatlas_project.shop.id
  name       = "orders-eu-west-1-production"
}

resource "mongodbatlas_cluster" "per_env" {
  for_each   = toset(["dev", "qa"])
  project_id = mongodbatlas_project.shop.id
  name       = "svc-\${each.key}"
}
`;

describe('Terraform: mongodbatlas_* resources', () => {
  it('finds cluster, project and reference names with their project', () => {
    const names = scanTerraformAtlas(sourceCode(main_tf, 'terraform')).map((n) => [n.kind, n.role, n.name, n.projectKey]);
    assert.deepEqual(names, [
      ['project', 'definition', 'Shop (EU) - production', ''],
      ['cluster', 'definition', 'orders-eu-west-1-production', 'mongodbatlas_project.shop.id'],
      ['cluster', 'definition', 'orders-eu-west-1-production-staging', 'mongodbatlas_project.shop.id'],
      ['cluster', 'definition', 'orders-eu-west-1-production', '5f0c1f2e3d4c5b6a79880011'],
      ['cluster', 'definition', 'reports_2024', 'mongodbatlas_project.shop.id'],
      ['cluster', 'reference', 'orders-eu-west-1-production', 'mongodbatlas_project.shop.id'],
    ]);
  });

  it('reports the clashing 23-character prefix in one project and the invalid name, nothing else', () => {
    assert.deepEqual(problemsOf(main_tf, 'terraform', { ruleIds: ATLAS_RULES }), [
      ['atlas-cluster-name-prefix-conflict', 'orders-eu-west-1-produc', 'error'],
      ['atlas-cluster-name-invalid', '_', 'error'],
    ]);
  });

  it('a hyphen as the 23rd character, a trailing hyphen, too long, a bad project and organization name', () => {
    const tf = `resource "mongodbatlas_cluster" "a" {
  project_id = var.project
  name = "analytics-eu-central-1-x"
}
resource "mongodbatlas_cluster" "b" {
  project_id = var.project
  name = "search-"
}
resource "mongodbatlas_cluster" "c" {
  project_id = var.other
  name = "${'c'.repeat(70)}"
}
resource "mongodbatlas_project" "p" {
  name = "team/platform"
}
resource "mongodbatlas_organization" "o" {
  name = "${'o'.repeat(65)}"
}
`;
    assert.deepEqual(problemsOf(tf, 'terraform', { ruleIds: ATLAS_RULES }), [
      ['atlas-cluster-name-invalid', '-', 'error'],
      ['atlas-cluster-name-invalid', '-', 'error'],
      ['atlas-cluster-name-invalid', 'cccccc', 'error'],
      ['atlas-project-name-invalid', '/', 'error'],
      ['atlas-organization-name-invalid', 'o', 'error'],
    ]);
  });

  it('near misses: 22 characters and a hyphen-free 23rd character are fine', () => {
    assert.deepEqual(checkClusterName('a'.repeat(21) + '-b'), []);
    assert.deepEqual(checkClusterName('a'.repeat(22) + 'b-c'), []);
    assert.deepEqual(checkClusterName('a'.repeat(64)), []);
    assert.deepEqual(checkProjectOrOrganizationName("Data & Analytics (EU), team: @core + 'ops'_1.0", 'project'), []);
    assert.deepEqual(checkProjectOrOrganizationName('Équipe données 東京', 'organization'), []);
  });

  it('only .tf files are read this way, and a file without mongodbatlas_ costs nothing', () => {
    assert.deepEqual(problemsOf(main_tf, 'plaintext', { ruleIds: ATLAS_RULES }), []);
    assert.deepEqual(scanTerraformAtlas(sourceCode('resource "aws_instance" "x" {\n  name = "a_b"\n}\n', 'terraform')), []);
  });

  it('hover on a cluster name shows the Atlas limits', () => {
    const h = hoverAt(main_tf.replace('"orders-eu-west-1-production"', '"orders-eu-|west-1-production"'), 'terraform')!;
    assert.equal(h.under, 'orders-eu-west-1-production');
    assert.match(h.contents, /\*\*Atlas cluster\*\*/);
    assert.match(h.contents, /first 23 characters/);
    assert.match(h.contents, /atlas-limits/);
  });
});

describe('Atlas names in configuration keys', () => {
  it('.env: ATLAS_CLUSTER_NAME, ATLAS_PROJECT_NAME and ATLAS_ORG_NAME', () => {
    const env = [
      '# provisioning',
      'ATLAS_ORG_NAME=Acme Corp',
      'ATLAS_PROJECT_NAME=shop/production',
      'ATLAS_CLUSTER_NAME=shop_prod',
      'MONGODB_ATLAS_REPORTING_CLUSTER_NAME=reports-eu',
      '',
    ].join('\n');
    assert.deepEqual(problemsOf(env, 'dotenv', { ruleIds: ATLAS_RULES }), [
      ['atlas-project-name-invalid', '/', 'error'],
      ['atlas-cluster-name-invalid', '_', 'error'],
    ]);
  });

  it('YAML and JSON: clusterName under an atlas section', () => {
    const yaml = 'atlas:\n  projectName: "Shop (EU)"\n  clusterName: orders-\n';
    assert.deepEqual(problemsOf(yaml, 'yaml', { ruleIds: ATLAS_RULES }), [['atlas-cluster-name-invalid', '-', 'error']]);
    const json = '{ "MongoDbAtlas": { "ClusterName": "orders.eu", "OrganizationName": "Acme" } }\n';
    assert.deepEqual(problemsOf(json, 'json', { ruleIds: ATLAS_RULES }), [['atlas-cluster-name-invalid', '.', 'error']]);
  });

  it('near misses: project and cluster names of other tools', () => {
    const env = 'COMPOSE_PROJECT_NAME=shop/dev\nKAFKA_CLUSTER_NAME=events_main\nPROJECT_NAME=Shop!\n';
    assert.deepEqual(problemsOf(env, 'dotenv', { ruleIds: ATLAS_RULES }), []);
  });

  it('hover on a configured project name', () => {
    const h = hoverAt('ATLAS_PROJECT_NAME=Sh|op\n', 'dotenv')!;
    assert.equal(h.under, 'Shop');
    assert.match(h.contents, /\*\*Atlas project\*\*/);
    assert.match(h.contents, /1 to 64/);
  });
});

describe('Atlas hosts in connection strings', () => {
  it('the cluster part of the host: first label, without -shard-00-01', () => {
    assert.deepEqual(clusterLabelOfHost('cluster0.ab1cd.mongodb.net'), { start: 0, end: 8 });
    assert.deepEqual(clusterLabelOfHost('Cluster0-shard-00-01.ab1cd.MONGODB.NET'), { start: 0, end: 8 });
    assert.equal(clusterLabelOfHost('cluster0.example.com'), undefined);
  });

  it('an underscore in the cluster part is reported; a valid host is not', () => {
    const env = 'MONGODB_URI=mongodb+srv://app:${PW}@orders_eu.ab1cd.mongodb.net/shop\nOTHER_MONGODB_URI=mongodb+srv://app:${PW}@orders-eu.ab1cd.mongodb.net/shop\n';
    assert.deepEqual(problemsOf(env, 'dotenv', { ruleIds: ATLAS_RULES }), [['atlas-cluster-name-invalid', '_', 'error']]);
  });
});
