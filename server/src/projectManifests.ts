/**
 * The files that say whether a project uses MongoDB (nodeProject.ts, pythonProject.ts), for the language
 * server to watch: when one changes, every open document is checked again. No file access here, so that
 * the web server shares it.
 */

/** The Node.js manifest: its dependencies on mongodb or mongoose (nodeProject.ts). */
export const NODE_MANIFEST = 'package.json';

/** The Python manifests, the nearest folder's: a MongoDB driver or mapper named in one (pythonProject.ts). */
export const PYTHON_MANIFESTS: readonly string[] = ['pyproject.toml', 'requirements.txt', 'Pipfile', 'setup.cfg', 'setup.py'];

const MANIFESTS = [NODE_MANIFEST, ...PYTHON_MANIFESTS];

/** The glob a client watches them by. */
export const MANIFEST_GLOB = `**/{${MANIFESTS.join(',')}}`;

/** Whether a URI (or path) is one of them. */
export function isManifest(uri: string): boolean {
  const slash = uri.lastIndexOf('/');
  return MANIFESTS.includes(uri.slice(slash + 1));
}
