/**
 * The files that say whether a project uses MongoDB (nodeProject.ts, pythonProject.ts, clientProjects.ts),
 * for the language server to watch: when one changes, every open document is checked again; and what
 * their texts say. No file access here, so that the web server shares it.
 */

/** The Node.js manifest: its dependencies on mongodb or mongoose (nodeProject.ts). */
export const NODE_MANIFEST = 'package.json';

/**
 * The Python manifests, the nearest folder's: a MongoDB driver or mapper named in one (pythonProject.ts).
 * Besides these names, the folder's requirement files (REQUIREMENTS_FILE) and those of its
 * `requirements/` folder (REQUIREMENTS_FOLDER_FILE) count.
 */
export const PYTHON_MANIFESTS: readonly string[] = ['pyproject.toml', 'Pipfile', 'setup.cfg', 'setup.py'];

/** pip's usual requirement file, the one asked for where a folder cannot be listed (clientProjects.ts). */
export const REQUIREMENTS_TXT = 'requirements.txt';

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

const DRIVER_PACKAGES = ['mongodb', 'mongoose'];
const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];

/** Whether a package.json's text lists mongodb or mongoose among its dependencies (text that is no JSON: no). */
export function packageUsesDriver(text: string): boolean {
  let manifest: unknown;
  try {
    manifest = JSON.parse(text) as unknown;
  } catch {
    return false;
  }
  if (typeof manifest !== 'object' || manifest === null) return false;
  for (const field of DEPENDENCY_FIELDS) {
    const deps = (manifest as Record<string, unknown>)[field];
    if (typeof deps === 'object' && deps !== null && DRIVER_PACKAGES.some((p) => Object.prototype.hasOwnProperty.call(deps, p))) return true;
  }
  return false;
}

/**
 * The packages that make a Python project one that uses MongoDB: the drivers (PyMongo, Motor), the mappers
 * built on them (MongoEngine, Beanie, ODMantic, Djongo, Django's MongoDB backend) and Flask's wrappers.
 * A package name in a manifest is preceded by a quote, a blank or the start of a line, and followed by
 * an extra (`pymongo[srv]`), a version, a quote, a blank, `;` or `,`.
 */
const DRIVER_PACKAGE =
  /(?:^|["'\s,[(])(?:pymongo|motor|mongoengine|beanie|odmantic|djongo|django-mongodb-backend|flask-pymongo|flask-mongoengine)(?=$|["'\s,;=<>~!^[\]()@])/im;

/** A `#` comment, to the end of its line. */
const COMMENT = /#[^\n]*/g;

/** Whether a Python manifest's text names a MongoDB package (comments left out). */
export function namesDriverPackage(text: string): boolean {
  return DRIVER_PACKAGE.test(text.includes('#') ? text.replace(COMMENT, '') : text);
}

/** Files read as Python, whose project may be known by a Python manifest. */
export const PYTHON_FILE = /\.pyi?$/i;
