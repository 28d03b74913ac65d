/**
 * Generated manifests of many resources cost linear work: Kubernetes containers that each import one
 * large ConfigMap with `envFrom` (its keys become definitions when a value refers to them, not every
 * key for every container: 2,000 deployments took 2.7 s, 8,000 took 47 s), and Terraform files of many
 * Atlas resources (what each puts against a project's quotas is summed once, and a hover is written when
 * asked for, not one per resource type, each summing the whole file: 8,000 clusters and users took 9 s).
 * The work is counted (test/helpers/workMeter.ts), never timed: at 8 times the resources at most 9 times
 * the work plus a small constant.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeDocument, defaultSettings, doHover } from '../../../server/src/service/languageService';
import { linearWork } from '../../helpers/workMeter';

const settings = { ...defaultSettings, maxFileSize: 1 << 24 };
const repeat = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join('');

/** A ConfigMap of `n` connection strings, and `n` deployments that import it and each refer to one key. */
function kubernetes(n: number): string {
  const configMap = `---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: mongo\ndata:\n${repeat(n, (i) => `  MONGO_HOST_${i}: db-${i}.internal:70000\n`)}`;
  const deployments = repeat(
    n,
    (i) =>
      `---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-${i}\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          envFrom:\n            - configMapRef:\n                name: mongo\n          env:\n            - name: MONGODB_URI\n              value: mongodb://$(MONGO_HOST_${i})/shop\n`,
  );
  return configMap + deployments;
}

/** `n` Atlas clusters and database users in one project. */
function terraform(n: number): string {
  const resources = repeat(
    n,
    (i) =>
      `resource "mongodbatlas_cluster" "c${i}" {\n  project_id = mongodbatlas_project.shop.id\n  name = "cluster-${i}"\n}\n\nresource "mongodbatlas_database_user" "u${i}" {\n  project_id = mongodbatlas_project.shop.id\n  username = "user${i}"\n  auth_database_name = "admin"\n}\n\n`,
  );
  return `resource "mongodbatlas_project" "shop" {\n  name = "shop"\n  org_id = "5f0a1b2c3d4e5f6a7b8c9d0e"\n}\n\n${resources}`;
}

describe('manifests of many resources: linear work', () => {
  it('Kubernetes: deployments that each import one large ConfigMap', () => {
    const run = (text: string) => {
      const a = analyzeDocument({ uri: 'file:///k8s/app.yaml', languageId: 'yaml', text }, settings);
      // Each deployment's string, composed from its key of the ConfigMap, has the port out of range.
      const deployments = text.split('kind: Deployment').length - 1;
      assert.ok(a.problems.filter((p) => p.message.includes('70000')).length >= deployments);
    };
    const w = linearWork(kubernetes, run, 32);
    assert.ok(w.linear, `${w.small} steps for 32 deployments, ${w.large} for 8 times as many (bound ${w.bound})`);
  });

  it('Terraform: Atlas clusters and users of one project', () => {
    const run = (text: string) => analyzeDocument({ uri: 'file:///infra/main.tf', languageId: 'terraform', text }, settings);
    const w = linearWork(terraform, run, 32);
    assert.ok(w.linear, `${w.small} steps for 32 clusters and users, ${w.large} for 8 times as many (bound ${w.bound})`);
  });

  it('Terraform: the hover of a resource type still says what the whole file puts in its project', () => {
    const text = terraform(40);
    const doc = { uri: 'file:///infra/main.tf', languageId: 'terraform', text };
    const analysis = analyzeDocument(doc, settings);
    const at = text.indexOf('mongodbatlas_database_user') + 3;
    const hover = doHover(doc, analysis, at);
    assert.ok(hover?.contents.includes('This file puts 40 in project `mongodbatlas_project.shop`'), hover?.contents);
  });
});
