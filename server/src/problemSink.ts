/**
 * The one place where the core's problems meet the user's settings: a rule's severity override and
 * its documentation page are applied here, at the edge where problems become LSP diagnostics or CLI
 * records. The core reports every problem once, at its rule's default severity; nothing is copied
 * per problem to apply settings. A cap on the number of problems reported per document
 * (`mongodbUri.maxProblems` in the language server; none unless given) is applied here too.
 */
import { message, reportedSeverity, type DocumentProblem, type Severity, type Settings } from './service/languageService';
import { docsUrlOf } from './ruleLinks';
import { repositoryUrl } from './version';

export interface Reported {
  problem: DocumentProblem;
  /** The severity the user's settings give the problem's rule. */
  severity: Severity;
  /** The page that explains the rule. */
  docs: string;
}

/** The code of the one diagnostic that says how many problems beyond the cap are not shown. */
export const TOO_MANY_PROBLEMS = 'too-many-problems';

/** What the sink reads of the settings: the rules' severities, and at most how many problems to report. */
export interface ReportSettings extends Pick<Settings, 'rules'> {
  /** No cap when absent. */
  maxProblems?: number;
}

/**
 * The problems as the settings report them, in order; those of rules turned off are left out. Beyond
 * `maxProblems`, the first `maxProblems` in document order, after one problem at the start of the
 * document that says how many more there are.
 */
export function reportProblems(problems: Iterable<DocumentProblem>, settings: ReportSettings): Reported[] {
  const out: Reported[] = [];
  for (const problem of problems) {
    const severity = reportedSeverity(problem, settings.rules);
    if (severity !== undefined) out.push({ problem, severity, docs: docsUrlOf(problem) });
  }
  const max = settings.maxProblems;
  if (max === undefined || out.length <= max) return out;
  // Stable: problems at the same place keep their order.
  const shown = out.sort((a, b) => a.problem.span.start - b.problem.span.start).slice(0, max);
  return [tooManyProblems(out.length - max, max), ...shown];
}

function tooManyProblems(hidden: number, max: number): Reported {
  const start = { start: 0, end: 0 };
  const text = message(hidden === 1 ? 'notice.moreProblem' : 'notice.moreProblems', { count: hidden, max });
  return {
    problem: { ruleId: TOO_MANY_PROBLEMS, severity: 'info', span: start, valueSpan: start, valueIndex: -1, message: text },
    severity: 'info',
    docs: `${repositoryUrl}#settings`,
  };
}
