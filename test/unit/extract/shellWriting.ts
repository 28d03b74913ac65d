/**
 * Writing shell scripts with known values in them (shellProperty.test.ts, encodeProperty.test.ts).
 *
 * The shell's rules (POSIX sh and bash): unquoted, a backslash makes the next character literal and a
 * backslash before a line break joins the lines; '…' is literal; in "…" a backslash escapes only `$`,
 * `` ` ``, `"`, `\` and a line break, `$` and `` ` `` start expansions; in $'…' backslash escapes are
 * decoded as in C. Adjacent parts make one word.
 */
import fc from 'fast-check';
import { connectionValue, mentionToken, nameValue } from '../fuzz/arbitraries';
import { DocWriter, IDENTIFIER_STYLES, keyIn, KeyWords, mongoKey, Pick, Segment, spell } from './sourceWriting';

/** Characters that must be escaped or quoted outside quotes: blanks, quotes, expansions, operators, globs, `~`. */
const UNQUOTED_SPECIAL = ' \t\r\n\\\'"`$;&|<>()*?[]{}~';

type Quoting = 'unquoted' | 'single' | 'double' | 'ansi';

const SYNTAX: Record<Quoting, string> = { unquoted: 'shell-unquoted', single: 'shell-single', double: 'shell-double', ansi: 'shell-ansi' };

function canQuote(q: Quoting, part: string): boolean {
  if (q === 'single') return !part.includes("'");
  if (q === 'unquoted') return !part.includes('\n');
  return true;
}

function unquotedChar(ch: string): Segment[][] {
  // `\` before a character of two UTF-16 units is left out: which unit's offset the escape gives is not worth holding to.
  const escaped: Segment[] = [[`\\${ch}`, ch]];
  if (UNQUOTED_SPECIAL.includes(ch)) return [escaped];
  return ch.length === 1 ? [[[ch, ch]], escaped] : [[[ch, ch]]];
}

function doubleQuotedChar(ch: string, following: string): Segment[][] {
  const f = following[0];
  switch (ch) {
    case '"':
      return [[['\\"', '"']]];
    case '`':
      return [[['\\`', '`']]];
    case '$':
      // A `$` before a name, a brace, a parenthesis or a special parameter starts an expansion.
      return f !== undefined && /[^A-Za-z0-9_{(@*#?$!-]/.test(f) ? [[['$', '$']], [['\\$', '$']]] : [[['\\$', '$']]];
    case '\\':
      return f !== undefined && !'$`"\\\n'.includes(f) ? [[['\\', '\\']], [['\\\\', '\\']]] : [[['\\\\', '\\']]];
    default:
      return [[[ch, ch]]];
  }
}

/** The escapes of $'…' that the extractor reads: bash has more (`\E`, `\?`, octal, `\x`, `\u`, `\U`, `\c`), not written here (see the report in the commit). */
const ANSI_ESCAPES: Record<string, string> = { '\n': 'n', '\t': 't', '\r': 'r', '\x07': 'a', '\b': 'b', '\x1b': 'e', '\f': 'f', '\v': 'v', '\\': '\\', "'": "'", '"': '"' };
/** The characters after a backslash in $'…' that make an escape in bash. */
const ANSI_ESCAPE_CHARS = 'abeEfnrtv\\\'"?01234567xuUc';

function ansiChar(ch: string, following: string): Segment[][] {
  const ways: Segment[][] = [];
  const f = following[0];
  if (ch !== "'" && ch !== '\\') ways.push([[ch, ch]]);
  else if (ch === '\\' && f !== undefined && !ANSI_ESCAPE_CHARS.includes(f)) ways.push([[ch, ch]]);
  if (ANSI_ESCAPES[ch] !== undefined) ways.push([[`\\${ANSI_ESCAPES[ch]}`, ch]]);
  return ways;
}

/**
 * Writes a value as one word of non-empty parts and records it: it ends after the source of its last
 * character (inside the closing quote of a quoted last part, where text appended to it goes), and its
 * syntax is its first part's.
 */
function writeWord(w: DocWriter, value: string, pick: Pick, kind: string, key?: string, onePart = false): void {
  const cps = [...value];
  const cuts = new Set<number>();
  const parts = !onePart && pick.sometimes(3) ? 1 + pick.of(3) : 0;
  for (let k = 0; k < parts; k++) cuts.add(1 + pick.of(Math.max(1, cps.length - 1)));
  const bounds = [0, ...[...cuts].filter((c) => c < cps.length).sort((a, b) => a - b), cps.length];
  let syntax = '';
  w.begin();
  for (let k = 0; k + 1 < bounds.length; k++) {
    const part = cps.slice(bounds[k], bounds[k + 1]).join('');
    const last = k + 2 === bounds.length;
    const q = pick.one((['unquoted', 'double', 'single', 'ansi'] as Quoting[]).filter((x) => canQuote(x, part)));
    if (syntax === '') syntax = SYNTAX[q];
    // Line continuations anywhere but after the last character (where they are not part of the value).
    const lineJoins = { spellings: ['\\\n'], atStart: k > 0 || q !== 'unquoted', atEnd: !last };
    const close = (quote: string) => {
      if (last) w.end(kind, syntax, key);
      w.code(quote);
    };
    switch (q) {
      case 'unquoted':
        w.segments(spell(part, pick, '', (ch) => unquotedChar(ch), lineJoins));
        close('');
        break;
      case 'single':
        w.code("'").raw(part);
        close("'");
        break;
      case 'double':
        w.code('"').segments(spell(part, pick, '"', (ch, following) => doubleQuotedChar(ch, following), lineJoins));
        close('"');
        break;
      case 'ansi':
        w.code("$'").segments(spell(part, pick, "'", (ch, following) => ansiChar(ch, following)));
        close("'");
        break;
    }
  }
}

/** Where `NAME=` may be written: alone, after a builtin, before a command, or as an option. */
const ASSIGNMENTS: Array<[before: string, option: boolean]> = [
  ['', false], ['export ', false], ['readonly ', false], ['local ', false], ['declare -x ', false], ['docker run -e ', false], ['mongosh --', true], ['mongodump --', true],
];
const AFTER = ['', ' ', ';', ' # done', ' && echo ok', ' | tee /dev/null', ' >/dev/null', ' cmd --flag', '\t'];

export interface Entry {
  key: KeyWords;
  uriValue: string;
  nameValue: string;
}

export const entry: fc.Arbitrary<Entry> = fc.record({
  key: mongoKey(),
  uriValue: connectionValue({ lineBreaks: true }),
  nameValue: nameValue({ lineBreaks: true }),
});

/** Writes `NAME=value`; with `onePart`, the value in one quoting (whose syntax then holds for all of it). */
export function writeEntry(w: DocWriter, e: Entry, pick: Pick, onePart = false): void {
  const [before, option] = pick.one(ASSIGNMENTS);
  const key = option ? keyIn(e.key, pick.one(['kebab', 'snake'] as const)) : keyIn(e.key, pick.one(IDENTIFIER_STYLES));
  const value = e.key.kind === 'uri' ? e.uriValue : e.nameValue;
  w.code(before + key + '=');
  writeWord(w, value, pick, e.key.kind, key, onePart);
  w.code(pick.one(AFTER));
}

/** Lines that hold nothing. */
const FILLER = [
  '#!/usr/bin/env bash', 'set -euo pipefail', 'echo "hello world"', '# a comment', '', 'cd /tmp && ls -la | grep x > out.txt', 'if [ -n "$HOME" ]; then echo ok; fi',
  'PORT=8080', 'for f in *.txt; do echo "$f"; done', 'cat <<EOF\nit\'s a "heredoc" with \' and "\nEOF', "cat <<-'END'\n\tsome 'text\n\tEND", 'x=$(date +%s)',
  ': "${VAR:=default}"', "echo 'single $X'", 'f() {\n  echo "$1"\n}', 'arr=(one "two three")', 'echo $((1 + 2))', 'REDIS_URL=redis://cache:6379',
  'DATABASE_URL="postgres://pg/app"', "echo it\\'s", 'echo `date`', 'name=$\'a\\tb\'',
];

export type Item = { filler: string } | { entry: Entry } | { mention: string; where: number };

export const item: fc.Arbitrary<Item> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...FILLER).map((filler) => ({ filler })) },
  { weight: 3, arbitrary: entry.map((e) => ({ entry: e })) },
  { weight: 2, arbitrary: fc.tuple(mentionToken, fc.nat(5)).map(([mention, where]) => ({ mention, where })) },
);

