import { driverFamilyOf, isReadBy, readersOf, URI_OPTIONS, UriOption } from '../data/uriOptions';
import { isGiven, occurrencesOf, OPT, ResolvedOption, type ValueIssue } from '../uri/options';
import { RuleContext } from './context';
import { FixData, Span } from '../api';
import { closest } from '../uri/didYouMean';
import { convertForNode } from './nodeOptions';
import { message, MessageMemo, TextMemo } from '../data/l10n';
import { readByOtherDriver } from './profile';

const CASING = new MessageMemo('option.casing');
const WRITE = new MessageMemo('fix.write');
const USE = new MessageMemo('fix.use');
const DEPRECATED = new TextMemo();

const specNames = URI_OPTIONS.filter((o) => o.origin !== 'node').map((o) => o.name);
const nodeNames = URI_OPTIONS.filter((o) => o.node.accepted).map((o) => o.name);

const suggestions = new Map<string, string | undefined>();

const NO_SPANS: readonly Span[] = [];

/** Did-you-mean, memoised: the same unknown key (or a thousand repeats of it) is measured once. */
function suggest(key: string, node: boolean): string | undefined {
  const k = (node ? 'n:' : 's:') + key;
  if (suggestions.has(k)) return suggestions.get(k);
  const s = closest(key, node ? nodeNames : specNames);
  if (suggestions.size > 5000) suggestions.clear();
  suggestions.set(k, s);
  return s;
}

/** gssapiServiceName=x → SERVICE_NAME:x in authMechanismProperties (added to an existing list, or as a new option). */
function serviceNameFix(ctx: RuleContext, r: ResolvedOption): FixData | undefined {
  const name = r.part.value?.raw;
  if (!name) return undefined;
  const props = occurrencesOf(ctx.options, OPT.authMechanismProperties).filter((o) => o.part.value && o.part.value.raw !== '');
  const title = message('fix.serviceName');
  if (props.length === 0) {
    return { replacement: `authMechanismProperties=SERVICE_NAME:${name}`, replaceSpan: r.part.span, title };
  }
  const last = props[props.length - 1].part.value!;
  if (/(^|,)SERVICE_NAME:/i.test(last.raw)) return undefined;
  if (r.part.span.start - 1 === last.span.end) {
    return { replacement: `,SERVICE_NAME:${name}`, replaceSpan: { start: last.span.end, end: r.part.span.end }, title };
  }
  return {
    title,
    edits: [
      { start: last.span.end, end: last.span.end, text: `,SERVICE_NAME:${name}` },
      { start: r.part.span.start, end: r.part.span.end, text: '', remove: true },
    ],
  };
}

/** Options whose problems are reported by a more specific rule group. */
const OWN_RULES = new Set(['authsource', 'authmechanism']);

/** How the Node.js driver reads a value the specification rejects (integers are parsed leniently). */
function describeNodeValue(opt: UriOption, value: unknown): string {
  if (typeof value === 'number' && (opt.node.type === 'uint' || opt.node.type === 'int' || opt.name === 'family' || opt.name === 'w')) return message('option.nodeReadsAs', { value });
  if (opt.node.type === 'any' && opt.type !== 'string') return message('option.nodeAsText');
  return '';
}

/** The quick fixes of an invalid value: its replacement first, then the alternatives. */
function valueFix(issue: ValueIssue): FixData | undefined {
  if (issue.replacement === undefined) return undefined;
  const data: FixData = { replacement: issue.replacement, title: message('fix.changeTo', { value: issue.replacement }) };
  if (issue.alternatives?.length) data.alternatives = issue.alternatives.map((a) => ({ replacement: a, title: message('fix.changeTo', { value: a }) }));
  return data;
}

function checkUnknown(ctx: RuleContext, r: ResolvedOption): void {
  // Past the reports a rule may make, no did-you-mean: a hundred thousand unknown keys are measured against no name.
  if (ctx.saturated('option-unknown')) return;
  const key = r.part.key.value;
  const suggestion = suggest(key, ctx.driver === 'node');
  const text = suggestion
    ? message('option.unknownNear', { key, near: suggestion })
    : message('option.unknown', { key });
  ctx.report('option-unknown', r.part.key.span, text, {
    node: 'error',
    data: suggestion ? { replacement: suggestion, title: message('fix.changeTo', { value: suggestion }) } : { title: message('fix.removeOption'), remove: true, replaceSpan: r.part.span },
  });
}

function checkCompressors(ctx: RuleContext, r: ResolvedOption, opt: UriOption): void {
  if (!Array.isArray(r.value) || !r.part.value) return;
  const known = opt.values ?? [];
  let offset = 0;
  const raw = r.part.value.raw;
  const base = r.part.value.span.start;
  const plain = !r.part.value.decoded.map;
  for (const name of r.value as string[]) {
    if (!known.includes(name)) {
      const span = plain ? { start: base + offset, end: base + offset + name.length } : r.part.value.span;
      const nodeOk = opt.node.values?.includes(name);
      ctx.report(
        'option-invalid-value',
        span.end > span.start ? span : r.part.value.span,
        name === '' ? message('option.emptyCompressor') : message('option.unknownCompressor', { name, known: known.join(', ') }),
        { node: nodeOk ? 'none' : 'error' },
      );
    }
    offset += name.length + 1;
  }
  void raw;
}

