import type { Analysis, CompletionResult, TextDocumentLike } from '../api';
import { toDocumentEnd, toDocumentOffset } from '../extract/offsets';
import { AUTH_MECHANISMS, EXTERNAL_AUTH_SOURCE, findMechanism, findMechanismIgnoreCase } from '../data/authMechanisms';
import { driverFamilyOf, findOption, isReadBy, URI_OPTIONS, UriOption, type DriverFamily } from '../data/uriOptions';
import { OPTION_VALUE_DOCS } from '../data/uriOptions';
import { asciiLower } from '../uri/parser';
import { EmbeddedValue, Span } from '../api';
import { uriParseOf, type UriParse } from '../rules/validation';
import { DEFAULT_PORT } from '../data/connectionString';
import { decodedIndex, findValueAt } from './locate';
import { mechanismDoc, optionDetail, optionDoc } from './optionDocs';

/**
 * Options offered after `?` and `&`: the specification's, then the Node.js driver's usable extras, and
 * (where the document's driver reads them) those of other drivers.
 */
function offeredOptions(): readonly UriOption[] {
  return URI_OPTIONS.filter((o) => {
    if (o.origin === 'node') return o.node.accepted && o.node.type !== 'object' && !o.node.codeOnly && !o.node.noEffect && !o.name.startsWith('__');
    return true;
  });
}
const OFFERED = offeredOptions();

interface Ctx {
  value: EmbeddedValue;
  /** The driver family of the document's language: the options of other drivers are offered where theirs reads them. */
  family: DriverFamily | undefined;
  toDoc: (s: Span) => { start: number; end: number };
}

function item(ctx: Ctx, c: Omit<CompletionResult, 'replace'> & { span: Span }): CompletionResult {
  const { span, ...rest } = c;
  return { ...rest, replace: ctx.toDoc(span) };
}

/** Case-insensitive subsequence match, so `rs` finds replicaSet and `maxpool` finds maxPoolSize. */
export function matchesTyped(label: string, typed: string): boolean {
  if (!typed) return true;
  const l = label.toLowerCase();
  const t = typed.toLowerCase();
  let j = 0;
  for (let k = 0; k < l.length && j < t.length; k++) if (l[k] === t[j]) j++;
  return j === t.length;
}

/** What an option's completion item says, whatever the cursor: built once per option. */
interface OptionItemParts {
  lower: string;
  detail: string;
  documentation: string;
  sortText: string;
  deprecated: boolean;
  withEquals: string;
}
const optionItemParts = new Map<UriOption, OptionItemParts>();

function partsOf(o: UriOption): OptionItemParts {
  let parts = optionItemParts.get(o);
  if (!parts) {
    const group = o.origin === 'spec' ? (o.deprecated ? '2' : '0') : o.origin === 'legacy' ? '3' : '1';
    parts = {
      lower: asciiLower(o.name),
      detail: optionDetail(o),
      documentation: optionDoc(o),
      sortText: `${group}${o.name.toLowerCase()}`,
      deprecated: !!o.deprecated,
      withEquals: `${o.name}=`,
    };
    optionItemParts.set(o, parts);
  }
  return parts;
}

function keyCompletions(ctx: Ctx, text: string, itemStart: number, itemEnd: number, hasEquals: boolean, isSrv: boolean, present: Set<string>): CompletionResult[] {
  const out: CompletionResult[] = [];
  // Every item replaces the same range: one object for all of them.
  const replace = ctx.toDoc({ start: itemStart, end: itemEnd });
  for (const o of OFFERED) {
    const parts = partsOf(o);
    if (present.has(parts.lower) && !o.repeatable) continue;
    if (o.srvOnly && !isSrv) continue;
    if (o.origin === 'drivers' && !isReadBy(o, ctx.family)) continue;
    if (!matchesTyped(o.name, text)) continue;
    out.push({
      label: o.name,
      kind: 'option',
      detail: parts.detail,
      documentation: parts.documentation,
      insertText: hasEquals ? o.name : parts.withEquals,
      retrigger: !hasEquals,
      deprecated: parts.deprecated,
      sortText: parts.sortText,
      replace,
    });
  }
  return out;
}

