/** Naming issues as problems of the core, with the severity of their rule unless the issue sets one. */
import { problemOf } from './ruleTable';
import { Problem } from '../api';
import { NameIssue } from './names';

export function issueToProblem(issue: NameIssue, offset = 0): Problem {
  const p = problemOf(issue.ruleId, { start: offset + issue.start, end: offset + issue.end }, issue.message);
  if (issue.severity) p.severity = issue.severity;
  return p;
}

export function issuesToProblems(issues: readonly NameIssue[], offset = 0): Problem[] {
  return issues.map((i) => issueToProblem(i, offset));
}
