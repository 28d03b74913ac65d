/**
 * The one place where the core's problems meet the user's settings: a rule's severity override and
 * its documentation page are applied here, at the edge where problems become LSP diagnostics or CLI
 * records. The core reports every problem once, at its rule's default severity; nothing is copied
 * per problem to apply settings.
 */
import { effectiveSeverity, type DocumentProblem, type Severity, type Settings } from './service/languageService';
import { docsUrlOf } from './ruleLinks';

export interface Reported {
  problem: DocumentProblem;
  /** The severity the user's settings give the problem's rule. */
  severity: Severity;
  /** The page that explains the rule. */
  docs: string;
}

/** The problems as the settings report them, in order; those of rules turned off are left out. */
export function reportProblems(problems: Iterable<DocumentProblem>, settings: Pick<Settings, 'rules'>): Reported[] {
  const out: Reported[] = [];
  for (const problem of problems) {
    const severity = effectiveSeverity(problem.ruleId, problem.severity, settings.rules);
    if (severity !== 'off') out.push({ problem, severity, docs: docsUrlOf(problem) });
  }
  return out;
}
