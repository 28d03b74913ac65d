/**
 * JSON and JSON with comments: every string value with its key path (`ConnectionStrings` → `Mongo`),
 * decoded by hand so that each character keeps its document offset through `\u0040`, `\/`, `\"`.
 *
 * The scanner reads the document the way jsonc-parser's scanner does (the same string tokens, comments
 * and brackets, the same recovery from broken input: open strings, stray brackets, garbage), in one
 * linear pass that builds no string it does not need: string bodies are skipped with `indexOf`, a key
 * is sliced only when a value below it is looked at, and what the keys say is worked out once per
 * object property or array rather than once per string.
 */
import { EmbeddedValue } from '../api';
import { DecodedBuilder, DecodedText, hexValue, indexOfIn, verbatim } from './decoded';
import { emitString, MongoFinder } from './detect';
import { classifyKeys, KeyKind } from './keys';
import { findUriTokens } from './plainText';
import { ASTERISK, BACKSLASH, CARRIAGE_RETURN, DIGIT_0, DIGIT_9, LEFT_BRACE, LINE_FEED, LOWER_A, LOWER_F, LOWER_U, QUOTE, RIGHT_BRACE, SLASH, SPACE, UPPER_A, UPPER_F } from '../lex/chars';

const SIMPLE_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** Decodes the JSON string content text[from, to) (without quotes). */
export function decodeJsonString(text: string, from: number, to: number): DecodedText {
  const first = indexOfIn(text, 0x5c, from, to);
  if (first < 0) return verbatim(text, from, to);
  const b = new DecodedBuilder(text, from);
  let run = from;
  for (let i = first; i < to; ) {
    if (text.charCodeAt(i) !== BACKSLASH) {
      i++;
      continue;
    }
    b.raw(run, i);
    const e = text[i + 1];
    if (e === 'u') {
      const cp = hexValue(text, i + 2, 4);
      if (cp >= 0 && i + 6 <= to) {
        b.char(String.fromCharCode(cp), i);
        i += 6;
      } else {
        b.raw(i, i + 1);
        i += 1;
      }
    } else if (e !== undefined && i + 1 < to && SIMPLE_ESCAPES[e] !== undefined) {
      b.char(SIMPLE_ESCAPES[e], i);
      i += 2;
    } else {
      b.raw(i, Math.min(i + 2, to));
      i += 2;
    }
    run = Math.min(i, to);
  }
  b.raw(run, to);
  return b.finish(to);
}

/** Escapes a decoded string for the inside of a JSON string. */
export function encodeJsonString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    const c = s.charCodeAt(i);
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < SPACE) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += ch;
  }
  return out;
}

interface Frame {
  isObject: boolean;
  expectKey: boolean;
  /** Offset of the opening quote of the property being read (objects only), or -1. */
  keyAt: number;
  /** End of the property name's text when it has no escapes (it is a slice of the document), else -1. */
  keyEnd: number;
  /** The property name, once it has been read from the document. */
  key: string | undefined;
  /** True once `kind` holds what the keys say about a string directly in this frame. */
  kindKnown: boolean;
  kind: KeyKind | undefined;
}

/** Deeper keys than this are left out of key paths (only the last few decide what a value is). */
const MAX_PATH = 16;

/**
 * The value of the string token whose opening quote is at `quote`, as jsonc-parser decodes it: an
 * invalid escape or a `\u` without four hex digits is dropped, the string ends at an unescaped line break.
 */
export function jsoncStringValue(text: string, quote: number): string {
  const len = text.length;
  let result = '';
  let pos = quote + 1;
  let start = pos;
  for (;;) {
    if (pos >= len) return result + text.substring(start, pos);
    const ch = text.charCodeAt(pos);
    if (ch === QUOTE || ch === LINE_FEED || ch === CARRIAGE_RETURN) return result + text.substring(start, pos);
    if (ch !== BACKSLASH) {
      pos++;
      continue;
    }
    result += text.substring(start, pos);
    pos++;
    if (pos >= len) return result;
    const e = text.charCodeAt(pos++);
    if (e === LOWER_U /* u */) {
      let digits = 0;
      let cp = 0;
      while (digits < 4) {
        const d = hexDigit(text.charCodeAt(pos));
        if (d < 0) break;
        cp = cp * 16 + d;
        pos++;
        digits++;
      }
      if (digits === 4) result += String.fromCharCode(cp);
    } else {
      const simple = SIMPLE_ESCAPES[String.fromCharCode(e)];
      if (simple !== undefined) result += simple;
    }
    start = pos;
  }
}

function hexDigit(c: number): number {
  return c >= DIGIT_0 && c <= DIGIT_9 ? c - 0x30 : c >= UPPER_A && c <= UPPER_F ? c - 0x37 : c >= LOWER_A && c <= LOWER_F ? c - 0x57 : -1;
}

/** The property name of an object frame, read from the document the first time it is asked for. */
function frameKey(text: string, f: Frame): string | undefined {
  if (f.key === undefined && f.keyAt >= 0) f.key = f.keyEnd >= 0 ? text.slice(f.keyAt + 1, f.keyEnd) : jsoncStringValue(text, f.keyAt);
  return f.key;
}

/** Key path of a value in frames[0, depth): the property names of the enclosing objects, root first (the innermost few). */
function keyPath(text: string, frames: readonly Frame[], depth: number): string[] {
  const path: string[] = [];
  for (let k = depth - 1; k >= 0 && path.length < MAX_PATH && depth - k <= 4 * MAX_PATH; k--) {
    const f = frames[k];
    if (f.isObject && f.keyAt >= 0) path.push(frameKey(text, f) as string);
  }
  return path.reverse();
}

