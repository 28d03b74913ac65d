/** mongodb+srv: one DNS name, no port; SRV-only options only with mongodb+srv (rules/srv.ts). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { expectClean, expectOne } from '../../helpers/problems';

describe('srv-host-count', () => {
  it('mongodb+srv with more than one host is an error over the extra hosts', () => {
    expectOne('mongodb+srv://a.example.com,b.example.com', 'srv-host-count', 'error', ',b.example.com', /exactly one host name .*; 2 are given/);
    expectOne('mongodb+srv://a.example.com,b.example.com,c.example.com/', 'srv-host-count', 'error', ',b.example.com,c.example.com', /3 are given/);
    expectClean('mongodb+srv://a.example.com');
  });
});

describe('srv-port', () => {
  it('mongodb+srv with a port is an error with a removal fix', () => {
    const p = expectOne('mongodb+srv://cluster0.example.net:27017/', 'srv-port', 'error', ':27017', /takes no port/);
    assert.equal(p.data?.replacement, '');
    expectClean('mongodb+srv://cluster0.example.net/');
  });
});

describe('srv-host-invalid', () => {
  it('mongodb+srv needs a DNS host name, not an IP address, IP literal or socket path', () => {
    expectOne('mongodb+srv://127.0.0.1', 'srv-host-invalid', 'error', '127.0.0.1', /not an IP address\. Use mongodb:\/\/ instead/);
    expectOne('mongodb+srv://[::1]', 'srv-host-invalid', 'error', '::1', /not an IP literal/);
    expectOne('mongodb+srv://%2Ftmp%2Fm.sock', 'srv-host-invalid', 'error', '%2Ftmp%2Fm.sock', /not a UNIX socket path/);
  });

  it('host names of one or two labels are allowed (DRIVERS-2922)', () => {
    expectClean('mongodb+srv://localhost');
    expectClean('mongodb+srv://mongo.local');
  });
});

describe('srv-option-without-srv', () => {
  it('SRV-only options on mongodb:// are an error with a removal fix', () => {
    const p = expectOne('mongodb://h/?srvMaxHosts=2', 'srv-option-without-srv', 'error', 'srvMaxHosts=2', /only applies to mongodb\+srv:\/\//);
    assert.equal(p.data?.replacement, '');
    expectOne('mongodb://h/?srvServiceName=custom', 'srv-option-without-srv', 'error', 'srvServiceName=custom');
    expectClean('mongodb+srv://c.example.com/?srvMaxHosts=2&srvServiceName=custom');
  });
});
