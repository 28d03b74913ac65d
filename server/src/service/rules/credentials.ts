/**
 * credentials-in-source: a real-looking plaintext password inside a connection string in a file that
 * gets committed: source and config files, documentation (Markdown, plain text), and `.env` files that
 * no .gitignore ignores (Settings.tracked). Nothing is said where a warning would be noise: well-known
 * defaults and placeholders, names that stand in for values, connection strings that reach only this
 * machine (or, in a compose file, a service of the compose network), values in comments, and test,
 * fixture and example files.
 */
import { DecodedPart, ParsedUri } from '../uri/types';
import { findPlaceholders } from '../uri/placeholders';
import { Problem } from '../api';
import { isLocalHost } from '../uri/localHosts';
import { message } from '../data/l10n';

/** Where the connection string was found. */
export interface CredentialPlace {
  /** The URI of the document: test, fixture and example files are not checked. */
  documentUri?: string;
  /** The value was found in a comment. */
  comment?: boolean;
  /** Settings.tracked of the document: true when no .gitignore ignores it, false when one does. */
  tracked?: boolean;
}

const CODE_AND_CONFIG = new Set([
  'json', 'jsonc', 'yaml', 'dockercompose', 'properties', 'ini', 'toml', 'javascript', 'javascriptreact',
  'typescript', 'typescriptreact', 'python', 'go', 'java', 'kotlin', 'csharp', 'ruby', 'php', 'shellscript',
]);

/** Documentation and free-form config (READMEs, terraform.tfvars), committed like the code. */
const DOCUMENTS = new Set(['markdown', 'plaintext']);

/** Languages where `${NAME}` is substituted from the environment when the file is used. */
const INTERPOLATING = new Set(['yaml', 'dockercompose', 'properties', 'toml', 'shellscript', 'ini']);

/** Options whose value is a password, lower case. */
const PASSWORD_OPTIONS = new Set(['proxypassword', 'tlscertificatekeyfilepassword', 'sslpemkeypassword']);

/** Whether a document of this language and tracking state is checked at all. */
function checksDocument(languageId: string, tracked: boolean | undefined): boolean {
  // A .env file is where a password belongs, unless it is committed.
  if (languageId === 'dotenv') return tracked === true;
  if (tracked === false) return false;
  return CODE_AND_CONFIG.has(languageId) || DOCUMENTS.has(languageId);
}

/** Folders of tests, fixtures and examples. `example` alone is not one (Java packages: `com/example/`). */
const TEST_FOLDER = /^(?:tests?|__tests__|specs?|fixtures|__fixtures__|examples|testdata|.+\.tests?)$/i;
/** Files of tests and examples: conftest.py, `*.example`, `*.sample`, `*.test.*`, `*.spec.*`, `*_test.go`, ... */
const TEST_FILE = /^(?:conftest\.py|.+\.(?:example|sample)(?:\.[^.]+)?|.+\.(?:test|spec)\.[^.]+|.+_test\.(?:go|py)|test_.+\.py|.+_spec\.rb)$/i;

let lastUri: string | undefined;
let lastIsTest = false;

