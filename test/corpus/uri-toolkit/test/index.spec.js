'use strict';

const test = require('node:test');
const assert = require('node:assert');
const fixtures = require('./fixtures/uris.json');
const { redact, hosts, sameDeployment } = require('../src');

test('redact hides the password', () => {
  assert.strictEqual(redact(fixtures.withCredentials), 'mongodb://user:****@localhost:27017/app');
  assert.ok(!redact(fixtures.srv).includes(new URL(fixtures.srv.replace('mongodb+srv', 'http')).password));
});

test('redact leaves strings without a password alone', () => {
  assert.strictEqual(redact('mongodb://localhost:27017/app'), 'mongodb://localhost:27017/app');
  assert.strictEqual(redact('mongodb://admin@localhost/?authSource=admin'), 'mongodb://admin@localhost/?authSource=admin');
});

test('hosts are lower-cased', () => {
  assert.deepStrictEqual(hosts('mongodb://DB1.Example.com:27017,db2.example.com:27017'), ['db1.example.com:27017', 'db2.example.com:27017']);
});

test('host order does not matter', () => {
  assert.ok(sameDeployment(fixtures.replicaSet, fixtures.replicaSetReordered));
  assert.ok(!sameDeployment(fixtures.replicaSet, fixtures.plain));
});
