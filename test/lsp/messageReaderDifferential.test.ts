/**
 * The stdio message reader (server/src/messageReader.ts) against JSON.parse: random JSON messages (strings
 * with every escape, non-ASCII, surrogate pairs and lone surrogates, strings as keys and values, nesting)
 * parsed with the large-string path forced on (every string of at least a few bytes decoded in place)
 * give what JSON.parse gives; malformed string contents are refused as JSON.parse refuses them. Framed
 * messages cut into random chunks come out whole, in order.
 */
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Message } from 'vscode-languageserver/node';
import { LARGE_BODY_BYTES, parseLargeMessage, parseMessage, StdioMessageReader } from '../../server/src/messageReader';
import { checkProperty } from '../helpers/fuzz';

/** Characters that JSON writes escaped or that take several UTF-8 bytes. */
const char = fc.constantFrom('a', 'Z', '"', '\\', '/', '\n', '\r', '\t', '\b', '\f', '\u0000', '\u001f', 'é', '€', '😀', '\u{2a6d6}', '\ud800', '\udfff', '\uf8ff', ' ', ':', '{', '[');
const string = fc.array(char, { maxLength: 24 }).map((cs) => cs.join(''));
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    string,
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(string, tie('value'), { maxKeys: 5 }),
  ),
})).value;

/**
 * The JSON text of `value` with some characters of its strings written differently: `\u` escapes for
 * letters and for non-ASCII code units (so surrogate pairs as two escapes), upper-case hex digits.
 */
function spelled(value: unknown, seed: number): string {
  let k = seed;
  const respell = (m: string, hex: string | undefined) => {
    k = (k * 1103515245 + 12345) & 0x7fffffff;
    if (hex !== undefined) return k % 2 === 0 ? `\\u${hex.toUpperCase()}` : m;
    if (m.charCodeAt(0) > 0x7e) return k % 2 === 0 ? `\\u${m.charCodeAt(0).toString(16).padStart(4, '0')}` : m;
    return k % 7 === 0 ? `\\u${m.charCodeAt(0).toString(16).padStart(4, '0')}` : m;
  };
  return JSON.stringify(value).replace(/"(?:[^"\\]|\\.)*"/g, (literal) => literal.replace(/\\u([0-9a-f]{4})|(?<!\\)[a-zA-Z]|[^\0-\x7e]/g, respell));
}

describe('parseLargeMessage', () => {
  it('gives what JSON.parse gives, whatever strings are decoded in place', () => {
    checkProperty(
      'parseLargeMessage = JSON.parse',
      fc.property(json, fc.integer({ min: 0, max: 12 }), fc.nat(), fc.constantFrom('', ' ', '\n\t '), (value, threshold, seed, space) => {
        const text = space === '' ? spelled(value, seed) : JSON.stringify(value, null, space);
        const expected: unknown = JSON.parse(text);
        assert.deepEqual(parseLargeMessage(Buffer.from(text, 'utf8'), threshold), expected);
      }),
      400,
    );
  });

  it('refuses what JSON.parse refuses inside a long string', () => {
    const bad = fc.constantFrom('\\x', '\\u12', '\\u12g4', '\u0001', '\u001f', '\n', '\\U0041');
    checkProperty(
      'parseLargeMessage refuses bad strings',
      fc.property(string, bad, string, (before, b, after) => {
        const text = `{"text":${JSON.stringify(before).slice(0, -1)}${b}#${JSON.stringify(after).slice(1)}}`;
        assert.throws(() => JSON.parse(text), SyntaxError);
        assert.throws(() => parseLargeMessage(Buffer.from(text, 'utf8'), 0), SyntaxError);
      }),
      200,
    );
  });

  it('keeps a string that looks like its placeholders', () => {
    const text = JSON.stringify({ a: 'x'.repeat(40), b: '\uf8fflarge string 0', c: ['\uf8fflarge string 1', '\uf8ff#large string 0'], d: 'y'.repeat(40) });
    assert.deepEqual(parseLargeMessage(Buffer.from(text, 'utf8'), 32), JSON.parse(text));
  });

  it('reads a large didOpen as JSON.parse does', () => {
    const lines = Array.from({ length: 60_000 }, (_, i) => `KEY_${i}="mongodb://h${i}:27017/db?x=\\"é😀\t"`);
    const message = { jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///a/.env', languageId: 'dotenv', version: 1, text: lines.join('\r\n') } } };
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    assert.ok(body.length >= LARGE_BODY_BYTES);
    assert.deepEqual(parseMessage(body), message);
  });
});

describe('StdioMessageReader', () => {
  it('passes on framed messages cut anywhere, whole and in order', async () => {
    const messages = fc.array(fc.record({ jsonrpc: fc.constant('2.0'), method: fc.string(), params: fc.record({ text: string, n: fc.integer() }) }), { minLength: 1, maxLength: 6 });
    const cuts = fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 40 });
    const cases = fc.sample(fc.tuple(messages, cuts), { numRuns: 100, seed: 7 });
    for (const [sent, sizes] of cases) {
      const stream = new PassThrough();
      const reader = new StdioMessageReader(stream);
      const received: Message[] = [];
      reader.listen((m) => received.push(m));
      const bytes = Buffer.concat(
        sent.map((m) => {
          const body = Buffer.from(JSON.stringify(m), 'utf8');
          return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n`, 'ascii'), body]);
        }),
      );
      let at = 0;
      for (let k = 0; at < bytes.length; k++) {
        const n = sizes.length > 0 ? sizes[k % sizes.length] : bytes.length;
        reader['receive'](bytes.subarray(at, at + n));
        at += n;
      }
      assert.deepEqual(received, sent.map((m) => JSON.parse(JSON.stringify(m)) as unknown));
    }
  });

  it('reports a body that is not JSON and reads the next message', () => {
    const stream = new PassThrough();
    const reader = new StdioMessageReader(stream);
    const received: Message[] = [];
    const errors: Error[] = [];
    reader.onError((e) => errors.push(e));
    reader.listen((m) => received.push(m));
    const ok = JSON.stringify({ jsonrpc: '2.0', method: 'exit' });
    reader['receive'](Buffer.from(`Content-Length: 3\r\n\r\n{x}Content-Length: ${ok.length}\r\n\r\n${ok}`, 'ascii'));
    assert.equal(errors.length, 1);
    assert.deepEqual(received, [JSON.parse(ok)]);
  });
});
