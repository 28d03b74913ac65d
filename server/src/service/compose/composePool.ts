/**
 * maxPoolSize against the Atlas tier's connections per node (rules/atlasConnections.ts), with the
 * number of application instances a deployment file says: a compose service with `deploy.replicas: N`
 * or a Kubernetes Deployment with `replicas: N` runs N copies, each with its own pool. Reported only
 * when the string's own check, made with the `mongodbUri.atlas.clientInstances` setting, does not
 * report it already.
 */
import type { DocumentAnalysis, EmbeddedValue, Problem, RelatedPlace, Settings, SourceCode, Span, ValueRecord } from '../api';
import { message } from '../data/l10n';
import { toDocumentOffset } from '../extract/offsets';
import { checkAtlasConnections } from '../rules/atlasConnections';
import { uriParseOf } from '../rules/validation';
import type { ComposeService } from './composeFile';
import { documentsOf, get, textOf, type YamlNode } from './kubernetesYaml';

const EMPTY: DocumentAnalysis = { problems: [], hoverAt: () => null };

/** The problem of a connection string run by `instances` copies of an application, if its own check does not have it. */
function poolProblems(value: EmbeddedValue, record: ValueRecord | undefined, settings: Settings, instances: number, related: RelatedPlace): Problem[] {
  if (instances <= settings.atlas.clientInstances || !settings.atlas.tier) return [];
  const parse = uriParseOf(value, record);
  if (!parse || parse.checked) return [];
  const check = { parsed: parse.parsed, options: parse.options, problems: [] };
  if (checkAtlasConnections(check, settings.atlas).length > 0) return [];
  return checkAtlasConnections(check, { ...settings.atlas, clientInstances: instances }).map((p) => ({
    ...p,
    span: { start: toDocumentOffset(value, p.span.start), end: toDocumentOffset(value, p.span.end) },
    related: [related],
  }));
}

/** A count written as digits (a replica count), else 0. */
function count(text: string | undefined): number {
  return text !== undefined && /^\d{1,6}$/.test(text) ? Number(text) : 0;
}

/** For a connection string of a compose service: its `deploy.replicas`. */
export function replicasPoolProblems(code: SourceCode, value: EmbeddedValue, record: ValueRecord | undefined, owner: ComposeService, settings: Settings): Problem[] {
  const replicas = count(owner.replicas?.value);
  if (!owner.replicas || replicas === 0) return [];
  return poolProblems(value, record, settings, replicas, { documentUri: code.uri, span: owner.replicas.span, message: message('pool.serviceReplicas', { service: owner.name, replicas }) });
}

const WORKLOADS: ReadonlySet<string> = new Set(['Deployment', 'StatefulSet', 'ReplicaSet']);

/** The spans of the scalars under a node (where a connection string of its containers can be). */
function scalarSpans(node: YamlNode | undefined, out: Span[], depth = 0): void {
  if (!node || depth > 64) return;
  if (node.type === 'scalar') out.push({ start: node.start, end: node.end });
  else if (node.type === 'map') for (const e of node.entries) scalarSpans(e.value, out, depth + 1);
  else if (node.type === 'seq') for (const item of node.items) scalarSpans(item, out, depth + 1);
}

/** Kubernetes workloads (Deployment, StatefulSet, ReplicaSet): the connection strings of their pod template, times `spec.replicas`. */
export function analyzeWorkloadPools(code: SourceCode, values: readonly EmbeddedValue[], settings: Settings, records: readonly ValueRecord[]): DocumentAnalysis {
  if (code.languageId !== 'yaml' || !settings.atlas.tier || code.text.indexOf('replicas') < 0 || !values.some((v) => v.kind === 'uri')) return EMPTY;
  const problems: Problem[] = [];
  for (const doc of documentsOf(code)) {
    for (const top of doc) {
      const kind = textOf(get(top, 'kind'));
      if (kind === undefined || !WORKLOADS.has(kind)) continue;
      const replicasNode = get(get(top, 'spec'), 'replicas');
      const replicas = count(textOf(replicasNode));
      if (replicas === 0 || replicasNode?.type !== 'scalar') continue;
      const spans: Span[] = [];
      scalarSpans(get(get(top, 'spec'), 'template'), spans);
      const name = textOf(get(get(top, 'metadata'), 'name')) ?? '(unnamed)';
      const related: RelatedPlace = { documentUri: code.uri, span: { start: replicasNode.start, end: replicasNode.end }, message: message('pool.workloadReplicas', { kind, name, replicas }) };
      for (let k = 0; k < values.length; k++) {
        const v = values[k]!;
        if (v.kind !== 'uri' || v.comment || !spans.some((s) => s.start <= v.start && v.start < s.end)) continue;
        problems.push(...poolProblems(v, records[k], settings, replicas, related));
      }
    }
  }
  return problems.length > 0 ? { problems, hoverAt: () => null } : EMPTY;
}
