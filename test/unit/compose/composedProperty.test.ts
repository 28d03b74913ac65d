/**
 * Connection strings composed in .env and .properties files, on random documents: the analysis never
 * throws, every problem and every related place lies inside the document, a problem brought in by a
 * variable sits on a reference written in the string, and the hover of a reference never shows a
 * password that is written in the file.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeDocument, defaultSettings, doHover } from '../../../server/src/service/languageService';
import { checkProperty } from '../../helpers/fuzz';

const names = ['A', 'B', 'DB_PASS', 'HOST', 'a.b'];
// No quotes: a quoted value spanning lines that holds a line like `DB_PASS=…` is taken for an
// assignment of DB_PASS when definitions are looked up by name (documented in DotenvAssignments).
const valuePiece = fc.constantFrom('x', 'db', ':', '@', '/', '%', '%40', ',', '?', '=', '&', '\\', '$', '${', '}', '${A}', '$B', '${HOST:-h}', '${a.b}', '${a.b:d}', '${Z}', ' ', '#', '70000');
const value = fc.array(valuePiece, { maxLength: 8 }).map((a) => a.join(''));
/** The only secret of the documents: a password defined once and used in the password's place. */
const password = fc.constantFrom('Secr3tPw', 'Secr3tPw@x', 'p@Secr3tPw', 'Secr3tPw:1', 'Secr3t%Pw', 'Secr3t Pw');
const line = fc.oneof(
  fc.tuple(fc.constantFrom(...names.filter((n) => n !== 'DB_PASS')), value).map(([n, v]) => `${n}=${v}`),
  password.map((p) => `DB_PASS=${p}`),
  fc.tuple(fc.constantFrom('URI', 'spring.data.mongodb.uri'), fc.constantFrom('${DB_PASS}', '${DB_PASS:x}')).map(([k, r]) => `${k}=mongodb://u:${r}@\${HOST:-db}:27017/shop`),
  fc.tuple(fc.constantFrom('URI', 'MONGODB_URI', 'spring.data.mongodb.uri'), value).map(([k, v]) => `${k}=mongodb://${v}`),
  value,
);
const doc = fc.array(line, { maxLength: 10 }).map((l) => l.join('\n') + '\n');

describe('composed strings on random documents', () => {
  for (const [languageId, uri] of [['dotenv', 'file:///p/.env'], ['properties', 'file:///p/application.properties']] as const) {
    it(`${languageId}: bounded, placed, no password in a hover`, () => {
      checkProperty(
        `composed ${languageId}`,
        fc.property(doc, (text) => {
          const d = { uri, languageId, text };
          const a = analyzeDocument(d, defaultSettings);
          for (const p of a.problems) {
            assert.ok(p.span.start >= 0 && p.span.start <= p.span.end && p.span.end <= text.length, JSON.stringify(p));
            for (const r of p.related ?? []) {
              assert.equal(r.documentUri, uri);
              assert.ok(r.span.start >= 0 && r.span.start <= r.span.end && r.span.end <= text.length);
            }
            if (p.message.startsWith('With its variables filled in') && p.related && p.related.length > 0) {
              assert.match(text.slice(p.span.start, p.span.end), /^\\?\$/, 'on a reference (its $ may be written escaped)');
            }
          }
          for (let at = text.indexOf('$'); at >= 0; at = text.indexOf('$', at + 1)) {
            const h = doHover(d, a, at + 1);
            if (h && h.contents.includes('variables filled in')) assert.ok(!/Secr3t|Pw@x|3tPw/.test(h.contents), h.contents);
          }
        }),
        300,
      );
    });
  }
});
