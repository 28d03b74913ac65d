import { occurrencesOf, OPT } from '../uri/options';
import { EXTERNAL_AUTH_SOURCE } from '../data/authMechanisms';
import { checkDatabaseName, NameIssue } from './names';
import { Severity } from '../api';
import { rawSpan } from '../uri/percent';
import { DecodedPart } from '../uri/types';
import { RuleContext } from './context';
import { message } from '../data/l10n';

/** The Node.js driver checks no database name when it parses a connection string: nothing it rejects there. */
function nodeSeverity(issue: NameIssue, ruleDefault: Severity): Severity {
  const severity = issue.severity ?? ruleDefault;
  return severity === 'error' ? 'warning' : severity;
}

/** The first letter of a message lower-cased (a marker before it stays). */
function lowerFirst(text: string): string {
  const i = text.search(/\p{L}/u);
  return i < 0 ? text : text.slice(0, i) + text.charAt(i).toLowerCase() + text.slice(i + 1);
}

/** Reports the naming issues of a database name written in the connection string (the path, authSource). */
function reportName(ctx: RuleContext, part: DecodedPart, issues: NameIssue[], where: string): void {
  for (const issue of issues) {
    const span = rawSpan(part.decoded, part.span.start, issue.start, issue.end);
    let text = issue.message;
    if (issue.char === '/' && issue.ruleId === 'database-invalid-char' && where === 'path' && !part.decoded.map) text = message('name.databaseSlash');
    // The issue continues the sentence: its first letter lower-cased.
    if (where === 'authSource') text = message('name.authSource', { issue: lowerFirst(text) });
    const opts: { severity?: Severity; node: Severity } = { node: nodeSeverity(issue, issue.ruleId === 'database-name-windows-char' ? 'warning' : 'error') };
    if (issue.severity) opts.severity = issue.severity;
    ctx.report(issue.ruleId, span, text, opts);
  }
}

/**
 * The database in the path: decodable, and a name the server accepts (service/naming/names.ts).
 * authSource names a database too, unless it is `$external`.
 */
export function checkDatabase(ctx: RuleContext): void {
  const platform = ctx.serverPlatform ?? 'any';
  const db = ctx.uri.database;
  if (db) {
    // The Node.js driver decodes the path itself and checks nothing else about the name.
    const nodeEscape = ctx.node?.path?.rejection ? 'error' : 'warning';
    for (const bad of db.decoded.badEscapes) {
      ctx.report('database-invalid-escape', bad, message('database.badEscape'), { node: nodeEscape });
    }
    reportName(ctx, db, checkDatabaseName(db.value, { platform, inUri: true }), 'path');
  }
  for (const o of occurrencesOf(ctx.options, OPT.authSource)) {
    const value = o.part.value;
    // An empty authSource has its own rule (auth-source-empty).
    if (!value || value.value === '' || value.value === EXTERNAL_AUTH_SOURCE) continue;
    reportName(ctx, value, checkDatabaseName(value.value, { platform }), 'authSource');
  }
}
