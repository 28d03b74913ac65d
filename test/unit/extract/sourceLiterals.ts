/**
 * How each language writes a string: its literal forms (quotes, prefixes, raw strings, text blocks,
 * verbatim and interpolated strings) and their escapes, written from the languages' definitions for the
 * property tests of source-code extraction (sourceProperty.test.ts). Nothing here comes from the
 * extractor.
 *
 * Not written (the languages define them, the extractor reads them otherwise: known gaps, left for now):
 * octal escapes (Python `\101`, Go `\101`, Java `\101`, Ruby `\101`, PHP `\101`), Java's
 * `\s` and `\uuuu0041`, C#'s `\x` with other than two digits, `\N{…}` (Python), escapes that stand for
 * the character after the backslash in JavaScript and Ruby (`\q` → `q`) except `` \` ``, `\$`, `\/`,
 * `\?`, `\{` and `\#`, and a backslash that Python or PHP keep before a character the extractor takes as
 * an escape (`\e`, `\$`, `\/`, `\?`, `\{`, `\#`, `` \` ``; in PHP also `\'`, `\a`, `\b` and a line break);
 * also C#'s `\0` before a digit, a Kotlin raw string that ends with a quote, and carriage returns in
 * JavaScript templates and Go raw strings (which those languages turn into line feeds or drop).
 */
import { hex, isHexDigit, Pick, Segment, spell, utf16Escapes } from './sourceWriting';

/** A value written as a literal: its opening delimiter (with prefixes), body and closing delimiter. */
export interface Spelled {
  open: string;
  body: Segment[];
  close: string;
  syntax: string;
}

/** A literal form of a language: how to write a value in it, or undefined when the form cannot hold the value. */
export interface Form {
  name: string;
  write(value: string, pick: Pick, rawAt: (index: number) => boolean): Spelled | undefined;
}

/** Escapes of a C-like string: after a backslash. */
export interface CEscapes {
  /** One-character escapes: the character → what follows the backslash. */
  simple: Record<string, string>;
  /** `\xHH`: for characters below 0x80 (a byte in Go, Ruby and PHP), below 0x100, or C# (two digits, not before a hex digit). */
  x?: 'ascii' | 'latin1' | 'csharp';
  /** `\uXXXX`: every UTF-16 unit (JavaScript, Java, Kotlin, C#), or only code points of the BMP that are not surrogates. */
  u4?: 'units' | 'bmp';
  /** Characters never written as `\uXXXX` (Java translates those before it reads the string). */
  u4Except?: string;
  /** `\u{H…}` (JavaScript, Ruby, PHP). */
  uBrace?: boolean;
  /** `\UXXXXXXXX` (Python, Go, C#). */
  u8?: boolean;
  /**
   * A backslash before a character that starts no escape is kept (Python, PHP): the characters after
   * which it may not be written alone. Undefined: a backslash is always escaped.
   */
  keptUnless?: string;
  /** A line continuation (backslash, line break) adds nothing to the string. */
  continuation?: boolean;
}

const up = (pick: Pick) => pick.sometimes(2);

/** The escapes that write `ch` (before `following`). */
function escapesOf(spec: CEscapes, ch: string, following: string, pick: Pick): Segment[][] {
  const ways: Segment[][] = [];
  const cp = ch.codePointAt(0)!;
  const f = following[0];
  const simple = spec.simple[ch];
  // `\0` before a digit would be read as an octal escape (or is not allowed).
  if (simple !== undefined && !(simple === '0' && f !== undefined && f >= '0' && f <= '9')) ways.push([[`\\${simple}`, ch]]);
  if (spec.x === 'latin1' ? cp < 0x100 : spec.x === 'ascii' ? cp < 0x80 : spec.x === 'csharp' ? cp < 0x100 && !isHexDigit(f) : false) {
    ways.push([[`\\x${hex(cp, 2, up(pick))}`, ch]]);
  }
  if (spec.u4 === 'units' && !(spec.u4Except ?? '').includes(ch)) ways.push(utf16Escapes(ch, up(pick)));
  if (spec.u4 === 'bmp' && cp <= 0xffff && !(cp >= 0xd800 && cp <= 0xdfff)) ways.push([[`\\u${hex(cp, 4, up(pick))}`, ch]]);
  if (spec.uBrace) ways.push([[`\\u{${hex(cp, pick.one([1, 4, 6]), up(pick))}}`, ch]]);
  if (spec.u8) ways.push([[`\\U${hex(cp, 8, up(pick))}`, ch]]);
  return ways;
}

