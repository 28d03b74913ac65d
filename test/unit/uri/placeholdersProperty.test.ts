/**
 * findPlaceholders (uri/placeholders.ts) against a reference written from its documented forms, for the
 * forms that look ahead for a closing delimiter: `${…}` (up to 256 characters; with braces inside, to the
 * `}` that balances them, up to 1,024), `#{…}` and `#{…}#` (128),
 * `$(NAME)` (128), `{{…}}` (256), plus `$NAME` and `__NAME__`, which share their openers. The reference
 * finds each closing delimiter with indexOf, afresh for every opener; the text is made of openers,
 * closers, names and fillers long enough to cross the look-ahead limits. The names of ports (`:PORT`)
 * share the `:` and the names.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { findPlaceholders } from '../../../server/src/service/uri/placeholders';
import type { Span } from '../../../server/src/service/api';
import { checkProperty } from '../../helpers/fuzz';

const isWord = (ch: string | undefined) => ch !== undefined && /^[A-Za-z0-9_]$/.test(ch);

function reference(text: string): Span[] {
  const spans: Span[] = [];
  const to = text.length;
  /** The first `needle` that starts between `start` and `start + limit` and ends inside the text. */
  const closer = (needle: string, start: number, limit: number) => {
    const at = text.indexOf(needle, start);
    return at >= 0 && at <= Math.min(to - needle.length, start + limit) ? at : -1;
  };
  let i = 0;
  while (i < to) {
    const c = text[i];
    const next = text[i + 1];
    if (c === '$' && next === '(') {
      const close = closer(')', i + 2, 128);
      if (close > i + 2 && /^[A-Za-z_][A-Za-z0-9_]*$/.test(text.slice(i + 2, close))) {
        spans.push({ start: i, end: close + 1 });
        i = close + 1;
        continue;
      }
    } else if (c === '$' && next === '{') {
      let close = closer('}', i + 2, 256);
      if (close >= 0) {
        // With a `{` inside, the `}` that balances the braces from the opener (within 1,024 characters).
        if (text.slice(i + 2, close).includes('{')) {
          let depth = 0;
          for (let k = i + 1; k < to; k++) {
            depth += text[k] === '{' ? 1 : text[k] === '}' ? -1 : 0;
            if (depth === 0) {
              if (k - i <= 1024) close = k;
              break;
            }
          }
        }
        spans.push({ start: i, end: close + 1 });
        i = close + 1;
        continue;
      }
    } else if (c === '$' && isWord(next) && !/[0-9]/.test(next)) {
      let j = i + 1;
      while (j < to && isWord(text[j]) && j - i < 128) j++;
      if (text.slice(i, j) !== '$external') spans.push({ start: i, end: j });
      i = j;
      continue;
    } else if (c === '#' && next === '{') {
      const close = closer('}', i + 2, 128);
      if (close > i + 2) {
        const end = text[close + 1] === '#' ? close + 2 : close + 1;
        spans.push({ start: i, end });
        i = end;
        continue;
      }
    } else if (c === '{' && next === '{') {
      const close = closer('}}', i + 2, 256);
      if (close >= 0) {
        spans.push({ start: i, end: close + 2 });
        i = close + 2;
        continue;
      }
    } else if (c === ':') {
      // The name of a port: upper case (two characters or more) or saying "port", before the end of
      // the host list's entry, and no "?" before it.
      const m = /^:([A-Za-z_][A-Za-z0-9_]{0,63})(?=$|[/,?#\]])/.exec(text.slice(i));
      if (m && (/[a-z]/.test(m[1]) ? /port/i.test(m[1]) : m[1].length >= 2) && !text.slice(0, i).includes('?')) {
        spans.push({ start: i + 1, end: i + m[0].length });
        i += m[0].length;
        continue;
      }
    } else if (c === '_' && next === '_') {
      const m = /^__[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*__/.exec(text.slice(i, Math.min(to, i + 130)));
      if (m) {
        spans.push({ start: i, end: i + m[0].length });
        i += m[0].length;
        continue;
      }
    }
    i++;
  }
  return spans;
}

const piece = fc.constantFrom(
  '$', '{', '}', '{{', '}}', '${', '#{', '$(', ')', '#', '(', 'a', 'Z', 'AB', '1', '_', '__', ' ', ':', '"',
  'port', '/', ',', '?', ']', 'x'.repeat(60), 'x'.repeat(127), 'y'.repeat(130), 'z'.repeat(255),
);
const text = fc.array(piece, { maxLength: 30 }).map((p) => p.join(''));

describe('findPlaceholders against a reference, for the forms with a closing delimiter', () => {
  it('finds the same spans', () => {
    checkProperty('placeholders reference', fc.property(text, (t) => assert.deepEqual(findPlaceholders(t), reference(t), JSON.stringify(t))), 2000);
  });

  it('runs of openers, with a closer in reach or not', () => {
    for (const t of ['{{'.repeat(300), '${'.repeat(300) + '}', '#{'.repeat(100) + 'x}#', '$('.repeat(100) + 'a)', '{{'.repeat(200) + '}}' + '{{'.repeat(10), '_'.repeat(500) + '__A__']) {
      assert.deepEqual(findPlaceholders(t), reference(t), t.slice(0, 20));
    }
  });
});

/**
 * A whole value is scanned from one possible opener to the next (found by a regular expression); a
 * stretch of a larger text character by character. Both must find the same spans, in every style: the
 * value is scanned whole, then as the stretch before a space appended to it (a space opens and closes
 * nothing, and no form reads past its end for it).
 */
describe('findPlaceholders: a whole value and the same text as a stretch of a larger one', () => {
  const every = fc.constantFrom(
    '$', '{', '}', '{{', '}}', '${', '#{', '$(', ')', '#', '(', '%', '%s', '%(', ')s', '%2F', '%%', '<', '>', '[', ']',
    '.', '..', '...', '…', '_', '__', '___', 'A', 'PASS', 'a', 'x', '1', ' ', ':', '@', '/', '?', '=', '&', 'ab'.repeat(70),
  );
  const value = fc.array(every, { maxLength: 40 }).map((p) => p.join(''));
  const styles = fc.constantFrom(
    { bareDollar: true, formatFields: false },
    { bareDollar: true, formatFields: true },
    { bareDollar: false, formatFields: false },
    { bareDollar: false, formatFields: true },
  );
  it('finds the same spans', () => {
    checkProperty(
      'placeholders whole vs stretch',
      fc.property(value, styles, fc.nat(3), (t, style, skip) => {
        const from = Math.min(skip, t.length);
        assert.deepEqual(findPlaceholders(t, from, t.length, style), findPlaceholders(t + ' ', from, t.length, style), JSON.stringify(t));
      }),
      3000,
    );
  });
});
