/**
 * Completion inside dropConnections and killOp documents: their keys where a key starts, with their
 * documentation; `host:port` of the connection strings of the document (and of other documents, given)
 * inside a string of `hostAndPort`.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument, defaultSettings, doComplete, doHover } from '../../../server/src/service/languageService';

function at(text: string, languageId = 'javascript', others: string[] = []) {
  const offset = text.indexOf('|');
  const clean = text.slice(0, offset) + text.slice(offset + 1);
  const doc = { uri: 'file:///ops/admin.mongodb.js', languageId, text: clean };
  return { clean, offset, items: doComplete(doc, analyzeDocument(doc, defaultSettings), offset, () => others) };
}

describe('keys of admin command documents', () => {
  it('dropConnections offers hostAndPort and comment after { or ,, without the keys already there', () => {
    const { items } = at('db.adminCommand({ dropConnections: 1, | });\n');
    assert.deepEqual(items.map((i) => i.label).sort(), ['comment', 'hostAndPort']);
    const host = items.find((i) => i.label === 'hostAndPort')!;
    assert.equal(host.insertText, 'hostAndPort: ');
    assert.match(host.documentation!, /hostAndPort/);
    const typed = at('db.adminCommand({ dropConnections: 1, hostAndPort: ["a:1"], co| });\n');
    assert.deepEqual(typed.items.map((i) => i.label), ['comment']);
    assert.deepEqual(typed.items[0]!.replace, { start: typed.offset - 2, end: typed.offset });
  });

  it('killOp offers op and comment; nothing after a value or outside the document', () => {
    assert.deepEqual(at('db.adminCommand({ killOp: 1, | });\n').items.map((i) => i.label).sort(), ['comment', 'op']);
    assert.ok(!at('db.adminCommand({ killOp: 1, op: 12| });\n').items.some((i) => i.kind === 'key'));
    assert.ok(!at('db.adminCommand({ killOp: 1 }); const x = { | };\n').items.some((i) => i.kind === 'key'));
  });
});

describe('host:port in hostAndPort', () => {
  const text = [
    'const uri = "mongodb://app:pw@db-1.internal:27017,db-2.internal:27018,[::1]/shop";',
    'const atlas = "mongodb+srv://cluster0.ab1cd.mongodb.net/shop";',
    'db.adminCommand({ dropConnections: 1, hostAndPort: ["db|"] });',
    '',
  ].join('\n');

  it('the hosts of the connection strings of the document and of others, not SRV names; replacing the string typed so far', () => {
    const { items, offset } = at(text, 'javascript', ['reports.internal:27017', 'db-1.internal:27017']);
    assert.deepEqual(items.map((i) => i.label), ['db-1.internal:27017', 'db-2.internal:27018', '[::1]:27017', 'reports.internal:27017']);
    assert.deepEqual(items[0]!.replace, { start: offset - 2, end: offset });
  });

  it('hover on comment says where it shows', () => {
    const src = 'db.adminCommand({ dropConnections: 1, hostAndPort: ["a:1"], comment: "cleanup" });\n';
    const doc = { uri: 'file:///ops/admin.mongodb.js', languageId: 'javascript', text: src };
    const hover = doHover(doc, analyzeDocument(doc, defaultSettings), src.indexOf('comment') + 2)!;
    assert.match(hover.contents, /log lines, the profiler output and `\$currentOp`/);
  });
});
