import { asciiLower } from './parser';

/** Three rows of the distance table, reused from call to call (grown for a longer word). */
let rows = [new Int32Array(32), new Int32Array(32), new Int32Array(32)];

/**
 * Case-insensitive edit distance in which swapping two neighbouring letters counts as one edit (optimal
 * string alignment: "ture" is one edit from "true"), with an early exit above `max` (bounded work).
 */
export function editDistance(a: string, b: string, max: number): number {
  return distance(asciiLower(a), asciiLower(b), max);
}

/** editDistance of two words already lower-cased. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (rows[0].length <= b.length) rows = [0, 1, 2].map(() => new Int32Array(2 * (b.length + 1)));
  let [before, prev, cur] = rows;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) d = Math.min(d, before[j - 2] + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    const oldest = before;
    before = prev;
    prev = cur;
    cur = oldest;
  }
  return prev[b.length];
}

/** Candidate lists lower-cased once (the lists are the option table's constants). */
const loweredLists = new WeakMap<readonly string[], readonly string[]>();

function lowered(candidates: readonly string[]): readonly string[] {
  let list = loweredLists.get(candidates);
  if (!list) loweredLists.set(candidates, (list = candidates.map(asciiLower)));
  return list;
}

/** The closest candidate to `word`, if it is close enough to be a plausible typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  if (word.length > 64) return undefined;
  const max = word.length <= 4 ? 1 : word.length <= 10 ? 2 : 3;
  let best: string | undefined;
  let bestD = max + 1;
  const lw = asciiLower(word);
  const lower = lowered(candidates);
  for (let k = 0; k < candidates.length; k++) {
    const d = distance(lw, lower[k], max);
    if (d < bestD) {
      best = candidates[k];
      bestD = d;
    }
  }
  if (best) return best;
  // A known name with something added or cut off (replicaSetName, maxPool).
  for (let k = 0; k < candidates.length; k++) {
    const lc = lower[k];
    if (lc.length >= 5 && lw.length >= 5 && (lw.startsWith(lc) || lc.startsWith(lw)) && Math.abs(lc.length - lw.length) <= 6) return candidates[k];
  }
  return undefined;
}
