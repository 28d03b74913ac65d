'use strict';

const { default: ConnectionString } = require('mongodb-connection-string-url');

/**
 * Replaces the password of a connection string with "****".
 * redact('mongodb://user:password@localhost:27017/app') === 'mongodb://user:****@localhost:27017/app'
 */
function redact(uri) {
  const cs = new ConnectionString(uri);
  if (cs.password) cs.password = '****';
  return cs.toString();
}

/** Host names in the order given, lower-cased. */
function hosts(uri) {
  return new ConnectionString(uri).hosts.map((h) => h.toLowerCase());
}

/** The same deployment: same scheme, same hosts in any order, same replica set. */
function sameDeployment(a, b) {
  const x = new ConnectionString(a);
  const y = new ConnectionString(b);
  const key = (cs) => [cs.isSRV, [...cs.hosts].sort().join(','), cs.searchParams.get('replicaSet') ?? ''].join('|');
  return key(x) === key(y);
}

module.exports = { redact, hosts, sameDeployment };
