/**
 * Reading program source around a string literal within a bounded window: the nearest non-blank
 * characters, the identifier that ends at an offset, and names compared where they stand in the
 * document.
 */
import { isIdentPart } from '../lex/identifiers';
import { CARRIAGE_RETURN, LINE_FEED, SPACE, TAB } from '../lex/chars';

/** How far from a literal its surroundings are looked at. */
export const WINDOW = 256;

/** A set of names asked about by their range in the document, without taking them out of it. */
export class NameSet {
  private readonly byLength: Array<string[] | undefined> = [];

  constructor(names: readonly string[]) {
    for (const name of names) (this.byLength[name.length] ??= []).push(name);
  }

  has(text: string, from: number, to: number): boolean {
    const names = this.byLength[to - from];
    if (names === undefined) return false;
    for (const name of names) if (text.startsWith(name, from)) return true;
    return false;
  }
}

/** A blank of code: a space, a tab or a line break. */
export function isBlank(c: number): boolean {
  return c === SPACE || c === TAB || c === LINE_FEED || c === CARRIAGE_RETURN;
}

/** Index of the last non-blank character before `i` (within the window), or -1. */
export function back(text: string, i: number): number {
  const stop = Math.max(0, i - WINDOW);
  for (let k = i - 1; k >= stop; k--) if (!isBlank(text.charCodeAt(k))) return k;
  return -1;
}

/** Index of the first non-blank character at or after `i` (within the window). */
export function forward(text: string, i: number): number {
  const stop = Math.min(text.length, i + WINDOW);
  let k = i;
  while (k < stop && isBlank(text.charCodeAt(k))) k++;
  return k;
}

/** Start of the identifier that ends at index `k` (inclusive). */
export function identStart(text: string, k: number): number {
  let s = k;
  while (s > 0 && k - s < 128 && isIdentPart(text.charCodeAt(s - 1))) s--;
  return s;
}

/** True when text[from, to) ends with `suffix`. */
export function endsWith(text: string, from: number, to: number, suffix: string): boolean {
  return to - from >= suffix.length && text.startsWith(suffix, to - suffix.length);
}

/** True when text[from, to) ends with `suffix` (lower case) in any letter case. */
export function endsWithFolded(text: string, from: number, to: number, suffix: string): boolean {
  const at = to - suffix.length;
  if (at < from) return false;
  for (let k = 0; k < suffix.length; k++) {
    const c = text.charCodeAt(at + k);
    // Only these two characters fold to a lower-case ASCII letter.
    if (c !== suffix.charCodeAt(k) && c + SPACE !== suffix.charCodeAt(k)) return false;
  }
  return true;
}
