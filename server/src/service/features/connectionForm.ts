/**
 * The edit form of the explain panel: a connection string taken apart into the fields a person edits
 * (hosts and ports, credentials, database, options), and the fields written back into a connection
 * string and then into the document, escaped for where the string stands.
 *
 * The form works on the string as the document writes it (its file escapes undone): a composed string
 * keeps its placeholders (`${MONGO_PASSWORD}`), which are written back as they are, never
 * percent-encoded. Secrets never leave the core: the password is only said to be there, and an option
 * value that holds a secret is masked; the form sends back "keep" for them and the writer copies the
 * text the document has.
 */
import type {
  Analysis, ConnectionForm, ConnectionFormInput, ConnectionFormOption, EmbeddedValue, FormOptionInfo, Span,
} from '../api';
import { URI_OPTIONS } from '../data/uriOptions';
import { encodeForHost } from '../extract';
import { toDocumentOffset } from '../extract/offsets';
import { findPlaceholders, placeholderStyle } from '../uri/placeholders';
import { maskSpans, secretSpans } from '../uri/secrets';
import { placeholdersOf, stringAt } from './describe';

/** Characters left as they are in a user name, a password and a database name: RFC 3986's unreserved ones. */
const UNRESERVED = /[A-Za-z0-9\-._~]/;
/**
 * In an option value also `:`, `,` and `/`, which separate the entries of authMechanismProperties and
 * readPreferenceTags and make up paths (tlsCAFile); `+` is encoded, because URLSearchParams, which some
 * drivers use, reads it as a space.
 */
const OPTION_VALUE_KEEP = /[A-Za-z0-9\-._~:,/]/;
/** A host: letters, digits, `.`, `-`, `_`, the brackets and colons of an IPv6 literal. A socket path (with `/`) is encoded. */
const HOST_KEEP = /[A-Za-z0-9\-._~[\]:]/;

const UTF8 = new TextEncoder();

