/**
 * Whether a file is committed: no .gitignore of its repository ignores it. The .gitignore files are read
 * from the repository's root (the nearest folder up that holds `.git`; the file system root when there
 * is none) down to the file's folder, with `.git/info/exclude` first, and matched as git does: later
 * rules override earlier ones, a deeper .gitignore overrides those above it, and nothing inside an
 * ignored folder can be re-included. The global excludes file of the user's git configuration is not
 * read: the answer depends on the repository only.
 * Parsed files are cached per folder until `clear()` (a .gitignore changed).
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ignoredIn, ignoredOnTheWay, parseGitignore, type IgnoreRule, type IgnoreSet } from './gitignoreRules';

/** The path of `target` under the folder `base`, as git matches it (`/`-separated). */
function relativePath(base: string, target: string): string {
  return path.relative(base, target).split(path.sep).join('/');
}

/**
 * The verdict of a list of .gitignore files, each with the folder it applies to, shallowest first, on
 * `target` (an absolute path): the last rule that matches decides.
 */
export function ignoredBy(sets: readonly IgnoreSet[], target: string, isDir: boolean): boolean {
  return ignoredIn(sets, target, isDir, relativePath);
}

/** The text of a file (UTF-8); undefined when it cannot be read. */
export function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

export class GitIgnores {
  /** Folder → the rules of its .gitignore (null: none). */
  private readonly rulesByFolder = new Map<string, IgnoreRule[] | null>();
  /** Folder → whether it holds `.git` (a folder, or a file in worktrees and submodules). */
  private readonly gitByFolder = new Map<string, boolean>();


  isTrackedFile(file: string): boolean | undefined {
    const absolute = path.resolve(file);
    const { folders, root, sets } = this.repositoryOf(path.dirname(absolute));
    const exclude = sets.length;
    if (ignoredOnTheWay(folders, absolute, (folder) => this.rulesOf(folder), sets, relativePath)) return false;
    // Committed in a repository, or below a .gitignore; else nothing is known.
    return root !== undefined || sets.length > exclude ? true : undefined;
  }

  /**
   * The rule sets that decide on the entries of `folder` (an absolute path), as isTrackedFile reads
   * them: .git/info/exclude of the repository, then each .gitignore from the repository's root (the
   * file system root when there is none) down to `folder`'s own. Whether `folder` itself is ignored is
   * not asked. For walking a folder: the sets of a subfolder are these and its own .gitignore, or, when
   * it holds `.git`, its exclude file and .gitignore alone.
   */
  rulesFor(folder: string): IgnoreSet[] {
    const { folders, sets } = this.repositoryOf(folder);
    for (const dir of folders) {
      const rules = this.rulesOf(dir);
      if (rules) sets.push({ base: dir, rules });
    }
    return sets;
  }

  /**
   * The folders from the repository's root (or the file system root when there is none) down to
   * `folder`, the root, and the rule set of the repository's .git/info/exclude when there is one.
   */
  private repositoryOf(folder: string): { folders: string[]; root: string | undefined; sets: IgnoreSet[] } {
    const folders: string[] = [];
    let root: string | undefined;
    for (let dir = folder; ; ) {
      folders.push(dir);
      if (this.hasGit(dir)) {
        root = dir;
        break;
      }
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
    folders.reverse();
    const sets: IgnoreSet[] = [];
    if (root !== undefined) {
      const exclude = readText(path.join(root, '.git', 'info', 'exclude'));
      if (exclude !== undefined) sets.push({ base: root, rules: parseGitignore(exclude) });
    }
    return { folders, root, sets };
  }

  clear(): void {
    this.rulesByFolder.clear();
    this.gitByFolder.clear();
  }

  private rulesOf(folder: string): IgnoreRule[] | null {
    let rules = this.rulesByFolder.get(folder);
    if (rules === undefined) {
      const text = readText(path.join(folder, '.gitignore'));
      rules = text === undefined ? null : parseGitignore(text);
      this.rulesByFolder.set(folder, rules);
    }
    return rules;
  }

  private hasGit(folder: string): boolean {
    let has = this.gitByFolder.get(folder);
    if (has === undefined) {
      try {
        statSync(path.join(folder, '.git'));
        has = true;
      } catch {
        has = false;
      }
      this.gitByFolder.set(folder, has);
    }
    return has;
  }
}
