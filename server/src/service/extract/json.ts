/**
 * JSON and JSON with comments: every string value with its key path (`ConnectionStrings` → `Mongo`),
 * decoded by hand so that each character keeps its document offset through `\u0040`, `\/`, `\"`.
 *
 * The scanner reads the document the way jsonc-parser's scanner does (the same string tokens, comments
 * and brackets, the same recovery from broken input: open strings, stray brackets, garbage), in one
 * linear pass that builds no string it does not need: string bodies are skipped with `indexOf`, a key
 * is sliced only when a value below it is looked at, and what the keys say is worked out once per
 * object property or array rather than once per string. Stretches that can report nothing (no
 * "mongo", "collection" or "atlas" in them or in the names of the open containers) are skimmed by
 * jsonPassing.ts, which moves the containers without looking at values.
 */
import { EmbeddedValue } from '../api';
import { emitString, MongoFinder } from './detect';
import { classifyKeys, KeyKind, keyMayMatter } from './keys';
import { NextMatch } from './triggers';
import { Frame, hasLetterOrDigit, JsonPasser, NextChar, openFrame, STOP } from './jsonPassing';
import { findUriTokens } from './plainText';
import { decodeJsonString, jsoncStringValue } from './jsonStrings';
import { ASTERISK, LEFT_BRACE, QUOTE, RIGHT_BRACE, SLASH } from '../lex/chars';

/** JSON's string decoding, also where JSON's extraction is (the extractor fuzz tests import it from here). */
export { decodeJsonString } from './jsonStrings';

/** An open container as a statement of jsonSteps leaves it: its kind, whether a key comes next, its property name. */
interface FrameState {
  readonly isObject: boolean;
  readonly expectKey: boolean;
  readonly key: string | undefined;
}

export type JsonState = readonly FrameState[];

/** Deeper keys than this are left out of key paths (only the last few decide what a value is). */
const MAX_PATH = 16;

/** The property name of an object frame, read from the document the first time it is asked for. */
function frameKey(text: string, f: Frame): string | undefined {
  if (f.key === undefined && f.keyAt >= 0) f.key = f.keyEnd >= 0 ? text.slice(f.keyAt + 1, f.keyEnd) : jsoncStringValue(text, f.keyAt);
  return f.key;
}

/** True when an object frame has a property name (read, or still to be read from the document). */
function hasKey(f: Frame): boolean {
  return f.keyAt >= 0 || f.key !== undefined;
}

/** Key path of a value in frames[0, depth): the property names of the enclosing objects, root first (the innermost few). */
function keyPath(text: string, frames: readonly Frame[], depth: number): string[] {
  const path: string[] = [];
  for (let k = depth - 1; k >= 0 && path.length < MAX_PATH && depth - k <= 4 * MAX_PATH; k--) {
    const f = frames[k];
    if (f.isObject && hasKey(f)) path.push(frameKey(text, f) as string);
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
    if (!f.isObject || !hasKey(f)) continue;
    const key = frameKey(text, f);
    if (leaf === undefined) leaf = key;
    else if (parent === undefined) parent = key;
    else grandparent = key;
  }
  top.kind = leaf === undefined ? undefined : classifyKeys(leaf, parent, grandparent);
  top.kindKnown = true;
  return top.kind;
}

/** Reads a JSON or JSONC document token by token: brackets, commas, strings and comments. */
export class JsonScanner {
  out: EmbeddedValue[] = [];
  /** The containers open at the current token: frames[0 .. depth), innermost last; frames past depth are kept for reuse. */
  private readonly frames: Frame[] = [];
  private depth = 0;
  readonly quotes: NextChar;
  readonly backslashes: NextChar;
  readonly lineFeeds: NextChar;
  readonly returns: NextChar;
  private readonly mongo: MongoFinder;
  /** `\u`: the only escape that can decode to a letter (so spell "mongo" where the source does not). */
  readonly unicodeEscapes: NextMatch;
  /** The key path of the value being reported, built when asked for. */
  private readonly path = (): string[] => keyPath(this.text, this.frames, this.depth);
  /** True when the last string token measured by stringEnd has no backslash. */
  private plain = true;
  /** Passes over text that can report nothing (undefined: every token is read). */
  private readonly passer: JsonPasser | undefined;
  private readonly keyOf = (f: Frame): string | undefined => (hasKey(f) ? frameKey(this.text, f) : undefined);

