/**
 * A work meter: counts the elementary steps a piece of code takes through the built-in string, regular
 * expression, array and typed array methods, while it runs. Nothing in the product is instrumented: the
 * meter wraps the prototypes' methods for the duration of one call and restores them afterwards, so it
 * sees every scanner, parser and analyzer alike, including a loop added tomorrow.
 *
 * What a call costs is what it has to look at: `charCodeAt` one step, `indexOf` from its start position to
 * where it stopped, `slice` the characters it copies, a regular expression's `exec` from `lastIndex` to the
 * end of its match (or of the text when it finds none), an array iterator one step per element. The count
 * is deterministic: it depends on the input and the code, never on the machine or its load, so a test can
 * compare the work at two input sizes exactly.
 *
 * What it cannot see: `text[i]` indexing and arithmetic. A loop made only of those is not counted; every
 * scanner of the core reads characters with `charCodeAt` or a method that scans.
 */

type Cost = (self: any, args: readonly any[], result: any, lastIndex: number) => number;

const stringIndexOf = String.prototype.indexOf;
const arrayIndexOf = Array.prototype.indexOf;

let steps = 0;
let installed = false;

const len = (self: any) => (typeof self === 'string' || Array.isArray(self) || ArrayBuffer.isView(self) ? (self as { length: number }).length : 0);
const one: Cost = () => 1;
const whole: Cost = (self) => len(self) + 1;
const copied: Cost = (_self, _args, result) => (result != null && typeof result.length === 'number' ? result.length : 0) + 1;
const argLength: Cost = (_self, args) => (args[0] != null && typeof args[0].length === 'number' ? args[0].length : 1);

function position(value: unknown, length: number, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Math.trunc(Number(value)) || 0;
  return n < 0 ? Math.max(0, length + n) : Math.min(n, length);
}

/** indexOf, includes: from the start position to the match's end, or to the end when there is none. */
const forwardSearch: Cost = (self, args, result) => {
  const length = len(self);
  const from = typeof self === 'string' ? Math.min(Math.max(0, Math.trunc(Number(args[1])) || 0), length) : position(args[1], length, 0);
  const needle = typeof self === 'string' ? String(args[0]).length : 1;
  if (typeof result === 'number' && result >= 0) return result - from + needle;
  if (result === true) {
    const at = typeof self === 'string' ? stringIndexOf.call(self, args[0], from) : arrayIndexOf.call(self, args[0], from);
    return Math.max(0, at - from) + needle;
  }
  return length - from + 1;
};
/** lastIndexOf: from the start position back to the match, or to the beginning. */
const backwardSearch: Cost = (self, args, result) => {
  const length = len(self);
  const from = args.length > 1 ? Math.min(Math.max(0, Math.trunc(Number(args[1])) || 0), length) : length;
  return (typeof result === 'number' && result >= 0 ? from - result : from) + 1;
};

const STRING_COSTS: Record<string, Cost> = {
  charCodeAt: one,
  charAt: one,
  codePointAt: one,
  at: one,
  indexOf: forwardSearch,
  lastIndexOf: backwardSearch,
  includes: forwardSearch,
  startsWith: argLength,
  endsWith: argLength,
  slice: copied,
  substring: copied,
  substr: copied,
  trim: whole,
  trimStart: whole,
  trimEnd: whole,
  toLowerCase: whole,
  toUpperCase: whole,
  normalize: whole,
  split: whole,
  replace: whole,
  replaceAll: whole,
  match: whole,
  matchAll: whole,
  search: whole,
  padStart: copied,
  padEnd: copied,
  concat: copied,
  localeCompare: whole,
};

const ARRAY_COSTS: Record<string, Cost> = {
  push: (_self, args) => args.length || 1,
  pop: one,
  shift: whole,
  unshift: whole,
  splice: whole,
  slice: copied,
  concat: copied,
  join: whole,
  indexOf: forwardSearch,
  lastIndexOf: backwardSearch,
  includes: forwardSearch,
  find: whole,
  findIndex: whole,
  findLast: whole,
  findLastIndex: whole,
  filter: whole,
  map: whole,
  forEach: whole,
  some: whole,
  every: whole,
  reduce: whole,
  reduceRight: whole,
  sort: whole,
  reverse: whole,
  fill: whole,
  flat: copied,
  flatMap: copied,
};

