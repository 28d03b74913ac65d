import type { Problem } from './service/api';

/** Where a problem without a page of its own is explained. */
export const DEFAULT_DOCS_URL = 'https://www.mongodb.com/docs/manual/reference/connection-string/';

/** The documentation page of a problem: the one the core names (`data.docs`), else the connection-string reference. */
export function docsUrlOf(problem: Problem): string {
  const docs = problem.data?.docs;
  return typeof docs === 'string' && docs.length > 0 ? docs : DEFAULT_DOCS_URL;
}
