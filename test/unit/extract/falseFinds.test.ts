/**
 * Values are connection strings only when they could be one: lockfiles and dependency maps are not read,
 * another scheme under a Mongo key is another kind of URL, a value without a scheme is one only when it is
 * a host list, and prose or a bare word is not.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractValues } from '../../../server/src/service/extract';
import { loudProblems, problemsOf } from '../../helpers/problems';

const uris = (text: string, languageId: string, uri = 'file:///p/file') => extractValues(text, languageId, uri).filter((v) => v.kind === 'uri').map((v) => v.text);

describe('package manifests and lockfiles', () => {
  const manifest = JSON.stringify(
    {
      name: 'shop-api',
      scripts: { start: 'node server.js', seed: 'MONGO_URL=mongodb://localhost:27017/shop node seed.js' },
      config: { mongodbUri: 'mongodb://localhost:70000/shop' },
      dependencies: { mongodb: '^6.8.0', 'mongodb-connection-string-url': '^3.0.1' },
      funding: { type: 'opencollective', url: 'https://opencollective.com/mongoose' },
      description: 'Talks to mongodb://docs.example.com/in-a-description',
    },
    null,
    2,
  );
  it('package.json is read in scripts and config only', () => {
    assert.deepEqual(uris(manifest, 'json', 'file:///p/package.json'), ['mongodb://localhost:27017/shop', 'mongodb://localhost:70000/shop']);
    // The same text under another name is read everywhere.
    assert.ok(uris(manifest, 'json', 'file:///p/settings.json').includes('mongodb://docs.example.com/in-a-description'));
  });
  it('lockfiles and dependency lists are not read at all', () => {
    const lock = '{ "packages": { "node_modules/mongodb-connection-string-url": { "version": "3.0.1", "resolved": "mongodb://not-a-uri" } } }';
    for (const name of ['package-lock.json', 'npm-shrinkwrap.json', 'composer.lock', 'packages.lock.json']) assert.deepEqual(uris(lock, 'json', `file:///p/${name}`), [], name);
    for (const name of ['yarn.lock', 'Gemfile.lock', 'go.sum', 'Cargo.lock', 'poetry.lock', 'requirements.txt', 'requirements-dev.txt']) {
      assert.deepEqual(uris('mongodb://localhost:70000/x\n', 'plaintext', `file:///p/${name}`), [], name);
    }
    assert.deepEqual(uris('mongodb://localhost:70000/x\n', 'yaml', 'file:///p/pnpm-lock.yaml'), []);
  });
  it('version strings and package names under Mongo-sounding keys are not connection strings', () => {
    assert.deepEqual(loudProblems('[dependencies]\nmongodb = "2.8"\nmongodb_uri_parser = "^7.0.2"\n', 'toml'), []);
    assert.deepEqual(loudProblems('MONGODB_URI_VERSION=7.0.2\nMONGODB_URL=yourmongourl\nMONGO_URI=true\n', 'dotenv'), []);
  });
});

describe('values under a connection-string key', () => {
  it('base64 under a URL key (a Secret\'s data) is not a host list; host names still are', () => {
    const encoded = Buffer.from('mongodb://app:s3cr3t?@db.internal/shop').toString('base64');
    assert.ok(encoded.includes('/'), encoded);
    assert.deepEqual(uris(`data:\n  MONGODB_URI: ${encoded}\n`, 'yaml'), []);
    assert.deepEqual(uris('MONGODB_URI=db-primary.internal:27017,db-secondary.internal/shop\n', 'dotenv'), ['db-primary.internal:27017,db-secondary.internal/shop']);
    assert.deepEqual(uris('MONGODB_URI=mongo/shop\n', 'dotenv'), ['mongo/shop']);
  });

  it('another scheme is another kind of URL', () => {
    for (const value of ['https://cloud.mongodb.com/api/atlas/v2/groups', 'http://localhost:8081', 'file:///etc/mongo.conf', 'redis://cache:6379', 'postgres://u:p@db/x']) {
      assert.deepEqual(uris(`MONGODB_URL=${value}\n`, 'dotenv'), [], value);
    }
  });
  it('a near miss of the scheme is an error with its fix', () => {
    for (const [value, wrong] of [
      ['mongo://db.example.com/app', 'mongo'],
      ['mongos://db.example.com/app', 'mongos'],
      ['mongodb-srv://cluster0.ab12c.mongodb.net/app', 'mongodb-srv'],
      ['mongdb://db.example.com/app', 'mongdb'],
      ['mongodb+srv:/cluster0.ab12c.mongodb.net/app', 'mongodb+srv:/'],
    ]) {
      const found = problemsOf(`MONGODB_URI=${value}\n`, 'dotenv').filter(([, , sev]) => sev === 'error' || sev === 'warning');
      assert.deepEqual(found, [['scheme-invalid', wrong, 'error']], value);
    }
  });
  it('a value without a scheme is checked when it is a host list, and not when it is a word or a sentence', () => {
    assert.deepEqual(problemsOf('MONGODB_URI=localhost:27017/app\n', 'dotenv').map(([id]) => id), ['scheme-invalid']);
    assert.deepEqual(problemsOf('MONGODB_URI=db1.example.com,db2.example.com:27018/app?replicaSet=rs0\n', 'dotenv').map(([id]) => id), ['scheme-invalid']);
    assert.deepEqual(uris('database_url: mongo\n', 'yaml'), []);
    assert.deepEqual(uris('MONGODB_URL=yourmongourl\n', 'dotenv'), []);
    assert.deepEqual(uris('mongodb:\n  uri: /var/run/mongodb.sock\n', 'yaml'), []);
  });
  it('Markdown prose KEY=words is not a value', () => {
    const readme = '# Setup\n\nMONGODB_URI=specifies mongo connection uri of the mongoDB database\n\nMONGODB_URL=yourmongourl\n';
    assert.deepEqual(loudProblems(readme, 'markdown'), []);
  });
});

describe('prose under a database, collection or Atlas name key', () => {
  const names = (text: string, languageId: string) => extractValues(text, languageId, 'file:///p/file').filter((v) => v.kind !== 'uri').map((v) => v.text);

  it('a message of a catalogue or a label is not a name', () => {
    const catalogue = "export const MESSAGES = {\n  'scheme.notMongoDb': '\"{scheme}\" is not a MongoDB scheme',\n  selectMongoDb: 'Select a database first',\n  emptyCollection: 'This collection has no documents yet.',\n};\n";
    assert.deepEqual(names(catalogue, 'typescript'), []);
    assert.deepEqual(loudProblems(catalogue, 'typescript'), []);
    const locale = '{"errors": {"mongoDatabase": "Could not open the MongoDB database", "atlasProject": "Choose an Atlas project:"}}\n';
    assert.deepEqual(names(locale, 'json'), []);
    assert.deepEqual(loudProblems('mongo:\n  database: The shop database, written nightly.\n', 'yaml'), []);
    // A regular expression's source that matches names, under a name key of tooling code.
    const tooling = 'const COLLECTION = `(?:\\.getCollection\\(${STRING}\\)|\\.(${IDENT}))`;\nconst MONGO_DB = "(?<name>[^/. \\"$]+)";\n';
    assert.deepEqual(names(tooling, 'typescript'), []);
    assert.deepEqual(problemsOf(tooling, 'typescript'), []);
  });

  it('names with spaces in them are still names, and still wrong where a space is', () => {
    assert.deepEqual(loudProblems('MONGO_DB="shop orders"\n', 'dotenv'), [['database-invalid-char', ' ']]);
    assert.deepEqual(loudProblems('MONGODB_DATABASE="my shop db"\n', 'dotenv'), [['database-invalid-char', ' '], ['database-invalid-char', ' ']]);
    assert.deepEqual(names('{"mongo": {"database": "shop_2024"}, "collection": "order lines"}', 'json'), ['shop_2024', 'order lines']);
    assert.deepEqual(loudProblems('const { MongoClient } = require("mongodb");\nconst db = client.db("shop orders");\n', 'javascript'), [['database-invalid-char', ' ']]);
  });
});
