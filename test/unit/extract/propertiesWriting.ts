/**
 * Writing .properties files with known values in them (propertiesProperty.test.ts, encodeProperty.test.ts).
 *
 * The format (java.util.Properties.load): lines end at \n, \r or \r\n; a line whose first non-blank
 * character is `#` or `!` is a comment (and never continues); otherwise an odd number of backslashes
 * at the end of a line joins the next line, whose leading blanks (space, tab, form feed) are dropped.
 * The key runs to the first unescaped `=`, `:` or blank; then blanks, at most one `=` or `:`, and
 * blanks again separate it from the value. In keys and values `\t`, `\n`, `\r`, `\f` and `\uXXXX` are
 * escapes and a backslash before any other character stands for that character.
 *
 * Not written here: blanks at the end of a value. Java keeps them; the extractor drops them (a
 * connection string never ends in one), so neither reading is held to.
 */
import fc from 'fast-check';
import { connectionValue, mentionToken, nameValue } from '../fuzz/arbitraries';
import { ALL_STYLES, Continuations, DocWriter, keyIn, KeyWords, mongoKey, Pick, Segment, spell, utf16Escapes } from './sourceWriting';

const BLANKS = ' \t\f';
const isBlank = (c: string | undefined) => c !== undefined && BLANKS.includes(c);

/** Lines that hold nothing, each a list of lines (a continued line is two). */
const FILLER: string[][] = [
  ['server.port=8080'], ['# comment'], ['! also a comment'], [''], ['   '], ['app.description=Line one \\', '    line two'], ['empty='], ['empty2'],
  ['key\\ with\\ spaces=x'], ['greeting hello world'], ['path=C:\\\\dir\\\\x'], ['# a comment ending in a backslash \\'], ['unicode=\\u00e9t\\u00E9'],
  ['redis.url=redis://cache:6379'], ['spring.datasource.url=jdbc:postgresql://pg/app'], ['cluster.name=c0'], ['  indented.key = value'], ['a:b'],
  ['x=y=z'], ['\\#not.a.comment=1'], ['list=a,\\', '  b,\\', '\tc'],
];

/** Ways to write a character of a key (ours are letters, digits, `_`, `-` and `.`: none needs an escape). */
function keyChar(ch: string, pick: Pick): Segment[] {
  const ways: Segment[][] = [[[ch, ch]], utf16Escapes(ch, pick.sometimes(2))];
  if (!'tnrfu'.includes(ch)) ways.push([[`\\${ch}`, ch]]);
  return pick.one(ways);
}

/** Ways to write a character of a value, given the source that follows it; `first` when nothing may be skipped before it. */
function valueChar(ch: string, following: string, index: number, sepTakesEquals: boolean, upper: boolean): Segment[][] {
  const last = following === '';
  const ways: Segment[][] = [];
  const simple: Record<string, string> = { '\t': 't', '\n': 'n', '\r': 'r', '\f': 'f' };
  if (ch === '\\') return [[['\\\\', '\\']]];
  if (simple[ch]) ways.push([[`\\${simple[ch]}`, ch]]);
  const rawOk =
    ch !== '\n' && ch !== '\r' && !(isBlank(ch) && (index === 0 || last)) && !(index === 0 && !sepTakesEquals && (ch === '=' || ch === ':'));
  if (rawOk) ways.unshift([[ch, ch]]);
  ways.push(utf16Escapes(ch, upper));
  if (ch.length === 1 && !'tnrfu\n\r'.includes(ch)) ways.push([[`\\${ch}`, ch]]);
  return ways;
}

export interface Entry {
  key: KeyWords;
  uriValue: string;
  nameValue: string;
}

export const entry: fc.Arbitrary<Entry> = fc.record({
  key: mongoKey(),
  uriValue: connectionValue({ lineBreaks: true, controls: true }),
  nameValue: nameValue({ lineBreaks: true }),
});

/** Separators: blanks, at most one `=` or `:`, blanks; now and then a continuation in them. */
function separator(pick: Pick, eol: string): { sep: string; takesEquals: boolean } {
  const c = pick.one(['=', ':', '', '=', ':']);
  const blanks = () => pick.one(['', '', ' ', '  ', '\t', '\f']);
  let before = blanks();
  let after = blanks();
  // Without `=` or `:`, a blank ends the key, and it must come before a continuation (which drops the blanks after it).
  if (c === '' && before === '') before = ' ';
  if (pick.sometimes(6)) before += `\\${eol}${pick.one(['', '  ', '\t'])}`;
  if (pick.sometimes(6)) after += `\\${eol}${pick.one(['', '    ', '\t'])}`;
  return { sep: before + c + after, takesEquals: c !== '' };
}

export function writeEntry(w: DocWriter, e: Entry, pick: Pick, eol: string): void {
  const key = keyIn(e.key, pick.one(ALL_STYLES));
  const value = e.key.kind === 'uri' ? e.uriValue : e.nameValue;
  const continuation = (): string => `\\${eol}${pick.one(['', '    ', '\t', ' \f'])}`;
  const continuations: Continuations = {
    spellings: [continuation(), continuation()],
    atStart: true,
    before: (following) => !isBlank(following[0]),
  };
  w.code(pick.one(['', '  ', '\t', '\f']));
  // The key: written now and then with escapes, and continued within.
  const keyParts: Segment[] = [];
  const escapedKey = pick.sometimes(4);
  [...key].forEach((ch, k) => {
    if (escapedKey && k > 0 && pick.sometimes(8)) keyParts.push([continuation(), '']);
    keyParts.push(...(escapedKey && pick.sometimes(3) ? keyChar(ch, pick) : [[ch, ch] as Segment]));
  });
  w.code(keyParts.map((s) => s[0]).join(''));
  const { sep, takesEquals } = separator(pick, eol);
  w.code(sep);
  const upper = pick.sometimes(2);
  w.begin().segments(spell(value, pick, '', (ch, following, index) => valueChar(ch, following, index, takesEquals, upper), continuations));
  w.end(e.key.kind, 'properties', key);
}

export type Item = { filler: string[] } | { entry: Entry } | { mention: string };

export const item: fc.Arbitrary<Item> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...FILLER).map((filler) => ({ filler })) },
  { weight: 3, arbitrary: entry.map((e) => ({ entry: e })) },
  { weight: 1, arbitrary: mentionToken.map((mention) => ({ mention })) },
);

export function writeDocument(items: readonly Item[], pick: Pick): DocWriter {
  const w = new DocWriter();
  const eol = pick.one(['\n', '\r\n', '\r']);
  items.forEach((it, n) => {
    if (n > 0) w.code(eol);
    if ('filler' in it) w.code(it.filler.join(eol));
    else if ('mention' in it) {
      w.code(pick.one(['# see ', '!', '  # primary: '])).begin().raw(it.mention).end('uri', 'raw').code(pick.one(['', ' for details', '.']));
    } else writeEntry(w, it.entry, pick, eol);
  });
  if (pick.sometimes(2)) w.code(eol);
  return w;
}

