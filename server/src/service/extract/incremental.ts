/**
 * Extraction that remembers what it read, so that after an edit only the changed region is read again:
 * statement by statement for dotenv, properties, INI, Markdown, YAML (top-level keys) and JSON (lines; see steps.ts), line by line for plain
 * text (a connection string in running text never spans lines). Other formats are read whole. The result
 * is always the same as a fresh extractValues() of the new text; test/unit/incremental proves it on
 * random edit sequences.
 */
import { EmbeddedValue } from '../api';
import { shiftValue } from './decoded';
import { dotenvSteps } from './dotenv';
import { extractorFor, extractValues, hasOwnReading, PLAIN_TEXT_EXTRACTOR } from './index';
import { iniSteps } from './ini';
import { jsonSteps } from './jsonSteps';
import { markdownSteps } from './markdown';
import { scanPlainText } from './plainText';
import { propertiesSteps } from './properties';
import { rerunSteps, runSteps, runStepsInSlices, StepExtractor, StepResult, stepValuesInSlices, TextChange } from './steps';
import { yamlSteps } from './yaml';

const STEP_EXTRACTORS: Record<string, StepExtractor<unknown>> = {
  dotenv: dotenvSteps as StepExtractor<unknown>,
  properties: propertiesSteps as StepExtractor<unknown>,
  ini: iniSteps as StepExtractor<unknown>,
  markdown: markdownSteps(extractorFor) as StepExtractor<unknown>,
  yaml: yamlSteps as StepExtractor<unknown>,
  dockercompose: yamlSteps as StepExtractor<unknown>,
  json: jsonSteps as StepExtractor<unknown>,
  jsonc: jsonSteps as StepExtractor<unknown>,
  json5: jsonSteps as StepExtractor<unknown>,
};

/** The values of one text, and what is needed to re-extract after an edit. */
export interface Extraction {
  text: string;
  languageId: string;
  /** The document's URI: its name can decide how it is read (lockfiles, manifests). */
  uri: string;
  /** In document order (sorted by start). */
  values: EmbeddedValue[];
  /** Values in the order the statements produced them (for step extractors). */
  steps?: StepResult<unknown>;
}

function sortedByStart(values: EmbeddedValue[]): EmbeddedValue[] {
  for (let i = 1; i < values.length; i++) {
    // Stable, as extractValues sorts: equal starts keep their order.
    if (values[i].start < values[i - 1].start) return [...values].sort((a, b) => a.start - b.start);
  }
  return values;
}

/** The extractor that reads a document statement by statement, unless its name gives it a reading of its own. */
function stepperFor(languageId: string, uri: string): StepExtractor<unknown> | undefined {
  const stepper = STEP_EXTRACTORS[languageId];
  return stepper && !hasOwnReading(uri, languageId) ? stepper : undefined;
}

export function extractFresh(text: string, languageId: string, uri: string): Extraction {
  const stepper = stepperFor(languageId, uri);
  if (stepper) {
    const steps = runSteps(stepper, text);
    return { text, languageId, uri, values: sortedByStart(steps.values), steps };
  }
  return { text, languageId, uri, values: extractValues(text, languageId, uri) };
}

/**
 * The extraction of `text` in slices of about `chars` characters when it is read fresh by statements
 * (the generator yields between slices); otherwise in one go, as extractAfterEdit.
 */
export function* extractInSlices(previous: Extraction | undefined, text: string, languageId: string, uri: string, chars: number): Generator<void, Extraction> {
  const stepper = stepperFor(languageId, uri);
  const fresh = !previous || previous.languageId !== languageId || previous.uri !== uri;
  if (!stepper || !fresh || text.length <= chars) return extractAfterEdit(previous, text, languageId, uri);
  const steps = yield* runStepsInSlices(stepper, text, chars);
  return { text, languageId, uri, values: sortedByStart(steps.values), steps };
}

