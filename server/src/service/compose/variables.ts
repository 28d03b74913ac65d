/**
 * Variable definitions as each source writes them, for interpolation (compose/interpolate.ts): the
 * assignments of a `.env` file, read as dotenv reads them (a later assignment of a key wins; a value in
 * single quotes or backticks is taken as written, the others are expanded by dotenv-expand), and the
 * properties of a Spring `.properties` file (expanded by Spring's `${key}` and `${key:default}`).
 */
import { dotenvAssignmentsOf } from '../extract/dotenv';
import type { DecodedText } from '../extract/decoded';
import { propertiesAssignmentsOf } from '../extract/properties';
import type { InterpolationSyntax, VariableDefinition } from './interpolate';

/** The variables of `names` that a `.env` document defines (its last assignment of each). */
export function dotenvDefinitions(text: string, documentUri: string, names: Iterable<string>): Map<string, VariableDefinition> {
  const out = new Map<string, VariableDefinition>();
  for (const [name, a] of dotenvAssignmentsOf(text, names)) {
    out.set(name, decodedDefinition(name, a.value, documentUri, a.quote === 'single' || a.quote === 'backtick' ? 'none' : 'dotenv'));
  }
  return out;
}

/**
 * The variables of `names` that a shell script assigns (`NAME=value`, `export NAME=value`) on lines
 * before the offset `before`, the last such assignment of each: a script's words are expanded with
 * the values assigned above them.
 */
export function shellDefinitions(text: string, documentUri: string, names: Iterable<string>, before: number): Map<string, VariableDefinition> {
  const out = new Map<string, VariableDefinition>();
  for (const [name, a] of dotenvAssignmentsOf(text, names, before)) {
    out.set(name, decodedDefinition(name, a.value, documentUri, a.quote === 'single' ? 'none' : 'dotenv'));
  }
  return out;
}

/** The properties of `keys` that a `.properties` document defines (its last assignment of each). */
export function propertiesDefinitions(text: string, documentUri: string, keys: Iterable<string>): Map<string, VariableDefinition> {
  const out = new Map<string, VariableDefinition>();
  for (const [key, a] of propertiesAssignmentsOf(text, keys)) out.set(key, decodedDefinition(key, a.value, documentUri, 'spring'));
  return out;
}

/** A definition whose value is `value`, decoded from the document at `documentUri`. */
export function decodedDefinition(name: string, value: DecodedText, documentUri: string, syntax: InterpolationSyntax): VariableDefinition {
  return { name, value: value.text, documentUri, start: value.start, ...(value.offsets ? { offsets: value.offsets } : {}), syntax };
}
