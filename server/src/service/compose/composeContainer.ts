/**
 * The environment of a compose service's container, where a value's escaped `$${VAR}` is finally
 * expanded (by the container's shell or program): its `environment:` entries, over the files of its
 * `env_file:` (a later file over an earlier one). Read from the compose file's model once, when a value
 * first asks.
 */
import type { EmbeddedValue, SourceCode } from '../api';
import { composeFileOf, type ComposeFile, type ComposeService } from './composeFile';
import { siblingUri } from './files';
import type { Lookup, VariableDefinition } from './interpolate';
import { DefinitionFinder, dotenvFinder } from './variables';

export interface ContainerEnvironment {
  lookup: Lookup;
  /** The env files it read, by URI (for the lines of their definitions). */
  texts: Map<string, string>;
}

export function containerEnvironments(code: SourceCode): (value: EmbeddedValue) => ContainerEnvironment | undefined {
  let file: ComposeFile | undefined;
  const byService = new Map<ComposeService, ContainerEnvironment>();
  return (value) => {
    file ??= composeFileOf(code);
    const owner = file.services.find((s) => s.regions.some((r) => r.start <= value.start && value.start < r.end));
    if (!owner) return undefined;
    let env = byService.get(owner);
    if (!env) byService.set(owner, (env = environmentOf(code, owner)));
    return env;
  };
}

function environmentOf(code: SourceCode, service: ComposeService): ContainerEnvironment {
  const entries = new Map<string, VariableDefinition>();
  for (const e of service.environment) {
    const v = e.value;
    // Only a value written as it reads (no escapes, no quotes inside): its offsets are the document's.
    if (!v || v.span.end - v.span.start !== v.value.length || code.text.slice(v.span.start, v.span.end) !== v.value) continue;
    entries.set(e.name.value, { name: e.name.value, value: v.value, documentUri: code.uri, start: v.span.start, syntax: 'none' });
  }
  const texts = new Map<string, string>();
  const files: Array<{ uri: string; text: string; find: DefinitionFinder }> = [];
  for (const f of service.envFiles) {
    const uri = siblingUri(code.uri, f.path.value);
    const text = uri === undefined ? undefined : code.files?.read(uri);
    if (uri === undefined || text === undefined) continue;
    texts.set(uri, text);
    files.push({ uri, text, find: dotenvFinder(text, uri) });
  }
  const known = new Map<string, VariableDefinition | undefined>();
  const lookup: Lookup = (name) => {
    if (entries.has(name)) return entries.get(name);
    if (!known.has(name)) {
      let found: VariableDefinition | undefined;
      for (let i = files.length - 1; i >= 0 && !found; i--) {
        const d = files[i]!.find(name);
        // An env file's values are taken as written by the container (compose does not expand them for it).
        if (d) found = { ...d, syntax: 'none' };
      }
      known.set(name, found);
    }
    return known.get(name);
  };
  return { lookup, texts };
}
