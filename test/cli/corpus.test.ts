/**
 * The realistic corpus (test/corpus/<project>/...): invented projects in many ecosystems, each file as it
 * would be committed, with every line that holds a connection string, a Mongo key's value, a database or
 * a collection name labelled in test/corpus/labels.json with the errors and warnings it SHOULD get.
 *
 * The corpus is copied to a temporary folder (each `gitignore` becomes `.gitignore`, so that a project's
 * `.env` is ignored or tracked as in a real repository) and the built CLI is run over it with
 * --no-ignore, so that the files a .gitignore ignores are checked too. Measured:
 * - false problems: an error or warning on a line that does not expect it (rules compared as a multiset
 *   per line, so a second `userinfo-unencoded` for the same password is a false problem too);
 * - missed problems: an expected rule that is not reported on its line;
 * - credentials-in-source precision: how many of these warnings are on lines that expect them;
 * - secrets: no secret of labels.json may appear in the output (json, text or sarif, stdout or stderr).
 * Only errors and warnings count; information and hints are free.
 * The quick tests that keep the CLI fast change nothing on the corpus: --no-prefilter prints the same,
 * and a run that respects the .gitignore files prints the same but for the files git would not add.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test, type TestContext } from 'node:test';
import { RULES } from '../../server/src/service/rules/ruleTable';
import { repoRoot } from '../helpers/repo';

const root = repoRoot();
const cli = path.join(root, 'server', 'out', 'cli.js');
const corpus = path.join(root, 'test', 'corpus');
const labelsFile = path.join(corpus, 'labels.json');

/** Rules the product is getting; the labels may use them before the rule table has them. */
const PLANNED_RULES = ['tls-insecure', 'x509-without-tls'];

interface LineLabel {
  line: number;
  text: string;
  expect: string[];
}

interface FileLabels {
  lines: LineLabel[];
  secrets: string[];
}

interface Row {
  file: string;
  line: number;
  column: number;
  severity: string;
  ruleId: string;
  message: string;
}

interface Finding {
  file: string;
  line: number;
  ruleId: string;
}

const labels: Record<string, FileLabels> = JSON.parse(readFileSync(labelsFile, 'utf8'));

/** Every corpus file, as a path relative to test/corpus with forward slashes; labels.json excluded. */
function corpusFiles(dir = corpus): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return corpusFiles(full);
    if (!e.isFile() || full === labelsFile) return [];
    return [path.relative(corpus, full).split(path.sep).join('/')];
  });
}

/** A copy of the corpus in a temporary folder, each `gitignore` renamed to `.gitignore`. */
function copyCorpus(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'mongodb-uri-corpus-'));
  for (const project of readdirSync(corpus, { withFileTypes: true })) {
    if (project.isDirectory()) cpSync(path.join(corpus, project.name), path.join(dir, project.name), { recursive: true });
  }
  for (const rel of corpusFiles()) {
    if (path.posix.basename(rel) === 'gitignore') {
      renameSync(path.join(dir, rel), path.join(dir, path.dirname(rel), '.gitignore'));
    }
  }
  return dir;
}

interface Run {
  stdout: string;
  stderr: string;
}

