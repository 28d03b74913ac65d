/**
 * Connection strings of compose files checked against the file's facts (compose/composeFacts.ts): each
 * rule on realistic files, reported and not, its quick fix applied to the text, the `.env` beside the
 * file changing the verdict, hostile files finishing without a false problem.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument, defaultSettings, getCodeActions } from '../../../server/src/service/languageService';

const uri = 'file:///p/compose.yaml';
function analyze(text: string, files: Record<string, string> = {}, languageId = 'dockercompose') {
  const doc = { uri, languageId, text, files: { read: (u: string) => files[u] } };
  const analysis = analyzeDocument(doc, defaultSettings);
  const problems = analysis.problems.filter((p) => p.ruleId.startsWith('compose-'));
  return {
    problems,
    /** [rule, the text under the problem] of each compose problem. */
    found: problems.map((p) => [p.ruleId, text.slice(p.span.start, p.span.end)]),
    /** The line of the text after the quick fix of the first problem of `ruleId`. */
    fixed(ruleId: string): string | undefined {
      const p = problems.find((x) => x.ruleId === ruleId);
      const fix = p && getCodeActions(doc, analysis, p.span).find((f) => f.ruleId === ruleId);
      if (!p || !fix) return undefined;
      let out = text;
      for (const e of [...fix.edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
      const ls = out.lastIndexOf('\n', p.span.start) + 1;
      return out.slice(ls, out.indexOf('\n', ls)).trim();
    },
  };
}

const MONGO = `  mongo:
    image: mongo:7
    ports:
      - "27018:27017"
    environment:
      MONGO_INITDB_ROOT_USERNAME: root
      MONGO_INITDB_ROOT_PASSWORD: example
`;
const app = (uriText: string, extra = '') => `services:\n  app:\n    image: node:20\n${extra}    environment:\n      MONGODB_URI: ${uriText}\n${MONGO}`;

describe('compose-localhost', () => {
  it('localhost in a client container, with one MongoDB service: the fix connects to the service and its port', () => {
    const text = app('mongodb://localhost:27018/shop?authSource=admin');
    const r = analyze(text);
    assert.deepEqual(r.found, [['compose-localhost', 'localhost']]);
    assert.match(r.problems[0]!.message, /service app, localhost is that container, not service mongo \(line 6\)/);
    assert.equal(r.fixed('compose-localhost'), 'MONGODB_URI: mongodb://mongo:27017/shop?authSource=admin');
    const related = r.problems[0]!.related!;
    assert.equal(related.length, 1);
    assert.equal(related[0]!.documentUri, uri);
    assert.equal(text.slice(related[0]!.span.start, related[0]!.span.end), 'mongo');
    assert.deepEqual(analyze(app('mongodb://127.0.0.1/shop')).found, [['compose-localhost', '127.0.0.1']]);
    assert.deepEqual(analyze(app('"mongodb://[::1]:27017/shop"')).found, [['compose-localhost', '::1']]);
  });

  it('not reported: host networking, a shared network namespace, the MongoDB service itself, no MongoDB service, comments, other languages', () => {
    assert.deepEqual(analyze(app('mongodb://localhost:27018/shop', '    network_mode: host\n')).found, []);
    assert.deepEqual(analyze(app('mongodb://localhost:27017/shop', '    network_mode: "service:mongo"\n')).found, []);
    const own = `services:\n  mongo:\n    image: mongo:7\n    healthcheck:\n      test: ["CMD", "mongosh", "mongodb://localhost:27017/test", "--eval", "1"]\n`;
    assert.deepEqual(analyze(own).found, []);
    assert.deepEqual(analyze('services:\n  app:\n    image: node\n    environment:\n      URI: mongodb://localhost/x\n  cache:\n    image: redis\n').found, []);
    assert.deepEqual(analyze(app('mongodb://mongo:27017/x') + '# URI: mongodb://localhost/x\n').found, []);
    assert.deepEqual(analyze(app('mongodb://localhost:27018/shop'), {}, 'yaml').found, []);
    // An init container that runs mongosh with the mongo image is a client, not a server.
    const init = `services:\n  init:\n    image: mongo:7\n    command: mongosh mongodb://localhost:27017/admin --eval "rs.initiate()"\n${MONGO}`;
    assert.deepEqual(analyze(init).found, [['compose-localhost', 'localhost']]);
  });
});

