/** "Show parsed connection string" / "Copy redacted": every part of the string under the cursor, password masked. */
import type { Analysis, DocumentProblem, Severity } from '../api';
import { buildModel, redact } from '../uri/model';
import { maskSpans, secretSpans } from '../uri/secrets';
import type { DecodedPart } from '../uri/types';
import type { Span } from '../api';
import { uriParseOf } from '../rules/validation';
import { findValueAt } from './locate';

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

/** An option value with its secret parts masked: the raw text is masked, then decoded. */
function maskedValue(value: DecodedPart | undefined, secrets: readonly Span[]): string {
  if (!value) return '';
  const inside = secrets.filter((s) => s.start >= value.span.start && s.end <= value.span.end);
  if (inside.length === 0) return value.value;
  const masked = maskSpans(value.raw, inside.map((s) => ({ start: s.start - value.span.start, end: s.end - value.span.start })));
  try {
    return decodeURIComponent(masked);
  } catch {
    return masked;
  }
}

/** `reported` gives a problem's severity under the user's settings, undefined when its rule is off. */
export function describeAt(analysis: Analysis, offset: number, reported: (p: DocumentProblem) => Severity | undefined = (p) => p.severity): ConnectionDescription | null {
  const k = findValueAt(analysis.values, offset);
  const value = k >= 0 ? analysis.values[k] : undefined;
  const uri = value ? uriParseOf(value, analysis.records[k]) : undefined;
  if (!uri) return null;
  const model = buildModel(uri.parsed, uri.options);
  const secrets = secretSpans(uri.parsed);
  return {
    redacted: redact(uri.parsed),
    scheme: uri.parsed.scheme.raw || '(none)',
    hosts: model.hosts.map((h) => ({ host: h.host, port: h.port, type: h.type })),
    database: model.database,
    username: model.credential?.username ?? null,
    password: model.credential?.password ? '****' : null,
    authMechanism: model.credential?.mechanism ?? null,
    authSource: model.credential?.source ?? null,
    tls: model.tls,
    // Option values are shown as written, their secrets masked (proxyPassword, AWS_SESSION_TOKEN, ...).
    options: uri.options.all.map((r) => ({
      name: r.option?.name ?? r.part.key.value,
      value: maskedValue(r.part.value, secrets),
    })),
    problems: analysis.problems.flatMap((p) => {
      const severity = p.valueIndex === k ? reported(p) : undefined;
      return severity ? [{ ruleId: p.ruleId, severity, message: p.message }] : [];
    }),
  };
}
