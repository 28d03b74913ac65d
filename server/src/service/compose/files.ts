/**
 * Files beside a document, by URI: a compose file's `.env` and `env_file:` entries are paths relative to
 * the compose file's folder (or absolute). URIs are handled as text (the core has no file system):
 * `file:///srv/app/compose.yaml` and `./.env` give `file:///srv/app/.env`.
 */

/** The URI of `path` (relative to the folder of `documentUri`, or absolute), or undefined when the document has no folder. */
export function siblingUri(documentUri: string, path: string): string | undefined {
  const slash = documentUri.lastIndexOf('/');
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:/.exec(documentUri)?.[0];
  if (slash < 0 || !scheme) return undefined;
  const p = path.replace(/\\/g, '/');
  let base: string;
  let rest: string;
  if (p.startsWith('/')) {
    // An absolute path: on the document's authority (file:///x, vscode-vfs://github/o/r/x).
    const authorityEnd = documentUri.startsWith(`${scheme}//`) ? documentUri.indexOf('/', scheme.length + 2) : scheme.length;
    if (authorityEnd < 0) return undefined;
    base = documentUri.slice(0, authorityEnd);
    rest = p;
  } else if (/^[A-Za-z]:\//.test(p)) {
    base = `${scheme}//`;
    rest = `/${p}`;
  } else {
    base = '';
    rest = `${documentUri.slice(0, slash)}/${p}`;
  }
  const prefixEnd = base === '' ? pathStart(rest, scheme) : 0;
  const prefix = rest.slice(0, prefixEnd);
  const segments: string[] = [];
  for (const s of rest.slice(prefixEnd).split('/')) {
    if (s === '' || s === '.') continue;
    if (s === '..') segments.pop();
    else segments.push(encodeSegment(s));
  }
  return `${base}${prefix}/${segments.join('/')}`;
}

/** Where the path of a URI starts (after `scheme://authority`). */
function pathStart(uri: string, scheme: string): number {
  if (!uri.startsWith(`${scheme}//`)) return scheme.length;
  const at = uri.indexOf('/', scheme.length + 2);
  return at < 0 ? uri.length : at;
}

/** A path segment as a URI writes it (the segments of the document URI are already written so). */
function encodeSegment(s: string): string {
  return /^[A-Za-z0-9._~!$&'()*+,;=:@%-]*$/.test(s) ? s : encodeURIComponent(s);
}
