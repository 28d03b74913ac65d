import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { extractValues, encodeForHost } from '../../../server/src/service/extract';
import { HostSyntax } from '../../../server/src/service/api';
import { assertOffsetsSane, found, texts } from './helpers';
import { loudProblems, problems } from '../../helpers/problems';
import { analyzeDocument, defaultSettings, getCodeActions } from '../../../server/src/service/languageService';

/** Round-tripped text is put after a scheme: under a connection-string key, only a connection string is one. */
const URI_PREFIX = 'mongodb://h/?appName=';

describe('YAML extraction', () => {
  it('follows nested keys, compose environment lists and Kubernetes env pairs', () => {
    const doc = `version: "3.9"
services:
  api:
    image: node:20
    environment:
      MONGODB_URI: "mongodb://api@mongo:27017/shop"
      MONGO_DB: shop
  worker:
    environment:
    - MONGO_URL=mongo:27017
    - "APP_COLLECTION=jobs"
spring:
  data:
    mongodb:
      uri: localhost:27017
      database: inventory
containers:
  - name: app
    env:
      - name: MONGO_URI
        value: mongodb-0.mongodb:27017
      - name: OTHER
        value: plain
`;
    assert.deepEqual(
      found(doc, 'yaml').map((v) => [v.kind, v.text, v.key]),
      [
        ['uri', 'mongodb://api@mongo:27017/shop', 'services.api.environment.MONGODB_URI'],
        ['database', 'shop', 'services.api.environment.MONGO_DB'],
        ['uri', 'mongo:27017', 'services.worker.environment.MONGO_URL'],
        ['collection', 'jobs', 'services.worker.environment.APP_COLLECTION'],
        ['uri', 'localhost:27017', 'spring.data.mongodb.uri'],
        ['database', 'inventory', 'spring.data.mongodb.database'],
        ['uri', 'mongodb-0.mongodb:27017', 'containers.env.MONGO_URI'],
      ],
    );
    assertOffsetsSane(doc, 'yaml');
  });

  it('reads single-quoted, double-quoted and plain scalars with exact ranges', () => {
    const doc = `a: 'mongodb://it''s:p@ss@h:1'\nb: "mongodb://h:\\x37\\u00300"\nc: mongodb://h:70000 # comment mongodb://x:1\n`;
    assert.deepEqual(texts(doc, 'yaml'), ["mongodb://it's:p@ss@h:1", 'mongodb://h:700', 'mongodb://h:70000', 'mongodb://x:1']);
    assert.deepEqual(problems(doc, 'yaml'), [
      ['userinfo-unescaped', '@'],
      ['port-invalid', '70000'],
    ]);
    const analysis = analyzeDocument({ uri: 'file:///test', languageId: 'yaml', text: doc }, defaultSettings);
    assert.equal(analysis.problems.find((q) => q.ruleId === 'userinfo-unescaped')?.span.start, doc.indexOf('p@ss') + 1);
    assertOffsetsSane(doc, 'yaml');
  });

  it('maps a problem inside a folded double-quoted string to the right characters', () => {
    const doc = `mongo:
  uri: "mongodb://admin:p@ss@db.example.com:27017,
    db2.example.com:99999/app?\\
    replicaSet=rs0"
`;
    assert.deepEqual(texts(doc, 'yaml'), ['mongodb://admin:p@ss@db.example.com:27017, db2.example.com:99999/app?replicaSet=rs0']);
    const p = problems(doc, 'yaml');
    const at = (id: string) => p.filter(([r]) => r === id).map(([, s]) => s);
    assert.deepEqual(at('userinfo-unescaped'), ['@']);
    assert.equal(doc.indexOf('@'), doc.indexOf('p@ss') + 1);
    assert.deepEqual(at('port-invalid'), ['99999']);
    const a = extractValues(doc, 'yaml', 'u')[0];
    const unescaped = problems(doc, 'yaml').find(([r]) => r === 'userinfo-unescaped');
    assert.ok(unescaped);
    assert.equal(a.offsets?.[a.text.indexOf('p@ss') + 1], doc.indexOf('p@ss') + 1);
    assertOffsetsSane(doc, 'yaml');
  });

  it('folds multi-line plain and single-quoted scalars', () => {
    const doc = `MONGODB_URI: mongodb://h1:27017,
  h2:27017/db

  ?w=1
other: 'mongodb://x:1/a
  b'
`;
    assert.deepEqual(texts(doc, 'yaml'), ['mongodb://h1:27017, h2:27017/db\n?w=1', 'mongodb://x:1/a b']);
    assertOffsetsSane(doc, 'yaml');
  });

  it('reads block scalars with indentation indicators and chomping, without trailing breaks', () => {
    const doc = `literal: |
  mongodb://h:1/a
keep: |+
    mongodb://h:2/b

folded: >2-
   mongodb://h:3/c
list:
  - >
    mongodb://h:4/d
script: |
  #!/bin/sh
  mongosh "mongodb://localhost:27017/admin" --eval 'db.ping()'
next: 1
`;
    assert.deepEqual(found(doc, 'yaml').map((v) => [v.text, v.source]), [
      ['mongodb://h:1/a', 'mongodb://h:1/a'],
      ['mongodb://h:2/b', 'mongodb://h:2/b'],
      // The kept leading space makes it no connection string by itself; the mention inside it is one.
      ['mongodb://h:3/c', 'mongodb://h:3/c'],
      ['mongodb://h:4/d', 'mongodb://h:4/d'],
      ['mongodb://localhost:27017/admin', 'mongodb://localhost:27017/admin'],
    ]);
  });

  it('reads simple flow collections', () => {
    const doc = `healthcheck:
  test: ["CMD", "mongosh", "mongodb://localhost:27017/test", "--quiet"]
mongo: { uri: 'mongodb://h:1', database: shop, hosts: [a, b] }
environment: [ "MONGO_URI=mongodb://h:2" ]
`;
    assert.deepEqual(found(doc, 'yaml').map((v) => [v.kind, v.text, v.key]), [
      ['uri', 'mongodb://localhost:27017/test', 'healthcheck.test'],
      ['uri', 'mongodb://h:1', 'mongo.uri'],
      ['database', 'shop', 'mongo.database'],
      ['uri', 'mongodb://h:2', 'environment.MONGO_URI'],
    ]);
  });

  it('keeps Helm placeholders opaque and tolerates template directives', () => {
    const doc = `{{- if .Values.mongodb.enabled }}
apiVersion: v1
kind: Secret
stringData:
  MONGODB_URI: "mongodb://{{ .Values.mongodb.user }}:{{ .Values.mongodb.password }}@{{ .Release.Name }}-mongodb:27017/{{ .Values.mongodb.database }}?authSource=admin"
  MONGO_URL: {{ .Values.mongoUrl | quote }}
  PLAIN: mongodb://{{ .Values.host }}:<port>/app
{{- end }}
---
a: mongodb://\${DB_USER}:\${DB_PASS}@\${DB_HOST}:27017/app
b: mongodb://user:%MONGO_PASS%@h/db
c: mongodb://user:$PASS@h/db
d: mongodb+srv://admin:<password>@cluster0.abcde.mongodb.net/?retryWrites=true&w=majority
`;
    assert.equal(texts(doc, 'yaml').length, 6);
    assert.deepEqual(loudProblems(doc, 'yaml'), []);
  });

  it('takes a value with a missing scheme under a connection-string key', () => {
    assert.deepEqual(loudProblems('mongodb:\n  uri: db.example.com:27017\n', 'yaml'), [['scheme-invalid', 'db.example.com:27017']]);
    assert.deepEqual(texts('MONGO_URI: ~\nMONGO_DB: null\nDATABASE_URL: postgres://h/db\n', 'yaml'), []);
  });

  it('resets key paths at document markers and after comments', () => {
    const doc = `mongo:
  # the main one
  uri: x:1
---
uri: y:2
`;
    assert.deepEqual(texts(doc, 'yaml'), ['x:1']);
  });

  it('leaves the anchor and the tag of a sequence item out of it', () => {
    const doc = `Resources:
  - !Sub "mongodb://h:1/\${Db}"
  - &env !!str MONGO_URL=mongodb://h:2/db
  - !Ref 'mongodb://h:3'
`;
    assert.deepEqual(
      extractValues(doc, 'yaml', 'u').map((v) => [v.text, v.syntax, v.key]),
      [
        ['mongodb://h:1/${Db}', 'yaml-double', 'Resources'],
        ['mongodb://h:2/db', 'yaml-plain', 'Resources.MONGO_URL'],
        ['mongodb://h:3', 'yaml-single', 'Resources'],
      ],
    );
  });

  it('decodes quoted keys', () => {
    const doc = `"MONGO\\u005fURI": localhost:27017
'mongo':
  "db\\x5fname": shop
  'it''s': mongodb://h/db
`;
    assert.deepEqual(found(doc, 'yaml').map((v) => [v.kind, v.text, v.key]), [
      ['uri', 'localhost:27017', 'MONGO_URI'],
      ['database', 'shop', 'mongo.db_name'],
      ['uri', 'mongodb://h/db', "mongo.it's"],
    ]);
  });

  it('reads a value as named by the name before it only in the same mapping', () => {
    const doc = `a:
  name: MONGO_URI
b:
  value: localhost:27017
env:
- name: MONGO_URL
  other: x
  value: mongo-0:27017
`;
    assert.deepEqual(found(doc, 'yaml').map((v) => [v.kind, v.text, v.key]), [['uri', 'mongo-0:27017', 'env.MONGO_URL']]);
  });

  it('ends a block scalar without content at its header line', () => {
    const doc = `a: |
b: mongodb://h:1/b
list:
  - >-
  - mongodb://h:2/c
`;
    assert.deepEqual(
      extractValues(doc, 'yaml', 'u').map((v) => [v.text, v.syntax, v.key]),
      [
        ['mongodb://h:1/b', 'yaml-plain', 'b'],
        ['mongodb://h:2/c', 'yaml-plain', 'list'],
      ],
    );
  });

  it('escapes replacements for each YAML quoting and reads them back', () => {
    const cases: Array<[HostSyntax, string, (e: string) => string]> = [
      ['yaml-double', 'p@ss"w\\rd\n', (e) => `MONGO_URI: "${e}"\n`],
      ['yaml-single', "it's 'quoted'", (e) => `MONGO_URI: '${e}'\n`],
      ['yaml-plain', 'mongodb://h:1/db', (e) => `MONGO_URI: ${e}\n`],
    ];
    for (const [syntax, s, wrap] of cases) {
      const v = { kind: 'uri' as const, text: '', start: 0, syntax };
      assert.deepEqual(texts(wrap(encodeForHost(v, URI_PREFIX + s)), 'yaml'), [URI_PREFIX + s], syntax);
      assert.equal(extractValues(wrap(encodeForHost(v, URI_PREFIX + s)), 'yaml', 'u')[0].syntax, syntax);
    }
  });
});

