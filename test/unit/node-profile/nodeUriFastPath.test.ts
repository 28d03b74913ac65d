/**
 * The Node profile decides most host items that the URL class rejects without asking it
 * (nodeUri.ts urlSurelyRejects): the platform's URL class is the oracle, on random items; and a host
 * list of many rejected items is read without constructing a URL for each.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { readAsNodeDriver, urlSurelyRejects } from '../../../server/src/service/uri/nodeUri';
import { checkProperty } from '../../helpers/fuzz';

function urlThrows(item: string): boolean {
  try {
    new URL(`iLoveJS://${item}`);
    return false;
  } catch {
    return true;
  }
}

/** Counts the URLs constructed while `run` runs (nodeUri.ts uses the global class). */
function countingUrls<T>(run: () => T): { value: T; urls: number } {
  const Original = globalThis.URL;
  let urls = 0;
  globalThis.URL = class extends Original {
    constructor(url: string | URL, base?: string | URL) {
      urls++;
      super(url, base);
    }
  } as typeof URL;
  try {
    return { value: run(), urls };
  } finally {
    globalThis.URL = Original;
  }
}

describe('host items the URL class surely rejects, decided without it', () => {
  test('what it decides, the URL class rejects', () => {
    const piece = fc.constantFrom('[', ']', ':', '::1', '0', '27017', '65535', '65536', '99999999', 'a', 'host', '.', '-', '_', '%', '%20', '%zz', '<', '>', '^', '|', '\\', '@', '#', '?', '/', '\t', ' ', 'é', '\u007f', '1.2.3.4', '[::1]', 'x:');
    let decided = 0;
    let cases = 0;
    checkProperty(
      'urlSurelyRejects against URL',
      fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
        const item = parts.join('');
        cases++;
        if (!urlSurelyRejects(item)) return;
        decided++;
        assert.ok(urlThrows(item), JSON.stringify(item));
      }),
      4000,
    );
    // Not vacuous: a good share of the random items is decided (most hold a character it decides on).
    assert.ok(decided > cases / 10, `only ${decided} of ${cases} decided`);
  });

  test('the items it decides, and those it leaves to the URL class', () => {
    for (const item of ['[', 'h[', 'a]b', 'h<1', 'h|x', 'h^', 'h\\x', ':27017', 'h:x', 'h:1x', 'h:65536', 'h:99999999999', '[::1', '[x:1']) {
      assert.ok(urlSurelyRejects(item), item);
      assert.ok(urlThrows(item), item);
    }
    // Accepted by URL, or not decided here: IPv6 in brackets, userinfo, paths, queries, fragments, blanks, non-ASCII, `%`.
    for (const item of ['[::1]', '[zz]', 'h:', 'h:0', 'h:00027017', 'a@[', 'h/[', 'h?[', 'h#[', 'h\t[', 'é[', 'h%zz', 'h.x-y_z']) {
      assert.ok(!urlSurelyRejects(item), item);
    }
  });

  test('a list of many rejected hosts constructs no URL for each', () => {
    const hosts = Array.from({ length: 2000 }, (_, i) => (i % 2 ? `h${i}[` : `[${i}`)).join(',');
    const { value, urls } = countingUrls(() => readAsNodeDriver(`mongodb://${hosts}/db`));
    assert.equal(value.hosts.filter((h) => h.rejection).length, 2000);
    assert.ok(urls < 10, `${urls} URLs for 2,000 hosts`);
  });
});
