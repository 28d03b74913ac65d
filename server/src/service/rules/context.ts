import { OptionIndex } from '../uri/options';
import { overlapsPlaceholder } from '../uri/placeholders';
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
  /** The language of the document the string is written in, when known (its driver may read more options). */
  languageId?: string;
  /** The document's URI, when known (a framework's configuration file says which driver reads it). */
  documentUri?: string;
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
  /**
   * True when a problem at `span` would be dropped after the check because it overlaps a template
   * placeholder of the string (`${PASSWORD}`): a rule may then skip working out its message and fix.
   * Always false for a check that keeps every problem.
   */
  hidden(span: Span): boolean;
}

/** The most problems one rule reports in one connection string. */
export const MAX_REPORTS_PER_RULE = 100;

/** The context of one check: its methods on the class, not closures made for every connection string. */
class CheckContext implements RuleContext {
  node?: NodeUri;
  serverPlatform?: ServerPlatform;
  languageId?: string;
  documentUri?: string;
  nodeShadowed?: RuleContext['nodeShadowed'];
  /** How many problems the rules have reported, all rules together. */
  private counted = 0;
  /**
   * How many problems each rule has reported: made only once the rules together have reported more
   * than one rule may (before that, no rule can be over its limit and each report was kept).
   */
  private reports: Map<string, number> | undefined;

  constructor(
    readonly uri: ParsedUri,
    readonly options: OptionIndex,
    readonly driver: DriverProfile,
    private readonly problems: Problem[],
    /** The placeholders of the string, when problems overlapping them are dropped after the check. */
    private readonly placeholders: (() => readonly Span[]) | undefined,
  ) {
    this.firstProblem = problems.length;
  }

  /** Where this check's problems start in `problems`. */
  private readonly firstProblem: number;

  report(ruleId: RuleId, span: Span, message: string, opts?: ReportOptions): void {
    let severity: Severity | 'none' = opts?.severity ?? rule(ruleId).severity;
    if (this.driver === 'node' && opts?.node !== undefined) severity = opts.node;
    if (severity === 'none') return;
    // A string of a million `@` is a million times the same finding: the first ones say it all.
    if (++this.counted > MAX_REPORTS_PER_RULE) {
      const reports = this.countsByRule();
      const count = (reports.get(ruleId) ?? 0) + 1;
      reports.set(ruleId, count);
      if (count > MAX_REPORTS_PER_RULE) return;
    }
    // One literal per shape: a problem is one record, built once.
    const data = opts?.data;
    this.problems.push(data ? { ruleId, span, message, severity, data } : { ruleId, span, message, severity });
  }

  saturated(ruleId: RuleId): boolean {
    return this.counted >= MAX_REPORTS_PER_RULE && (this.countsByRule().get(ruleId) ?? 0) >= MAX_REPORTS_PER_RULE;
  }

  /** The count of each rule: at the first need, from the problems kept so far (every report until then). */
  private countsByRule(): Map<string, number> {
    if (this.reports === undefined) {
      this.reports = new Map();
      for (let k = this.firstProblem; k < this.problems.length; k++) {
        const id = this.problems[k].ruleId;
        this.reports.set(id, (this.reports.get(id) ?? 0) + 1);
      }
    }
    return this.reports;
  }

  hasError(test: (p: Problem) => boolean): boolean {
    return this.problems.some((p) => p.severity === 'error' && test(p));
  }

  errorSpans(): Span[] {
    return this.problems.filter((p) => p.severity === 'error').map((p) => p.span);
  }

  hidden(span: Span): boolean {
    return this.placeholders !== undefined && overlapsPlaceholder(span, this.placeholders());
  }
}

export function createContext(
  uri: ParsedUri,
  options: OptionIndex,
  driver: DriverProfile,
  problems: Problem[],
  node?: NodeUri,
  placeholders?: () => readonly Span[],
): RuleContext {
  const ctx = new CheckContext(uri, options, driver, problems, placeholders);
  if (node) ctx.node = node;
  return ctx;
}

/** True when two spans share a character (or are the same empty position). */
export function overlaps(a: Span, b: Span): boolean {
  return a.start === b.start || (a.start < b.end && b.start < a.end);
}

export type Rule = (ctx: RuleContext) => void;
