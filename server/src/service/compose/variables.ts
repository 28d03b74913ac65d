/**
 * Variable definitions as each source writes them, for interpolation (compose/interpolate.ts): the
 * assignments of a `.env` file, read as dotenv reads them (a later assignment of a key wins; a value in
 * single quotes or backticks is taken as written, the others are expanded by dotenv-expand).
 */
import { dotenvAssignments } from '../extract/dotenv';
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
