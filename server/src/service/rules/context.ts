import { OptionIndex } from '../uri/options';
import { ParsedUri } from '../uri/types';
import { DriverProfile, FixData, Problem, ServerPlatform, Severity, Span } from '../api';
import type { NodeQueryItem, NodeUri } from '../uri/nodeUri';
import { rule, type RuleId } from './ruleTable';

export interface ReportOptions {
  /** Severity under the specification profile, when it differs from the rule's default. */
  severity?: Severity;
  /** Severity under the Node.js driver profile; 'none' = no problem for that driver. */
  node?: Severity | 'none';
  data?: FixData;
}

export interface RuleContext {
  uri: ParsedUri;
  /** The options the selected driver reads (under the Node profile: as URLSearchParams splits the query). */
  options: OptionIndex;
  driver: DriverProfile;
  /** How the Node.js driver reads the string; present only under the Node profile. */
  node?: NodeUri;
  /**
   * Under the Node profile, when the driver's URL layer reads the string: the query items it never reads,
   * as their key repeats an earlier key with another case, each with that first item (resolveNodeOptions).
   */
  nodeShadowed?: readonly { item: NodeQueryItem; first: NodeQueryItem }[];
  /** The server platform database names must suit (`mongodbUri.serverPlatform`); `any` when not given. */
  serverPlatform?: ServerPlatform;
  report(ruleId: RuleId, span: Span, message: string, opts?: ReportOptions): void;
  /**
   * True when `ruleId` has reported as many problems as one rule may in one string: what it would report
   * next is dropped, so a loop can skip working out its message (a did-you-mean) or stop.
   */
  saturated(ruleId: RuleId): boolean;
  /** True when an error reported so far satisfies `test` (used to avoid saying the same thing twice). */
  hasError(test: (p: Problem) => boolean): boolean;
  /** The spans of the errors reported so far. */
  errorSpans(): Span[];
}

/** The most problems one rule reports in one connection string. */
export const MAX_REPORTS_PER_RULE = 100;

export function createContext(
  uri: ParsedUri,
  options: OptionIndex,
  driver: DriverProfile,
  problems: Problem[],
  node?: NodeUri,
): RuleContext {
  let reports: Map<string, number> | undefined;
  const ctx: RuleContext = {
    uri,
    options,
    driver,
    report(ruleId, span, message, opts) {
      let severity: Severity | 'none' = opts?.severity ?? rule(ruleId).severity;
      if (driver === 'node' && opts?.node !== undefined) severity = opts.node;
      if (severity === 'none') return;
      // A string of a million `@` is a million times the same finding: the first ones say it all.
      reports ??= new Map();
      const count = (reports.get(ruleId) ?? 0) + 1;
      reports.set(ruleId, count);
      if (count > MAX_REPORTS_PER_RULE) return;
      const p: Problem = { ruleId, span, message, severity };
      if (opts?.data) p.data = opts.data;
      problems.push(p);
    },
    saturated(ruleId) {
      return (reports?.get(ruleId) ?? 0) >= MAX_REPORTS_PER_RULE;
    },
    hasError(test) {
      return problems.some((p) => p.severity === 'error' && test(p));
    },
    errorSpans() {
      return problems.filter((p) => p.severity === 'error').map((p) => p.span);
    },
  };
  if (node) ctx.node = node;
  return ctx;
}

/** True when two spans share a character (or are the same empty position). */
export function overlaps(a: Span, b: Span): boolean {
  return a.start === b.start || (a.start < b.end && b.start < a.end);
}

export type Rule = (ctx: RuleContext) => void;
