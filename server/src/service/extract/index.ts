import { EmbeddedValue } from '../api';
import { encodeForSyntax } from './encode';
import { extractDotenv } from './dotenv';
import { extractIni } from './ini';
import { extractJson } from './json';
import { extractMarkdown } from './markdown';
import { scanPlainText } from './plainText';
import { extractProperties } from './properties';
import { extractShell } from './shell';
import { extractSourceStrings } from './sourceStrings';
import { extractToml } from './toml';
import { extractYaml } from './yaml';

/** An extractor: the values worth checking in a whole document of one language. */
export type Extractor = (text: string) => EmbeddedValue[];

/** Plain-text scanning: for plaintext and for every language without an extractor of its own. */
export const PLAIN_TEXT_EXTRACTOR: Extractor = (text) => scanPlainText(text);
const plainText = PLAIN_TEXT_EXTRACTOR;

const EXTRACTORS: Record<string, Extractor> = {
  json: extractJson,
  jsonc: extractJson,
  json5: extractJson,
  dotenv: extractDotenv,
  properties: extractProperties,
  ini: extractIni,
  yaml: extractYaml,
  dockercompose: extractYaml,
  toml: extractToml,
  shellscript: extractShell,
  markdown: (text) => extractMarkdown(text, extractorFor),
  plaintext: plainText,
};

for (const id of ['javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'python', 'go', 'java', 'kotlin', 'csharp', 'ruby', 'php']) {
  EXTRACTORS[id] = (text) => extractSourceStrings(text, id);
}

/** The extractor for a VS Code language id; plain-text scanning for languages without one. */
export function extractorFor(languageId: string): Extractor {
  return EXTRACTORS[languageId] ?? plainText;
}

/**
 * Lockfiles and dependency lists: package names, versions and registry URLs, never a connection string
 * (`mongodb-connection-string-url: ^7.0.2` is a package). They are not read at all.
 */
const DEPENDENCY_FILES = /^(package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.ya?ml|bun\.lock|composer\.lock|gemfile\.lock|go\.sum|go\.mod|cargo\.lock|poetry\.lock|pipfile\.lock|pdm\.lock|uv\.lock|packages\.lock\.json|gradle\.lockfile|(requirements|constraints)([-_.][\w.-]*)?\.(txt|in))$/;

/**
 * Manifests whose dependency maps name packages: only the sections where a connection string can stand
 * are read (a `scripts` command line, a `config` block).
 */
const MANIFEST_SECTIONS: Record<string, ReadonlySet<string>> = {
  'package.json': new Set(['scripts', 'config', 'env']),
  'composer.json': new Set(['scripts', 'extra', 'config']),
};

/** The file name of a document URI, lower-cased ('' when it has none). */
function fileNameOf(uri: string): string {
  const slash = uri.lastIndexOf('/');
  const name = uri.slice(slash + 1).replace(/[?#].*$/, '');
  try {
    return decodeURIComponent(name).toLowerCase();
  } catch {
    return name.toLowerCase();
  }
}

/**
 * True when the document's name gives it a reading of its own (a lockfile is not read, a manifest only in
 * some sections): extractValues reads it, never the plain extractor of its language.
 */
export function hasOwnReading(uri: string, languageId: string): boolean {
  const name = fileNameOf(uri);
  return DEPENDENCY_FILES.test(name) || (MANIFEST_SECTIONS[name] !== undefined && (languageId === 'json' || languageId === 'jsonc'));
}

/** Finds the values worth checking in a document of the given language, in document order. */
export function extractValues(text: string, languageId: string, uri: string): EmbeddedValue[] {
  const name = fileNameOf(uri);
  if (DEPENDENCY_FILES.test(name)) return [];
  const sections = MANIFEST_SECTIONS[name];
  const values = sections && (languageId === 'json' || languageId === 'jsonc') ? extractJson(text, sections) : extractorFor(languageId)(text);
  for (let i = 1; i < values.length; i++) {
    if (values[i].start < values[i - 1].start) return values.sort((a, b) => a.start - b.start);
  }
  return values;
}

/**
 * Escapes a replacement (in decoded text, as quick fixes compute it) for the syntax the value is
 * written in, so that it can be put into the document in place of part of the value.
 */
export function encodeForHost(value: EmbeddedValue, replacement: string): string {
  return encodeForSyntax(replacement, value.syntax ?? 'raw');
}
