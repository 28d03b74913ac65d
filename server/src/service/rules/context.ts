import { OptionIndex } from '../uri/options';
import { ParsedUri } from '../uri/types';
import { DriverProfile, FixData, Problem, Severity, Span } from '../types';
import { ruleInfo } from './ruleTable';

export interface ReportOptions {
  /** Severity under the specification profile, when it differs from the rule's default. */
  severity?: Severity;
  /** Severity under the Node.js driver profile; 'none' = no problem for that driver. */
  node?: Severity | 'none';
  data?: FixData;
}

export interface RuleContext {
  uri: ParsedUri;
  options: OptionIndex;
  driver: DriverProfile;
  report(ruleId: string, span: Span, message: string, opts?: ReportOptions): void;
}

export function createContext(uri: ParsedUri, options: OptionIndex, driver: DriverProfile, problems: Problem[]): RuleContext {
  return {
    uri,
    options,
    driver,
    report(ruleId, span, message, opts) {
      const info = ruleInfo(ruleId);
      if (!info) throw new Error(`Unknown rule id ${ruleId}`);
      let severity: Severity | 'none' = opts?.severity ?? info.severity;
      if (driver === 'node' && opts?.node !== undefined) severity = opts.node;
      if (severity === 'none') return;
      const p: Problem = { ruleId, span, message, severity };
      if (opts?.data) p.data = opts.data;
      problems.push(p);
    },
  };
}

export type Rule = (ctx: RuleContext) => void;