describe('compose-host-unknown', () => {
  it('a host that is no name of the file, with a did-you-mean fix', () => {
    const r = analyze(app('mongodb://mongodb:27017/shop?authSource=admin'));
    assert.deepEqual(r.found, [['compose-host-unknown', 'mongodb']]);
    assert.match(r.problems[0]!.message, /named mongodb \(did you mean mongo\?\).*service app.*merged at run time/);
    assert.equal(r.fixed('compose-host-unknown'), 'MONGODB_URI: mongodb://mongo:27017/shop?authSource=admin');
  });

  it('not reported: service names, container_name, hostname, aliases, links, extra_hosts, dotted and IP hosts, placeholders, include, external networks', () => {
    const names = `services:
  app:
    image: node
    links: ["mongo:linked"]
    extra_hosts: ["legacy:10.0.0.9"]
    environment:
      - A=mongodb://mongo,box,db-alias,linked,legacy,named/x?authSource=admin
      - B=mongodb://db.example.com,10.0.0.1,host.docker.internal/x
      - C=mongodb://\${DB_HOST}/x
  mongo:
    image: mongo
    container_name: box
    hostname: named
    networks:
      backend:
        aliases: [db-alias]
`;
    assert.deepEqual(analyze(names).found, []);
    assert.deepEqual(analyze('include:\n  - db.yaml\n' + app('mongodb://db:27017/x')).found, []);
    assert.deepEqual(analyze(app('mongodb://db:27017/x') + 'networks:\n  shared:\n    external: true\n').found, []);
    assert.deepEqual(analyze(app('mongodb://db:27017/x', '    network_mode: host\n')).found, []);
  });
});

describe('compose-port-mismatch', () => {
  it('the published port from another container: says so, the fix uses the container port', () => {
    const r = analyze(app('mongodb://mongo:27018/shop?authSource=admin'));
    assert.deepEqual(r.found, [['compose-port-mismatch', '27018']]);
    assert.match(r.problems[0]!.message, /Service mongo \(line 6\) listens on port 27017, not 27018\. 27018 is published on the host \(line 9\)/);
    assert.equal(r.fixed('compose-port-mismatch'), 'MONGODB_URI: mongodb://mongo:27017/shop?authSource=admin');
    assert.deepEqual(r.problems[0]!.related!.map((x) => x.message), ['MongoDB service mongo', 'Published port']);
  });

  it('--port in the command: a string without a port gets one; bitnami MONGODB_PORT_NUMBER; nothing for the right port or a config file', () => {
    const text = `services:\n  app:\n    image: node\n    environment:\n      URI: mongodb://db/x\n  db:\n    image: mongo\n    command: ["--port", "30001", "--bind_ip_all"]\n`;
    const r = analyze(text);
    assert.deepEqual(r.found, [['compose-port-mismatch', 'db']]);
    assert.equal(r.fixed('compose-port-mismatch'), 'URI: mongodb://db:30001/x');
    assert.deepEqual(analyze(text.replace('mongodb://db/x', 'mongodb://db:30001/x')).found, []);
    assert.deepEqual(analyze(text.replace('"--port", "30001"', '"--config", "/etc/mongod.conf"')).found, []);
    const bitnami = `services:\n  app:\n    image: node\n    environment:\n      URI: mongodb://mongodb:27017/x\n  mongodb:\n    image: bitnami/mongodb:7.0\n    environment:\n      - MONGODB_PORT_NUMBER=27020\n`;
    assert.deepEqual(analyze(bitnami).found, [['compose-port-mismatch', '27017']]);
  });
});

