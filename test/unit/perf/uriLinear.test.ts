/**
 * Linear work on the connection strings that once took a second or more per megabyte: a run of one
 * character in each part of a connection string, many options (repeated, unknown, with a typo, with a
 * password), many hosts, runs of template delimiters, under both driver profiles. The work is counted
 * (test/helpers/workMeter.ts), never timed: at 8 times the input the check may do at most 9 times the
 * work plus a small constant, where a quadratic step would do 64 times.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateUri } from '../../../server/src/service/rules/validation';
import { analyzeDocument, defaultSettings } from '../../../server/src/service/languageService';
import type { Settings } from '../../../server/src/service/api';
import { linearWork } from '../../helpers/workMeter';

const spec: Settings = { ...defaultSettings, driver: 'spec', maxFileSize: 1 << 24 };
const node: Settings = { ...spec, driver: 'node' };
const PROFILES = [
  ['spec', spec],
  ['node', node],
] as const;

function assertLinear(label: string, make: (n: number) => string, run: (text: string) => unknown, n: number): void {
  const w = linearWork(make, run, n);
  assert.ok(w.linear, `${label}: ${w.small} steps at n = ${n}, ${w.large} at 8 times as many (bound ${w.bound})`);
}

/** `count` copies of what `unit(i)` makes for i = 0, 1, ... */
const many = (count: number, unit: (i: number) => string) => Array.from({ length: count }, (_, i) => unit(i)).join('');

/** A .env line, as a document holds a connection string. */
const dotenv = (uri: string) => ({ uri: 'file:///app/.env', languageId: 'dotenv', text: `MONGODB_URI=${uri}\n` });

describe('a connection string of a megabyte is checked in linear work', () => {
  // The shapes measured at a second or more per megabyte, in a .env document as a user has them.
  const DOCUMENTS: ReadonlyArray<readonly [string, (n: number) => string, Settings]> = [
    ['a run of "%" in the password', (n) => `mongodb://u:${'%'.repeat(n)}@h/`, spec],
    ['the same option repeated', (n) => `mongodb://h/?${'w=1&'.repeat(n / 4)}w=1`, spec],
    ['many distinct unknown options', (n) => `mongodb://h/?${many(n / 8, (i) => `opt${i}=1&`)}`, spec],
    ['a run of "@" in the userinfo', (n) => `mongodb://u:${'@'.repeat(n)}h/`, spec],
    ['a run of "," in the host list, Node profile', (n) => `mongodb://${','.repeat(n)}`, node],
    // Each "${" left open was read to the end of the string by the check of composed strings.
    ['a run of "${" in the password', (n) => `mongodb://u:${'${'.repeat(n / 2)}@h/db`, spec],
    ['a run of "${{}" in the password', (n) => `mongodb://u:${'${{}'.repeat(n / 4)}@h/db`, spec],
    ['a run of "[," in the host list, Node profile', (n) => `mongodb://${'[,'.repeat(n / 2)}h/`, node],
  ];
  for (const [name, make, settings] of DOCUMENTS) {
    it(name, () => assertLinear(name, (n) => dotenv(make(n)).text, (text) => analyzeDocument({ ...dotenv(''), text }, settings), 2000));
  }
});

describe('a run of one character in each part of a connection string, under both profiles', () => {
  const PARTS: ReadonlyArray<readonly [string, (run: string) => string]> = [
    ['username', (r) => `mongodb://${r}:p@h/db?w=1`],
    ['password', (r) => `mongodb://u:${r}@h/db?w=1`],
    ['host', (r) => `mongodb://u:p@${r}/db?w=1`],
    ['second host', (r) => `mongodb://h1,${r}:27017/db?w=1`],
    ['port', (r) => `mongodb://h:${r}/db?w=1`],
    ['database', (r) => `mongodb://h/${r}?w=1`],
    ['option key', (r) => `mongodb://h/db?${r}=1`],
    ['option value', (r) => `mongodb://h/db?appName=${r}&w=${r}`],
    ['whole body', (r) => `mongodb+srv://${r}`],
  ];
  for (const c of ['&', '=', '[', ']', ':', '/', '?', '.', '@', '%', ',', ';', '+', ' ']) {
    it(JSON.stringify(c), () => {
      for (const [part, make] of PARTS) {
        for (const [profile, settings] of PROFILES) {
          assertLinear(`${JSON.stringify(c)} in the ${part}, ${profile}`, (n) => make(c.repeat(n)), (uri) => validateUri(uri, settings, 'typescript'), 1000);
        }
      }
    });
  }
});

describe('many options, hosts and placeholders, under both profiles', () => {
  const SHAPES: ReadonlyArray<readonly [string, (n: number) => string]> = [
    ['an unknown option with a typo, repeated', (n) => `mongodb://h/?${'replicaSt=1&'.repeat(n / 12)}`],
    ['options with a value to correct', (n) => `mongodb://h/?${'readPreference=secundary&tls=ture&w=majorty&'.repeat(n / 44)}`],
    ['keys repeated in another case', (n) => `mongodb://h/?${many(n / 4, (i) => (i % 2 ? 'W=1&' : 'w=1&'))}`],
    ['distinct password options', (n) => `mongodb://u:Zq7vWxK@db.example.com/?${many(n / 24, (i) => `proxyPassword=Zq7vW${i}xK&`)}`],
    ['distinct key file passwords', (n) => `mongodb://db.example.com/?${many(n / 40, (i) => `tlsCertificateKeyFilePassword=Zq7${i}xK&`)}`],
    ['bad escapes in keys', (n) => `mongodb://h/?${'%zz=1&'.repeat(n / 6)}`],
    ['distinct hosts', (n) => `mongodb://${many(n / 16, (i) => `h${i}.example.com,`)}/db`],
    ['the same host repeated', (n) => `mongodb://${'h:1,'.repeat(n / 4)}/db`],
    ['IP literals', (n) => `mongodb://${'[::1]:1,'.repeat(n / 8)}`],
    ['socket paths', (n) => `mongodb://${'%2Ftmp%2Fa.sock,'.repeat(n / 16)}`],
    ['tag sets', (n) => `mongodb://h/?${'readPreferenceTags=dc:ny&'.repeat(n / 25)}`],
    ['a run of "${"', (n) => `mongodb://h/${'${'.repeat(n / 2)}`],
    ['a run of "{{"', (n) => `mongodb://h/${'{{'.repeat(n / 2)}`],
    ['a run of "#{"', (n) => `mongodb://h/${'#{'.repeat(n / 2)}`],
    ['a run of "$("', (n) => `mongodb://h/${'$('.repeat(n / 2)}`],
    ['a run of "%("', (n) => `mongodb://h/${'%('.repeat(n / 2)}`],
    ['a run of "_"', (n) => `mongodb://h/${'_'.repeat(n)}`],
    // The parser asks where the next "=", ":" and "%" are: each search must serve the items that follow.
    ['options without "=" but the last', (n) => `mongodb://h/?${'a&'.repeat(n / 2)}b=1`],
    ['hosts without ":" but the last', (n) => `mongodb://${'h,'.repeat(n / 2)}h:1/db`],
    ['a "%" only in the last option', (n) => `mongodb://u:p@${'h,'.repeat(n / 2)}h/db?${'w=1&'.repeat(n / 4)}appName=%41`],
  ];
  for (const [name, make] of SHAPES) {
    it(name, () => {
      for (const [profile, settings] of PROFILES) assertLinear(`${name}, ${profile}`, make, (uri) => validateUri(uri, settings, 'typescript'), 2000);
    });
  }
});