function checkSrvServiceName(ctx: RuleContext, r: ResolvedOption): void {
  const v = typeof r.value === 'string' ? r.value : undefined;
  if (v === undefined || !r.part.value) return;
  const ok = /^[A-Za-z0-9](?:-?[A-Za-z0-9])*$/.test(v) && /[A-Za-z]/.test(v) && v.length <= 62;
  if (!ok) {
    ctx.report('option-invalid-value', r.part.value.span, message('option.srvServiceName', { value: v }), { node: 'none' });
  }
}

function checkAppName(ctx: RuleContext, r: ResolvedOption): void {
  if (typeof r.value !== 'string' || !r.part.value) return;
  // A UTF-16 unit is at most three bytes of UTF-8: a short name needs no encoding to be within the limit.
  if (3 * r.value.length <= 128) return;
  const bytes = new TextEncoder().encode(r.value).length;
  if (bytes > 128) {
    ctx.report('option-invalid-value', r.part.value.span, message('option.appNameLength', { bytes }), { node: 'none' });
  }
}

function checkOne(ctx: RuleContext, r: ResolvedOption): void {
  const p = r.part;
  checkEscapes(ctx, p);
  if (!p.value) {
    // The Node.js driver reads a key without "=" as an empty value, which it accepts only for
    // readPreferenceTags (the empty tag set) and for the ignored timeoutMS.
    const nodeAccepts = !!r.option?.node.accepted && (r.option.type === 'tagSet' || !!r.option.node.ignored);
    ctx.report('option-no-value', p.span, message('option.noValue', { key: p.key.value }), { node: nodeAccepts ? 'warning' : 'error' });
    return;
  }
  if (p.key.value === '') {
    ctx.report('option-no-value', p.span, message('option.noName'));
    return;
  }
  const opt = r.option;
  if (!opt) return checkUnknown(ctx, r);
  if (!checkDriverSupport(ctx, r, opt)) return;
  checkSpelling(ctx, r, opt);
  // The option was found by the lower-cased key: that is its lower-cased name.
  const lower = p.keyLower;
  if (OWN_RULES.has(lower)) return;
  if (checkValue(ctx, r, opt)) return;
  if (lower === 'compressors') checkCompressors(ctx, r, opt);
  else if (lower === 'srvservicename') checkSrvServiceName(ctx, r);
  else if (lower === 'appname') checkAppName(ctx, r);
}

/** A `%` in the name or the value that starts no %XX escape. */
function checkEscapes(ctx: RuleContext, p: ResolvedOption['part']): void {
  const keyEscapes = p.key.decoded.badEscapes;
  for (let k = 0; k < keyEscapes.length; k++) ctx.report('option-invalid-escape', keyEscapes[k], message('option.keyBadEscape'));
  const valueEscapes = p.value ? p.value.decoded.badEscapes : NO_SPANS;
  for (let k = 0; k < valueEscapes.length; k++) ctx.report('option-invalid-escape', valueEscapes[k], message('option.valueBadEscape'));
}

/** Which drivers read the option; false when the profile's driver does not, and nothing more is to be said. */
function checkDriverSupport(ctx: RuleContext, r: ResolvedOption, opt: NonNullable<ResolvedOption['option']>): boolean {
  const p = r.part;
  if (opt.origin === 'node' && opt.deprecated && ctx.driver === 'spec') {
    // j and fsync: legacy spellings only the Node.js driver still reads.
    const rep = opt.deprecated.replacement;
    ctx.report('option-deprecated', p.key.span, message('option.legacyNodeSpelling', { key: p.key.value, replacement: rep }), {
      data: { replacement: rep, title: message('fix.use', { value: rep }) },
    });
    return false;
  }
  if (opt.origin === 'drivers') {
    // Read by the drivers of a few languages: nothing to say in a file of one of them; its value is checked.
    if (ctx.driver === 'node') {
      ctx.report('option-unsupported-by-driver', p.key.span, message('option.nodeUnsupported', { name: opt.name }), { node: 'error' });
      return false;
    }
    if (!isReadBy(opt, driverFamilyOf(ctx.languageId, ctx.documentUri))) {
      ctx.report('option-driver-specific', p.key.span, message('option.driversSpecific', { name: opt.name, drivers: readersOf(opt) }));
    }
    return true;
  }
  if (opt.origin === 'node') {
    ctx.report('option-driver-specific', p.key.span, message('option.nodeSpecific', { name: opt.name }), { node: opt.node.accepted ? 'none' : 'error' });
  } else if (!opt.node.accepted) {
    // What the Node.js driver does is no news in a file that another driver reads.
    if (ctx.driver === 'node' || !readByOtherDriver(ctx.languageId, ctx.documentUri)) {
      ctx.report('option-unsupported-by-driver', p.key.span, message('option.nodeUnsupported', { name: opt.name }), { node: 'error' });
    }
    if (ctx.driver === 'node') return false;
  }
  return !(ctx.driver === 'spec' && opt.origin === 'node');
}

