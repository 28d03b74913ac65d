/**
 * The driver profile a document is checked with. `mongodbUri.driver: "auto"` (the default) applies the
 * Node.js driver's rules where the Node.js driver is what reads the string: JavaScript and TypeScript
 * files, and files of a project whose nearest package.json depends on mongodb or mongoose (the editor or
 * the CLI tells, in `settings.nodeProject`); the specification's rules everywhere else.
 */
import type { DriverProfile, DriverSetting, ProfileChoice } from '../api';

export type { ProfileChoice } from '../api';

const NODE_LANGUAGES: ReadonlySet<string> = new Set(['javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'mongodb']);


export function chooseProfile(settings: { driver: DriverSetting; nodeProject?: boolean }, languageId?: string): ProfileChoice {
  if (settings.driver !== 'auto') return { profile: settings.driver, reason: 'setting' };
  if (languageId !== undefined && NODE_LANGUAGES.has(languageId)) return { profile: 'node', reason: 'language' };
  if (settings.nodeProject) return { profile: 'node', reason: 'project' };
  return { profile: 'spec', reason: 'default' };
}

export function driverProfile(settings: { driver: DriverSetting; nodeProject?: boolean }, languageId?: string): DriverProfile {
  return chooseProfile(settings, languageId).profile;
}

/** How a choice reads in a hover or the CLI: "Node.js driver (auto: a TypeScript file)". */
export function describeProfile(choice: ProfileChoice): string {
  const name = choice.profile === 'node' ? 'Node.js driver' : 'MongoDB specification';
  switch (choice.reason) {
    case 'setting':
      return `${name} (mongodbUri.driver: ${choice.profile})`;
    case 'language':
      return `${name} (auto: JavaScript or TypeScript)`;
    case 'project':
      return `${name} (auto: the nearest package.json depends on mongodb or mongoose)`;
    default:
      return `${name} (auto)`;
  }
}
