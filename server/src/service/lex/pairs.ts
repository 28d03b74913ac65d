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
