/**
 * mongodb+srv ⇄ seed list over the core: the seed list written from a DNS answer (hosts, tls=true unless
 * set, TXT options the string does not set, srvMaxHosts and srvServiceName left out, the rest as written,
 * escaped for the file), read back by mongodb-connection-string-url; and the parent domain offered only
 * as information.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ConnectionString from 'mongodb-connection-string-url';
import { analyzeDocument, defaultSettings, seedListEdit, sharedParentDomain, srvHostAt } from '../../../server/src/service/languageService';

const ANSWER = {
  hosts: [
    { host: 'cluster0-shard-00-00.abcde.mongodb.net.', port: 27017 },
    { host: 'cluster0-shard-00-01.abcde.mongodb.net', port: 27018 },
  ],
  txtOptions: 'authSource=admin&replicaSet=atlas-0',
};

function analyse(text: string, uri = 'file:///p/.env', languageId = 'dotenv') {
  const doc = { uri, languageId, text };
  return { doc, analysis: analyzeDocument(doc, defaultSettings), offset: text.indexOf('mongodb') + 3 };
}

function seedList(text: string, uri?: string, languageId?: string): string | null {
  const { analysis, offset } = analyse(text, uri, languageId);
  const edit = seedListEdit(analysis, offset, ANSWER);
  return edit && text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
}

describe('mongodb+srv to a seed list', () => {
  it('the hosts of the SRV record, tls=true, the TXT options, the rest as written', () => {
    const out = seedList('MONGODB_URI=mongodb+srv://app:p%40ss@cluster0.abcde.mongodb.net/shop?retryWrites=true&w=majority\n');
    assert.equal(out, 'MONGODB_URI=mongodb://app:p%40ss@cluster0-shard-00-00.abcde.mongodb.net:27017,cluster0-shard-00-01.abcde.mongodb.net:27018/shop?retryWrites=true&w=majority&authSource=admin&replicaSet=atlas-0&tls=true\n');
    const cs = new ConnectionString(out!.slice('MONGODB_URI='.length).trim());
    assert.equal(cs.password, 'p%40ss');
    assert.equal(cs.hosts.length, 2);
    assert.equal(cs.searchParams.get('tls'), 'true');
  });

  it('options the string sets win over the TXT record; TLS set in the string stays; SRV-only options go', () => {
    const out = seedList('MONGODB_URI=mongodb+srv://cluster0.abcde.mongodb.net/?authSource=users&ssl=false&srvMaxHosts=1&srvServiceName=mongodb\n');
    assert.equal(out, 'MONGODB_URI=mongodb://cluster0-shard-00-00.abcde.mongodb.net:27017,cluster0-shard-00-01.abcde.mongodb.net:27018/?authSource=users&ssl=false&replicaSet=atlas-0\n');
  });

  it('escaped for where the string stands, placeholders kept', () => {
    const out = seedList('{ "uri": "mongodb+srv://${USER}:${PASSWORD}@cluster0.abcde.mongodb.net/shop" }\n', 'file:///p/config.json', 'json');
    assert.equal(out, '{ "uri": "mongodb://${USER}:${PASSWORD}@cluster0-shard-00-00.abcde.mongodb.net:27017,cluster0-shard-00-01.abcde.mongodb.net:27018/shop?authSource=admin&replicaSet=atlas-0&tls=true" }\n');
  });

  it('only a mongodb+srv string with one plain host is looked up', () => {
    for (const text of [
      'U=mongodb://db1.example.net/shop\n',
      'U=mongodb+srv://${ATLAS_HOST}/shop\n',
      'U=mongodb+srv://a.example.net,b.example.net/shop\n',
    ]) {
      const { analysis, offset } = analyse(text);
      assert.equal(srvHostAt(analysis, offset), null, text);
      assert.equal(seedListEdit(analysis, offset, ANSWER), null, text);
    }
    const { analysis, offset } = analyse('U=mongodb+srv://Cluster0.ABCDE.mongodb.net/shop\n');
    assert.equal(srvHostAt(analysis, offset), 'cluster0.abcde.mongodb.net');
    assert.equal(seedListEdit(analysis, offset, { hosts: [], txtOptions: null }), null, 'no host, no seed list');
  });
});

describe('a seed list that could be mongodb+srv (information only)', () => {
  it('hosts under one parent domain', () => {
    const at = (text: string) => {
      const { analysis, offset } = analyse(text);
      return sharedParentDomain(analysis, offset);
    };
    assert.equal(at('U=mongodb://db1.example.net:27017,db2.example.net:27017/shop\n'), 'example.net');
    assert.equal(at('U=mongodb://db1.example.net,db2.other.net/shop\n'), null);
    assert.equal(at('U=mongodb://db1.example.net/shop\n'), null, 'one host');
    assert.equal(at('U=mongodb://db1.net,db2.net/shop\n'), null, 'a top-level domain is no parent');
    assert.equal(at('U=mongodb://10.0.0.1,10.0.0.2/shop\n'), null, 'addresses');
    assert.equal(at('U=mongodb+srv://cluster0.example.net/shop\n'), null, 'already SRV');
  });
});
