/**
 * Batched documents (server/src/batchedDocument.ts) against vscode-languageserver-textdocument, which
 * applies every change at once: random texts with every kind of line break (`\n`, `\r\n`, a lone `\r`,
 * breaks split by edits), random changes (ranges reversed, past the end of a line or of the document,
 * before the first line, whole-text replacements) read back in random batches. After each batch the
 * text, the line count, positions and offsets are the same as the library's.
 *
 * The oracle applies each change to a document the library has just created from the text before it:
 * a document the library has updated in place goes wrong after a change whose range starts past its
 * last line (vscode-languageserver-textdocument 1.0.16 then writes line offsets past the end of its line
 * table: `lineCount` grows, `positionAt` answers `character: null`, later changes land elsewhere).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { BatchedTextDocument, rebuildCount } from '../../server/src/batchedDocument';
import { LineIndexedDocument } from '../../server/src/lineIndexedDocument';
import { checkProperty } from '../helpers/fuzz';

/** Short pieces of text, line breaks of every kind and non-ASCII (surrogate pairs count two). */
const piece = fc.constantFrom('a', 'bc', 'mongodb://h:1/d', '\n', '\r\n', '\r', '\r\r', '\n\r', 'é', '😀', ' ', '');
const text = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''));
/** Lines and columns a little outside the text too: before the start, past a line's end, past the last line. */
const position = fc.record({ line: fc.integer({ min: -1, max: 8 }), character: fc.integer({ min: -1, max: 20 }) });
const change: fc.Arbitrary<TextDocumentContentChangeEvent> = fc.oneof(
  { weight: 12, arbitrary: fc.record({ range: fc.record({ start: position, end: position }), text }) },
  { weight: 1, arbitrary: fc.record({ text }) },
);
/** The library's document after `changes`, each applied to a document created afresh from the text before it. */
function oracle(document: TextDocument, changes: readonly TextDocumentContentChangeEvent[], version: number): TextDocument {
  let current = document;
  for (const c of changes) {
    current = TextDocument.create(current.uri, current.languageId, version, current.getText());
    TextDocument.update(current, [c], version);
  }
  return TextDocument.create(current.uri, current.languageId, version, current.getText());
}

/** Changes in notifications of one or more changes, read back after some of them. */
const notification = fc.record({ changes: fc.array(change, { minLength: 1, maxLength: 3 }), read: fc.boolean() });

function compare(batched: TextDocument, expected: TextDocument, where: string): void {
  assert.equal(batched.version, expected.version, `${where}: version`);
  const actualText = batched.getText();
  assert.equal(actualText, expected.getText(), `${where}: text`);
  assert.equal(batched.lineCount, expected.lineCount, `${where}: line count`);
  for (let offset = -1; offset <= actualText.length + 1; offset++) {
    assert.deepEqual(batched.positionAt(offset), expected.positionAt(offset), `${where}: positionAt(${offset})`);
  }
  for (let line = -1; line <= expected.lineCount; line++) {
    assert.deepEqual(batched.getLineRange(line), expected.getLineRange(line), `${where}: getLineRange(${line})`);
    assert.equal(batched.getEOLCharacters(line), expected.getEOLCharacters(line), `${where}: getEOLCharacters(${line})`);
    for (let character = -1; character <= 6; character++) {
      const p = { line, character };
      assert.equal(batched.offsetAt(p), expected.offsetAt(p), `${where}: offsetAt(${line}:${character})`);
    }
  }
}

describe('batched documents are the documents of vscode-languageserver-textdocument', () => {
  for (const [kept, lineIndexedFrom] of [['', undefined], [' (every text in a LineIndexedDocument)', 0]] as const) {
    it(`the same text, lines, positions and offsets after any changes read in any batches${kept}`, () => {
      checkProperty(
        `batched document = TextDocument${kept}`,
        fc.property(text, fc.array(notification, { minLength: 1, maxLength: 12 }), (initial, notifications) => {
          const batched = new BatchedTextDocument('file:///t/.env', 'dotenv', 1, initial, lineIndexedFrom);
          let expected = TextDocument.create('file:///t/.env', 'dotenv', 1, initial);
          let version = 1;
          notifications.forEach(({ changes, read }, i) => {
            version++;
            batched.update(changes, version);
            expected = oracle(expected, changes, version);
            assert.equal(batched.version, version);
            if (read || i === notifications.length - 1) compare(batched, expected, `after notification ${i + 1}`);
          });
        }),
        400,
      );
    });
  }

  it('a LineIndexedDocument has the lines, positions and offsets of a TextDocument of its text', () => {
    checkProperty(
      'LineIndexedDocument = TextDocument',
      // Texts with a lone \r or \r\n, and texts with \n only (read another way).
      fc.property(text, fc.boolean(), (t, withoutCR) => {
        const initial = withoutCR ? t.replace(/\r/g, '') : t;
        const expected = TextDocument.create('file:///t/.env', 'dotenv', 3, initial);
        compare(new LineIndexedDocument('file:///t/.env', 'dotenv', 3, initial), expected, 'line indexed');
        for (let offset = 0; offset <= initial.length; offset++) {
          const range = { start: expected.positionAt(offset >> 1), end: expected.positionAt(offset) };
          assert.equal(new LineIndexedDocument('file:///t/.env', 'dotenv', 3, initial).getText(range), expected.getText(range));
        }
      }),
      400,
    );
  });

  it('2,000 edits of a 1 MB document are applied in one rebuild, when the text is read', () => {
    const lines = Array.from({ length: 25_000 }, (_, i) => `MONGO_URI_${i}=mongodb://h${i}:27017/db\n`);
    const initial = lines.join('');
    assert.ok(initial.length > 1_000_000);
    const batched = new BatchedTextDocument('file:///big/.env', 'dotenv', 1, initial);
    const before = rebuildCount.value;
    for (let version = 2; version <= 2001; version++) {
      const line = (version * 7919) % lines.length;
      const change = { range: { start: { line, character: 20 }, end: { line, character: 21 } }, text: String(version % 10) };
      batched.update([change], version);
      lines[line] = lines[line].slice(0, 20) + change.text + lines[line].slice(21);
    }
    assert.equal(batched.version, 2001, 'the version is the latest without reading the text');
    assert.equal(batched.pendingChanges, 2000);
    assert.equal(rebuildCount.value, before, 'nothing rebuilt before the text is read');
    const expected = TextDocument.create('file:///big/.env', 'dotenv', 2001, lines.join(''));
    assert.equal(batched.getText(), expected.getText());
    assert.equal(rebuildCount.value, before + 1, 'one rebuild for the whole batch');
    assert.deepEqual(batched.positionAt(initial.length - 5), expected.positionAt(initial.length - 5));
    assert.equal(rebuildCount.value, before + 1, 'reading again rebuilds nothing');
  });
});
