/**
 * Replica sets declared to Kubernetes operators against the limits of a replica set: at most 50
 * members and at most 7 voting, just under and just over each bound, for the Community, Enterprise and
 * Percona operators' resources.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument, defaultSettings, doHover } from '../../../server/src/service/languageService';

const found = (text: string) =>
  analyzeDocument({ uri: 'file:///k8s/db.yaml', languageId: 'yaml', text }, defaultSettings)
    .problems.filter((p) => p.ruleId.startsWith('replica-set-'))
    .map((p) => [p.ruleId, text.slice(p.span.start, p.span.end)]);

const community = (members: number, memberConfig = '') =>
  [
    'apiVersion: mongodbcommunity.mongodb.com/v1',
    'kind: MongoDBCommunity',
    'metadata:',
    '  name: shop-db',
    'spec:',
    `  members: ${members}`,
    '  type: ReplicaSet',
    '  version: "7.0.12"',
    memberConfig,
    '',
  ].join('\n');

const votes = (list: number[]) => `  memberConfig:\n${list.map((v) => `    - votes: ${v}\n      priority: "${v}"`).join('\n')}`;

describe('MongoDBCommunity and MongoDB (Enterprise) resources', () => {
  it('7 voting members fit, 8 do not (a member without memberConfig votes)', () => {
    assert.deepEqual(found(community(7)), []);
    assert.deepEqual(found(community(8)), [['replica-set-too-many-voting', '8']]);
  });

  it('members given votes: 0 do not vote', () => {
    assert.deepEqual(found(community(9, votes([1, 1, 1, 1, 1, 1, 1, 0, 0]))), []);
    assert.deepEqual(found(community(9, votes([1, 1, 1, 1, 1, 1, 1, 1, 0]))), [['replica-set-too-many-voting', '9']]);
  });

  it('50 members fit, 51 do not', () => {
    const zeros = (n: number) => votes([...Array(7).fill(1), ...Array(n - 7).fill(0)]);
    assert.deepEqual(found(community(50, zeros(50))), []);
    assert.deepEqual(found(community(51, zeros(51))), [['replica-set-too-many-members', '51']]);
  });

  it('the Enterprise operator: a ReplicaSet counts, a sharded cluster is not read here', () => {
    const enterprise = (type: string) => `apiVersion: mongodb.com/v1\nkind: MongoDB\nmetadata:\n  name: orders\nspec:\n  type: ${type}\n  members: 9\n`;
    assert.deepEqual(found(enterprise('ReplicaSet')), [['replica-set-too-many-voting', '9']]);
    assert.deepEqual(found(enterprise('ShardedCluster')), []);
  });

  it('messages say who declares the replica set and the limit', () => {
    const p = analyzeDocument({ uri: 'file:///k8s/db.yaml', languageId: 'yaml', text: community(8) }, defaultSettings).problems.find((x) => x.ruleId === 'replica-set-too-many-voting')!;
    assert.match(p.message, /^MongoDBCommunity shop-db declares 8 voting members; a replica set has at most 7/);
  });
});

describe('PerconaServerMongoDB resources', () => {
  const percona = (size: number, nonvoting = 0, arbiter = 0) =>
    [
      'apiVersion: psmdb.percona.com/v1',
      'kind: PerconaServerMongoDB',
      'metadata:',
      '  name: shop',
      'spec:',
      '  replsets:',
      '    - name: rs0',
      `      size: ${size}`,
      '      nonvoting:',
      `        enabled: ${nonvoting > 0}`,
      `        size: ${nonvoting}`,
      '      arbiter:',
      `        enabled: ${arbiter > 0}`,
      `        size: ${arbiter}`,
      '',
    ].join('\n');

  it('size counts voting members, nonvoting members count as members only, arbiters vote', () => {
    assert.deepEqual(found(percona(7, 43)), []);
    assert.deepEqual(found(percona(7, 44)), [['replica-set-too-many-members', '7']]);
    assert.deepEqual(found(percona(8)), [['replica-set-too-many-voting', '8']]);
    assert.deepEqual(found(percona(6, 0, 1)), []);
    assert.deepEqual(found(percona(7, 0, 1)), [['replica-set-too-many-voting', '7']]);
  });

  it('templated sizes (Helm) and other kinds are left alone', () => {
    assert.deepEqual(found(percona(8).replace('size: 8', 'size: {{ .Values.replicas }}')), []);
    assert.deepEqual(found(community(8).replace('MongoDBCommunity', 'StatefulSet')), []);
  });
});

describe('hover on the count', () => {
  it('states the members, the voting members and both limits', () => {
    const text = community(5);
    const doc = { uri: 'file:///k8s/db.yaml', languageId: 'yaml', text };
    const hover = doHover(doc, analyzeDocument(doc, defaultSettings), text.indexOf('members: 5') + 9)!;
    assert.match(hover.contents, /MongoDBCommunity shop-db\*\*: 5 members, 5 voting/);
    assert.match(hover.contents, /50/);
    assert.match(hover.contents, /7 members of a replica set can vote/);
  });
});
