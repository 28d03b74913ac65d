/**
 * One token stream per document: the SourceCode the whole-document analyzers share. The tokens are made
 * by the lexer of lex/codeScanner.ts in the document's dialect, once, when an analyzer first asks.
 * The words the analyzers' quick tests need (WordGate) are searched for once per document, in one pass.
 */
import type { FileAccess, SourceCode, TokenList } from '../api';
import { type Dialect, scanTokens } from './codeScanner';
import { pairBrackets } from './codeValues';
import { worksWithMongoDB } from './mongoEvidence';

/** The dialect the lexer reads a language in. */
export function dialectOf(languageId: string): Dialect {
  if (languageId === 'python') return 'python';
  if (languageId === 'terraform' || languageId === 'hcl') return 'hcl';
  return 'js';
}

/**
 * `driverProject`: the document's project uses MongoDB (Settings.nodeProject or pythonProject: its
 * package.json or Python manifest names a driver).
 */
export function sourceCode(text: string, languageId: string, uri = '', files?: FileAccess, driverProject = false): SourceCode {
  let list: TokenList | undefined;
  let mongo: boolean | undefined;
  return {
    uri,
    text,
    languageId,
    tokens: () => (list ??= pairBrackets(scanTokens(text, { dialect: dialectOf(languageId) }))),
    worksWithMongoDB: () => (mongo ??= worksWithMongoDB(text, languageId, driverProject)),
    ...(files ? { files } : {}),
  };
}

/**
 * Words an analyzer needs in a document before it reads it: the analyzer registers them once (at load)
 * and asks `present(code)` instead of searching the text itself. Every gate registered for a language is
 * searched for in one pass of the document (one regular expression with all their words, run once per
 * SourceCode), so that a document in which none occurs costs one search instead of one per analyzer.
 * The words are plain text (case-sensitive, anywhere: in code, strings, comments, inside identifiers).
 */
export interface WordGate {
  /** True when one of the gate's words occurs in the code's text (always true with the gates off). */
  present(code: SourceCode): boolean;
}

interface Registered {
  words: readonly string[];
  languages: (languageId: string) => boolean;
}

const GATES: Registered[] = [];
/** The words of every gate per language id, for the current GATES. */
let wordsByLanguage = new Map<string, readonly string[]>();
/** Which words each SourceCode holds (of its language's words, as of `gates` registered gates). */
const FOUND = new WeakMap<SourceCode, { gates: number; found: ReadonlySet<string> }>();
let gatesOn = true;

export function wordGate(words: readonly string[], languages: (languageId: string) => boolean): WordGate {
  const gate: Registered = { words: [...words], languages };
  GATES.push(gate);
  wordsByLanguage = new Map();
  return {
    present(code) {
      if (!gatesOn) return true;
      const found = wordsFound(code);
      return gate.words.some((w) => found.has(w));
    },
  };
}

/** Gates off: every `present` says true, so that a test can compare an analyzer with and without them. */
export function useWordGates(on: boolean): void {
  gatesOn = on;
}

function escapeRegExp(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The words of the code's language that occur in its text. One global search for all of them; when one
 * is found, the search goes on without the words found, from where that one starts (a word the
 * alternation did not take there may start at the same place). The search stops when all are found.
 */
function wordsFound(code: SourceCode): ReadonlySet<string> {
  const cached = FOUND.get(code);
  if (cached && cached.gates === GATES.length) return cached.found;
  let words = wordsByLanguage.get(code.languageId);
  if (!words) {
    const all = new Set<string>();
    for (const g of GATES) if (g.languages(code.languageId)) for (const w of g.words) all.add(w);
    // Longest first, so that a word is not hidden by a shorter one at the same place (found again anyway).
    words = [...all].sort((a, b) => b.length - a.length);
    wordsByLanguage.set(code.languageId, words);
  }
  const found = new Set<string>();
  const text = code.text;
  let from = 0;
  let rest = words;
  while (rest.length > 0) {
    const re = new RegExp(rest.map(escapeRegExp).join('|'), 'g');
    re.lastIndex = from;
    const m = re.exec(text);
    if (!m) break;
    found.add(m[0]);
    from = m.index;
    rest = rest.filter((w) => w !== m[0]);
  }
  FOUND.set(code, { gates: GATES.length, found });
  return found;
}