/** What the three innermost keys say about a string directly in frames[depth - 1]; kept on the frame. */
function frameKind(text: string, frames: readonly Frame[], depth: number): KeyKind | undefined {
  const top = frames[depth - 1];
  if (top.kindKnown) return top.kind;
  let leaf: string | undefined;
  let parent: string | undefined;
  let grandparent: string | undefined;
  for (let k = depth - 1; k >= 0 && grandparent === undefined && depth - k <= 4 * MAX_PATH; k--) {
    const f = frames[k];
    if (!f.isObject || f.keyAt < 0) continue;
    const key = frameKey(text, f);
    if (leaf === undefined) leaf = key;
    else if (parent === undefined) parent = key;
    else grandparent = key;
  }
  top.kind = leaf === undefined ? undefined : classifyKeys(leaf, parent, grandparent);
  top.kindKnown = true;
  return top.kind;
}

/** Characters that end a run of text between tokens: `{ } [ ] , " /`. */
const STOP = new Uint8Array(128);
for (const ch of '{}[],"/') STOP[ch.charCodeAt(0)] = 1;

/**
 * The next occurrence of a character at or after a position, for positions asked about in increasing
 * order: one indexOf per occurrence in the whole text.
 */
class NextChar {
  private at = -1;
  constructor(private readonly text: string, private readonly ch: string) {}

  from(pos: number): number {
    if (this.at < pos) {
      const i = this.text.indexOf(this.ch, pos);
      this.at = i < 0 ? Infinity : i;
    }
    return this.at;
  }
}

/**
 * The values worth checking in a JSON or JSONC document, in document order. With `topKeys`, only the
 * strings inside those members of the top-level object are read (the sections of a manifest where a
 * connection string can stand), and comments are not.
 */
export function extractJson(text: string, topKeys?: ReadonlySet<string>): EmbeddedValue[] {
  const out: EmbeddedValue[] = [];
  const len = text.length;
  const frames: Frame[] = [];
  let depth = 0;
  const quotes = new NextChar(text, '"');
  const backslashes = new NextChar(text, '\\');
  const lineFeeds = new NextChar(text, '\n');
  const returns = new NextChar(text, '\r');
  const mongo = new MongoFinder(text);
  const path = () => keyPath(text, frames, depth);
  let i = 0;
  while (i < len) {
    const c = text.charCodeAt(i);
    if (c >= 128 || STOP[c] === 0) {
      i++;
      continue;
    }
    const top = depth > 0 ? frames[depth - 1] : undefined;
    switch (c) {
      case 0x7b /* { */:
      case 0x5b /* [ */: {
        let f = frames[depth];
        if (f === undefined) {
          f = { isObject: false, expectKey: false, keyAt: -1, keyEnd: -1, key: undefined, kindKnown: false, kind: undefined };
          frames.push(f);
        }
        f.isObject = c === LEFT_BRACE;
        f.expectKey = f.isObject;
        f.keyAt = -1;
        f.key = undefined;
        f.kindKnown = false;
        f.kind = undefined;
        depth++;
        i++;
        break;
      }
      case 0x7d /* } */:
      case 0x5d /* ] */:
        if (top && top.isObject === (c === RIGHT_BRACE)) depth--;
        i++;
        break;
      case 0x2c /* , */:
        if (top?.isObject) top.expectKey = true;
        i++;
        break;
      case 0x22 /* " */: {
        // The token ends after the closing quote, before an unescaped line break, or at the end; an
        // escaped character is skipped whatever it is (a quote, a line break).
        const offset = i;
        let plain = true;
        let end: number;
        let p = i + 1;
        for (;;) {
          const q = quotes.from(p);
          const b = backslashes.from(p);
          const lb = Math.min(lineFeeds.from(p), returns.from(p));
          if (q < b && q < lb) {
            end = q + 1;
            break;
          }
          if (lb < b || b === Infinity) {
            end = Math.min(lb, len);
            break;
          }
          plain = false;
          p = b + 2;
        }
        i = end;
        // An open string that happens to end in an escaped quote counts as closed (jsonc-parser's token
        // length cannot tell them apart).
        const closed = text.charCodeAt(end - 1) === QUOTE && end - offset >= 2;
        const from = offset + 1;
        const to = closed ? end - 1 : end;
        if (top?.isObject && top.expectKey) {
          top.keyAt = offset;
          top.keyEnd = plain ? to : -1;
          top.key = undefined;
          top.kindKnown = false;
          top.expectKey = false;
          break;
        }
        if (topKeys && (depth < 1 || !frames[0].isObject || !topKeys.has(frameKey(text, frames[0]) ?? ''))) break;
        const keyKind = depth > 0 ? frameKind(text, frames, depth) : undefined;
        // Without a key that says what it is, only a value that mentions "mongo" is looked at; a generic
        // URL key (`url`) takes only a value that starts with "mongo", so one without it is passed over
        // as well. A value with escapes may spell "mongo" with them (`\u006dongodb://`): it is decoded first.
        if ((keyKind === undefined || keyKind === 'uri-if-mongo') && plain && !mongo.within(from, to)) break;
        emitString(out, decodeJsonString(text, from, to), 'json', { keyKind: keyKind ?? null, path });
        break;
      }
      case 0x2f /* / */: {
        const next = text.charCodeAt(i + 1);
        let end: number;
        if (next === SLASH) {
          end = Math.min(lineFeeds.from(i + 2), returns.from(i + 2), len);
        } else if (next === ASTERISK) {
          const close = text.indexOf('*/', i + 2);
          end = close >= 0 ? close + 2 : len;
        } else {
          i++;
          break;
        }
        if (!topKeys) for (const [a, b] of findUriTokens(text, i, end)) out.push({ kind: 'uri', text: text.slice(a, b), start: a, syntax: 'raw', comment: true });
        i = end;
        break;
      }
    }
  }
  return out;
}