const HEREDOCS: Array<[open: string, close: string, indent: string]> = [
  ['cat <<EOF', 'EOF', ''], ['cat <<-EOF', '\tEOF', '\t'], ["cat <<'EOF'", 'EOF', ''], ['mongosh << "END"', 'END', ''], ['cat <<EOF >out.txt', 'EOF', ''],
];

function writeMention(w: DocWriter, token: string, where: number, pick: Pick): void {
  switch (where) {
    case 0:
      w.code(pick.one(['# see ', '#', 'echo ok # primary: '])).begin().raw(token).end('uri', 'raw').code(pick.one(['', '.', ' for details']));
      return;
    case 1: {
      const [open, close, indent] = pick.one(HEREDOCS);
      w.code(`${open}\n${indent}Connect to `).begin().raw(token).end('uri', 'raw').code(` now\n${indent}it's "quoted"\n${close}`);
      return;
    }
    case 2:
      // A whole word that is a connection string: a value without a key. Without a key, a word is read
      // only when "mongo" is written in it as it is.
      w.code(pick.one(['mongosh ', 'echo ', 'mongodump --out /b '])).begin().raw(token.slice(0, 5));
      w.segments(spell(token.slice(5), pick, '', (ch) => unquotedChar(ch), { spellings: ['\\\n'] }));
      w.end('uri', 'shell-unquoted').code(pick.one(['', ' --quiet', ';']));
      return;
    case 3:
      w.code('echo "Connect to ').begin().raw(token).end('uri', 'shell-double').code(' now"');
      return;
    case 4:
      w.code("echo 'Connect to ").begin().raw(token).end('uri', 'shell-single').code(" now'");
      return;
    default:
      w.code(pick.one(['echo hi # ', '# '])).begin().raw(token).end('uri', 'raw');
  }
}

export function writeDocument(items: readonly Item[], pick: Pick, onePart = false): DocWriter {
  const w = new DocWriter();
  items.forEach((it, n) => {
    if (n > 0) w.code('\n');
    if ('filler' in it) w.code(it.filler);
    else if ('mention' in it) writeMention(w, it.mention, it.where, pick);
    else writeEntry(w, it.entry, pick, onePart);
  });
  if (pick.sometimes(2)) w.code('\n');
  return w;
}

