/**
 * The compose model (compose/composeFile.ts) on realistic compose files: services with every form of
 * command, environment, ports and network names, each fact located in the document; anchors and merge
 * keys; hostile documents that must finish quickly and read nothing wrong.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readComposeFile, readYaml, shellWords, type ComposeService, type Located } from '../../../server/src/service/compose/composeFile';

const values = (l: readonly Located[] | undefined) => l?.map((x) => x.value);
const env = (s: ComposeService) => Object.fromEntries(s.environment.map((e) => [e.name.value, e.value?.value ?? null]));
const service = (text: string, name: string) => {
  const s = readComposeFile(text).services.find((x) => x.name === name);
  assert.ok(s, `no service ${name}`);
  return s;
};
/** Every located fact reads, at its span, what it says (the file writes them without escapes). */
function assertSpans(text: string, s: ComposeService): void {
  const all: Located[] = [
    { value: s.name, span: s.nameSpan },
    ...[s.image, s.hostname, s.containerName, s.networkMode, s.replicas].filter((x): x is Located => x !== undefined),
    ...(s.command ?? []), ...(s.entrypoint ?? []), ...s.expose, ...s.networks, ...s.aliases,
    ...s.environment.flatMap((e) => (e.value ? [e.name, e.value] : [e.name])),
    ...s.envFiles.map((f) => f.path),
  ];
  for (const l of all) assert.equal(text.slice(l.span.start, l.span.end), l.value, JSON.stringify(l));
}

const MERN = `# A MERN stack
name: shop

services:
  mongo:
    image: mongo:7.0
    restart: unless-stopped
    ports:
      - "27017:27017"
    environment:
      MONGO_INITDB_ROOT_USERNAME: root
      MONGO_INITDB_ROOT_PASSWORD: example   # only for development
    volumes:
      - mongo-data:/data/db

  api:
    build: ./api
    env_file: .env
    environment:
      - NODE_ENV=development
      - MONGODB_URI=mongodb://root:example@mongo:27017/shop?authSource=admin
      - DEBUG
    ports: ["4000:4000"]
    depends_on:
      - mongo
    command: npm run dev -- --inspect=0.0.0.0:9229

  web:
    build:
      context: ./web
      args:
        API_URL: http://localhost:4000
    ports:
      - 3000:3000
    depends_on: [api]

volumes:
  mongo-data:
`;

const REPLICA_SET = `services:
  mongo1:
    image: mongo:7
    container_name: mongo1
    hostname: mongo1
    command: ["--replSet", "rs0", "--bind_ip_all", "--port", "30001"]
    ports:
      - 127.0.0.1:30001:30001/tcp
    networks:
      backend:
        aliases:
          - db1
  mongo2:
    image: mongo:7
    entrypoint: [ "/usr/bin/mongod", "--bind_ip_all", "--replSet=rs0", "--port=30002" ]
    expose:
      - "30002"
    networks: [backend]
  mongo-init:
    image: mongo:7
    restart: "no"
    depends_on: [mongo1, mongo2]
    entrypoint: >
      bash -c "sleep 5 && mongosh --host mongo1:30001 --eval
      'rs.initiate({_id: \\"rs0\\", members: [{_id: 0, host: \\"mongo1:30001\\"}]})'"
    networks:
      - backend
    healthcheck:
      test: ["CMD", "mongosh", "--eval", "db.adminCommand('ping')"]
      interval: 10s
networks:
  backend: {}
`;

const BITNAMI = `services:
  mongodb:
    image: docker.io/bitnami/mongodb:7.0
    environment:
      - MONGODB_ROOT_PASSWORD=\${MONGODB_ROOT_PASSWORD}
      - MONGODB_REPLICA_SET_MODE=primary
      - MONGODB_REPLICA_SET_NAME=replicaset
      - MONGODB_PORT_NUMBER=27018
    deploy:
      replicas: 1
    extra_hosts:
      - "host.docker.internal:host-gateway"
      - "metrics=10.0.0.5"
  app:
    image: registry.example.com:5000/team/app@sha256:0123456789abcdef
    links:
      - mongodb:db
      - cache
    env_file:
      - path: ./default.env
        required: true
      - path: ./override.env
        required: false
      - ./more.env
    network_mode: "service:mongodb"
`;

const ANCHORS = `x-mongo-env: &mongo-env
  MONGODB_URI: mongodb://mongo:27017/app
  LOG_LEVEL: info

x-service: &service
  restart: always
  environment: *mongo-env
  networks: [app]

services:
  worker:
    <<: *service
    image: worker:latest
    command: [ "node", "worker.js" ]
  api:
    <<: *service
    image: api:latest
    environment:
      <<: *mongo-env
      LOG_LEVEL: debug
      PORT: 8080
  mongo:
    image: mongo
networks:
  app:
`;

