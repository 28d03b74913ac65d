/**
 * Whether a Python file belongs to a project that uses MongoDB: the nearest folder (the file's own, then
 * up) with a Python manifest (`pyproject.toml`, `Pipfile`, `setup.cfg`, `setup.py`, pip's requirement
 * files: `requirements.txt`, `requirements-dev.txt`, `requirements/base.txt`) names a MongoDB driver or
 * object-document mapper in one of them. The limits of driver calls are then
 * checked in the project's files, also in those that do not say so themselves (a repository module that
 * gets its collection passed in). The manifests are searched for the package names, outside `#`
 * comments; a description that uses one of the words as a word is taken for one (the cost: limits
 * checked in a project that has no MongoDB). Answers are cached per folder until `clear()`.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { readText } from './gitignore';
import { NearestManifest } from './nearestManifest';
import { namesDriverPackage, PYTHON_MANIFESTS, REQUIREMENTS_FILE, REQUIREMENTS_FOLDER, REQUIREMENTS_FOLDER_FILE } from './projectManifests';

/** The names in a folder (none when it cannot be read). */
function namesIn(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** The Python manifests of a folder: the fixed names, its requirement files and those of its `requirements/` folder. */
function manifestsIn(dir: string): string[] {
  const names = namesIn(dir);
  const files = PYTHON_MANIFESTS.filter((m) => names.includes(m)).map((m) => path.join(dir, m));
  for (const name of names) if (REQUIREMENTS_FILE.test(name)) files.push(path.join(dir, name));
  if (names.includes(REQUIREMENTS_FOLDER)) {
    const folder = path.join(dir, REQUIREMENTS_FOLDER);
    for (const name of namesIn(folder)) if (REQUIREMENTS_FOLDER_FILE.test(name)) files.push(path.join(folder, name));
  }
  return files;
}

export class PythonProjects {
  private readonly nearest = new NearestManifest((dir) => {
    // The folder's listing found them: read at once (a folder of a manifest's name is no text).
    const manifests = manifestsIn(dir).map(readText).filter((t) => t !== undefined);
    return manifests.length === 0 ? undefined : manifests.some(namesDriverPackage);
  });

  isPythonProjectFile(file: string): boolean {
    return this.nearest.forFile(file);
  }

  clear(): void {
    this.nearest.clear();
  }
}
