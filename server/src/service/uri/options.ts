/**
 * Interprets the raw `key=value` items of a parsed connection string against the option table:
 * which option each key names, and the typed value (or why the value is not valid).
 */
import { findOptionLower, UriOption } from '../data/uriOptions';
import { Span } from '../api';
import { OptionPart, ParsedUri } from './types';
import { asciiLower } from './parser';
import { closest, editDistance } from './didYouMean';
import { message } from '../data/l10n';

export type TypedValue = boolean | number | string | string[] | Record<string, string> | Record<string, string>[];

export interface ValueIssue {
  message: string;
  /** Raw span of the offending part of the value (defaults to the whole value). */
  span?: Span;
  /** Suggested replacement for the whole value. */
  replacement?: string;
  /** Other replacements worth offering, after `replacement` (true and false for a boolean that is neither). */
  alternatives?: string[];
  /** Drivers accept the value and pass it on; the server is what refuses it. */
  serverRefuses?: boolean;
}

export interface ResolvedOption {
  part: OptionPart;
  option?: UriOption;
  /** The typed value, absent when the value is missing, empty or invalid. */
  value?: TypedValue;
  issue?: ValueIssue;
  empty: boolean;
}

/**
 * The options of a string against the option table: every item in order, and which of the options the
 * rules ask for are given. The items by name are grouped the first time a reader asks (most strings
 * never need the grouping: the rules find what they ask for by its bit).
 */
export class OptionIndex {
  private grouped: Map<string, ResolvedOption[]> | undefined;
  /** Per bit of `present`: the items of that option (made at the first question). */
  private ruleLists: (readonly ResolvedOption[] | undefined)[] | undefined;

  constructor(
    readonly all: ResolvedOption[],
    /**
     * The options of RULE_OPTIONS given at least once, one bit each: a rule tests its bits and skips at
     * once when none of its options is there, without a lookup by name.
     */
    readonly present: number,
  ) {}

  /** By lower-cased canonical name (aliases stay under their own name), in the order of first occurrence. */
  get byName(): Map<string, ResolvedOption[]> {
    if (this.grouped === undefined) {
      const byName = new Map<string, ResolvedOption[]>();
      for (const r of this.all) {
        const list = byName.get(r.part.keyLower);
        if (list) list.push(r);
        else byName.set(r.part.keyLower, [r]);
      }
      this.grouped = byName;
    }
    return this.grouped;
  }

  /** True when some option is given twice or more (its items share a name). */
  hasRepeats(): boolean {
    const all = this.all;
    if (all.length > FEW_OPTIONS) {
      for (const [, list] of this.byName) if (list.length > 1) return true;
      return false;
    }
    for (let i = 1; i < all.length; i++) {
      const name = all[i].part.keyLower;
      for (let j = 0; j < i; j++) if (all[j].part.keyLower === name) return true;
    }
    return false;
  }

  /** The items of an option of RULE_OPTIONS that is given (its bit is set). */
  listOf(o: RuleOption): readonly ResolvedOption[] {
    if (this.grouped !== undefined) return this.grouped.get(o.name)!;
    const slot = 31 - Math.clz32(o.bit);
    const lists = (this.ruleLists ??= []);
    let list = lists[slot];
    if (list === undefined) {
      const found: ResolvedOption[] = [];
      for (const r of this.all) if (r.part.keyLower === o.name) found.push(r);
      lists[slot] = list = found;
    }
    return list;
  }
}

/** Up to this many options, repeats are found by comparing names, without grouping them. */
const FEW_OPTIONS = 8;

/**
 * The options the rules ask for by name, each with a bit of OptionIndex.present (at most 31, so that the
 * bits are a small integer): their lower-cased canonical names, as byName keys them.
 */
