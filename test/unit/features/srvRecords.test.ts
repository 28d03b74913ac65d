import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkSrvAnswer, srvQueryName } from '../../../server/src/service/features/srvRecords';

describe('checkSrvAnswer', () => {
  it('lists the servers and the TXT options of a sound answer', () => {
    const r = checkSrvAnswer(
      'Cluster0.abcde.mongodb.net',
      [
        { name: 'cluster0-shard-00-00.abcde.mongodb.net.', port: 27017, priority: 0, weight: 0 },
        { name: 'Cluster0-Shard-00-01.abcde.mongodb.net', port: 27018, priority: 0, weight: 0 },
      ],
      [['authSource=admin&', 'replicaSet=rs0']],
    );
    assert.equal(r.query, '_mongodb._tcp.Cluster0.abcde.mongodb.net');
    assert.deepEqual(r.hosts, [
      { host: 'cluster0-shard-00-00.abcde.mongodb.net', port: 27017 },
      { host: 'cluster0-shard-00-01.abcde.mongodb.net', port: 27018 },
    ]);
    assert.equal(r.txtOptions, 'authSource=admin&replicaSet=rs0');
    assert.deepEqual(r.problems, []);
  });

  it('reports targets outside the parent domain, several TXT records and options TXT may not set', () => {
    const r = checkSrvAnswer('shop.example.com', [{ name: 'db.attacker.net', port: 27017, priority: 0, weight: 0 }], [['tls=false&authSource=x'], ['a=b']]);
    assert.equal(r.problems.length, 3);
    assert.match(r.problems[0], /db\.attacker\.net is not in the domain example\.com/);
    assert.match(r.problems[1], /2 TXT records/);
    assert.match(r.problems[2], /sets tls/);
  });

  it('requires targets below the host itself when it has fewer than three labels', () => {
    assert.deepEqual(checkSrvAnswer('mongo.local', [{ name: 'a.mongo.local', port: 1, priority: 0, weight: 0 }], []).problems, []);
    assert.equal(checkSrvAnswer('mongo.local', [{ name: 'b.other.local', port: 1, priority: 0, weight: 0 }], []).problems.length, 1);
  });

  it('reports an answer without records', () => {
    assert.match(checkSrvAnswer('x.example.com', [], []).problems[0], /No SRV records for _mongodb\._tcp\.x\.example\.com/);
    assert.equal(srvQueryName('h.example.com'), '_mongodb._tcp.h.example.com');
  });
});
