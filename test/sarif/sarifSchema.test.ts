/**
 * The CLI's SARIF output validated against the SARIF 2.1.0 JSON schema, with a maintained validator
 * (ajv, JSON Schema 2020-12). The schema is the one Microsoft's SARIF Multitool ships (npm,
 * MIT); `bash scripts/e2e-setup.sh sarif-schema` puts it in the cache folder of the editor tests.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import Ajv2020 from 'ajv/dist/2020';
import { lint, project } from '../helpers/cli';

const CACHE = process.env.E2E_CACHE_DIR ?? path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'mongodb-uri-e2e');
const SCHEMA = path.join(CACHE, 'sarif-schema', 'sarif-2.1.0.json');

function validator(): (log: unknown) => string[] {
  assert.ok(existsSync(SCHEMA), `No SARIF schema at ${SCHEMA}: run \`bash scripts/e2e-setup.sh sarif-schema\` first.`);
  const schema = JSON.parse(readFileSync(SCHEMA, 'utf8'));
  assert.match(String(schema.title), /SARIF\) Version 2\.1\.0/);
  // Formats (uri, date-time, uuid) are checked by the structure tests; the schema's structure is checked here.
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  const validate = ajv.compile(schema);
  return (log) => (validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`));
}

function sarifOf(dir: string, ...args: string[]): any {
  const r = lint(dir, '--format', 'sarif', ...args);
  assert.ok(r.status === 0 || r.status === 1 || r.status === 2, r.stderr);
  return JSON.parse(r.stdout);
}

describe('SARIF against the 2.1.0 schema', () => {
  const errorsOf = validator();

  test('the validator rejects what the schema forbids (so that its silence means something)', () => {
    const dir = project({ '.env': 'URI=mongodb://localhost:70000/app\n' });
    const log = sarifOf(dir, '.');
    assert.deepEqual(errorsOf(log), []);
    const broken = structuredClone(log);
    broken.runs[0].results[0].level = 'fatal';
    broken.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    const errors = errorsOf(broken);
    assert.ok(errors.some((e) => e.includes('/level')) && errors.some((e) => e.includes('/startLine')), errors.join('\n'));
  });

  test('errors, warnings and notes from many rules, security properties, related locations, and overrides', () => {
    const dir = project({
      '.env': [
        'PORT_URI=mongodb://localhost:70000/app',
        'PREF_URI=mongodb://localhost/app?readPreference=bogus',
        'SOURCE_URI=mongodb://localhost/app?authSource=admin',
        'DB_PASS=p@ss:word',
        'COMPOSED_URI=mongodb://app:${DB_PASS}@db.internal/shop?tls=true',
        '',
      ].join('\n'),
      'config/app.json': '{ "uri": "mongodb://appuser:hunter2x@db.example.com/app" }\n',
      'deploy/compose.yaml': 'services:\n  api:\n    environment:\n      MONGO_URL: mongodb://localhost:27017/shop\n  mongo:\n    image: mongo:7\n',
      'src/db.ts': 'await client.db("shop$orders").collection("a").createIndex({ a: 1 });\n',
    });
    const log = sarifOf(dir, '--rule', 'tls-disabled=warning', '--rule', 'host-duplicate=off', '.');
    const results = log.runs[0].results as any[];
    assert.ok(results.length >= 6, JSON.stringify(results.map((r) => r.ruleId)));
    assert.ok(results.some((r) => r.relatedLocations?.length > 0), 'a result with related locations');
    assert.ok(log.runs[0].tool.driver.rules.some((r: any) => r.properties?.['security-severity']), 'a security rule');
    assert.ok(log.runs[0].invocations[0].ruleConfigurationOverrides?.length > 0, 'the overrides are recorded');
    assert.deepEqual(errorsOf(log), []);
  });

  test('a clean run and a run with nothing to check', () => {
    assert.deepEqual(errorsOf(sarifOf(project({ 'ok.env': 'URI=mongodb://localhost:27017/app\n' }), '.')), []);
    assert.deepEqual(errorsOf(sarifOf(project({ 'README.md': '# nothing here\n' }), '.')), []);
  });
});
