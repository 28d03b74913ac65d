import { EmbeddedValue } from '../types';
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

/** Finds the values worth checking in a document of the given language, in document order. */
export function extractValues(text: string, languageId: string, _uri: string): EmbeddedValue[] {
  const values = extractorFor(languageId)(text);
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
