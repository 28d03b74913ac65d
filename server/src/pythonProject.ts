/**
 * Whether a Python file belongs to a project that uses MongoDB: the nearest folder (the file's own, then
 * up) with a Python manifest (`pyproject.toml`, `requirements.txt`, `Pipfile`, `setup.cfg`, `setup.py`)
 * names a MongoDB driver or object-document mapper in one of them. The limits of driver calls are then
 * checked in the project's files, also in those that do not say so themselves (a repository module that
 * gets its collection passed in). The manifests are searched for the package names, outside `#`
 * comments; a description that uses one of the words as a word is taken for one (the cost: limits
 * checked in a project that has no MongoDB). Answers are cached per folder until `clear()`.
 */
import path from 'node:path';
import { NearestManifest, readManifestText } from './nearestManifest';
import { PYTHON_MANIFESTS } from './projectManifests';

/**
 * The packages that make a project one that uses MongoDB: the drivers (PyMongo, Motor), the mappers
 * built on them (MongoEngine, Beanie, ODMantic, Djongo, Django's MongoDB backend) and Flask's wrappers.
 * A package name in a manifest is preceded by a quote, a blank or the start of a line, and followed by
 * an extra (`pymongo[srv]`), a version, a quote, a blank, `;` or `,`.
 */
const DRIVER_PACKAGE =
  /(?:^|["'\s,[(])(?:pymongo|motor|mongoengine|beanie|odmantic|djongo|django-mongodb-backend|flask-pymongo|flask-mongoengine)(?=$|["'\s,;=<>~!^[\]()@])/im;

/** A `#` comment, to the end of its line. */
const COMMENT = /#[^\n]*/g;

/** Whether a manifest's text names a MongoDB package (comments left out). */
export function namesDriverPackage(text: string): boolean {
  return DRIVER_PACKAGE.test(text.includes('#') ? text.replace(COMMENT, '') : text);
}

export class PythonProjects {
  private readonly nearest = new NearestManifest((dir) => {
    const manifests = PYTHON_MANIFESTS.map((name) => readManifestText(path.join(dir, name))).filter((t) => t !== undefined);
    return manifests.length === 0 ? undefined : manifests.some(namesDriverPackage);
  });

  isPythonProjectFile(file: string): boolean {
    return this.nearest.forFile(file);
  }

  clear(): void {
    this.nearest.clear();
  }
}
