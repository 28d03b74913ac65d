import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument, defaultSettings, doComplete } from '../../../server/src/service/languageService';
import { URI_OPTIONS } from '../../../server/src/service/data/uriOptions';
import { cursor } from '../../helpers/cursor';

function complete(marked: string, languageId = 'plaintext') {
  const { text, offset } = cursor(marked);
  const doc = { uri: 'file:///x.txt', languageId, text };
  const items = doComplete(doc, analyzeDocument(doc, defaultSettings), offset);
  return items.map((i) => ({ ...i, replaced: text.slice(i.replace.start, i.replace.end), apply: text.slice(0, i.replace.start) + i.insertText + text.slice(i.replace.end) }));
}

describe('completion', () => {
  it('offers every spec option after ? on mongodb+srv, and each usable table entry somewhere', () => {
    const srv = complete('mongodb+srv://c.example.net/?|').map((i) => i.label);
    const std = complete('mongodb://h/?|').map((i) => i.label);
    for (const o of URI_OPTIONS) {
      if (o.origin === 'node' && (!o.node.accepted || o.node.type === 'object' || o.node.codeOnly || o.node.noEffect || o.name.startsWith('__'))) {
        assert.ok(!srv.includes(o.name), `${o.name} is not usable from a URI and is not offered`);
        continue;
      }
      if (o.origin === 'drivers') {
        assert.ok(!srv.includes(o.name), `${o.name}: in plain text no driver is known that reads it`);
        continue;
      }
      assert.ok(srv.includes(o.name), `${o.name} offered on mongodb+srv`);
      assert.equal(std.includes(o.name), !o.srvOnly, `${o.name} on mongodb://`);
    }
  });
  it("other drivers' options are offered where the document's driver reads them, with the drivers named", () => {
    const labels = (text: string, languageId: string) => complete(text, languageId).map((i) => i.label);
    assert.ok(labels('String u = "mongodb://h/?uuid|";\n', 'java').includes('uuidRepresentation'));
    assert.ok(labels('var u = "mongodb://h/?uuid|";\n', 'csharp').includes('uuidRepresentation'));
    const python = complete('u = "mongodb://h/?|"\n', 'python');
    for (const name of ['uuidRepresentation', 'connect', 'tz_aware']) assert.ok(python.some((i) => i.label === name), name);
    assert.match(python.find((i) => i.label === 'uuidRepresentation')!.documentation ?? '', /read by the Java, C# and Python drivers/);
    assert.equal(labels('const u = "mongodb://h/?uuid|";\n', 'javascript').includes('uuidRepresentation'), false);
    assert.equal(labels('String u = "mongodb://h/?|";\n', 'java').includes('tz_aware'), false);
  });

  it('names come in canonical casing with detail and documentation, and insert key=', () => {
    const rs = complete('mongodb://h/?|').find((i) => i.label === 'replicaSet')!;
    assert.ok(rs.detail);
    assert.match(rs.documentation ?? '', /\*\*replicaSet\*\*/);
    assert.equal(rs.insertText, 'replicaSet=');
    assert.equal(rs.retrigger, true);
  });
  it('skips options already present, except readPreferenceTags', () => {
    const labels = complete('mongodb://h/?replicaSet=a&readPreferenceTags=dc:ny&|').map((i) => i.label);
    assert.ok(!labels.includes('replicaSet'));
    assert.ok(labels.includes('readPreferenceTags'));
  });
  it('the typed word filters case-insensitively and is replaced, not duplicated', () => {
    const items = complete('mongodb://h/?w=1&REPLICA|');
    assert.ok(items.length >= 1);
    assert.ok(items.every((i) => i.label.toLowerCase().includes('r')));
    const rs = items.find((i) => i.label === 'replicaSet')!;
    assert.equal(rs.replaced, 'REPLICA');
    assert.equal(rs.apply, 'mongodb://h/?w=1&replicaSet=');
  });
  it('keeps an existing = when renaming a key', () => {
    const rs = complete('mongodb://h/?repl|icaset=rs0').find((i) => i.label === 'replicaSet')!;
    assert.equal(rs.apply, 'mongodb://h/?replicaSet=rs0');
  });
  it('values: enums, booleans, write concern', () => {
    assert.deepEqual(complete('mongodb://h/?readPreference=|').map((i) => i.label), ['primary', 'primaryPreferred', 'secondary', 'secondaryPreferred', 'nearest']);
    assert.deepEqual(complete('mongodb://h/?retryWrites=|').map((i) => i.label), ['true', 'false']);
    assert.ok(complete('mongodb://h/?w=|').some((i) => i.label === 'majority'));
    const sec = complete('mongodb://h/?readPreference=sec|').find((i) => i.label === 'secondary')!;
    assert.equal(sec.apply, 'mongodb://h/?readPreference=secondary');
  });
  it('compressors continue after a comma without repeating', () => {
    const items = complete('mongodb://h/?compressors=zlib,|');
    assert.deepEqual(items.map((i) => i.label).sort(), ['snappy', 'zstd']);
    assert.equal(items[0].apply.startsWith('mongodb://h/?compressors=zlib,'), true);
  });
  it('authMechanismProperties keys for the chosen mechanism, then their values', () => {
    const keys = complete('mongodb://u@h/?authMechanism=GSSAPI&authMechanismProperties=|').map((i) => i.label);
    assert.ok(keys.includes('SERVICE_NAME'));
    assert.ok(keys.includes('CANONICALIZE_HOST_NAME'));
    const vals = complete('mongodb://h/?authMechanism=MONGODB-OIDC&authMechanismProperties=ENVIRONMENT:a|');
    const azure = vals.find((i) => i.label === 'azure')!;
    assert.equal(azure.apply, 'mongodb://h/?authMechanism=MONGODB-OIDC&authMechanismProperties=ENVIRONMENT:azure');
  });
  it('whole-URI snippets while typing mongodb in a string', () => {
    const items = complete('const url = "mong|";', 'typescript');
    assert.equal(items.length, 4);
    assert.ok(items.every((i) => i.isSnippet && i.replaced === 'mong'));
    assert.ok(items.some((i) => i.insertText.startsWith('mongodb+srv://')));
    assert.deepEqual(complete('const mong| = 1;', 'typescript'), []);
  });
  it('nothing outside connection strings', () => {
    assert.deepEqual(complete('hello |world'), []);
  });
});
