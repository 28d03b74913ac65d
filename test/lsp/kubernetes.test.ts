/** Over LSP: a Kubernetes Secret's base64 value is checked decoded; the hover masks it; the quick fix is encoded again. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startServer } from '../helpers/server';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

test('diagnostic on the encoded value, hover decoded and masked, code action re-encoded; $(NAME) points at the Secret key', async (t) => {
  const client = await startServer(t);
  const uri = 'file:///k8s/shop/deploy.yaml';
  const encoded = b64('mongod://app:Zq7wP4ss@mongo:27017/shop?tls=true');
  const password = b64('p@ssw0rd');
  const text = [
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: mongo',
    'data:',
    `  MONGODB_URI: ${encoded}`,
    `  password: ${password}`,
    '---',
    'apiVersion: apps/v1',
    'kind: Deployment',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: api',
    '          env:',
    '            - name: MONGO_PASSWORD',
    '              valueFrom:',
    '                secretKeyRef: { name: mongo, key: password }',
    '            - name: MONGO_URL',
    '              value: mongodb://app:$(MONGO_PASSWORD)@mongo:27017/shop?tls=true',
    '',
  ].join('\n');
  client.openDocument(uri, 'yaml', text, 1);
  const { diagnostics } = await client.waitForDiagnostics(uri, 1);
  // (The value extraction also reads this base64 under a URI key as a host list without a scheme: a
  // diagnostic of its own, on the part before the first `?`, that this test does not look at.)
  const scheme = diagnostics.find((d: any) => d.code === 'scheme-invalid' && d.message.startsWith('In the decoded value'));
  assert.ok(scheme, JSON.stringify(diagnostics));
  const range = { start: { line: 5, character: 15 }, end: { line: 5, character: 15 + encoded.length } };
  assert.deepEqual(scheme.range, range);
  assert.match(scheme.message, /^In the decoded value of MONGODB_URI \(Secret mongo\): "mongod" is not a MongoDB scheme/);

  const composed = diagnostics.find((d: any) => d.code === 'userinfo-unescaped');
  assert.ok(composed, JSON.stringify(diagnostics));
  const ref = text.split('\n')[20]!.indexOf('$(MONGO_PASSWORD)');
  assert.deepEqual(composed.range, { start: { line: 20, character: ref }, end: { line: 20, character: ref + '$(MONGO_PASSWORD)'.length } });
  assert.deepEqual(composed.relatedInformation?.map((r: any) => r.location), [{ uri, range: { start: { line: 6, character: 12 }, end: { line: 6, character: 12 + password.length } } }]);
  for (const d of diagnostics) assert.ok(!/Zq7wP4ss|p@ssw0rd/.test(JSON.stringify(d)), JSON.stringify(d));

  const hover = await client.request<any>('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 20 } });
  const contents = typeof hover.contents === 'string' ? hover.contents : hover.contents.value;
  assert.match(contents, /Secret mongo, key `MONGODB_URI`/);
  assert.match(contents, /`mongod:\/\/app:\*\*\*\*@mongo:27017\/shop\?tls=true`/);
  assert.ok(!contents.includes('Zq7wP4ss'));

  const actions = await client.request<any[]>('textDocument/codeAction', { textDocument: { uri }, range: scheme.range, context: { diagnostics: [scheme] } });
  const fix = actions.find((a) => a.title.startsWith('Change the scheme'));
  assert.ok(fix, JSON.stringify(actions));
  const edits = fix.edit.changes?.[uri] ?? fix.edit.documentChanges?.[0]?.edits;
  assert.deepEqual(edits, [{ range, newText: b64('mongodb://app:Zq7wP4ss@mongo:27017/shop?tls=true') }]);
});
