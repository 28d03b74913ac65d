/**
 * The edit form of the explain panel over the core: a string taken apart into fields and written back,
 * in every file format the editor reads, with the file's own escaping. The round trip is checked against
 * an independent reader: mongodb-connection-string-url parses the string the document holds after the
 * edit (as the extractor reads it back), and its password, hosts, database and options must be what the
 * form said. Composed strings keep their placeholders; secrets never reach the form.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ConnectionString from 'mongodb-connection-string-url';
import {
  analyzeDocument,
  connectionForm,
  defaultSettings,
  writeConnectionForm,
  type ConnectionForm,
  type ConnectionFormInput,
  type Settings,
} from '../../../server/src/service/languageService';

const settings: Settings = { ...defaultSettings, driver: 'spec' };
const URI = 'mongodb://app:old@db1.example.com:27017,db2.example.com:27018/shop?replicaSet=rs0&w=1';

interface Case {
  name: string;
  uri: string;
  languageId: string;
  /** The document, `@URI@` standing for where the connection string is written. */
  text: string;
}

const CASES: Case[] = [
  { name: '.env unquoted', uri: 'file:///p/.env', languageId: 'dotenv', text: 'PORT=3000\nMONGODB_URI=@URI@\n' },
  { name: '.env double quotes', uri: 'file:///p/.env', languageId: 'dotenv', text: 'MONGODB_URI="@URI@"\n' },
  { name: '.env single quotes', uri: 'file:///p/.env', languageId: 'dotenv', text: "MONGODB_URI='@URI@'\n" },
  { name: 'JSON', uri: 'file:///p/appsettings.json', languageId: 'json', text: '{\n  "ConnectionStrings": {\n    "Mongo": "@URI@"\n  }\n}\n' },
  { name: 'YAML plain', uri: 'file:///p/config.yaml', languageId: 'yaml', text: 'database:\n  uri: @URI@\n' },
  { name: 'YAML double quotes', uri: 'file:///p/config.yaml', languageId: 'yaml', text: 'database:\n  uri: "@URI@"\n' },
  { name: 'YAML single quotes', uri: 'file:///p/config.yaml', languageId: 'yaml', text: "database:\n  uri: '@URI@'\n" },
  { name: 'properties', uri: 'file:///p/application.properties', languageId: 'properties', text: 'server.port=8080\nspring.data.mongodb.uri=@URI@\n' },
  { name: 'TOML', uri: 'file:///p/config.toml', languageId: 'toml', text: '[database]\nuri = "@URI@"\n' },
  { name: 'INI', uri: 'file:///p/app.ini', languageId: 'ini', text: '[mongo]\nuri = @URI@\n' },
  { name: 'TypeScript single quotes', uri: 'file:///p/db.ts', languageId: 'typescript', text: "const client = new MongoClient('@URI@');\n" },
  { name: 'TypeScript template', uri: 'file:///p/db.ts', languageId: 'typescript', text: 'const uri = `@URI@`;\n' },
  { name: 'JavaScript double quotes', uri: 'file:///p/db.js', languageId: 'javascript', text: 'const uri = "@URI@";\n' },
  { name: 'Python', uri: 'file:///p/db.py', languageId: 'python', text: 'client = MongoClient("@URI@")\n' },
  { name: 'Java', uri: 'file:///p/Db.java', languageId: 'java', text: 'class Db { String uri = "@URI@"; }\n' },
  { name: 'Go', uri: 'file:///p/db.go', languageId: 'go', text: 'package db\nvar uri = "@URI@"\n' },
  { name: 'C#', uri: 'file:///p/Db.cs', languageId: 'csharp', text: 'var uri = "@URI@";\n' },
  { name: 'shell', uri: 'file:///p/run.sh', languageId: 'shellscript', text: 'export MONGODB_URI="@URI@"\n' },
  { name: 'Markdown', uri: 'file:///p/README.md', languageId: 'markdown', text: '# Setup\n\nConnect with `@URI@`.\n' },
  { name: 'plain text', uri: 'file:///p/notes.txt', languageId: 'plaintext', text: 'prod: @URI@\n' },
  { name: 'Dockerfile', uri: 'file:///p/Dockerfile', languageId: 'dockerfile', text: 'FROM node:20\nENV MONGODB_URI=@URI@\n' },
  { name: 'Terraform', uri: 'file:///p/main.tf', languageId: 'terraform', text: 'locals {\n  uri = "@URI@"\n}\n' },
  { name: 'YAML block scalar', uri: 'file:///p/values.yaml', languageId: 'yaml', text: 'mongodb:\n  uri: |\n    @URI@\n  other: 1\n' },
  { name: 'TOML literal', uri: 'file:///p/config.toml', languageId: 'toml', text: "[database]\nuri = '@URI@'\n" },
  { name: 'Python f-string', uri: 'file:///p/db.py', languageId: 'python', text: 'client = MongoClient(f"@URI@")\n' },
  { name: 'Ruby', uri: 'file:///p/db.rb', languageId: 'ruby', text: 'client = Mongo::Client.new("@URI@")\n' },
  { name: 'PHP', uri: 'file:///p/db.php', languageId: 'php', text: '<?php\n$client = new MongoDB\\Client("@URI@");\n' },
  { name: 'Kotlin', uri: 'file:///p/Db.kt', languageId: 'kotlin', text: 'val uri = "@URI@"\n' },
  { name: 'C# verbatim', uri: 'file:///p/Db.cs', languageId: 'csharp', text: 'var uri = @"@URI@";\n' },
];

