import { EmbeddedValue, Problem, Settings } from '../types';
import { validateConnectionString } from '../rules';

/** Checks one value found in a document; problems are in the value's own coordinates. */
export function validateEmbeddedValue(value: EmbeddedValue, settings: Settings): Problem[] {
  if (value.kind === 'uri') return validateConnectionString(value.text, settings);
  return [];
}
