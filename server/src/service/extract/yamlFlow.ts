/**
 * YAML flow collections (`[a, b]`, `{k: v}`, nested, over several lines): each scalar in them is
 * reported under the key of the block mapping around the collection and its own key in the innermost
 * flow mapping; an item of a flow sequence may be `KEY=value`.
 */
import { HostSyntax } from '../api';
import {
  APOSTROPHE, CARRIAGE_RETURN, COLON, COMMA, DOLLAR, EQUALS, HASH, LEFT_BRACE, LEFT_BRACKET, LINE_FEED, QUOTE,
  RIGHT_BRACE, RIGHT_BRACKET, SPACE, TAB,
} from '../lex/chars';
import { DecodedText, indexOfIn, isSpace, lineEnd, nextLine } from './decoded';
import { afterEol, Key, saysNothing, saysNothingHere } from './yamlKeys';
import { flowPlainEnd, quotedVerbatimEnd, readQuoted } from './yamlScalars';
import { YamlValues } from './yamlValues';

/** A flow collection open around the current scalar. */
interface FlowFrame {
  isMap: boolean;
  /** The current key of a mapping: the text [keyFrom, keyTo), or keyText when it was decoded; keyFrom is -1 when there is none. */
  keyFrom: number;
  keyTo: number;
  keyText: string | undefined;
}

/** True when `c` at `i` opens a flow collection: `[`, or `{` that does not start a `{{` template directive. */
export function opensFlow(text: string, i: number, c: number): boolean {
  return c === LEFT_BRACKET || (c === LEFT_BRACE && text.charCodeAt(i + 1) !== LEFT_BRACE);
}

/** Reads flow collections of one document, reporting their scalars through `values`. */
export class FlowReader {
  /** The collections open around the current scalar: frames[0 .. depth), innermost last; frames past depth are kept for reuse. */
  private readonly frames: FlowFrame[] = [];
  private depth = 0;
  /** The end of the line being read. */
  private eol = 0;

  constructor(
    private readonly text: string,
    private readonly values: YamlValues,
  ) {}

  /**
   * Reads a flow collection opening at `open` on a line ending at `eol`, the value of key `key` (if
   * any) under a block node indented `parentIndent`; returns the offset after it.
   */
  read(open: number, eol: number, parentIndent: number, key: Key): number {
    const text = this.text;
    this.depth = 0;
    this.eol = eol;
    let i = open;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === LINE_FEED) {
        const s = this.nextFlowLine(i, parentIndent);
        if (s < 0) return i;
        i = s;
      } else if (isSpace(c) || c === CARRIAGE_RETURN || c === COLON) {
        i++;
      } else if (c === COMMA) {
        if (this.depth > 0) this.frames[this.depth - 1].keyFrom = -1;
        i++;
      } else if (c === HASH && i > open && /\s/.test(text[i - 1])) {
        this.values.mentions(i, this.eol);
        i = this.eol;
      } else if (opensFlow(text, i, c)) {
        this.open(c === LEFT_BRACE);
        i++;
      } else if (c === RIGHT_BRACKET || c === RIGHT_BRACE) {
        if (this.depth > 0) this.depth--;
        i++;
        if (this.depth === 0) return i;
      } else {
        i = this.scalar(i, c, parentIndent, key);
        if (i < 0) return -i - 1;
      }
    }
    return i;
  }

  /**
   * The start of the line after the line break at `i` when the collection goes on there (it is
   * indented more than `parentIndent`, empty, or closes with `]` or `}`), or -1 when it does not.
   */
  private nextFlowLine(i: number, parentIndent: number): number {
    const text = this.text;
    const s = nextLine(text, i);
    let j = s;
    while (j < text.length && isSpace(text.charCodeAt(j))) j++;
    const d = text.charCodeAt(j);
    if (j < text.length && d !== LINE_FEED && d !== CARRIAGE_RETURN && j - s <= parentIndent && d !== RIGHT_BRACKET && d !== RIGHT_BRACE) return -1;
    this.eol = lineEnd(text, s);
    return s;
  }

  /** Opens a collection inside the current one: a mapping when `isMap`, else a sequence. */
  private open(isMap: boolean): void {
    const frame = this.frames[this.depth];
    if (frame === undefined) {
      this.frames.push({ isMap, keyFrom: -1, keyTo: 0, keyText: undefined });
    } else {
      frame.isMap = isMap;
      frame.keyFrom = -1;
    }
    this.depth++;
  }

  /**
   * Reads the scalar starting with `c` at `i` and reports it (or takes it as the current key); returns
   * the offset after it, or -(e + 1) when a quoted scalar is not closed and the collection ends at e.
   */
  private scalar(i: number, c: number, parentIndent: number, key: Key): number {
    const text = this.text;
    let from = i;
    let to: number;
    let end: number;
    let decoded: DecodedText | undefined;
    let syntax: HostSyntax = 'yaml-plain';
    if (c === QUOTE || c === APOSTROPHE) {
      syntax = c === QUOTE ? 'yaml-double' : 'yaml-single';
      const close = quotedVerbatimEnd(text, i);
      if (close >= 0) {
        from = i + 1;
        to = close;
        end = close + 1;
      } else {
        const scalar = readQuoted(text, i, parentIndent);
        if (!scalar) return -lineEnd(text, i) - 1;
        decoded = scalar.d;
        to = end = scalar.end;
        this.eol = lineEnd(text, end);
      }
    } else {
      to = end = flowPlainEnd(text, i, this.eol);
      if (end === i) to = end = i + 1;
    }
    if (this.depth > 0) this.inFrame(this.frames[this.depth - 1], from, to, end, decoded, syntax, key);
    return end;
  }

  /**
   * A scalar in the collection `frame`: the text [from, to) ending at `end`, or `decoded`: the key of
   * the next value when it is followed by `:` in a mapping that has none, else a value to report.
   */
  private inFrame(frame: FlowFrame, from: number, to: number, end: number, decoded: DecodedText | undefined, syntax: HostSyntax, key: Key): void {
    const text = this.text;
    let k = end;
    while (k < text.length && isSpace(text.charCodeAt(k))) k++;
    if (frame.isMap && frame.keyFrom < 0 && text.charCodeAt(k) === COLON) {
      frame.keyFrom = from;
      frame.keyTo = to;
      frame.keyText = decoded ? decoded.text : undefined;
      return;
    }
    const hasKey = frame.isMap && frame.keyFrom >= 0;
    // A value under a key that says nothing, without "mongo": nothing to report.
    if (hasKey && !decoded && frame.keyText === undefined && !this.values.mentionsMongo(from, to) && saysNothing(text, frame.keyFrom, frame.keyTo)) return;
    const inner = hasKey ? frame.keyText ?? text.slice(frame.keyFrom, frame.keyTo) : undefined;
    let k1 = key;
    let k2: string | undefined;
    if (inner !== undefined) {
      if (k1 === undefined) k1 = inner;
      else k2 = inner;
    }
    if (decoded) this.values.emit(decoded, syntax, k1, k2, !frame.isMap);
    else this.values.emitRange(from, to, syntax, k1, k2, !frame.isMap);
  }
}

