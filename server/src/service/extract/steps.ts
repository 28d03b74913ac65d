/**
 * Extractors of line-oriented formats (dotenv, properties, INI, Markdown) read a document one statement
 * at a time: a line, a logical line, a fenced block. A statement's values depend only on the text it
 * reads (from its start on, never before) and on the state before it (an INI section). That makes
 * re-extraction after an edit exact and cheap: statements that read nothing the edit touched keep their
 * values, statements after the edit keep theirs (moved) once the new reading reaches one of the old
 * statement boundaries in the same state, and only the statements in between are read again.
 */
import { EmbeddedValue } from '../types';
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
}

/** Where every statement of the last reading started, and what it read; the basis of re-extraction. */
export interface StepRecords<S> {
  starts: number[];
  /** One past the last offset each statement read; READ_TO_END when it read the end of the text. */
  readEnds: number[];
  states: S[];
  /** Index (in the values) of the first value of each statement. */
  firstValue: number[];
}

/** A readEnd that moves with no edit: the statement looked at the end of the text. */
export const READ_TO_END = Number.MAX_SAFE_INTEGER;

export interface StepResult<S> {
  values: EmbeddedValue[];
  records: StepRecords<S>;
}

function emptyRecords<S>(): StepRecords<S> {
  return { starts: [], readEnds: [], states: [], firstValue: [] };
}

/** Reads statements of `text` from `pos` in `state` until the end, or until `stop` says to. */
function readFrom<S>(
  ex: StepExtractor<S>,
  text: string,
  pos: number,
  state: S,
  out: EmbeddedValue[],
  records: StepRecords<S>,
  stop?: (pos: number, state: S) => boolean,
): void {
  const read = ex.reader(text);
  const step: Step<S> = { next: 0, readEnd: 0, state };
  while (pos < text.length) {
    if (stop?.(pos, state)) return;
    records.starts.push(pos);
    records.states.push(state);
    records.firstValue.push(out.length);
    read(pos, state, out, step);
    const next = step.next > pos ? step.next : pos + 1;
    const readEnd = Math.max(step.readEnd, next);
    records.readEnds.push(readEnd >= text.length ? READ_TO_END : readEnd);
    pos = next;
    state = step.state;
  }
}

/** Reads the whole text. */
export function runSteps<S>(ex: StepExtractor<S>, text: string): StepResult<S> {
  const values: EmbeddedValue[] = [];
  const records = emptyRecords<S>();
  readFrom(ex, text, 0, ex.initial, values, records);
  return { values, records };
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
  const n = old.starts.length;
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
  for (let k = 0; k < read.firstValue.length; k++) read.firstValue[k] += valuesFrom;
  old.starts = replaceRange(old.starts, first, end, read.starts);
  old.readEnds = replaceRange(old.readEnds, first, end, read.readEnds);
  old.states = replaceRange(old.states, first, end, read.states);
  old.firstValue = replaceRange(old.firstValue, first, end, read.firstValue);
  for (let k = first + read.starts.length; k < old.starts.length; k++) {
    old.starts[k] += delta;
    if (old.readEnds[k] !== READ_TO_END) old.readEnds[k] += delta;
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
