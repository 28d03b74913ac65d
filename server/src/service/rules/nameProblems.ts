/** Naming issues as problems of the core, with the severity of their rule unless the issue sets one. */
import { ruleInfo } from './ruleTable';
import { Problem } from '../api';
import { NameIssue } from './names';

export function issueToProblem(issue: NameIssue, offset = 0): Problem {
  const severity = issue.severity ?? ruleInfo(issue.ruleId)?.severity ?? 'warning';
  return { ruleId: issue.ruleId, severity, span: { start: offset + issue.start, end: offset + issue.end }, message: issue.message };
}

export function issuesToProblems(issues: readonly NameIssue[], offset = 0): Problem[] {
  return issues.map((i) => issueToProblem(i, offset));
}
