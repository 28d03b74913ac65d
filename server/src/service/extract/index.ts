import { EmbeddedValue } from '../types';
import { scanPlainText } from './plainText';

/** Finds the values worth checking in a document of the given language. */
export function extractValues(text: string, _languageId: string, _uri: string): EmbeddedValue[] {
  return scanPlainText(text);
}
