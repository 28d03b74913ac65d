/** "Show parsed connection string" / "Copy redacted": every part of the string under the cursor, password masked. */
import type { Analysis } from '../languageService';
import { buildModel, redact } from '../uri/model';
import { checkOf, findValueAt } from './locate';

export interface ConnectionDescription {
  /** The connection string with the password replaced by ****. */
  redacted: string;
  scheme: string;
  hosts: { host: string; port: number | null; type: string }[];
  database: string | null;
  username: string | null;
  /** '****' when a password is present, else null: the password itself is never returned. */
  password: '****' | null;
  authMechanism: string | null;
  authSource: string | null;
  tls: boolean;
  options: { name: string; value: string }[];
  /** Problems of this string, in the string's own offsets. */
  problems: { ruleId: string; severity: string; message: string }[];
}

export function describeAt(analysis: Analysis, offset: number): ConnectionDescription | null {
  const k = findValueAt(analysis.values, offset);
  const value = k >= 0 ? analysis.values[k] : undefined;
  if (!value || value.kind !== 'uri') return null;
  const check = checkOf(value);
  const model = buildModel(check.parsed, check.options);
  return {
    redacted: redact(check.parsed),
    scheme: check.parsed.scheme.raw || '(none)',
    hosts: model.hosts.map((h) => ({ host: h.host, port: h.port, type: h.type })),
    database: model.database,
    username: model.credential?.username ?? null,
    password: model.credential?.password ? '****' : null,
    authMechanism: model.credential?.mechanism ?? null,
    authSource: model.credential?.source ?? null,
    tls: model.tls,
    // Option values are shown as written; a proxyPassword or tlsCertificateKeyFilePassword is masked too.
    options: check.options.all.map((r) => ({
      name: r.option?.name ?? r.part.key.value,
      value: /password/i.test(r.part.key.value) ? '****' : r.part.value?.value ?? '',
    })),
    problems: analysis.problems
      .filter((p) => p.valueIndex === k)
      .map((p) => ({ ruleId: p.ruleId, severity: p.severity, message: p.message })),
  };
}