const RULE_OPTIONS = [
  'tls', 'ssl', 'tlsinsecure', 'tlsallowinvalidcertificates', 'tlsallowinvalidhostnames', 'tlsdisableocspendpointcheck',
  'tlsdisablecertificaterevocationcheck', 'tlscertificatekeyfile', 'directconnection', 'loadbalanced', 'replicaset',
  'srvmaxhosts', 'srvservicename', 'srvallowedhostssuffix', 'proxyhost', 'proxyport', 'proxyusername', 'proxypassword',
  'readpreference', 'readpreferencetags', 'maxstalenessseconds', 'w', 'journal', 'minpoolsize', 'maxpoolsize',
  'heartbeatfrequencyms', 'authmechanism', 'authmechanismproperties', 'gssapiservicename', 'authsource',
] as const;

export type RuleOptionName = (typeof RULE_OPTIONS)[number];

/** An option of RULE_OPTIONS: its lower-cased name and its bit. */
export interface RuleOption {
  readonly name: RuleOptionName;
  readonly bit: number;
}

const BIT_OF: ReadonlyMap<string, number> = new Map(RULE_OPTIONS.map((name, k) => [name, 1 << k]));

/** The option of RULE_OPTIONS with this lower-cased name, for a rule to keep in a constant. */
export function ruleOption(name: RuleOptionName): RuleOption {
  return { name, bit: BIT_OF.get(name)! };
}

/** The options of RULE_OPTIONS by canonical name. */
export const OPT = {
  tls: ruleOption('tls'),
  ssl: ruleOption('ssl'),
  tlsInsecure: ruleOption('tlsinsecure'),
  tlsAllowInvalidCertificates: ruleOption('tlsallowinvalidcertificates'),
  tlsAllowInvalidHostnames: ruleOption('tlsallowinvalidhostnames'),
  tlsDisableOCSPEndpointCheck: ruleOption('tlsdisableocspendpointcheck'),
  tlsDisableCertificateRevocationCheck: ruleOption('tlsdisablecertificaterevocationcheck'),
  tlsCertificateKeyFile: ruleOption('tlscertificatekeyfile'),
  directConnection: ruleOption('directconnection'),
  loadBalanced: ruleOption('loadbalanced'),
  replicaSet: ruleOption('replicaset'),
  srvMaxHosts: ruleOption('srvmaxhosts'),
  srvServiceName: ruleOption('srvservicename'),
  srvAllowedHostsSuffix: ruleOption('srvallowedhostssuffix'),
  proxyHost: ruleOption('proxyhost'),
  proxyPort: ruleOption('proxyport'),
  proxyUsername: ruleOption('proxyusername'),
  proxyPassword: ruleOption('proxypassword'),
  readPreference: ruleOption('readpreference'),
  readPreferenceTags: ruleOption('readpreferencetags'),
  maxStalenessSeconds: ruleOption('maxstalenessseconds'),
  w: ruleOption('w'),
  journal: ruleOption('journal'),
  minPoolSize: ruleOption('minpoolsize'),
  maxPoolSize: ruleOption('maxpoolsize'),
  heartbeatFrequencyMS: ruleOption('heartbeatfrequencyms'),
  authMechanism: ruleOption('authmechanism'),
  authMechanismProperties: ruleOption('authmechanismproperties'),
  gssapiServiceName: ruleOption('gssapiservicename'),
  authSource: ruleOption('authsource'),
} as const;

/** The bits of several options: a rule that needs one of them present does nothing when none is. */
export function anyOf(...options: RuleOption[]): number {
  let bits = 0;
  for (const o of options) bits |= o.bit;
  return bits;
}

/** What a lower-cased key names: its option and its bit of OptionIndex.present (0 for the others). */
interface KeyFacts {
  option: UriOption | undefined;
  bit: number;
}

/** Keys repeat from string to string (retryWrites, w): each is looked up once (bounded). */
const keyFacts = new Map<string, KeyFacts>();

function factsOf(keyLower: string): KeyFacts {
  let facts = keyFacts.get(keyLower);
  if (facts === undefined) {
    facts = { option: findOptionLower(keyLower), bit: BIT_OF.get(keyLower) ?? 0 };
    if (keyFacts.size >= 1024) keyFacts.clear();
    keyFacts.set(keyLower, facts);
  }
  return facts;
}

