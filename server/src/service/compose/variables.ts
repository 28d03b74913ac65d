/**
 * Variable definitions as each source writes them, for interpolation (compose/interpolate.ts): the
 * assignments of a `.env` file, read as dotenv reads them (a later assignment of a key wins; a value in
 * single quotes or backticks is taken as written, the others are expanded by dotenv-expand), a shell
 * script's assignments above a line, and the properties of a Spring `.properties` or YAML file (expanded
 * by Spring's `${key}` and `${key:default}`).
 */
import { DotenvAssignment, DotenvAssignments } from '../extract/dotenv';
import type { DecodedText } from '../extract/decoded';
import { PropertiesAssignments } from '../extract/properties';
import { yamlAssignmentsOf } from '../extract/yamlAssignments';
import type { InterpolationSyntax, VariableDefinition } from './interpolate';

/**
 * The definitions of one file, looked up one name at a time (`before`: only those that hold at that
 * offset, for a shell script's earlier lines): a file whose strings use hundreds of variables is read
 * once, not searched once per variable (see DotenvAssignments).
 */
export type DefinitionFinder = (name: string, before?: number) => VariableDefinition | undefined;

/** How dotenv reads an assigned value: one in single quotes or backticks is taken as written, the others are expanded by dotenv-expand. */
function dotenvDefinition(name: string, a: DotenvAssignment, documentUri: string): VariableDefinition {
  return decodedDefinition(name, a.value, documentUri, a.quote === 'single' || a.quote === 'backtick' ? 'none' : 'dotenv');
}

/** The variables a `.env` document defines (its last assignment of each). */
export function dotenvFinder(text: string, documentUri: string): DefinitionFinder {
  const assignments = new DotenvAssignments(text);
  return (name) => {
    const a = assignments.last(name);
    return a && dotenvDefinition(name, a, documentUri);
  };
}

/**
 * The variables that a shell script assigns (`NAME=value`, `export NAME=value`) on lines before the
 * offset `before`, the last such assignment of each: a script's words are expanded with the values
 * assigned above them. A value that runs a command (`$(cat /run/secrets/db)`, `` `vault read …` ``)
 * is what the command prints, which the script does not say: such a variable is unknown, as one the
 * script does not assign.
 */
export function shellFinder(text: string, documentUri: string): DefinitionFinder {
  const assignments = new DotenvAssignments(text);
  return (name, before = text.length) => {
    const a = assignments.last(name, before);
    if (!a || (a.quote !== 'single' && runsCommand(a))) return undefined;
    return decodedDefinition(name, a.value, documentUri, a.quote === 'single' ? 'none' : 'dotenv');
  };
}

/** Whether a shell assignment's value holds a command substitution: in backticks, or `$(…)` (arithmetic `$((…))` too). */
function runsCommand(a: DotenvAssignment): boolean {
  return a.quote === 'backtick' || a.value.text.includes('$(') || a.value.text.includes('`');
}

/** The properties that a `.properties` document defines (its last assignment of each). */
export function propertiesFinder(text: string, documentUri: string): DefinitionFinder {
  const assignments = new PropertiesAssignments(text);
  return (key) => {
    const a = assignments.last(key);
    return a && decodedDefinition(key, a.value, documentUri, 'spring');
  };
}

/** The properties a Spring YAML file defines: every key path read in one pass when the first is asked for. */
export function yamlFinder(text: string, documentUri: string): DefinitionFinder {
  let all: Map<string, DecodedText> | undefined;
  return (key) => {
    const value = (all ??= yamlAssignmentsOf(text)).get(key);
    return value && decodedDefinition(key, value, documentUri, 'spring');
  };
}

/** A definition whose value is `value`, decoded from the document at `documentUri`. */
export function decodedDefinition(name: string, value: DecodedText, documentUri: string, syntax: InterpolationSyntax): VariableDefinition {
  return { name, value: value.text, documentUri, start: value.start, ...(value.offsets ? { offsets: value.offsets } : {}), syntax };
}