/** True when the document is a test, a fixture or an example (by its path). */
export function isTestOrExampleUri(documentUri: string): boolean {
  if (documentUri === lastUri) return lastIsTest;
  let path = documentUri.replace(/^[A-Za-z][A-Za-z0-9+.-]*:(?:\/\/[^/]*)?/, '').replace(/[?#].*$/, '');
  try {
    path = decodeURIComponent(path);
  } catch {
    // An invalid escape: the path as written.
  }
  const parts = path.split(/[\\/]/).filter((p) => p.length > 0);
  const name = parts.pop() ?? '';
  lastUri = documentUri;
  lastIsTest = TEST_FILE.test(name) || parts.some((p) => TEST_FOLDER.test(p));
  return lastIsTest;
}

/**
 * A host the password goes to that keeps it on this machine (or, in a compose file, in the compose
 * network), or the placeholder of a documentation (`cluster0.xxxxx.mongodb.net`).
 */
function isHarmlessHost(host: string, compose: boolean): boolean {
  if (isLocalHost(host) || host.startsWith('/') || /\.sock$/i.test(host)) return true;
  if (/(?:^|\.)x{3,}(?:\.|$)/i.test(host)) return true;
  // A compose service (`mongo`, `db`): a name without a dot that is not an IP address.
  return compose && host.length > 0 && !host.includes('.') && !host.includes(':');
}

/** Words of well-known defaults and placeholders; a password made of them (and digits) says nothing secret. */
const DEFAULT_WORDS = new Set([
  'password', 'passwort', 'passwd', 'pass', 'pwd', 'pw', 'secret', 'secrets', 'changeme', 'change', 'changeit', 'me', 'it',
  'admin', 'administrator', 'root', 'toor', 'test', 'tests', 'testing', 'tester', 'mongo', 'mongodb', 'db', 'database',
  'example', 'sample', 'demo', 'dummy', 'fake', 'default', 'my', 'your', 'our', 'the', 'some', 'super', 'new', 'app',
  'user', 'username', 'dev', 'local', 'foo', 'bar', 'baz', 'qwerty', 'letmein', 'guest', 'welcome', 'abc', 'here',
  'replace', 'redacted', 'hidden', 'todo', 'fixme', 'placeholder', 'insert', 'enter', 'put', 'value', 'token', 'key',
]);
const LONGEST_WORD = Math.max(...[...DEFAULT_WORDS].map((w) => w.length));

/** Look-alike characters of weak passwords (`p@ssw0rd`, `s3cret`). */
const LOOK_ALIKES: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };

/** True when `word` (lower-case letters) is one or more words of DEFAULT_WORDS. */
function isDefaultWords(word: string): boolean {
  if (word.length < 2 || word.length > 64) return false;
  const ok = [true];
  for (let end = 1; end <= word.length; end++) {
    ok[end] = false;
    for (let len = 2; len <= Math.min(LONGEST_WORD, end) && !ok[end]; len++) {
      if (ok[end - len] && DEFAULT_WORDS.has(word.slice(end - len, end))) ok[end] = true;
    }
  }
  return ok[word.length];
}

/** The password as compared: lower case, without digits and punctuation at its end. */
function core(value: string): string {
  return value.toLowerCase().replace(/[\d!?.#*_-]+$/, '');
}

/** A default or a placeholder rather than a secret: `example`, `Passw0rd1!`, `<password>`, `YOUR_PASSWORD`, `****`. */
export function isPlaceholderPassword(value: string, username?: string): boolean {
  if (value.length === 0) return true;
  // Masks and ellipses: `****`, `xxx`, `...`, `…`, `???`.
  if (/^(?:[*xX•?#]+|\.{2,}|…)$/.test(value)) return true;
  // `<password>`, `[password]`, `{password}`, `(password)`.
  if (/^(?:<.*>|\[.*\]|\{.*\}|\(.*\))$/s.test(value)) return true;
  // Format directives and variables: `%s`, `%(password)s`, `{}`, `{0}`, `$PASSWORD`, `%PASSWORD%`, `__PASSWORD__`, `@PASSWORD@`.
  if (/^(?:%[sdvq]|%\([A-Za-z_]\w*\)s|\$[A-Za-z_]\w*|%[A-Za-z_]\w*%|__\w+__|@\w+@)$/.test(value)) return true;
  // A name that stands in for a value: MONGO_PWD, DB_PASSWORD, YOUR-PASSWORD.
  if (/^[A-Z][A-Z0-9]*(?:[_-][A-Z0-9]+)+$/.test(value)) return true;
  const c = core(value);
  // Only digits (and punctuation): 123456.
  if (c.length === 0) return true;
  if (username !== undefined && username.length > 0 && c === core(username)) return true;
  let plain = '';
  for (const ch of c) {
    if (ch === '-' || ch === '_' || ch === '.' || ch === ' ' || ch === ':') continue;
    plain += LOOK_ALIKES[ch] ?? ch;
  }
  return /^[a-z]+$/.test(plain) && isDefaultWords(plain);
}

interface Secret {
  part: DecodedPart;
  /** What the message calls it. */
  what: string;
  /** Where it is sent. */
  hosts: string[];
}

function secretsOf(uri: ParsedUri): Secret[] {
  const hosts = uri.hosts.map((h) => h.host.value);
  const secrets: Secret[] = [];
  const pw = uri.userinfo?.password;
  if (pw && !isPlaceholderPassword(pw.value, uri.userinfo?.username.value)) secrets.push({ part: pw, what: message('word.password'), hosts });
  // The proxy password goes to the proxy host; a key file password stays where the key file is.
  let proxyHost: string | undefined | null = null; // looked up at the first password option
  for (const o of uri.options) {
    if (!PASSWORD_OPTIONS.has(o.keyLower) || !o.value || isPlaceholderPassword(o.value.value)) continue;
    if (proxyHost === null) proxyHost = uri.options.find((p) => p.keyLower === 'proxyhost')?.value?.value;
    secrets.push({ part: o.value, what: o.keyLower === 'proxypassword' ? message('word.proxyPassword') : message('word.keyFilePassword'), hosts: o.keyLower === 'proxypassword' && proxyHost ? [proxyHost] : hosts });
  }
  return secrets;
}

export function checkCredentialsInSource(uri: ParsedUri, languageId: string, place: CredentialPlace = {}): Problem[] {
  if (!checksDocument(languageId, place.tracked)) return [];
  if (place.comment) return [];
  const secrets = secretsOf(uri);
  if (secrets.length === 0) return [];
  if (place.documentUri !== undefined && isTestOrExampleUri(place.documentUri)) return [];
  const compose = languageId === 'dockercompose';
  const problems: Problem[] = [];
  for (const s of secrets) {
    if (s.hosts.length > 0 && s.hosts.every((h) => isHarmlessHost(h, compose))) continue;
    if (findPlaceholders(uri.text, s.part.span.start, s.part.span.end).length > 0) continue;
    problems.push(problemFor(s, languageId));
  }
  return problems;
}

function problemFor(s: Secret, languageId: string): Problem {
  const span = s.part.span;
  if (languageId === 'dotenv') {
    return { ruleId: 'credentials-in-source', severity: 'warning', span, message: message('credentials.dotenv', { what: s.what }) };
  }
  if (DOCUMENTS.has(languageId)) {
    return { ruleId: 'credentials-in-source', severity: 'warning', span, message: message('credentials.document', { what: s.what }), data: { replacement: '<password>', title: message('fix.replaceSecret', { what: s.what, placeholder: '<password>' }) } };
  }
  const placeholder = INTERPOLATING.has(languageId) ? '${MONGODB_PASSWORD}' : '<password>';
  return { ruleId: 'credentials-in-source', severity: 'warning', span, message: message('credentials.file', { what: s.what }), data: { replacement: placeholder, title: message('fix.replaceSecret', { what: s.what, placeholder }) } };
}
