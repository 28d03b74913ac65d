/**
 * The rules of .gitignore files and how git matches them, without file access: shared by the disk
 * (gitignore.ts) and files read through the client (clientProjects.ts). Paths are `/`-separated.
 */
/** One pattern line of a .gitignore. */
export interface IgnoreRule {
  /** `!pattern`: a match re-includes. */
  negate: boolean;
  /** `pattern/`: matches folders only. */
  dirOnly: boolean;
  /** A `/` at the start or in the middle: matched against the path from the .gitignore's folder, not the name. */
  anchored: boolean;
  regex: RegExp;
}

function escapeRegex(c: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(c) ? `\\${c}` : c;
}

/** A `[...]` class at glob[i] as a regular expression, and the index of its `]`; undefined when it is not closed. */
function bracket(glob: string, i: number): { re: string; end: number } | undefined {
  let j = i + 1;
  let negate = false;
  if (glob[j] === '!' || glob[j] === '^') {
    negate = true;
    j++;
  }
  let body = '';
  let first = true;
  for (; j < glob.length; j++) {
    const c = glob[j];
    if (c === ']' && !first) return { re: negate ? `[^/${body}]` : `[${body}]`, end: j };
    first = false;
    if (c === '\\' && j + 1 < glob.length) {
      body += `\\${glob[++j]}`;
    } else body += c === '\\' || c === ']' || c === '[' || c === '^' ? `\\${c}` : c;
  }
  return undefined;
}

/** A gitignore glob (without its leading `/`, `!` and trailing `/`) as a regular expression source. */
function globToRegex(glob: string): string {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      let j = i;
      while (glob[j] === '*') j++;
      const stars = j - i;
      const atSegmentStart = i === 0 || glob[i - 1] === '/';
      if (stars === 2 && atSegmentStart && glob[j] === '/') {
        // `**/`: no folder or any folders.
        re += '(?:.*/)?';
        i = j;
      } else if (stars === 2 && atSegmentStart && j === glob.length && i > 0) {
        // A trailing `/**`: everything inside.
        re += '.*';
        i = j - 1;
      } else {
        // `*`, and any other run of stars: anything but a `/`.
        re += '[^/]*';
        i = j - 1;
      }
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const b = bracket(glob, i);
      if (b) {
        re += b.re;
        i = b.end;
      } else re += '\\[';
    } else if (c === '\\' && i + 1 < glob.length) re += escapeRegex(glob[++i]);
    else re += escapeRegex(c);
  }
  return re;
}

/** The rule of one line of a .gitignore; undefined for blank lines and comments. */
export function parseIgnoreLine(line: string): IgnoreRule | undefined {
  if (line.endsWith('\r')) line = line.slice(0, -1);
  // Trailing spaces are dropped unless a backslash quotes them.
  let end = line.length;
  while (end > 0 && line[end - 1] === ' ' && !(end >= 2 && line[end - 2] === '\\')) end--;
  line = line.slice(0, end);
  if (line === '' || line.startsWith('#')) return undefined;
  let negate = false;
  if (line.startsWith('!')) {
    negate = true;
    line = line.slice(1);
  }
  let dirOnly = false;
  if (line.endsWith('/') && !line.endsWith('\\/')) {
    dirOnly = true;
    line = line.replace(/\/+$/, '');
  }
  if (line === '') return undefined;
  const anchored = line.includes('/');
  if (line.startsWith('/')) line = line.slice(1);
  try {
    return { negate, dirOnly, anchored, regex: new RegExp(`^${globToRegex(line)}$`) };
  } catch {
    // A class git reads and JavaScript does not: the line is passed over.
    return undefined;
  }
}

export function parseGitignore(text: string): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  for (const line of text.split('\n')) {
    const rule = parseIgnoreLine(line);
    if (rule) rules.push(rule);
  }
  return rules;
}

/** Whether a rule matches a path (`/`-separated, relative to the .gitignore's folder). */
export function ruleMatches(rule: IgnoreRule, relative: string, isDir: boolean): boolean {
  if (rule.dirOnly && !isDir) return false;
  return rule.regex.test(rule.anchored ? relative : relative.slice(relative.lastIndexOf('/') + 1));
}

/**
 * The verdict on an entry after the rules of one .gitignore (its path relative to that file's folder),
 * given the verdict before them (of the .gitignore files above): the last rule that matches decides.
 */
function verdictAfter(ignored: boolean, rules: readonly IgnoreRule[], relative: string, isDir: boolean): boolean {
  for (const rule of rules) if (ruleMatches(rule, relative, isDir)) ignored = !rule.negate;
  return ignored;
}

/** The rules of one .gitignore (or .git/info/exclude) and the folder they apply to (a path, or a folder URI). */
export interface IgnoreSet {
  base: string;
  rules: IgnoreRule[];
}

/**
 * The verdict of a list of .gitignore files, shallowest first, on `target`: `relative(base, target)` is
 * the target's path as git matches it under the folder of a set.
 */
export function ignoredIn(sets: readonly IgnoreSet[], target: string, isDir: boolean, relative: (base: string, target: string) => string): boolean {
  let ignored = false;
  for (const { base, rules } of sets) ignored = verdictAfter(ignored, rules, relative(base, target), isDir);
  return ignored;
}

/**
 * Whether an entry on the way from a repository's root down to `file` is ignored: `folders` from the
 * root down to the file's own, `rulesOf(folder)` the rules of its .gitignore (none: undefined or null),
 * `sets` the rules that apply before them (.git/info/exclude), to which the rules met are added. Each
 * folder below the root, then the file: nothing inside an ignored folder is committed.
 */
export function ignoredOnTheWay(
  folders: readonly string[],
  file: string,
  rulesOf: (folder: string) => IgnoreRule[] | null | undefined,
  sets: IgnoreSet[],
  relative: (base: string, target: string) => string,
): boolean {
  for (let k = 0; k < folders.length; k++) {
    const rules = rulesOf(folders[k]!);
    if (rules) sets.push({ base: folders[k]!, rules });
    const isDir = k + 1 < folders.length;
    if (ignoredIn(sets, isDir ? folders[k + 1]! : file, isDir, relative)) return true;
  }
  return false;
}
