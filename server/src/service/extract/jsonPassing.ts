/**
 * Passing over JSON that holds nothing, for the scanner of json.ts. Where no property name of the open
 * containers holds "mongo", "collection" or "atlas" (NAMING_KEY_WORDS of keys.ts, any letter case), the
 * text up to the next of those words can report nothing:
 *
 * - no key path read there says more than `uri-if-mongo` (keys.ts: every other reading needs one of
 *   those words in the leaf, parent or grandparent key), and `uri-if-mongo` takes only a value that
 *   mentions "mongo";
 * - no string there mentions "mongo", unless an escape spells it: strings with a backslash are left to
 *   the scanner (`\u` may spell any letter in a value or a name; an invalid escape, dropped from a
 *   property name, joins the letters around it);
 * - no comment there mentions a connection string; comments are left to the scanner all the same (they
 *   may hold brackets and quotes).
 *
 * Such text is skimmed: brackets, commas and property names move the containers exactly as the scanner
 * moves them (a string ends at its closing quote or at a line break, there being no escape in it), and
 * values are not looked at.
 */
import { keyMayMatter, type KeyKind } from './keys';
import { NextMatch } from './triggers';
import { COMMA, LEFT_BRACE, LEFT_BRACKET, QUOTE, RIGHT_BRACE, RIGHT_BRACKET } from '../lex/chars';

/** An open container of the scanner. */
export interface Frame {
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

/** Opens an object (`isObject`) or an array as frames[depth] (frames past the depth are reused); returns the new depth. */
export function openFrame(frames: Frame[], depth: number, isObject: boolean): number {
  let f = frames[depth];
  if (f === undefined) {
    f = { isObject: false, expectKey: false, keyAt: -1, keyEnd: -1, key: undefined, kindKnown: false, kind: undefined };
    frames.push(f);
  }
  f.isObject = isObject;
  f.expectKey = isObject;
  f.keyAt = -1;
  f.key = undefined;
  f.kindKnown = false;
  f.kind = undefined;
  return depth + 1;
}

/** Makes the string token at `quote`, its text ending at `end` (no escape in it), the property name of the object frame `f`. */
function setKey(f: Frame, quote: number, end: number): void {
  f.keyAt = quote;
  f.keyEnd = end;
  f.key = undefined;
  f.kindKnown = false;
  f.expectKey = false;
}

/**
 * The next occurrence of a character at or after a position: one indexOf per occurrence for positions
 * asked about in increasing order (any order is answered right).
 */
export class NextChar {
  /** The first occurrence at or after `searched` (Infinity: none): the answer for every position in [searched, at]. */
  private at = -1;
  private searched = 0;
  constructor(
    private readonly text: string,
    private readonly ch: string,
  ) {}

  from(pos: number): number {
    if (this.at < pos || pos < this.searched) {
      const i = this.text.indexOf(this.ch, pos);
      this.at = i < 0 ? Infinity : i;
      this.searched = pos;
    }
    return this.at;
  }
}

/** The characters of the scanner: the string searches it shares with the passer. */
export interface JsonChars {
  readonly quotes: NextChar;
  readonly backslashes: NextChar;
  readonly lineFeeds: NextChar;
  readonly returns: NextChar;
  /** `\\u`: the only escape that can decode to a letter in a value. */
  readonly unicodeEscapes: NextMatch;
}

/** True when text[from, to) has an ASCII letter or digit. */
export function hasLetterOrDigit(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) | 0x20;
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) return true;
  }
  return false;
}

/** Characters that end a run of text between tokens: `{ } [ ] , " /`. */
export const STOP = new Uint8Array(128);
for (const ch of '{}[],"/') STOP[ch.charCodeAt(0)] = 1;

/** The words that can make a key path say more than `uri-if-mongo` (see the top of this file). */
const NAMING_WORDS = /mongo|collection|atlas/i;

/** Less text than this before the next naming word is read token by token. */
const MIN_SKIM = 64;

/** Where the stack holds a naming word, how far the scanner reads before passing is tried again. */
const RETRY = 1024;

export class JsonPasser {
  /** No pass is tried from a position before this. */
  nextTry = 0;
  /** The depth after the last pass. */
  depth = 0;
  private readonly words: NextMatch;

  /** `minSkim`: less text than this before the next naming word is read token by token (MIN_SKIM; tests skim any). */
  constructor(
    private readonly text: string,
    private readonly frames: Frame[],
    private readonly chars: JsonChars,
    private readonly minSkim = MIN_SKIM,
  ) {
    this.words = new NextMatch(text, new RegExp(NAMING_WORDS.source, 'gi'), true);
  }

