/** Output formats of mongodb-uri-lint: text lines, JSON, SARIF 2.1.0. Messages only: never source lines. */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Severity } from '../service/types';
import { repositoryUrl, version } from '../version';

export interface LintMessage {
  /** The path as shown: relative to the working folder when inside it. */
  file: string;
  /** 1-based. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  ruleId: string;
  message: string;
  /** Documentation of the rule. */
  docs: string;
  /** The driver profile the file was checked with. */
  driver: 'spec' | 'node';
}

export function formatText(messages: readonly LintMessage[]): string {
  return messages.map((m) => `${m.file}:${m.line}:${m.column} ${m.severity} ${m.ruleId} ${m.message}\n`).join('');
}

export function formatJson(messages: readonly LintMessage[]): string {
  const rows = messages.map(({ file, line, column, endLine, endColumn, severity, ruleId, message, driver }) => ({
    file,
    line,
    column,
    endLine,
    endColumn,
    severity,
    ruleId,
    message,
    driver,
  }));
  return `${JSON.stringify(rows, null, 2)}\n`;
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
  hint: 'note',
};

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

export function formatSarif(messages: readonly LintMessage[]): string {
  const rules: { id: string; helpUri: string }[] = [];
  const ruleIndex = new Map<string, number>();
  for (const m of messages) {
    if (!ruleIndex.has(m.ruleId)) {
      ruleIndex.set(m.ruleId, rules.length);
      rules.push({ id: m.ruleId, helpUri: m.docs });
    }
  }
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'mongodb-uri-lint', version, informationUri: repositoryUrl, rules } },
        results: messages.map((m) => ({
          ruleId: m.ruleId,
          ruleIndex: ruleIndex.get(m.ruleId),
          level: SARIF_LEVEL[m.severity],
          message: { text: m.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: toArtifactUri(m.file) },
                region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn },
              },
            },
          ],
        })),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** A relative URI reference for a relative path; a file: URI for an absolute one. */
export function toArtifactUri(file: string): string {
  if (path.isAbsolute(file)) return pathToFileURL(file).href;
  return file.split(/[\\/]/).map(encodeURIComponent).join('/');
}
