/**
 * The TOML extractor against smol-toml, a maintained TOML parser, on generated valid documents
 * (tomlArbitraries.ts) that carry connection strings under keys:
 * - every value the extractor reports is the value smol-toml reads at the same key path, or a part of
 *   it (connection strings mentioned in prose, the default of a placeholder), and its range and the
 *   offset of each of its characters are where the generator wrote them (smol-toml gives no ranges);
 *   values found outside string values are connection strings written as they are in comments;
 * - every string value that is a connection string is reported whole.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parse } from 'smol-toml';
import { extractValues } from '../../../server/src/service/extract';
import type { EmbeddedValue } from '../../../server/src/service/api';
import { assertShareAtLeast, checkProperty } from '../../helpers/fuzz';
import { FEATURES, PathStep, tomlCase, TomlCase } from './tomlArbitraries';

function valueAt(root: unknown, path: PathStep[]): unknown {
  let v = root;
  for (const step of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[step];
  }
  return v;
}

/** A connection string: a scheme and something after it. */
function isConnectionString(s: string): boolean {
  return /^mongodb(\+srv)?:\/\/./i.test(s);
}

/** The document offset of each character of a reported value, and of its end. */
function offsetsOf(v: EmbeddedValue): number[] {
  return v.offsets ?? Array.from({ length: v.text.length + 1 }, (_, k) => v.start + k);
}

const show = (c: TomlCase): string => `in ${JSON.stringify(c.text)}`;

/** Compares the extractor with smol-toml on one document; false when smol-toml rejects it. */
function compare(c: TomlCase): boolean {
  let parsed: unknown;
  try {
    parsed = parse(c.text);
  } catch {
    return false;
  }
  for (const s of c.strings) {
    // Keeps the generator honest: it knows where each value is only if it wrote what it meant to.
    assert.equal(valueAt(parsed, s.path), s.value, `smol-toml reads ${JSON.stringify(s.path)} as generated ${show(c)}`);
  }
  const values = extractValues(c.text, 'toml', 'file:///test.toml');
  for (const v of values) {
    const offsets = offsetsOf(v);
    assert.equal(offsets.length, v.text.length + 1, `one offset per character of ${JSON.stringify(v.text)}`);
    const start = offsets[0];
    const end = offsets[v.text.length];
    assert.equal(start, v.start);
    const site = c.strings.find((s) => s.contentStart <= start && end <= s.contentEnd);
    if (site) {
      const expected = valueAt(parsed, site.path);
      assert.equal(typeof expected, 'string', `a value at ${JSON.stringify(site.path)} ${show(c)}`);
      const whole = expected as string;
      // The reported text is the value or a part of it, taken from where that part was written.
      let at = -1;
      for (let a = whole.indexOf(v.text); a >= 0 && at < 0; a = whole.indexOf(v.text, a + 1)) {
        const want = site.offsets.slice(a, a + v.text.length + 1);
        if (want.every((o, k) => o === offsets[k])) at = a;
      }
      assert.ok(
        at >= 0,
        `${JSON.stringify(v.text)} at ${start}-${end} (offsets ${JSON.stringify(offsets)}) is not a part of ${JSON.stringify(whole)} ` +
          `written at ${JSON.stringify(site.offsets)} ${show(c)}`,
      );
      if (v.key !== undefined) assert.equal(v.key, site.key, `key of ${JSON.stringify(v.text)} ${show(c)}`);
    } else {
      const inComment = c.comments.some((m) => m.start <= start && end <= m.end);
      assert.ok(inComment, `${JSON.stringify(v.text)} at ${start}-${end} is neither in a string value nor in a comment ${show(c)}`);
      assert.equal(v.text, c.text.slice(start, end), `a connection string in a comment is taken as written ${show(c)}`);
      assert.ok(isConnectionString(v.text), `only connection strings are taken from comments ${show(c)}`);
    }
  }
  for (const s of c.strings) {
    const value = valueAt(parsed, s.path) as string;
    if (!isConnectionString(value)) continue;
    const start = s.offsets[0];
    const end = s.offsets[value.length];
    const found = values.some((v) => v.text === value && v.start === start && offsetsOf(v)[v.text.length] === end);
    assert.ok(found, `the connection string ${JSON.stringify(value)} at ${start}-${end} is reported ${show(c)}`);
  }
  return true;
}