/**
 * Typed values of valid plain values, per option and decoded value (w=majority, retryWrites=true): a
 * value is interpreted once. Only a boolean, number or string without an issue is kept (nothing that a
 * reader could change, and no message, which depends on the language of the messages).
 */
const typedValues = new Map<UriOption, Map<string, boolean | number | string>>();
let typedValueCount = 0;

function cachedInterpretation(raw: string, decoded: string, opt: UriOption): Interpretation {
  let values = typedValues.get(opt);
  const known = values?.get(decoded);
  if (known !== undefined) return { value: known, issue: undefined };
  const i = interpret(raw, decoded, opt);
  const v = i.value;
  if (i.issue === undefined && (typeof v === 'boolean' || typeof v === 'number' || typeof v === 'string') && decoded.length <= 64) {
    if (typedValueCount >= 4096) {
      typedValues.clear();
      typedValueCount = 0;
      values = undefined;
    }
    if (!values) typedValues.set(opt, (values = new Map()));
    values.set(decoded, v);
    typedValueCount++;
  }
  return i;
}

/**
 * The typed value of a decoded value that interpret() would accept as it is, read without a lookup:
 * `true`/`false` of a boolean, up to 9 digits in the range of an integer, a value listed by an enum,
 * `majority` or up to 9 digits for w. Undefined for anything else, which interpretation then reads.
 */
function quickValue(decoded: string, opt: UriOption): boolean | number | string | undefined {
  switch (opt.type) {
    case 'boolean':
      return decoded === 'true' ? true : decoded === 'false' ? false : undefined;
    case 'integer': {
      const n = smallNatural(decoded);
      if (n < 0) return undefined;
      return (opt.min === undefined || n >= opt.min) && n <= (opt.max ?? 2147483647) ? n : undefined;
    }
    case 'enum':
      return opt.values !== undefined && opt.values.includes(decoded) ? decoded : undefined;
    case 'writeConcern': {
      if (decoded === 'majority') return decoded;
      const n = smallNatural(decoded);
      return n < 0 ? undefined : n;
    }
    default:
      return undefined;
  }
}