  constructor(
    private readonly text: string,
    private readonly topKeys: ReadonlySet<string> | undefined,
    /** False: every token is read, every value classified, and every value with escapes decoded (the reference of the shortcuts). */
    private readonly passing = true,
    /** Less text than this before a word that may matter is read token by token (undefined: jsonPassing.ts decides; tests skim any). */
    minSkim?: number,
  ) {
    this.quotes = new NextChar(text, '"');
    this.backslashes = new NextChar(text, '\\');
    this.lineFeeds = new NextChar(text, '\n');
    this.returns = new NextChar(text, '\r');
    this.mongo = new MongoFinder(text);
    this.unicodeEscapes = new NextMatch(text, '\\u');
    this.passer = passing ? new JsonPasser(text, this.frames, this, minSkim) : undefined;
  }

  run(): EmbeddedValue[] {
    this.runFrom(0, this.text.length);
    return this.out;
  }

  /**
   * Reads tokens from `from` until the first token boundary at or after `limit` (or the end of the
   * text); returns that boundary.
   */
  runFrom(from: number, limit: number): number {
    const text = this.text;
    const len = text.length;
    let i = from;
    const end = limit < len ? limit : len;
    const passer = this.passer;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (c >= 128 || STOP[c] === 0) {
        i++;
        continue;
      }
      if (passer !== undefined && i >= passer.nextTry) {
        i = passer.pass(i, end, this.depth, this.keyOf);
        this.depth = passer.depth;
        continue;
      }
      const top = this.depth > 0 ? this.frames[this.depth - 1] : undefined;
      switch (c) {
        case 0x7b /* { */:
        case 0x5b /* [ */:
          this.open(c === LEFT_BRACE);
          i++;
          break;
        case 0x7d /* } */:
        case 0x5d /* ] */:
          if (top && top.isObject === (c === RIGHT_BRACE)) this.depth--;
          i++;
          break;
        case 0x2c /* , */:
          if (top?.isObject) top.expectKey = true;
          i++;
          break;
        case 0x22 /* " */:
          i = this.string(i, top);
          break;
        case 0x2f /* / */:
          i = this.comment(i);
          break;
      }
    }
    return Math.min(i, len);
  }

  /** The containers open now, with their property names read: what reading on from here depends on. */
  state(): JsonState {
    const frames: FrameState[] = [];
    for (let k = 0; k < this.depth; k++) {
      const f = this.frames[k]!;
      frames.push({ isObject: f.isObject, expectKey: f.expectKey, key: f.isObject && hasKey(f) ? frameKey(this.text, f) : undefined });
    }
    return frames;
  }

  /** Continues in `state` (as state() gave it, for this text or an earlier version of it). */
  restore(state: JsonState): void {
    this.depth = 0;
    for (const f of state) {
      this.open(f.isObject);
      const top = this.frames[this.depth - 1]!;
      top.expectKey = f.expectKey;
      top.key = f.key;
      top.keyAt = -1;
      top.keyEnd = -1;
    }
  }

  /** Opens an object (`isObject`) or an array inside the current container. */
  private open(isObject: boolean): void {
    this.depth = openFrame(this.frames, this.depth, isObject);
  }

  /**
   * The end of the string token whose opening quote is at `quote`: after the closing quote, before an
   * unescaped line break, or at the end; an escaped character is skipped whatever it is (a quote, a
   * line break). Sets `plain`.
   */
  private stringEnd(quote: number): number {
    let p = quote + 1;
    this.plain = true;
    for (;;) {
      const q = this.quotes.from(p);
      const b = this.backslashes.from(p);
      const lb = Math.min(this.lineFeeds.from(p), this.returns.from(p));
      if (q < b && q < lb) return q + 1;
      if (lb < b || b === Infinity) return Math.min(lb, this.text.length);
      this.plain = false;
      p = b + 2;
    }
  }

  /** Reads the string token at `offset` in the container `top`: a property name, or a value. Returns its end. */
  private string(offset: number, top: Frame | undefined): number {
    const end = this.stringEnd(offset);
    const plain = this.plain;
    // An open string that happens to end in an escaped quote counts as closed (jsonc-parser's token
    // length cannot tell them apart).
    const closed = this.text.charCodeAt(end - 1) === QUOTE && end - offset >= 2;
    const to = closed ? end - 1 : end;
    if (top?.isObject && top.expectKey) {
      top.keyAt = offset;
      top.keyEnd = plain ? to : -1;
      top.key = undefined;
      top.kindKnown = false;
      top.expectKey = false;
    } else {
      this.value(offset + 1, to, plain);
    }
    return end;
  }

  /** A string value, the text [from, to) (`plain`: without escapes): reported when it may be worth it. */
  private value(from: number, to: number, plain: boolean): void {
    const { text, frames, depth, topKeys } = this;
    if (topKeys && (depth < 1 || !frames[0].isObject || !topKeys.has(frameKey(text, frames[0]) ?? ''))) return;
    // Only `\u` escapes decode to letters: without "mongo" in the source and without `\u`, the decoded
    // value does not mention "mongo" either.
    const silent = !this.mongo.within(from, to) && (plain || (this.passing && this.unicodeEscapes.from(from) + 2 > to));
    if (silent && this.passing && depth > 0 && !frames[depth - 1].kindKnown) {
      // Most values: under a property name (the innermost, as frameKind finds it) that says nothing
      // whatever the names around it (keyMayMatter), found without slicing or classifying any name.
      let k = depth - 1;
      while (k >= 0 && depth - k <= 4 * MAX_PATH && !(frames[k].isObject && hasKey(frames[k]))) k--;
      if (k < 0 || depth - k > 4 * MAX_PATH) return;
      const f = frames[k];
      if (f.keyAt >= 0 && f.keyEnd >= 0 && f.key === undefined && hasLetterOrDigit(text, f.keyAt + 1, f.keyEnd) && !keyMayMatter(text, f.keyAt + 1, f.keyEnd)) return;
    }
    const keyKind = depth > 0 ? frameKind(text, frames, depth) : undefined;
    // Without a key that says what it is, only a value that mentions "mongo" is looked at; a generic
    // URL key (`url`) takes only a value that starts with "mongo", so one without it is passed over
    // as well. A value with escapes may spell "mongo" with them (`\u006dongodb://`): it is decoded first.
    if (silent && (keyKind === undefined || (keyKind === 'uri-if-mongo' && plain))) return;
    emitString(this.out, decodeJsonString(text, from, to), 'json', { keyKind: keyKind ?? null, path: this.path });
  }

  /** Reads the comment at the `/` at i (connection strings in it are reported unless only topKeys are read); returns its end. */
  private comment(i: number): number {
    const text = this.text;
    const next = text.charCodeAt(i + 1);
    let end: number;
    if (next === SLASH) {
      end = Math.min(this.lineFeeds.from(i + 2), this.returns.from(i + 2), text.length);
    } else if (next === ASTERISK) {
      const close = text.indexOf('*/', i + 2);
      end = close >= 0 ? close + 2 : text.length;
    } else {
      return i + 1;
    }
    if (!this.topKeys) for (const [a, b] of findUriTokens(text, i, end)) this.out.push({ kind: 'uri', text: text.slice(a, b), start: a, syntax: 'raw', comment: true });
    return end;
  }
}

/**
 * The values worth checking in a JSON or JSONC document, in document order. With `topKeys`, only the
 * strings inside those members of the top-level object are read (the sections of a manifest where a
 * connection string can stand), and comments are not.
 */
export function extractJson(text: string, topKeys?: ReadonlySet<string>): EmbeddedValue[] {
  return new JsonScanner(text, topKeys).run();
}

/** extractJson without passing over values early: every one is classified, every one with escapes decoded (for tests). */
export function extractJsonReadingEverything(text: string, topKeys?: ReadonlySet<string>): EmbeddedValue[] {
  return new JsonScanner(text, topKeys, false).run();
}

/** extractJson passing over any stretch that can report nothing, however short (for tests). */
export function extractJsonPassingAll(text: string, topKeys?: ReadonlySet<string>): EmbeddedValue[] {
  return new JsonScanner(text, topKeys, true, 1).run();
}
