/**
 * What the settings say of one file on disk, for the language server and the CLI alike: a file of a
 * Node.js project that uses the driver carries `nodeProject` (driver "auto" reads it, and so do the
 * limits of driver calls); a file that no .gitignore ignores carries `tracked` (true, or false when one
 * does; unknown outside a repository).
 * One derived settings object per settings object and combination, so that identities stay stable
 * and an unchanged document keeps its checks.
 */
import { fileURLToPath } from 'node:url';
import type { Settings } from './service/api';
import { GitIgnores } from './gitignore';
import { NodeProjects } from './nodeProject';

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
  private readonly ignores = new GitIgnores();
  private readonly variants = new WeakMap<Settings, Map<string, Settings>>();

  /** The settings of `file` (a path; undefined for a document that is not on disk). */
  forFile(settings: Settings, file: string | undefined): Settings {
    if (file === undefined) return settings;
    // Known whatever the driver setting: the limits of driver calls read it too (lex/mongoEvidence.ts).
    const nodeProject = this.projects.isNodeProjectFile(file);
    const tracked = this.ignores.isTrackedFile(file);
    if (!nodeProject && tracked === undefined) return settings;
    const key = `${nodeProject ? 'node' : ''}/${tracked === undefined ? '' : tracked ? 'tracked' : 'ignored'}`;
    let byKey = this.variants.get(settings);
    if (!byKey) {
      byKey = new Map();
      this.variants.set(settings, byKey);
    }
    let derived = byKey.get(key);
    if (!derived) {
      derived = { ...settings };
      if (nodeProject) derived.nodeProject = true;
      if (tracked !== undefined) derived.tracked = tracked;
      byKey.set(key, derived);
    }
    return derived;
  }

  /** A package.json was created, changed or deleted. */
  projectsChanged(): void {
    this.projects.clear();
  }

  /** A .gitignore was created, changed or deleted. */
  ignoresChanged(): void {
    this.ignores.clear();
  }
}
