/**
 * Character codes the scanners compare against, by name, and the one definition of the character
 * classes they share: ASCII digits and letters, "word" characters (`\w`) and the characters of a
 * JavaScript-like identifier.
 */

export const TAB = 0x09;
export const LF = 0x0a;
export const CR = 0x0d;
export const SPACE = 0x20;
export const DOUBLE_QUOTE = 0x22;
export const HASH = 0x23;
export const DOLLAR = 0x24;
export const SINGLE_QUOTE = 0x27;
export const OPEN_PAREN = 0x28;
export const CLOSE_PAREN = 0x29;
export const PLUS = 0x2b;
export const HYPHEN = 0x2d;
export const DOT = 0x2e;
export const SLASH = 0x2f;
export const QUESTION = 0x3f;
export const OPEN_BRACKET = 0x5b;
export const BACKSLASH = 0x5c;
export const CLOSE_BRACKET = 0x5d;
export const UNDERSCORE = 0x5f;
export const BACKTICK = 0x60;
export const OPEN_BRACE = 0x7b;
export const CLOSE_BRACE = 0x7d;

/** `0`–`9`. */
export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** `A`–`Z` or `a`–`z`. */
export function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

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
