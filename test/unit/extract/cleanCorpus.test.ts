/**
 * No false positives: every file of test/fixtures/clean/ (realistic configuration and source files in
 * every supported format) gives no error and no warning with the default settings, and yields at least
 * one extracted value, so the test cannot pass by finding nothing.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeDocument } from '../../../server/src/service/languageService';
import { defaultSettings } from '../../../server/src/service/api';
import { languageIdForPath } from '../../../server/src/cli/languageId';
import { repoRoot } from '../../helpers/repo';

const corpus = path.join(repoRoot(), 'test', 'fixtures', 'clean');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? files(full) : e.isFile() ? [full] : [];
  });
}

/** The language id an editor gives the file (Kotlin is not in the CLI's table). */
function languageOf(file: string): string {
  return /\.kts?$/.test(file) ? 'kotlin' : languageIdForPath(file);
}

describe('clean corpus', () => {
  const all = files(corpus).sort();

  it('has at least 30 files in many formats', () => {
    assert.ok(all.length >= 30, `${all.length} files`);
    const languages = new Set(all.map(languageOf));
    for (const id of ['dotenv', 'properties', 'ini', 'json', 'jsonc', 'yaml', 'dockercompose', 'toml', 'javascript', 'typescript', 'python', 'go', 'java', 'kotlin', 'csharp', 'ruby', 'php', 'shellscript', 'markdown', 'plaintext']) {
      if (id === 'jsonc') continue; // JSON with comments is served as json by file name
      assert.ok(languages.has(id), `no ${id} file`);
    }
  });

  for (const file of all) {
    const rel = path.relative(corpus, file);
    it(rel, () => {
      const text = readFileSync(file, 'utf8');
      const languageId = languageOf(file);
      const analysis = analyzeDocument({ uri: `file://${file}`, languageId, text }, defaultSettings);
      assert.ok(analysis.values.length > 0, `${rel} (${languageId}): nothing was extracted`);
      const loud = analysis.problems
        .filter((p) => p.severity === 'error' || p.severity === 'warning')
        .map((p) => `${p.severity} ${p.ruleId} at ${JSON.stringify(text.slice(p.span.start, p.span.end))}: ${p.message}`);
      assert.deepEqual(loud, [], `${rel} (${languageId})`);
    });
  }
});