describe('YAML host interpolation', () => {
  it('reads Kubernetes $(VAR) as a placeholder and takes defaults out of whole placeholders', () => {
    const doc = `env:
  - name: MONGODB_URI
    value: "mongodb://app:$(MONGO_PASSWORD)@$(MONGO_HOST):27017/app"
  - name: ESCAPED
    value: mongodb://h:1/$$(not)
spring:
  data:
    mongodb:
      uri: \${MONGODB_URI:mongodb://localhost:27017/inventory}
MONGO_URL: \${MONGO_URL:-mongo:27017}
`;
    assert.deepEqual(texts(doc, 'yaml'), [
      'mongodb://app:${MONGO_PASSWORD}@${MONGO_HOST}:27017/app',
      'mongodb://h:1/$$(not)',
      'mongodb://localhost:27017/inventory',
      'mongo:27017',
    ]);
    assertOffsetsSane(doc, 'yaml');
    const loud = loudProblems(doc, 'yaml');
    assert.ok(!loud.some(([, text]) => text.includes('MONGO_PASSWORD') || text.includes('MONGO_HOST')), JSON.stringify(loud));
    assert.ok(loud.some(([id, text]) => id === 'scheme-invalid' && text === 'mongo:27017'), JSON.stringify(loud));
  });
});

