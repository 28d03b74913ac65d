/**
 * Kubernetes manifests: Secret `data:` values decoded from base64 and checked (problems on the encoded
 * value, quick fixes encoded again, a trailing line break reported), `stringData:` checked once by the
 * extraction, and container `env:` values composed with `$(NAME)` from earlier entries, Secrets and
 * ConfigMaps of the same file. Unknown names stay placeholders; bad input never throws.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument, defaultSettings, doHover, getCodeActions } from '../../../server/src/service/languageService';
import { SECRET_CASES, secretsIn } from '../../helpers/secrets';

const uri = 'file:///repo/deploy/app.yaml';
const doc = (text: string) => ({ uri, languageId: 'yaml', text });
const analyze = (text: string) => analyzeDocument(doc(text), defaultSettings);
/** Base64 as `base64` or `echo -n … | base64` writes it (the test's own encoder: Node's Buffer). */
const b64 = (s: string, padded = true) => {
  const e = Buffer.from(s, 'utf8').toString('base64');
  return padded ? e : e.replace(/=+$/, '');
};
const unb64 = (s: string) => Buffer.from(s, 'base64').toString('utf8');
/** The problems but tls-disabled (an in-cluster host without TLS: advice, shown once a variable fills the host in). */
const found = (text: string) =>
  analyze(text).problems.filter((p) => p.ruleId !== 'tls-disabled').map((p) => [p.ruleId, text.slice(p.span.start, p.span.end), (p.related ?? []).map((r) => text.slice(r.span.start, r.span.end))]);
const fixesOf = (text: string, at: string) => {
  const start = text.indexOf(at);
  return getCodeActions(doc(text), analyze(text), { start, end: start + at.length }).map((f) => ({ title: f.title, edits: f.edits.map((e) => [text.slice(e.start, e.end), e.newText]) }));
};

const secretAndDeployment = (uriData: string, password: string) => `apiVersion: v1
kind: Secret
metadata:
  name: mongo-credentials
  namespace: shop
type: Opaque
data:
  MONGODB_URI: ${uriData}
  username: ${b64('app')}
  password: ${b64(password)}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: mongo-config
data:
  MONGO_HOST: mongo-0.mongo.shop.svc.cluster.local
  MONGO_PORT: "99999"
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: 2
  template:
    spec:
      containers:
        - name: api
          image: registry.example.com/shop/api:1.4.2
          env:
            - name: MONGO_USER
              valueFrom:
                secretKeyRef:
                  name: mongo-credentials
                  key: username
            - name: MONGO_PASSWORD
              valueFrom: { secretKeyRef: { name: mongo-credentials, key: password } }
            - name: MONGO_HOST
              valueFrom:
                configMapKeyRef:
                  name: mongo-config
                  key: MONGO_HOST
            - name: MONGO_PORT
              valueFrom:
                configMapKeyRef: {name: mongo-config, key: MONGO_PORT}
            - name: MONGODB_URL
              value: mongodb://$(MONGO_USER):$(MONGO_PASSWORD)@$(MONGO_HOST):$(MONGO_PORT)/shop?authSource=admin
            - name: POD_NAME
              valueFrom:
                fieldRef:
                  fieldPath: metadata.name
            - name: MONGO_APP_URI
              value: "mongodb://$(MONGO_USER):$(MONGO_PASSWORD)@$(MONGO_HOST)/shop?appName=$(POD_NAME)&w=$(REPLICAS)"
`;

