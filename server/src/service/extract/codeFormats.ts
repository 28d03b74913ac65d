/**
 * Format strings in program source (`"%s"` passed to printf-like calls, `"{0}"` to `.format`):
 * their directives read as `${…}` placeholders, so that the core treats them as opaque.
 */
import { DecodedText, offsetOf } from './decoded';

/**
 * Rewrites format directives into `${…}` placeholders (`%s` → `${s}`, `{0}` → `${0}`), keeping the
 * offset map: the added `$` and braces map to the directive's first and last characters.
 */
export function formatPlaceholders(d: DecodedText, style: 'printf' | 'braces'): DecodedText {
  const t = d.text;
  if (t.indexOf(style === 'printf' ? '%' : '{') < 0) return d;
  let out = '';
  const offsets: number[] = [];
  const push = (s: string, at: number) => {
    out += s;
    for (let k = 0; k < s.length; k++) offsets.push(at);
  };
  for (let i = 0; i < t.length; ) {
    const c = t[i];
    if (style === 'printf' && c === '%') {
      if (t[i + 1] === '%') {
        push('%', offsetOf(d, i));
        i += 2;
        continue;
      }
      const m = /^%(?:\([A-Za-z0-9_]{1,64}\))?[-+ #0]{0,5}[0-9*]{0,5}(?:\.[0-9*]{1,5})?[hlLqjzt]{0,2}[A-Za-z]/.exec(t.slice(i, i + 96));
      if (m) {
        push('${', offsetOf(d, i));
        for (let k = 1; k < m[0].length; k++) push(t[i + k], offsetOf(d, i + k));
        push('}', offsetOf(d, i + m[0].length - 1));
        i += m[0].length;
        continue;
      }
    } else if (style === 'braces' && (c === '{' || c === '}')) {
      if (t[i + 1] === c) {
        push(c, offsetOf(d, i));
        i += 2;
        continue;
      }
      let close = -1;
      for (let k = i + 1; c === '{' && k < t.length && k - i <= 64; k++) {
        if (t[k] === '{') break;
        if (t[k] === '}') {
          close = k;
          break;
        }
      }
      if (close > i) {
        push('$', offsetOf(d, i));
        for (let k = i; k <= close; k++) push(t[k], offsetOf(d, k));
        i = close + 1;
        continue;
      }
    }
    push(c, offsetOf(d, i));
    i++;
  }
  offsets.push(offsetOf(d, t.length));
  return { text: out, start: offsets[0], offsets };
}
