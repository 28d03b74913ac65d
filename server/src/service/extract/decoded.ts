import { EmbeddedKind, EmbeddedValue, HostSyntax } from '../api';
import { CARRIAGE_RETURN, DIGIT_0, DIGIT_9, FORM_FEED, LINE_FEED, LOWER_A, LOWER_F, LOWER_G, LOWER_M, LOWER_N, LOWER_O, SPACE, TAB, UPPER_A, UPPER_F, VERTICAL_TAB } from '../lex/chars';

/**
 * A string decoded from document text, with the document offset of every decoded character.
 * `offsets[i]` is where decoded character i came from; `offsets[text.length]` is the end.
 */
export interface DecodedText {
  text: string;
  /** Document offset of the first decoded character (or of the end, when empty). */
  start: number;
  /** Absent when the text is a verbatim slice of the document starting at `start`. */
  offsets?: number[];
  /**
   * Where the pieces of a concatenation join (codeConcatenation.ts): for each piece after the first, the
   * index of its first character and the document offset where the piece before it ends. An edit across
   * one would rewrite the code between them.
   */
  joins?: ReadonlyArray<readonly [at: number, sourceEnd: number]>;
}

/**
 * Builds a decoded string and its offset map in one pass. While everything appended is one contiguous
 * verbatim slice, no offsets are stored (most values have no escapes).
 */
export class DecodedBuilder {
  private parts: string[] = [];
  private length = 0;
  /** Built once the text stops being a verbatim slice. */
  private offsets: number[] | undefined;
  /** Document offset just after the source of the last character appended. */
  lastEnd: number;

  constructor(private readonly doc: string, private readonly start: number) {
    this.lastEnd = start;
  }

  get size(): number {
    return this.length;
  }

  /** Switches to an explicit offset map for what was appended so far. */
  private materialize(): number[] {
    if (this.offsets) return this.offsets;
    const offsets: number[] = [];
    for (let k = 0; k < this.length; k++) offsets.push(this.start + k);
    this.offsets = offsets;
    return offsets;
  }

  /** Appends document text [from, to) as is. */
  raw(from: number, to: number): void {
    if (from >= to) return;
    if (!this.offsets && from !== this.start + this.length) this.materialize();
    this.parts.push(this.doc.slice(from, to));
    if (this.offsets) for (let i = from; i < to; i++) this.offsets.push(i);
    this.length += to - from;
    this.lastEnd = to;
  }

  /** Appends `s`, the decoding of document text [from, to) (`to` defaults to from + 1). */
  char(s: string, from: number, to = from + 1): void {
    const offsets = this.materialize();
    this.parts.push(s);
    for (let k = 0; k < s.length; k++) offsets.push(from);
    this.length += s.length;
    this.lastEnd = to;
  }

  /** Finishes the string; `end` is the document offset just after its last character. */
  finish(end: number): DecodedText {
    const text = this.parts.length === 1 ? this.parts[0] : this.parts.join('');
    if (!this.offsets && (text.length === 0 || end === this.start + text.length)) {
      return { text, start: text.length === 0 ? end : this.start };
    }
    const offsets = this.materialize();
    offsets.push(end);
    return { text, start: offsets[0], offsets };
  }
}

/** A verbatim slice of the document. */
export function verbatim(doc: string, from: number, to: number): DecodedText {
  return { text: doc.slice(from, to), start: from };
}

/** The part [a, b) of a decoded string, with its offsets. */
export function subDecoded(d: DecodedText, a: number, b: number): DecodedText {
  if (!d.offsets) return { text: d.text.slice(a, b), start: d.start + a };
  const offsets = d.offsets.slice(a, b + 1);
  const joins = d.joins?.filter(([at]) => at > a && at < b).map(([at, end]) => [at - a, end] as const);
  return { text: d.text.slice(a, b), start: offsets[0], offsets, ...(joins && joins.length > 0 ? { joins } : {}) };
}

/** The same characters' sources under a rewritten text of the same length (`$(X)` read as `${X}`). */
export function withText(d: DecodedText, text: string): DecodedText {
  if (text === d.text) return d;
  const offsets = d.offsets ?? Array.from({ length: d.text.length + 1 }, (_, k) => d.start + k);
  return { text, start: d.start, offsets, ...(d.joins ? { joins: d.joins } : {}) };
}

