/** Turns the CLI's path arguments (files, folders, globs) into the list of files to check. */
import { readdirSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { GitIgnores, ignoredBy, readText } from '../gitignore';
import { parseGitignore, type IgnoreSet } from '../gitignoreRules';
import { globBase, globToRegExp, hasGlobCharacters, toPosix } from './glob';

/** Folders never walked into. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git']);

export interface FileList {
  /** Files to check, each once, sorted. */
  files: string[];
  /** Arguments that name nothing: a missing path, a glob without matches. */
  errors: string[];
  /** Folders met while walking that could not be read (one vanished, one may not be listed). */
  unreadableFolders: string[];
}

export interface WalkOptions {
  /** Leave out what .gitignore files (and .git/info/exclude) ignore, as git does. */
  ignore: boolean;
  /** Told how many files the walks have found so far, after each folder. */
  onFound?: (count: number) => void;
}

/**
 * The files named by the arguments: files as they are (always, even when a .gitignore ignores them),
 * the files below folders and the matches of globs, walked as `walk` does.
 */
export function collectFiles(args: readonly string[], options: WalkOptions = { ignore: false }): FileList {
  const files = new Set<string>();
  const errors: string[] = [];
  const unreadableFolders: string[] = [];
  const walker = new Walker(options, unreadableFolders);
  for (const arg of args) {
    if (hasGlobCharacters(arg) && !exists(arg)) {
      const matches = matchGlob(arg, walker);
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
      for (const f of walker.walk(arg)) files.add(f);
    } else {
      files.add(path.normalize(arg));
    }
  }
  return { files: [...files].sort(), errors, unreadableFolders };
}

function exists(p: string): boolean {
  try {
    statSync(p);
    return true;
  } catch {
    return false;
  }
}

function matchGlob(pattern: string, walker: Walker): string[] {
  const re = globToRegExp(pattern);
  const base = globBase(pattern);
  if (!exists(base)) return [];
  return walker.walk(base).filter((f) => re.test(toPosix(f)));
}

/** All files below a folder, skipping node_modules and .git; symbolic links to folders are not followed. */
export function walk(folder: string, errors: string[], options: WalkOptions = { ignore: false }): string[] {
  return new Walker(options, errors).walk(folder);
}

class Walker {
  private readonly ignores = new GitIgnores();
  private found = 0;

  constructor(
    private readonly options: WalkOptions,
    private readonly errors: string[],
  ) {}

  /**
   * The files below `folder` (which is walked even when a .gitignore ignores it: it was asked for). With
   * `ignore`, an entry is left out when the .gitignore files of its repository ignore it, read as
   * GitIgnores.isTrackedFile reads them; nothing inside an ignored folder is looked at.
   */
  walk(folder: string): string[] {
    const out: string[] = [];
    const ignore = this.options.ignore;
    const pending: Array<{ dir: string; sets: IgnoreSet[] | undefined }> = [{ dir: folder, sets: undefined }];
    while (pending.length > 0) {
      const { dir, sets: parentSets } = pending.pop() as { dir: string; sets: IgnoreSet[] | undefined };
      let entries: Dirent[];
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch (err) {
        this.errors.push(`Cannot read folder ${dir}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
        continue;
      }
      const sets = ignore ? this.setsOf(dir, entries, parentSets) : [];
      for (const entry of entries) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (SKIPPED_FOLDERS.has(entry.name)) continue;
          if (sets.length > 0 && ignoredBy(sets, path.resolve(full), true)) continue;
          pending.push({ dir: full, sets });
        } else if (entry.isFile() || (entry.isSymbolicLink() && isFile(full))) {
          if (sets.length > 0 && ignoredBy(sets, path.resolve(full), false)) continue;
          out.push(full);
          this.found++;
        }
      }
      this.options.onFound?.(this.found);
    }
    return out;
  }

  /** The rule sets for the entries of `dir`: those of its parent and its own .gitignore; a repository's root starts anew. */
  private setsOf(dir: string, entries: readonly Dirent[], parentSets: IgnoreSet[] | undefined): IgnoreSet[] {
    const absolute = path.resolve(dir);
    if (parentSets === undefined) return this.ignores.rulesFor(absolute);
    let sets = parentSets;
    if (entries.some((e) => e.name === '.git') && exists(path.join(absolute, '.git'))) {
      sets = [];
      const exclude = readText(path.join(absolute, '.git', 'info', 'exclude'));
      if (exclude !== undefined) sets.push({ base: absolute, rules: parseGitignore(exclude) });
    }
    if (entries.some((e) => e.name === '.gitignore')) {
      const text = readText(path.join(absolute, '.gitignore'));
      if (text !== undefined) sets = [...sets, { base: absolute, rules: parseGitignore(text) }];
    }
    return sets;
  }
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}
