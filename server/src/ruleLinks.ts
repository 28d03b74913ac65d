import type { Problem } from './service/api';
import { ruleInfo } from './service/languageService';

/** Where a problem without a page of its own is explained. */
export const DEFAULT_DOCS_URL = 'https://www.mongodb.com/docs/manual/reference/connection-string/';

/**
 * The documentation page of a problem, applied at the edge where problems become diagnostics or CLI
 * records: the page its rule links to, else the connection-string reference.
 */
export function docsUrlOf(problem: Pick<Problem, 'ruleId'>): string {
  return ruleInfo(problem.ruleId)?.docs ?? DEFAULT_DOCS_URL;
}
