/** The hook of .pre-commit-hooks.yaml, read as pre-commit reads it. Shared by the tests of the hook. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from '../helpers/repo';

export interface Hook {
  id: string;
  name: string;
  language: string;
  entry: string;
  args?: string[];
  pass_filenames?: boolean;
  types?: string[];
  types_or?: string[];
  files?: string;
  exclude?: string;
}

export function readHooks(): Hook[] {
  return parse(readFileSync(path.join(repoRoot(), '.pre-commit-hooks.yaml'), 'utf8'));
}

/**
 * A Python regular expression of pre-commit (`files`, `exclude`) as a JavaScript one: a leading `(?i)` is
 * the `i` flag; pre-commit applies it with re.search to the path relative to the repository, with `/`.
 */
export function pythonRegExp(pattern: string): RegExp {
  const caseless = pattern.startsWith('(?i)');
  return new RegExp(caseless ? pattern.slice(4) : pattern, caseless ? 'i' : '');
}

/** Whether pre-commit passes a (relative, `/`-separated) path to the hook, as far as `files` and `exclude` decide. */
export function hookTakes(hook: Hook, file: string): boolean {
  if (hook.files !== undefined && !pythonRegExp(hook.files).test(file)) return false;
  return hook.exclude === undefined || !pythonRegExp(hook.exclude).test(file);
}

/** The file name endings server/src/cli/languageId.ts gives a language id of their own, read from its source. */
export function cliExtensions(): string[] {
  const source = readFileSync(path.join(repoRoot(), 'server', 'src', 'cli', 'languageId.ts'), 'utf8');
  return [...source.matchAll(/^\s*'(\.[a-z0-9]+)':\s*'[a-z]+',$/gm)].map((m) => m[1]!);
}
