import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument, defaultSettings, doHover } from '../../../server/src/service/languageService';
import { URI_OPTIONS } from '../../../server/src/service/data/uriOptions';
import { AUTH_MECHANISMS } from '../../../server/src/service/data/authMechanisms';
import { cursor } from '../../helpers/cursor';

function hover(marked: string, languageId = 'plaintext') {
  const { text, offset } = cursor(marked);
  const doc = { uri: 'file:///x.txt', languageId, text };
  const h = doHover(doc, analyzeDocument(doc, defaultSettings), offset);
  return h ? { ...h, under: text.slice(h.span.start, h.span.end) } : null;
}

describe('hover', () => {
  it('every option of the table has a hover on its key', () => {
    for (const o of URI_OPTIONS) {
      const h = hover(`uri: mongodb://h/?${o.name.slice(0, 1)}|${o.name.slice(1)}=x`);
      assert.ok(h, o.name);
      assert.equal(h.under, o.name);
      assert.ok(h.contents.startsWith(`**${o.name}**`), o.name);
      assert.ok(h.contents.includes(o.docs), `${o.name}: documentation link`);
    }
  });
  it('option key hover shows type, default and drivers', () => {
    const h = hover('mongodb://h/?max|PoolSize=10')!;
    assert.match(h.contents, /integer/);
    assert.match(h.contents, /Default: 100/);
    assert.match(h.contents, /Drivers:/);
  });
  it('every documented option value has a hover', () => {
    for (const { name, valueDocs } of URI_OPTIONS) {
      for (const [v, doc] of Object.entries(valueDocs ?? {})) {
        if (name === 'compressors') continue;
        const h = hover(`mongodb://h/?${name}=|${v}`);
        assert.ok(h?.contents.includes(doc), `${name}=${v}`);
      }
    }
    const c = hover('mongodb://h/?compressors=zstd,|zlib')!;
    assert.match(c.contents, /Zstandard/);
    assert.match(c.contents, /zlib/);
  });
  it('each authMechanism value explains the mechanism', () => {
    for (const m of AUTH_MECHANISMS) {
      const h = hover(`mongodb://u@h/?authMechanism=|${m.name}`);
      assert.ok(h?.contents.startsWith(`**${m.name}**`), m.name);
      assert.ok(h!.contents.includes(m.description));
    }
  });
  it('scheme: standard vs SRV and a redacted summary', () => {
    const std = hover('x mon|godb://alice:s3cret@db1:27017,db2/sales?replicaSet=rs0 y')!;
    assert.match(std.contents, /standard format/);
    assert.match(std.contents, /Replica set \| `rs0`/);
    assert.match(std.contents, /alice:\*\*\*\*@db1/);
    assert.ok(!std.contents.includes('s3cret'));
    const srv = hover('mongodb+s|rv://cluster0.abcde.mongodb.net/')!;
    assert.match(srv.contents, /SRV records/);
    assert.match(srv.contents, /TLS \| on \(default for mongodb\+srv\)/);
  });
  it('the summary says which parts are placeholders and which driver profile was used', () => {
    const h = hover('x mon|godb+srv://<username>:<password>@<cluster-url>/<dbname>?retryWrites=true y')!;
    assert.match(h.contents, /Placeholders \| `<username>`, `<password>`, `<cluster-url>`, `<dbname>`: filled in later, not checked/);
    assert.match(h.contents, /Checked with \| MongoDB specification \(auto\)/);
    const ts = hover('const uri = `mon|godb://${user}:${pass}@db.example.com/app`;', 'typescript')!;
    assert.match(ts.contents, /Placeholders \| `\$\{user\}`, `\$\{pass\}`/);
    assert.match(ts.contents, /Checked with \| Node\.js driver \(auto: JavaScript or TypeScript\)/);
    assert.doesNotMatch(hover('x mon|godb://db.example.com/app y')!.contents, /Placeholders/);
  });

  it('host and port: default port, socket path, Atlas limits', () => {
    assert.match(hover('mongodb://lo|calhost/db')!.contents, /port 27017 \(default\)/);
    assert.match(hover('mongodb://%2Ftmp%2Fmongo|db-27017.sock')!.contents, /`\/tmp\/mongodb-27017\.sock`/);
    const atlas = hover('mongodb+srv://clu|ster0.abcde.mongodb.net/')!;
    assert.match(atlas.contents, /Atlas/);
    assert.match(atlas.contents, /\| M10 \| 1,500/);
  });
  it('database: default database, auth database and naming limits', () => {
    const h = hover('mongodb://u:p@h/sal|es')!;
    assert.equal(h.under, 'sales');
    assert.match(h.contents, /checked against this database/);
    assert.match(h.contents, /64 bytes/);
  });
  it('the password is never shown', () => {
    const h = hover('mongodb://alice:Sup3rS|ecret@h/db')!;
    assert.match(h.contents, /\*\*\*\*/);
    assert.ok(!h.contents.includes('Sup3rSecret'));
  });
  it('nothing outside connection strings', () => {
    assert.equal(hover('just |text'), null);
  });
  it('ranges are exact for escaped values', () => {
    const h = hover('mongodb://h/?replica|Set=x&w=1')!;
    assert.equal(h.under, 'replicaSet');
  });
});
