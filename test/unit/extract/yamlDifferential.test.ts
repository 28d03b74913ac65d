/**
 * The YAML extractor against a reference copy of its straightforward first version (yamlOracle.ts):
 * on random YAML-ish documents both find exactly the same values, in the same order, with the same
 * offsets, keys and syntaxes.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { extractYaml } from '../../../server/src/service/extract/yaml';
import { checkProperty } from '../../helpers/fuzz';
import { yamlText } from '../fuzz/yamlArbitraries';
import { extractYaml as oracleYaml } from './yamlOracle';

function assertSame(doc: string): void {
  assert.deepStrictEqual(extractYaml(doc), oracleYaml(doc), JSON.stringify(doc));
}

describe('YAML extraction against the reference version', () => {
  it('finds the same values in the same order', () => {
    checkProperty('yaml against its reference', fc.property(yamlText, (doc) => assertSame(doc)), 3000);
  });

  it('finds the same values in a compose file and Kubernetes manifests', () => {
    const doc = `services:
  api:
    environment:
      MONGODB_URI: "mongodb://api:\${PW}@mongo:27017/shop"
      MONGO_DB: shop
      LOG_LEVEL: info # plain
    command: ["node", "server.js", "--port", "3000"]
  worker:
    environment:
      - MONGO_URL=mongodb://worker@mongo:27017/jobs
    healthcheck:
      test: >
        mongosh --quiet "mongodb://localhost:27017/admin"
        --eval "db.adminCommand('ping')"
    deploy:
      resources:
        limits: { cpus: "0.25", memory: 128M }
---
spec:
  containers:
  - name: app
    env:
    - name: MONGO_URI
      value: mongodb-0.mongodb:27017
    - name: DB
      value: $(MONGO_DB)
    args: ["--uri", "$(MONGO_URI)"]
`;
    assertSame(doc);
  });

  it('finds the same values on lines read without reading their values (keys that say nothing, no "mongo")', () => {
    const docs = [
      'limits: { cpus: "0.25", memory: 128M }\nflags: [a, "DB_NAME=shop", b]\nitems: [x=1, y]\n',
      'svc:\n  opts: { collection: orders, database: shop, uri: "h:1" }\n  more: {a: {b: c, clusterName: x}}\n',
      'mongo:\n  opts: { db: shop, uri: h }\n  host: h\n  database: shop\n',
      'a:\n  b:\n    mongodb:\n      c:\n        d: { database: shop }\n        name: x\n        db: y\n',
      'x: { a: "\\u0040b", "k\\"": v }\ny: [a, {b: c}, [d]] # c\nz: {a: b,\n  c: d}\nw: {a: $(X), b: ${Y}, c: {{ v }}}\n',
      'k: plain\n  continued mongodb://h/db\nk2: "q" # mongodb://h/c\nk3: *a\nk4: {{ .Values.uri }}\nclusterName: c\ncollectionName: e\n',
      'atlas:\n  projectName: p\n  cfg: { orgName: o, clusterName: c, size: M10 }\nhostname: h\nusername: u\n',
      'k: [a, b]x\nk: {a: b} trailing\nk: [a: b, c]\nk: {"": x, -: y, a.b: z}\nk: {"a":b, c :d}\n',
    ];
    for (const doc of docs) assertSame(doc);
  });
});
