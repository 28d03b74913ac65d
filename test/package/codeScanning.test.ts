/**
 * The SARIF output as GitHub code scanning reads it: results tied to their rules, regions that cover the
 * characters at fault, related locations with ids and messages, paths relative to the checked folder.
 * (Validation against the SARIF 2.1.0 JSON schema needs the schema file, which no installed package ships.)
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lint, project } from '../helpers/cli';

const files: Record<string, string> = {
  '.env': 'DB_PASS=p@ss\nMONGODB_URI=mongodb://u:${DB_PASS}@h/db\n',
  'deploy/prod.env': 'MONGODB_URI=mongodb://admin@db.example.com/app?tls=false\n',
};
const dir = project(files);
const run = lint(dir, '--format', 'sarif', '.');
const log = JSON.parse(run.stdout);
const sarifRun = log.runs[0];
const rules: any[] = sarifRun.tool.driver.rules;
const results: any[] = sarifRun.results;

/** The text a SARIF region covers in a file (1-based lines, UTF-16 columns, endColumn exclusive). */
function regionText(uri: string, region: { startLine: number; startColumn: number; endLine?: number; endColumn?: number }): string {
  const lines = files[decodeURIComponent(uri)]!.split('\n');
  assert.equal(region.endLine ?? region.startLine, region.startLine, 'one line');
  return lines[region.startLine - 1]!.slice(region.startColumn - 1, (region.endColumn ?? region.startColumn + 1) - 1);
}

/** A path code scanning can place in the repository: relative, `/`-separated, no `.` or `..` segment. */
function assertRelativeUri(uri: string): void {
  assert.ok(!/^[a-z][a-z0-9+.-]*:/i.test(uri) && !uri.startsWith('/') && !uri.includes('\\'), uri);
  assert.ok(uri.split('/').every((s) => s !== '' && s !== '.' && s !== '..'), uri);
}

test('one run of mongodb-uri-lint, exit 1, results tied to their rules by id and index', () => {
  assert.equal(run.status, 1, run.stderr);
  assert.equal(log.version, '2.1.0');
  assert.equal(log.runs.length, 1);
  assert.equal(sarifRun.tool.driver.name, 'mongodb-uri-lint');
  assert.equal(new Set(rules.map((r) => r.id)).size, rules.length, 'rule ids are unique');
  assert.ok(results.length >= 2);
  for (const r of results) {
    assert.ok(Number.isInteger(r.ruleIndex) && rules[r.ruleIndex]?.id === r.ruleId, `${r.ruleId} at ${r.ruleIndex}`);
    assert.ok(['error', 'warning', 'note'].includes(r.level));
    assert.ok(r.message.text.length > 0);
    assert.equal(r.locations.length, 1);
  }
  for (const rule of rules) {
    assert.match(rule.helpUri, /^https:\/\//);
    assert.ok(rule.help.text.length > 0 && rule.help.markdown.length > 0 && rule.shortDescription.text.length > 0);
    assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level));
  }
  // No password in the log: code scanning shows it to everyone who can read the repository.
  assert.ok(!run.stdout.includes('p@ss'));
});

test('the region of a result covers the characters at fault; its related location points at the variable', () => {
  const result = results.find((r) => r.ruleId === 'userinfo-unescaped');
  assert.ok(result, results.map((r) => r.ruleId).join(', '));
  const { artifactLocation, region } = result.locations[0].physicalLocation;
  assert.equal(artifactLocation.uri, '.env');
  assertRelativeUri(artifactLocation.uri);
  assert.equal(regionText(artifactLocation.uri, region), '${DB_PASS}');
  assert.equal(result.relatedLocations.length, 1);
  const ids = result.relatedLocations.map((l: any) => l.id);
  assert.equal(new Set(ids).size, ids.length, 'related location ids are unique');
  for (const related of result.relatedLocations) {
    assert.ok(Number.isInteger(related.id) && related.id >= 0);
    assert.ok(related.message.text.length > 0);
    assertRelativeUri(related.physicalLocation.artifactLocation.uri);
    assert.ok(related.physicalLocation.region.startLine >= 1 && related.physicalLocation.region.startColumn >= 1);
  }
  const [related] = result.relatedLocations;
  assert.equal(related.message.text, 'DB_PASS is defined here');
  assert.equal(related.physicalLocation.artifactLocation.uri, '.env');
  assert.equal(regionText('.env', related.physicalLocation.region), 'p');
  assert.equal(related.physicalLocation.region.startLine, 1);
  assert.equal(related.physicalLocation.region.startColumn, 'DB_PASS='.length + 1);
});

test('a file in a folder: its path relative to the checked folder; security rules tagged for code scanning', () => {
  const tls = results.find((r) => r.ruleId === 'tls-disabled');
  assert.ok(tls, results.map((r) => r.ruleId).join(', '));
  const { artifactLocation, region } = tls.locations[0].physicalLocation;
  assert.equal(artifactLocation.uri, 'deploy/prod.env');
  assertRelativeUri(artifactLocation.uri);
  assert.equal(regionText(artifactLocation.uri, region), 'tls=false');
  assert.ok(rules[tls.ruleIndex].properties.tags.includes('security'));
});
