import { Span } from '../types';

function isWordChar(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x5f;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

/** Index of `needle` in text[from, to) looking at most `limit` characters ahead, or -1. */
function boundedIndexOf(text: string, needle: string, from: number, to: number, limit: number): number {
  const stop = Math.min(to - needle.length, from + limit);
  for (let i = from; i <= stop; i++) if (text.startsWith(needle, i)) return i;
  return -1;
}

/** Names that look like `$VAR` but are real values. */
const NOT_PLACEHOLDERS = new Set(['$external']);

/**
 * Spans of template placeholders that stand for text filled in later: `${VAR}`, `$(VAR)`, `#{Var}#`,
 * `{{ .Values.x }}`, `%VAR%`, `$VAR` and `<password>`. They are opaque: no problem is reported inside them.
 * One forward scan; each placeholder is bounded in length.
 */
export function findPlaceholders(text: string, from = 0, to = text.length): Span[] {
  const spans: Span[] = [];
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === 0x24 /* $ */ || c === 0x23 /* # */) {
      // ${VAR}, $(VAR) (Kubernetes, Makefiles) and #{Var} (Octopus, Azure DevOps; an optional # after it).
      const open = text.charCodeAt(i + 1);
      if (open === 0x28 /* ( */ && c === 0x24) {
        const close = boundedIndexOf(text, ')', i + 2, to, 128);
        if (close > i + 2 && /^[A-Za-z_][A-Za-z0-9_]*$/.test(text.slice(i + 2, close))) {
          spans.push({ start: i, end: close + 1 });
          i = close + 1;
          continue;
        }
      }
      if (c === 0x23 && open === 0x7b) {
        const close = boundedIndexOf(text, '}', i + 2, to, 128);
        if (close > i + 2) {
          const end = text.charCodeAt(close + 1) === 0x23 ? close + 2 : close + 1;
          spans.push({ start: i, end });
          i = end;
          continue;
        }
      }
      if (c === 0x23) {
        i++;
        continue;
      }
      if (text.charCodeAt(i + 1) === 0x7b /* { */) {
        const close = boundedIndexOf(text, '}', i + 2, to, 256);
        if (close > 0) {
          spans.push({ start: i, end: close + 1 });
          i = close + 1;
          continue;
        }
      } else if (i + 1 < to && isWordChar(text.charCodeAt(i + 1)) && !(text.charCodeAt(i + 1) >= 0x30 && text.charCodeAt(i + 1) <= 0x39)) {
        let j = i + 1;
        while (j < to && isWordChar(text.charCodeAt(j)) && j - i < 128) j++;
        if (!NOT_PLACEHOLDERS.has(text.slice(i, j))) {
          spans.push({ start: i, end: j });
          i = j;
          continue;
        }
        i = j;
        continue;
      }
    } else if (c === 0x7b /* { */ && text.charCodeAt(i + 1) === 0x7b) {
      const close = boundedIndexOf(text, '}}', i + 2, to, 256);
      if (close > 0) {
        spans.push({ start: i, end: close + 2 });
        i = close + 2;
        continue;
      }
    } else if (c === 0x25 /* % */ && isWordChar(text.charCodeAt(i + 1)) && !isDigit(text.charCodeAt(i + 1))) {
      // %NAME% (Windows style): the name starts with a letter or "_", so %2Ftmp%2F... stays an escape.
      let j = i + 1;
      let nonHex = false;
      while (j < to && isWordChar(text.charCodeAt(j)) && j - i < 128) {
        if (!isHex(text.charCodeAt(j))) nonHex = true;
        j++;
      }
      if (j < to && text.charCodeAt(j) === 0x25 && j - i >= 4 && nonHex) {
        spans.push({ start: i, end: j + 1 });
        i = j + 1;
        continue;
      }
    } else if (c === 0x3c /* < */) {
      let j = i + 1;
      while (j < to && j - i <= 64) {
        const d = text.charCodeAt(j);
        if (!(isWordChar(d) || d === 0x2d || d === 0x2e || d === 0x20)) break;
        j++;
      }
      if (j < to && j > i + 1 && text.charCodeAt(j) === 0x3e /* > */) {
        spans.push({ start: i, end: j + 1 });
        i = j + 1;
        continue;
      }
    }
    i++;
  }
  return spans;
}

/** True when `span` touches any placeholder (placeholders sorted by start). */
export function overlapsPlaceholder(span: Span, placeholders: readonly Span[]): boolean {
  for (const p of placeholders) {
    if (p.start > span.end) break;
    if (span.start === span.end ? span.start >= p.start && span.start <= p.end : span.start < p.end && span.end > p.start) return true;
  }
  return false;
}
