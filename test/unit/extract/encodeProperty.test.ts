/**
 * Escaping for the host syntax (`encodeForHost`), what quick fixes write back into a document: decoding
 * what it writes gives back what it was given.
 *
 * - Round trips: a value escaped for a syntax and written between that syntax's delimiters is read back
 *   by the extractor as the same value, in that syntax.
 * - Edits: a value written in a known way (the writers of the extractors' property tests) has a part of
 *   it replaced as a quick fix does (the document range of decoded characters [a, b) gets the escaped
 *   replacement); the extractor then reads the value with that part replaced.
 *
 * Syntaxes that write text as it is (raw strings, unquoted and single-quoted values) cannot hold every
 * character: their values and replacements are made of characters they can hold.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { encodeForHost, extractValues } from '../../../server/src/service/extract';
import type { EmbeddedValue, HostSyntax } from '../../../server/src/service/api';
import { toDocumentOffset } from '../../../server/src/service/extract/offsets';
import { connectionValue, plainReplacementText, replacementText } from '../fuzz/arbitraries';
import * as dotenv from './dotenvWriting';
import * as properties from './propertiesWriting';
import * as shell from './shellWriting';
import * as source from './sourceLanguages';
import { check, DocWriter, noted, Pick, seeds } from './sourceWriting';

const escape = (syntax: HostSyntax, s: string) => encodeForHost({ kind: 'uri', text: '', start: 0, syntax }, s);

/** A syntax, a document with the escaped value in it, and what the syntax cannot hold (taken out of the value). */
interface Host {
  syntax: HostSyntax;
  languageId: string;
  wrap: (escaped: string) => string;
  /** The value made of characters the syntax can hold (unchanged for syntaxes with escapes for all). */
  holdable?: (s: string) => string;
}

const without = (chars: RegExp) => (s: string) => s.replace(chars, '');

