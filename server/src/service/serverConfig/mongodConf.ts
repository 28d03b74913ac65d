/**
 * The configuration file of mongod and mongos (`mongod.conf`, `mongos.conf`, `mongod.yaml`, …): a YAML
 * file, recognised by its name. The values of `setParameter:` entries and `replication.oplogSizeMB` are
 * checked against the parameter table (data/serverParameters.ts), with hovers on their keys. The YAML is
 * read by the small reader of compose/kubernetesYaml.ts.
 */
import type { DocumentAnalysis, Problem, SourceCode, Span } from '../api';
import { SERVER_PARAMETERS, SET_PARAMETERS, type ServerParameter } from '../data/serverParameters';
import { documentsOf, type YamlEntry, type YamlNode } from '../compose/kubernetesYaml';
import { problemOf } from '../rules/ruleTable';
import { type ParameterValue, checkParameter, parameterHover } from './parameterChecks';

const CONFIG_FILE = /^mongo[ds]\.(?:conf|ya?ml)$/i;

/** Whether a document is a mongod or mongos configuration file, by the last segment of its URI. */
export function isServerConfigFile(uri: string): boolean {
  return CONFIG_FILE.test(uri.slice(uri.lastIndexOf('/') + 1));
}

const EMPTY: DocumentAnalysis = { problems: [], hoverAt: () => null };

interface Hover {
  span: Span;
  contents: string;
}

export function analyzeMongodConf(code: SourceCode): DocumentAnalysis {
  if (code.languageId !== 'yaml' || !isServerConfigFile(code.uri)) return EMPTY;
  const { text } = code;
  if (text.indexOf('setParameter') < 0 && text.indexOf('oplogSizeMB') < 0) return EMPTY;
  const problems: Problem[] = [];
  const hovers: Hover[] = [];

  const keySpan = (e: YamlEntry): Span => {
    const quote = text.charCodeAt(e.keyStart) === 0x22 || text.charCodeAt(e.keyStart) === 0x27 ? 1 : 0;
    return { start: e.keyStart + quote, end: e.keyStart + quote + e.key.length };
  };
  const check = (p: ServerParameter, e: YamlEntry) => {
    const span = keySpan(e);
    hovers.push({ span, contents: parameterHover(p) });
    const v = e.value;
    if (v.type === 'other') return;
    const value: ParameterValue = v.type === 'scalar' ? { kind: 'text', text: v.d.text.trim() } : { kind: 'container' };
    const finding = checkParameter(p, value);
    if (finding) problems.push(problemOf(finding.ruleId, v.type === 'scalar' && v.end > v.start ? { start: v.start, end: v.end } : span, finding.message));
  };
  const setParameters = (node: YamlNode) => {
    if (node.type !== 'map') return;
    for (const e of node.entries) {
      const p = SET_PARAMETERS.get(e.key);
      if (p) check(p, e);
    }
  };

  for (const doc of documentsOf(code)) {
    for (const top of doc) {
      if (top.type !== 'map') continue;
      for (const e of top.entries) {
        if (e.key === 'setParameter') setParameters(e.value);
        else if (e.key === 'replication' && e.value.type === 'map') {
          for (const r of e.value.entries) if (r.key === 'oplogSizeMB') check(SERVER_PARAMETERS.oplogSizeMB, r);
        } else if (e.key === SERVER_PARAMETERS.oplogSizeMB.name) check(SERVER_PARAMETERS.oplogSizeMB, e);
        else if (e.key.startsWith('setParameter.')) {
          const p = SET_PARAMETERS.get(e.key.slice('setParameter.'.length));
          if (p) check(p, e);
        }
      }
    }
  }
  return {
    problems,
    hoverAt: (offset) => hovers.find((h) => offset >= h.span.start && offset <= h.span.end) ?? null,
  };
}
