/**
 * Minimal glob patterns: `*` (any characters but `/`), `**` (any number of folders),
 * `?` (one character but `/`). Paths and patterns use `/`; on Windows `\` is read as `/`.
 */

export function hasGlobCharacters(pattern: string): boolean {
  return /[*?]/.test(pattern);
}

export function toPosix(p: string): string {
  return p.replace(/\\/g, '/');
}

/** Compiles a pattern into a regular expression over whole posix paths. */
export function globToRegExp(pattern: string): RegExp {
  const p = toPosix(pattern).replace(/^\.\//, '');
  let re = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '*') {
      if (p[i + 1] === '*') {
        const atSegmentStart = i === 0 || p[i - 1] === '/';
        const atSegmentEnd = i + 2 === p.length || p[i + 2] === '/';
        if (atSegmentStart && atSegmentEnd) {
          if (p[i + 2] === '/') {
            re += '(?:[^/]*/)*'; // `**/`: zero or more folders
            i += 2;
          } else {
            re += '.*'; // trailing `**`: everything below
            i += 1;
          }
          continue;
        }
        i += 1; // `a**b` is just `a*b`
      }
      re += '[^/]*';
    } else if (c === '?') {
      re += '[^/]';
    } else {
      re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${re}$`);
}

/** The folder to walk for a pattern: its segments before the first one with a glob character. */
export function globBase(pattern: string): string {
  const segments = toPosix(pattern).split('/');
  const base: string[] = [];
  for (const segment of segments) {
    if (hasGlobCharacters(segment)) break;
    base.push(segment);
  }
  if (base.length === segments.length) base.pop();
  const joined = base.join('/');
  return joined === '' ? (pattern.startsWith('/') ? '/' : '.') : joined;
}
