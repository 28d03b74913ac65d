/** Output formats of mongodb-uri-lint: text lines, JSON, SARIF 2.1.0. Messages only: never source lines. */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES, ruleInfo, type RuleInfo } from '../service/rules/ruleTable';
import { ruleDescription } from '../service/rules/ruleDescriptions';
import type { Severity, SeveritySetting } from '../service/api';
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
  /** Other places that explain the problem (where a variable in it is defined): in the same file, or in `file`. */
  related?: Array<{ file?: string; line: number; column: number; message: string }>;
}

export function formatText(messages: readonly LintMessage[]): string {
  return messages
    .map((m) => `${m.file}:${m.line}:${m.column} ${m.severity} ${m.ruleId} ${m.message}\n${(m.related ?? []).map((r) => `  ${r.file ?? m.file}:${r.line}:${r.column} ${r.message}\n`).join('')}`)
    .join('');
}

export function formatJson(messages: readonly LintMessage[]): string {
  const rows = messages.map(({ file, line, column, endLine, endColumn, severity, ruleId, message, driver, related }) => ({
    file,
    line,
    column,
    endLine,
    endColumn,
    severity,
    ruleId,
    message,
    driver,
    ...(related ? { related } : {}),
  }));
  return `${JSON.stringify(rows, null, 2)}\n`;
}

type SarifLevel = 'error' | 'warning' | 'note';

const SARIF_LEVEL: Record<Severity, SarifLevel> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
  hint: 'note',
};

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

export interface SarifOptions {
  /** The severities set with --rule: those that differ from a rule's default are recorded as overrides. */
  ruleSettings?: Readonly<Record<string, SeveritySetting>>;
  /** False when some paths could not be read. */
  executionSuccessful?: boolean;
}

/** `port-invalid` → `PortInvalid`. */
export function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

/**
 * Plain text made safe inside a Markdown paragraph: the characters that could start emphasis, code,
 * links, HTML tags or entities, tables, strike-through or GitHub's $math$ are escaped.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~&$]/g, '\\$&');
}

const SEVERITY_CHOICES = 'off, hint, info, warning or error';

/** The reportingDescriptor of a rule: what code scanning shows as the rule's name, summary and help. */
function ruleDescriptor(rule: RuleInfo): Record<string, unknown> {
  const level = SARIF_LEVEL[rule.severity];
  const description = ruleDescription(rule.id);
  const setting = `"mongodbUri.rules": { "${rule.id}": "<severity>" }`;
  const text = [
    description,
    '',
    `Default severity: ${rule.severity} (SARIF level ${level}).`,
    `Change it with the mongodbUri.rules setting (${setting}) or with --rule ${rule.id}=<severity> on the command line; the severity is ${SEVERITY_CHOICES}.`,
    '',
    `Documentation: ${rule.docs}`,
  ].join('\n');
  const markdown = [
    escapeMarkdown(description),
    '',
    `**Default severity:** ${rule.severity} (SARIF level \`${level}\`).`,
    '',
    `Change it with the \`mongodbUri.rules\` setting (\`${setting}\`) or with \`--rule ${rule.id}=<severity>\` on the command line; the severity is ${SEVERITY_CHOICES}.`,
    '',
    `[Documentation](${rule.docs})`,
  ].join('\n');
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: description },
    help: { text, markdown },
    helpUri: rule.docs,
    defaultConfiguration: { level },
    properties: rule.security !== undefined ? { tags: [rule.group, 'security'], 'security-severity': rule.security.toFixed(1) } : { tags: [rule.group] },
  };
}

/** A rule the table does not know (never expected): its id and documentation only. */
function unknownRuleDescriptor(id: string, docs: string): Record<string, unknown> {
  return {
    id,
    name: pascalCase(id),
    shortDescription: { text: id },
    fullDescription: { text: id },
    help: { text: `Documentation: ${docs}`, markdown: `[Documentation](${docs})` },
    helpUri: docs,
  };
}

export function formatSarif(messages: readonly LintMessage[], options: SarifOptions = {}): string {
  const settings = options.ruleSettings ?? {};
  // --rule settings that change a default severity; unknown ids never get here (a usage error).
  const overridden = Object.keys(settings).filter((id) => {
    const rule = ruleInfo(id);
    return rule !== undefined && settings[id] !== rule.severity;
  });
  // The rules that have results or an override, in the order of the rule table.
  const wanted = new Set([...messages.map((m) => m.ruleId), ...overridden]);
  const known = RULES.filter((r) => wanted.has(r.id));
  const rules = known.map(ruleDescriptor);
  const ruleIndex = new Map<string, number>(known.map((r, i) => [r.id, i]));
  for (const m of messages) {
    if (!ruleIndex.has(m.ruleId)) {
      ruleIndex.set(m.ruleId, rules.length);
      rules.push(unknownRuleDescriptor(m.ruleId, m.docs));
    }
  }
  const ruleConfigurationOverrides = overridden.map((id) => {
    const setting = settings[id]!;
    return {
      descriptor: { id, index: ruleIndex.get(id) },
      configuration: setting === 'off' ? { enabled: false, properties: { severity: setting } } : { level: SARIF_LEVEL[setting], properties: { severity: setting } },
    };
  });
  const invocation: Record<string, unknown> = { executionSuccessful: options.executionSuccessful ?? true };
  if (ruleConfigurationOverrides.length > 0) invocation.ruleConfigurationOverrides = ruleConfigurationOverrides;
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'mongodb-uri-lint', version, informationUri: repositoryUrl, rules } },
        invocations: [invocation],
        // Columns count UTF-16 code units, as editors and JavaScript do.
        columnKind: 'utf16CodeUnits',
        results: messages.map((m) => ({
          ruleId: m.ruleId,
          ruleIndex: ruleIndex.get(m.ruleId),
          level: SARIF_LEVEL[m.severity],
          // Code scanning shows the related locations that the message links to (`[text](id)`).
          message: { text: m.related && m.related.length > 0 ? `${m.message} ${m.related.map((r, id) => `[${escapeLinkText(r.message)}](${id})`).join(' ')}` : m.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: toArtifactUri(m.file) },
                region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn },
              },
            },
          ],
          ...(m.related && m.related.length > 0
            ? {
                relatedLocations: m.related.map((r, id) => ({
                  id,
                  physicalLocation: { artifactLocation: { uri: toArtifactUri(r.file ?? m.file) }, region: { startLine: r.line, startColumn: r.column } },
                  message: { text: r.message },
                })),
              }
            : {}),
        })),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** Text inside the brackets of a SARIF message link: brackets and backslashes escaped. */
function escapeLinkText(text: string): string {
  return text.replace(/[\\[\]]/g, '\\$&');
}

/** A relative URI reference for a relative path; a file: URI for an absolute one. */
export function toArtifactUri(file: string): string {
  if (path.isAbsolute(file)) return pathToFileURL(file).href;
  return file.split(/[\\/]/).map(encodeURIComponent).join('/');
}
