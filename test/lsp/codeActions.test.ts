/**
 * Every quick fix through the spawned server: diagnostics → codeAction → apply the edit → the
 * diagnostic is gone and the text is what a user expects.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { startServer } from '../helpers/server';

interface Case {
  name: string;
  uri: string;
  languageId: string;
  text: string;
  ruleId: string;
  title: RegExp;
  expected: string;
}

const CASES: Case[] = [
  {
    name: 'percent-encode the password (YAML double-quoted)',
    uri: 'file:///p/compose.yml',
    languageId: 'yaml',
    text: 'services:\n  api:\n    environment:\n      MONGO_URL: "mongodb://admin:p@ss@db.example.com/app"\n',
    ruleId: 'userinfo-unescaped',
    title: /Percent-encode the password/,
    expected: 'services:\n  api:\n    environment:\n      MONGO_URL: "mongodb://admin:p%40ss@db.example.com/app"\n',
  },
  {
    name: 'a value at the end of a piece of a concatenation (Java): the edit ends with the piece',
    uri: 'file:///p/src/main/java/shop/Mongo.java',
    languageId: 'java',
    text: 'class Mongo {\n  String uri = "mongodb://db.acme.internal:27017/app?readPreference=secondaryPrefered"\n      + "&appName=orders";\n}\n',
    ruleId: 'option-invalid-value',
    title: /secondaryPreferred/,
    expected: 'class Mongo {\n  String uri = "mongodb://db.acme.internal:27017/app?readPreference=secondaryPreferred"\n      + "&appName=orders";\n}\n',
  },
  {
    name: 'percent-encode the username (.env)',
    uri: 'file:///p/.env',
    languageId: 'dotenv',
    text: 'MONGODB_URI=mongodb://ad min:pw@db.example.com/app\n',
    ruleId: 'userinfo-unencoded',
    title: /Percent-encode the username/,
    expected: 'MONGODB_URI=mongodb://ad%20min:pw@db.example.com/app\n',
  },
  {
    name: 'did-you-mean for an unknown option',
    uri: 'file:///p/.env',
    languageId: 'dotenv',
    text: 'MONGODB_URI=mongodb://db.example.com/app?retryWrite=true\n',
    ruleId: 'option-unknown',
    title: /retryWrites/,
    expected: 'MONGODB_URI=mongodb://db.example.com/app?retryWrites=true\n',
  },
  {
    name: 'canonical casing of an option name',
    uri: 'file:///p/.env',
    languageId: 'dotenv',
    text: 'MONGODB_URI=mongodb://a.example.com,b.example.com/app?replicaset=rs0\n',
    ruleId: 'option-casing',
    title: /Write replicaSet/,
    expected: 'MONGODB_URI=mongodb://a.example.com,b.example.com/app?replicaSet=rs0\n',
  },
  {
    name: 'replace a deprecated option (wtimeout → wTimeoutMS)',
    uri: 'file:///p/.env',
    languageId: 'dotenv',
    text: 'MONGODB_URI=mongodb://db.example.com/app?w=majority&wtimeout=5000\n',
    ruleId: 'option-deprecated',
    title: /wTimeoutMS/,
    expected: 'MONGODB_URI=mongodb://db.example.com/app?w=majority&wTimeoutMS=5000\n',
  },
  {
    name: 'replace ssl by tls',
    uri: 'file:///p/.env',
    languageId: 'dotenv',
    text: 'MONGODB_URI=mongodb://db.example.com/app?ssl=true\n',
    ruleId: 'option-deprecated',
    title: /Use tls/,
    expected: 'MONGODB_URI=mongodb://db.example.com/app?tls=true\n',
  },
  {
    name: 'add mongodb:// to a scheme-less value of a Mongo key',
    uri: 'file:///p/.env',
    languageId: 'dotenv',
    text: 'MONGO_URL=localhost:27017/app\n',
    ruleId: 'scheme-invalid',
    title: /Add mongodb:\/\//,
    expected: 'MONGO_URL=mongodb://localhost:27017/app\n',
  },
  {
    name: 'fix a wrong scheme (mongo:// → mongodb://) in YAML',
    uri: 'file:///p/application.yml',
    languageId: 'yaml',
    text: 'spring:\n  data:\n    mongodb:\n      uri: mongo://db.example.com:27017/app\n',
    ruleId: 'scheme-invalid',
    title: /mongodb:\/\//,
    expected: 'spring:\n  data:\n    mongodb:\n      uri: mongodb://db.example.com:27017/app\n',
  },
  {
    name: 'replace j by journal',
    uri: 'file:///p/.env',
    languageId: 'dotenv',
    text: 'MONGODB_URI=mongodb://db.example.com/app?w=majority&j=true\n',
    ruleId: 'option-deprecated',
    title: /Use journal/,
    expected: 'MONGODB_URI=mongodb://db.example.com/app?w=majority&journal=true\n',
  },
  {
    name: 'gssapiServiceName becomes authMechanismProperties=SERVICE_NAME:…',
    uri: 'file:///p/.env',
    languageId: 'dotenv',
    text: 'MONGODB_URI=mongodb://user%40EXAMPLE.COM@kdc.example.com/?authMechanism=GSSAPI&gssapiServiceName=mongo2\n',
    ruleId: 'option-deprecated',
    title: /SERVICE_NAME/,
    expected: 'MONGODB_URI=mongodb://user%40EXAMPLE.COM@kdc.example.com/?authMechanism=GSSAPI&authMechanismProperties=SERVICE_NAME:mongo2\n',
  },
  {
    name: 'gssapiServiceName joins an existing authMechanismProperties',
    uri: 'file:///p/.env',
    languageId: 'dotenv',
    text: 'MONGODB_URI=mongodb://u%40R@kdc.example.com/?gssapiServiceName=mongo2&authMechanism=GSSAPI&authMechanismProperties=CANONICALIZE_HOST_NAME:forward\n',
    ruleId: 'option-deprecated',
    title: /SERVICE_NAME/,
    expected: 'MONGODB_URI=mongodb://u%40R@kdc.example.com/?authMechanism=GSSAPI&authMechanismProperties=CANONICALIZE_HOST_NAME:forward,SERVICE_NAME:mongo2\n',
  },
  {
    name: 'a misspelt enumerated value becomes the value it is closest to',
    uri: 'file:///p/.env',
    languageId: 'dotenv',
    text: 'MONGODB_URI=mongodb://localhost/app?readPreference=secundary\n',
    ruleId: 'option-invalid-value',
    title: /Change to secondary/,
    expected: 'MONGODB_URI=mongodb://localhost/app?readPreference=secondary\n',
  },
  {
    name: 'w=majorty becomes majority',
    uri: 'file:///p/app.yaml',
    languageId: 'yaml',
    text: 'mongodb:\n  uri: "mongodb://localhost/app?w=majorty"\n',
    ruleId: 'option-invalid-value',
    title: /Change to majority/,
    expected: 'mongodb:\n  uri: "mongodb://localhost/app?w=majority"\n',
  },
  {
    name: 'a misspelt boolean becomes the boolean it is closest to',
    uri: 'file:///p/appsettings.json',
    languageId: 'json',
    text: '{ "Mongo": "mongodb://localhost/app?retryWrites=ture" }\n',
    ruleId: 'option-invalid-value',
    title: /Change to true/,
    expected: '{ "Mongo": "mongodb://localhost/app?retryWrites=true" }\n',
  },
  {
    name: 'X.509 without TLS gets tls=true',
    uri: 'file:///p/.env',
    languageId: 'dotenv',
    text: 'MONGODB_URI=mongodb://db.example.com/?authMechanism=MONGODB-X509&authSource=$external\n',
    ruleId: 'x509-without-tls',
    title: /Add tls=true/,
    expected: 'MONGODB_URI=mongodb://db.example.com/?authMechanism=MONGODB-X509&tls=true&authSource=$external\n',
  },
  {
    name: 'certificate validation turned off: remove the option',
    uri: 'file:///p/.env',
    languageId: 'dotenv',
    text: 'MONGODB_URI=mongodb://db.example.com/?tls=true&tlsAllowInvalidCertificates=true&appName=shop\n',
    ruleId: 'tls-insecure',
    title: /Remove tlsAllowInvalidCertificates=true/,
    expected: 'MONGODB_URI=mongodb://db.example.com/?tls=true&appName=shop\n',
  },
  {
    name: 'remove a duplicate option',
    uri: 'file:///p/.env',
    languageId: 'dotenv',
    text: 'MONGODB_URI=mongodb://db.example.com/app?replicaSet=rs0&w=1&replicaSet=rs0\n',
    ruleId: 'option-duplicate',
    title: /Remove the repeated replicaSet/,
    expected: 'MONGODB_URI=mongodb://db.example.com/app?replicaSet=rs0&w=1\n',
  },
  {
    name: 'drop the port from a mongodb+srv host',
    uri: 'file:///p/.env',
    languageId: 'dotenv',
    text: 'MONGODB_URI=mongodb+srv://cluster0.abcde.mongodb.net:27017/app\n',
    ruleId: 'srv-port',
    title: /Remove the port/,
    expected: 'MONGODB_URI=mongodb+srv://cluster0.abcde.mongodb.net/app\n',
  },
  {
    name: 'replace a plaintext password by a placeholder (JSON)',
    uri: 'file:///p/appsettings.json',
    languageId: 'json',
    text: '{ "ConnectionStrings": { "Mongo": "mongodb://app:hunter2@db.example.com/app" } }\n',
    ruleId: 'credentials-in-source',
    title: /placeholder|<password>/,
    expected: '{ "ConnectionStrings": { "Mongo": "mongodb://app:<password>@db.example.com/app" } }\n',
  },
  {
    name: 'edits are re-escaped for JSON (\\u0040 stays a valid JSON string)',
    uri: 'file:///p/config.json',
    languageId: 'json',
    text: '{ "mongo": "mongodb://db.example.com/app?retryWrite=true&appName=a\\"b" }\n',
    ruleId: 'option-unknown',
    title: /retryWrites/,
    expected: '{ "mongo": "mongodb://db.example.com/app?retryWrites=true&appName=a\\"b" }\n',
  },
  {
    name: 'write a folded YAML value on one line (Helm values, the query on its own line)',
    uri: 'file:///p/charts/api/values.yaml',
    languageId: 'yaml',
    text: 'mongodb:\n  uri: >-\n    mongodb+srv://api@orders.abcde.mongodb.net/orders\n    ?retryWrites=true&w=majority\n',
    ruleId: 'database-invalid-char',
    title: /on one line/,
    expected: 'mongodb:\n  uri: >-\n    mongodb+srv://api@orders.abcde.mongodb.net/orders?retryWrites=true&w=majority\n',
  },
];

function applyEdits(text: string, lines: string[], edits: { range: any; newText: string }[]): string {
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  for (const e of sorted) text = text.slice(0, offset(e.range.start)) + e.newText + text.slice(offset(e.range.end));
  return text;
}

describe('quick fixes through LSP', () => {
  for (const c of CASES) {
    test(c.name, async (t) => {
      const client = await startServer(t, {
        capabilities: { textDocument: { codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } } } },
      });
      client.openDocument(c.uri, c.languageId, c.text, 1);
      const published = await client.waitForDiagnostics(c.uri, 1);
      const diagnostic = published.diagnostics.find((d: any) => d.code === c.ruleId);
      assert.ok(diagnostic, `${c.ruleId} expected, got ${JSON.stringify(published.diagnostics.map((d: any) => d.code))}`);
      const actions = await client.request('textDocument/codeAction', {
        textDocument: { uri: c.uri },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic], only: ['quickfix'] },
      });
      const action = actions.find((a: any) => c.title.test(a.title));
      assert.ok(action, `a fix titled ${c.title} expected, got ${JSON.stringify(actions.map((a: any) => a.title))}`);
      assert.equal(action.kind, 'quickfix');
      assert.deepEqual(action.diagnostics?.map((d: any) => d.code), [c.ruleId]);
      const fixed = applyEdits(c.text, c.text.split('\n'), action.edit.changes[c.uri]);
      assert.equal(fixed, c.expected);
      if (c.languageId === 'json') assert.doesNotThrow(() => JSON.parse(fixed), 'still valid JSON');
      client.notify('textDocument/didChange', { textDocument: { uri: c.uri, version: 2 }, contentChanges: [{ text: fixed }] });
      const after = await client.waitForDiagnostics(c.uri, 2);
      assert.ok(!after.diagnostics.some((d: any) => d.code === c.ruleId && d.message === diagnostic.message), 'the diagnostic is gone');
      assert.equal(await client.shutdown(), 0);
    });
  }
});
