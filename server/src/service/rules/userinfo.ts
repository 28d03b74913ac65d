import { DecodedPart } from '../uri/types';
import { FixData, Severity } from '../api';
import { MAX_REPORTS_PER_RULE, overlaps, RuleContext } from './context';
import { AMPERSAND, APOSTROPHE, ASTERISK, COMMA, DASH, DIGIT_0, DIGIT_9, DOLLAR, DOT, EQUALS, EXCLAMATION, LEFT_PAREN, LOWER_A, LOWER_F, LOWER_Z, PERCENT, PLUS, RIGHT_PAREN, SEMICOLON, SPACE, TILDE, UNDERSCORE, UPPER_A, UPPER_F, UPPER_Z } from '../lex/chars';
import { listAnd, message } from '../data/l10n';

/** RFC 3986 unreserved characters and sub-delimiters, which may stay unescaped in userinfo. */
function isAllowedSlow(c: number): boolean {
  return (
    (c >= UPPER_A && c <= UPPER_Z) ||
    (c >= LOWER_A && c <= LOWER_Z) ||
    (c >= DIGIT_0 && c <= DIGIT_9) ||
    c === DASH || c === DOT || c === UNDERSCORE || c === TILDE || // - . _ ~
    c === EXCLAMATION || c === DOLLAR || c === AMPERSAND || c === APOSTROPHE || c === LEFT_PAREN || c === RIGHT_PAREN || // ! $ & ' ( )
    c === ASTERISK || c === PLUS || c === COMMA || c === SEMICOLON || c === EQUALS // * + , ; =
  );
}

/** isAllowedSlow of the ASCII characters, as a table (no other character is allowed). */
const ALLOWED = Uint8Array.from({ length: 0x80 }, (_, c) => (isAllowedSlow(c) ? 1 : 0));

function isAllowed(c: number): boolean {
  return c < 0x80 && ALLOWED[c] === 1;
}

const RESERVED = '@:/?#[]';

function isHex(c: number): boolean {
  return (c >= DIGIT_0 && c <= DIGIT_9) || (c >= UPPER_A && c <= UPPER_F) || (c >= LOWER_A && c <= LOWER_F);
}

/** Upper-case hex digits, as character codes. */
const HEX_DIGITS = Array.from('0123456789ABCDEF', (d) => d.charCodeAt(0));
/** The encoded text is ASCII only, which latin1 decodes byte for byte. */
const ASCII = new TextDecoder('latin1');

/**
 * Percent-encodes what must be encoded in userinfo, keeping valid escapes and allowed characters
 * (a lone surrogate is encoded as U+FFFD). The text as it is when nothing needs encoding; otherwise
 * written into one growing buffer, character codes as bytes (the result is ASCII), and decoded once.
 */
export function encodeUserinfoPart(raw: string): string {
  let out: Uint8Array | undefined;
  let n = 0;
  const escape = (byte: number) => {
    out![n++] = 0x25;
    out![n++] = HEX_DIGITS[byte >> 4];
    out![n++] = HEX_DIGITS[byte & 15];
  };
  for (let i = 0; i < raw.length; i++) {
    // Room for the longest thing one step writes (a code point of four bytes, %XX each).
    if (out && n + 12 > out.length) {
      const bigger = new Uint8Array(2 * out.length);
      bigger.set(out);
      out = bigger;
    }
    const c = raw.charCodeAt(i);
    if (c === PERCENT && i + 2 < raw.length && isHex(raw.charCodeAt(i + 1)) && isHex(raw.charCodeAt(i + 2))) {
      if (out) {
        out[n++] = c;
        out[n++] = raw.charCodeAt(i + 1);
        out[n++] = raw.charCodeAt(i + 2);
      }
      i += 2;
      continue;
    }
    if (isAllowed(c)) {
      if (out) out[n++] = c;
      continue;
    }
    if (!out) {
      // The first character to encode: what came before it stays.
      out = new Uint8Array(2 * raw.length + 16);
      for (; n < i; n++) out[n] = raw.charCodeAt(n);
    }
    let cp = raw.codePointAt(i)!;
    if (cp < 0x80) escape(cp);
    else if (cp < 0x800) {
      escape(0xc0 | (cp >> 6));
      escape(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
      if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
      escape(0xe0 | (cp >> 12));
      escape(0x80 | ((cp >> 6) & 0x3f));
      escape(0x80 | (cp & 0x3f));
    } else {
      escape(0xf0 | (cp >> 18));
      escape(0x80 | ((cp >> 12) & 0x3f));
      escape(0x80 | ((cp >> 6) & 0x3f));
      escape(0x80 | (cp & 0x3f));
      i++;
    }
  }
  return out ? ASCII.decode(out.subarray(0, n)) : raw;
}

/** A character as a message names it: `a space`, `a double quote`, `"^"`. */
function describe(ch: string): string {
  if (ch === ' ') return message('char.space');
  if (ch === '\t') return message('char.tab');
  if (ch === '"') return message('char.doubleQuote');
  const c = ch.codePointAt(0)!;
  if (c < SPACE || (c >= 0x7f && c <= 0x9f)) return message('char.control', { code: c.toString(16).toUpperCase().padStart(4, '0') });
  return message('char.quoted', { char: ch });
}

/** How many characters a message names; the others are counted. */
const NAMED_CHARACTERS = 8;

/** `a space`, `"^" and "|"`, `"^", "|", a space, ... and 2 more characters`. */
function describeAll(chars: readonly string[]): string {
  const named = chars.slice(0, NAMED_CHARACTERS).map(describe);
  const more = chars.length - named.length;
  if (more > 0) return more === 1 ? message('char.listMore', { list: named.join(', '), count: more }) : message('char.listMorePlural', { list: named.join(', '), count: more });
  return listAnd(named);
}

/** Under the Node profile: an error when the driver's URL layer rejects this part of the credentials. */
function nodeSeverity(ctx: RuleContext, p: DecodedPart): Severity {
  const rejection = ctx.node?.rejection;
  return !ctx.node || (rejection && overlaps(rejection.span, p.span)) ? 'error' : 'warning';
}

/** True when a part holds only allowed characters and whole escapes (most do): nothing to report. */
function isClean(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (isAllowed(c)) continue;
    if (c === PERCENT && i + 2 < raw.length && isHex(raw.charCodeAt(i + 1)) && isHex(raw.charCodeAt(i + 2))) {
      i += 2;
      continue;
    }
    return false;
  }
  return true;
}