interface QuotedOptions {
  name: string;
  syntax: string;
  open: string;
  close: string;
  escapes?: CEscapes;
  /** Raw line feeds are allowed. */
  multiline?: boolean;
  /** Ways to write a character that interpolation makes special, or undefined when it is not. */
  special?: (ch: string, following: string) => Segment[][] | undefined;
  /** The value cannot be written in this form. */
  cannot?: (value: string) => boolean;
  /** Writes the quote character doubled (C# verbatim strings). */
  doubledQuote?: boolean;
  /** `\\` and `\'` only (Ruby and PHP single quotes): other backslashes are kept. */
  singleQuoted?: boolean;
  /** A backslash is an ordinary character (C# verbatim strings). */
  rawBackslash?: boolean;
}

/** A quoted literal whose body is written character by character. */
function quoted(o: QuotedOptions): Form {
  const q = o.close[0];
  return {
    name: o.name,
    write(value, pick, rawAt) {
      if (o.cannot?.(value)) return undefined;
      const ways = (ch: string, following: string, index: number): Segment[][] => {
        if (rawAt(index)) return [[[ch, ch]]];
        const special = o.special?.(ch, following);
        if (special) return special;
        const f = following[0];
        const out: Segment[][] = [];
        let raw = (ch !== '\\' || o.rawBackslash === true) && ch !== '\r' && (ch !== '\n' || o.multiline === true);
        if (ch === q) raw = o.close.length > 1 && f !== q;
        if (raw) out.push([[ch, ch]]);
        if (ch === q && o.doubledQuote) out.push([[q + q, q]]);
        if (o.singleQuoted) {
          if (ch === '\\') {
            out.push([['\\\\', '\\']]);
            if (f !== '\\' && f !== q) out.push([['\\', '\\']]);
          }
          if (ch === q) out.push([[`\\${q}`, q]]);
        }
        if (o.escapes) {
          const e = o.escapes;
          if (ch === '\\' && e.keptUnless !== undefined && f !== undefined && !e.keptUnless.includes(f)) out.push([['\\', '\\']]);
          out.push(...escapesOf(e, ch, following, pick));
        }
        return out;
      };
      // Never a continuation inside what must be written as it is.
      const continuations = o.escapes?.continuation
        ? { spellings: ['\\\n', '\\\r\n'], atStart: true, atEnd: true, beforeIndex: (k: number) => !(rawAt(k) && rawAt(k - 1)) }
        : undefined;
      return { open: o.open, body: spell(value, pick, o.close, ways, continuations), close: o.close, syntax: o.syntax };
    },
  };
}

const isIdentStart = (c: string | undefined) => c !== undefined && (/[A-Za-z_]/.test(c) || c.charCodeAt(0) >= 0x80);

/** A `$` that would start an interpolation before `following` (Kotlin, PHP): only escaped there. */
const dollarBefore = (following: string) => isIdentStart(following[0]) || following[0] === '{';

/** Braces doubled (Python f-strings, C# interpolated strings). */
function doubledBraces(ch: string): Segment[][] | undefined {
  return ch === '{' || ch === '}' ? [[[ch + ch, ch]]] : undefined;
}

// ---------------------------------------------------------------- JavaScript and TypeScript

const JS_ESCAPES: CEscapes = {
  simple: { '\b': 'b', '\f': 'f', '\n': 'n', '\r': 'r', '\t': 't', '\v': 'v', '\0': '0', "'": "'", '"': '"', '\\': '\\', '`': '`', $: '$', '/': '/', '?': '?', '{': '{', '#': '#' },
  x: 'latin1',
  u4: 'units',
  uBrace: true,
  continuation: true,
};

export const JS_FORMS: Form[] = [
  quoted({ name: 'single', syntax: 'js-single', open: "'", close: "'", escapes: JS_ESCAPES }),
  quoted({ name: 'double', syntax: 'js-double', open: '"', close: '"', escapes: JS_ESCAPES }),
  quoted({
    name: 'template',
    syntax: 'js-template',
    open: '`',
    close: '`',
    escapes: JS_ESCAPES,
    multiline: true,
    special: (ch, following) => (ch === '$' && following[0] === '{' ? [[['\\$', '$']]] : undefined),
  }),
];

// ---------------------------------------------------------------- Python

/**
 * After a backslash, the characters that make an escape in Python, those the extractor takes as one,
 * and `}` (in an f-string the extractor takes `\}` together, before `}}`).
 */
const PYTHON_ESCAPE_STARTS = '\\\'"abfnrtv01234567xNuU\n\r' + 'e$/?{#`' + '}';