describe('Secret data: base64 values decoded and checked', () => {
  it('a mongod:// typo is shown on the encoded value, named by key and Secret; its fix is the fixed string encoded again', () => {
    const encoded = b64('mongod://app:Zq7wP4ss@mongo:27017/shop');
    const text = secretAndDeployment(encoded, 'Zq7wP4ss');
    const scheme = analyze(text).problems.filter((p) => p.ruleId === 'scheme-invalid');
    assert.equal(scheme.length, 1);
    assert.equal(text.slice(scheme[0]!.span.start, scheme[0]!.span.end), encoded);
    assert.match(scheme[0]!.message, /^In the decoded value of MONGODB_URI \(Secret mongo-credentials\): "mongod" is not a MongoDB scheme/);
    const fixes = fixesOf(text, encoded);
    assert.equal(fixes.length, 1);
    assert.equal(fixes[0]!.edits[0]![0], encoded);
    assert.equal(unb64(fixes[0]!.edits[0]![1]), 'mongodb://app:Zq7wP4ss@mongo:27017/shop');
    assert.match(fixes[0]!.title, /^Change the scheme to mongodb:\/\/ \(in MONGODB_URI, base64 encoded again\)$/);
  });

  it('mongodb:/ with one slash; the fix keeps the padding style (none written, none added)', () => {
    const encoded = b64('mongodb:/mongo:27017/shop', false);
    assert.ok(!encoded.endsWith('=') && encoded.length % 4 !== 0, 'the case needs padding to be meaningful');
    const text = `kind: Secret\nmetadata:\n  name: s\ndata:\n  uri: ${encoded}\n`;
    assert.deepEqual(found(text), [['scheme-invalid', encoded, []]]);
    const [fix] = fixesOf(text, encoded);
    assert.equal(fix!.edits[0]![1], b64('mongodb://mongo:27017/shop', false));
  });

  it('a value encoded with a trailing line break (echo without -n): a warning whose fix drops it', () => {
    const encoded = b64('mongodb://mongo-0.mongo:27017/shop\n');
    const text = `kind: Secret\nmetadata:\n  name: db\ndata:\n  MONGODB_URI: ${encoded}\n`;
    const problems = analyze(text).problems.filter((p) => p.ruleId !== 'tls-disabled');
    assert.deepEqual(problems.map((p) => [p.ruleId, p.severity]), [['database-invalid-char', 'warning']]);
    assert.match(problems[0]!.message, /ends with a line break \(encoded with `echo` without `-n`\?\)/);
    const fix = fixesOf(text, encoded).find((f) => f.title.startsWith('Remove the line break'));
    assert.equal(unb64(fix!.edits[0]![1]), 'mongodb://mongo-0.mongo:27017/shop');
    // Without a database the line break ends the host; with options, the last option's value.
    assert.deepEqual(found(`kind: Secret\ndata:\n  uri: ${b64('mongodb://mongo\n')}\n`).map(([id]) => id), ['host-invalid']);
    // A port `27017\n` is reported by the port rule itself: not twice.
    assert.deepEqual(found(`kind: Secret\ndata:\n  uri: ${b64('mongodb://mongo:27017\n')}\n`).map(([id]) => id), ['port-invalid']);
    assert.deepEqual(found(`kind: Secret\ndata:\n  uri: ${b64('mongodb://mongo/x?tls=true\r\n')}\n`).map(([id]) => id), ['option-invalid-value']);
  });

  it('a correct value has no problem but the plaintext password of a committed manifest; its hover shows it decoded, the password masked, and which Secret and key it is', () => {
    const encoded = b64('mongodb://app:Zq7wP4ss@mongo:27017/shop?authSource=admin');
    const text = `kind: Secret\nmetadata:\n  name: mongo-credentials\ndata:\n  MONGODB_URI: ${encoded}\n`;
    const a = analyze(text);
    assert.deepEqual(found(text), [['credentials-in-source', encoded, []]]);
    assert.equal(a.problems[0]!.data, undefined, 'no ${PASSWORD} placeholder offered in a Secret');
    const h = doHover(doc(text), a, text.indexOf(encoded) + 5)!;
    assert.equal(text.slice(h.span.start, h.span.end), encoded);
    assert.match(h.contents, /Secret mongo-credentials, key `MONGODB_URI`/);
    assert.match(h.contents, /`mongodb:\/\/app:\*\*\*\*@mongo:27017\/shop\?authSource=admin`/);
    assert.ok(!h.contents.includes('Zq7wP4ss'));
  });

  it('base64 folded over the lines of a block scalar or a plain scalar, quoted, unpadded: all decoded', () => {
    const e = b64('mongodb://mongo:27017/shop?retryWrite=true');
    const text = `kind: Secret\ndata:\n  a: |\n    ${e.slice(0, 20)}\n    ${e.slice(20)}\n  b: >-\n    ${e.slice(0, 16)}\n    ${e.slice(16)}\n  c: "${e}"\n  d: '${e}'\n  e: ${e.slice(0, 12)}\n    ${e.slice(12)}\n`;
    const unknown = analyze(text).problems.filter((p) => p.ruleId === 'option-unknown');
    assert.equal(unknown.length, 5, JSON.stringify(analyze(text).problems));
    const [a] = unknown;
    assert.equal(text.slice(a!.span.start, a!.span.end), `${e.slice(0, 20)}\n    ${e.slice(20)}`);
  });

  it('not a connection string, not base64, binary, a Helm template, a ConfigMap: left alone', () => {
    const text = [
      'kind: Secret',
      'metadata:',
      '  name: other',
      'data:',
      `  password: ${b64('mongodb-is-great')}`,
      `  token: ${b64('https://example.com/mongod/x')}`,
      '  invalid: bW9uZ29kOi8vaDpb!!!',
      '  short: bW9uZ29kOi8vaDpbX',
      `  binary: ${Buffer.from([0xff, 0xfe, 0x6d, 0x6f, 0x6e, 0x67, 0x6f, 0x64, 0x3a, 0x2f, 0x2f]).toString('base64')}`,
      `  control: ${b64('mongod://h\u0000/x')}`,
      '  MONGODB_URI: {{ .Values.mongo.uri | b64enc | quote }}',
      '  templated: "{{ .Values.mongo.uri | b64enc }}"',
      '---',
      'kind: ConfigMap',
      'data:',
      `  encoded: ${b64('mongod://h/x')}`,
      '',
    ].join('\n');
    assert.deepEqual(found(text), []);
  });

  it('SECRET_CASES encoded in data: no secret in any message, related message or hover', () => {
    let problems = 0;
    for (const c of SECRET_CASES) {
      const encoded = b64(c.uri.replace('mongodb', 'mongod'));
      const text = `kind: Secret\nmetadata:\n  name: s\ndata:\n  MONGODB_URI: ${encoded}\n  plain: ${b64(c.uri)}\n`;
      const a = analyze(text);
      problems += a.problems.length;
      for (const p of a.problems) {
        // The word "Secret" of the label is not a piece of a password.
        assert.deepEqual(secretsIn(p.message.replace('(Secret s)', ''), c.secrets), [], p.message);
        for (const r of p.related ?? []) assert.deepEqual(secretsIn(r.message, c.secrets), []);
      }
      for (const at of [text.indexOf(encoded) + 1, text.indexOf('plain: ') + 8]) {
        const h = doHover(doc(text), a, at);
        assert.ok(h, c.uri);
        assert.deepEqual(secretsIn(h.contents.replace('Secret s,', ''), c.secrets), [], h.contents);
      }
    }
    assert.ok(problems >= SECRET_CASES.length, `${problems} problems looked at`);
  });
});