/** The joins of a concatenation moved by `delta` document offsets (their indexes in the text stay). */
function shiftJoins(joins: NonNullable<DecodedText['joins']>, delta: number): NonNullable<DecodedText['joins']> {
  return joins.map(([at, end]) => [at, end + delta] as const);
}

/** Moves a decoded string by `delta` document offsets. */
export function shiftDecoded(d: DecodedText, delta: number): DecodedText {
  return delta === 0 ? d : { text: d.text, start: d.start + delta, offsets: d.offsets?.map((o) => o + delta), ...(d.joins ? { joins: shiftJoins(d.joins, delta) } : {}) };
}

/** Document offset of decoded character i (i may be text.length). */
export function offsetOf(d: Pick<DecodedText, 'start' | 'offsets'>, i: number): number {
  return d.offsets ? d.offsets[i] : d.start + i;
}

export function toValue(kind: EmbeddedKind, d: DecodedText, syntax: HostSyntax, key?: string): EmbeddedValue {
  const v: EmbeddedValue = { kind, text: d.text, start: d.start, syntax };
  if (d.offsets) v.offsets = d.offsets;
  if (d.joins) v.joins = d.joins;
  if (key !== undefined) v.key = key;
  return v;
}

/** Moves an extracted value by `delta` document offsets (for values found inside an embedded block). */
export function shiftValue(v: EmbeddedValue, delta: number): EmbeddedValue {
  if (delta === 0) return v;
  const out: EmbeddedValue = { ...v, start: v.start + delta };
  if (v.offsets) out.offsets = v.offsets.map((o) => o + delta);
  if (v.joins) out.joins = shiftJoins(v.joins, delta);
  return out;
}

export function isSpace(c: number): boolean {
  return c === SPACE || c === TAB;
}

export function isLineBreak(c: number): boolean {
  return c === LINE_FEED || c === CARRIAGE_RETURN;
}

export function isWhitespace(c: number): boolean {
  return c === SPACE || c === TAB || c === LINE_FEED || c === CARRIAGE_RETURN || c === FORM_FEED || c === VERTICAL_TAB;
}

/** Index of the end of the line containing `i` (the offset of its \n or \r, or text.length). */
export function lineEnd(text: string, i: number): number {
  const n = text.indexOf('\n', i);
  const e = n < 0 ? text.length : n;
  return e > i && text.charCodeAt(e - 1) === CARRIAGE_RETURN ? e - 1 : e;
}

/** Offset of the start of the next line after the line break at or after `i`. */
export function nextLine(text: string, i: number): number {
  const n = text.indexOf('\n', i);
  return n < 0 ? text.length : n + 1;
}

export function hexValue(text: string, from: number, count: number): number {
  if (from + count > text.length) return -1;
  let v = 0;
  for (let i = from; i < from + count; i++) {
    const c = text.charCodeAt(i);
    const d = c >= DIGIT_0 && c <= DIGIT_9 ? c - 0x30 : c >= UPPER_A && c <= UPPER_F ? c - 0x37 : c >= LOWER_A && c <= LOWER_F ? c - 0x57 : -1;
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

/** The string for a code point, or undefined when it is not one. */
export function fromCodePoint(cp: number): string | undefined {
  return cp >= 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : undefined;
}

/** Offset of the character code `c` in text[from, to), or -1. Never looks past `to`. */
export function indexOfIn(text: string, c: number, from: number, to: number): number {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === c) return i;
  return -1;
}

/** True when text[from, to) contains "mongo" in any letter case (a cheap filter before decoding). */
export function mayMentionMongo(doc: string, from: number, to: number): boolean {
  for (let i = from; i + 5 <= to; i++) {
    if ((doc.charCodeAt(i + 1) | 0x20) !== LOWER_O) continue;
    if (
      (doc.charCodeAt(i) | 0x20) === LOWER_M &&
      (doc.charCodeAt(i + 2) | 0x20) === LOWER_N &&
      (doc.charCodeAt(i + 3) | 0x20) === LOWER_G &&
      (doc.charCodeAt(i + 4) | 0x20) === LOWER_O
    ) {
      return true;
    }
  }
  return false;
}