function lint(dir: string, format: 'json' | 'text' | 'sarif', ...options: string[]): Run {
  const r = spawnSync(process.execPath, [cli, '--format', format, '--exit-zero', ...(options.length > 0 ? options : ['--no-ignore']), '.'], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  assert.equal(r.status, 0, `the CLI (${format}) exited with ${r.status}: ${r.stderr}`);
  return { stdout: r.stdout, stderr: r.stderr };
}

/** The label key of a reported path: forward slashes, `.gitignore` back to `gitignore`. */
function labelKey(file: string): string {
  const posix = file.split(path.sep).join('/').replace(/^\.\//, '');
  return posix.replace(/(^|\/)\.gitignore$/, '$1gitignore');
}

const where = (f: Finding): string => `${f.file}:${f.line} ${f.ruleId}`;

function byPlace(a: Finding, b: Finding): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

interface Comparison {
  /** Errors and warnings as reported. */
  reported: Finding[];
  falseProblems: Finding[];
  missedProblems: Finding[];
}

/** Compares the reported errors and warnings with the labels, line by line, as multisets of rule ids. */
function compare(rows: readonly Row[]): Comparison {
  const reported = rows
    .filter((r) => r.severity === 'error' || r.severity === 'warning')
    .map((r) => ({ file: labelKey(r.file), line: r.line, ruleId: r.ruleId }));
  const got = new Map<string, string[]>();
  for (const f of reported) {
    const key = `${f.file}\n${f.line}`;
    got.set(key, [...(got.get(key) ?? []), f.ruleId]);
  }
  const falseProblems: Finding[] = [];
  const missedProblems: Finding[] = [];
  const expected = new Map<string, string[]>();
  for (const [file, entry] of Object.entries(labels)) {
    for (const l of entry.lines) expected.set(`${file}\n${l.line}`, l.expect);
  }
  for (const key of new Set([...got.keys(), ...expected.keys()])) {
    const [file, lineText] = key.split('\n');
    const line = Number(lineText);
    const left = [...(expected.get(key) ?? [])];
    for (const ruleId of got.get(key) ?? []) {
      const i = left.indexOf(ruleId);
      if (i >= 0) left.splice(i, 1);
      else falseProblems.push({ file, line, ruleId });
    }
    for (const ruleId of left) missedProblems.push({ file, line, ruleId });
  }
  return { reported, falseProblems: falseProblems.sort(byPlace), missedProblems: missedProblems.sort(byPlace) };
}

/** A secret shown without giving it away. */
function masked(secret: string): string {
  return `${secret.slice(0, 3)}…(${secret.length} characters)`;
}

function listAll(t: TestContext, title: string, findings: readonly Finding[]): void {
  t.diagnostic(`${title}: ${findings.length}`);
  for (const f of findings) t.diagnostic(`  ${where(f)}`);
}

describe('corpus labels', () => {
  test('labels.json covers every corpus file; each label is on a line holding its text; secrets are in their files', () => {
    const files = corpusFiles().sort();
    assert.ok(files.length >= 150, `${files.length} corpus files`);
    assert.deepEqual(Object.keys(labels).sort(), files, 'labels.json and the corpus files differ');
    const known = new Set([...RULES.map((r) => r.id), ...PLANNED_RULES]);
    const wrong: string[] = [];
    for (const [file, entry] of Object.entries(labels)) {
      const lines = readFileSync(path.join(corpus, file), 'utf8').split('\n');
      const seen = new Set<number>();
      for (const l of entry.lines) {
        if (seen.has(l.line)) wrong.push(`${file}:${l.line} labelled twice`);
        seen.add(l.line);
        const text = lines[l.line - 1];
        if (text === undefined) wrong.push(`${file}:${l.line} is past the end of the file`);
        else if (l.text.length === 0 || !text.includes(l.text)) wrong.push(`${file}:${l.line} does not hold ${JSON.stringify(l.text)}`);
        for (const id of l.expect) if (!known.has(id)) wrong.push(`${file}:${l.line} unknown rule ${id}`);
      }
      const content = lines.join('\n');
      for (const s of entry.secrets) if (!content.includes(s)) wrong.push(`${file}: secret ${masked(s)} is not in the file`);
    }
    assert.deepEqual(wrong, []);
  });

  test('the comparison: exactly the labels give nothing; one more or one less problem on a line is counted', () => {
    const exact: Row[] = Object.entries(labels).flatMap(([file, entry]) =>
      entry.lines.flatMap((l) => l.expect.map((ruleId) => ({ file, line: l.line, column: 1, severity: 'warning', ruleId, message: '' }))),
    );
    assert.ok(exact.length > 0);
    const clean = compare(exact);
    assert.deepEqual([clean.falseProblems, clean.missedProblems], [[], []]);
    // Hints and information are free, on any line.
    assert.deepEqual(compare([...exact, { ...exact[0], severity: 'hint', ruleId: 'option-casing' }]).falseProblems, []);
    // A second report of the same rule on the same line is one too many.
    const twice = compare([...exact, { ...exact[0] }]);
    assert.deepEqual(twice.falseProblems.map(where), [where({ ...exact[0], file: labelKey(exact[0].file) })]);
    // A problem on a line without a label, under the reported `.gitignore` name.
    const unlabelled = compare([...exact, { ...exact[0], file: 'node-shop-api/.gitignore', line: 1, severity: 'error' }]);
    assert.deepEqual(unlabelled.falseProblems.map(where), [`node-shop-api/gitignore:1 ${exact[0].ruleId}`]);
    const missing = compare(exact.slice(1));
    assert.deepEqual(missing.missedProblems.map(where), [where(exact[0])]);
  });
});

describe('corpus', () => {
  let dir = '';
  let json: Run;
  let comparison: Comparison;

  before(() => {
    dir = copyCorpus();
    json = lint(dir, 'json');
    comparison = compare(JSON.parse(json.stdout) as Row[]);
  });
  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('every reported error and warning is expected on its line (no false problems)', (t) => {
    listAll(t, 'false problems', comparison.falseProblems);
    assert.deepEqual(comparison.falseProblems.map(where), []);
  });

  test('every expected problem is reported on its line (no missed problems)', (t) => {
    listAll(t, 'missed problems', comparison.missedProblems);
    assert.deepEqual(comparison.missedProblems.map(where), []);
  });

  test('credentials-in-source: only real passwords in tracked files', (t) => {
    const warned = comparison.reported.filter((f) => f.ruleId === 'credentials-in-source');
    const wrong = comparison.falseProblems.filter((f) => f.ruleId === 'credentials-in-source');
    const missed = comparison.missedProblems.filter((f) => f.ruleId === 'credentials-in-source');
    const expected = Object.values(labels).reduce(
      (n, e) => n + e.lines.reduce((m, l) => m + l.expect.filter((id) => id === 'credentials-in-source').length, 0),
      0,
    );
    t.diagnostic(`credential warnings real/total: ${warned.length - wrong.length}/${warned.length}`);
    t.diagnostic(`real credentials found: ${expected - missed.length}/${expected}`);
    for (const f of wrong) t.diagnostic(`  not a real credential: ${where(f)}`);
    assert.ok(expected > 0, 'the labels expect no credential warning at all');
    assert.deepEqual(wrong.map(where), [], 'credentials-in-source precision is below 1');
  });

  test('no secret of labels.json is printed, in any format', (t) => {
    const runs: Array<[string, Run]> = [
      ['json', json],
      ['text', lint(dir, 'text')],
      ['sarif', lint(dir, 'sarif')],
    ];
    const found: string[] = [];
    let total = 0;
    for (const [file, entry] of Object.entries(labels)) {
      for (const secret of entry.secrets) {
        total++;
        const places = runs.flatMap(([format, r]) => [
          ...(r.stdout.includes(secret) ? [`${format} stdout`] : []),
          ...(r.stderr.includes(secret) ? [`${format} stderr`] : []),
        ]);
        if (places.length > 0) found.push(`${file}: ${masked(secret)} in ${places.join(', ')}`);
      }
    }
    t.diagnostic(`secrets found: ${found.length} of ${total}`);
    for (const f of found) t.diagnostic(`  ${f}`);
    assert.ok(total > 0, 'the labels list no secret');
    assert.deepEqual(found, []);
  });
});

/** The files of `dir` that `git add -A` would add, in a repository made for the question (null without git). */
function filesGitAdds(dir: string): Set<string> | null {
  const env = { PATH: process.env.PATH ?? '', HOME: dir, XDG_CONFIG_HOME: dir, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };
  const init = spawnSync('git', ['init', '-q'], { cwd: dir, env });
  if (init.status !== 0) return null;
  const r = spawnSync('git', ['ls-files', '--others', '--exclude-standard', '-z'], { cwd: dir, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(r.status, 0, r.stderr);
  return new Set(r.stdout.split('\0').filter((f) => f !== ''));
}

/** The summary line of a run. */
const summaryOf = (r: Run): string => r.stderr.trimEnd().split('\n').pop() ?? '';

describe('corpus: the quick tests that keep the CLI fast change nothing', () => {
  let dir = '';
  before(() => {
    dir = copyCorpus();
  });
  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  for (const format of ['json', 'text', 'sarif'] as const) {
    test(`${format}: with --no-prefilter every file is analysed, and the output is the same`, () => {
      const quick = lint(dir, format, '--no-ignore');
      const full = lint(dir, format, '--no-ignore', '--no-prefilter');
      assert.equal(quick.stdout, full.stdout);
      assert.equal(quick.stderr, full.stderr);
      assert.ok(quick.stdout.length > 1000);
    });
  }

  test('respecting .gitignore leaves out the files git would not add, and nothing else changes', (t) => {
    const all = lint(dir, 'json', '--no-ignore');
    const respected = lint(dir, 'json', '--no-prefilter');
    // No ignored file of the corpus has a problem: the reports are the same, the counts are not.
    assert.equal(respected.stdout, all.stdout);
    const count = (r: Run): number => Number(/^(\d+) files? checked/.exec(summaryOf(r))?.[1]);
    const left = count(all) - count(respected);
    const copy = copyCorpus();
    try {
      const added = filesGitAdds(copy);
      if (added === null) return t.skip('git is not installed');
      const ignored = corpusFiles().map((f) => f.replace(/(^|\/)gitignore$/, '$1.gitignore')).filter((f) => !added.has(f));
      t.diagnostic(`ignored by the corpus's .gitignore files: ${ignored.join(', ')}`);
      assert.ok(ignored.length > 0);
      assert.equal(left, ignored.length);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