describe('compose-replica-set-mismatch', () => {
  const rs = (uriText: string, command: string) => `services:
  app:
    image: node
    environment:
      URI: "${uriText}"
  mongo1:
    image: mongo:7
    ${command}
  mongo2:
    image: mongo:7
    command: mongod --replSet rs0 --bind_ip_all
`;
  it('another name than --replSet: the fix writes the server\'s name; a standalone server is reported without a fix', () => {
    const r = analyze(rs('mongodb://mongo1:27017,mongo2:27017/?replicaSet=rs1', 'command: ["--replSet", "rs0"]'));
    assert.deepEqual(r.found, [['compose-replica-set-mismatch', 'replicaSet=rs1']]);
    assert.match(r.problems[0]!.message, /Service mongo1 runs `--replSet rs0` \(line 8\)/);
    assert.equal(r.fixed('compose-replica-set-mismatch'), 'URI: "mongodb://mongo1:27017,mongo2:27017/?replicaSet=rs0"');
    const standalone = analyze(rs('mongodb://mongo1:27017/?replicaSet=rs0', 'restart: always'));
    assert.deepEqual(standalone.found, [['compose-replica-set-mismatch', 'replicaSet=rs0']]);
    assert.match(standalone.problems[0]!.message, /runs without --replSet/);
    assert.equal(standalone.fixed('compose-replica-set-mismatch'), undefined);
  });

  it('not reported: the right name in both forms, no replicaSet at all, a host that is no MongoDB service, a config file', () => {
    assert.deepEqual(analyze(rs('mongodb://mongo1:27017,mongo2:27017/?replicaSet=rs0', 'command: ["--replSet=rs0"]')).found, []);
    assert.deepEqual(analyze(rs('mongodb://mongo1:27017,mongo2:27017/', 'restart: always')).found, []);
    assert.deepEqual(analyze(rs('mongodb://mongo1:27017/?replicaSet=rs9', 'command: mongod -f /etc/mongod.conf')).found, []);
    assert.deepEqual(analyze(rs('mongodb://db.example.com:27017/?replicaSet=rs9', 'restart: always')).found, []);
    const bitnami = 'services:\n  app:\n    image: node\n    environment:\n      URI: mongodb://mongodb/?replicaSet=replicaset\n  mongodb:\n    image: bitnami/mongodb\n    environment:\n      MONGODB_REPLICA_SET_NAME: replicaset\n';
    assert.deepEqual(analyze(bitnami).found, []);
    assert.deepEqual(analyze(bitnami.replace('=replicaset', '=rs0')).found, [['compose-replica-set-mismatch', 'replicaSet=rs0']]);
  });
});

describe('compose-root-auth-source', () => {
  it('the root user against the database of the path: the fix adds authSource=admin', () => {
    const r = analyze(app('mongodb://root:example@mongo:27017/shop'));
    assert.deepEqual(r.found, [['compose-root-auth-source', 'root']]);
    assert.match(r.problems[0]!.message, /root is the root user of service mongo \(MONGO_INITDB_ROOT_USERNAME, line 11\)/);
    assert.equal(r.fixed('compose-root-auth-source'), 'MONGODB_URI: mongodb://root:example@mongo:27017/shop?authSource=admin');
    const withOptions = analyze(app('mongodb://root:example@mongo:27017/shop?retryWrites=true'));
    assert.equal(withOptions.fixed('compose-root-auth-source'), 'MONGODB_URI: mongodb://root:example@mongo:27017/shop?retryWrites=true&authSource=admin');
  });

  it('not reported: authSource given, the admin database, no database, another user, an external mechanism', () => {
    for (const u of [
      'mongodb://root:example@mongo:27017/shop?authSource=admin',
      'mongodb://root:example@mongo:27017/admin',
      'mongodb://root:example@mongo:27017/',
      'mongodb://root:example@mongo:27017',
      'mongodb://app:example@mongo:27017/shop',
      'mongodb://root@mongo:27017/shop?authMechanism=MONGODB-X509&tls=true',
    ]) assert.deepEqual(analyze(app(u)).found, [], u);
  });

  it('the same ${VAR} reference, and bitnami\'s default root user', () => {
    const text = `services:\n  app:\n    image: node\n    environment:\n      URI: mongodb://\${MONGO_USER}:\${MONGO_PASS}@mongo/shop\n  mongo:\n    image: mongo\n    environment:\n      - MONGO_INITDB_ROOT_USERNAME=\${MONGO_USER}\n`;
    assert.deepEqual(analyze(text).found, [['compose-root-auth-source', '${MONGO_USER}']]);
    const bitnami = 'services:\n  app:\n    image: node\n    environment:\n      URI: mongodb://root:pw@mongodb/shop\n  mongodb:\n    image: bitnami/mongodb\n    environment:\n      MONGODB_ROOT_PASSWORD: pw\n';
    assert.deepEqual(analyze(bitnami).found, [['compose-root-auth-source', 'root']]);
    assert.deepEqual(analyze(bitnami.replace('MONGODB_ROOT_PASSWORD: pw', 'MONGODB_ROOT_USER: admin\n      MONGODB_ROOT_PASSWORD: pw')).found, []);
  });
});