describe('readComposeFile on realistic files', () => {
  it('a MERN stack: services in order, both environment forms, every port form, a command string split into words', () => {
    const file = readComposeFile(MERN);
    assert.deepEqual(file.services.map((s) => s.name), ['mongo', 'api', 'web']);
    assert.equal(MERN.slice(file.servicesSpan!.start, file.servicesSpan!.end), 'services');
    const mongo = service(MERN, 'mongo');
    assert.equal(mongo.image?.value, 'mongo:7.0');
    assert.deepEqual(env(mongo), { MONGO_INITDB_ROOT_USERNAME: 'root', MONGO_INITDB_ROOT_PASSWORD: 'example' });
    assert.deepEqual(mongo.ports.map((p) => [p.published, p.target]), [['27017', '27017']]);
    const api = service(MERN, 'api');
    assert.deepEqual(env(api), { NODE_ENV: 'development', MONGODB_URI: 'mongodb://root:example@mongo:27017/shop?authSource=admin', DEBUG: null });
    assert.deepEqual(values(api.command), ['npm', 'run', 'dev', '--', '--inspect=0.0.0.0:9229']);
    assert.deepEqual(api.envFiles.map((f) => [f.path.value, f.required]), [['.env', true]]);
    assert.deepEqual(service(MERN, 'web').ports.map((p) => [p.published, p.target]), [['3000', '3000']]);
    // The block of a service runs from its name to the end of its last value.
    assert.match(MERN.slice(api.span.start, api.span.end), /^api:[^]*--inspect=0\.0\.0\.0:9229$/);
    for (const s of file.services) assertSpans(MERN, s);
  });

  it('a replica set with an init container: --replSet in list and `=` forms, folded entrypoint scripts, aliases, ranges', () => {
    const mongo1 = service(REPLICA_SET, 'mongo1');
    assert.deepEqual(values(mongo1.command), ['--replSet', 'rs0', '--bind_ip_all', '--port', '30001']);
    assert.equal(mongo1.containerName?.value, 'mongo1');
    assert.equal(mongo1.hostname?.value, 'mongo1');
    assert.deepEqual(mongo1.ports.map((p) => [p.published, p.target]), [["30001", "30001"]]);
    assert.deepEqual(values(mongo1.networks), ['backend']);
    assert.deepEqual(values(mongo1.aliases), ['db1']);
    const mongo2 = service(REPLICA_SET, 'mongo2');
    assert.deepEqual(values(mongo2.entrypoint), ['/usr/bin/mongod', '--bind_ip_all', '--replSet=rs0', '--port=30002']);
    assert.deepEqual(values(mongo2.expose), ['30002']);
    const init = service(REPLICA_SET, 'mongo-init');
    // The folded scalar joins its lines; the shell quoting keeps the script one word.
    assert.deepEqual(values(init.entrypoint), [
      'bash', '-c', 'sleep 5 && mongosh --host mongo1:30001 --eval \'rs.initiate({_id: "rs0", members: [{_id: 0, host: "mongo1:30001"}]})\'',
    ]);
    assert.deepEqual(values(init.healthcheck?.test), ['CMD', 'mongosh', '--eval', "db.adminCommand('ping')"]);
    for (const s of readComposeFile(REPLICA_SET).services) if (s.name !== 'mongo-init') assertSpans(REPLICA_SET, s);
  });

  it('bitnami: list environment with variables, replicas, extra_hosts in both forms, links, env_file long form, network_mode', () => {
    const db = service(BITNAMI, 'mongodb');
    assert.equal(db.image?.value, 'docker.io/bitnami/mongodb:7.0');
    assert.equal(env(db).MONGODB_ROOT_PASSWORD, '${MONGODB_ROOT_PASSWORD}');
    assert.equal(env(db).MONGODB_PORT_NUMBER, '27018');
    assert.equal(db.replicas?.value, '1');
    assert.deepEqual(db.extraHosts.map((h) => [h.host.value, h.address?.value]), [['host.docker.internal', 'host-gateway'], ['metrics', '10.0.0.5']]);
    const app = service(BITNAMI, 'app');
    assert.deepEqual(app.links.map((l) => [l.service.value, l.alias?.value]), [['mongodb', 'db'], ['cache', undefined]]);
    assert.deepEqual(app.envFiles.map((f) => [f.path.value, f.required]), [['./default.env', true], ['./override.env', false], ['./more.env', true]]);
    assert.equal(app.networkMode?.value, 'service:mongodb');
    for (const s of readComposeFile(BITNAMI).services) assertSpans(BITNAMI, s);
  });

  it('x- anchors shared by services: merge keys, an aliased environment, own keys winning; the anchored block is a region of each', () => {
    const file = readComposeFile(ANCHORS);
    assert.deepEqual(file.services.map((s) => s.name), ['worker', 'api', 'mongo']);
    const worker = service(ANCHORS, 'worker');
    assert.deepEqual(env(worker), { MONGODB_URI: 'mongodb://mongo:27017/app', LOG_LEVEL: 'info' });
    assert.deepEqual(values(worker.networks), ['app']);
    assert.deepEqual(values(worker.command), ['node', 'worker.js']);
    const api = service(ANCHORS, 'api');
    assert.deepEqual(env(api), { MONGODB_URI: 'mongodb://mongo:27017/app', LOG_LEVEL: 'debug', PORT: '8080' });
    const uriAt = ANCHORS.indexOf('mongodb://');
    for (const s of [worker, api]) assert.ok(s.regions.some((r) => r.start <= uriAt && uriAt < r.end), s.name);
    assert.ok(!service(ANCHORS, 'mongo').regions.some((r) => r.start <= uriAt && uriAt < r.end));
    // The value read through the alias is located where the anchor writes it.
    const uri = worker.environment.find((e) => e.name.value === 'MONGODB_URI')!.value!;
    assert.equal(uri.span.start, uriAt);
  });

  it('files without services, an include, external networks', () => {
    assert.deepEqual(readComposeFile('').services, []);
    assert.equal(readComposeFile('version: "3"\n').servicesSpan, undefined);
    const f = readComposeFile('include:\n  - other.yaml\nservices:\n  a:\n    image: x\nnetworks:\n  shared:\n    external: true\n  own: {}\n  old:\n    external: false\n');
    assert.equal(f.includes, true);
    assert.deepEqual(f.externalNetworks, ['shared']);
    assert.deepEqual(f.services.map((s) => s.name), ['a']);
  });

  it('YAML forms: a document marker, quoted keys, tags, multi-line flow, block scalars, CRLF line ends, a second document not read', () => {
    const text = [
      '%YAML 1.2', '---', 'services:', '  "app":', '    image: !!str node', '    environment: {', '      A: "1",', "      'B': x # c", '    }',
      '    command: |', '      node  index.js', '    ports:', '    - 80', '    - "8080:80"', '...', 'services:', '  other:', '',
    ].join('\r\n');
    const file = readComposeFile(text);
    assert.deepEqual(file.services.map((s) => s.name), ['app']);
    const app = file.services[0]!;
    assert.equal(app.image?.value, 'node');
    assert.deepEqual(env(app), { A: '1', B: 'x' });
    assert.deepEqual(values(app.command), ['node', 'index.js']);
    assert.deepEqual(app.ports.map((p) => [p.published, p.target]), [[undefined, '80'], ['8080', '80']]);
  });
});

