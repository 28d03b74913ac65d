/**
 * The files that say whether a project uses MongoDB (nodeProject.ts, pythonProject.ts), for the language
 * server to watch: when one changes, every open document is checked again. No file access here, so that
 * the web server shares it.
 */

/** The Node.js manifest: its dependencies on mongodb or mongoose (nodeProject.ts). */
export const NODE_MANIFEST = 'package.json';

/**
 * The Python manifests, the nearest folder's: a MongoDB driver or mapper named in one (pythonProject.ts).
 * Besides these names, the folder's requirement files (REQUIREMENTS_FILE) and those of its
 * `requirements/` folder (REQUIREMENTS_FOLDER_FILE) count.
 */
export const PYTHON_MANIFESTS: readonly string[] = ['pyproject.toml', 'Pipfile', 'setup.cfg', 'setup.py'];

/** pip's requirement files: `requirements.txt`, `requirements-dev.txt`, `requirements_prod.in`. */
export const REQUIREMENTS_FILE = /^requirements(?:[-_.][\w.-]*)?\.(?:txt|in)$/i;

/** The folder that holds a project's requirement files when they are several (`requirements/base.txt`). */
export const REQUIREMENTS_FOLDER = 'requirements';

/** A requirement file of that folder. */
export const REQUIREMENTS_FOLDER_FILE = /\.(?:txt|in)$/i;

const MANIFESTS = [NODE_MANIFEST, ...PYTHON_MANIFESTS];

/** The globs a client watches them by. */
export const MANIFEST_GLOBS: readonly string[] = [
  `**/{${MANIFESTS.join(',')},requirements*.txt,requirements*.in}`,
  `**/${REQUIREMENTS_FOLDER}/*.{txt,in}`,
];

/** Whether a URI (or path) is one of them. */
export function isManifest(uri: string): boolean {
  const parts = uri.split(/[\\/]/);
  const name = parts[parts.length - 1] ?? '';
  if (MANIFESTS.includes(name) || REQUIREMENTS_FILE.test(name)) return true;
  return parts[parts.length - 2] === REQUIREMENTS_FOLDER && REQUIREMENTS_FOLDER_FILE.test(name);
}
