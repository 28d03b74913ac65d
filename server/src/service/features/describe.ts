/** "Show parsed connection string" / "Copy redacted": every part of the string under the cursor, password masked. */
import type { Analysis, ConnectionDescription, DocumentProblem, EmbeddedValue, Severity } from '../api';
import { buildModel, ConnectionModel, redact } from '../uri/model';
import { maskSpans, secretSpans } from '../uri/secrets';
import type { DecodedPart } from '../uri/types';
import type { Span } from '../api';
import { uriParseOf, type UriParse } from '../rules/validation';
import { findPlaceholders, overlapsPlaceholder, placeholderStyle } from '../uri/placeholders';
import { findValueAt } from './locate';

export type { ConnectionDescription } from '../api';

/** An option value with its secret parts masked: the raw text is masked, then decoded. */
export function maskedValue(value: DecodedPart | undefined, secrets: readonly Span[]): string {
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

/** The connection string under the offset: its index in the analysis, the value and its parse. */
export interface StringAt {
  k: number;
  value: EmbeddedValue;
  uri: UriParse;
}

export function stringAt(analysis: Analysis, offset: number): StringAt | undefined {
  const k = findValueAt(analysis.values, offset);
  const value = k >= 0 ? analysis.values[k] : undefined;
  const uri = value ? uriParseOf(value, analysis.records[k]) : undefined;
  return value && uri ? { k, value, uri } : undefined;
}

/** The problems of value `k` as the user sees them: `reported` gives the severity, undefined when the rule is off. */
export function problemsOf(
  analysis: Analysis,
  k: number,
  reported: (p: DocumentProblem) => Severity | undefined,
  also: (p: DocumentProblem) => boolean = () => false,
): ConnectionDescription['problems'] {
  return analysis.problems.flatMap((p) => {
    const severity = p.valueIndex === k || also(p) ? reported(p) : undefined;
    return severity ? [{ ruleId: p.ruleId, severity, message: p.message }] : [];
  });
}

/** The template placeholders of a connection string (`${HOST}`), as the value's syntax writes them. */
export function placeholdersOf(uri: UriParse, value: EmbeddedValue): Span[] {
  const text = uri.parsed.text;
  return findPlaceholders(text, 0, text.length, placeholderStyle(value.syntax, text));
}

/**
 * The hosts as a driver reads them, host names lower-cased; a host that is or holds a placeholder is
 * shown as written (it is opaque: `${HOST}` is not `${host}`), from the reading where a placeholder
 * stays one part (`${HOST:-localhost:27017}`).
 */
function hostsOf(uri: UriParse, model: ConnectionModel, placeholders: readonly Span[]): ConnectionDescription['hosts'] {
  if (placeholders.length === 0) return model.hosts.map((h) => ({ host: h.host, port: h.port, type: h.type }));
  return (uri.checked ?? uri.parsed).hosts.map((h) => {
    const opaque = overlapsPlaceholder(h.host.span, placeholders);
    const host = opaque ? uri.parsed.text.slice(h.host.span.start, h.host.span.end) : h.type === 'hostname' ? h.host.value.toLowerCase() : h.host.value;
    const port = h.port && overlapsPlaceholder(h.port.span, placeholders) ? null : (h.port?.value ?? null);
    return { host, port, type: h.type };
  });
}

/** The description of a parse (the string as written, or as composed), with the problems to show. */
export function describeParse(uri: UriParse, model: ConnectionModel, placeholders: readonly Span[], problems: ConnectionDescription['problems']): ConnectionDescription {
  const secrets = secretSpans(uri.parsed);
  return {
    redacted: redact(uri.parsed),
    scheme: uri.parsed.scheme.raw || '(none)',
    hosts: hostsOf(uri, model, placeholders),
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
    problems,
  };
}

/** `reported` gives a problem's severity under the user's settings, undefined when its rule is off. */
export function describeAt(analysis: Analysis, offset: number, reported: (p: DocumentProblem) => Severity | undefined = (p) => p.severity): ConnectionDescription | null {
  const at = stringAt(analysis, offset);
  if (!at) return null;
  return describeParse(at.uri, buildModel(at.uri.parsed, at.uri.options), placeholdersOf(at.uri, at.value), problemsOf(analysis, at.k, reported));
}
