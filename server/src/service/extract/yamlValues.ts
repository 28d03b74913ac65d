/**
 * What the YAML scanner keeps of the block structure around a value (the mapping stack of keys) and how
 * it reports a scalar: under which key path, with what the keys say about it, or as a connection
 * string mentioned anywhere in a line.
 */
import { EmbeddedValue, HostSyntax } from '../api';
import {
  DASH, DOT, EQUALS, HASH, LOWER_CASE_BIT, LOWER_F, LOWER_N, LOWER_O, LOWER_T, LOWER_Y, PLUS, TILDE, UNDERSCORE,
  isAsciiLetter, isDigit,
} from '../lex/chars';
import { DecodedText, indexOfIn, isSpace, subDecoded, verbatim, withText } from './decoded';
import { emitString, mayMentionMongo } from './detect';
import { classifyKeys, KeyKind } from './keys';
import { findUriTokens } from './plainText';
import { Key, keyText, saysNothing } from './yamlKeys';

export interface Entry {
  indent: number;
  /** The key is the text [from, to), sliced into `key` when first needed (see keyOf). */
  from: number;
  to: number;
  key: string | undefined;
  /** A block sequence at the same indentation as its key (`key:\n- a`) has started. */
  sequenceAtSameIndent: boolean;
  /** What this key and the two above it say about a value under it; computed when first asked (undefined until then). */
  kind: KeyKind | null | undefined;
  /** This key or one of the keys above it mentions "mongo". */
  mongo: boolean;
}

/** Plain scalars that YAML reads as null, booleans or numbers: not strings. */
const NOT_STRINGS = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|no|No|on|On|off|Off|[-+]?[0-9][0-9_.eE+-]*)$/;

/** True when a plain scalar starting with character `c` may be one of NOT_STRINGS (`~`, n, t, f, y, o, a sign or a digit). */
function mayBeNotString(c: number): boolean {
  if (isDigit(c)) return true;
  switch (c | LOWER_CASE_BIT) {
    case LOWER_N:
    case LOWER_T:
    case LOWER_F:
    case LOWER_Y:
    case LOWER_O:
      return true;
  }
  return c === TILDE || c === PLUS || c === DASH;
}

/**
 * Where the name starts in an item `KEY=value` whose first `=` is at `eq` (`KEY` is
 * `-{0,2}[A-Za-z_][A-Za-z0-9_.-]*`: the name is after the dashes), or -1 when text[0, eq) is not one.
 */
function keyAssignment(text: string, eq: number): number {
  let i = 0;
  while (i < 2 && text.charCodeAt(i) === DASH) i++;
  if (i >= eq) return -1;
  const c = text.charCodeAt(i);
  if (!(isAsciiLetter(c) || c === UNDERSCORE)) return -1;
  for (let j = i + 1; j < eq; j++) {
    const d = text.charCodeAt(j);
    if (!(isAsciiLetter(d) || isDigit(d) || d === UNDERSCORE || d === DOT || d === DASH)) return -1;
  }
  return i;
}

/**
 * Kubernetes expands `$(NAME)` in container `env` values, `command` and `args` (`$$(NAME)` stays):
 * read it as the placeholder `${NAME}`, character for character.
 */
function kubernetesVariables(d: DecodedText): DecodedText {
  if (d.text.indexOf('$(') < 0) return d;
  const text = d.text.replace(/(?<!\$)\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (_m, name: string) => `\${${name}}`);
  return withText(d, text);
}

/** The mapping stack and the reporting of values, for the scanner of the block structure (see yaml.ts) and of flow collections (see yamlFlow.ts). */
export class YamlValues {
  out: EmbeddedValue[] = [];
  /** The mapping stack: its entries are stack[0 .. depth); entries past depth are kept for reuse. */
  protected stack: Entry[] = [];
  protected depth = 0;

  constructor(protected readonly text: string) {}

  /** The first "mongo" (any letter case) at or after mongoFrom: Infinity when there is none, -1 before the first search. */
  private mongoAt = -1;
  private mongoFrom = 0;
  private readonly mongoRe = /mongo/gi;

  /**
   * True when the document text [from, to) contains "mongo" in any letter case (as mayMentionMongo):
   * one search per occurrence while ranges are asked about in document order, as they mostly are.
   */
  mentionsMongo(from: number, to: number): boolean {
    if (this.mongoAt < from || from < this.mongoFrom) {
      const re = this.mongoRe;
      re.lastIndex = from;
      this.mongoAt = re.test(this.text) ? re.lastIndex - 5 : Infinity;
      this.mongoFrom = from;
    }
    return this.mongoAt + 5 <= to;
  }

  /** Keys of the enclosing mappings, root first (the innermost 16: only the last few decide what a value is). */
  private path(): string[] {
    const from = Math.max(0, this.depth - 16);
    const path: string[] = [];
    for (let k = from; k < this.depth; k++) path.push(this.keyOf(this.stack[k]));
    return path;
  }