describe('Secret stringData: plain values, checked by the extraction, once', () => {
  it('a password with "@" and an unknown option, each reported once, nothing on the composed env value twice', () => {
    const text = `apiVersion: v1
kind: Secret
metadata:
  name: mongo
stringData:
  MONGODB_URI: mongodb://app:s3cr@t@mongo:27017/shop?retryWrite=true
  password: s3cr@t
---
kind: Pod
spec:
  containers:
  - name: api
    env:
    - name: PW
      valueFrom: {secretKeyRef: {name: mongo, key: password}}
    - name: URI
      value: mongodb://app:$(PW)@mongo:27017/shop?retryWrite=true
`;
    const ids = found(text);
    assert.deepEqual(
      ids.filter(([id]) => id !== 'credentials-in-source'),
      [
        ['userinfo-unescaped', '@', []],
        ['option-unknown', 'retryWrite', []],
        ['userinfo-unescaped', '$(PW)', ['s3cr@t']],
        ['option-unknown', 'retryWrite', []],
      ],
    );
  });
});

describe('env values composed with $(NAME)', () => {
  const text = secretAndDeployment(b64('mongodb://app:Zq7wP4ss@mongo:27017/shop?tls=true'), 'p@ssw0rd');
  it('problems brought in by Secret and ConfigMap keys are on the reference, the key as related information', () => {
    const problems = analyze(text).problems.filter((p) => p.related && p.ruleId !== 'tls-disabled');
    const shown = problems.map((p) => [p.ruleId, text.slice(p.span.start, p.span.end), p.related!.map((r) => text.slice(r.span.start, r.span.end))]);
    assert.deepEqual(shown, [
      ['userinfo-unescaped', '$(MONGO_PASSWORD)', [b64('p@ssw0rd')]],
      ['port-invalid', '$(MONGO_PORT)', ['99999']],
      ['userinfo-unescaped', '$(MONGO_PASSWORD)', [b64('p@ssw0rd')]],
    ]);
    const port = problems[1]!;
    assert.match(port.message, /^With its variables filled in: Port 99999 is out of range .*\(in the value of MONGO_PORT, from key MONGO_PORT of ConfigMap mongo-config, line 18\)$/);
    assert.equal(port.related![0]!.documentUri, uri);
    for (const p of problems) assert.ok(!/p@ss|ssw0rd/.test(p.message + p.related![0]!.message), p.message);
  });

  it('names this file does not define ($(POD_NAME) from a fieldRef, $(REPLICAS) from nowhere) stay placeholders: no error', () => {
    const ids = analyze(text).problems.filter((p) => text.slice(p.span.start, p.span.end).includes('POD_NAME') || text.slice(p.span.start, p.span.end).includes('REPLICAS'));
    assert.deepEqual(ids, []);
  });

  it('hover on a reference: the value filled in, secrets masked, where each name comes from', () => {
    const at = text.indexOf('$(MONGO_HOST)');
    const h = doHover(doc(text), analyze(text), at + 3)!;
    assert.equal(text.slice(h.span.start, h.span.end), '$(MONGO_HOST)');
    assert.match(h.contents, /`mongodb:\/\/\*\*\*\*:\*\*\*\*@mongo-0\.mongo\.shop\.svc\.cluster\.local:99999\/shop\?authSource=admin`/);
    assert.match(h.contents, /- `MONGO_PASSWORD` \(key password of Secret mongo-credentials, line 10\): `\*\*\*\*`/);
    assert.match(h.contents, /- `MONGO_HOST` \(key MONGO_HOST of ConfigMap mongo-config, line 17\): `mongo-0\.mongo\.shop\.svc\.cluster\.local`/);
    assert.ok(!h.contents.includes('w0rd'), h.contents);
  });

  it('earlier literal entries compose in turn; $$(NAME) is an escaped $(NAME); a later entry is not visible earlier', () => {
    const t = `kind: Deployment
spec:
  template:
    spec:
      containers:
        - name: api
          env:
            - name: EARLY
              value: mongodb://$(HOST)/shop
            - name: HOST
              value: db.internal:$(PORT)
            - name: PORT
              value: "70000"
            - name: HOSTPORT
              value: db.internal:$(PORT)
            - name: URI
              value: mongodb://$(HOSTPORT)/shop
            - name: ESCAPED
              value: mongodb://$(HOSTPORT)/shop?appName=$$(HOSTPORT)
`;
    assert.deepEqual(found(t), [['port-invalid', '$(HOSTPORT)', ['70000']], ['port-invalid', '$(HOSTPORT)', ['70000']]]);
    const p = analyze(t).problems.find((x) => x.ruleId === 'port-invalid')!;
    assert.match(p.message, /in the value of HOSTPORT, from env PORT, line 13\)$/);
    const h = doHover(doc(t), analyze(t), t.lastIndexOf('/shop?appName') - 3)!;
    assert.match(h.contents, /`mongodb:\/\/db\.internal:70000\/shop\?appName=\$\(HOSTPORT\)`/);
  });

  it('envFrom imports a Secret (with a prefix) before env; a later entry of the same name wins', () => {
    const t = `kind: Secret
metadata: {name: db}
stringData:
  PORT: "99999"
  HOST: db.internal
---
kind: Deployment
spec:
  template:
    spec:
      containers:
      - name: api
        envFrom:
        - secretRef:
            name: db
          prefix: MONGO_
        env:
        - name: A
          value: mongodb://$(MONGO_HOST):$(MONGO_PORT)/x
        - name: MONGO_PORT
          value: "27017"
        - name: B
          value: mongodb://$(MONGO_HOST):$(MONGO_PORT)/x
      - name: sidecar
        env:
        - name: C
          value: mongodb://$(MONGO_HOST):$(MONGO_PORT)/x
`;
    assert.deepEqual(found(t), [['port-invalid', '$(MONGO_PORT)', ['99999']]]);
  });

  it('a Helm template: action lines are passed over, {{ }} stays a placeholder next to $(NAME)', () => {
    const t = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "shop.fullname" . }}
spec:
  template:
    spec:
      containers:
        - name: {{ .Chart.Name }}
          env:
{{- if .Values.mongo.enabled }}
            - name: MONGO_PORT
              value: {{ .Values.mongo.port | quote }}
            - name: MONGO_OPTS
              value: "retryWrite=true"
{{- end }}
            - name: MONGODB_URI
              value: "mongodb://{{ .Values.mongo.user }}:{{ .Values.mongo.password }}@{{ .Values.mongo.host }}:$(MONGO_PORT)/{{ .Values.mongo.db }}?$(MONGO_OPTS)"
`;
    const shown = found(t);
    assert.deepEqual(shown, [['option-unknown', '$(MONGO_OPTS)', ['retryWrite=true']]]);
  });
});

describe('bad input', () => {
  it('malformed manifests, huge base64, binary secrets, long and circular chains, deep nesting: no throw, bounded', () => {
    const chain = Array.from({ length: 60 }, (_, i) => `        - name: V${i + 1}\n          value: $(V${i})$(V${i})`).join('\n');
    const cases = [
      `kind: Secret\ndata:\n  uri: ${b64('mongod://h/x').repeat(20000)}\n`,
      `kind: Secret\ndata:\n  uri: ${'A'.repeat(200000)}\n`,
      `kind: Secret\ndata:\n  bin: ${Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 37) & 255)).toString('base64')}\n`,
      `kind: Pod\nspec:\n  containers:\n    - env:\n        - name: V0\n          value: mongodb://h:\n${chain}\n        - name: URI\n          value: mongodb://x:$(V60)/db\n`,
      'kind: Pod\nspec:\n  containers:\n    - env:\n        - name: A\n          value: $(B)\n        - name: B\n          value: $(A)\n        - name: URI\n          value: mongodb://$(A):$(B)/x\n',
      `${'- '.repeat(5000)}kind: Secret\n`,
      `${Array.from({ length: 3000 }, (_, i) => ' '.repeat(i) + 'k:').join('\n')}\n`,
      'kind: Secret\ndata: {a: [b, {c: "d\n---\nkind: Secret\ndata:\n  "unterminated\n  x: |\n',
      'kind: Secret\ndata:\n  {{ .Values }}: $(X\n  y: !!binary |\n    R0lGODlh\n  z: *alias\n  &anchor w: $$$(\n',
      `${'{'.repeat(3000)}\nkind: Secret\ndata: [${'['.repeat(3000)}\n`,
    ];
    for (const text of cases) {
      const a = analyze(text);
      for (const p of a.problems) assert.ok(p.span.start >= 0 && p.span.end <= text.length && p.span.start <= p.span.end);
    }
    const long = analyze(cases[3]!);
    assert.ok(long.problems.length <= 2, JSON.stringify(long.problems.map((p) => p.message)));
  });
});

