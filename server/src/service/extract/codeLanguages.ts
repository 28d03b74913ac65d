/**
 * The programming languages the source scanner reads (see sourceStrings.ts): for each, its string
 * literals, its comments, whether it has regular expression literals and heredocs, and the characters
 * where one of those may start; and where a comment starting at a given offset ends.
 */
import { ContextRules } from './codeContext';
import { csharpLiterals, goLiterals, javaLiterals, jsLiterals, kotlinLiterals, LiteralSyntax, phpLiterals, pythonLiterals, rubyLiterals } from './codeLiterals';
import { lineEnd } from './decoded';
import { ASTERISK, EQUALS, HASH, LEFT_BRACKET, LINE_FEED, SLASH } from '../lex/chars';

export interface CodeLanguage extends ContextRules {
  literals: LiteralSyntax;
  /** `//` and `/* … *\/` comments. */
  slashComments?: boolean;
  /** `#` comments. */
  hashComments?: boolean;
  /** Regular expression literals (`/…/`). */
  regex?: boolean;
  /** Heredocs: `<<~ID` (Ruby) or `<<<ID` (PHP). */
  heredoc?: 'ruby' | 'php';
  /** Literals may start with letters just before the quote (Python `rb"…"`). */
  letterPrefixes?: boolean;
  /** Literals may start with `$` and `@` (C# `$@"…"`). */
  sigilPrefixes?: boolean;
  /** The characters where something may start: a literal, a comment, a regular expression, a heredoc. */
  stops: string[];
}

function language(o: Omit<CodeLanguage, 'stops'>): CodeLanguage {
  let chars = '"\'';
  if (o.literals === jsLiterals || o.literals === goLiterals) chars += '`';
  if (o.slashComments || o.regex) chars += '/';
  if (o.hashComments) chars += '#';
  if (o.heredoc) chars += '<';
  if (o.heredoc === 'ruby') chars += '='; // `=begin`
  if (o.sigilPrefixes) chars += '$@';
  return { ...o, stops: [...chars] };
}

const JS = language({ literals: jsLiterals, slashComments: true, regex: true });

const LANGUAGES: Record<string, CodeLanguage> = {
  javascript: JS,
  javascriptreact: JS,
  typescript: JS,
  typescriptreact: JS,
  python: language({ literals: pythonLiterals, hashComments: true, python: true, subscripts: true, letterPrefixes: true }),
  go: language({ literals: goLiterals, slashComments: true }),
  java: language({ literals: javaLiterals, slashComments: true }),
  kotlin: language({ literals: kotlinLiterals, slashComments: true }),
  csharp: language({ literals: csharpLiterals, slashComments: true, sigilPrefixes: true }),
  ruby: language({ literals: rubyLiterals, hashComments: true, regex: true, heredoc: 'ruby' }),
  php: language({ literals: phpLiterals, slashComments: true, hashComments: true, php: true, heredoc: 'php' }),
};

/** The language ids of JavaScript and TypeScript (with JSX), read as one language. */
export const JAVASCRIPT_LANGUAGES: ReadonlySet<string> = new Set(Object.keys(LANGUAGES).filter((id) => LANGUAGES[id] === JS));

/** The language of a VS Code language id, or undefined when the source scanner does not read it. */
export function codeLanguage(languageId: string): CodeLanguage | undefined {
  return LANGUAGES[languageId];
}

export function isSourceLanguage(languageId: string): boolean {
  return LANGUAGES[languageId] !== undefined;
}

/**
 * The end of the comment of `lang` that starts with `c` at i (`//`, `/* … *\/`, `#`, Ruby's `=begin`
 * … `=end` at the start of a line), or -1 when none starts there.
 */
export function commentEnd(text: string, i: number, c: number, lang: CodeLanguage): number {
  const d = text.charCodeAt(i + 1);
  if (c === SLASH && lang.slashComments && (d === SLASH || d === ASTERISK)) {
    if (d === SLASH) return lineEnd(text, i);
    const close = text.indexOf('*/', i + 2);
    return close < 0 ? text.length : close + 2;
  }
  if (c === HASH && lang.hashComments && !(lang.php && d === LEFT_BRACKET)) return lineEnd(text, i);
  if (c === EQUALS && lang.heredoc === 'ruby' && (i === 0 || text.charCodeAt(i - 1) === LINE_FEED) && text.startsWith('=begin', i)) {
    const close = text.indexOf('\n=end', i);
    return close < 0 ? text.length : lineEnd(text, close + 1);
  }
  return -1;
}
