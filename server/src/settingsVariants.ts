/**
 * Settings derived for one file from what is known of it (its project, whether it is committed): one
 * derived object per settings object and combination, so that identities stay stable and an unchanged
 * document keeps its checks. Shared by files on disk (fileSettings.ts) and files read through the client (clientProjects.ts).
 */
import type { Settings } from './service/api';

/** What is known of a file besides the settings. */
export interface FileFacts {
  /** Its nearest package.json depends on mongodb or mongoose (Settings.nodeProject). */
  nodeProject: boolean;
  /** A Python file whose nearest Python manifest names a MongoDB package (Settings.pythonProject). */
  pythonProject: boolean;
  /** No .gitignore ignores it (false when one does; undefined outside a repository or where unknown). */
  tracked: boolean | undefined;
}

export class SettingsVariants {
  private readonly variants = new WeakMap<Settings, Map<string, Settings>>();

  of(settings: Settings, facts: FileFacts): Settings {
    const { nodeProject, pythonProject, tracked } = facts;
    if (!nodeProject && !pythonProject && tracked === undefined) return settings;
    const key = `${nodeProject ? 'node' : ''}/${pythonProject ? 'python' : ''}/${tracked === undefined ? '' : tracked ? 'tracked' : 'ignored'}`;
    let byKey = this.variants.get(settings);
    if (!byKey) {
      byKey = new Map();
      this.variants.set(settings, byKey);
    }
    let derived = byKey.get(key);
    if (!derived) {
      derived = { ...settings };
      if (nodeProject) derived.nodeProject = true;
      if (pythonProject) derived.pythonProject = true;
      if (tracked !== undefined) derived.tracked = tracked;
      byKey.set(key, derived);
    }
    return derived;
  }
}
