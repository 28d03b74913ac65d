/**
 * Extractors of line-oriented formats (dotenv, properties, INI, Markdown) read a document one statement
 * at a time: a line, a logical line, a fenced block. A statement's values depend only on the text it
 * reads (from its start on, never before) and on the state before it (an INI section). That makes
 * re-extraction after an edit exact and cheap: statements that read nothing the edit touched keep their
 * values, statements after the edit keep theirs (moved) once the new reading reaches one of the old
 * statement boundaries in the same state, and only the statements in between are read again.
 */
import { EmbeddedValue } from '../api';
import { shiftValue } from './decoded';

/** What reading one statement found out, filled in by a StatementReader. */
export interface Step<S> {
  /** Where the next statement starts (> the statement's start, or the text's length). */
  next: number;
  /** One past the last offset the statement looked at; at least `next`. */
  readEnd: number;
  /** The state after the statement. */
  state: S;
}

/** Reads the statement at `pos` in state `state`, appends its values to `out` in document order. */
export type StatementReader<S> = (pos: number, state: S, out: EmbeddedValue[], step: Step<S>) => void;

export interface StepExtractor<S> {
  readonly initial: S;
  same(a: S, b: S): boolean;
  /** A reader for one pass over `text` (it may keep memo tables for that pass). */
  reader(text: string): StatementReader<S>;
  /**
   * Optionally, a way over text that holds nothing, for a pass over `text` that records no statements
   * (stepValues, stepValuesInSlices): from a statement start `pos` in state `state`, a later statement start up to which
   * reading statement by statement would find no value and leave the state as it is; `pos` when
   * there is none. runSteps and rerunSteps read every statement (the reference this must agree with).
   */
  passer?(text: string): StatementPasser<S>;
}

/** See StepExtractor.passer. */
export type StatementPasser<S> = (pos: number, state: S) => number;

/**
 * Where every statement of the last reading started, and what it read; the basis of re-extraction.
 * Statement k is described by starts[k], readEnds[k], firstValue[k] and states[k], for k < count; the
 * typed arrays may be longer than `count` (room to grow without a copy per statement).
 */
export interface StepRecords<S> {
  count: number;
  starts: Int32Array;
  /** One past the last offset each statement read; RECORDED_TO_END when it read the end of the text. */
  readEnds: Int32Array;
  /** Index (in the values) of the first value of each statement. */
  firstValue: Int32Array;
  states: S[];
}

/** A readEnd that moves with no edit: the statement looked at the end of the text. */
export const READ_TO_END = Number.MAX_SAFE_INTEGER;

/** READ_TO_END as recorded: above any offset of a string (V8 strings are shorter than 2^30). */
const RECORDED_TO_END = 0x7fffffff;

export interface StepResult<S> {
  values: EmbeddedValue[];
  records: StepRecords<S>;
}

function emptyRecords<S>(capacity = 64): StepRecords<S> {
  return { count: 0, starts: new Int32Array(capacity), readEnds: new Int32Array(capacity), firstValue: new Int32Array(capacity), states: [] };
}

/** Makes room for `need` statements in `r`, keeping the first r.count. */
function reserve<S>(r: StepRecords<S>, need: number): void {
  if (need <= r.starts.length) return;
  const capacity = Math.max(need, r.starts.length * 2);
  const grow = (a: Int32Array) => {
    const b = new Int32Array(capacity);
    b.set(a.subarray(0, r.count));
    return b;
  };
  r.starts = grow(r.starts);
  r.readEnds = grow(r.readEnds);
  r.firstValue = grow(r.firstValue);
}

/**
 * Reads statements of `text` from `pos` in `state` until the end, or until `stop` says to; records
 * them in `records` when given.
 */
function readFrom<S>(
  ex: StepExtractor<S>,
  text: string,
  pos: number,
  state: S,
  out: EmbeddedValue[],
  records: StepRecords<S> | undefined,
  stop?: (pos: number, state: S) => boolean,
): void {
  const read = ex.reader(text);
  // The passer lands on statement starts only, so a `stop` that cuts slices may look at those alone;
  // a reading that records statements (a re-reading's stop looks for old boundaries) reads them all.
  const pass = records === undefined ? ex.passer?.(text) : undefined;
  const step: Step<S> = { next: 0, readEnd: 0, state };
  const length = text.length;
  while (pos < length) {
    if (stop?.(pos, state)) return;
    if (pass !== undefined) {
      pos = pass(pos, state);
      if (pos >= length) return;
    }
    const firstValue = out.length;
    read(pos, state, out, step);
    const next = step.next > pos ? step.next : pos + 1;
    if (records) {
      const k = records.count;
      if (k >= records.starts.length) reserve(records, k + 1);
      const readEnd = step.readEnd > next ? step.readEnd : next;
      records.starts[k] = pos;
      records.readEnds[k] = readEnd >= length ? RECORDED_TO_END : readEnd;
      records.firstValue[k] = firstValue;
      records.states.push(state);
      records.count = k + 1;
    }
    pos = next;
    state = step.state;
  }
}

/** Reads the whole text. */
export function runSteps<S>(ex: StepExtractor<S>, text: string): StepResult<S> {
  const values: EmbeddedValue[] = [];
  // About one statement per 32 characters: most documents need no copy while they are read.
  const records = emptyRecords<S>(Math.max(64, text.length >> 5));
  readFrom(ex, text, 0, ex.initial, values, records);
  return { values, records };
}

/**
 * runSteps in slices, for very large texts: each step of the generator reads statements for about
 * `chars` characters (a statement is never cut); the generator returns what runSteps would.
 */
