/**
 * Option values as the Node.js driver converts them (lib/connection_string.js `OPTIONS`): strict
 * booleans, lenient integers (`Number.parseInt`), exact enums, `k:v` records, object-only keys, and the
 * option list the driver actually reads from a query (URLSearchParams, first spelling of each key).
 */
import { UriOption } from '../data/uriOptions';
import { decodePercent } from '../uri/percent';
import { OptionIndex, resolveOptions, TypedValue } from '../uri/options';
import { DecodedPart, OptionPart, ParsedUri } from '../uri/types';
import { Span } from '../api';
import { NodeQueryItem, NodeUri } from '../uri/nodeUri';
import { CARRIAGE_RETURN, DIGIT_0, DIGIT_9, isJsWhitespace, LINE_FEED, SPACE } from '../lex/chars';
import { message } from '../data/l10n';

export type NodeConversion = { ok: true; value: TypedValue } | { ok: false; message: string };

/** `Number.parseInt(s, 10)`: leading space, a sign, then as many digits as there are; undefined when there are none. */
export function nodeParseInt(s: string): number | undefined {
  let i = 0;
  while (i < s.length && isJsWhitespace(s.charCodeAt(i))) i++;
  let sign = 1;
  if (s[i] === '+' || s[i] === '-') {
    if (s[i] === '-') sign = -1;
    i++;
  }
  const start = i;
  while (i < s.length && s.charCodeAt(i) >= DIGIT_0 && s.charCodeAt(i) <= DIGIT_9) i++;
  if (i === start) return undefined;
  return sign * Number(s.slice(start, i));
}

/** The entries of a `k:v,k:v` value as the driver splits them; a pair without ":" throws. */
export function nodeEntries(value: string): { entries: [string, string][] } | { bad: string } {
  const entries: [string, string][] = [];
  if (value === '') return { entries };
  for (const pair of value.split(',')) {
    const colon = pair.indexOf(':');
    if (colon < 0) return { bad: pair };
    let end = colon + 1;
    while (end < pair.length && !isLineBreak(pair.charCodeAt(end))) end++;
    entries.push([pair.slice(0, colon), pair.slice(colon + 1, end)]);
  }
  return { entries };
}

function isLineBreak(c: number): boolean {
  return c === LINE_FEED || c === CARRIAGE_RETURN || c === 0x2028 || c === 0x2029;
}

/** authMechanismProperties as the driver stores them: exact-case keys, `true`/`false` turned into booleans. */
export function nodeMechanismProperties(value: string): Record<string, string | boolean> | undefined {
  const r = nodeEntries(value);
  if ('bad' in r) return undefined;
  const out: Record<string, string | boolean> = {};
  for (const [k, v] of r.entries) out[k] = v === 'true' ? true : v === 'false' ? false : v;
  return out;
}

const SINGLE_LABEL_SUFFIXES = ['test', 'localhost', 'invalid', 'example', 'local', 'internal', 'corp', 'home', 'mail'];

function suffixProblem(value: string): string | undefined {
  let s = 0;
  let e = value.length;
  while (s < e && value[s] === '.') s++;
  while (e > s && value[e - 1] === '.') e--;
  const stripped = value.slice(s, e);
  if (stripped === '') return message('nodeOption.suffixEmpty');
  for (let i = 0; i < stripped.length; i++) {
    const c = stripped.charCodeAt(i);
    if (c <= SPACE || c === 0x7f || '#%/:<>?@[\\]^|'.includes(stripped[i])) return message('nodeOption.suffixInvalid', { value });
  }
  let ascii = stripped.toLowerCase();
  if (/[^\x00-\x7f]/.test(stripped)) {
    try {
      ascii = new URL(`http://${stripped}`).hostname;
    } catch {
      ascii = '';
    }
  }
  if (ascii === '') return message('nodeOption.suffixInvalid', { value });
  if (!ascii.includes('.') && !SINGLE_LABEL_SUFFIXES.includes(ascii)) {
    return message('nodeOption.suffixLabels', { value, names: SINGLE_LABEL_SUFFIXES.join(', ') });
  }
  return undefined;
}

function integer(opt: UriOption, value: string, unsigned: boolean): NodeConversion {
  const n = nodeParseInt(value);
  if (n === undefined) return { ok: false, message: message('nodeOption.notInteger', { name: opt.name, value }) };
  if (unsigned && n < 0) return { ok: false, message: message('nodeOption.negative', { name: opt.name, value }) };
  const min = opt.node.min;
  if (min !== undefined && !(n >= min)) {
    return { ok: false, message: message(opt.name === 'maxStalenessSeconds' ? 'nodeOption.minStaleness' : 'nodeOption.min', { name: opt.name, value, min }) };
  }
  return { ok: true, value: n };
}

/**
 * What the driver does with one (non-empty) value of a known key. `authMechanism` is left to the
 * authentication rules, which emulate its pattern match.
 */