describe('Deployment replicas and the Atlas tier', () => {
  const manifest = (replicas: number, pool: number) =>
    [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: shop-api',
      'spec:',
      `  replicas: ${replicas}`,
      '  template:',
      '    spec:',
      '      containers:',
      '        - name: api',
      '          image: shop/api:1.4',
      '          env:',
      '            - name: MONGODB_URI',
      `              value: "mongodb+srv://shop:\${PASSWORD}@cluster0.ab1cd.mongodb.net/shop?maxPoolSize=${pool}"`,
      '',
    ].join('\n');
  const settings = { ...defaultSettings, atlas: { tier: 'M10', clientInstances: 1 } };
  const pools = (text: string, s = settings) =>
    analyzeDocument({ uri: 'file:///k8s/api.yaml', languageId: 'yaml', text }, s).problems.filter((p) => p.ruleId === 'atlas-connections-exceed-tier');

  it('each replica has its own pool: four of 500 exceed an M10, with the replicas line as related information', () => {
    const text = manifest(4, 500);
    const found = pools(text);
    assert.equal(found.length, 1, JSON.stringify(found));
    assert.equal(text.slice(found[0]!.span.start, found[0]!.span.end), 'maxPoolSize=500');
    assert.match(found[0]!.message, /4 application instances/);
    assert.deepEqual(found[0]!.related?.map((r) => [text.slice(r.span.start, r.span.end), r.message]), [['4', 'Deployment shop-api runs 4 replicas, each with its own pool']]);
  });

  it('one replica, a small pool, no tier, or a Service (not a workload): nothing', () => {
    assert.deepEqual(pools(manifest(1, 500)), []);
    assert.deepEqual(pools(manifest(4, 100)), []);
    assert.deepEqual(pools(manifest(4, 500), { ...settings, atlas: { tier: '', clientInstances: 1 } }), []);
    assert.deepEqual(pools(manifest(4, 500).replace('kind: Deployment', 'kind: Service')), []);
  });
});