const TYPED_ARRAY_COSTS: Record<string, Cost> = {
  set: argLength,
  slice: copied,
  subarray: one,
  fill: whole,
  indexOf: forwardSearch,
  includes: forwardSearch,
};

const REGEXP_COSTS: Record<string, Cost> = {
  exec(self: RegExp, args, result, lastIndex) {
    const text = String(args[0]);
    const start = self.global || self.sticky ? Math.min(lastIndex, text.length) : 0;
    if (result) return result.index + result[0].length - start + 1;
    return self.sticky ? 1 : text.length - start + 1;
  },
};

const ARRAY_ITERATOR = Object.getPrototypeOf([][Symbol.iterator]()) as { next: (...a: any[]) => any };
const STRING_ITERATOR = Object.getPrototypeOf(''[Symbol.iterator]()) as { next: (...a: any[]) => any };
const TYPED_ARRAY_PROTOTYPE = Object.getPrototypeOf(Int32Array.prototype) as Record<string, unknown>;

type Patch = { target: Record<string, any>; name: string; original: (...a: any[]) => any; cost: Cost };
const patches: Patch[] = [];

function wrap(target: Record<string, any>, costs: Record<string, Cost>): void {
  for (const [name, cost] of Object.entries(costs)) {
    const original = target[name] as ((...a: any[]) => any) | undefined;
    if (typeof original !== 'function') continue;
    patches.push({ target, name, original, cost });
  }
}
wrap(String.prototype as any, STRING_COSTS);
wrap(Array.prototype as any, ARRAY_COSTS);
wrap(TYPED_ARRAY_PROTOTYPE, TYPED_ARRAY_COSTS);
wrap(RegExp.prototype as any, REGEXP_COSTS);
wrap(ARRAY_ITERATOR, { next: one });
wrap(STRING_ITERATOR, { next: one });

function install(): void {
  for (const p of patches) {
    const { cost, original } = p;
    const isExec = p.target === (RegExp.prototype as any) && p.name === 'exec';
    const wrapped = function (this: any, ...args: any[]) {
      const lastIndex = isExec ? (this as RegExp).lastIndex : 0;
      const result = original.apply(this, args);
      steps += cost(this, args, result, lastIndex);
      return result;
    };
    Object.defineProperty(wrapped, 'name', { value: p.name });
    Object.defineProperty(p.target, p.name, { value: wrapped, writable: true, configurable: true, enumerable: false });
  }
  installed = true;
}

function uninstall(): void {
  for (const p of patches) Object.defineProperty(p.target, p.name, { value: p.original, writable: true, configurable: true, enumerable: false });
  installed = false;
}

/** The steps `fn` takes through the metered methods. */
export function measureWork(fn: () => unknown): number {
  if (installed) throw new Error('measureWork does not nest');
  steps = 0;
  install();
  try {
    fn();
  } finally {
    uninstall();
  }
  return steps;
}

/**
 * The linear-work property: at 8 times the input, at most 9 times the work plus a small constant.
 * Returns the two counts for the message; throws (through `fail`) when the property does not hold.
 */
export function linearWork<T>(make: (n: number) => T, run: (input: T) => unknown, n: number, factor = 8): { small: number; large: number; bound: number; linear: boolean } {
  const smallInput = make(n);
  const largeInput = make(n * factor);
  const small = measureWork(() => run(smallInput));
  const large = measureWork(() => run(largeInput));
  const bound = (factor + 1) * small + LINEAR_SLACK;
  return { small, large, bound, linear: large <= bound };
}

/** The constant of the linear-work property: fixed costs (tables built on first use, a warm cache). */
export const LINEAR_SLACK = 1000;
