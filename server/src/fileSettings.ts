/**
 * What the settings say of one file on disk, for the language server and the CLI alike: a file of a
 * Node.js project that uses the driver carries `nodeProject` (driver "auto" reads it, and so do the
 * limits of driver calls), a Python file of a project that uses MongoDB `pythonProject` (read by those
 * limits); a file that no .gitignore ignores carries `tracked` (true, or false when one does; unknown
 * outside a repository).
 * One derived settings object per settings object and combination (settingsVariants.ts).
 */
import { fileURLToPath } from 'node:url';
import type { Settings } from './service/api';
import { GitIgnores } from './gitignore';
import { NodeProjects } from './nodeProject';
import { PythonProjects } from './pythonProject';
import { PYTHON_FILE } from './projectManifests';
import { SettingsVariants } from './settingsVariants';

/** The path of a file: URI, or undefined for other schemes (untitled documents, remote files). */
export function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export class FileSettings {
  private readonly projects = new NodeProjects();
  private readonly pythonProjects = new PythonProjects();
  private readonly ignores = new GitIgnores();
  private readonly variants = new SettingsVariants();

  /** The settings of `file` (a path; undefined for a document that is not on disk). */
  forFile(settings: Settings, file: string | undefined): Settings {
    if (file === undefined) return settings;
    // Known whatever the driver setting: the limits of driver calls read it too (lex/mongoEvidence.ts).
    return this.variants.of(settings, {
      nodeProject: this.projects.isNodeProjectFile(file),
      pythonProject: this.isPythonProjectFile(file),
      tracked: this.ignores.isTrackedFile(file),
    });
  }

  /**
   * Whether the file's project uses MongoDB, as the limits of driver calls read it (Settings.nodeProject
   * or pythonProject): what the CLI's prefilter asks before them.
   */
  usesDriver(file: string): boolean {
    return this.isNodeProjectFile(file) || this.isPythonProjectFile(file);
  }

  /** Whether the file's nearest package.json depends on mongodb or mongoose (Settings.nodeProject). */
  isNodeProjectFile(file: string): boolean {
    return this.projects.isNodeProjectFile(file);
  }

  private isPythonProjectFile(file: string): boolean {
    return PYTHON_FILE.test(file) && this.pythonProjects.isPythonProjectFile(file);
  }

  /** A package.json or a Python manifest was created, changed or deleted. */
  projectsChanged(): void {
    this.projects.clear();
    this.pythonProjects.clear();
  }

  /** A .gitignore was created, changed or deleted. */
  ignoresChanged(): void {
    this.ignores.clear();
  }
}
