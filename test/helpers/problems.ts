/**
 * The one problem helper of the tests: problems of a document or of a connection string, in a form that
 * reads well in an assertion, and hovers at a `|` cursor.
 *
 * - `problemsOf(text, languageId)`: every problem of a document as [ruleId, text under it, severity];
 * - `problems` / `loudProblems`: the same as [ruleId, text under it], without the placement rule
 *   (credentials-in-source), all or errors and warnings only: what the extraction tests compare;
 * - `uriProblems`, `expectOne`, `expectClean`: the problems of one connection string, for rule tests.
 */
import assert from 'node:assert/strict';
import { validateUri } from '../../server/src/service/rules/validation';
import { analyzeDocument, defaultSettings, doHover, type Settings } from '../../server/src/service/languageService';
import { cursor } from './cursor';

export type Found = [ruleId: string, under: string, severity: string];

export function settingsWith(overrides: Partial<Settings>): Settings {
  return { ...defaultSettings, ...overrides };
}

/**
 * The settings of a file whose project depends on the Node.js driver: the limits of driver calls are
 * checked in it whatever its text says (lex/mongoEvidence.ts). The tests of those checks analyse their
 * snippets so, that a snippet need not import the driver; test/unit/limits/mongoEvidence.test.ts tests what
 * else makes a file one that works with MongoDB.
 */
export const DRIVER_PROJECT: Settings = Object.freeze(settingsWith({ nodeProject: true }));

/** Every problem of the document whose rule id is in `ruleIds` (all when omitted), in document order. */
export function problemsOf(text: string, languageId: string, options: { settings?: Settings; ruleIds?: readonly string[]; uri?: string } = {}): Found[] {
  const analysis = analyzeDocument({ uri: options.uri ?? 'file:///project/file', languageId, text }, options.settings ?? defaultSettings);
  return analysis.problems
    .filter((p) => !options.ruleIds || options.ruleIds.includes(p.ruleId))
    .map((p) => [p.ruleId, text.slice(p.span.start, p.span.end), p.severity]);
}

/** Rules about where a connection string is kept rather than what it says; the extraction tests leave them out. */
const PLACEMENT_RULES = new Set(['credentials-in-source']);

/** Each problem of a document as [ruleId, the document text under it], placement rules left out. */
export function problems(text: string, languageId: string): Array<[string, string]> {
  return problemsOf(text, languageId, { uri: 'file:///test' })
    .filter(([id]) => !PLACEMENT_RULES.has(id))
    .map(([id, under]) => [id, under]);
}

/** The same, errors and warnings only. */
export function loudProblems(text: string, languageId: string): Array<[string, string]> {
  return problemsOf(text, languageId, { uri: 'file:///test' })
    .filter(([id, , severity]) => (severity === 'error' || severity === 'warning') && !PLACEMENT_RULES.has(id))
    .map(([id, under]) => [id, under]);
}

/** The hover at the `|` of a marked document, with the text it covers; null when there is none. */
export function hoverAt(marked: string, languageId: string, settings: Settings = defaultSettings): { contents: string; under: string } | null {
  const { text, offset } = cursor(marked);
  const doc = { uri: 'file:///project/file', languageId, text };
  const h = doHover(doc, analyzeDocument(doc, settings), offset);
  return h ? { contents: h.contents, under: text.slice(h.span.start, h.span.end) } : null;
}

export interface UriProblem {
  id: string;
  sev: string;
  /** The text of the connection string under the problem. */
  text: string;
  msg: string;
  data: Record<string, unknown> | undefined;
}

/** The problems of one connection string (the spec profile unless `settings` says otherwise). */
export function uriProblems(uri: string, settings: Settings = settingsWith({ driver: 'spec' })): UriProblem[] {
  return validateUri(uri, settings).map((p) => ({ id: p.ruleId, sev: p.severity, text: uri.slice(p.span.start, p.span.end), msg: p.message, data: p.data as Record<string, unknown> | undefined }));
}

/**
 * Asserts that the connection string has a problem of rule `id` with severity `sev`, optionally under
 * `text` and with a message matching `msg`; returns it.
 */
export function expectOne(uri: string, id: string, sev: string, text?: string, msg?: RegExp, settings?: Settings): UriProblem {
  const ps = uriProblems(uri, settings);
  const hit = ps.find((p) => p.id === id);
  assert.ok(hit, `${uri}: expected ${id}, got ${JSON.stringify(ps.map((p) => p.id))}`);
  assert.equal(hit.sev, sev, `${uri}: severity of ${id}`);
  if (text !== undefined) assert.equal(hit.text, text, `${uri}: span of ${id}`);
  if (msg) assert.match(hit.msg, msg);
  return hit;
}

/** Asserts that the connection string has no error and no warning. */
export function expectClean(uri: string, settings?: Settings): void {
  const ps = uriProblems(uri, settings).filter((p) => p.sev === 'error' || p.sev === 'warning');
  assert.deepEqual(ps, [], uri);
}

/** Asserts that the connection string has no error (warnings may remain: what a driver accepts); returns its problems. */
export function expectNoError(uri: string, settings?: Settings): UriProblem[] {
  const ps = uriProblems(uri, settings);
  assert.deepEqual(ps.filter((p) => p.sev === 'error'), [], uri);
  return ps;
}

/** Asserts that the connection string has no problem of rule `id`. */
export function expectNone(uri: string, id: string, settings?: Settings): void {
  const ps = uriProblems(uri, settings).filter((p) => p.id === id);
  assert.deepEqual(ps, [], `${uri}: no ${id}`);
}