/** The number written by 1 to 9 ASCII digits, or -1 for any other text. */
function smallNatural(text: string): number {
  const len = text.length;
  if (len === 0 || len > 9) return -1;
  let n = 0;
  for (let i = 0; i < len; i++) {
    const d = text.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

const INT_RE = /^-?[0-9]+$/;

function parseInteger(raw: string, opt: UriOption): { value?: number; issue?: ValueIssue } {
  if (!INT_RE.test(raw)) return { issue: { message: message('value.notInteger', { name: opt.name, value: raw }) } };
  const n = Number(raw);
  const max = opt.max ?? (opt.int64 ? Number.MAX_SAFE_INTEGER : 2147483647);
  const min = opt.min ?? (opt.int64 ? Number.MIN_SAFE_INTEGER : -2147483648);
  if (opt.specialValues?.includes(n)) return { value: n };
  if (n < min || n > max) {
    const range =
      opt.max !== undefined ? `${min}–${max}` : `≥ ${min}`;
    const special = opt.specialValues?.length ? message('value.rangeSpecial', { values: opt.specialValues.join(', ') }) : '';
    return { issue: { message: message('value.outOfRange', { name: opt.name, value: raw, range, special }) } };
  }
  return { value: n };
}

function parseBoolean(raw: string, opt: UriOption): { value?: boolean; issue?: ValueIssue } {
  if (raw === 'true') return { value: true };
  if (raw === 'false') return { value: false };
  const lower = asciiLower(raw);
  if (lower === 'true' || lower === 'false') {
    return { issue: { message: message('value.booleanCase', { name: opt.name, value: lower }), replacement: lower } };
  }
  const truthy = ['1', 'yes', 'y', 't'];
  const falsy = ['0', '-1', 'no', 'n', 'f'];
  if (truthy.includes(lower) || falsy.includes(lower)) {
    const canonical = truthy.includes(lower) ? 'true' : 'false';
    return {
      issue: {
        message: message('value.booleanLegacy', { name: opt.name, value: raw, canonical }),
        replacement: canonical,
      },
    };
  }
  // A typo of true or false (ture, flase) has one fix; anything else (maybe, on) is offered both.
  const near = closest(raw, BOOLEANS);
  if (near) return { issue: { message: message('value.booleanNear', { name: opt.name, value: raw, near }), replacement: near } };
  return { issue: { message: message('value.boolean', { name: opt.name, value: raw }), replacement: 'true', alternatives: ['false'] } };
}

const BOOLEANS = ['true', 'false'];

function parseEnum(raw: string, opt: UriOption): { value?: string; issue?: ValueIssue } {
  const values = opt.values ?? [];
  if (values.includes(raw)) return { value: raw };
  const lower = asciiLower(raw);
  const ci = values.find((v) => asciiLower(v) === lower);
  if (ci) return { issue: { message: message('value.enumCase', { name: opt.name, value: raw, canonical: ci }), replacement: ci } };
  if (opt.openValues) return { value: raw };
  const near = closest(raw, values);
  if (near) return { issue: { message: message('value.enumNear', { name: opt.name, value: raw, near }), replacement: near } };
  return { issue: { message: message('value.enum', { name: opt.name, value: raw, values: values.join(', ') }) } };
}

/**
 * w: a number, majority, or the name of a custom write concern defined in the replica set's settings.
 * A name one or two letters away from majority is a typo: the server refuses every write that asks for
 * a write concern mode it does not know.
 */
function parseWriteConcern(decoded: string): Interpretation {
  if (INT_RE.test(decoded)) return parseInteger(decoded, W_AS_INTEGER);
  if (decoded !== 'majority' && editDistance(decoded, 'majority', 2) <= 2) {
    return {
      issue: {
        message: message('value.writeConcernMode', { value: decoded }),
        replacement: 'majority',
        serverRefuses: true,
      },
    };
  }
  return { value: decoded };
}


/** `k:v,k:v` lists (authMechanismProperties, one readPreferenceTags set). The first `:` splits. */
export function parseKeyValueList(
  raw: string,
  value: string,
  opt: UriOption,
): { value?: Record<string, string>; issue?: ValueIssue } {
  const out: Record<string, string> = {};
  if (value === '') return { value: out };
  for (const pair of value.split(',')) {
    const colon = pair.indexOf(':');
    if (colon <= 0) {
      const what = opt.type === 'tagSet' ? message('word.tag') : message('word.property');
      if (pair.length > 0 && colon < 0 && opt.name === 'authMechanismProperties' && Object.keys(out).length > 0) {
        return {
          issue: {
            message: message('value.propertyComma', { pair }),
          },
        };
      }
      return { issue: { message: message('value.keyValue', { what, name: opt.name, pair }) } };
    }
    out[pair.slice(0, colon)] = pair.slice(colon + 1);
  }
  void raw;
  return { value: out };
}

interface Interpretation {
  value?: TypedValue;
  issue?: ValueIssue;
}

/** The typed value of a non-empty raw value (never called for missing or empty values). */
function interpret(raw: string, decoded: string, opt: UriOption): Interpretation {
  switch (opt.type) {
    case 'boolean':
      return parseBoolean(decoded, opt);
    case 'integer':
      return parseInteger(decoded, opt);
    case 'enum':
      return parseEnum(decoded, opt);
    case 'writeConcern':
      return parseWriteConcern(decoded);
    case 'stringList':
      return { value: decoded.split(',') };
    case 'keyValueList':
    case 'tagSet':
      return parseKeyValueList(raw, decoded, opt);
    default:
      return { value: decoded };
  }
}

const W_AS_INTEGER = { name: 'w', type: 'integer', min: 0 } as UriOption;

/**
 * The options of a parse against the option table. `earlier`: an index of another reading of the same
 * string whose parts this one shares (the Node.js reading shares most of the specification's): a shared
 * part's interpretation is taken from there instead of being made again.
 */
export function resolveOptions(uri: ParsedUri, earlier?: OptionIndex): OptionIndex {
  const all: ResolvedOption[] = [];
  let present = 0;
  for (const part of uri.options) {
    const prior = earlier?.all[part.index];
    // A key found in the option table is its lower-cased canonical name: byName keys both by keyLower.
    const facts = factsOf(part.keyLower);
    const option = prior?.part === part ? prior.option : facts.option;
    present |= facts.bit;
    // One object shape for every entry keeps this loop fast on very long option lists.
    const r: ResolvedOption = { part, option, value: undefined, issue: undefined, empty: false };
    const decoded = part.value?.value;
    if (prior?.part === part) {
      r.value = prior.value;
      r.issue = prior.issue;
      r.empty = prior.empty;
    } else if (decoded === undefined || decoded === '') {
      if (option?.type === 'tagSet' && decoded === '') r.value = {};
      else r.empty = true;
    } else if (option?.type === 'string') {
      // A string option's value is its decoded text: nothing to interpret or to keep.
      r.value = decoded;
    } else if (option) {
      // The usual valid values (true, an integer in range, a listed enum value, majority) are read at
      // once: the same typed value that interpretation gives, without a lookup of the value's text.
      const quick = quickValue(decoded, option);
      if (quick !== undefined) {
        r.value = quick;
        all.push(r);
        continue;
      }
      const i = cachedInterpretation(part.value!.raw, decoded, option);
      r.value = i.value;
      r.issue = i.issue;
    }
    all.push(r);
  }
  return new OptionIndex(all, present);
}

/** Lower-cased option names the rules ask for (a few dozen constants), so that each is lowered once. */
const lowerNames = new Map<string, string>();

function lowerName(name: string): string {
  let lower = lowerNames.get(name);
  if (lower === undefined) {
    lower = asciiLower(name);
    if (lowerNames.size < 1024) lowerNames.set(name, lower);
  }
  return lower;
}

/** The effective (last valid) occurrence of an option, by canonical name. */
export function effective(index: OptionIndex, name: string): ResolvedOption | undefined {
  const list = index.byName.get(lowerName(name));
  if (!list) return undefined;
  for (let i = list.length - 1; i >= 0; i--) if (list[i].value !== undefined) return list[i];
  return undefined;
}

/**
 * effective() for an option of RULE_OPTIONS, by its lower-cased name: nothing to look up when its bit
 * says it is absent (most options, most strings).
 */
export function effectiveOf(index: OptionIndex, o: RuleOption): ResolvedOption | undefined {
  if ((index.present & o.bit) === 0) return undefined;
  const all = index.all;
  if (all.length <= FEW_OPTIONS) {
    // A few items: the last valid one of the name is found among them, without a list of the option's items.
    for (let i = all.length - 1; i >= 0; i--) {
      const r = all[i];
      if (r.value !== undefined && r.part.keyLower === o.name) return r;
    }
    return undefined;
  }
  const list = index.listOf(o);
  for (let i = list.length - 1; i >= 0; i--) if (list[i].value !== undefined) return list[i];
  return undefined;
}

/** occurrences() for an option of RULE_OPTIONS, by its lower-cased name. */
export function occurrencesOf(index: OptionIndex, o: RuleOption): readonly ResolvedOption[] {
  if ((index.present & o.bit) === 0) return NO_OCCURRENCES;
  return index.listOf(o);
}

/** True when an option is given (valid or not), by name: a few options are looked through without grouping them. */
export function isGiven(index: OptionIndex, name: string): boolean {
  const lower = lowerName(name);
  const all = index.all;
  if (all.length > FEW_OPTIONS) return index.byName.has(lower);
  for (let i = 0; i < all.length; i++) if (all[i].part.keyLower === lower) return true;
  return false;
}

/** Every occurrence of an option (valid or not). */
export function occurrences(index: OptionIndex, name: string): readonly ResolvedOption[] {
  return index.byName.get(lowerName(name)) ?? NO_OCCURRENCES;
}

/** What occurrences() gives for an option that is absent (most of them): one shared, frozen array. */
const NO_OCCURRENCES: readonly ResolvedOption[] = Object.freeze([]);

export function effectiveValue<T extends TypedValue>(index: OptionIndex, name: string): T | undefined {
  return effective(index, name)?.value as T | undefined;
}
