/** Opinions, never more than information: TLS turned off for a remote host (rules/advice.ts). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { expectOne, settingsWith, uriProblems } from '../../helpers/problems';

const tlsDisabled = (uri: string, driver: 'spec' | 'node' = 'spec') => uriProblems(uri, settingsWith({ driver })).some((p) => p.id === 'tls-disabled');

describe('tls-disabled', () => {
  it('TLS off for a remote host is information only', () => {
    expectOne('mongodb://db.example.com/?tls=false', 'tls-disabled', 'info', 'tls=false', /unencrypted/);
    assert.ok(!uriProblems('mongodb://localhost/?tls=false').some((p) => p.id === 'tls-disabled'));
  });

  it('ssl=false turns TLS off too', () => {
    expectOne('mongodb://db.example.com/?ssl=false', 'tls-disabled', 'info', 'ssl=false');
    assert.equal(tlsDisabled('mongodb://db.example.com/?tls=true'), false);
  });

  it('local hosts, single-label names and socket paths are not remote', () => {
    assert.equal(tlsDisabled('mongodb://127.0.0.1,host.docker.internal/?tls=false'), false);
    assert.equal(tlsDisabled('mongodb://db/?tls=false'), false);
    assert.equal(tlsDisabled('mongodb://%2Ftmp%2Fm.sock/?tls=false'), false);
  });

  it('mongodb+srv is always remote', () => {
    expectOne('mongodb+srv://localhost/?tls=false', 'tls-disabled', 'info', 'tls=false');
  });

  it('the Node.js profile gives the same advice', () => {
    assert.equal(tlsDisabled('mongodb://db.example.com/?tls=false', 'node'), true);
  });
});