  /** Connection strings in the rest of a line; in a comment when that starts (after blanks) with `#`. */
  mentions(from: number, to: number): void {
    if (to - from < 10 || !this.mentionsMongo(from, to)) return;
    let s = from;
    while (s < to && isSpace(this.text.charCodeAt(s))) s++;
    const comment = this.text.charCodeAt(s) === HASH;
    for (const [a, b] of findUriTokens(this.text, from, to)) this.out.push({ kind: 'uri', text: this.text.slice(a, b), start: a, syntax: 'raw', ...(comment ? { comment } : {}) });
  }

  /**
   * The own key of the value being read when it is the key on its line (null stands for it): the text
   * [leafFrom, leafTo), sliced when first needed.
   */
  protected leafFrom = 0;
  protected leafTo = 0;
  protected leafKey: string | undefined;

  protected leafText(): string {
    return (this.leafKey ??= keyText(this.text, this.leafFrom, this.leafTo));
  }

  /** Pushes the key text[from, to) at indentation `indent` on the mapping stack. */
  protected push(indent: number, from: number, to: number): void {
    const e = this.stack[this.depth];
    const mongo = (this.depth > 0 && this.stack[this.depth - 1].mongo) || this.mentionsMongo(from, to);
    if (e === undefined) {
      this.stack.push({ indent, from, to, key: undefined, sequenceAtSameIndent: false, kind: undefined, mongo });
    } else {
      e.mongo = mongo;
      e.indent = indent;
      e.from = from;
      e.to = to;
      e.key = undefined;
      e.sequenceAtSameIndent = false;
      e.kind = undefined;
    }
    this.depth++;
  }

  /** The key path of the stack, and then `k1` and `k2` when given. */
  private pathWith(k1: string | undefined, k2: string | undefined): string[] {
    const path = this.path();
    if (k1 !== undefined) path.push(k1);
    if (k2 !== undefined) path.push(k2);
    return path;
  }

  private keyOf(e: Entry): string {
    return (e.key ??= keyText(this.text, e.from, e.to));
  }

  /** The key of stack entry k, or undefined when there is none. */
  private stackKey(k: number): string | undefined {
    return k >= 0 ? this.keyOf(this.stack[k]) : undefined;
  }

  /** What the keys of the stack, then `k1` and `k2` (the innermost, when given), say about a value. */
  protected classify(k1: Key, k2: string | undefined): KeyKind | undefined {
    const s = this.stack;
    const n = this.depth;
    const text = this.text;
    if (k2 !== undefined) {
      if (saysNothing(k2, 0, k2.length)) return undefined;
      return classifyKeys(k2, k1 === null ? this.leafText() : k1, this.stackKey(n - 1));
    }
    if (k1 === null) {
      if (saysNothing(text, this.leafFrom, this.leafTo)) return undefined;
      return classifyKeys(this.leafText(), this.stackKey(n - 1), this.stackKey(n - 2));
    }
    if (k1 !== undefined) {
      if (saysNothing(k1, 0, k1.length)) return undefined;
      return classifyKeys(k1, this.stackKey(n - 1), this.stackKey(n - 2));
    }
    if (n === 0) return undefined;
    const top = s[n - 1];
    if (top.kind === undefined) {
      top.kind = saysNothing(text, top.from, top.to) ? null : classifyKeys(this.keyOf(top), this.stackKey(n - 2), this.stackKey(n - 3)) ?? null;
    }
    return top.kind ?? undefined;
  }

  /** Emits the document text [from, to) as a scalar (see emit), once it may be worth it. */
  emitRange(from: number, to: number, syntax: HostSyntax, k1: Key, k2: string | undefined, isItem: boolean): void {
    if (from >= to) return;
    const text = this.text;
    // What emit would drop at once: no key that says what it is, no mention of mongo, no `KEY=` of an item.
    if (!this.mentionsMongo(from, to) && !(isItem && indexOfIn(text, EQUALS, from, to) >= 0) && this.classify(k1, k2) === undefined) return;
    this.emit(verbatim(text, from, to), syntax, k1, k2, isItem);
  }

  /**
   * Emits a scalar found under the keys of the stack and then `k1`, `k2` (innermost last, when given).
   * An item `KEY=value` (compose `environment:` lists) is the value of KEY.
   */
  emit(value: DecodedText, syntax: HostSyntax, key1: Key, k2: string | undefined, isItem: boolean): void {
    let k1 = key1 === null ? this.leafText() : key1;
    const text = value.text;
    if (text.length === 0) return;
    if (syntax === 'yaml-plain' && mayBeNotString(text.charCodeAt(0)) && NOT_STRINGS.test(text)) return;
    let from = 0;
    if (isItem) {
      const eq = text.indexOf('=');
      const name = eq > 0 && eq < 256 ? keyAssignment(text, eq) : -1;
      if (name >= 0) {
        const key = text.slice(name, eq);
        from = eq + 1;
        if (k1 === undefined) k1 = key;
        else k2 = key;
      }
    }
    const keyKind = this.classify(k1, k2);
    // Without a key that says what it is, only a value that mentions mongo can hold a connection string.
    if (keyKind === undefined && !mayMentionMongo(text, from, text.length)) return;
    let d = kubernetesVariables(value);
    if (from > 0) d = subDecoded(d, from, d.text.length);
    emitString(this.out, d, syntax, { keyKind: keyKind ?? null, path: () => this.pathWith(k1, k2) });
  }
}