function valueCandidates(o: UriOption, mechanismName: string | undefined, segment: string): { label: string; doc?: string; insert?: string; retrigger?: boolean }[] {
  switch (o.name) {
    case 'authMechanism':
      return AUTH_MECHANISMS.map((m) => ({ label: m.name, doc: mechanismDoc(m) }));
    case 'authSource':
      return [
        { label: 'admin', doc: 'Users stored in the admin database (the usual place).' },
        { label: EXTERNAL_AUTH_SOURCE, doc: 'Credentials checked by an external system (X.509, LDAP, Kerberos, AWS IAM, OIDC).' },
      ];
    case 'authMechanismProperties': {
      const mech = mechanismName ? findMechanism(mechanismName) ?? findMechanismIgnoreCase(mechanismName) : undefined;
      if (!mech) return [];
      const colon = segment.indexOf(':');
      if (colon >= 0) {
        const prop = mech.properties.find((p) => asciiLower(p.name) === asciiLower(segment.slice(0, colon)));
        return (prop?.values ?? []).map((v) => ({ label: v, insert: `${prop!.name}:${v}` }));
      }
      return mech.properties.filter((p) => p.uriAllowed).map((p) => ({ label: p.name, doc: p.description, insert: `${p.name}:`, retrigger: !!p.values }));
    }
  }
  const docs = OPTION_VALUE_DOCS[o.name] ?? {};
  if (o.type === 'boolean') return [{ label: 'true' }, { label: 'false' }];
  if (o.type === 'writeConcern') return ['majority', '0', '1'].map((v) => ({ label: v, doc: docs[v] }));
  if (o.values) return o.values.map((v) => ({ label: v, doc: docs[v] }));
  return [];
}

/**
 * Completions inside the options of a connection string. `parse` is the analysed string's (its record):
 * `ctx.value` may be that string with a few punctuation characters typed after it (see
 * valueForCompletion), which the parse does not read; a `?` among them opens the options.
 */
function uriCompletions(ctx: Ctx, offset: number, parse: UriParse): CompletionResult[] {
  const value = ctx.value;
  const text = value.text;
  const i = decodedIndex(value, offset);
  const u = parse.parsed;
  // A `?` typed after the analysed string opens the options when the string has none.
  const typedQuestion = text.length > u.text.length ? text.indexOf('?', u.text.length) : -1;
  const question = u.question ?? (typedQuestion >= 0 ? { start: typedQuestion, end: typedQuestion + 1 } : undefined);
  if (!question || i <= question.start) return [];
  // The option item around the cursor.
  let itemStart = i;
  while (itemStart > question.end && !'&;'.includes(text[itemStart - 1])) itemStart--;
  let itemEnd = i;
  while (itemEnd < text.length && !'&;'.includes(text[itemEnd])) itemEnd++;
  const before = text.slice(itemStart, i);
  const eq = before.indexOf('=');
  const present = new Set(parse.options.all.filter((r) => r.part.span.start !== itemStart).map((r) => (r.option ? asciiLower(r.option.name) : r.part.keyLower)));
  if (eq < 0) {
    const keyEnd = text.indexOf('=', itemStart);
    const hasEquals = keyEnd >= 0 && keyEnd < itemEnd;
    return keyCompletions(ctx, before, itemStart, hasEquals ? keyEnd : itemEnd, hasEquals, u.scheme.kind === 'mongodb+srv', present);
  }
  const o = findOption(before.slice(0, eq));
  if (!o) return [];
  const valueStart = itemStart + eq + 1;
  const listish = o.type === 'stringList' || o.type === 'keyValueList';
  let segStart = valueStart;
  if (listish) {
    const lastComma = text.lastIndexOf(',', i - 1);
    if (lastComma >= valueStart) segStart = lastComma + 1;
  }
  let segEnd = i;
  while (segEnd < itemEnd && !(listish && text[segEnd] === ',')) segEnd++;
  const segment = text.slice(segStart, i);
  const mechanism = parse.options.all.find((r) => r.option?.name === 'authMechanism')?.part.value?.value;
  const already = listish ? new Set(text.slice(valueStart, itemEnd).split(',').map((s) => s.split(':')[0])) : new Set<string>();
  const typed = segment.includes(':') ? segment.slice(segment.indexOf(':') + 1) : segment;
  return valueCandidates(o, mechanism, segment)
    .filter((c) => !(o.type === 'stringList' && already.has(c.label) && c.label !== segment))
    .filter((c) => matchesTyped(c.label, typed))
    .map((c, n) =>
      item(ctx, {
        label: c.label,
        kind: 'value',
        detail: o.name,
        documentation: c.doc,
        insertText: c.insert ?? c.label,
        retrigger: c.retrigger,
        sortText: String(n).padStart(3, '0'),
        span: { start: segStart, end: segEnd },
      }),
    );
}

const SNIPPETS: { label: string; detail: string; body: string }[] = [
  { label: 'mongodb://localhost', detail: 'Standalone server', body: 'mongodb://${1:localhost}:${2:27017}/${3:mydb}' },
  { label: 'mongodb://user@host', detail: 'Standalone server with credentials', body: 'mongodb://${1:user}:${2:<password>}@${3:localhost}:${4:27017}/${5:mydb}?authSource=${6:admin}' },
  { label: 'mongodb://replica set', detail: 'Replica set', body: 'mongodb://${1:user}:${2:<password>}@${3:db1.example.com}:27017,${4:db2.example.com}:27017,${5:db3.example.com}:27017/${6:mydb}?replicaSet=${7:rs0}&authSource=admin' },
  { label: 'mongodb+srv://Atlas', detail: 'SRV / MongoDB Atlas', body: 'mongodb+srv://${1:user}:${2:<password>}@${3:cluster0.abcde}.mongodb.net/${4:mydb}?retryWrites=true&w=majority&appName=${5:myapp}' },
];

