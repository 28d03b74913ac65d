/**
 * SARIF 2.1.0 as GitHub code scanning reads it: every rule of a run described in full (name, short and
 * full description, help in text and Markdown, default level, tags), results that point to their rule
 * by index with their effective level, and the --rule severities recorded as configuration overrides.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RULES as TABLE } from '../../server/src/service/rules/ruleTable';
import { ruleDescription } from '../../server/src/service/rules/ruleDescriptions';

/** The rules with their descriptions, which live in a table of their own. */
const RULES = TABLE.map((r) => ({ ...r, description: ruleDescription(r.id) }));
import { escapeMarkdown } from '../../server/src/cli/report';
import { lint, project } from '../helpers/cli';

/** The SARIF level of each severity, written out here rather than taken from the formatter. */
const LEVEL: Record<string, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

const byId = new Map(RULES.map((r) => [r.id, r]));

/** One project with errors, warnings and information, each from a different rule. */
function mixedProject(): string {
  return project({
    '.env': [
      'PORT_URI=mongodb://localhost:70000/app', // port-invalid: error
      'PREF_URI=mongodb://localhost/app?readPreference=bogus', // option-invalid-value: warning
      'SOURCE_URI=mongodb://localhost/app?authSource=admin', // auth-source-without-credentials: info
      'TWICE_URI=mongodb://a.local,a.local/app', // host-duplicate: info
      '',
    ].join('\n'),
    // credentials-in-source (warning) and tls-disabled (info): both security findings.
    'config/app.json': '{ "uri": "mongodb://appuser:hunter2x@db.example.com/app" }\n',
  });
}

function sarif(dir: string, ...args: string[]): any {
  const r = lint(dir, '--format', 'sarif', ...args, '.');
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  return JSON.parse(r.stdout);
}