function formOf(c: Case, text: string): { form: ConnectionForm; offset: number; doc: { uri: string; languageId: string; text: string } } {
  const doc = { uri: c.uri, languageId: c.languageId, text };
  const analysis = analyzeDocument(doc, settings);
  const offset = text.search(/mongodb(\+srv)?:\/\//) + 3;
  const form = connectionForm(analysis, offset);
  assert.ok(form, `${c.name}: a form at the string`);
  return { form, offset, doc };
}

function write(c: Case, text: string, change: (form: ConnectionForm) => ConnectionFormInput): { text: string; redacted: string; problems: string[] } {
  const { form, offset, doc } = formOf(c, text);
  const analysis = analyzeDocument(doc, settings);
  const result = writeConnectionForm(doc, analysis, offset, change(form), settings);
  assert.ok(result, `${c.name}: written`);
  const after = text.slice(0, result.edit.start) + result.edit.newText + text.slice(result.edit.end);
  return { text: after, redacted: result.redacted, problems: result.problems.map((p) => p.ruleId) };
}

/** The connection string the document holds at the edit, as the extractor reads it back. */
function stringIn(c: Case, text: string): string {
  const analysis = analyzeDocument({ uri: c.uri, languageId: c.languageId, text }, settings);
  const values = analysis.values.filter((v) => v.kind === 'uri');
  assert.equal(values.length, 1, `${c.name}: one connection string in ${JSON.stringify(text)}`);
  return values[0].text;
}

function asInput(form: ConnectionForm): ConnectionFormInput {
  return {
    scheme: form.scheme,
    hosts: form.hosts.map((h) => ({ ...h })),
    username: form.username,
    password: null,
    database: form.database,
    options: form.options.map((o, i) => (o.secret ? { name: o.name, value: o.value, keep: i } : { name: o.name, value: o.value })),
  };
}

const PASSWORD = 'p@ss:w/rd?#%[]"\'\\ é$x';

describe('edit form: the fields of a connection string', () => {
  it('takes the string apart, decoded, without its password', () => {
    const c = CASES[0];
    const { form } = formOf(c, 'MONGODB_URI=mongodb://my%20user:s3cr%40t@db1.example.com:27017,[::1]:27018/my%24db?w=majority&appName=my%20app\n');
    assert.equal(form.scheme, 'mongodb');
    assert.deepEqual(form.hosts, [{ host: 'db1.example.com', port: '27017' }, { host: '::1', port: '27018' }]);
    assert.equal(form.username, 'my user');
    assert.equal(form.hasPassword, true);
    assert.equal(form.database, 'my$db');
    assert.deepEqual(form.options, [{ name: 'w', value: 'majority' }, { name: 'appName', value: 'my app' }]);
    assert.ok(!JSON.stringify(form).includes('s3cr'), 'the password is not in the form');
    assert.ok(form.catalogue.some((o) => o.name === 'readPreference' && o.values.includes('secondaryPreferred')));
    assert.ok(form.catalogue.some((o) => o.name === 'tls' && o.type === 'boolean' && o.values.includes('true')));
  });

  it('masks a secret option value and keeps it as written when sent back', () => {
    const c = CASES[0];
    const text = 'MONGODB_URI=mongodb+srv://cluster0.example.net/?authMechanism=MONGODB-AWS&authMechanismProperties=AWS_SESSION_TOKEN:tok%2Fen123\n';
    const { form } = formOf(c, text);
    assert.equal(form.scheme, 'mongodb+srv');
    const props = form.options.find((o) => o.name === 'authMechanismProperties');
    assert.ok(props?.secret);
    assert.ok(!JSON.stringify(form).includes('tok'), 'the token is not in the form');
    const out = write(c, text, (f) => ({ ...asInput(f), options: [...asInput(f).options, { name: 'appName', value: 'api' }] }));
    assert.ok(out.text.includes('AWS_SESSION_TOKEN:tok%2Fen123&appName=api'), out.text);
    assert.ok(!out.redacted.includes('tok'), out.redacted);
  });

  it('keeps the password as written unless a new one is given', () => {
    const c = CASES[0];
    const text = 'MONGODB_URI=mongodb://app:s3cr%40t@db/shop\n';
    const kept = write(c, text, (f) => ({ ...asInput(f), database: 'sales' }));
    assert.equal(stringIn(c, kept.text), 'mongodb://app:s3cr%40t@db/sales');
    assert.ok(!kept.redacted.includes('s3cr'), kept.redacted);
    const removed = write(c, text, (f) => ({ ...asInput(f), username: '', password: '' }));
    assert.equal(stringIn(c, removed.text), 'mongodb://db/shop');
  });

  it('checks the new string as the editor does', () => {
    const c = CASES[0];
    const out = write(c, `MONGODB_URI=${URI}\n`, (f) => ({ ...asInput(f), options: [...asInput(f).options, { name: 'directConnection', value: 'true' }, { name: 'readPreferenc', value: 'secondary' }] }));
    assert.ok(out.problems.includes('direct-connection-conflict'), out.problems.join());
    assert.ok(out.problems.includes('option-unknown'), out.problems.join());
  });

  for (const c of CASES) {
    it(`${c.name}: a new password with reserved characters, an option changed and one added, read back by mongodb-connection-string-url`, () => {
      const text = c.text.replace('@URI@', URI);
      const out = write(c, text, (f) => {
        const input = asInput(f);
        input.password = PASSWORD;
        input.options = input.options.map((o) => (o.name === 'w' ? { ...o, value: 'majority' } : o));
        input.options.push({ name: 'appName', value: 'orders api+v2 & more' });
        input.hosts.push({ host: 'db3.example.com', port: '' });
        return input;
      });
      // Only the string changed.
      const at = text.indexOf(URI);
      assert.equal(out.text.slice(0, at), text.slice(0, at), 'the text before the string is unchanged');
      const tail = text.slice(at + URI.length);
      assert.ok(out.text.endsWith(tail.slice(tail.indexOf('\n'))), 'the text after the string is unchanged');
      const written = stringIn(c, out.text);
      const cs = new ConnectionString(written);
      assert.equal(cs.username, 'app');
      assert.equal(decodeURIComponent(cs.password), PASSWORD);
      assert.deepEqual(cs.hosts, ['db1.example.com:27017', 'db2.example.com:27018', 'db3.example.com']);
      assert.equal(cs.pathname, '/shop');
      assert.equal(cs.searchParams.get('w'), 'majority');
      assert.equal(cs.searchParams.get('replicaSet'), 'rs0');
      assert.equal(cs.searchParams.get('appName'), 'orders api+v2 & more');
      assert.ok(!out.redacted.includes('p@ss'), 'the preview masks the password');
      // The form reads the new string back as written.
      const again = formOf(c, out.text).form;
      assert.equal(again.options.find((o) => o.name === 'appName')?.value, 'orders api+v2 & more');
      assert.equal(again.hosts.length, 3);
    });
  }

  it('a composed string keeps its placeholders (docker-compose)', () => {
    const c: Case = { name: 'compose', uri: 'file:///p/docker-compose.yml', languageId: 'yaml', text: '' };
    const text = 'services:\n  api:\n    environment:\n      MONGODB_URI: "mongodb://api:${MONGO_PASSWORD}@${MONGO_HOST:-mongo}:27017/shop?authSource=admin"\n';
    const { form } = formOf(c, text);
    assert.equal(form.placeholders, true);
    assert.equal(form.hosts[0].host, '${MONGO_HOST:-mongo}');
    const out = write(c, text, (f) => ({ ...asInput(f), database: 'orders', options: [...asInput(f).options, { name: 'tag', value: '${TAG}' }] }));
    assert.ok(out.text.includes('"mongodb://api:${MONGO_PASSWORD}@${MONGO_HOST:-mongo}:27017/orders?authSource=admin&tag=${TAG}"'), out.text);
  });

  it('a kept password is escaped again for the file: a backslash in JSON, a quote in a Python string', () => {
    const json: Case = { name: 'json', uri: 'file:///p/appsettings.json', languageId: 'json', text: '' };
    const jsonText = '{ "Mongo": "mongodb://app:back\\\\slash@db.example.com/shop" }\n';
    const out = write(json, jsonText, (f) => ({ ...asInput(f), database: 'sales' }));
    assert.equal(out.text, '{ "Mongo": "mongodb://app:back\\\\slash@db.example.com/sales" }\n');
    const py: Case = { name: 'python', uri: 'file:///p/db.py', languageId: 'python', text: '' };
    const pyText = "uri = 'mongodb://app:it\\'s@db.example.com/shop'\n";
    const outPy = write(py, pyText, (f) => ({ ...asInput(f), database: 'sales' }));
    assert.equal(outPy.text, "uri = 'mongodb://app:it\\'s@db.example.com/sales'\n");
  });

  it('a Python f-string keeps its fields', () => {
    const c: Case = { name: 'py', uri: 'file:///p/db.py', languageId: 'python', text: '' };
    const text = 'uri = f"mongodb://{user}:{password}@db.example.com/shop"\n';
    const out = write(c, text, (f) => ({ ...asInput(f), options: [{ name: 'appName', value: 'api' }] }));
    assert.equal(out.text, 'uri = f"mongodb://{user}:{password}@db.example.com/shop?appName=api"\n');
  });

  it('a composed string in a TypeScript template keeps its interpolations', () => {
    const c: Case = { name: 'ts', uri: 'file:///p/db.ts', languageId: 'typescript', text: '' };
    const text = 'const uri = `mongodb://${user}:${password}@db.example.com/shop`;\n';
    const out = write(c, text, (f) => ({ ...asInput(f), options: [{ name: 'retryWrites', value: 'false' }] }));
    assert.ok(out.text.includes('`mongodb://${user}:${password}@db.example.com/shop?retryWrites=false`'), out.text);
  });
});