export function* runStepsInSlices<S>(ex: StepExtractor<S>, text: string, chars: number): Generator<void, StepResult<S>> {
  const values: EmbeddedValue[] = [];
  const records = emptyRecords<S>(Math.max(64, text.length >> 5));
  let at: SliceEnd<S> | undefined = { pos: 0, state: ex.initial };
  for (;;) {
    at = readSlice(ex, text, at, chars, values, records);
    if (!at) return { values, records };
    yield;
  }
}

/** Where a slice stopped: the start of the next statement and the state there. */
interface SliceEnd<S> {
  pos: number;
  state: S;
}

/**
 * Reads the statements from `from` until about `chars` characters are read (a statement is never cut);
 * where it stopped, or undefined at the end of the text.
 */
function readSlice<S>(ex: StepExtractor<S>, text: string, from: SliceEnd<S>, chars: number, values: EmbeddedValue[], records: StepRecords<S> | undefined): SliceEnd<S> | undefined {
  const limit = from.pos + chars;
  let end: SliceEnd<S> | undefined;
  readFrom(ex, text, from.pos, from.state, values, records, (at, now) => {
    if (at < limit) return false;
    end = { pos: at, state: now };
    return true;
  });
  return end;
}

/**
 * The values of the whole text in slices, without recording the statements, for a reader that checks
 * them as they come and keeps none (a giant document): each step of the generator yields the values of
 * the statements read over about `chars` characters (a statement is never cut), in the order runSteps
 * finds them; the slices one after the other are runSteps(ex, text).values.
 */
export function* stepValuesInSlices<S>(ex: StepExtractor<S>, text: string, chars: number): Generator<EmbeddedValue[], void> {
  let at: SliceEnd<S> | undefined = { pos: 0, state: ex.initial };
  for (;;) {
    const values: EmbeddedValue[] = [];
    at = readSlice(ex, text, at, chars, values, undefined);
    yield values;
    if (!at) return;
  }
}

/** The values of the whole text, as runSteps(ex, text).values, without recording the statements. */
export function stepValues<S>(ex: StepExtractor<S>, text: string): EmbeddedValue[] {
  const values: EmbeddedValue[] = [];
  readFrom(ex, text, 0, ex.initial, values, undefined);
  return values;
}

/**
 * An edit: text[start, oldEnd) of the previous text became text[start, newEnd) of the new one; all
 * before `start` and all from `oldEnd` (previous) or `newEnd` (new) on is the same.
 */
export interface TextChange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/**
 * Re-extracts after an edit: the same values and records as runSteps(ex, text), reading only what changed.
 * The records of `previous` are updated in place (the values are not): `previous` is used up.
 */
export function rerunSteps<S>(ex: StepExtractor<S>, previous: StepResult<S>, text: string, change: TextChange): StepResult<S> {
  const old = previous.records;
  const n = old.count;
  // The first statement that read something the edit touched (the last one read to the end: there is one).
  let first = 0;
  while (first < n && old.readEnds[first] <= change.start) first++;
  if (first >= n) return runSteps(ex, text);
  const delta = change.newEnd - change.oldEnd;
  const read: StepRecords<S> = emptyRecords();
  const readValues: EmbeddedValue[] = [];
  let j = first; // old statements before j start before the current reading position (in old offsets)
  let resumed = -1;
  readFrom(ex, text, old.starts[first], old.states[first], readValues, read, (pos, state) => {
    // From an old statement boundary after the edit, in the same state, the old reading is valid again.
    if (pos < change.newEnd) return false;
    const oldPos = pos - delta;
    while (j < n && old.starts[j] < oldPos) j++;
    if (j < n && old.starts[j] === oldPos && ex.same(old.states[j], state)) {
      resumed = j;
      return true;
    }
    return false;
  });
  const valuesFrom = old.firstValue[first];
  const end = resumed < 0 ? n : resumed;
  const valuesEnd = resumed < 0 ? previous.values.length : old.firstValue[resumed];
  const valueDelta = readValues.length - (valuesEnd - valuesFrom);
  // Values: kept before, read again, kept (moved) after.
  const values = previous.values.slice(0, valuesFrom);
  for (const v of readValues) values.push(v);
  for (let k = valuesEnd; k < previous.values.length; k++) values.push(shiftValue(previous.values[k], delta));
  // Records: statements [first, end) are replaced by the ones read; those after move.
  const m = read.count;
  const count = first + m + (n - end);
  reserve(old, count);
  for (const a of [old.starts, old.readEnds, old.firstValue]) a.copyWithin(first + m, end, n);
  old.starts.set(read.starts.subarray(0, m), first);
  old.readEnds.set(read.readEnds.subarray(0, m), first);
  for (let k = 0; k < m; k++) old.firstValue[first + k] = read.firstValue[k] + valuesFrom;
  old.states = replaceRange(old.states, first, end, read.states);
  old.count = count;
  for (let k = first + m; k < count; k++) {
    old.starts[k] += delta;
    if (old.readEnds[k] !== RECORDED_TO_END) old.readEnds[k] += delta;
    old.firstValue[k] += valueDelta;
  }
  return { values, records: old };
}

/** `a` with a[from, to) replaced by `items`: in place for a few items, else as a new array (no spread of many arguments). */
function replaceRange<T>(a: T[], from: number, to: number, items: T[]): T[] {
  if (items.length <= 1024) {
    a.splice(from, to - from, ...items);
    return a;
  }
  return a.slice(0, from).concat(items, a.slice(to));
}
