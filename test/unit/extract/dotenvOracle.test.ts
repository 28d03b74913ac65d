/**
 * The dotenv extractor skips statements that cannot hold anything before slicing or decoding them.
 * Skipping must change nothing: on random .env documents it finds exactly what a plain reader finds,
 * one that decodes and classifies every value.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { EmbeddedValue } from '../../../server/src/service/types';
import { extractValues } from '../../../server/src/service/extract';
import { decodeDotenvDouble } from '../../../server/src/service/extract/dotenv';
import { isSpace, lineEnd, nextLine, verbatim } from '../../../server/src/service/extract/decoded';
import { emitString } from '../../../server/src/service/extract/detect';
import { findUriTokens } from '../../../server/src/service/extract/plainText';
import { checkProperty } from '../../helpers/fuzz';

function isKeyChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x2e || c === 0x2d;
}

/** The closing quote of a value opened at `open`, or -1 (quadratic on unmatched quotes: fine for tests). */
function closing(text: string, open: number): number {
  const q = text.charCodeAt(open);
  for (let i = open + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c && q === 0x22) i++;
    else if (c === q) return i;
  }
  return -1;
}

/** Connection strings in the rest of a line, marked as in a comment when the rest is one (`# ...`). */
function mentions(out: EmbeddedValue[], text: string, from: number, to: number): void {
  const comment = /^[ \t]*#/.test(text.slice(from, to));
  for (const [a, b] of findUriTokens(text, from, to)) out.push({ kind: 'uri', text: text.slice(a, b), start: a, syntax: 'raw', ...(comment ? { comment } : {}) });
}

/** Every statement read in full: each value decoded and handed to emitString with its key path. */
function plainDotenv(text: string): EmbeddedValue[] {
  const out: EmbeddedValue[] = [];
  let line = 0;
  while (line < text.length) {
    const eol = lineEnd(text, line);
    let next = nextLine(text, eol);
    let i = line;
    while (i < eol && isSpace(text.charCodeAt(i))) i++;
    if (text.startsWith('export', i) && isSpace(text.charCodeAt(i + 6))) {
      i += 6;
      while (i < eol && isSpace(text.charCodeAt(i))) i++;
    }
    const keyStart = i;
    while (i < eol && isKeyChar(text.charCodeAt(i))) i++;
    const keyEnd = i;
    while (i < eol && isSpace(text.charCodeAt(i))) i++;
    const sep = text.charCodeAt(i);
    if (keyEnd === keyStart || (sep !== 0x3d && sep !== 0x3a)) {
      mentions(out, text, line, eol);
    } else {
      const path = [text.slice(keyStart, keyEnd)];
      i++;
      while (i < eol && isSpace(text.charCodeAt(i))) i++;
      const q = text.charCodeAt(i);
      const close = q === 0x22 || q === 0x27 || q === 0x60 ? closing(text, i) : -1;
      if (close > 0) {
        const d = q === 0x22 ? decodeDotenvDouble(text, i + 1, close) : verbatim(text, i + 1, close);
        emitString(out, d, q === 0x22 ? 'dotenv-double' : q === 0x27 ? 'dotenv-single' : 'raw', { path });
        const closeEol = lineEnd(text, close);
        next = nextLine(text, closeEol);
        mentions(out, text, close + 1, closeEol);
      } else {
        let end = i;
        while (end < eol && !(text.charCodeAt(end) === 0x23 && (end === i || isSpace(text.charCodeAt(end - 1))))) end++;
        const restFrom = end;
        while (end > i && isSpace(text.charCodeAt(end - 1))) end--;
        emitString(out, verbatim(text, i, end), 'dotenv-unquoted', { path });
        mentions(out, text, restFrom, eol);
      }
    }
    line = next > line ? next : line + 1;
  }
  return out.sort((a, b) => a.start - b.start);
}

const KEYS = [
  'MONGODB_URI', 'MONGO_URL', 'mongo.uri', 'MONGO_DB', 'DB_NAME', 'DATABASE_URL', 'REDIS_URL', 'ORDERS_COLLECTION', 'ATLAS_CLUSTER_NAME',
  'ATLAS_PROJECT', 'CLUSTER_NAME', 'ConnectionStrings__Mongo', 'ConnectionStrings:Mongo', 'FEATURE_FLAGS', 'X', 'mo', 'ngo', 'NAME',
];
const VALUES = [
  'mongodb://h:1/db', 'mongodb+srv://u:p@c.x.net/db', 'MONGO-1:27017', 'mongo', 'mo', 'ngo', 'MoNgO', 'app', 'postgres://pg/app', '${X}',
  '${X:-mongodb://h/d}', '${Y:-app}', '<password>', 'a#b', ' # mongodb://c:1/x', ' #', '\\', '\\n', '\\"', '\\\n', '\\\r\n', '"', "'", '`',
  'mo\\\nngodb://h/x', ' ', '\t', '\n', '\r\n', '\r', '=', ':', 'é', '',
];
const statement = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(
        fc.constantFrom('', 'export ', '  '),
        fc.constantFrom(...KEYS),
        fc.constantFrom('=', ' = ', ':', '= '),
        fc.constantFrom('', '"', "'", '`'),
        fc.array(fc.constantFrom(...VALUES), { maxLength: 6 }),
        fc.constantFrom('', '"', "'", '`'),
        fc.constantFrom('\n', '\n', '\r\n', '\r', ' # note mongodb://c:2/y\n', ' # mongo\n', ''),
      )
      .map((parts) => parts.flat().join('')),
  },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...VALUES, ...KEYS, '# '), { maxLength: 8 }).map((a) => a.join('') + '\n') },
);
const dotenvText = fc.array(statement, { maxLength: 16 }).map((a) => a.join(''));

describe('dotenv extraction skips only what holds nothing', () => {
  it('finds what a plain reader finds', () => {
    checkProperty(
      'dotenv skipping',
      fc.property(dotenvText, (text) => {
        assert.deepEqual(extractValues(text, 'dotenv', ''), plainDotenv(text));
      }),
      3000,
    );
  });

  it('keeps keys that name something without mongo, and mongo joined by a line continuation', () => {
    const doc = 'ORDERS_COLLECTION=orders\nATLAS_CLUSTER_NAME=c0\nAPI_URL=https://x\nNOTE="mo\\\nngodb://h:1/x"\n';
    assert.deepEqual(
      extractValues(doc, 'dotenv', '').map((v) => [v.kind, v.text]),
      [
        ['collection', 'orders'],
        ['atlas-cluster', 'c0'],
        ['uri', 'mongodb://h:1/x'],
      ],
    );
  });
});