const HOSTS: Host[] = [
  // Unquoted: one line, no blank before `#`, none at the end.
  {
    syntax: 'dotenv-unquoted',
    languageId: 'dotenv',
    wrap: (e) => `MONGO_URI=${e}\n`,
    holdable: (s) => s.replace(/[\r\n]/g, '').replace(/[ \t]+(?=#)/g, '').replace(/[ \t]+$/, '').replace(/^[ \t"'`#]+/, ''),
  },
  { syntax: 'dotenv-single', languageId: 'dotenv', wrap: (e) => `MONGO_URI='${e}'\n`, holdable: without(/'/g) },
  { syntax: 'dotenv-double', languageId: 'dotenv', wrap: (e) => `MONGO_URI="${e}"\n` },
  { syntax: 'raw', languageId: 'dotenv', wrap: (e) => `MONGO_URI=\`${e}\`\n`, holdable: without(/`/g) },
  { syntax: 'properties', languageId: 'properties', wrap: (e) => `spring.data.mongodb.uri=${e}\n` },
  { syntax: 'shell-unquoted', languageId: 'shellscript', wrap: (e) => `MONGO_URI=${e}\n` },
  { syntax: 'shell-single', languageId: 'shellscript', wrap: (e) => `MONGO_URI='${e}'\n` },
  { syntax: 'shell-double', languageId: 'shellscript', wrap: (e) => `MONGO_URI="${e}"\n` },
  { syntax: 'shell-ansi', languageId: 'shellscript', wrap: (e) => `MONGO_URI=$'${e}'\n` },
  { syntax: 'js-single', languageId: 'javascript', wrap: (e) => `const MONGO_URI = '${e}';\n` },
  { syntax: 'js-double', languageId: 'typescript', wrap: (e) => `const MONGO_URI = "${e}";\n` },
  { syntax: 'js-template', languageId: 'javascript', wrap: (e) => `const MONGO_URI = \`${e}\`;\n` },
  { syntax: 'python-single', languageId: 'python', wrap: (e) => `MONGO_URI = '${e}'\n` },
  { syntax: 'python-double', languageId: 'python', wrap: (e) => `MONGO_URI = "${e}"\n` },
  { syntax: 'python-f-single', languageId: 'python', wrap: (e) => `MONGO_URI = f'${e}'\n` },
  { syntax: 'python-f-double', languageId: 'python', wrap: (e) => `MONGO_URI = f"${e}"\n` },
  // Raw strings: no quote, no line break, and a backslash takes the next character.
  { syntax: 'python-raw', languageId: 'python', wrap: (e) => `MONGO_URI = r"${e}"\n`, holdable: (s) => s.replace(/["\r\n]/g, '').replace(/\\+$/, '') },
  { syntax: 'go-double', languageId: 'go', wrap: (e) => `var mongoURI = "${e}"\n` },
  { syntax: 'go-raw', languageId: 'go', wrap: (e) => `var mongoURI = \`${e}\`\n`, holdable: without(/[`\r]/g) },
  { syntax: 'java-double', languageId: 'java', wrap: (e) => `String MONGO_URI = "${e}";\n` },
  // A text block strips spaces at the ends of lines (only `\s`, which the extractor does not read, would keep them).
  { syntax: 'java-text-block', languageId: 'java', wrap: (e) => `String MONGO_URI = """\n${e}""";\n`, holdable: (s) => s.replace(/ +$/, '') },
  { syntax: 'kotlin-double', languageId: 'kotlin', wrap: (e) => `val MONGO_URI = "${e}"\n` },
  { syntax: 'kotlin-raw', languageId: 'kotlin', wrap: (e) => `val MONGO_URI = """${e}"""\n`, holdable: without(/["\r$]/g) },
  { syntax: 'csharp-regular', languageId: 'csharp', wrap: (e) => `var mongoUri = "${e}";\n` },
  { syntax: 'csharp-verbatim', languageId: 'csharp', wrap: (e) => `var mongoUri = @"${e}";\n` },
  { syntax: 'csharp-interpolated', languageId: 'csharp', wrap: (e) => `var mongoUri = $"${e}";\n` },
  { syntax: 'csharp-verbatim-interpolated', languageId: 'csharp', wrap: (e) => `var mongoUri = $@"${e}";\n` },
  { syntax: 'csharp-raw', languageId: 'csharp', wrap: (e) => `var mongoUri = """${e}""";\n`, holdable: without(/["\r\n]/g) },
  { syntax: 'ruby-single', languageId: 'ruby', wrap: (e) => `MONGO_URI = '${e}'\n` },
  { syntax: 'ruby-double', languageId: 'ruby', wrap: (e) => `MONGO_URI = "${e}"\n` },
  { syntax: 'php-single', languageId: 'php', wrap: (e) => `$mongoUri = '${e}';\n` },
  { syntax: 'php-double', languageId: 'php', wrap: (e) => `$mongoUri = "${e}";\n` },
];

/** The values of a document that have a key. */
function keyed(values: readonly EmbeddedValue[]): EmbeddedValue[] {
  return values.filter((v) => v.key !== undefined);
}

describe('escaping for the host syntax', () => {
  it('reads back every value escaped for its syntax, in that syntax', () => {
    check(
      'encode round trips',
      fc.property(fc.constantFrom(...HOSTS.map((h) => h.syntax)), connectionValue({ lineBreaks: true, controls: true }), (syntax, raw) => {
        const host = HOSTS.find((h) => h.syntax === syntax)!;
        const value = host.holdable ? host.holdable(raw) : raw;
        const doc = host.wrap(escape(syntax, value));
        const found = keyed(extractValues(doc, host.languageId, 'file:///x'));
        noted(() =>
          assert.deepStrictEqual(
            found.map((v) => [v.text, v.syntax]),
            [[value, syntax]],
            `${syntax}: ${JSON.stringify(value)} written as ${JSON.stringify(doc)}`,
          ),
        );
      }),
      3000,
    );
  });
});

/** Syntaxes that write text as it is: a replacement in them is made of characters every one of them holds. */
const AS_WRITTEN = new Set<string>(['dotenv-unquoted', 'dotenv-single', 'raw', 'python-raw', 'go-raw', 'kotlin-raw', 'csharp-raw']);

/** A document with one value under a key, written in a known way, and its language. */
const written: fc.Arbitrary<{ doc: string; languageId: string }> = fc.oneof(
  fc.tuple(dotenv.entry, seeds).map(([e, s]) => ({ doc: dotenv.writeDocument([{ entry: e }], new Pick(s)).src, languageId: 'dotenv' })),
  fc.tuple(properties.entry, seeds).map(([e, s]) => ({ doc: properties.writeDocument([{ entry: e }], new Pick(s)).src, languageId: 'properties' })),
  // In one quoting: a value of several parts has the syntax of its first.
  fc.tuple(shell.entry, seeds).map(([e, s]) => ({ doc: shell.writeDocument([{ entry: e }], new Pick(s), true).src, languageId: 'shellscript' })),
  fc.tuple(source.languageId, source.entry, seeds).map(([id, e, s]) => {
    const pick = new Pick(s);
    const lang = source.languageOf(id);
    const w: DocWriter = source.writeDocument(lang, [{ entry: e }], pick);
    return { doc: w.src, languageId: pick.one(lang.ids) };
  }),
);

/** Offsets in a text where a code point starts, and its end. */
function boundaries(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!(c >= 0xdc00 && c <= 0xdfff && i > 0)) out.push(i);
  }
  out.push(text.length);
  return out;
}

const BLANK = /^[ \t\f]|[ \t\f]$/;

describe('quick fix edits', () => {
  it('replace a part of a value written in a known way with exactly the replacement', () => {
    check(
      'encode edits',
      fc.property(written, fc.nat(), fc.nat(), replacementText, plainReplacementText, ({ doc, languageId }, n1, n2, anyText, plainText) => {
        const [v] = keyed(extractValues(doc, languageId, 'file:///x'));
        const at = boundaries(v.text);
        const [a, b] = [at[n1 % at.length], at[n2 % at.length]].sort((x, y) => x - y);
        const syntax = v.syntax ?? 'raw';
        const replacement = AS_WRITTEN.has(syntax) ? plainText : anyText;
        const expected = v.text.slice(0, a) + replacement + v.text.slice(b);
        // What the extractor does not take as a value: blank, a constant's name, what may be a placeholder, a bare scheme.
        fc.pre(/[^\x00-\x20]/.test(expected) && !/^[A-Z][A-Z0-9_]*$/.test(expected) && !/^[\x00-\x20]*[$#{%<]/.test(expected) && !/^mongodb(\+srv)?:\/\/$/i.test(expected));
        // Under a connection-string key, a value is one by its scheme (without it, only a host list is): keep the scheme.
        if (v.kind === 'uri') fc.pre(/^mongodb(\+srv)?:\/\//i.test(expected));
        // A backslash kept as written takes the next character if that starts an escape: what an edit puts after it
        // depends on it, which escaping the replacement alone cannot know.
        const o = (k: number) => toDocumentOffset(v, k);
        // The same for a quote kept as written, which an edit may bring next to the closing quotes.
        fc.pre(!(a > 0 && '\\"\'`'.includes(v.text[a - 1]) && o(a) - o(a - 1) === 1 && doc[o(a - 1)] === v.text[a - 1]));
        // `$` starts an interpolation (escaping keeps `${…}` placeholders as the host's interpolations): one at the
        // end of a replacement would start one with what follows; a shell's `$(…)` is read as a placeholder.
        fc.pre(!replacement.endsWith('$') && !(syntax.startsWith('shell') && expected.includes('$(')));
        // Blanks that an edit brings to an end of a value without writing them: skipped or dropped.
        if (syntax === 'properties' || syntax === 'dotenv-unquoted') fc.pre(!BLANK.test(expected) || BLANK.test(replacement));
        // A raw value that an edit makes unable to hold what is around the replacement.
        const host = HOSTS.find((h) => h.syntax === syntax);
        if (AS_WRITTEN.has(syntax) && host?.holdable) fc.pre(host.holdable(expected) === expected);
        // Spaces at the ends of a text block's lines (see HOSTS); text appended to a text block that ends with a
        // line break goes on the closing line, whose indentation (which may be deeper) then counts.
        if (syntax === 'java-text-block') fc.pre(!/^ | $/.test(replacement) && !(b === v.text.length && v.text.endsWith('\n')));
        // A blank that an edit brings to the start of a line without writing it: indentation, or skipped after a
        // .properties line continuation.
        if (syntax === 'java-text-block') fc.pre(!(replacement === '' && /^[ \t]/.test(v.text.slice(b)) && (a === 0 || v.text[a - 1] === '\n')));
        // And to the end of a text block's line: stripped.
        if (syntax === 'java-text-block') fc.pre(!(replacement === '' && /[ \t]$/.test(v.text.slice(0, a)) && (b === v.text.length || v.text[b] === '\n')));
        if (syntax === 'properties') fc.pre(!(replacement === '' && /^[ \t\f]/.test(v.text.slice(b))));
        // A `=` or `:` that an edit brings to the start of a .properties value without writing it: a separator.
        if (syntax === 'properties') fc.pre(!(a === 0 && replacement === '' && /^[=:]/.test(expected)));
        const edited = doc.slice(0, toDocumentOffset(v, a)) + encodeForHost(v, replacement) + doc.slice(toDocumentOffset(v, b));
        const after = keyed(extractValues(edited, languageId, 'file:///x'));
        noted(() =>
          assert.deepStrictEqual(
            after.map((x) => x.text),
            [expected],
            `${syntax}: [${a}, ${b}) of ${JSON.stringify(v.text)} replaced by ${JSON.stringify(replacement)}: ${JSON.stringify(doc)} became ${JSON.stringify(edited)}`,
          ),
        );
      }),
      3000,
    );
  });
});

describe('escaping for the host syntax: what the round trips and edits found', () => {
  const cases: Array<[HostSyntax, string, string, (e: string) => string, string]> = [
    // [syntax, value, its escaping, document, language]
    // Under database keys, whose values are taken whatever they hold (a connection string needs its scheme).
    ['shell-unquoted', 'a\nb', "a'\n'b", (e) => `MONGO_DB=${e}\n`, 'shellscript'],
    ['shell-unquoted', 'a$\nb', "a\\$'\n'b", (e) => `MONGO_DB=${e}\n`, 'shellscript'],
    ['shell-ansi', "it's a\\b\n", "it\\'s a\\\\b\\n", (e) => `MONGO_DB=$'${e}'\n`, 'shellscript'],
    ['properties', '=x  ', '\\=x\\ \\ ', (e) => `spring.data.mongodb.database ${e}\n`, 'properties'],
    ['java-text-block', 'a\n  b\t', 'a\\n  b\\t', (e) => `String MONGO_DATABASE = """\n    ${e}""";\n`, 'java'],
    ['php-double', 'a`b{$c}', 'a`b{\\$c}', (e) => `$mongoDatabase = "${e}";\n`, 'php'],
  ];
  for (const [syntax, value, escaped, wrap, languageId] of cases) {
    it(`${syntax}: ${JSON.stringify(value)}`, () => {
      assert.equal(escape(syntax, value), escaped);
      assert.deepEqual(
        keyed(extractValues(wrap(escaped), languageId, 'file:///x')).map((v) => [v.text, v.syntax]),
        [[value, syntax]],
      );
    });
  }
});