function isSnippetPrefix(word: string): boolean {
  return word.length >= 2 && ('mongodb+srv://'.startsWith(word) || 'mongodb://'.startsWith(word));
}

/** Whole-URI snippets while typing `mongodb` in a string or a value (the word before the cursor). */
function snippetCompletions(text: string, offset: number, value: EmbeddedValue | undefined): CompletionResult[] {
  let start = offset;
  while (start > 0 && /[A-Za-z+:/]/.test(text[start - 1]) && offset - start < 16) start--;
  const word = text.slice(start, offset).toLowerCase();
  if (!isSnippetPrefix(word)) return [];
  const inValue = !!value && value.kind === 'uri';
  if (!inValue) {
    // In a string literal (after a quote) or right after `=` / `: ` of a key.
    let p = start - 1;
    while (p >= 0 && (text[p] === ' ' || text[p] === '\t')) p--;
    const prev = p >= 0 ? text[p] : '';
    const quoted = p === start - 1 && `"'\``.includes(prev);
    if (!quoted && prev !== '=' && prev !== ':') return [];
  }
  return SNIPPETS.map((s, n) => ({
    label: s.label,
    kind: 'snippet' as const,
    detail: s.detail,
    documentation: '```text\n' + s.body.replace(/\$\{\d+:([^}]*)\}/g, '$1') + '\n```',
    insertText: s.body,
    isSnippet: true,
    filterText: word,
    sortText: String(n),
    replace: { start, end: offset },
  }));
}

/**
 * The value under the cursor and the parse of its record. Plain-text scanning drops sentence punctuation
 * after a token ("see mongodb://h?"), but while typing, the `?`, `,` or `:` just before the cursor
 * belongs to the string: take it back (the parse stays the analysed string's).
 */
function valueForCompletion(doc: TextDocumentLike, analysis: Analysis, offset: number): { value: EmbeddedValue; parse?: UriParse } | undefined {
  const k = findValueAt(analysis.values, offset);
  if (k >= 0) return { value: analysis.values[k], parse: uriParseOf(analysis.values[k], analysis.records[k]) };
  const before = findValueAt(analysis.values, Math.max(0, offset - 3));
  const v = before >= 0 ? analysis.values[before] : undefined;
  if (!v || v.offsets || v.kind !== 'uri') return undefined;
  const end = v.start + v.text.length;
  const gap = doc.text.slice(end, offset);
  if (gap.length === 0 || gap.length > 3 || !/^[?&,:;=.!*]+$/.test(gap)) return undefined;
  return { value: { ...v, text: v.text + gap }, parse: uriParseOf(v, analysis.records[before]) };
}

/** `host:port` of every host of the connection strings of an analysis (not SRV names: they name no server). */
export function hostTargetsOf(analysis: Analysis): string[] {
  const out = new Set<string>();
  analysis.values.forEach((v, k) => {
    if (v.kind !== 'uri' || v.comment) return;
    const parsed = uriParseOf(v, analysis.records[k])?.parsed;
    if (!parsed || parsed.scheme.kind !== 'mongodb') return;
    for (const h of parsed.hosts) {
      const host = h.host.value;
      if (host === '' || /[${}<>%[\]]/.test(host) || h.type === 'unix') continue;
      out.add(`${h.type === 'ip_literal' ? `[${host}]` : host}:${h.port?.value ?? DEFAULT_PORT}`);
    }
  });
  return [...out];
}

export function completeAt(doc: TextDocumentLike, analysis: Analysis, offset: number, otherHosts: () => readonly string[] = () => []): CompletionResult[] {
  const hosts = () => [...new Set([...hostTargetsOf(analysis), ...otherHosts()])];
  for (const a of analysis.documentAnalyses ?? []) {
    const inDocument = a.completeAt?.(offset, hosts);
    if (inDocument) return inDocument;
  }
  const found = valueForCompletion(doc, analysis, offset);
  const value = found?.value;
  if (value && value.kind === 'uri') {
    const ctx: Ctx = { value, family: driverFamilyOf(doc.languageId, doc.uri), toDoc: (s) => ({ start: toDocumentOffset(value, s.start), end: toDocumentEnd(value, s.end) }) };
    const inUri = found.parse ? uriCompletions(ctx, offset, found.parse) : [];
    if (inUri.length) return inUri;
    if (!/^mongodb(\+srv)?:\/\//.test(value.text)) return snippetCompletions(doc.text, offset, value);
    return [];
  }
  return snippetCompletions(doc.text, offset, undefined);
}
