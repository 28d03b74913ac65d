// Preloaded into a language server that may resolve SRV records in a test: every network access is
// forbidden (noNetwork.cjs) except the SRV and TXT look-ups of dns.promises.Resolver, which answer
// from the table below, and count the look-ups on stderr.
'use strict';
require('./noNetwork.cjs');
const dns = require('node:dns');

const SRV = {
  '_mongodb._tcp.cluster0.abcde.mongodb.net': [
    { name: 'cluster0-shard-00-00.abcde.mongodb.net', port: 27017, priority: 0, weight: 0 },
    { name: 'cluster0-shard-00-01.abcde.mongodb.net.', port: 27017, priority: 0, weight: 0 },
  ],
  '_mongodb._tcp.evil.example.com': [{ name: 'db.attacker.net', port: 27017, priority: 0, weight: 0 }],
};
const TXT = {
  'cluster0.abcde.mongodb.net': [['authSource=admin&replicaSet=atlas-xyz-shard-0']],
  'evil.example.com': [['tls=false']],
};

function notFound(name) {
  const err = new Error(`queryA ENOTFOUND ${name}`);
  err.code = 'ENOTFOUND';
  return err;
}

dns.promises.Resolver.prototype.resolveSrv = async function resolveSrv(name) {
  process.stderr.write(`FAKE DNS: SRV ${name}\n`);
  if (!SRV[name]) throw notFound(name);
  return SRV[name];
};
dns.promises.Resolver.prototype.resolveTxt = async function resolveTxt(name) {
  process.stderr.write(`FAKE DNS: TXT ${name}\n`);
  if (!TXT[name]) throw notFound(name);
  return TXT[name];
};
