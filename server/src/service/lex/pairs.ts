/** Pairs of brackets in text, found in one pass (uri/placeholders.ts, compose/references.ts). */

/**
 * The closer that closes each opener of text[from, to) (`]` for `[`, `}` for `{`: the first after it
 * where the pairs between are balanced), found in one pass; an opener that none closes is not in the
 * map. (A search from each opener to its closer would be quadratic in a run of openers left open.)
 */
export function matchPairs(text: string, from: number, to: number, opener: string, closer: string): Map<number, number> {
  const closes = new Map<number, number>();
  const open: number[] = [];
  // The next opener and closer, each searched for again only once passed (Infinity: none).
  const next = (ch: string, at: number) => {
    const k = text.indexOf(ch, at);
    return k < 0 || k >= to ? Infinity : k;
  };
  let l = next(opener, from);
  let r = next(closer, from);
  while (l !== Infinity || r !== Infinity) {
    if (l < r) {
      open.push(l);
      l = next(opener, l + 1);
    } else {
      if (open.length > 0) closes.set(open.pop()!, r);
      r = next(closer, r + 1);
    }
  }
  return closes;
}

/** The last pairs found, per opener: a text is often asked about several times in a row (each check of a value). */
const LAST = new Map<string, { text: string; to: number; closes: Map<number, number> }>();

/**
 * matchPairs(text, 0, to, …), kept for the last text asked about with this opener. The closer of an
 * opener does not depend on where the search started, as long as it started at or before the opener.
 */
export function pairsIn(text: string, to: number, opener: string, closer: string): Map<number, number> {
  const last = LAST.get(opener);
  if (last !== undefined && last.to === to && last.text === text) return last.closes;
  const closes = matchPairs(text, 0, to, opener, closer);
  LAST.set(opener, { text, to, closes });
  return closes;
}