const PYTHON_ESCAPES: CEscapes = {
  simple: { '\\': '\\', "'": "'", '"': '"', '\x07': 'a', '\b': 'b', '\f': 'f', '\n': 'n', '\r': 'r', '\t': 't', '\v': 'v' },
  x: 'latin1',
  u4: 'bmp',
  u8: true,
  keptUnless: PYTHON_ESCAPE_STARTS,
  continuation: true,
};

/** True when `body` is a valid raw string body before `q`: each backslash takes the next character, quotes only so. */
function validRawBody(body: string, q: string, multiline: boolean): boolean {
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\r' || (c === '\n' && !multiline)) return false;
    if (c === '\\') {
      if (i + 1 >= body.length || body[i + 1] === '\r' || (body[i + 1] === '\n' && !multiline)) return false;
      i++;
    } else if (c === q) return false;
  }
  return true;
}

function pythonForms(): Form[] {
  const forms: Form[] = [];
  for (const q of ['"', "'"]) {
    for (const triple of [false, true]) {
      const close = triple ? q + q + q : q;
      const t = triple ? ' triple' : '';
      const quoteName = q === '"' ? 'double' : 'single';
      forms.push({
        name: `plain ${quoteName}${t}`,
        write: (v, pick, rawAt) =>
          quoted({ name: '', syntax: `python-${quoteName}`, open: pick.one(['', 'u', 'U']) + close, close, escapes: PYTHON_ESCAPES, multiline: triple }).write(v, pick, rawAt),
      });
      forms.push({
        name: `f ${quoteName}${t}`,
        write: (v, pick, rawAt) =>
          quoted({ name: '', syntax: `python-f-${quoteName}`, open: pick.one(['f', 'F']) + close, close, escapes: PYTHON_ESCAPES, multiline: triple, special: doubledBraces }).write(
            v,
            pick,
            rawAt,
          ),
      });
      forms.push({
        name: `raw ${quoteName}${t}`,
        write: (v, pick) =>
          validRawBody(v, q, triple) && !(triple && v.endsWith(q)) ? { open: pick.one(['r', 'R']) + close, body: [[v, v]], close, syntax: 'python-raw' } : undefined,
      });
      forms.push({
        name: `raw f ${quoteName}${t}`,
        write: (v, pick) => {
          if (v.includes('\\') || !validRawBody(v, q, triple) || (triple && v.endsWith(q))) return undefined;
          const body: Segment[] = [...v].map((c) => (c === '{' || c === '}' ? [c + c, c] : [c, c]));
          return { open: pick.one(['rf', 'fr', 'Rf', 'fR', 'RF', 'FR']) + close, body, close, syntax: 'python-raw' };
        },
      });
    }
  }
  return forms;
}

export const PYTHON_FORMS = pythonForms();

// ---------------------------------------------------------------- Go