  /**
   * Skims from the token boundary i (at most to the first token boundary at or after `end`) while
   * nothing can be reported; returns where the scanner goes on, and leaves the depth in `depth`.
   */
  pass(i: number, end: number, depth: number, keyOf: (f: Frame) => string | undefined): number {
    this.depth = depth;
    // The last character of the next naming word: a string that holds none ends before it.
    const t = this.words.from(i);
    if (t - i < this.minSkim) {
      this.nextTry = t + 1;
      return i;
    }
    if (!this.quietStack(depth, keyOf)) {
      this.nextTry = Math.min(t + 1, i + RETRY);
      return i;
    }
    const stop = t < end ? t : end;
    const at = this.skim(i, stop, t);
    // Where the skim stopped before its bound, the token there (a string with escapes, or crossing the
    // word; a `/`) is read by the scanner, then passing is tried again.
    this.nextTry = at >= t ? t + 1 : at >= end ? at : at + 1;
    return at;
  }

  /** True when no property name of the open containers holds a naming word. */
  private quietStack(depth: number, keyOf: (f: Frame) => string | undefined): boolean {
    for (let k = 0; k < depth; k++) {
      const f = this.frames[k];
      if (!f.isObject) continue;
      const key = keyOf(f);
      if (key !== undefined && NAMING_WORDS.test(key)) return false;
    }
    return true;
  }

  /** Moves the containers over the tokens that start before `stop`, as the scanner does; no string read here reaches t. */
  private skim(from: number, stop: number, t: number): number {
    const { text, frames, chars } = this;
    const len = text.length;
    let depth = this.depth;
    let top: Frame | undefined = depth > 0 ? frames[depth - 1] : undefined;
    let inObject = top !== undefined && top.isObject;
    let i = from;
    // The next line break and backslash after i, searched again only when i passes them.
    let lb = -1;
    let bs = -1;
    while (i < stop) {
      const c = text.charCodeAt(i);
      if (c >= 128 || STOP[c] === 0) {
        i++;
        continue;
      }
      if (c === QUOTE) {
        let q = text.indexOf('"', i + 1);
        if (q < 0) q = len;
        if (lb <= i) {
          const lf = chars.lineFeeds.from(i + 1);
          const cr = chars.returns.from(i + 1);
          lb = lf < cr ? lf : cr;
        }
        if (bs <= i) bs = chars.backslashes.from(i + 1);
        const isKey = inObject && top!.expectKey;
        let e: number;
        if (bs < q && bs < lb) {
          // Escapes: a property name, or a value that may go to the scanner's reporting, is left to it.
          if (isKey) break;
          e = this.escapedEnd(i);
          if (e > t || chars.unicodeEscapes.from(i + 1) < e || !this.quietValue(depth)) break;
        } else {
          e = q < lb ? q + 1 : lb < len ? lb : len;
          if (e > t) break;
        }
        if (isKey) setKey(top!, i, q < lb ? e - 1 : e);
        i = e;
        continue;
      }
      if (c === COMMA) {
        if (inObject) top!.expectKey = true;
      } else if (c === LEFT_BRACE || c === LEFT_BRACKET) {
        depth = openFrame(frames, depth, c === LEFT_BRACE);
        top = frames[depth - 1];
        inObject = c === LEFT_BRACE;
      } else if (c === RIGHT_BRACE || c === RIGHT_BRACKET) {
        if (top !== undefined && inObject === (c === RIGHT_BRACE)) {
          depth--;
          top = depth > 0 ? frames[depth - 1] : undefined;
          inObject = top !== undefined && top.isObject;
        }
      } else break; // a `/`: a comment, or not
      i++;
    }
    this.depth = depth;
    return i;
  }

  /** The end of the string token at `quote` that holds a backslash, as the scanner finds it. */
  private escapedEnd(quote: number): number {
    const chars = this.chars;
    let p = quote + 1;
    for (;;) {
      const q = chars.quotes.from(p);
      const b = chars.backslashes.from(p);
      const lf = chars.lineFeeds.from(p);
      const cr = chars.returns.from(p);
      const lb = lf < cr ? lf : cr;
      if (q < b && q < lb) return q + 1;
      if (lb < b || b === Infinity) return Math.min(lb, this.text.length);
      p = b + 2;
    }
  }

  /**
   * True when a value with escapes (none of them `\u`, no naming word) directly in frames[depth - 1]
   * is certainly passed over by the scanner: the innermost property name says nothing whatever the
   * names around it (keys.ts keyMayMatter), or there is none.
   */
  private quietValue(depth: number): boolean {
    const frames = this.frames;
    let k = depth - 1;
    while (k >= 0 && !(frames[k].isObject && (frames[k].keyAt >= 0 || frames[k].key !== undefined))) k--;
    if (k < 0) return true;
    const f = frames[k];
    return f.keyAt >= 0 && f.keyEnd >= 0 && depth - k <= 16 && hasLetterOrDigit(this.text, f.keyAt + 1, f.keyEnd) && !keyMayMatter(this.text, f.keyAt + 1, f.keyEnd);
  }
}
