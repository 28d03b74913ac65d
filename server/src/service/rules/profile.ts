/**
 * The driver profile a document is checked with. `mongodbUri.driver: "auto"` (the default) applies the
 * Node.js driver's rules where the Node.js driver is what reads the string: JavaScript and TypeScript
 * files, and files of a project whose nearest package.json depends on mongodb or mongoose (the editor or
 * the CLI tells, in `settings.nodeProject`), but for the files that another driver reads in such a
 * project (a Python script, a Spring or ASP.NET configuration beside a Node.js service); the
 * specification's rules everywhere else.
 */
import type { DriverProfile, DriverSetting, ProfileChoice } from '../api';
import { MONGOID_FILE } from '../data/configFiles';
import { uriFileName } from '../data/text';
import { driverFamilyOf } from '../data/uriOptions';
import { JAVASCRIPT_LANGUAGES } from '../extract/codeLanguages';

export type { ProfileChoice } from '../api';

/** Source code that the Node.js driver runs (a MongoDB playground is mongosh's). */
export const NODE_SOURCE_LANGUAGES: ReadonlySet<string> = JAVASCRIPT_LANGUAGES;

const NODE_LANGUAGES: ReadonlySet<string> = new Set([...NODE_SOURCE_LANGUAGES, 'mongodb']);

/**
 * Source code of the languages of other drivers that the option table has no family for (the Java, C#
 * and Python families are driverFamilyOf's).
 */
const OTHER_DRIVER_LANGUAGES: ReadonlySet<string> = new Set(['go', 'ruby', 'php', 'rust', 'scala', 'swift', 'c', 'cpp']);

/**
 * Whether another driver than Node.js's reads the document, whatever its project's package.json says:
 * one of a driver family (Python, Java or Kotlin, C# source; Spring Boot's and ASP.NET's configuration
 * files), other drivers' source code, Mongoid's `mongoid.yml`.
 */
export function readByOtherDriver(languageId: string | undefined, documentUri: string | undefined): boolean {
  if (driverFamilyOf(languageId, documentUri) !== undefined) return true;
  if (languageId !== undefined && OTHER_DRIVER_LANGUAGES.has(languageId)) return true;
  return documentUri !== undefined && MONGOID_FILE.test(uriFileName(documentUri));
}

export function chooseProfile(settings: { driver: DriverSetting; nodeProject?: boolean }, languageId?: string, documentUri?: string): ProfileChoice {
  if (settings.driver !== 'auto') return { profile: settings.driver, reason: 'setting' };
  if (languageId !== undefined && NODE_LANGUAGES.has(languageId)) return { profile: 'node', reason: 'language' };
  if (settings.nodeProject && !readByOtherDriver(languageId, documentUri)) return { profile: 'node', reason: 'project' };
  return { profile: 'spec', reason: 'default' };
}

export function driverProfile(settings: { driver: DriverSetting; nodeProject?: boolean }, languageId?: string, documentUri?: string): DriverProfile {
  return chooseProfile(settings, languageId, documentUri).profile;
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
