/**
 * What only the Node.js driver (mongodb 7.x) rejects or reads differently, under `mongodbUri.driver: "node"`.
 * The other rule groups give the Node severity of what they share with the specification; this group adds
 * the rest: its URL layer and host parser, `;` and `+` in the query, keys repeated with another case,
 * Node-only option types, and its credential checks. It reports an error only when nothing reported so
 * far already covers the same text, so each rejection is said once.
 */
import { findOption } from '../data/uriOptions';
import { occurrencesOf, OPT } from '../uri/options';
import { Span } from '../api';
import { RuleContext } from './context';
import type { RuleId } from './ruleTable';
import { nodeCredential } from './nodeAuth';
import { convertForNode, resolveNodeOptions } from './nodeOptions';
import { NodeQueryItem, NodeRejection, NodeUri } from '../uri/nodeUri';
import { message } from '../data/l10n';

/**
 * The errors the other rule groups reported, sorted by start with the running maximum of their ends,
 * so that "does an error already cover this text?" costs a binary search rather than a scan.
 */
class ErrorSpans {
  private readonly starts: number[] = [];
  private readonly maxEnds: number[] = [];

  constructor(ctx: RuleContext) {
    const spans = ctx.errorSpans().sort((a, b) => a.start - b.start);
    let max = -1;
    for (const s of spans) {
      max = Math.max(max, s.end);
      this.starts.push(s.start);
      this.maxEnds.push(max);
    }
  }

  /** Index of the first start at or after `x`. */
  private lower(x: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The test of `overlaps` (context.ts) against every recorded error. */
  covers(span: Span): boolean {
    const at = this.lower(span.start);
    if (at < this.starts.length && this.starts[at] === span.start) return true;
    const before = this.lower(span.end); // errors that start before the span ends
    return before > 0 && this.maxEnds[before - 1] > span.start;
  }
}

function reportUnlessCovered(ctx: RuleContext, covered: ErrorSpans, ruleId: RuleId, r: NodeRejection): void {
  // Past the rule's cap a report is dropped: a list of many rejected hosts asks no more.
  // The span as a record of its own (a host's rejection has the host for its span).
  if (!ctx.saturated(ruleId) && !covered.covers(r.span)) ctx.report(ruleId, { start: r.span.start, end: r.span.end }, r.message, { node: 'error' });
}

/** The URL layer, each host and the path: what the driver's parsers throw on. */
function checkStructure(ctx: RuleContext, node: NodeUri, covered: ErrorSpans): void {
  if (node.rejection) reportUnlessCovered(ctx, covered, 'node-uri-rejected', node.rejection);
  for (const h of node.hosts) {
    if (h.rejection) reportUnlessCovered(ctx, covered, 'node-uri-rejected', h.rejection);
    const hash = h.raw.indexOf('#');
    if (!h.rejection && hash >= 0 && !node.srv) {
      ctx.report('node-option-ignored', { start: h.start + hash, end: h.end }, message('nodeDriver.hostFragment', { host: h.raw }), { node: 'warning' });
    }
  }
  if (node.path?.rejection) reportUnlessCovered(ctx, covered, 'node-uri-rejected', node.path.rejection);
  if (node.fragment && !node.rejection) {
    ctx.report('node-option-ignored', { start: node.fragment.start - 1, end: node.fragment.end }, message('nodeDriver.fragment'), { node: 'warning' });
  }
}

/** True when text[span] holds the character `code` (no copy of the item). */
function spanHas(text: string, span: Span, code: number): boolean {
  for (let i = span.start; i < span.end; i++) if (text.charCodeAt(i) === code) return true;
  return false;
}

/** How URLSearchParams reads the query: no `;` separator, `+` is a space, a key's first spelling wins. */
function checkQueryReading(ctx: RuleContext, node: NodeUri): void {
  const text = ctx.uri.text;
  // The items whose key repeats an earlier one with another case, found once by resolveNodeOptions.
  const shadowed = ctx.nodeShadowed ?? resolveNodeOptions(ctx.uri, node).shadowed;
  const firstSpelling = new Map<NodeQueryItem, string>();
  for (const s of shadowed) firstSpelling.set(s.item, s.first.key);
  for (const item of node.items) {
    const first = firstSpelling.size > 0 ? firstSpelling.get(item) : undefined;
    if (first !== undefined) {
      ctx.report('node-option-ignored', item.span, message('nodeDriver.shadowed', { key: item.key, first }), { node: 'warning' });
    }
    if (ctx.uri.semicolons.length > 0 && item.valueSpan && spanHas(text, item.span, 0x3b)) {
      ctx.report('node-option-ignored', item.span, message('nodeDriver.semicolon', { key: item.key }), { node: 'warning' });
    }
    if (spanHas(text, item.span, 0x2b)) {
      const opt = findOption(item.key);
      ctx.report('node-option-ignored', item.span, message('nodeDriver.plus', { option: opt ? opt.name : message('nodeDriver.thisOption') }), { node: 'warning' });
    }
  }
}

/**
 * Values of known keys that the specification accepts but the driver's conversion rejects. Unknown
 * keys, repeats and empty values are errors of the option rules already; a repeated key is judged once.
 */
function checkValues(ctx: RuleContext, node: NodeUri, covered: ErrorSpans): void {
  const hasUser = !!node.username && node.username.end > node.username.start;
  for (const [, list] of ctx.options.byName) {
    const r = list[0];
    const opt = r.option;
    const p = r.part;
    if (!opt || !opt.node.accepted || !p.value || r.empty || opt.name === 'authMechanism' || (list.length > 1 && !opt.repeatable)) continue;
    if (opt.name === 'auth' && hasUser) {
      ctx.report('node-option-ignored', p.span, message('nodeDriver.authOption'), { node: 'warning' });
      continue;
    }
    if (opt.name === 'dbName' && node.path?.dbName !== undefined) {
      ctx.report('node-option-ignored', p.span, message('nodeDriver.dbName'), { node: 'warning' });
    }
    const c = convertForNode(opt, p.value.value);
    if (!c.ok) reportUnlessCovered(ctx, covered, 'node-option-rejected', { span: p.value.span.end > p.value.span.start ? p.value.span : p.span, message: c.message });
    if (opt.node.deprecationWarning) {
      ctx.report('node-option-ignored', p.key.span, message('nodeDriver.warns', { warning: opt.node.deprecationWarning }), { node: 'warning' });
    }
  }
}

/** Option combinations only the driver checks. */
function checkCombinations(ctx: RuleContext, node: NodeUri, covered: ErrorSpans): void {
  const [suffix] = occurrencesOf(ctx.options, OPT.srvAllowedHostsSuffix);
  if (suffix && !node.srv) {
    reportUnlessCovered(ctx, covered, 'node-option-rejected', { span: suffix.part.span, message: message('nodeDriver.srvSuffix') });
  }
}

/** The first of the driver's credential checks that fails, unless the authentication rules said so already. */
function checkCredentials(ctx: RuleContext, covered: ErrorSpans): void {
  const [failure] = nodeCredential(ctx).failures;
  if (failure && !ctx.hasError((p) => p.ruleId.startsWith('auth-'))) reportUnlessCovered(ctx, covered, 'node-auth-rejected', failure);
}

export function checkNodeDriver(ctx: RuleContext): void {
  const node = ctx.node;
  if (ctx.driver !== 'node' || !node) return;
  const covered = new ErrorSpans(ctx);
  checkStructure(ctx, node, covered);
  if (node.rejection) return;
  checkQueryReading(ctx, node);
  checkValues(ctx, node, covered);
  checkCombinations(ctx, node, covered);
  checkCredentials(ctx, covered);
}