/**
 * droppedValueEnd (see yamlValueReader.ts) for a flow collection opening at `open`: read as FlowReader does, when it closes on its
 * line and every scalar followed by `:` (every key) says nothing. -1 when it does not, or when
 * something rarer comes (`#`, `$`, `=`, `{{`, a quoted scalar with escapes): then FlowReader reads it.
 */
export function droppedFlowEnd(text: string, open: number, eol: number, quietPath: boolean): number {
  let depth = 0;
  let i = open;
  while (i < eol) {
    const c = text.charCodeAt(i);
    if (c === SPACE || c === TAB || c === COLON || c === COMMA) {
      i++;
      continue;
    }
    if (c === LEFT_BRACKET || c === LEFT_BRACE) {
      if (c === LEFT_BRACE && text.charCodeAt(i + 1) === LEFT_BRACE) return -1;
      depth++;
      i++;
      continue;
    }
    if (c === RIGHT_BRACKET || c === RIGHT_BRACE) {
      i++;
      if (--depth === 0) return afterEol(text, eol);
      continue;
    }
    let from = i;
    let to: number;
    if (c === QUOTE || c === APOSTROPHE) {
      const close = quotedVerbatimEnd(text, i);
      if (close < 0 || indexOfIn(text, EQUALS, i + 1, close) >= 0) return -1;
      from = i + 1;
      to = close;
      i = close + 1;
    } else {
      // A plain scalar, as flowPlainEnd reads it, but for what is rare: placeholders, comments, `KEY=` items.
      let j = i;
      for (; j < eol; j++) {
        const d = text.charCodeAt(j);
        if (d === COMMA || d === LEFT_BRACKET || d === RIGHT_BRACKET || d === LEFT_BRACE || d === RIGHT_BRACE) break;
        if (d === COLON) {
          const e = text.charCodeAt(j + 1);
          if (j + 1 >= eol || e === SPACE || e === TAB || e === COMMA) break;
        } else if (d === HASH || d === DOLLAR || d === EQUALS || d === CARRIAGE_RETURN) {
          return -1;
        }
      }
      while (j > i && isSpace(text.charCodeAt(j - 1))) j--;
      to = i = j;
    }
    let k = i;
    while (k < eol && isSpace(text.charCodeAt(k))) k++;
    if (text.charCodeAt(k) === COLON && !saysNothingHere(text, from, to, quietPath)) return -1;
  }
  return -1;
}