/**
 * The values of `text` read fresh, slice by slice, for an analysis that checks them as they come and
 * keeps none (a giant document): when it is read by statements, each step yields the values (in
 * document order) of about `chars` characters, and nothing is recorded for a later edit; otherwise all
 * of them in one slice. The slices one after the other are extractFresh(text, languageId, uri).values.
 */
export function* valuesInSlices(text: string, languageId: string, uri: string, chars: number): Generator<EmbeddedValue[], void> {
  const stepper = stepperFor(languageId, uri);
  if (!stepper) {
    yield extractValues(text, languageId, uri);
    return;
  }
  for (const values of stepValuesInSlices(stepper, text, chars)) yield sortedByStart(values);
}

/** The extraction of `text`, reusing `previous` (of an earlier version of the same document) where it can. */
export function extractAfterEdit(previous: Extraction | undefined, text: string, languageId: string, uri: string): Extraction {
  if (!previous || previous.languageId !== languageId || previous.uri !== uri) return extractFresh(text, languageId, uri);
  if (previous.text === text) return previous;
  const change = changedRange(previous.text, text);
  const stepper = stepperFor(languageId, uri);
  if (stepper && previous.steps) {
    const steps = rerunSteps(stepper, previous.steps, text, change);
    return { text, languageId, uri, values: sortedByStart(steps.values), steps };
  }
  if (extractorFor(languageId) === PLAIN_TEXT_EXTRACTOR && !hasOwnReading(uri, languageId)) {
    return { text, languageId, uri, values: rescanPlainTextLines(previous.values, text, change) };
  }
  return extractFresh(text, languageId, uri);
}

/** Plain text: values of the lines the edit touched are found again, the others kept (moved). */
function rescanPlainTextLines(previous: readonly EmbeddedValue[], text: string, change: TextChange): EmbeddedValue[] {
  const delta = change.newEnd - change.oldEnd;
  const from = change.start === 0 ? 0 : text.lastIndexOf('\n', change.start - 1) + 1;
  const nl = text.indexOf('\n', change.newEnd);
  const to = nl < 0 ? text.length : nl + 1;
  const out: EmbeddedValue[] = [];
  let k = 0;
  while (k < previous.length && previous[k].start < from) out.push(previous[k++]);
  out.push(...scanPlainText(text, from, to));
  const oldTo = to - delta;
  while (k < previous.length && previous[k].start < oldTo) k++;
  if (to < text.length) for (; k < previous.length; k++) out.push(shiftValue(previous[k], delta));
  return out;
}

/** The one region in which two texts differ: their common prefix and suffix are left out. */
export function changedRange(a: string, b: string): TextChange {
  const min = Math.min(a.length, b.length);
  const prefix = commonLength(a, b, min, (s, i, n) => s.slice(i, i + n), (s, i) => s.charCodeAt(i));
  const rest = min - prefix;
  const suffix = commonLength(
    a,
    b,
    rest,
    (s, i, n) => s.slice(s.length - i - n, s.length - i),
    (s, i) => s.charCodeAt(s.length - 1 - i),
  );
  return { start: prefix, oldEnd: a.length - suffix, newEnd: b.length - suffix };
}

/**
 * How many characters a and b share, counted with `slice` (from the start or from the end) up to `max`:
 * chunks are compared as strings (fast), growing while they match and halving where they differ, the
 * last few characters one by one.
 */
function commonLength(
  a: string,
  b: string,
  max: number,
  slice: (s: string, i: number, n: number) => string,
  charAt: (s: string, i: number) => number,
): number {
  let i = 0;
  let chunk = 64;
  while (chunk >= 16) {
    if (i + chunk <= max && slice(a, i, chunk) === slice(b, i, chunk)) {
      i += chunk;
      if (chunk < 65536) chunk *= 2;
    } else {
      chunk >>= 1;
    }
  }
  while (i < max && charAt(a, i) === charAt(b, i)) i++;
  return i;
}
