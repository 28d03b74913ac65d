/**
 * The index of the open documents' database names (server/src/openDocumentNames.ts):
 * (a) against a model that keeps every document's names in a list and compares all pairs: after any
 *     sequence of documents recorded, changed and closed, the documents it says must be published again
 *     are exactly those whose clashes (own spelling, other spelling, other document) changed, and the
 *     clashes the core finds with the index's `conflicting` are those it finds with every open document;
 * (b) the work (index entries read) grows linearly with the number of documents, also when every
 *     document writes the same database name.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { OpenDocumentNames } from '../../server/src/openDocumentNames';
import { crossDocumentProblems, type DocumentNames, type NameOccurrence } from '../../server/src/service/languageService';
import { checkProperty } from '../helpers/fuzz';

/** Spellings of a few databases, some differing only by ASCII case (`É` and `é` are different names). */
const SPELLINGS = ['shop', 'Shop', 'SHOP', 'sales', 'Sales', 'inventory', 'É', 'é'];
const URIS = ['file:///a/.env', 'file:///a/app.js', 'file:///b/.env', 'file:///b/config.yaml', 'file:///c/main.py'];

function occurrences(names: readonly string[]): NameOccurrence[] {
  return names.map((name, i) => ({ name, span: { start: i * 10, end: i * 10 + name.length } }));
}

/** Two names the same but for ASCII case (written here, not taken from the server). */
const sameButCase = (a: string, b: string) => a !== b && a.replace(/[A-Z]/g, (c) => c.toLowerCase()) === b.replace(/[A-Z]/g, (c) => c.toLowerCase());

/** The model: every open document's names, in the order the documents were first recorded. */
type Model = Map<string, readonly string[]>;

/** The clashes of one document, as `own spelling|other spelling|other document`. */
function clashesOf(model: Model, uri: string): Set<string> {
  const out = new Set<string>();
  const mine = model.get(uri) ?? [];
  for (const [other, names] of model) {
    if (other === uri) continue;
    for (const s of mine) for (const t of names) if (sameButCase(s, t)) out.add(`${s}|${t}|${other}`);
  }
  return out;
}

const sameSet = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((x) => b.has(x));

const operation = fc.record({
  uri: fc.constantFrom(...URIS),
  /** Undefined closes the document. */
  names: fc.option(fc.uniqueArray(fc.constantFrom(...SPELLINGS), { maxLength: 4 }), { nil: undefined, freq: 5 }),
});

describe('the index of open documents’ database names', () => {
  it('says which documents’ clashes changed, and finds the clashes every open document would give', () => {
    checkProperty(
      'open document names = all pairs',
      fc.property(fc.array(operation, { minLength: 1, maxLength: 25 }), (operations) => {
        const index = new OpenDocumentNames();
        const model: Model = new Map();
        const occurrencesOf = new Map<string, NameOccurrence[]>();
        for (const { uri, names } of operations) {
          const before = new Map(URIS.map((u) => [u, clashesOf(model, u)]));
          let affected: string[];
          if (names === undefined) {
            affected = index.delete(uri);
            model.delete(uri);
            occurrencesOf.delete(uri);
          } else {
            const list = occurrences(names);
            affected = index.set(uri, list);
            // A document stays where it was first recorded (Map.set keeps an existing key's place).
            if (names.length > 0 || model.has(uri)) model.set(uri, names);
            occurrencesOf.set(uri, list);
          }
          const expected = URIS.filter((u) => u !== uri && model.has(u) && !sameSet(before.get(u)!, clashesOf(model, u)));
          assert.deepEqual([...affected].sort(), expected.sort(), `affected by ${names === undefined ? 'closing' : 'recording'} ${uri}`);
          for (const u of model.keys()) {
            const current: DocumentNames = { uri: u, names: occurrencesOf.get(u)! };
            const everyOther = [...model.keys()].filter((o) => o !== u).map((o) => ({ uri: o, names: occurrencesOf.get(o)! }));
            assert.deepEqual(crossDocumentProblems(current, index.conflicting(u)), crossDocumentProblems(current, everyOther), `clashes of ${u}`);
          }
        }
      }),
      300,
    );
  });

  it('a document is published again only when its clashes change', () => {
    const index = new OpenDocumentNames();
    const [a, b, c] = URIS;
    assert.deepEqual(index.set(a!, occurrences(['salesData'])), []);
    assert.deepEqual(index.set(b!, occurrences(['SalesData'])), [a], 'a clash appears in a');
    assert.deepEqual(index.set(b!, occurrences(['SalesData', 'other'])), [], 'the same spelling again: nothing changes for a');
    assert.deepEqual(index.set(c!, occurrences(['salesData'])), [b], 'c clashes with b only: a writes the same spelling');
    assert.deepEqual(index.delete(b!).sort(), [a, c].sort(), 'closing b withdraws its clashes from a and c');
    assert.deepEqual(index.conflicting(a!), []);
  });

  /** Index entries read to record `n` documents (and find each one's clashes, as the server does), then close them. */
  function work(n: number): number {
    const index = new OpenDocumentNames();
    const uris = Array.from({ length: n }, (_, i) => `file:///many/service-${i}/.env`);
    uris.forEach((uri, i) => {
      // Every document writes `shop`, one name of its own, and one in ten differs by case from its neighbour.
      const names = ['shop', `db${i}`, ...(i % 10 === 0 ? [`orders${i}`] : i % 10 === 1 ? [`Orders${i - 1}`] : [])];
      index.set(uri, occurrences(names));
      index.conflicting(uri);
    });
    // Each document changes its own name once, then all close.
    uris.forEach((uri, i) => {
      index.set(uri, occurrences(['shop', `db${i}-renamed`]));
      index.conflicting(uri);
    });
    for (const uri of uris) index.delete(uri);
    return index.lookups;
  }

  it('the work grows linearly with the number of documents, even when all write the same name', () => {
    const small = work(250);
    const large = work(2000);
    assert.ok(small > 0);
    assert.ok(large <= 8 * small * 1.05, `${large} index reads for 2000 documents, ${small} for 250: not linear`);
  });
});
