/**
 * Java `.properties` files, read as `java.util.Properties.load` does: logical lines joined at an odd
 * number of trailing backslashes, `#`/`!` comments, `key=value`, `key: value` and `key value`,
 * escapes `\uXXXX`, `\t`, `\n`, `\r`, `\f` and `\x` → `x` (`\:`, `\=`, `\\`, `\ `).
 */
import { EmbeddedValue } from '../api';
import { DecodedBuilder, DecodedText, hexValue, nextLine } from './decoded';
import { emitString, MongoFinder } from './detect';
import { mayNameWithoutMongo } from './keys';
import { findUriTokens } from './plainText';
import { stepValues, StepExtractor } from './steps';
import { BACKSLASH, CARRIAGE_RETURN, COLON, EQUALS, EXCLAMATION, FORM_FEED, HASH, LINE_FEED, LOWER_U, SPACE, TAB } from '../lex/chars';

const ESCAPES: Record<string, string> = { t: '\t', n: '\n', r: '\r', f: '\f' };

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB || c === FORM_FEED;
}

function isBreak(c: number): boolean {
  return c === LINE_FEED || c === CARRIAGE_RETURN;
}

/** Skips a line break at i (\n, \r or \r\n) and the next line's leading blanks. */
function skipContinuation(text: string, i: number): number {
  if (text.charCodeAt(i) === CARRIAGE_RETURN && text.charCodeAt(i + 1) === LINE_FEED) i += 2;
  else i += 1;
  while (i < text.length && isBlank(text.charCodeAt(i))) i++;
  return i;
}

/**
 * Reads a key or a value from i: decodes escapes and continuations, stops at the end of the logical
 * line (or, for keys, at an unescaped separator). Returns the decoded part and where reading stopped.
 */
function readPart(text: string, i: number, isKey: boolean, to = text.length): { b: DecodedBuilder; end: number; stop: number } {
  const b = new DecodedBuilder(text, i);
  let run = i;
  let lastEnd = i;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (isBreak(c)) break;
    if (isKey && (c === EQUALS || c === COLON || isBlank(c))) break;
    if (c !== BACKSLASH) {
      i++;
      lastEnd = i;
      continue;
    }
    b.raw(run, i);
    const next = text.charCodeAt(i + 1);
    if (i + 1 >= to) {
      i++;
      run = i;
      break;
    }
    if (isBreak(next)) {
      i = skipContinuation(text, i + 1);
    } else if (next === LOWER_U /* u */) {
      const cp = hexValue(text, i + 2, 4);
      if (cp >= 0) {
        b.char(String.fromCharCode(cp), i);
        i += 6;
      } else {
        b.char('u', i);
        i += 2;
      }
      lastEnd = i;
    } else {
      b.char(ESCAPES[text[i + 1]] ?? text[i + 1], i);
      i += 2;
      lastEnd = i;
    }
    run = i;
  }
  b.raw(run, Math.min(i, to));
  if (i > run) lastEnd = Math.min(i, to);
  return { b, end: lastEnd, stop: i };
}

/** The end of text[from, to) without trailing blanks that are not escaped. */
function trimmedEnd(text: string, from: number, to: number): number {
  while (to > from && isBlank(text.charCodeAt(to - 1))) {
    let slashes = 0;
    while (to - 2 - slashes >= from && text.charCodeAt(to - 2 - slashes) === BACKSLASH) slashes++;
    if (slashes % 2 === 1) break;
    to--;
  }
  return to;
}

/** Connection strings in a comment line. */
function scanMentions(out: EmbeddedValue[], text: string, from: number, to: number): void {
  for (const [a, b] of findUriTokens(text, from, to)) out.push({ kind: 'uri', text: text.slice(a, b), start: a, syntax: 'raw', comment: true });
}