/** The usual casing of the name, and deprecated names. */
function checkSpelling(ctx: RuleContext, r: ResolvedOption, opt: NonNullable<ResolvedOption['option']>): void {
  const p = r.part;
  if (p.key.value !== opt.name && p.key.value !== 'appname') {
    ctx.report('option-casing', p.key.span, CASING.get(opt.name, { name: opt.name }), {
      node: 'none',
      data: { replacement: opt.name, title: WRITE.get(opt.name, { value: opt.name }) },
    });
  }
  if (!opt.deprecated) return;
  const replacementGiven = opt.deprecated.replacement !== opt.name && isGiven(ctx.options, opt.deprecated.replacement);
  // Keys of the spec's own table (socketTimeoutMS, ssl, ...) still work everywhere: a hint. Legacy keys: a warning.
  const inTable = opt.origin === 'spec';
  // The key as written fixes the option, and so the message when no replacement is given: made once per key.
  const deprecated = opt.deprecated;
  const key = p.key.value;
  const msg = opt.aliasOf
    ? message('option.alias', { key, name: opt.aliasOf })
    : replacementGiven
      ? message('option.deprecatedIgnored', { key, replacement: deprecated.replacement })
      : DEPRECATED.text(key, () => message('option.deprecated', { key, note: message(deprecated.note) }));
  const fixable = !replacementGiven && opt.name !== 'gssapiServiceName';
  ctx.report('option-deprecated', p.key.span, msg, {
    severity: inTable ? 'hint' : 'warning',
    node: 'none',
    data: opt.name === 'gssapiServiceName' ? serviceNameFix(ctx, r) : fixable ? { replacement: opt.deprecated.replacement, title: USE.get(opt.deprecated.replacement, { value: opt.deprecated.replacement }) } : undefined,
  });
}

/** An empty or invalid value, with what each driver does with it; true when one was reported. */
function checkValue(ctx: RuleContext, r: ResolvedOption, opt: NonNullable<ResolvedOption['option']>): boolean {
  const p = r.part;
  if (r.empty) {
    const ignored = !!opt.node.ignored;
    const text = ctx.driver === 'node'
      ? ignored ? message('option.emptyNodeIgnores', { name: opt.name }) : message('option.emptyNodeRejects', { name: opt.name })
      : message('option.empty', { name: opt.name });
    ctx.report('option-empty-value', p.span, text, { node: ignored ? 'warning' : 'error' });
    return true;
  }
  if (!r.issue || !p.value) return false;
  const data = valueFix(r.issue);
  const c = convertForNode(opt, p.value.value);
  const node: 'error' | 'warning' = c.ok ? 'warning' : 'error';
  const issue = r.issue.message;
  // What a driver does with a bad value of another driver's option is up to that driver: the issue alone.
  const text = r.issue.serverRefuses
    ? message('option.serverRefuses', { issue })
    : opt.origin === 'drivers'
    ? issue
    : ctx.driver === 'node'
    ? c.ok ? message('option.nodeAccepts', { issue, reading: describeNodeValue(opt, c.value) }) : message('option.nodeRefuses', { issue })
    : c.ok
      ? message('option.specIgnoresNodeAccepts', { issue, reading: describeNodeValue(opt, c.value) })
      : message('option.specIgnoresNodeRefuses', { issue });
  ctx.report('option-invalid-value', r.issue.span ?? p.value.span, text, { data, node });
  return true;
}

/** Per-option checks: syntax, known key, value type and range, duplicates, deprecation. */
export function checkOptions(ctx: RuleContext): void {
  for (const s of ctx.uri.semicolons) {
    ctx.report('option-legacy-separator', s, message('option.legacySeparator'), {
      node: 'none',
      data: { replacement: '&', title: message('fix.semicolon') },
    });
  }
  for (const r of ctx.options.all) checkOne(ctx, r);
  if (!ctx.options.hasRepeats()) return;
  for (const [name, list] of ctx.options.byName) {
    if (list.length < 2 || !list[0].option || list[0].option.repeatable) continue;
    const opt = list[0].option;
    const ruleId = name.startsWith('proxy') ? 'proxy-duplicate' : 'option-duplicate';
    if (ctx.saturated(ruleId)) continue;
    const first = list[0].part.value?.value;
    let same = true;
    for (let k = 1; k < list.length && same; k++) same = list[k].part.value?.value === first;
    // One message for all the repeats of the option; the reports stop where the rule's do.
    const text =
      ruleId === 'proxy-duplicate' ? message('option.proxyDuplicate', { name: opt.name })
      : same ? message('option.duplicateSame', { name: opt.name })
      : message('option.duplicate', { name: opt.name });
    for (let k = 1; k < list.length && !ctx.saturated(ruleId); k++) {
      if (ruleId === 'proxy-duplicate') ctx.report(ruleId, list[k].part.span, text);
      else ctx.report(ruleId, list[k].part.span, text, { node: 'error', data: same ? { remove: true, title: message('fix.removeRepeated', { name: opt.name }) } : undefined });
    }
  }
}
