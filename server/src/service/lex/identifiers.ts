/**
 * The character classes the scanners of source code share: "word" characters (`\w`) and the characters of
 * a JavaScript-like identifier. Character codes by name are in chars.ts.
 */
import { DOLLAR, UNDERSCORE, isAsciiLetter, isDigit } from './chars';

/** A character of `\w`: an ASCII letter, a digit or `_`. */
export function isWordChar(c: number): boolean {
  return isDigit(c) || isAsciiLetter(c) || c === UNDERSCORE;
}

/** First character of an identifier: an ASCII letter, `_`, `$`, or any character beyond ASCII. */
export function isIdentStart(c: number): boolean {
  return isAsciiLetter(c) || c === UNDERSCORE || c === DOLLAR || c > 0x7f;
}

/** A character of an identifier after the first: those that may start one, and digits. */
export function isIdentPart(c: number): boolean {
  return isIdentStart(c) || isDigit(c);
}
