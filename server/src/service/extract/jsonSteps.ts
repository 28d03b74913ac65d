/**
 * JSON and JSONC read statement by statement (extract/steps.ts), so that an edit re-reads only the lines
 * around it: a statement is a line, extended to the end of the token that crosses its line break (a
 * block comment, a string with an escaped line break); the state between statements is the containers
 * open there with their property names. The values are those of extractJson over the whole text.
 */
import { JsonScanner, type JsonState } from './json';
import type { StepExtractor } from './steps';

function sameState(a: JsonState, b: JsonState): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) {
    const x = a[k]!;
    const y = b[k]!;
    if (x.isObject !== y.isObject || x.expectKey !== y.expectKey || x.key !== y.key) return false;
  }
  return true;
}

export const jsonSteps: StepExtractor<JsonState> = {
  initial: [],
  same: sameState,
  reader(text) {
    const scanner = new JsonScanner(text, undefined);
    return (pos, state, out, step) => {
      scanner.restore(state);
      scanner.out = out;
      const lineBreak = text.indexOf('\n', pos);
      const next = scanner.runFrom(pos, lineBreak < 0 ? text.length : lineBreak + 1);
      step.next = next;
      // A `/` that starts no comment looked at the character after it.
      step.readEnd = next + 1;
      step.state = scanner.state();
    };
  },
};
