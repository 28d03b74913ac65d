/**
 * Searches that let an extractor pass over text that holds nothing: where the next match of a string
 * or a regular expression is, asked about at positions that never decrease, with one search per match
 * in the whole text however often it is asked.
 */

/** The next match of a string or a global regular expression at or after a position, for positions asked about in increasing order. */
export class NextMatch {
  /** The start of the first match at or after `searched` (Infinity: none): the answer for every position in [searched, at]. */
  private at = -1;
  private searched = 0;

  /**
   * `search`: a string, or a regular expression with the `g` flag (this object's own: its lastIndex is
   * used). `inside`: a regular expression's match is told by its last character rather than its start
   * (found without making a match object); the answer for a position may then be the last character of
   * a match that starts before it: an offset at or before that of the next match, never after.
   */
  constructor(
    private readonly text: string,
    private readonly search: string | RegExp,
    private readonly inside = false,
  ) {}

  /** The start of the first match at or after `pos`, Infinity when there is none (any order of positions; increasing is cheapest). */
  from(pos: number): number {
    if (this.at < pos || pos < this.searched) {
      this.searched = pos;
      const s = this.search;
      if (typeof s === 'string') {
        const i = this.text.indexOf(s, pos);
        this.at = i < 0 ? Infinity : i;
      } else if (this.inside) {
        s.lastIndex = pos;
        this.at = s.test(this.text) ? s.lastIndex - 1 : Infinity;
      } else {
        s.lastIndex = pos;
        const m = s.exec(this.text);
        this.at = m ? m.index : Infinity;
      }
    }
    return this.at;
  }
}

/** The first match at or after `pos` of any of `searches` (Infinity: none). */
export function nextOfAny(searches: readonly NextMatch[], pos: number): number {
  let min = Infinity;
  for (const s of searches) {
    const at = s.from(pos);
    if (at < min) min = at;
  }
  return min;
}

/**
 * The start of the line that holds the offset `at` (at most text.length) when it is after `pos`, else
 * `pos`: where reading line by line must start again to read what is at `at`. Lines end at `\n`.
 */
export function lineStartAfter(text: string, pos: number, at: number): number {
  if (at >= text.length) return text.length;
  if (at <= pos) return pos;
  const start = text.lastIndexOf('\n', at - 1) + 1;
  return start > pos ? start : pos;
}
