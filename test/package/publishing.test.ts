/**
 * The conventions of a published extension: links of the Marketplace page, README images that survive
 * packaging, a changelog section per version, and the README's CI and pre-commit snippets.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { lint, project } from '../helpers/cli';
import { repoRoot } from '../helpers/repo';
import { readHooks } from './preCommitHook';

const root = repoRoot();
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
const repository = manifest.repository.url.replace(/\.git$/, '');

/** The fenced code blocks of `lang` in the README section that starts with `heading` (up to the next heading of its level or above). */
function codeBlocks(heading: string, lang: string): string[] {
  const lines = readme.split('\n');
  const start = lines.indexOf(heading);
  assert.ok(start >= 0, `README has the section ${heading}`);
  const level = heading.match(/^#+/)![0].length;
  const blocks: string[] = [];
  let block: string[] | undefined;
  let fenceLang = '';
  for (const line of lines.slice(start + 1)) {
    if (block === undefined && line.startsWith('```')) {
      block = [];
      fenceLang = line.slice(3).trim();
    } else if (block !== undefined && line === '```') {
      if (fenceLang === lang) blocks.push(block.join('\n'));
      block = undefined;
    } else if (block !== undefined) block.push(line);
    else if (new RegExp(`^#{1,${level}} `).test(line)) break;
  }
  return blocks;
}

test('the Marketplace links: repository, home page and issues on the same GitHub repository; Q&A decided', () => {
  assert.match(repository, /^https:\/\/github\.com\/[\w.-]+\/[\w.-]+$/);
  assert.equal(manifest.homepage, `${repository}#readme`);
  assert.equal(manifest.bugs.url, `${repository}/issues`);
  // false: no Marketplace Q&A; questions go to the issues.
  assert.ok(manifest.qna === false || /^https:\/\//.test(manifest.qna), String(manifest.qna));
});

test('README images are PNG files of the repository, linked relatively so that vsce points them at the repository', () => {
  const images = [...readme.matchAll(/!\[([^\]]*)\]\(([^)\s]+)\)/g)].map((m) => ({ alt: m[1]!, src: m[2]! }));
  for (const name of ['images/diagnostics.png', 'images/hover.png', 'images/completion.png']) {
    assert.ok(images.some((i) => i.src === name), `README shows ${name}`);
  }
  for (const { alt, src } of images) {
    // vsce rewrites relative links with `repository`; it refuses http: images and SVG files.
    assert.ok(!/^[a-z]+:/i.test(src) && !src.startsWith('/'), `${src} is relative`);
    assert.ok(!/\.svg$/i.test(src), `${src} is no SVG`);
    assert.ok(alt.length > 20, `${src} has a description`);
    const file = path.join(root, src);
    assert.ok(existsSync(file), `${src} exists`);
    assert.deepEqual([...readFileSync(file).subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], `${src} is a PNG`);
    assert.ok(statSync(file).size < 300_000, `${src} is small`);
  }
});

test('CHANGELOG: Unreleased first, then a section per version, newest first, with the current version', () => {
  const changelog = readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8');
  const headings = [...changelog.matchAll(/^## (.+)$/gm)].map((m) => m[1]!.trim());
  assert.equal(headings[0], 'Unreleased');
  const versions = headings.slice(1);
  assert.ok(versions.includes(manifest.version), `a section for ${manifest.version}`);
  const parts = versions.map((v) => {
    assert.match(v, /^\d+\.\d+\.\d+$/, `section ${v} is a version`);
    return v.split('.').map(Number);
  });
  for (let i = 1; i < parts.length; i++) {
    const [a, b] = [parts[i - 1]!, parts[i]!];
    assert.ok(a[0]! * 1e6 + a[1]! * 1e3 + a[2]! > b[0]! * 1e6 + b[1]! * 1e3 + b[2]!, `${versions[i - 1]} before ${versions[i]}`);
  }
});

test('README: the code scanning workflow uploads what the checker writes, with the permission it needs', () => {
  const [workflowText] = codeBlocks('### GitHub code scanning', 'yaml');
  const workflow = parse(workflowText!);
  assert.equal(workflow.permissions['security-events'], 'write');
  const steps: any[] = Object.values<any>(workflow.jobs)[0].steps;
  const check = steps.find((s) => typeof s.run === 'string' && s.run.includes('--format sarif'));
  const upload = steps.find((s) => typeof s.uses === 'string' && s.uses.startsWith('github/codeql-action/upload-sarif@'));
  assert.ok(check && upload);
  assert.ok(steps.indexOf(check) < steps.indexOf(upload));
  // Uploaded also when the check exits 1 because of errors.
  assert.match(String(upload.if), /!cancelled\(\)|always\(\)/);
  const m = check.run.match(/^mongodb-uri-lint (.+?) > "\$RUNNER_TEMP\/([\w.-]+)"$/);
  assert.ok(m, check.run);
  assert.equal(upload.with.sarif_file, `\${{ runner.temp }}/${m[2]}`);
  // The same arguments, run in a project: a SARIF log whose paths are relative to the folder checked.
  const dir = project({ 'config/app.yml': 'uri: "mongodb://db1.example.com:70000/app"\n' });
  const run = lint(dir, ...m[1]!.split(' '));
  assert.equal(run.status, 1, run.stderr);
  const log = JSON.parse(run.stdout);
  assert.equal(log.version, '2.1.0');
  const results: any[] = log.runs[0].results;
  assert.ok(results.some((r) => r.ruleId === 'port-invalid' && r.level === 'error'));
  for (const r of results) assert.equal(r.locations[0].physicalLocation.artifactLocation.uri, 'config/app.yml');
  // The checker is built outside the checked folder, from this repository.
  const install = steps.find((s) => typeof s.run === 'string' && s.run.includes('npm install -g .'));
  assert.ok(install.run.includes(`git clone --depth 1 ${repository} "$RUNNER_TEMP/`), install.run);
});

test('README: the pre-commit snippet names this repository, a version tag and the hook of .pre-commit-hooks.yaml', () => {
  const [configText] = codeBlocks('### Pre-commit hook', 'yaml');
  const config = parse(configText!);
  const [entry] = config.repos;
  assert.equal(entry.repo, repository);
  assert.equal(entry.rev, `v${manifest.version}`);
  assert.deepEqual(
    entry.hooks.map((h: any) => h.id),
    readHooks().map((h) => h.id),
  );
});