/** Statements of a .properties file: blank space, then a comment line or a logical line (with its continuations). */
export const propertiesSteps: StepExtractor<null> = {
  initial: null,
  same: () => true,
  reader(text) {
    const mongo = new MongoFinder(text);
    return (start, _state, out, step) => {
      let i = start;
      while (i < text.length && (isBlank(text.charCodeAt(i)) || isBreak(text.charCodeAt(i)))) i++;
      step.next = i;
      // Every statement looks at the character after its last one (a line break, or the end).
      step.readEnd = i + 1;
      if (i >= text.length) return;
      const c = text.charCodeAt(i);
      if (c === HASH /* # */ || c === EXCLAMATION /* ! */) {
        let e = i;
        while (e < text.length && !isBreak(text.charCodeAt(e))) e++;
        if (mongo.within(i, e)) scanMentions(out, text, i, e);
        step.next = e;
        step.readEnd = e + 1;
        return;
      }
      // A line without a backslash is a whole logical line and reads as it is written: unless it
      // mentions "mongo" or its key may name a collection or an Atlas resource, it holds nothing.
      let e = i;
      while (e < text.length) {
        const d = text.charCodeAt(e);
        if (d === LINE_FEED || d === CARRIAGE_RETURN || d === BACKSLASH) break;
        e++;
      }
      if (text.charCodeAt(e) !== BACKSLASH && !mongo.within(i, e)) {
        let keyEnd = i;
        while (keyEnd < e && !(text.charCodeAt(keyEnd) === EQUALS || text.charCodeAt(keyEnd) === COLON || isBlank(text.charCodeAt(keyEnd)))) keyEnd++;
        if (!mayNameWithoutMongo(text, i, keyEnd)) {
          step.next = e;
          step.readEnd = e + 2;
          return;
        }
      }
      const a = readAssignment(text, i);
      step.next = a.stop;
      step.readEnd = a.stop + 2;
      emitString(out, a.value, 'properties', { path: [a.key.text] });
    };
  },
};

/** The logical line at i (not a comment): its key and value, decoded, and where the line stops. */
function readAssignment(text: string, i: number): { key: DecodedText; value: DecodedText; stop: number } {
  const key = readPart(text, i, true);
  i = key.stop;
  while (i < text.length && isBlank(text.charCodeAt(i))) i++;
  // A continuation before the separator: the separator is on the next line.
  while (text.charCodeAt(i) === BACKSLASH && isBreak(text.charCodeAt(i + 1))) i = skipContinuation(text, i + 1);
  if (text.charCodeAt(i) === EQUALS || text.charCodeAt(i) === COLON) i++;
  while (i < text.length && isBlank(text.charCodeAt(i))) i++;
  // A continuation right after the separator: the value starts on the next line.
  while (text.charCodeAt(i) === BACKSLASH && isBreak(text.charCodeAt(i + 1))) i = skipContinuation(text, i + 1);
  const stop = readPart(text, i, false).stop;
  const value = readPart(text, i, false, trimmedEnd(text, i, stop));
  return { key: key.b.finish(key.end), value: value.b.finish(value.end), stop };
}

/** Keys a finder of assignments looks up by searching for them before it reads every line once. */
const FEW_KEYS = 8;

type PropertiesAssignment = { key: DecodedText; value: DecodedText };

/**
 * The last assignment of a key in a .properties file. The first few keys are found by searching for
 * them (a key written with escapes is not found this way); past them, every line is read once into an
 * index. Both ways find the same assignment: the last line that starts, after blanks and outside a
 * comment, with the key as written and reads as an assignment of that key.
 */
export class PropertiesAssignments {
  private searched = 0;
  private index: Map<string, PropertiesAssignment> | undefined;

  constructor(
    private readonly text: string,
    /** How many keys are searched for before every line is read (tests compare the two ways). */
    private readonly searches = FEW_KEYS,
  ) {}

  last(key: string): PropertiesAssignment | undefined {
    if (key === '') return undefined;
    // A key that starts with a blank is no property's; the index files keys after the blanks.
    if (isBlank(key.charCodeAt(0)) || (this.index === undefined && this.searched++ < this.searches)) return this.search(key);
    return (this.index ??= this.readAll()).get(key);
  }

  private search(key: string): PropertiesAssignment | undefined {
    const text = this.text;
    for (let at = text.lastIndexOf(key); at >= 0; at = at > 0 ? text.lastIndexOf(key, at - 1) : -1) {
      let line = text.lastIndexOf('\n', at - 1) + 1;
      while (line < at && isBlank(text.charCodeAt(line))) line++;
      if (line !== at) continue;
      const c = text.charCodeAt(line);
      if (c === HASH || c === EXCLAMATION) continue;
      const a = readAssignment(text, line);
      if (a.key.text === key) return { key: a.key, value: a.value };
    }
    return undefined;
  }

  /** Each line's assignment, under its key when the key is written as it reads (the search finds no other), the last one of a key kept. */
  private readAll(): Map<string, PropertiesAssignment> {
    const text = this.text;
    const index = new Map<string, PropertiesAssignment>();
    for (let line = 0; line < text.length; line = nextLine(text, line)) {
      let at = line;
      while (at < text.length && isBlank(text.charCodeAt(at))) at++;
      const c = text.charCodeAt(at);
      if (at < text.length && c !== HASH && c !== EXCLAMATION) {
        const a = readAssignment(text, at);
        if (a.key.text !== '' && text.startsWith(a.key.text, at)) index.set(a.key.text, { key: a.key, value: a.value });
      }
    }
    return index;
  }
}

export function extractProperties(text: string): EmbeddedValue[] {
  return stepValues(propertiesSteps, text);
}
