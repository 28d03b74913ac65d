/**
 * The limits table is the one source of every limit value: each entry is read by the sources (a rule
 * or a hover module names it), each is shown by some hover, and the modules that check names and
 * code limits write none of the values as a literal.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { LIMITS } from '../../../server/src/service/data/limits';
import { repoRoot } from '../../helpers/repo';
import { hoverAt } from '../../helpers/problems';
import { settingsWith } from '../../helpers/problems';

const service = path.join(repoRoot(), 'server', 'src', 'service');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sources(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

/** Module (relative to service/) → the LIMITS entries it reads, found as `LIMITS.<id>`. */
function readers(): Map<string, Set<string>> {
  const byLimit = new Map<string, Set<string>>();
  for (const file of sources(service)) {
    const rel = path.relative(service, file);
    if (rel === path.join('data', 'limits.ts')) continue;
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\b(?:LIMITS|L)\.([A-Za-z]+)\b/g)) {
      const id = m[1]!;
      if (!(id in LIMITS)) continue;
      if (!byLimit.has(id)) byLimit.set(id, new Set());
      byLimit.get(id)!.add(rel);
    }
  }
  return byLimit;
}

/** A document and a cursor whose hover shows each limit. */
const SHOWN_BY: Record<keyof typeof LIMITS, [marked: string, languageId: string]> = {
  databaseNameLength: ['MONGO_DB=sa|les\n', 'dotenv'],
  namespaceLength: ['MONGO_COLLECTION=or|ders\n', 'dotenv'],
  shardedNamespaceLength: ['MONGO_COLLECTION=or|ders\n', 'dotenv'],
  bsonDocumentSize: ['db.c.insert|One({ a: 1 });\n', 'javascript'],
  documentNestingDepth: ['db.c.insert|One({ a: 1 });\n', 'javascript'],
  indexesPerCollection: ['db.c.create|Index({ a: 1 });\n', 'javascript'],
  compoundIndexFields: ['db.c.create|Index({ a: 1 });\n', 'javascript'],
  sortKeys: ['db.c.find().so|rt({ a: 1 });\n', 'javascript'],
  pipelineStages: ['db.c.aggre|gate([]);\n', 'javascript'],
  blockingStageMemory: ['db.c.aggregate([{ $gr|oup: { _id: "$k" } }]);\n', 'javascript'],
  atlasClusterNameLength: ['resource "mongodbatlas_cluster" "c" {\n  name = "ma|in"\n}\n', 'terraform'],
  atlasClusterNamePrefix: ['resource "mongodbatlas_cluster" "c" {\n  name = "ma|in"\n}\n', 'terraform'],
  atlasProjectNameLength: ['resource "mongodbatlas_project" "p" {\n  name = "sh|op"\n}\n', 'terraform'],
  atlasOrganizationNameLength: ['resource "mongodbatlas_organization" "o" {\n  name = "ac|me"\n}\n', 'terraform'],
  replicaSetMembers: ['rs.initiate({ _id: "rs0", mem|bers: [{ _id: 0, host: "a:27017" }] });\n', 'javascript'],
  replicaSetVotingMembers: ['rs.initiate({ _id: "rs0", mem|bers: [{ _id: 0, host: "a:27017" }] });\n', 'javascript'],
  cappedMaxDocuments: ['db.createCollection("log", { cap|ped: true, size: 4096 });\n', 'javascript'],
  atlasReservedConnections: ['MONGODB_URI=mongodb+srv://clus|ter0.ab1cd.mongodb.net/shop\n', 'dotenv'],
  atlasClustersPerProject: ['resource "mongodbatlas_clu|ster" "c" {\n  project_id = var.p\n}\n', 'terraform'],
  atlasDatabaseUsersPerProject: ['resource "mongodbatlas_database_u|ser" "u" {\n  project_id = var.p\n}\n', 'terraform'],
  atlasCustomRolesPerProject: ['resource "mongodbatlas_custom_db_r|ole" "r" {\n  project_id = var.p\n}\n', 'terraform'],
  atlasNetworkPeeringPerProject: ['resource "mongodbatlas_network_pee|ring" "n" {\n  project_id = var.p\n}\n', 'terraform'],
  atlasAccessListEntriesPerProject: ['resource "mongodbatlas_project_ip_acc|ess_list" "a" {\n  project_id = var.p\n}\n', 'terraform'],
  atlasTeamsPerProject: ['resource "mongodbatlas_team_project_ass|ignment" "t" {\n  project_id = var.p\n}\n', 'terraform'],
  atlasFreeClustersPerProject: ['resource "mongodbatlas_advanced_clu|ster" "c" {\n  project_id = var.p\n}\n', 'terraform'],
  atlasElectableNodesPerShard: ['resource "mongodbatlas_advanced_clu|ster" "c" {\n  project_id = var.p\n}\n', 'terraform'],
  atlasMultiRegionShards: ['resource "mongodbatlas_clu|ster" "c" {\n  project_id = var.p\n}\n', 'terraform'],
};

