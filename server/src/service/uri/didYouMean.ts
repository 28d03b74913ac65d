import { asciiLower } from './parser';

/**
 * Case-insensitive edit distance in which swapping two neighbouring letters counts as one edit (optimal
 * string alignment: "ture" is one edit from "true"), with an early exit above `max` (bounded work).
 */
export function editDistance(a: string, b: string, max: number): number {
  a = asciiLower(a);
  b = asciiLower(b);
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before = new Array<number>(b.length + 1);
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
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
    [before, prev, cur] = [prev, cur, before];
  }
  return prev[b.length];
}

/** The closest candidate to `word`, if it is close enough to be a plausible typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  if (word.length > 64) return undefined;
  const max = word.length <= 4 ? 1 : word.length <= 10 ? 2 : 3;
  let best: string | undefined;
  let bestD = max + 1;
  const lw = asciiLower(word);
  for (const c of candidates) {
    const d = editDistance(word, c, max);
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  if (best) return best;
  // A known name with something added or cut off (replicaSetName, maxPool).
  for (const c of candidates) {
    const lc = asciiLower(c);
    if (lc.length >= 5 && lw.length >= 5 && (lw.startsWith(lc) || lc.startsWith(lw)) && Math.abs(lc.length - lw.length) <= 6) return c;
  }
  return undefined;
}