export const GO_FORMS: Form[] = [
  quoted({
    name: 'interpreted',
    syntax: 'go-double',
    open: '"',
    close: '"',
    escapes: { simple: { '\x07': 'a', '\b': 'b', '\f': 'f', '\n': 'n', '\r': 'r', '\t': 't', '\v': 'v', '\\': '\\', '"': '"' }, x: 'ascii', u4: 'bmp', u8: true },
  }),
  // Raw strings: anything but a backquote; carriage returns are dropped from them, so none is written.
  { name: 'raw', write: (v) => (/[`\r]/.test(v) ? undefined : { open: '`', body: [[v, v]], close: '`', syntax: 'go-raw' }) },
];

// ---------------------------------------------------------------- Java

const JAVA_ESCAPES: CEscapes = {
  simple: { '\b': 'b', '\t': 't', '\n': 'n', '\f': 'f', '\r': 'r', '"': '"', "'": "'", '\\': '\\' },
  u4: 'units',
  // Unicode escapes are translated before the string is read: these would end it or start an escape.
  u4Except: '"\\\r\n',
};

/** Blanks of a text block: its indentation, and stripped at the ends of its lines. */
const JAVA_BLANK = /^[ \t\f\v\x1c-\x1f]$/;
const isJavaBlank = (c: string | undefined) => c !== undefined && JAVA_BLANK.test(c);

/** In a text block, a Unicode escape of a blank is a blank (translated first): it would be indentation or stripped. */
const JAVA_BLOCK_ESCAPES: CEscapes = { ...JAVA_ESCAPES, u4Except: '"\\\r\n \t\f\v\x1c\x1d\x1e\x1f' };

/**
 * A Java text block: `"""`, blanks, a line break, the lines (each after the same indentation, which is
 * not part of the value), the closing `"""` on a line of its own (after at least that indentation; the
 * value then ends with a line break, or with `\<line break>` before it when it does not) or after the
 * last line. Escapes apply after the indentation and the blanks at the ends of lines are stripped.
 */
const javaTextBlock: Form = {
  name: 'text block',
  write(value, pick, rawAt) {
    const endsWithBreak = value.endsWith('\n');
    const lines = (endsWithBreak ? value.slice(0, -1) : value).split('\n');
    // A blank at the end of a line that has no escape (a space: `\s`, not written here) cannot be written.
    if (lines.some((l) => /[ \v\x1c-\x1f]$/.test(l) || l.includes('\r'))) return undefined;
    const leadingBlank = lines.some((l) => isJavaBlank(l[0]));
    // A line starting with a blank needs the closing line to fix the indentation.
    const ownLine = endsWithBreak || leadingBlank || pick.sometimes(2);
    if (!ownLine && lines.every((l) => l === '')) return undefined;
    const indent = pick.one(['', '    ', '  ', '\t']);
    const body: Segment[] = [];
    let index = 0;
    const eol = pick.sometimes(4) ? '\r\n' : '\n';
    lines.forEach((line, n) => {
      if (n > 0) body.push([eol, '\n']);
      if (line !== '' || pick.sometimes(2)) body.push([indent, '']);
      const lineEnd = n + 1 < lines.length ? eol : ownLine ? (endsWithBreak ? eol : '\\' + eol) : '"""';
      const from = index;
      const ways = (ch: string, following: string, k: number): Segment[][] => {
        if (rawAt(from + k)) return [[[ch, ch]]];
        const out: Segment[][] = [];
        const atLineEnd = k === [...line].length - 1;
        if (ch !== '\\' && !(ch === '"' && following[0] === '"') && !(isJavaBlank(ch) && atLineEnd)) out.push([[ch, ch]]);
        out.push(...escapesOf(JAVA_BLOCK_ESCAPES, ch, following, pick));
        return out;
      };
      body.push(...spell(line, pick, lineEnd, ways));
      index += [...line].length + 1;
    });
    // The closing line's indentation counts: never less than the lines' (it would become part of them).
    const closingIndent = leadingBlank ? indent : pick.one([indent, indent + '  ']);
    let close = '"""';
    // A value that ends with a line break ends where the closing quotes are (text appended there is one
    // more line); a value joined to the closing line by a backslash ends before the backslash.
    if (ownLine && endsWithBreak) body.push([eol, '\n'], [closingIndent, '']);
    else if (ownLine) close = '\\' + eol + closingIndent + close;
    return { open: `"""${pick.one(['', ' ', '  \t'])}${eol}`, body, close, syntax: 'java-text-block' };
  },
};

export const JAVA_FORMS: Form[] = [quoted({ name: 'string', syntax: 'java-double', open: '"', close: '"', escapes: JAVA_ESCAPES }), javaTextBlock];

// ---------------------------------------------------------------- Kotlin

export const KOTLIN_FORMS: Form[] = [
  quoted({
    name: 'string',
    syntax: 'kotlin-double',
    open: '"',
    close: '"',
    escapes: { simple: { '\t': 't', '\b': 'b', '\n': 'n', '\r': 'r', "'": "'", '"': '"', '\\': '\\', $: '$' }, u4: 'units' },
    special: (ch, following) => (ch === '$' && dollarBefore(following) ? [[['\\$', '$']]] : undefined),
  }),
  {
    // Raw strings: no escapes, `$` starts a template before a name or a brace; the last `"""` of a run of quotes closes.
    name: 'raw',
    write(v) {
      if (v.includes('"""') || v.endsWith('"') || /\$[A-Za-z_{\u0080-\uffff]/.test(v) || v.includes('\r')) return undefined;
      return { open: '"""', body: [[v, v]], close: '"""', syntax: 'kotlin-raw' };
    },
  },
];

// ---------------------------------------------------------------- C#

const CSHARP_ESCAPES: CEscapes = {
  simple: { "'": "'", '"': '"', '\\': '\\', '\0': '0', '\x07': 'a', '\b': 'b', '\f': 'f', '\n': 'n', '\r': 'r', '\t': 't', '\v': 'v', '\x1b': 'e' },
  x: 'csharp',
  u4: 'units',
  u8: true,
};

/** The longest run of quotes in `v`. */
function longestQuoteRun(v: string): number {
  let best = 0;
  let run = 0;
  for (const c of v) {
    run = c === '"' ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best;
}

/**
 * C# raw strings: on one line, `"""…"""` (as many quotes as needed, content neither starting nor ending
 * with one); on several, the opening quotes end their line, the closing quotes start after the same
 * whitespace as every content line, which is not part of the value, nor are the first and last line breaks.
 */
const csharpRaw: Form = {
  name: 'raw',
  write(v, pick) {
    if (v.includes('\r')) return undefined;
    const delimiter = '"'.repeat(Math.max(3, longestQuoteRun(v) + 1));
    const dollars = pick.one(['', '$$']);
    if (dollars && (v.includes('{{') || v.includes('}}'))) return undefined;
    if (!v.includes('\n') && !v.startsWith('"') && !v.endsWith('"') && pick.sometimes(2)) {
      return { open: dollars + delimiter, body: [[v, v]], close: delimiter, syntax: 'csharp-raw' };
    }
    const indent = pick.one(['', '    ', '\t']);
    const body: Segment[] = [];
    v.split('\n').forEach((line, n) => {
      if (n > 0) body.push(['\n', '\n']);
      if (line !== '') body.push([indent, ''], [line, line]);
    });
    return { open: dollars + delimiter + '\n', body, close: '\n' + indent + delimiter, syntax: 'csharp-raw' };
  },
};

export const CSHARP_FORMS: Form[] = [
  quoted({ name: 'regular', syntax: 'csharp-regular', open: '"', close: '"', escapes: CSHARP_ESCAPES }),
  {
    name: 'interpolated',
    write: (v, pick, rawAt) =>
      quoted({ name: '', syntax: 'csharp-interpolated', open: '$"', close: '"', escapes: CSHARP_ESCAPES, special: doubledBraces }).write(v, pick, rawAt),
  },
  quoted({ name: 'verbatim', syntax: 'csharp-verbatim', open: '@"', close: '"', multiline: true, doubledQuote: true, rawBackslash: true, cannot: (v) => v.includes('\r') }),
  {
    name: 'verbatim interpolated',
    write: (v, pick, rawAt) =>
      quoted({
        name: '',
        syntax: 'csharp-verbatim-interpolated',
        open: pick.one(['$@"', '@$"']),
        close: '"',
        multiline: true,
        doubledQuote: true,
        rawBackslash: true,
        special: doubledBraces,
        cannot: (x) => x.includes('\r'),
      }).write(v, pick, rawAt),
  },
  csharpRaw,
];

// ---------------------------------------------------------------- Ruby

const RUBY_ESCAPES: CEscapes = {
  simple: {
    '\n': 'n', '\t': 't', '\r': 'r', '\f': 'f', '\v': 'v', '\x07': 'a', '\x1b': 'e', '\b': 'b', '\0': '0', '\\': '\\', '"': '"', "'": "'", '#': '#', '`': '`',
    $: '$', '/': '/', '?': '?', '{': '{',
  },
  x: 'ascii',
  u4: 'bmp',
  uBrace: true,
  continuation: true,
};

export const RUBY_FORMS: Form[] = [
  quoted({ name: 'single', syntax: 'ruby-single', open: "'", close: "'", multiline: true, singleQuoted: true, cannot: (v) => v.includes('\r') }),
  quoted({
    name: 'double',
    syntax: 'ruby-double',
    open: '"',
    close: '"',
    escapes: RUBY_ESCAPES,
    multiline: true,
    // `#{`, `#@` and `#$` interpolate.
    special: (ch, following) => (ch === '#' && '{@$'.includes(following[0] ?? '') ? [[['\\#', '#']]] : undefined),
  }),
];

// ---------------------------------------------------------------- PHP

/** After a backslash in "…", the characters that make an escape in PHP, and those the extractor takes as one. */
const PHP_ESCAPE_STARTS = 'nrtvef\\$"01234567xu\n\r' + '\'`ab/?{#U';

export const PHP_FORMS: Form[] = [
  quoted({ name: 'single', syntax: 'php-single', open: "'", close: "'", multiline: true, singleQuoted: true, cannot: (v) => v.includes('\r') }),
  quoted({
    name: 'double',
    syntax: 'php-double',
    open: '"',
    close: '"',
    escapes: {
      simple: { '\n': 'n', '\r': 'r', '\t': 't', '\v': 'v', '\x1b': 'e', '\f': 'f', '\\': '\\', $: '$', '"': '"', '\0': '0' },
      x: 'ascii',
      uBrace: true,
      keptUnless: PHP_ESCAPE_STARTS,
    },
    multiline: true,
    // `$name`, `${` and `{$` interpolate: a `$` is always escaped.
    special: (ch) => (ch === '$' ? [[['\\$', '$']]] : undefined),
  }),
];
