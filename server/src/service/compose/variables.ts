/**
 * Variable definitions as each source writes them, for interpolation (compose/interpolate.ts): the
 * assignments of a `.env` file, read as dotenv reads them (a later assignment of a key wins; a value in
 * single quotes or backticks is taken as written, the others are expanded by dotenv-expand), and the
 * properties of a Spring `.properties` file (expanded by Spring's `${key}` and `${key:default}`).
 */
import { dotenvAssignments } from '../extract/dotenv';
import { propertiesAssignments } from '../extract/properties';
import type { VariableDefinition } from './interpolate';

/** The variables a `.env` document defines, by name. */
export function dotenvDefinitions(text: string, documentUri: string): Map<string, VariableDefinition> {
  const out = new Map<string, VariableDefinition>();
  for (const a of dotenvAssignments(text)) {
    out.set(a.name, {
      name: a.name,
      value: a.value.text,
      documentUri,
      start: a.value.start,
      ...(a.value.offsets ? { offsets: a.value.offsets } : {}),
      syntax: a.quote === 'single' || a.quote === 'backtick' ? 'none' : 'dotenv',
    });
  }
  return out;
}

/** The properties a `.properties` document defines, by key. */
export function propertiesDefinitions(text: string, documentUri: string): Map<string, VariableDefinition> {
  const out = new Map<string, VariableDefinition>();
  for (const a of propertiesAssignments(text)) {
    out.set(a.key.text, {
      name: a.key.text,
      value: a.value.text,
      documentUri,
      start: a.value.start,
      ...(a.value.offsets ? { offsets: a.value.offsets } : {}),
      syntax: 'spring',
    });
  }
  return out;
}
