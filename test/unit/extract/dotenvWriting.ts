/**
 * Writing .env files with known values in them (dotenvProperty.test.ts, encodeProperty.test.ts).
 *
 * The .env format, as the dotenv package reads it: `KEY=value` or
 * `export KEY=value` (`:` also separates); an unquoted value ends at the line end or at a `#` after a
 * blank, and trailing blanks are not part of it; '…' and `…` are literal; "…" knows `\n`, `\r`, `\t`,
 * `\"`, `\\` and a backslash before a line break (the lines are joined), and keeps any other backslash.
 * Quoted values may span lines.
 */
import fc from 'fast-check';
import { connectionValue, mentionToken, nameValue } from '../fuzz/arbitraries';
import { ALL_STYLES, DocWriter, keyIn, KeyWords, mongoKey, Pick, Segment, spell } from './sourceWriting';

/** Lines that hold nothing: comments and settings without "mongo" whose keys say nothing (or say something of non-MongoDB values). */
const FILLER = [
  '# settings for local development', '', '   ', '\t', 'PORT=8080', 'export NODE_ENV=production', 'GREETING="hello \\"world\\"\\n"', 'EMPTY=',
  "QUOTED='a # b'", 'HASHED=a#b # c', 'JSON={"a": [1, 2]}', 'MULTI="line one\nline two"', 'PATH_LIST=/usr/bin:/bin', '# export X=1',
  'SPACED = value with spaces   ', '  # indented', 'TICKS=`echo hi`', 'REDIS_URL=redis://cache:6379', 'DATABASE_URL="postgres://pg:5432/app"',
  'CLUSTER_NAME=c0', "SINGLE='it\"s'", 'BACKSLASH="C:\\\\dir\\x"', 'CONTINUED="one \\\ntwo"', 'key.with-dots=1', 'DB_HOST: db.local',
];

/** Comments that mention a connection string, each ending at the line end. */
const MENTION_LINES: Array<[before: string, after: string]> = [
  ['# see ', ''],
  ['#', ' for details'],
  ['  # primary: ', '.'],
];

type Form = 'unquoted' | 'single' | 'double' | 'backtick';

function canWrite(form: Form, value: string): boolean {
  switch (form) {
    case 'unquoted':
      return !/[\r\n]/.test(value) && !/^[ \t"'`#]/.test(value) && !/[ \t]$/.test(value) && !/[ \t]#/.test(value);
    case 'single':
      return !value.includes("'");
    case 'backtick':
      return !value.includes('`');
    case 'double':
      return true;
  }
}

/** The ways to write a character inside "…", given the source that follows it. */
function doubleQuoted(ch: string, following: string): Segment[][] {
  switch (ch) {
    case '"':
      return [[['\\"', '"']]];
    case '\\': {
      // A backslash is kept as written when it does not start one of the escapes or a continuation.
      const kept = following[0] !== undefined && !'nrt"\\\r\n'.includes(following[0]);
      return kept ? [[['\\\\', '\\']], [['\\', '\\']]] : [[['\\\\', '\\']]];
    }
    case '\n':
      return [[['\\n', '\n']], [['\n', '\n']]];
    case '\r':
      return [[['\\r', '\r']]];
    case '\t':
      return [[['\t', '\t']], [['\\t', '\t']]];
    default:
      return [[[ch, ch]]];
  }
}

const SEPARATORS = ['=', ' = ', ':', ': ', '\t=\t', '= ', '  =', ':\t'];

/** Writes `KEY=value` (with what may come around it) and records the value. */
function writeEntry(w: DocWriter, key: string, kind: string, value: string, pick: Pick): void {
  w.code(pick.one(['', '  ', '\t'])).code(pick.one(['', 'export ', 'export  ', 'export\t'])).code(key).code(pick.one(SEPARATORS));
  const forms = (['unquoted', 'double', 'single', 'backtick'] as Form[]).filter((f) => canWrite(f, value));
  const form = pick.one(forms);
  if (form === 'unquoted') {
    w.begin().raw(value).end(kind, 'dotenv-unquoted', key);
    w.code(pick.one(['', ' # note', '   #note', '\t# "quoted" note', ' #', '   ']));
    return;
  }
  const q = form === 'single' ? "'" : form === 'double' ? '"' : '`';
  w.code(q).begin();
  if (form === 'double') {
    w.segments(spell(value, pick, '"', (ch, following) => doubleQuoted(ch, following), { spellings: ['\\\n', '\\\r\n'], atStart: true, atEnd: true }));
  } else {
    w.raw(value);
  }
  w.end(kind, form === 'single' ? 'dotenv-single' : form === 'double' ? 'dotenv-double' : 'raw', key);
  w.code(q).code(pick.one(['', ' # note', '  #', '   ', '\t# it\'s "here"']));
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

export type Item = { filler: string } | { entry: Entry } | { mention: string };

export const item: fc.Arbitrary<Item> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...FILLER).map((filler) => ({ filler })) },
  { weight: 3, arbitrary: entry.map((e) => ({ entry: e })) },
  { weight: 1, arbitrary: mentionToken.map((mention) => ({ mention })) },
);

/** A .env document of filler, entries and comments that mention connection strings; what it holds is recorded in the writer. */
export function writeDocument(items: readonly Item[], pick: Pick): DocWriter {
  const w = new DocWriter();
  const eol = pick.one(['\n', '\r\n']);
  items.forEach((it, n) => {
    if (n > 0) w.code(eol);
    if ('filler' in it) w.code(it.filler);
    else if ('mention' in it) {
      const [before, after] = pick.one(MENTION_LINES);
      w.code(before).begin().raw(it.mention).end('uri', 'raw').code(after);
    } else {
      const e = it.entry;
      const key = keyIn(e.key, pick.one(ALL_STYLES));
      writeEntry(w, key, e.key.kind, e.key.kind === 'uri' ? e.uriValue : e.nameValue, pick);
    }
  });
  if (pick.sometimes(2)) w.code(eol);
  return w;
}

export const documentItems = fc.array(item, { maxLength: 12 });

