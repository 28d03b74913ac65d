/**
 * Character codes (as `String.prototype.charCodeAt` gives them) by name, for scanners that compare
 * characters one at a time, and a few predicates over them.
 */

export const TAB = 0x09;
export const LINE_FEED = 0x0a;
export const CARRIAGE_RETURN = 0x0d;
export const SPACE = 0x20;
/** `!` */
export const EXCLAMATION = 0x21;
/** `"` */
export const QUOTE = 0x22;
/** `#` */
export const HASH = 0x23;
/** `$` */
export const DOLLAR = 0x24;
/** `%` */
export const PERCENT = 0x25;
/** `&` */
export const AMPERSAND = 0x26;
/** `'` */
export const APOSTROPHE = 0x27;
/** `*` */
export const ASTERISK = 0x2a;
/** `(` */
export const LEFT_PAREN = 0x28;
/** `)` */
export const RIGHT_PAREN = 0x29;
/** `+` */
export const PLUS = 0x2b;
/** `,` */
export const COMMA = 0x2c;
/** `-` */
export const DASH = 0x2d;
/** `.` */
export const DOT = 0x2e;
/** `/` */
export const SLASH = 0x2f;
export const DIGIT_0 = 0x30;
export const DIGIT_1 = 0x31;
export const DIGIT_9 = 0x39;
/** `:` */
export const COLON = 0x3a;
/** `<` */
export const LESS_THAN = 0x3c;
/** `=` */
export const EQUALS = 0x3d;
/** `>` */
export const GREATER_THAN = 0x3e;
/** `?` */
export const QUESTION = 0x3f;
/** `@` */
export const AT = 0x40;
export const UPPER_A = 0x41;
export const UPPER_Z = 0x5a;
/** `[` */
export const LEFT_BRACKET = 0x5b;
/** `\` */
export const BACKSLASH = 0x5c;
/** `]` */
export const RIGHT_BRACKET = 0x5d;
/** `_` */
export const UNDERSCORE = 0x5f;
/** `` ` `` */
export const BACKTICK = 0x60;
export const LOWER_A = 0x61;
export const LOWER_F = 0x66;
export const LOWER_N = 0x6e;
export const LOWER_O = 0x6f;
export const LOWER_T = 0x74;
export const LOWER_Y = 0x79;
export const LOWER_Z = 0x7a;
/** `{` */
export const LEFT_BRACE = 0x7b;
/** `|` */
export const PIPE = 0x7c;
/** `}` */
export const RIGHT_BRACE = 0x7d;
/** `~` */
export const TILDE = 0x7e;

export const VERTICAL_TAB = 0x0b;
export const FORM_FEED = 0x0c;
/** `;` */
export const SEMICOLON = 0x3b;
export const UPPER_F = 0x46;
export const UPPER_U = 0x55;
export const LOWER_B = 0x62;
export const LOWER_D = 0x64;
export const LOWER_E = 0x65;
export const LOWER_G = 0x67;
export const LOWER_M = 0x6d;
export const LOWER_R = 0x72;
export const LOWER_S = 0x73;
export const LOWER_U = 0x75;
export const LOWER_V = 0x76;
export const LOWER_X = 0x78;

export const LOWER_Q = 0x71;

/** The bit that sets an ASCII letter in lower case (`c | LOWER_CASE_BIT`). */
export const LOWER_CASE_BIT = 0x20;

/** `0` to `9`. */
export function isDigit(c: number): boolean {
  return c >= DIGIT_0 && c <= DIGIT_9;
}

/** An ASCII letter, either case. */
export function isAsciiLetter(c: number): boolean {
  return (c >= UPPER_A && c <= UPPER_Z) || (c >= LOWER_A && c <= LOWER_Z);
}

/** JavaScript's white space and line terminators: what `\s` matches, and what `Number.parseInt` skips. */
export function isJsWhitespace(c: number): boolean {
  return (
    c === TAB || c === LINE_FEED || c === VERTICAL_TAB || c === FORM_FEED || c === CARRIAGE_RETURN || c === SPACE || c === 0xa0 || c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}