describe('TOML extraction against smol-toml', () => {
  it('reports the values smol-toml reads, where they were written, and every connection string', () => {
    let compared = 0;
    let rejected = 0;
    const seen = new Set<string>();
    checkProperty(
      'toml against smol-toml',
      fc.property(tomlCase, (c) => {
        if (compare(c)) {
          compared++;
          for (const f of c.features) seen.add(f);
        } else {
          rejected++;
        }
      }),
      600,
    );
    // `npm run fuzz` may only count the cases.
    if (compared + rejected === 0) return;
    assertShareAtLeast(compared, compared + rejected, 0.9, `smol-toml rejected ${rejected} of ${compared + rejected} generated documents`);
    assert.deepEqual(
      FEATURES.filter((f) => !seen.has(f)),
      [],
      'the compared documents use every kind of string, escape, key, table and comment',
    );
  });

  it('agrees on documents that use every feature at once', () => {
    const doc = [
      'title = "app" # mongodb://in-comment:1/x',
      'mongo.uri = "mongodb://u:p\\u0040ss@h:1/\\U0001F600db"',
      '"quoted key" = \'mongodb://literal\\path:2/db\'',
      '[database."prod env"]',
      'uri = """',
      'mongodb://h1:27017,\\',
      '    h2:27018/db"""',
      "note = '''",
      "see mongodb://a:1/b, it's ok'''",
      'list = [',
      '  "mongodb://x:1", # mongodb+srv://c.d.e/f',
      "  { url = 'mongodb+srv://y.z.w/app', db = \"\\x41pp\" },",
      ']',
      '[[database.replicas]]',
      'host = "mongodb://r\\"1:1"',
      '[[database.replicas]]',
      'host = "MONGODB://R2:2\\e"',
      '',
    ].join('\n');
    const c: TomlCase = {
      text: doc,
      strings: [],
      comments: [],
      features: new Set(),
    };
    // Locate the string values by hand: each literal's content once, with smol-toml's path.
    const sites: Array<[PathStep[], string, string]> = [
      [['title'], '"app"', 'app'],
      [['mongo', 'uri'], '"mongodb://u:p\\u0040ss@h:1/\\U0001F600db"', 'mongodb://u:p@ss@h:1/😀db'],
      [['quoted key'], "'mongodb://literal\\path:2/db'", 'mongodb://literal\\path:2/db'],
      [['database', 'prod env', 'uri'], '"""\nmongodb://h1:27017,\\\n    h2:27018/db"""', 'mongodb://h1:27017,h2:27018/db'],
      [['database', 'prod env', 'note'], "'''\nsee mongodb://a:1/b, it's ok'''", "see mongodb://a:1/b, it's ok"],
      [['database', 'prod env', 'list', 0], '"mongodb://x:1"', 'mongodb://x:1'],
      [['database', 'prod env', 'list', 1, 'url'], "'mongodb+srv://y.z.w/app'", 'mongodb+srv://y.z.w/app'],
      [['database', 'prod env', 'list', 1, 'db'], '"\\x41pp"', 'App'],
      [['database', 'replicas', 0, 'host'], '"mongodb://r\\"1:1"', 'mongodb://r"1:1'],
      [['database', 'replicas', 1, 'host'], '"MONGODB://R2:2\\e"', 'MONGODB://R2:2\u001b'],
    ];
    for (const [path, literal, value] of sites) {
      const at = doc.indexOf(literal);
      assert.ok(at >= 0, literal);
      const q = literal.startsWith('"""') || literal.startsWith("'''") ? 3 : 1;
      const contentStart = at + q;
      const contentEnd = at + literal.length - q;
      // Offsets by hand: escapes map to their backslash; the line-ending backslash and the first line break map to nothing.
      const offsets: number[] = [];
      const src = doc.slice(contentStart, contentEnd);
      for (let i = 0; i < src.length; ) {
        const pos = contentStart + i;
        if (q === 3 && i === 0 && src[0] === '\n') i++;
        else if (literal[0] === "'" || src[i] !== '\\') {
          offsets.push(pos);
          i++;
        } else if (src[i + 1] === '\n') {
          i += 2;
          while (src[i] === ' ') i++;
        } else {
          const len = { u: 6, U: 10, x: 4 }[src[i + 1] as 'u' | 'U' | 'x'] ?? 2;
          const units = len === 2 ? 1 : String.fromCodePoint(parseInt(src.slice(i + 2, i + len), 16)).length;
          for (let k = 0; k < units; k++) offsets.push(pos);
          i += len;
        }
      }
      offsets.push(contentEnd);
      assert.equal(offsets.length, value.length + 1, literal);
      c.strings.push({ path, key: path.filter((s) => typeof s === 'string').join('.'), style: 'basic', value, contentStart, contentEnd, offsets });
    }
    for (const m of doc.matchAll(/# [^\n]*/g)) c.comments.push({ start: m.index, end: m.index + m[0].length });
    assert.equal(compare(c), true, 'smol-toml reads the document');
    const texts = extractValues(doc, 'toml', 'file:///test.toml').map((v) => v.text);
    assert.ok(texts.includes('mongodb://in-comment:1/x') && texts.includes('mongodb+srv://c.d.e/f') && texts.includes('mongodb://a:1/b'), JSON.stringify(texts));
  });
});