describe('the limits table', () => {
  it('every entry is read by at least one module besides the table', () => {
    const byLimit = readers();
    const unread = Object.keys(LIMITS).filter((id) => !byLimit.has(id));
    assert.deepEqual(unread, [], `entries nobody reads: ${unread.join(', ')}`);
  });

  it('every entry is shown by a hover (its summary, or for the Atlas reserve its value)', () => {
    assert.deepEqual(Object.keys(SHOWN_BY).sort(), Object.keys(LIMITS).sort(), 'a hover sample per entry');
    for (const [id, [marked, languageId]] of Object.entries(SHOWN_BY)) {
      const limit = LIMITS[id as keyof typeof LIMITS];
      const h = hoverAt(marked, languageId, settingsWith({}));
      assert.ok(h, `${id}: a hover`);
      const shown = h.contents.includes(limit.summary) || h.contents.includes(`keeps ${limit.value} connections`);
      assert.ok(shown, `${id}: the hover shows the limit\n${h.contents}`);
    }
  });

  it('ids match their keys; values are positive', () => {
    for (const [key, limit] of Object.entries(LIMITS)) {
      assert.equal(limit.id, key);
      assert.ok(limit.value > 0, key);
      assert.ok(limit.summary.length > 20, key);
    }
  });

  it('the naming, code-limit and Atlas quota modules write no limit value as a number literal', () => {
    // A module is held to the limits of the pages (manual, Atlas) it reads from the table, all when it reads
    // none; 0, 1 and 2 are everyday numbers of code (an index, a step), and a limit of such a value is read
    // by name all the same.
    const valuesOf = (pages: ReadonlySet<string>) =>
      new Set<number>(Object.values(LIMITS).filter((l) => pages.size === 0 || pages.has(l.page)).map((l) => l.value).filter((v) => v > 2));
    const dirs = [path.join(service, 'naming'), path.join(service, 'limits'), path.join(service, 'atlas')];
    for (const file of dirs.flatMap(sources)) {
      const source = readFileSync(file, 'utf8');
      const pages = new Set<string>();
      for (const m of source.matchAll(/\b(?:LIMITS|L)\.([A-Za-z]+)\b/g)) if (m[1]! in LIMITS) pages.add(LIMITS[m[1] as keyof typeof LIMITS].page);
      const values = valuesOf(pages);
      // Comments may name the limits; code may not.
      const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '').replace(/'[^'\n]*'|"[^"\n]*"|`[^`]*`/g, '""');
      for (const m of code.matchAll(/(?<![\w.])(\d+)(?![\w.])/g)) {
        assert.ok(!values.has(Number(m[1])), `${path.relative(service, file)}: literal ${m[1]} duplicates a limit of the table`);
      }
    }
  });
});