describe('Secrets and ConfigMaps of the other manifests of the folder', () => {
  const deployment = [
    'apiVersion: apps/v1',
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
    '                secretKeyRef:',
    '                  name: mongo-credentials',
    '                  key: password',
    '            - name: MONGO_HOST',
    '              valueFrom:',
    '                configMapKeyRef:',
    '                  name: mongo-config',
    '                  key: host',
    '            - name: MONGODB_URI',
    '              value: mongodb://app:$(MONGO_PASSWORD)@$(MONGO_HOST)/shop?tls=true',
    '',
  ].join('\n');
  const secret = ['apiVersion: v1', 'kind: Secret', 'metadata:', '  name: mongo-credentials', 'data:', `  password: ${Buffer.from('Zq7@word').toString('base64')}`, ''].join('\n');
  const config = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: mongo-config', 'data:', '  host: mongo:70000', ''].join('\n');
  const folder = new Map([
    ['file:///k8s/app/secret.yaml', secret],
    ['file:///k8s/app/config.yml', config],
    ['file:///k8s/app/notes.txt', 'kind: Secret'],
  ]);
  const doc = (files?: { read(u: string): string | undefined; list?(f: string): string[] | undefined }) => ({ uri: 'file:///k8s/app/deployment.yaml', languageId: 'yaml', text: deployment, ...(files ? { files } : {}) });
  const access = { read: (u: string) => folder.get(u), list: (f: string) => (f === 'file:///k8s/app' ? [...folder.keys(), 'file:///k8s/app/deployment.yaml'] : undefined) };

  it('secretKeyRef and configMapKeyRef resolve from the folder: problems on the references, related to the other files', () => {
    const analysis = analyzeDocument(doc(access), defaultSettings);
    const found = analysis.problems
      .filter((p) => p.related?.length)
      .map((p) => [p.ruleId, deployment.slice(p.span.start, p.span.end), p.related![0]!.documentUri, p.related![0]!.range?.start.line]);
    assert.deepEqual(found, [
      ['userinfo-unescaped', '$(MONGO_PASSWORD)', 'file:///k8s/app/secret.yaml', 5],
      ['port-invalid', '$(MONGO_HOST)', 'file:///k8s/app/config.yml', 5],
    ]);
    assert.match(analysis.problems.find((p) => p.ruleId === 'port-invalid')!.message, /ConfigMap mongo-config in config\.yml, line 6/);
    assert.ok(analysis.problems.every((p) => !p.message.includes('Zq7')));
    assert.ok(analysis.reads?.includes('file:///k8s/app/secret.yaml'));
    const hover = doHover(doc(access), analysis, deployment.indexOf('$(MONGO_HOST)') + 2)!;
    assert.match(hover.contents, /mongodb:\/\/app:\*\*\*\*@mongo:70000\/shop/);
    assert.ok(!hover.contents.includes('Zq7'));
  });

  it('without folder access (or with the resources absent) the references stay placeholders', () => {
    for (const files of [undefined, { read: access.read }, { read: () => undefined, list: () => [] as string[] }]) {
      assert.deepEqual(analyzeDocument(doc(files), defaultSettings).problems.filter((p) => p.related?.length), []);
    }
  });
});