function percentEncode(text: string, keep: RegExp): string {
  let out = '';
  for (const ch of text) {
    if (keep.test(ch)) out += ch;
    else for (const byte of UTF8.encode(ch)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Percent-encodes `text` outside its template placeholders, which are written as they are. */
function encodePart(text: string, keep: RegExp, value: EmbeddedValue): string {
  const holders = findPlaceholders(text, 0, text.length, placeholderStyle(value.syntax, text));
  let out = '';
  let at = 0;
  for (const p of holders) {
    out += percentEncode(text.slice(at, p.start), keep) + text.slice(p.start, p.end);
    at = p.end;
  }
  return out + percentEncode(text.slice(at), keep);
}

/** A field of the form: the decoded value, or the text as written where it holds a placeholder. */
function fieldText(raw: string, decoded: string, value: EmbeddedValue): string {
  return findPlaceholders(raw, 0, raw.length, placeholderStyle(value.syntax, raw)).length > 0 ? raw : decoded;
}

let optionInfo: FormOptionInfo[] | undefined;

/** What the form offers when an option name or value is typed: every option of the option table. */
export function formOptionCatalogue(): FormOptionInfo[] {
  optionInfo ??= URI_OPTIONS.filter((o) => !o.aliasOf && !(o.node?.codeOnly ?? false)).map((o) => ({
    name: o.name,
    category: o.category,
    type: o.type,
    values: o.values ? [...o.values] : o.type === 'boolean' ? ['true', 'false'] : [],
    defaultValue: o.defaultValue ?? '',
    origin: o.origin,
    deprecated: o.deprecated !== undefined,
  }));
  return optionInfo;
}

/** The form of the connection string at `offset`; null outside one. */
export function connectionFormAt(analysis: Analysis, offset: number): ConnectionForm | null {
  const at = stringAt(analysis, offset);
  if (!at) return null;
  const { value } = at;
  const parsed = at.uri.parsed;
  const text = parsed.text;
  const secrets = secretSpans(parsed);
  const hasSecret = (s: Span) => secrets.some((x) => x.start < s.end && x.end > s.start);
  const scheme = parsed.scheme.kind === 'mongodb+srv' || /^mongodb\+srv/i.test(parsed.scheme.raw) ? 'mongodb+srv' : 'mongodb';
  // Hosts from the reading where a placeholder stays one part (`${HOST:-localhost:27017}`); same offsets.
  const hosts = (at.uri.checked ?? parsed).hosts.map((h) => ({
    host: fieldText(text.slice(h.host.span.start, h.host.span.end), h.host.value, value),
    port: h.port ? text.slice(h.port.span.start, h.port.span.end) : '',
  }));
  const user = parsed.userinfo;
  const options: ConnectionFormOption[] = parsed.options.map((o) => {
    const v = o.value;
    const secret = v !== undefined && hasSecret(v.span);
    const shown = !v ? '' : secret ? safeDecode(maskSpans(v.raw, secrets.filter((s) => s.start >= v.span.start && s.end <= v.span.end).map((s) => ({ start: s.start - v.span.start, end: s.end - v.span.start })))) : fieldText(v.raw, v.value, value);
    return secret ? { name: o.key.value, value: shown, secret: true } : { name: o.key.value, value: shown };
  });
  return {
    scheme,
    schemeWritten: parsed.scheme.raw,
    hosts,
    username: user ? fieldText(user.username.raw, user.username.value, value) : '',
    hasPassword: user?.password !== undefined && user.password.span.end > user.password.span.start,
    database: parsed.database ? fieldText(parsed.database.raw, parsed.database.value, value) : '',
    options,
    placeholders: placeholdersOf(at.uri, value).length > 0,
    catalogue: formOptionCatalogue(),
  };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The result of writing a form back: the connection string, and the edit of the document that writes it. */
export interface FormEdit {
  /** The new connection string as a driver reads it from the document (file escapes undone). */
  uri: string;
  /** The edit of the document: offsets in its text, the new text escaped for where the string stands. */
  edit: { start: number; end: number; newText: string };
}

/**
 * Writes the fields back into a connection string: each part percent-encoded where it must be (a
 * placeholder as it is), then escaped for the document. A password or secret option value sent back as
 * "keep" is the text the document has. Null when there is no connection string at `offset`.
 */
export function connectionFormEdit(analysis: Analysis, offset: number, input: ConnectionFormInput): FormEdit | null {
  const at = stringAt(analysis, offset);
  if (!at) return null;
  const { value } = at;
  const parsed = at.uri.parsed;
  let uri = `${input.scheme === 'mongodb+srv' ? 'mongodb+srv' : 'mongodb'}://`;
  const keptPassword = input.password === null ? parsed.userinfo?.password?.raw : undefined;
  const password = input.password === null ? keptPassword : input.password === '' ? undefined : encodePart(input.password, UNRESERVED, value);
  if (input.username !== '' || password !== undefined) {
    uri += encodePart(input.username, UNRESERVED, value);
    if (password !== undefined) uri += `:${password}`;
    uri += '@';
  }
  uri += input.hosts
    .filter((h) => h.host.trim() !== '' || h.port.trim() !== '')
    .map((h) => {
      const host = h.host.trim();
      const written = host.includes('/') ? encodePart(host, HOST_KEEP, value).replace(/[[\]:]/g, (c) => percentEncode(c, /$^/)) : encodePart(host, HOST_KEEP, value);
      return h.port.trim() === '' ? written : `${written}:${h.port.trim()}`;
    })
    .join(',');
  const options = input.options
    .filter((o) => o.name.trim() !== '')
    .map((o) => {
      const kept = o.keep !== undefined ? parsed.options[o.keep]?.value?.raw : undefined;
      const written = kept ?? encodePart(o.value, OPTION_VALUE_KEEP, value);
      return `${encodePart(o.name.trim(), UNRESERVED, value)}=${written}`;
    });
  if (input.database !== '' || options.length > 0) uri += `/${encodePart(input.database, UNRESERVED, value)}`;
  if (options.length > 0) uri += `?${options.join('&')}`;
  const start = toDocumentOffset(value, 0);
  const end = toDocumentOffset(value, value.text.length);
  return { uri, edit: { start, end, newText: encodeForHost(value, uri) } };
}
