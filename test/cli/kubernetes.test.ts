/** Kubernetes manifests through the built CLI: decoded Secret values and $(NAME) composition, no password printed. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lint, project } from '../helpers/cli';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

const MANIFEST = [
  'apiVersion: v1',
  'kind: Secret',
  'metadata:',
  '  name: mongo',
  'data:',
  `  MONGODB_URI: ${b64('mongodb://app:Zq7wP4ss@mongo:27017/shop\n')}`,
  `  port: ${b64('70000')}`,
  '---',
  'apiVersion: apps/v1',
  'kind: StatefulSet',
  'spec:',
  '  template:',
  '    spec:',
  '      containers:',
  '      - name: worker',
  '        env:',
  '        - name: MONGO_PORT',
  '          valueFrom:',
  '            secretKeyRef:',
  '              name: mongo',
  '              key: port',
  '        - name: MONGO_URL',
  '          value: mongodb://mongo:$(MONGO_PORT)/shop?tls=true&w=$(UNKNOWN)',
  '',
].join('\n');

test('text and JSON: the line break of a Secret value, the port from a Secret on its reference with the key as related place', () => {
  const dir = project({ 'k8s/worker.yaml': MANIFEST });
  const text = lint(dir, 'k8s');
  assert.equal(text.status, 1, text.stderr);
  assert.match(text.stdout, /^k8s\/worker\.yaml:6:16 warning database-invalid-char In the decoded value of MONGODB_URI \(Secret mongo\): .*ends with a line break/m);
  assert.match(text.stdout, /^k8s\/worker\.yaml:23:34 error port-invalid With its variables filled in: Port 70000 is out of range.*\n {2}k8s\/worker\.yaml:7:9 MONGO_PORT: key port of Secret mongo\n/m);
  assert.ok(!text.stdout.includes('Zq7wP4ss'), text.stdout);
  const json = JSON.parse(lint(dir, '--format', 'json', 'k8s').stdout);
  const port = json.find((m: any) => m.ruleId === 'port-invalid');
  assert.deepEqual(port.related, [{ line: 7, column: 9, message: 'MONGO_PORT: key port of Secret mongo' }]);
  assert.ok(!JSON.stringify(json).includes('Zq7wP4ss'));
});

test('a Deployment refers to a Secret of another manifest of its folder: both places printed', () => {
  const deployment = [
    'kind: Deployment',
    'metadata:',
    '  name: api',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: api',
    '          env:',
    '            - name: MONGO_PASSWORD',
    '              valueFrom:',
    '                secretKeyRef: { name: mongo-credentials, key: password }',
    '            - name: MONGODB_URI',
    '              value: mongodb://app:$(MONGO_PASSWORD)@mongo.internal/shop?tls=true',
    '',
  ].join('\n');
  const secret = ['kind: Secret', 'metadata:', '  name: mongo-credentials', 'stringData:', '  password: Zq7@word', ''].join('\n');
  const dir = project({ 'k8s/deployment.yaml': deployment, 'k8s/secret.yaml': secret });
  const run = lint(dir, 'k8s/deployment.yaml');
  assert.equal(run.status, 1, run.stderr);
  assert.match(run.stdout, /^k8s\/deployment\.yaml:14:\d+ error userinfo-unescaped .*\n {2}k8s\/secret\.yaml:5:13 /m);
  assert.ok(!run.stdout.includes('Zq7'), run.stdout);
});
