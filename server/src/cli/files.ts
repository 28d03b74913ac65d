/** Turns the CLI's path arguments (files, folders, globs) into the list of files to check. */
import { readdirSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { globBase, globToRegExp, hasGlobCharacters, toPosix } from './glob';

/** Folders never walked into. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git']);

export interface FileList {
  /** Files to check, each once, sorted. */
  files: string[];
  /** Arguments that name nothing: a missing path, a glob without matches, an unreadable folder. */
  errors: string[];
}

export function collectFiles(args: readonly string[]): FileList {
  const files = new Set<string>();
  const errors: string[] = [];
  for (const arg of args) {
    if (hasGlobCharacters(arg) && !exists(arg)) {
      const matches = matchGlob(arg, errors);
      if (matches.length === 0) errors.push(`No files match '${arg}'.`);
      for (const f of matches) files.add(f);
      continue;
    }
    let stats;
    try {
      stats = statSync(arg);
    } catch {
      errors.push(`No such file or folder: ${arg}`);
      continue;
    }
    if (stats.isDirectory()) {
      for (const f of walk(arg, errors)) files.add(f);
    } else {
      files.add(path.normalize(arg));
    }
  }
  return { files: [...files].sort(), errors };
}

function exists(p: string): boolean {
  try {
    statSync(p);
    return true;
  } catch {
    return false;
  }
}

function matchGlob(pattern: string, errors: string[]): string[] {
  const re = globToRegExp(pattern);
  const base = globBase(pattern);
  if (!exists(base)) return [];
  return walk(base, errors).filter((f) => re.test(toPosix(f)));
}

/** All files below a folder, skipping node_modules and .git; symbolic links to folders are not followed. */
export function walk(folder: string, errors: string[]): string[] {
  const out: string[] = [];
  const pending = [folder];
  while (pending.length > 0) {
    const dir = pending.pop() as string;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      errors.push(`Cannot read folder ${dir}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
      continue;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) pending.push(full);
      } else if (entry.isFile() || (entry.isSymbolicLink() && isFile(full))) {
        out.push(full);
      }
    }
  }
  return out;
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}
