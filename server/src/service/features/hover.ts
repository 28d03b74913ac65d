import type { Analysis, HoverResult, TextDocumentLike } from '../api';
import { toDocumentEnd, toDocumentOffset } from '../extract/offsets';
import { EXTERNAL_AUTH_SOURCE, findMechanism } from '../data/authMechanisms';
import { DEFAULT_PORT } from '../data/connectionString';
import { TXT_RECORD_OPTIONS } from '../data/uriOptions';
import { ATLAS_DOCS, ATLAS_RESERVED_CONNECTIONS_PER_NODE, ATLAS_TIERS, isAtlasHost } from '../data/atlas';
import { DOCS } from '../data/docLinks';
import { URI_DATABASE_FORBIDDEN } from '../data/limits';
import { databaseRules } from '../naming/hovers';
import { buildModel, redact } from '../uri/model';
import { secretSpans } from '../uri/secrets';
import { findPlaceholders, placeholderStyle } from '../uri/placeholders';
import { describeProfile } from '../rules/profile';
import { Span } from '../api';
import { Located, locate } from './locate';
import { mechanismDoc, optionDoc, valueDoc } from './optionDocs';

function summary(l: Located): string {
  const m = buildModel(l.parse.parsed, l.parse.options);
  const rows: string[] = [];
  rows.push(`| Hosts | ${m.srv ? `SRV lookup of \`${m.hosts[0]?.host ?? '?'}\`` : m.hosts.map((h) => `\`${h.host}${h.port ? ':' + h.port : ''}\``).join(', ') || '—'} |`);
  rows.push(`| Database | ${m.database ? `\`${m.database}\`` : '— (drivers default to `test` or ask in code)'} |`);
  if (m.credential) {
    rows.push(`| Auth | ${m.credential.mechanism ?? 'negotiated SCRAM'}${m.credential.username ? `, user \`${m.credential.username}\`` : ''}, source \`${m.credential.source}\` |`);
  } else rows.push('| Auth | none |');
  rows.push(`| TLS | ${m.tls ? 'on' : 'off'}${m.options.tls === undefined && m.options.ssl === undefined ? (m.srv ? ' (default for mongodb+srv)' : ' (default)') : ''} |`);
  if (typeof m.options.replicaSet === 'string') rows.push(`| Replica set | \`${m.options.replicaSet}\` |`);
  if (typeof m.options.readPreference === 'string') rows.push(`| Read preference | ${m.options.readPreference} |`);
  const placeholders = findPlaceholders(l.value.text, 0, l.value.text.length, placeholderStyle(l.value.syntax, l.value.text));
  if (placeholders.length > 0) {
    const names = [...new Set(placeholders.map((p) => l.value.text.slice(p.start, p.end)))].slice(0, 8);
    rows.push(`| Placeholders | ${names.map((n) => `\`${n.replace(/`/g, "'")}\``).join(', ')}: filled in later, not checked |`);
  }
  if (l.profile) rows.push(`| Checked with | ${describeProfile(l.profile)} |`);
  return ['**Connection string**', '', '| | |', '|---|---|', ...rows, '', '```text', redact(l.parse.parsed), '```'].join('\n');
}

function schemeHover(l: Located): string {
  const srv = l.parse.parsed.scheme.kind === 'mongodb+srv';
  const head = srv
    ? `**mongodb+srv://** — DNS seed list. The driver looks up the SRV records of \`_mongodb._tcp.<host>\` to find the servers, and a TXT record that may add ${TXT_RECORD_OPTIONS.map((o) => `\`${o}\``).join(', ').replace(/, ([^,]*)$/, ' and $1')}. TLS is on unless \`tls=false\`; give exactly one host name and no port.`
    : l.parse.parsed.scheme.kind === 'mongodb'
      ? `**mongodb://** — standard format: the servers are listed in the string (\`host[:port]\`, comma-separated, default port ${DEFAULT_PORT}). TLS is off unless \`tls=true\`.`
      : '**Scheme** — must be `mongodb://` or `mongodb+srv://`.';
  return `${head}\n\n[Connection string formats](${DOCS.connectionStringFormats})\n\n---\n\n${summary(l)}`;
}