describe('shellWords', () => {
  it('splits as compose does: quotes, escapes, empty quoted words; spans cover each word', () => {
    const s = `mongod  --replSet "rs 0" 'a\\b' c\\ d "" x"y"z`;
    const words = shellWords(s, (i) => i);
    assert.deepEqual(values(words), ['mongod', '--replSet', 'rs 0', 'a\\b', 'c d', '', 'xyz']);
    assert.deepEqual(words.map((w) => s.slice(w.span.start, w.span.end)), ['mongod', '--replSet', '"rs 0"', "'a\\b'", 'c\\ d', '""', 'x"y"z']);
  });
});

describe('hostile documents', () => {
  it('deep block and flow nesting, unclosed flow collections, a billion laughs of merge keys: finished, nothing invented', () => {
    const deepBlock = 'services:\n' + Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i + 2)}k${i}:`).join('\n') + '\n';
    const deepFlow = 'services: ' + '['.repeat(100_000) + ']'.repeat(100_000) + '\n';
    const unclosed = 'services:\n  a:\n    command: [mongod, "--port\n  b:\n    image: mongo\n    environment: {A: [1, {B: 2\n';
    const laughs = ['x-a: &a {A0: 1, A1: 2, A2: 3, A3: 4, A4: 5, A5: 6, A6: 7, A7: 8, A8: 9, A9: 10}'];
    for (let k = 1; k < 12; k++) laughs.push(`x-${k}: &l${k}\n  <<: [${Array.from({ length: 10 }, () => (k === 1 ? '*a' : `*l${k - 1}`)).join(', ')}]\n  K${k}: v`);
    laughs.push('services:\n  bomb:\n    <<: *l11\n    environment:\n      <<: [*l11, *l11, *l11]\n');
    const dashes = 'services:\n  a:\n    command:\n' + '    ' + '- '.repeat(50_000) + 'x\n';
    for (const text of [deepBlock, deepFlow, unclosed, laughs.join('\n'), dashes]) {
      assert.doesNotThrow(() => readComposeFile(text));
      readYaml(text);
    }
    assert.deepEqual(readComposeFile(deepBlock).services.map((s) => s.name), ['k0']);
    assert.deepEqual(readComposeFile(deepFlow).services, []);
    const bomb = readComposeFile(laughs.join('\n')).services[0]!;
    // Within the budget: the keys of the merged maps, each once.
    assert.ok(bomb.environment.length <= 21, String(bomb.environment.length));
    const u = readComposeFile(unclosed);
    assert.deepEqual(u.services.map((s) => s.name), ['a', 'b']);
    assert.equal(u.services[1]!.image?.value, 'mongo');
  });

  it('a large file of many services is read in one pass', () => {
    const one = (i: number) => `  s${i}:\n    image: mongo:7\n    command: ["mongod", "--port", "${20000 + i}"]\n    environment:\n      - URI=mongodb://s${i}:${20000 + i}/x\n`;
    const text = 'services:\n' + Array.from({ length: 5000 }, (_, i) => one(i)).join('');
    const file = readComposeFile(text);
    assert.equal(file.services.length, 5000);
    assert.equal(file.services[4999]!.command?.[2]?.value, "24999");
  });
});
