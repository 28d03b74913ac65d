// Preloaded (`node --require`) into the language servers the tests start: any DNS look-up or network
// connection ends the process with exit code 70 and a message on stderr, so that a suite that passes
// proves the server did its work without the network.
'use strict';
const dns = require('node:dns');
const net = require('node:net');
const tls = require('node:tls');
const http = require('node:http');
const https = require('node:https');
const dgram = require('node:dgram');

function forbid(what) {
  return function forbidden() {
    process.stderr.write(`NETWORK ACCESS: ${what} was called\n${new Error().stack}\n`);
    process.exit(70);
  };
}

function forbidAll(target, label, names) {
  for (const name of names) if (typeof target[name] === 'function') target[name] = forbid(`${label}.${name}`);
}

const dnsFunctions = Object.keys(dns).filter((k) => /^(lookup|resolve|reverse)/.test(k));
forbidAll(dns, 'dns', dnsFunctions);
forbidAll(dns.promises, 'dns.promises', Object.keys(dns.promises).filter((k) => /^(lookup|resolve|reverse)/.test(k)));
forbidAll(dns.Resolver.prototype, 'dns.Resolver', Object.getOwnPropertyNames(dns.Resolver.prototype).filter((k) => /^(resolve|reverse)/.test(k)));
forbidAll(dns.promises.Resolver.prototype, 'dns.promises.Resolver', Object.getOwnPropertyNames(dns.promises.Resolver.prototype).filter((k) => /^(resolve|reverse)/.test(k)));
forbidAll(net, 'net', ['connect', 'createConnection']);
forbidAll(net.Socket.prototype, 'net.Socket', ['connect']);
forbidAll(tls, 'tls', ['connect']);
forbidAll(http, 'http', ['request', 'get']);
forbidAll(https, 'https', ['request', 'get']);
forbidAll(dgram, 'dgram', ['createSocket']);
if (typeof globalThis.fetch === 'function') globalThis.fetch = forbid('fetch');