export function convertForNode(opt: UriOption, value: string): NodeConversion {
  const node = opt.node;
  const name = opt.name;
  if (!node.accepted) return { ok: false, message: message('nodeOption.unsupported', { name }) };
  if (node.ignored) return { ok: true, value };
  switch (name) {
    case 'family': {
      const n = nodeParseInt(value);
      if (n === 4 || n === 6) return { ok: true, value: n };
      return { ok: false, message: n === undefined ? message('nodeOption.family') : message('nodeOption.familyReads', { value, number: n }) };
    }
    case 'compressors': {
      const allowed = node.values ?? [];
      const list = value.split(',');
      const bad = list.find((c) => !allowed.includes(c));
      if (bad !== undefined) return { ok: false, message: message('nodeOption.compressor', { name: bad, allowed: allowed.join(', ') }) };
      return { ok: true, value: list };
    }
    case 'srvAllowedHostsSuffix': {
      const p = suffixProblem(value);
      return p ? { ok: false, message: message('nodeOption.rejects', { why: p }) } : { ok: true, value };
    }
    case 'authMechanismProperties':
    case 'readPreferenceTags': {
      if (name === 'readPreferenceTags' && value === '') return { ok: true, value: {} };
      const r = nodeEntries(value);
      if ('bad' in r) return { ok: false, message: message('nodeOption.noColon', { name, entry: r.bad }) };
      if (name === 'authMechanismProperties' && r.entries.some(([k]) => k === 'ALLOWED_HOSTS')) {
        return { ok: false, message: message('nodeOption.allowedHosts') };
      }
      return { ok: true, value: Object.fromEntries(r.entries) };
    }
  }
  switch (node.type) {
    case 'boolean':
      if (value === 'true' || value === 'false') return { ok: true, value: value === 'true' };
      return { ok: false, message: message('nodeOption.boolean', { name, value }) };
    case 'uint':
      return integer(opt, value, true);
    case 'int':
      return integer(opt, value, false);
    case 'enum': {
      const values = node.values ?? opt.values ?? [];
      if (values.includes(value)) return { ok: true, value };
      return { ok: false, message: message('nodeOption.enum', { name, value, values: values.join(', ') }) };
    }
    case 'object':
    case 'record':
      return { ok: false, message: message(name === 'auth' ? 'nodeOption.auth' : 'nodeOption.object', { name }) };
    case 'any':
    case 'string':
    default:
      // WriteConcern keeps w as a number whenever Number() reads it (" " and "0x1" included).
      if (name === 'w') return { ok: true, value: Number.isNaN(Number(value)) ? value : Number(value) };
      return { ok: true, value };
  }
}

function nodePart(text: string, span: Span, value: string): DecodedPart {
  // Same escapes as the spec reading; only "+" (a space for URLSearchParams) differs, one character for one.
  const decoded = { ...decodePercent(text, span.start, span.end), value };
  if (decoded.map && decoded.map.length !== value.length + 1) delete decoded.map;
  return { span, raw: text.slice(span.start, span.end), decoded, value };
}

/** The specification's part of an item when the driver reads it the same way: same text, same key and value. */
function sameAsSpec(spec: OptionPart | undefined, item: NodeQueryItem, keyLower: string, index: number): boolean {
  if (!spec || spec.span.start !== item.span.start || spec.span.end !== item.span.end) return false;
  if (spec.index !== index || spec.separator !== (index === 0 ? '?' : '&') || spec.keyLower !== keyLower || spec.key.value !== item.key) return false;
  return item.valueSpan ? spec.value?.value === item.value : spec.value === undefined;
}

export interface NodeOptions {
  index: OptionIndex;
  /** Items the driver never reads: their key repeats an earlier key with a different case. */
  shadowed: { item: NodeQueryItem; first: NodeQueryItem }[];
}

/**
 * The options as the driver reads them: only the items whose key is spelled like the first
 * occurrence of that key (ignoring case) count; values get the driver's conversion.
 */
export function resolveNodeOptions(parsed: ParsedUri, node: NodeUri, specOptions?: OptionIndex): NodeOptions {
  const firstByLower = new Map<string, NodeQueryItem>();
  const shadowed: NodeOptions['shadowed'] = [];
  const parts: OptionPart[] = [];
  // The specification's options, in order alongside the items: most items are read the same way, and
  // their parts serve both readings.
  let k = 0;
  for (const item of node.items) {
    const lower = item.key.toLowerCase();
    const first = firstByLower.get(lower);
    if (first && first.key !== item.key) {
      shadowed.push({ item, first });
      continue;
    }
    if (!first) firstByLower.set(lower, item);
    while (k < parsed.options.length && parsed.options[k].span.start < item.span.start) k++;
    if (sameAsSpec(parsed.options[k], item, lower, parts.length)) {
      parts.push(parsed.options[k]);
      continue;
    }
    const span = item.span;
    const key = nodePart(parsed.text, item.keySpan, item.key);
    const separator = parts.length === 0 ? '?' : '&';
    const index = parts.length;
    parts.push(
      item.valueSpan
        ? { span, key, keyLower: lower, separator, index, value: nodePart(parsed.text, item.valueSpan, item.value) }
        : { span, key, keyLower: lower, separator, index },
    );
  }
  const view: ParsedUri = { ...parsed, options: parts, semicolons: [] };
  // The parts shared with the specification's reading keep its interpretation (then converted below).
  const index = resolveOptions(view, specOptions);
  for (const r of index.all) {
    if (!r.option || r.empty || !r.part.value || r.option.name === 'authMechanism') continue;
    const c = convertForNode(r.option, r.part.value.value);
    if (c.ok) r.value = c.value;
    else r.value = undefined;
  }
  return { index, shadowed };
}