/** Fails with a path to the first property the SARIF 2.1.0 schema requires and the log lacks. */
function assertStructurallyValid(log: any): void {
  const fail = (where: string, what: string) => assert.fail(`${where}: ${what}`);
  const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
  const message = (m: any, where: string) => {
    if (!isObject(m) || (typeof m.text !== 'string' && typeof m.id !== 'string')) fail(where, 'a message needs text or id');
  };
  const multiformat = (m: any, where: string) => {
    if (!isObject(m) || typeof m.text !== 'string' || m.text === '') fail(where, 'a multiformatMessageString needs text');
    if (m.markdown !== undefined && typeof m.markdown !== 'string') fail(where, 'markdown must be a string');
  };
  if (log.version !== '2.1.0') fail('log', 'version must be "2.1.0"');
  if (typeof log.$schema !== 'string' || !/sarif-schema-2\.1\.0\.json$/.test(log.$schema)) fail('log', '$schema must name the 2.1.0 schema');
  if (!Array.isArray(log.runs)) fail('log', 'runs must be an array');
  log.runs.forEach((run: any, r: number) => {
    const at = `runs[${r}]`;
    if (!isObject(run.tool) || !isObject(run.tool.driver)) fail(at, 'tool.driver is required');
    const driver = run.tool.driver;
    if (typeof driver.name !== 'string' || driver.name === '') fail(`${at}.tool.driver`, 'name is required');
    const rules: any[] = driver.rules ?? [];
    if (!Array.isArray(rules)) fail(`${at}.tool.driver`, 'rules must be an array');
    const ids = new Set<string>();
    rules.forEach((rule, i) => {
      const where = `${at}.tool.driver.rules[${i}]`;
      if (typeof rule.id !== 'string' || rule.id === '') fail(where, 'id is required');
      if (ids.has(rule.id)) fail(where, `rule ${rule.id} is listed twice`);
      ids.add(rule.id);
      for (const key of ['shortDescription', 'fullDescription', 'help']) if (rule[key] !== undefined) multiformat(rule[key], `${where}.${key}`);
      if (rule.helpUri !== undefined && !/^https?:\/\//.test(rule.helpUri)) fail(where, 'helpUri must be an absolute URI');
      const level = rule.defaultConfiguration?.level;
      if (level !== undefined && !['none', 'note', 'warning', 'error'].includes(level)) fail(where, `bad default level ${level}`);
      const tags = rule.properties?.tags;
      if (tags !== undefined && (!Array.isArray(tags) || new Set(tags).size !== tags.length || tags.some((t: unknown) => typeof t !== 'string'))) {
        fail(where, 'tags must be unique strings');
      }
    });
    for (const [i, invocation] of (run.invocations ?? []).entries()) {
      const where = `${at}.invocations[${i}]`;
      if (typeof invocation.executionSuccessful !== 'boolean') fail(where, 'executionSuccessful is required');
      for (const [k, o] of (invocation.ruleConfigurationOverrides ?? []).entries()) {
        const w = `${where}.ruleConfigurationOverrides[${k}]`;
        if (!isObject(o.descriptor) || !isObject(o.configuration)) fail(w, 'descriptor and configuration are required');
        const d = o.descriptor;
        if (d.id === undefined && d.index === undefined && d.guid === undefined) fail(w, 'the descriptor needs an id, index or guid');
        if (d.index !== undefined && !(Number.isInteger(d.index) && d.index >= 0 && d.index < rules.length)) fail(w, `index ${d.index} is outside the rules`);
      }
    }
    if (!Array.isArray(run.results)) fail(at, 'results must be an array (empty when there are none)');
    run.results.forEach((res: any, i: number) => {
      const where = `${at}.results[${i}]`;
      message(res.message, where);
      if (!['none', 'note', 'warning', 'error'].includes(res.level)) fail(where, `bad level ${res.level}`);
      if (res.ruleIndex !== undefined && !(Number.isInteger(res.ruleIndex) && res.ruleIndex >= 0 && res.ruleIndex < rules.length)) fail(where, `ruleIndex ${res.ruleIndex} is outside the rules`);
      for (const [k, loc] of (res.locations ?? []).entries()) {
        const region = loc.physicalLocation?.region;
        const uri = loc.physicalLocation?.artifactLocation?.uri;
        if (typeof uri !== 'string' || uri === '' || uri.includes('\\')) fail(`${where}.locations[${k}]`, 'artifactLocation.uri must be a URI reference');
        if (!isObject(region) || !(region.startLine >= 1) || !(region.startColumn >= 1)) fail(`${where}.locations[${k}]`, 'region lines and columns are 1-based');
        if (region.endLine < region.startLine || (region.endLine === region.startLine && region.endColumn < region.startColumn)) fail(`${where}.locations[${k}]`, 'region ends before it starts');
      }
    });
  });
}

/** Every field code scanning shows for a rule, checked against the rule table. */
function assertDescribed(rule: any): void {
  const info = byId.get(rule.id);
  assert.ok(info, `${rule.id} is a rule of the table`);
  assert.match(rule.name, /^[A-Z][A-Za-z0-9]*$/, `${rule.id}: name is PascalCase`);
  assert.equal(rule.name.toLowerCase(), rule.id.replace(/-/g, ''), `${rule.id}: name spells the id`);
  assert.equal(rule.shortDescription.text, info.title);
  assert.equal(rule.fullDescription.text, info.description);
  assert.equal(rule.helpUri, info.docs);
  assert.deepEqual(rule.defaultConfiguration, { level: LEVEL[info.severity] }, `${rule.id}: the default level comes from the default severity`);
  for (const help of [rule.help.text, rule.help.markdown]) {
    assert.ok(help.includes('mongodbUri.rules'), `${rule.id}: help names the setting`);
    assert.ok(help.includes(`--rule ${rule.id}=`), `${rule.id}: help names the command-line option`);
    assert.ok(help.includes(info.docs), `${rule.id}: help links the documentation`);
    assert.match(help, new RegExp(`Default severity:?\\**:? ${info.severity}\\b`), `${rule.id}: help gives the default severity`);
  }
  assert.ok(rule.help.text.startsWith(info.description), `${rule.id}: the help text starts with the description`);
  assert.ok(rule.help.markdown.includes(`[Documentation](${info.docs})`), `${rule.id}: the Markdown help links the documentation`);
  const tags: string[] = rule.properties.tags;
  assert.ok(tags.includes(info.group), `${rule.id}: tagged with its group`);
  assert.equal(tags.includes('security'), info.security !== undefined, `${rule.id}: the security tag`);
  if (info.security !== undefined) {
    const score = Number(rule.properties['security-severity']);
    assert.ok(score > 0 && score < 10 && rule.properties['security-severity'] === info.security.toFixed(1), `${rule.id}: security-severity`);
  }
}

describe('SARIF rule metadata', () => {
  test('errors, warnings and notes: every reported rule fully described, levels from the defaults', () => {
    const dir = mixedProject();
    const log = sarif(dir);
    assertStructurallyValid(log);
    const run = log.runs[0];
    const rules: any[] = run.tool.driver.rules;
    const reported = new Set<string>(run.results.map((r: any) => r.ruleId));
    for (const id of ['port-invalid', 'option-invalid-value', 'auth-source-without-credentials', 'host-duplicate', 'credentials-in-source', 'tls-disabled']) {
      assert.ok(reported.has(id), `${id} is reported: ${[...reported].join(', ')}`);
    }
    assert.deepEqual(new Set(run.results.map((r: any) => r.level)), new Set(['error', 'warning', 'note']));
    // Exactly the reported rules are described, each once.
    assert.deepEqual(rules.map((r) => r.id).sort(), [...reported].sort());
    for (const rule of rules) assertDescribed(rule);
    for (const res of run.results) assert.equal(res.level, LEVEL[byId.get(res.ruleId)!.severity], `${res.ruleId}: level without --rule`);
    assert.deepEqual(
      rules.filter((r) => r.properties.tags.includes('security')).map((r) => r.id).sort(),
      ['credentials-in-source', 'tls-disabled'],
    );
    assert.deepEqual(run.invocations, [{ executionSuccessful: true }], 'no overrides without --rule');
    assert.ok(!log.runs[0].results.some((r: any) => JSON.stringify(r).includes('hunter2x')), 'no password in the results');
  });

  test('results point to their rule by index, in the order and at the places of the JSON output', () => {
    const dir = mixedProject();
    const log = sarif(dir);
    const rows = JSON.parse(lint(dir, '--format', 'json', '.').stdout);
    const run = log.runs[0];
    assert.equal(run.results.length, rows.length);
    assert.ok(rows.length >= 6);
    run.results.forEach((res: any, i: number) => {
      const row = rows[i];
      assert.equal(res.ruleId, row.ruleId);
      assert.equal(run.tool.driver.rules[res.ruleIndex].id, res.ruleId, `result ${i}: ruleIndex ${res.ruleIndex}`);
      assert.equal(res.message.text, row.message);
      const { artifactLocation, region } = res.locations[0].physicalLocation;
      assert.equal(artifactLocation.uri, row.file.split(/[\\/]/).join('/'));
      assert.deepEqual(region, { startLine: row.line, startColumn: row.column, endLine: row.endLine, endColumn: row.endColumn });
    });
    assert.equal(run.columnKind, 'utf16CodeUnits');
  });

  test('--rule: effective levels on results, defaults on rules, changes recorded as overrides', () => {
    const dir = mixedProject();
    const log = sarif(
      dir,
      '--rule', 'port-invalid=warning',
      '--rule', 'host-duplicate=off',
      '--rule', 'auth-source-without-credentials=hint',
      '--rule', 'tls-disabled=error',
      '--rule', 'option-invalid-value=warning', // the default: nothing to record
      '--rule', 'srv-port=info', // no result: still recorded, with its rule described
    );
    assertStructurallyValid(log);
    const run = log.runs[0];
    const rules: any[] = run.tool.driver.rules;
    /** The distinct levels of a rule's results. */
    const levels = (id: string) => [...new Set(run.results.filter((r: any) => r.ruleId === id).map((r: any) => r.level))];
    assert.deepEqual(levels('port-invalid'), ['warning']);
    assert.deepEqual(levels('host-duplicate'), []);
    assert.deepEqual(levels('auth-source-without-credentials'), ['note']);
    assert.deepEqual(levels('tls-disabled'), ['error']);
    assert.deepEqual(levels('option-invalid-value'), ['warning']);
    for (const rule of rules) assertDescribed(rule); // default levels, whatever --rule says
    for (const res of run.results) assert.equal(rules[res.ruleIndex].id, res.ruleId);

    const [invocation] = run.invocations;
    assert.equal(invocation.executionSuccessful, true);
    const overrides = new Map<string, any>(invocation.ruleConfigurationOverrides.map((o: any) => [o.descriptor.id, o]));
    assert.deepEqual([...overrides.keys()].sort(), ['auth-source-without-credentials', 'host-duplicate', 'port-invalid', 'srv-port', 'tls-disabled']);
    for (const [id, o] of overrides) assert.equal(rules[o.descriptor.index].id, id, `${id}: the override's descriptor index`);
    assert.equal(overrides.get('port-invalid').configuration.level, 'warning');
    assert.equal(overrides.get('tls-disabled').configuration.level, 'error');
    assert.equal(overrides.get('auth-source-without-credentials').configuration.level, 'note');
    assert.equal(overrides.get('auth-source-without-credentials').configuration.properties.severity, 'hint');
    assert.equal(overrides.get('srv-port').configuration.level, 'note');
    assert.equal(overrides.get('host-duplicate').configuration.enabled, false);
    assert.equal(overrides.get('host-duplicate').configuration.level, undefined);
  });

  test('every rule of the table, described through overrides, validates', () => {
    const dir = project({ '.env': 'MONGODB_URI=mongodb://localhost:27017/app\n' });
    const args = RULES.flatMap((r) => ['--rule', `${r.id}=${r.severity === 'error' ? 'warning' : 'error'}`]);
    const log = sarif(dir, ...args);
    assertStructurallyValid(log);
    const run = log.runs[0];
    assert.deepEqual(run.results, []);
    assert.deepEqual(run.tool.driver.rules.map((r: any) => r.id), RULES.map((r) => r.id), 'in the order of the rule table');
    for (const rule of run.tool.driver.rules) assertDescribed(rule);
    const overrides = run.invocations[0].ruleConfigurationOverrides;
    assert.equal(overrides.length, RULES.length);
    for (const o of overrides) assert.equal(run.tool.driver.rules[o.descriptor.index].id, o.descriptor.id);
    // The rendered Markdown shows the description as written: nothing in it becomes a tag, a link or math.
    for (const rule of run.tool.driver.rules) {
      const paragraph = rule.help.markdown.split('\n\n')[0];
      assert.equal(paragraph.replace(/\\([\\`*_[\]<>|~&$])/g, '$1'), byId.get(rule.id)!.description, rule.id);
      assert.doesNotMatch(paragraph, /(^|[^\\])[<`*_$[]/, `${rule.id}: unescaped Markdown syntax`);
    }
  });

  test('a clean run: an empty result list, no rules, a successful invocation', () => {
    const dir = project({ '.env': 'MONGODB_URI=mongodb://localhost:27017/app\n' });
    const log = sarif(dir);
    assertStructurallyValid(log);
    assert.deepEqual(log.runs[0].results, []);
    assert.deepEqual(log.runs[0].tool.driver.rules, []);
    assert.deepEqual(log.runs[0].invocations, [{ executionSuccessful: true }]);
  });
});

describe('escapeMarkdown', () => {
  test('escapes what would become HTML, emphasis, code, links or math, and nothing else', () => {
    assert.equal(escapeMarkdown('<database>.<collection>'), '\\<database\\>.\\<collection\\>');
    assert.equal(escapeMarkdown('use "_" or $external, *.mongodb.net'), 'use "\\_" or \\$external, \\*.mongodb.net');
    assert.equal(escapeMarkdown('a\\b [x](y) `c` |d| ~e~ &amp;'), 'a\\\\b \\[x\\](y) \\`c\\` \\|d\\| \\~e\\~ \\&amp;');
    assert.equal(escapeMarkdown('Plain text, with (parentheses) and 27017.'), 'Plain text, with (parentheses) and 27017.');
  });
});
