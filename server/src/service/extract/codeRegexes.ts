/**
 * Regular expression literals of JavaScript and Ruby, which the source scanner skips: where one ends,
 * and whether a `/` starts one or divides, judged by the character or word before it.
 */
import { isIdentPart } from '../lex/identifiers';
import { BACKSLASH, CARRIAGE_RETURN, LEFT_BRACKET, LINE_FEED, QUOTE, RIGHT_BRACKET, RIGHT_PAREN, SLASH } from '../lex/chars';

/** What precedes a `/` when it is a word (any value that is no character the checks compare with). */
export const WORD = -2;

/** Words after which a `/` starts a regular expression rather than a division. */
const REGEX_AFTER_WORDS = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await', 'if', 'unless', 'when', 'and', 'or', 'not']);

/**
 * True when a `/` after `before` (the character code before it, QUOTE after a literal, or WORD for
 * the word text[wordStart, wordEnd)) starts a regular expression.
 */
export function regexMayStart(text: string, before: number, wordStart: number, wordEnd: number): boolean {
  if (before === WORD) return REGEX_AFTER_WORDS.has(text.slice(wordStart, wordEnd));
  return before !== QUOTE && before !== RIGHT_PAREN && before !== RIGHT_BRACKET;
}

/** End of a regular expression literal starting at the `/` at i, or -1 when there is none on this line. */
export function regexEnd(text: string, i: number): number {
  let inClass = false;
  for (let k = i + 1; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === LINE_FEED || c === CARRIAGE_RETURN) return -1;
    if (c === BACKSLASH) k++;
    else if (c === LEFT_BRACKET) inClass = true;
    else if (c === RIGHT_BRACKET) inClass = false;
    else if (c === SLASH && !inClass) {
      k++;
      while (k < text.length && isIdentPart(text.charCodeAt(k))) k++;
      return k;
    }
  }
  return -1;
}