function hostHover(l: Located, part: Extract<Located['part'], { kind: 'host' | 'port' }>): string {
  const h = part.host;
  const lines: string[] = [];
  if (h.port && secretSpans(l.parse.parsed).some((s) => s.start === h.port!.span.start)) {
    // user:password without "@" and host: the "port" is probably the password.
    return '**Port** `****` is not a number. When a string has a user name and a password but no `@` and host, the password is read as the port: write `user:password@host`.';
  }
  if (h.type === 'unix') lines.push(`**UNIX domain socket** \`${h.host.value}\``, '', 'The path is percent-encoded in the string (`/` as `%2F`) and must end in `.sock`.');
  else {
    const kind = h.type === 'ip_literal' ? 'IPv6 address' : h.type === 'ipv4' ? 'IPv4 address' : 'Host';
    const port = h.port?.value ?? DEFAULT_PORT;
    lines.push(`**${kind}** \`${h.host.value}\` · port ${port}${h.port ? '' : ' (default)'}`);
    if (l.parse.parsed.scheme.kind === 'mongodb+srv') lines.push('', 'With mongodb+srv this is the DNS name whose SRV records list the servers; the ports come from those records.');
  }
  if (isAtlasHost(h.host.value)) {
    const cluster = h.host.value.split('.')[0];
    lines.push('', `**MongoDB Atlas** cluster \`${cluster}\`. Connection limits per node (general class):`, '', '| Tier | Connections per node |', '|---|---|');
    for (const t of ATLAS_TIERS) lines.push(`| ${t.tier} | ${t.connectionsPerNode.toLocaleString('en-US')}${t.lowCpuConnectionsPerNode && t.lowCpuConnectionsPerNode !== t.connectionsPerNode ? ` (low-CPU: ${t.lowCpuConnectionsPerNode.toLocaleString('en-US')})` : ''} |`);
    lines.push('', `Atlas keeps ${ATLAS_RESERVED_CONNECTIONS_PER_NODE} connections per node for itself. Each client opens up to maxPoolSize connections per node. [Atlas limits](${ATLAS_DOCS.limits})`);
  }
  return lines.join('\n');
}

function databaseHover(l: Located): string {
  const db = l.parse.parsed.database!;
  const m = buildModel(l.parse.parsed, l.parse.options);
  const usedForAuth = m.credential && typeof m.options.authSource !== 'string' && m.credential.source === db.value;
  return [
    `**Database** \`${db.value}\``,
    '',
    'The default database for operations that do not name one.' + (usedForAuth ? ' Because no authSource is given, the credentials are also checked against this database.' : m.credential ? ` Credentials are checked against \`${m.credential.source}\`.` : ''),
    '',
    `In a connection string the database may not contain ${URI_DATABASE_FORBIDDEN.map((c) => (c === ' ' ? 'space' : `\`${c}\``)).join(' ')}. The specification accepts a \`.\`, so a \`.\` is only reported as information, but the server refuses database names with a \`.\`: operations on such a database fail.`,
    '',
    ...databaseRules('any'),
    '',
    `[Naming restrictions](${DOCS.namingRestrictions})`,
  ].join('\n');
}

function optionValueHover(part: Extract<Located['part'], { kind: 'optionValue' }>): string | null {
  const r = part.option;
  const o = r.option;
  if (!o || !r.part.value) return null;
  const v = r.part.value.value;
  if (o.name === 'authMechanism') {
    const m = findMechanism(v);
    return m ? mechanismDoc(m) : null;
  }
  if (o.name === 'compressors') {
    const names = v.split(',');
    const docs = names.map((n) => `- \`${n}\`: ${valueDoc(o, n) ?? 'unknown compressor (ignored)'}`);
    return [`**compressors** — tried in this order:`, '', ...docs].join('\n');
  }
  const doc = valueDoc(o, v);
  if (doc) return `**${o.name}=${v}**\n\n${doc}`;
  if (o.name === 'authSource' && v === EXTERNAL_AUTH_SOURCE) return '**authSource=$external** — credentials are checked by an external system (X.509, LDAP, Kerberos, AWS IAM, OIDC) rather than stored in a database.';
  if (o.type === 'boolean' && (v === 'true' || v === 'false')) return `**${o.name}=${v}**\n\n${o.description}`;
  return optionDoc(o);
}

export function hoverAt(_doc: TextDocumentLike, analysis: Analysis, offset: number): HoverResult | null {
  const l = locate(analysis, offset);
  if (!l) return null;
  const toDoc = (s: Span) => ({ start: toDocumentOffset(l.value, s.start), end: toDocumentEnd(l.value, s.end) });
  const part = l.part;
  let contents: string | null = null;
  switch (part.kind) {
    case 'scheme':
      contents = schemeHover(l);
      break;
    case 'username':
      contents = `**Username** \`${l.parse.parsed.userinfo?.username.value}\`\n\nCharacters other than letters, digits and \`-._~!$&'()*+,;=\` must be percent-encoded (\`@\` → \`%40\`, \`:\` → \`%3A\`, \`/\` → \`%2F\`).`;
      break;
    case 'password':
      contents = `**Password** \`****\`\n\nPercent-encode reserved characters (\`@\` → \`%40\`, \`:\` → \`%3A\`, \`/\` → \`%2F\`, \`%\` → \`%25\`). Prefer keeping passwords out of source files: use an environment variable or a secret store.`;
      break;
    case 'host':
    case 'port':
      contents = hostHover(l, part);
      break;
    case 'database':
      contents = databaseHover(l);
      break;
    case 'optionKey':
      contents = part.option.option ? optionDoc(part.option.option) : `**${part.option.part.key.value}** — not a known option.`;
      break;
    case 'optionValue':
      contents = optionValueHover(part);
      break;
    default:
      contents = summary(l);
  }
  if (!contents) return null;
  return { contents, span: toDoc(part.kind === 'other' ? { start: 0, end: l.value.text.length } : part.span) };
}