describe('a space that YAML makes of a line break', () => {
  const messages = (text: string, languageId = 'yaml') =>
    analyzeDocument({ uri: 'file:///p/values.yaml', languageId, text }, defaultSettings).problems.filter((p) => p.ruleId === 'database-invalid-char').map((p) => p.message);
  const FOLDED = /That space is a line break of the file/;

  it('is said to be one, in folded blocks, plain and quoted values over lines, and YAML fenced in Markdown', () => {
    for (const text of [
      'api:\n  uri: >-\n    mongodb+srv://api@prod.example.net/orders\n    ?retryWrites=true\n',
      'api:\n  uri: mongodb://host/db\n    ?retryWrites=true\n',
      'api:\n  uri: "mongodb://host/db\n    ?w=1"\n',
    ]) {
      const found = messages(text);
      assert.equal(found.length, 1, text);
      assert.match(found[0]!, FOLDED, text);
    }
    const markdown = messages('Config:\n\n```yaml\nmongo:\n  uri: >\n    mongodb://h/app\n    ?w=1\n```\n', 'markdown');
    assert.equal(markdown.length, 1);
    assert.match(markdown[0]!, FOLDED);
  });

  /** The text after the quick fix that joins the value's lines, when there is one. */
  const joined = (text: string, languageId = 'yaml'): string | undefined => {
    const doc = { uri: 'file:///p/values.yaml', languageId, text };
    const analysis = analyzeDocument(doc, defaultSettings);
    const fixes = getCodeActions(doc, analysis, { start: 0, end: text.length }).filter((f) => /on one line/.test(f.title));
    if (fixes.length === 0) return undefined;
    assert.equal(fixes.length, 1, 'one fix for the value, however many problems it has');
    assert.ok(fixes[0]!.isPreferred);
    let out = text;
    for (const e of [...fixes[0]!.edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
    return out;
  };

  it('has a quick fix that writes the value on one line, which YAML reads without the spaces', () => {
    for (const [text, fixed] of [
      ['api:\n  uri: >-\n    mongodb+srv://api@prod.example.net/orders\n    ?retryWrites=true\n', 'api:\n  uri: >-\n    mongodb+srv://api@prod.example.net/orders?retryWrites=true\n'],
      ['api:\n  uri: mongodb://host/db  \n    ?retryWrites=true\n', 'api:\n  uri: mongodb://host/db?retryWrites=true\n'],
      ['api:\r\n  uri: "mongodb://host/db\r\n    ?w=1&\r\n    appName=api"\r\n', 'api:\r\n  uri: "mongodb://host/db?w=1&appName=api"\r\n'],
    ]) {
      assert.equal(joined(text), fixed, text);
      const after = analyzeDocument({ uri: 'file:///p/values.yaml', languageId: 'yaml', text: fixed }, defaultSettings);
      assert.deepEqual(after.problems.map((p) => p.ruleId), [], fixed);
      assert.equal(after.values.find((v) => v.text.startsWith('mongodb'))?.text.includes(' '), false);
    }
    assert.equal(joined('Config:\n\n```yaml\nmongo:\n  uri: >\n    mongodb://h/app\n    ?w=1\n```\n', 'markdown'), 'Config:\n\n```yaml\nmongo:\n  uri: >\n    mongodb://h/app?w=1\n```\n');
  });

  it('a space written in the value, a literal block and other formats have no such fix', () => {
    assert.equal(joined('api:\n  uri: "mongodb://h/d b"\n'), undefined);
    assert.equal(joined('api:\n  uri: |\n    mongodb://h/d b\n'), undefined);
    assert.equal(joined('MONGODB_URI="mongodb://h/d b"\n', 'dotenv'), undefined);
  });

  it('a space written in the value, a literal block and other formats keep the plain message', () => {
    for (const [text, languageId] of [
      ['api:\n  uri: "mongodb://h/d b"\n', 'yaml'],
      ['api:\n  uri: |\n    mongodb://h/d b\n', 'yaml'],
      ['MONGODB_URI="mongodb://h/d b"\n', 'dotenv'],
    ] as const) {
      const found = messages(text, languageId);
      assert.equal(found.length, 1, text);
      assert.doesNotMatch(found[0]!, FOLDED, text);
    }
  });
});