function checkPart(ctx: RuleContext, p: DecodedPart, part: 'username' | 'password'): void {
  if (isClean(p.raw)) return;
  const what = part === 'username' ? message('word.username') : message('word.password');
  const raw = p.raw;
  const node = nodeSeverity(ctx, p);
  const base = p.span.start;
  // The fix (the whole part percent-encoded) is worked out once there is something to fix.
  let fixData: FixData | undefined | null = null;
  const dataFor = (): FixData | undefined => {
    if (fixData === null) {
      const fix = encodeUserinfoPart(raw);
      fixData = fix !== raw ? { replacement: fix, replaceSpan: p.span, title: part === 'username' ? message('fix.encodeUsername') : message('fix.encodePassword') } : undefined;
    }
    return fixData;
  };
  // The characters to encode that are not reserved, each once: one warning for the whole part names them.
  let unencoded: Set<string> | undefined; // made at the first such character
  // Each rule reports at most MAX_REPORTS_PER_RULE problems per string: past three times that, stop looking.
  let findings = 0;
  for (let i = 0; i < raw.length && findings < 3 * MAX_REPORTS_PER_RULE; i++) {
    const c = raw.charCodeAt(i);
    if (c === PERCENT) {
      if (!(i + 2 < raw.length && isHex(raw.charCodeAt(i + 1)) && isHex(raw.charCodeAt(i + 2)))) {
        findings++;
        ctx.report(
          'userinfo-invalid-escape',
          { start: base + i, end: base + Math.min(i + 3, raw.length) },
          message('userinfo.badEscape', { part: what }),
          { node, data: dataFor() },
        );
      } else i += 2;
      continue;
    }
    if (isAllowed(c)) continue;
    const ch = String.fromCodePoint(raw.codePointAt(i)!);
    const width = ch.length;
    if (RESERVED.includes(ch)) {
      findings++;
      const enc = '%' + c.toString(16).toUpperCase().padStart(2, '0');
      const why =
        ch === '@' ? message('userinfo.why.at')
        : ch === ':' ? message('userinfo.why.colon')
        : ch === '/' ? message('userinfo.why.slash')
        : ch === '?' ? message('userinfo.why.question')
        : message('userinfo.why.reserved');
      ctx.report(
        'userinfo-unescaped',
        { start: base + i, end: base + i + 1 },
        message('userinfo.unescaped', { part: what, char: describe(ch), encoded: enc, why }),
        { node, data: dataFor() },
      );
    } else (unencoded ??= new Set()).add(ch);
    i += width - 1;
  }
  // Reported on the whole part: a placeholder in it (`${USER}`) hides it, then its message is not built.
  if (unencoded && !ctx.hidden(p.span)) {
    ctx.report('userinfo-unencoded', p.span, message('userinfo.unencoded', { part: what, chars: describeAll([...unencoded]) }), { data: dataFor() });
  }
}

/** Username and password must be percent-encoded (connection-string spec, "Userinfo"). */
export function checkUserinfo(ctx: RuleContext): void {
  const ui = ctx.uri.userinfo;
  if (!ui) return;
  checkPart(ctx, ui.username, 'username');
  if (ui.password) checkPart(ctx, ui.password, 'password');
}
