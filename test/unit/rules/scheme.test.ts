/** scheme-invalid: a connection string starts with exactly mongodb:// or mongodb+srv:// (rules/scheme.ts). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { expectClean, expectOne, uriProblems } from '../../helpers/problems';

describe('scheme-invalid', () => {
  it('a scheme other than mongodb is an error under the scheme that suggests mongodb://', () => {
    const p = expectOne('mongo://localhost', 'scheme-invalid', 'error', 'mongo', /use mongodb:\/\//);
    assert.equal(p.data?.replacement, 'mongodb');
    expectOne('postgres://localhost', 'scheme-invalid', 'error', 'postgres', /"postgres" is not a MongoDB scheme: use mongodb:\/\//);
    expectClean('mongodb://localhost');
  });

  it('a scheme that mentions srv suggests mongodb+srv://', () => {
    const p = expectOne('mongo+srv://cluster0.example.net', 'scheme-invalid', 'error', 'mongo+srv', /use mongodb\+srv:\/\//);
    assert.equal(p.data?.replacement, 'mongodb+srv');
    expectClean('mongodb+srv://cluster0.example.net');
  });

  it('the scheme must be lower case', () => {
    expectOne('MONGODB://localhost', 'scheme-invalid', 'error', 'MONGODB', /lower case/);
    const srv = expectOne('mongodb+SRV://cluster0.example.net', 'scheme-invalid', 'error', 'mongodb+SRV', /lower case: use mongodb\+srv:\/\//);
    assert.equal(srv.data?.replacement, 'mongodb+srv');
  });

  it('a string without a scheme is an error over its host list, with a fix that inserts mongodb://', () => {
    const p = expectOne('localhost:27017/app', 'scheme-invalid', 'error', 'localhost:27017', /has no scheme/);
    assert.equal(p.data?.replacement, 'mongodb://');
    assert.deepEqual(p.data?.replaceSpan, { start: 0, end: 0 });
    expectClean('mongodb://localhost:27017/app');
  });

  it('the empty string is an error at its start', () => {
    expectOne('', 'scheme-invalid', 'error', '', /is empty/);
  });

  it('a wrong scheme with nothing after it is one problem, not also a missing host', () => {
    assert.deepEqual(uriProblems('mongo://').map((p) => p.id), ['scheme-invalid']);
    expectOne('mongodb://', 'host-missing', 'error');
  });
});
