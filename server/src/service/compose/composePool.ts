/**
 * maxPoolSize against the Atlas tier's connections per node (rules/atlasConnections.ts), with the
 * number of application instances a compose file says: a service with `deploy.replicas: N` runs N
 * containers, each with its own pool. Reported only when the string's own check, made with the
 * `mongodbUri.atlas.clientInstances` setting, does not report it already.
 */
import type { EmbeddedValue, Problem, Settings, SourceCode, ValueRecord } from '../api';
import { toDocumentOffset } from '../extract/offsets';
import { checkAtlasConnections } from '../rules/atlasConnections';
import { uriParseOf } from '../rules/validation';
import type { ComposeService } from './composeFile';

export function replicasPoolProblems(code: SourceCode, value: EmbeddedValue, record: ValueRecord | undefined, owner: ComposeService, settings: Settings): Problem[] {
  const replicas = owner.replicas && /^\d{1,6}$/.test(owner.replicas.value) ? Number(owner.replicas.value) : 0;
  if (replicas <= settings.atlas.clientInstances || !settings.atlas.tier) return [];
  const parse = uriParseOf(value, record);
  if (!parse || parse.checked) return [];
  const check = { parsed: parse.parsed, options: parse.options, problems: [] };
  if (checkAtlasConnections(check, settings.atlas).length > 0) return [];
  return checkAtlasConnections(check, { ...settings.atlas, clientInstances: replicas }).map((p) => ({
    ...p,
    span: { start: toDocumentOffset(value, p.span.start), end: toDocumentOffset(value, p.span.end) },
    related: [{ documentUri: code.uri, span: owner.replicas!.span, message: `Service ${owner.name} runs ${replicas} replicas, each with its own pool` }],
  }));
}
