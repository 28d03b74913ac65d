/**
 * The Node.js driver's reading (uri/nodeUri.ts) against the platform and the installed driver, on
 * generated hosts and queries, so that the shortcuts for plain text agree with the classes they stand in
 * for: a host item is rejected exactly when the driver's `HostAddress` throws for it, and the query items
 * are the entries of the searchParams of the driver's URL layer (mongodb-connection-string-url), key and value.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import fc from 'fast-check';
import { ConnectionString } from 'mongodb-connection-string-url';
import { nodeHostRejection, plainPathname, readAsNodeDriver } from '../../../server/src/service/uri/nodeUri';
import { checkProperty } from '../../helpers/fuzz';
import { repoRoot } from '../../helpers/repo';

type HostAddressClass = new (host: string) => object;

/** The driver's host parser (not part of its public API, but what `new MongoClient` runs on each host). */
function loadHostAddress(): HostAddressClass {
  return (createRequire(join(repoRoot(), 'package.json'))('mongodb/lib/utils') as { HostAddress: HostAddressClass }).HostAddress;
}

function driverRejects(HostAddress: HostAddressClass, raw: string): boolean {
  try {
    new HostAddress(raw);
    return false;
  } catch {
    return true;
  }
}

const hostPiece = fc.constantFrom(
  'a', 'Z', 'db1', 'example', '.', '-', '_', '~', ':', '0', '1', '00', '27017', '65535', '65536', '99999', '000001',
  '%', '%41', '%zz', '%C3%A9', '%FF', ' ', '[', ']', '::1', '@', '#', '^', '|', '<', '\\', 'é', '.sock', '/',
);
const hostItem = fc.array(hostPiece, { maxLength: 8 }).map((p) => p.join(''));

// No lone surrogates: text read from a file never holds one (decoding UTF-8 gives U+FFFD instead), and
// the URL layer pairs two that a removed tab or line break separated, which no file can show.
const queryPiece = fc.constantFrom(
  'a', 'K', 'w', '1', '=', '==', '&', '&&', '+', '%', '%41', '%2B', '%zz', '%C3%A9', '%E2%82', '%AC', '%FF', ' ', '\t', ';', '?', '/', 'é', '😀', '\uFFFD',
);
const query = fc.array(queryPiece, { maxLength: 16 }).map((p) => p.join(''));

describe('the Node.js reading against the driver and the platform', () => {
  it('rejects a host item exactly when the driver\'s HostAddress throws', () => {
    const HostAddress = loadHostAddress();
    checkProperty(
      'node host items',
      fc.property(hostItem, (raw) => {
        const ours = nodeHostRejection(raw, { start: 0, end: raw.length }) !== undefined;
        assert.equal(ours, driverRejects(HostAddress, raw), JSON.stringify(raw));
      }),
      1500,
    );
  });

  it('reads the query items as the driver\'s URL layer does', () => {
    checkProperty(
      'node query items',
      fc.property(query, (q) => {
        // A last item keeps the query from ending in spaces, which both sides trim from the string.
        const uri = `mongodb://h/?${q}&z=1`;
        const ours = readAsNodeDriver(uri).items.map((item) => [item.key, item.value]);
        assert.deepEqual(ours, [...new ConnectionString(uri).searchParams], JSON.stringify(q));
      }),
      1500,
    );
  });
});

/**
 * The path after the hosts: read as written without URL when URL would keep it as written
 * (plainPathname), else by URL. The platform's URL is the oracle of both, and the driver's URL layer of
 * the database name the reading gives.
 */
describe('the path after the hosts, as URL reads it', () => {
  const piece = fc.constantFrom('/', 'app', 'shop_0', 'a-b', '.', '..', '...', '.x', 'x.', '%2e', '%2E', '%41', 'é', ' ', '\\', '"', '<', '{', '|', '\t', '$', '~', ':', '@');
  const path = fc.array(piece, { maxLength: 8 }).map((p) => '/' + p.join(''));
  it('plainPathname gives what URL gives, when it gives anything', () => {
    let plain = 0;
    let runs = 0;
    checkProperty(
      'plain pathname',
      fc.property(path, (p) => {
        runs++;
        const fast = plainPathname(p, 0, p.length);
        if (fast === undefined) return;
        plain++;
        assert.equal(fast, new URL(`mongodb://x${p}`).pathname, JSON.stringify(p));
      }),
      3000,
    );
    // One path in 30 or more is read without URL (3000 runs: 100), however many runs the fuzzing asks for.
    assert.ok(plain > runs / 30, `only ${plain} plain paths in ${runs}`);
  });
  it('the database name is the one the driver reads', () => {
    checkProperty(
      'node database name',
      fc.property(path, (p) => {
        const text = `mongodb://h${p}`;
        let db: string | undefined;
        try {
          db = new ConnectionString(text).pathname.slice(1);
          db = db === '' ? undefined : decodeURIComponent(db);
        } catch {
          return; // the driver rejects the string: nothing to compare
        }
        const read = readAsNodeDriver(text);
        if (read.path?.rejection) return;
        assert.equal(read.path?.dbName, db || undefined, JSON.stringify(text));
      }),
      2000,
    );
  });
});
