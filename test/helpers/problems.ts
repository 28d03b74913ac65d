/** Analysis shortcuts for rule tests: problems as [ruleId, text under the problem, severity], hovers with a `|` cursor. */
import { analyzeDocument, defaultSettings, doHover, type Settings } from '../../server/src/service/languageService';
import { cursor } from './cursor';

export type Found = [ruleId: string, under: string, severity: string];

export function settingsWith(overrides: Partial<Settings>): Settings {
  return { ...defaultSettings, ...overrides };
}

/** Every problem of the document whose rule id is in `ruleIds` (all when omitted), in document order. */
export function problemsOf(text: string, languageId: string, options: { settings?: Settings; ruleIds?: readonly string[]; uri?: string } = {}): Found[] {
  const analysis = analyzeDocument({ uri: options.uri ?? 'file:///project/file', languageId, text }, options.settings ?? defaultSettings);
  return analysis.problems
    .filter((p) => !options.ruleIds || options.ruleIds.includes(p.ruleId))
    .map((p) => [p.ruleId, text.slice(p.span.start, p.span.end), p.severity]);
}

/** The hover at the `|` of a marked document, with the text it covers; null when there is none. */
export function hoverAt(marked: string, languageId: string, settings: Settings = defaultSettings): { contents: string; under: string } | null {
  const { text, offset } = cursor(marked);
  const doc = { uri: 'file:///project/file', languageId, text };
  const h = doHover(doc, analyzeDocument(doc, settings), offset);
  return h ? { contents: h.contents, under: text.slice(h.span.start, h.span.end) } : null;
}
