/**
 * Kubernetes manifests on random input: Secrets whose `data:` holds random base64 (connection strings
 * with a password, text, bytes that are not UTF-8, strings that are not base64), ConfigMaps, containers
 * whose env values reference each other with `$(NAME)`, Helm lines, broken indentation. The analysis
 * never throws; every problem and related place lies inside the document; a problem a variable brings in
 * sits on a `$(NAME)` written in the document; no message, related message or hover shows the password.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeDocument, defaultSettings, doHover } from '../../../server/src/service/languageService';
import { checkProperty } from '../../helpers/fuzz';

const uri = 'file:///k8s/manifest.yaml';
/** The only secret of the documents, in a password's place (alone or with characters that need escaping). */
const PASSWORDS = ['Secr3tPw', 'Secr3tPw@x', 'p@Secr3tPw', 'Secr3tPw:1', 'Secr3t%Pw', 'Secr3t Pw'];
const leaked = (s: string) => /Secr3t|3tPw|Pw@x/.test(s);

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const names = ['A', 'B', 'PW', 'HOST', 'PORT', 'URI'];
const uriPiece = fc.constantFrom('mongodb://', 'mongod://', 'mongodb:/', 'mongodb+srv://', 'app', ':', '@', 'db', '.example.com', ':27017', ':99999', '/shop', '?', 'tls=true', '&', 'retryWrite=true', ',', '%', '$(A)', '$(PW)', '$$(B)', '$(', '{{ .Values.x }}', ' ', '\n');
const uriText = fc.array(uriPiece, { minLength: 1, maxLength: 8 }).map((a) => a.join(''));
const password = fc.constantFrom(...PASSWORDS);

/** A Secret `data:` value: base64 of a connection string with the password, of text, of bytes, or not base64 at all. */
const encoded = fc.oneof(
  fc.tuple(fc.constantFrom('mongodb://app:', 'mongod://app:', 'mongodb+srv://u:'), password, fc.constantFrom('@db:27017/shop', '@db/x?tls=true', '@h:99999')).map(([a, p, c]) => b64(a + p + c)),
  fc.tuple(fc.constantFrom('mongodb://app:', 'mongod://u:'), password, fc.constantFrom('@db/shop\n', '@db:27017\n')).map(([a, p, c]) => b64(a + p + c)),
  uriText.map(b64),
  password.map(b64),
  fc.uint8Array({ maxLength: 40 }).map((b) => Buffer.from(b).toString('base64')),
  fc.string({ maxLength: 30 }),
  uriText.map((t) => b64(t).replace(/=+$/, '')),
);

/** How a scalar is written: plain, quoted, or folded in a block scalar. */
const written = (value: string, indent: string): fc.Arbitrary<string> =>
  fc.constantFrom(
    value,
    JSON.stringify(value),
    `'${value.replace(/'/g, "''")}'`,
    `|\n${indent}  ${value.replace(/\n/g, `\n${indent}  `)}`,
    `>-\n${indent}  ${value.slice(0, 10)}\n${indent}  ${value.slice(10)}`,
  );

const secret = fc
  .tuple(fc.constantFrom('db', 'creds'), fc.array(fc.tuple(fc.constantFrom(...names, 'MONGODB_URI', 'password'), encoded), { maxLength: 4 }), fc.array(fc.tuple(fc.constantFrom(...names), password), { maxLength: 2 }))
  .chain(([name, data, stringData]) =>
    fc.tuple(...data.map(([k, v]) => written(v, '  ').map((w) => `  ${k}: ${w}`))).map((lines) =>
      ['apiVersion: v1', 'kind: Secret', 'metadata:', `  name: ${name}`, 'data:', ...lines, ...(stringData.length > 0 ? ['stringData:', ...stringData.map(([k, v]) => `  ${k}: ${JSON.stringify(v)}`)] : [])].join('\n'),
    ),
  );

const configMap = fc
  .array(fc.tuple(fc.constantFrom(...names), uriText), { maxLength: 3 })
  .map((data) => ['kind: ConfigMap', 'metadata:', '  name: cfg', 'data:', ...data.map(([k, v]) => `  ${k}: ${JSON.stringify(v)}`)].join('\n'));

const envEntry = fc.oneof(
  fc.tuple(fc.constantFrom(...names), uriText).chain(([n, v]) => written(v, '      ').map((w) => `    - name: ${n}\n      value: ${w}`)),
  fc.tuple(fc.constantFrom(...names), fc.constantFrom('db', 'creds', 'cfg', 'other'), fc.constantFrom(...names, 'MONGODB_URI', 'password'), fc.boolean()).map(
    ([n, r, k, flow]) =>
      flow
        ? `    - name: ${n}\n      valueFrom: {secretKeyRef: {name: ${r}, key: ${k}}}`
        : `    - name: ${n}\n      valueFrom:\n        ${r === 'cfg' ? 'configMapKeyRef' : 'secretKeyRef'}:\n          name: ${r}\n          key: ${k}`,
  ),
  fc.tuple(fc.constantFrom('mongodb://app:$(PW)@$(HOST):$(PORT)/shop', 'mongodb://$(A):$(PW)@db/x?$(B)', 'mongodb://u:$(PW)@h/$(URI)'), fc.constantFrom(...names)).map(([v, n]) => `    - name: ${n}\n      value: ${v}`),
  fc.constantFrom('    envFrom:\n    - secretRef:\n        name: db', '{{- if .Values.x }}', '{{- end }}', '  broken: [', '      - stray', '\t- tab'),
);

const deployment = fc
  .array(envEntry, { maxLength: 8 })
  .map((env) => ['kind: Deployment', 'spec:', '  template:', '    spec:', '      containers:', '      - name: api', '        env:', ...env.map((e) => e.replace(/^ {4}/gm, '        '))].join('\n'));

const manifest = fc.array(fc.oneof(secret, configMap, deployment, uriText), { minLength: 1, maxLength: 4 }).map((docs) => docs.join('\n---\n') + '\n');

describe('Kubernetes manifests on random input', () => {
  it('no throw, spans inside the document, variable problems on a $(NAME), no password in any output', () => {
    checkProperty(
      'kubernetes manifests',
      fc.property(manifest, (text) => {
        const d = { uri, languageId: 'yaml', text };
        const a = analyzeDocument(d, defaultSettings);
        for (const p of a.problems) {
          assert.ok(p.span.start >= 0 && p.span.start <= p.span.end && p.span.end <= text.length, JSON.stringify(p));
          assert.ok(!leaked(p.message), p.message);
          for (const r of p.related ?? []) {
            assert.equal(r.documentUri, uri);
            assert.ok(r.span.start >= 0 && r.span.start <= r.span.end && r.span.end <= text.length, JSON.stringify(r));
            assert.ok(!leaked(r.message), r.message);
          }
          if (p.related && p.related.length > 0 && p.message.startsWith('With its variables filled in')) {
            assert.match(text.slice(p.span.start, p.span.end), /^\$\([^)]*\)$/, 'on a reference');
          }
        }
        // Hovers on every reference and every character that may be base64.
        for (let at = 0; at < text.length; at++) {
          const h = doHover(d, a, at);
          if (h) {
            assert.ok(h.span.start >= 0 && h.span.end <= text.length);
            assert.ok(!leaked(h.contents), h.contents);
          }
        }
      }),
      120,
    );
  });
});
