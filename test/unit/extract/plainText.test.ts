import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { found, texts } from './helpers';
import { loudProblems } from '../../helpers/problems';

describe('plain-text extraction', () => {
  it('finds tokens and drops sentence punctuation', () => {
    const doc = 'Use mongodb://a:1/db. Or (mongodb+srv://cluster0.example.net), mongodb://b:2; "mongodb://c:3" <mongodb://d:4>\n';
    assert.deepEqual(texts(doc, 'plaintext'), ['mongodb://a:1/db', 'mongodb+srv://cluster0.example.net', 'mongodb://b:2', 'mongodb://c:3', 'mongodb://d:4']);
  });

  it('keeps placeholders with spaces and angle brackets inside a token', () => {
    const doc = 'mongodb://{{ .Values.user }}:<password>@{{ .Values.host }}:27017/app and mongodb://${USER}:%PASS%@h/db\n';
    assert.deepEqual(texts(doc, 'plaintext'), ['mongodb://{{ .Values.user }}:<password>@{{ .Values.host }}:27017/app', 'mongodb://${USER}:%PASS%@h/db']);
    assert.deepEqual(loudProblems(doc, 'plaintext'), []);
  });

  it('skips a bare scheme and schemes inside longer words', () => {
    assert.deepEqual(texts('The mongodb:// and mongodb+srv:// schemes; xmongodb://h:1 is not one.', 'plaintext'), []);
  });

  it('ends a token at an escaped quote: a string quoted in a string (a notebook, a log line)', () => {
    const doc = '    "client = MongoClient(\\"mongodb://localhost:27017/\\")\\n",\n    "other = \'mongodb://h:1/app\\\'\n';
    assert.deepEqual(texts(doc, 'plaintext'), ['mongodb://localhost:27017/', 'mongodb://h:1/app']);
    assert.deepEqual(loudProblems(doc, 'plaintext'), []);
    // A backslash before anything else stays in the token, where its check sees it.
    assert.deepEqual(texts('mongodb://h:1/a\\b\n', 'plaintext'), ['mongodb://h:1/a\\b']);
  });

  it('is used for languages without their own extractor', () => {
    assert.deepEqual(found('conn = mongodb://h:27017/x', 'haskell').map((v) => v.text), ['mongodb://h:27017/x']);
  });
});