describe('the .env beside the file', () => {
  const text = `services:
  app:
    image: node
    environment:
      MONGODB_URI: mongodb://\${DB_USER}:\${DB_PASS}@\${DB_HOST}:\${DB_PORT}/shop
  mongo:
    image: mongo:\${MONGO_VERSION}
    environment:
      MONGO_INITDB_ROOT_USERNAME: admin
`;
  it('fills in the variables: what it defines changes the verdict; problems sit on the reference, without fixes', () => {
    assert.deepEqual(analyze(text).found, []);
    const env = { 'file:///p/.env': 'DB_USER=admin\nDB_PASS=pw\nDB_HOST=localhost\nDB_PORT=27018\nMONGO_VERSION=7\n' };
    const r = analyze(text, env);
    assert.deepEqual(r.found, [['compose-localhost', '${DB_HOST}']]);
    assert.match(r.problems[0]!.message, /not service mongo \(line 6\)/);
    assert.equal(r.fixed('compose-localhost'), undefined);
    const root = analyze(text, { 'file:///p/.env': 'DB_USER=admin\nDB_HOST=mongo\nDB_PORT=27017\n' });
    assert.deepEqual(root.found, [['compose-root-auth-source', '${DB_USER}']]);
    // authSource goes at the end of the string, which is written in the file: that fix stays.
    assert.match(root.fixed('compose-root-auth-source')!, /\/shop\?authSource=admin$/);
    const toMongo = analyze(text, { 'file:///p/.env': 'DB_USER=app\nDB_HOST=mongo\nDB_PORT=27018\n' });
    assert.deepEqual(toMongo.found, [['compose-port-mismatch', '${DB_PORT}']]);
    assert.deepEqual(analyze(text, { 'file:///p/.env': 'DB_HOST=mongo\nDB_PORT=27017\n' }).found, []);
  });
});

describe('hostile files', () => {
  it('huge, deeply nested and alias bombs finish and report nothing false', () => {
    const many = 'services:\n' + Array.from({ length: 1000 }, (_, i) => `  s${i}:\n    image: node\n    environment:\n      URI: mongodb://mongo:27017/db${i}\n`).join('') + '  mongo:\n    image: mongo\n';
    assert.deepEqual(analyze(many).found, []);
    const deep = app('mongodb://mongo:27017/x') + 'x-deep: ' + '['.repeat(50_000) + '\n' + Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + '\n';
    assert.deepEqual(analyze(deep).found, []);
    const bomb = ['x-0: &l0 {URI: "mongodb://mongo:27017/x"}'];
    for (let k = 1; k < 15; k++) bomb.push(`x-${k}: &l${k}\n  <<: [${Array.from({ length: 9 }, () => `*l${k - 1}`).join(', ')}]`);
    bomb.push('services:\n  app:\n    image: node\n    environment:\n      <<: *l14\n  mongo:\n    image: mongo');
    assert.deepEqual(analyze(bomb.join('\n') + '\n').found, []);
  });
});
