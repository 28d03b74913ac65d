/**
 * The parse of every string stays what it was: a few thousand connection strings, generated here from a
 * fixed seed (well-formed ones and junk: `%` runs, bad and multi-byte escapes, `@@`, IPv6 literals, unix
 * sockets, many colons, empty host entries, repeated and mixed-case keys, 30 and more options, `;`
 * separators), each parsed and written out as plain JSON — every field of every part, the decoded records
 * with their maps and bad escapes included — and compared by digest with the frozen answers of the
 * parser as it was (test/fixtures/parser/snapshot.json).
 *
 * The JSON is written field by field from the documented shape of a parse (uri/types.ts, uri/percent.ts),
 * read through property access only, so that a part may be an object of any kind (a class with getters
 * reads the same); a field that the shape does not list makes the test fail. All the strings are parsed
 * first and written out afterwards, so that a record shared between parses and changed by a later one is
 * caught too.
 *
 * After a deliberate change of the parse, write the snapshot again with
 * `UPDATE_PARSER_SNAPSHOT=1 node --test test/out/unit/uri/parserSnapshot.test.js`.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parseConnectionString } from '../../../server/src/service/uri/parser';
import { repoRoot } from '../../helpers/repo';

const snapshotFile = path.join(repoRoot(), 'test', 'fixtures', 'parser', 'snapshot.json');

/** xorshift32: the same strings on every machine. */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(r: Rng, items: readonly T[]): T => items[Math.floor(r() * items.length)];
const int = (r: Rng, min: number, max: number): number => min + Math.floor(r() * (max - min + 1));
const repeat = (r: Rng, min: number, max: number, f: (i: number) => string, sep = ''): string =>
  Array.from({ length: int(r, min, max) }, (_, i) => f(i)).join(sep);

const SCHEMES = ['mongodb://', 'mongodb+srv://', 'mongodb://', 'mongodb+srv://', 'MongoDB://', 'mongo://', 'mongodb+srv:/', 'mongodb:/', 'http://', '', 'x-y.z+1://'];
const PIECES = ['a', 'Z', '0', '9', '.', '-', '_', '~', '%', '%2', '%41', '%2F', '%40', '%3A', '%25', '%e2%82%ac', '%F0%9F%98%80', '%ff', '%C3', '%C3%A9', '%zz', '%%', '%%%41', ' ', 'é', '😀', '+', '!', '$'];
const DELIMS = ['@', ':', '/', '?', '&', ';', '=', ',', '[', ']', '#', '@@', '::', '/?', '?&'];

/** A short run of text, mostly harmless characters, sometimes escapes and delimiters. */
function word(r: Rng, delims: number): string {
  return repeat(r, 0, 6, () => (r() < delims ? pick(r, DELIMS) : r() < 0.6 ? pick(r, ['db', 'host', 'user', 'x', 'mongo', '27017', 'a.b']) : pick(r, PIECES)));
}

function host(r: Rng): string {
  const k = r();
  if (k < 0.3) return pick(r, ['localhost', 'db.example.com', 'mongo-0.svc.cluster.local', 'cluster0.ab1cd.mongodb.net', 'LOCALHOST']) + (r() < 0.6 ? ':' + pick(r, ['27017', '1', '0', '65535', '65536', '99999999', '', '-1', '2e3', '27O17', '1234567']) : '');
  if (k < 0.45) return `${int(r, 0, 300)}.${int(r, 0, 255)}.${int(r, 0, 255)}.${int(r, 0, 999)}` + (r() < 0.5 ? ':' + int(r, 0, 70000) : '');
  if (k < 0.6) {
    const inside = pick(r, ['::1', '0:0:0:0:0:0:0:1', 'fe80::1%25eth0', '2001:db8::', '', 'not-ip', '::ffff:1.2.3.4']);
    return '[' + inside + pick(r, [']', ']', ']:27017', ']:', ']x', ']:abc', '', ']:1:2']);
  }
  if (k < 0.7) return pick(r, ['%2Ftmp%2Fmongodb-27017.sock', '/tmp/m.sock', '%2Fvar%2Frun%2Fm%20d.sock', '%2ftmp%2f%zz.sock']);
  if (k < 0.8) return repeat(r, 2, 12, () => pick(r, ['a', 'b', '1', ':', ':', '%3A', '']));
  return word(r, 0.1);
}

function hosts(r: Rng): string {
  if (r() < 0.15) return repeat(r, 1, 8, () => (r() < 0.4 ? '' : host(r)), ',');
  return repeat(r, 1, 4, () => host(r), ',');
}

const KEYS = ['retryWrites', 'RETRYWRITES', 'w', 'W', 'readPreference', 'maxPoolSize', 'authSource', 'appName', 'tls', 'ssl', 'replicaSet', 'readPreferenceTags', 'authMechanismProperties', 'compressors', 'directConnection', 'unknownOption', 'k%41y', 'ke%zzy', 'wTimeoutMS', 'ÄPPNAME', 'x'];
const VALUES = ['true', 'false', 'majority', '1', '0', '-1', '', 'admin', 'dc:ny,rack:1', 'SERVICE_NAME:mongodb', 'snappy,zlib', 'a%20b', '%zz', '%E2%82%AC', 'x=y', 'primary', 'ten', '1.5'];

function option(r: Rng): string {
  const k = r();
  if (k < 0.1) return word(r, 0.2);
  if (k < 0.2) return pick(r, KEYS);
  if (k < 0.25) return '';
  return `${r() < 0.9 ? pick(r, KEYS) : word(r, 0.05)}=${r() < 0.85 ? pick(r, VALUES) : word(r, 0.1)}`;
}

function options(r: Rng): string {
  const k = r();
  const count = k < 0.6 ? int(r, 0, 5) : k < 0.85 ? int(r, 6, 20) : int(r, 21, 40);
  const sep = r() < 0.8 ? '&' : r() < 0.8 ? ';' : pick(r, ['&', ';', '&&', ';;']);
  const items = Array.from({ length: count }, () => option(r));
  if (r() < 0.2) return items.map((it, i) => (i === 0 ? it : pick(r, ['&', ';', '&&']) + it)).join('');
  return items.join(sep);
}

/** A connection string: mostly well-formed in outline, with junk in its parts. */
function structured(r: Rng): string {
  let s = pick(r, SCHEMES);
  const u = r();
  if (u < 0.15) s += word(r, 0) + '@';
  else if (u < 0.55) s += word(r, 0) + ':' + word(r, 0.15) + '@';
  else if (u < 0.62) s += word(r, 0.3) + pick(r, ['@@', '@', ':@', '@:']);
  s += hosts(r);
  const d = r();
  if (d < 0.6) s += '/' + (r() < 0.8 ? word(r, 0.05) : '');
  if (r() < 0.7) s += (d < 0.6 || r() < 0.3 ? '?' : '/?') + options(r);
  if (r() < 0.05) s += word(r, 0.4);
  return s;
}

/** Anything: pieces and delimiters in any order, sometimes after a scheme. */
function junk(r: Rng): string {
  return (r() < 0.6 ? pick(r, SCHEMES) : '') + repeat(r, 0, 30, () => (r() < 0.35 ? pick(r, DELIMS) : pick(r, PIECES)));
}

const ADVERSARIAL = [
  '',
  'mongodb://',
  'mongodb+srv://',
  'mongodb://@',
  'mongodb://:@',
  'mongodb://@@',
  'mongodb://a@b@c',
  'mongodb://user:pa/ss@host/db',
  'mongodb://user:pa?ss@host/db',
  'mongodb://user:pa?s=s@host/db',
  'mongodb://u:p@h/d@x?y=1',
  'mongodb://h/?',
  'mongodb://h?',
  'mongodb://h/db?a',
  'mongodb://h/db?=',
  'mongodb://h/db?&&&',
  'mongodb://h/db?;;;',
  'mongodb://h/db?a=1;b=2&c=3',
  'mongodb://h/db?a=1;b=2;c=3',
  'mongodb://,,,',
  'mongodb://a,,b,,,c,',
  'mongodb://[::1]:27017,[::1,[]',
  'mongodb://[',
  'mongodb://]',
  'mongodb://a:b:c:d:e:f:g:h:i:j:k:27017',
  'mongodb://%2Ftmp%2Fmongodb-27017.sock/db',
  'mongodb://%%%%%%/%%%',
  'mongodb://%41%42%43:%44%45@%46/%47?%48=%49',
  'mongodb://u:%F0%9F%98%80%ff%C3%28@h',
  'mongodb://h/db?' + Array.from({ length: 30 }, (_, i) => `k${i}=v${i}`).join('&'),
  'mongodb://h/db?' + Array.from({ length: 17 }, () => 'w=1').join('&'),
  'mongodb://h/db?' + Array.from({ length: 40 }, (_, i) => (i % 3 ? 'retryWrites=true' : 'W=majority')).join('&'),
  'mongodb://h/db?' + Array.from({ length: 20 }, (_, i) => `k%${i}=%zz${'x'.repeat(i * 2)}`).join('&'),
  'mongodb://h/db?' + Array.from({ length: 18 }, (_, i) => `${'k'.repeat(20 + i)}=${'v'.repeat(20 + i)}`).join('&'),
  'mongodb://h/db?' + '%'.repeat(300),
  'mongodb://' + '%zz'.repeat(200) + '@h',
  'mongodb://h:27017/' + 'a'.repeat(100),
  'mongodb+srv:/host/db',
  'mongodb:/host',
  'MONGODB+SRV://h',
  '://h',
  'mongodb://h#frag?x=1',
];

function inputs(): string[] {
  const r = rng(0x5eed);
  const out = [...ADVERSARIAL];
  for (let i = 0; i < 2500; i++) out.push(structured(r));
  for (let i = 0; i < 1000; i++) out.push(junk(r));
  return out;
}

/** The fields of each shape, as documented; anything else found on an object is reported. */
function read(o: unknown, fields: readonly string[], what: string, write: (o: any) => unknown): unknown {
  if (o === undefined) return undefined;
  assert.ok(o !== null && typeof o === 'object', `${what} is an object`);
  for (const k of Object.keys(o)) if (!fields.includes(k)) assert.fail(`${what} has a field the shape does not list: ${k}`);
  return write(o);
}

const span = (s: any, what = 'span') => read(s, ['start', 'end'], what, (x) => ({ start: x.start, end: x.end }));

const DECODED_FIELDS = ['value', 'badEscapes', 'hadEscapes', 'invalidUtf8', 'map'];
const PART_FIELDS = ['span', 'raw', 'decoded', 'value'];

/** The decoded record of part `p` (which may be the part itself: a part without `%` is its own record). */
const decoded = (d: any, p: unknown) =>
  read(d, d === p ? [...PART_FIELDS, ...DECODED_FIELDS] : DECODED_FIELDS, 'decoded', (x) => ({
    value: x.value,
    badEscapes: x.badEscapes.map((b: unknown) => span(b, 'bad escape')),
    hadEscapes: x.hadEscapes,
    invalidUtf8: x.invalidUtf8,
    map: x.map === undefined ? undefined : [...x.map],
  }));

const part = (p: any, what: string) =>
  read(p, PART_FIELDS, what, (x) => ({ span: span(x.span), raw: x.raw, decoded: decoded(x.decoded, x), value: x.value }));

const hostPart = (h: any) =>
  read(h, ['span', 'host', 'type', 'bracket', 'port', 'junkAfterBracket', 'extraColons'], 'host', (x) => ({
    span: span(x.span),
    host: part(x.host, 'host part'),
    type: x.type,
    bracket: read(x.bracket, ['closed'], 'bracket', (b) => ({ closed: b.closed })),
    port: read(x.port, ['span', 'raw', 'value'], 'port', (p) => ({ span: span(p.span), raw: p.raw, value: p.value })),
    junkAfterBracket: span(x.junkAfterBracket),
    extraColons: x.extraColons?.map((c: unknown) => span(c)),
  }));

const optionPart = (o: any) =>
  read(o, ['span', 'key', 'keyLower', 'value', 'separator', 'index'], 'option', (x) => ({
    span: span(x.span),
    key: part(x.key, 'key'),
    keyLower: x.keyLower,
    value: part(x.value, 'value'),
    separator: x.separator,
    index: x.index,
  }));

/** The parse as plain JSON, every field of every part. */
function normalised(text: string, p: any): string {
  const fields = ['text', 'scheme', 'bodyStart', 'userinfo', 'hostsSpan', 'hosts', 'emptyHosts', 'slash', 'database', 'question', 'optionsSpan', 'options', 'semicolons'];
  const plain = read(p, fields, 'parse', (x) => ({
    text: x.text === text ? '=' : x.text,
    scheme: read(x.scheme, ['kind', 'span', 'raw'], 'scheme', (s) => ({ kind: s.kind, span: span(s.span), raw: s.raw })),
    bodyStart: x.bodyStart,
    userinfo: read(x.userinfo, ['span', 'atSpan', 'username', 'password', 'recoveredPastSlash'], 'userinfo', (u) => ({
      span: span(u.span),
      atSpan: span(u.atSpan),
      username: part(u.username, 'username'),
      password: part(u.password, 'password'),
      recoveredPastSlash: u.recoveredPastSlash,
    })),
    hostsSpan: span(x.hostsSpan),
    hosts: x.hosts.map(hostPart),
    emptyHosts: x.emptyHosts.map((s: unknown) => span(s)),
    slash: span(x.slash),
    database: part(x.database, 'database'),
    question: span(x.question),
    optionsSpan: span(x.optionsSpan),
    options: x.options.map(optionPart),
    semicolons: x.semicolons.map((s: unknown) => span(s)),
  }));
  return JSON.stringify(plain);
}

const digest = (s: string): string => createHash('sha256').update(s).digest('hex').slice(0, 16);

interface Snapshot {
  /** The digest of all the inputs joined: the generator above must give the strings the snapshot was made from. */
  inputs: string;
  /** One digest of the JSON of each parse, in the order of the inputs. */
  parses: string[];
}

describe('parseConnectionString: the parse of every string as frozen in the snapshot', () => {
  it('reads a few thousand generated and adversarial strings as it did', () => {
    const all = inputs();
    // Every string parsed first, written out afterwards (shared records changed by a later parse show).
    const parses = all.map((s) => parseConnectionString(s));
    const got = all.map((s, i) => normalised(s, parses[i]));
    // The same again, one at a time: a parse does not depend on the ones before it.
    for (let i = 0; i < all.length; i += 97) assert.equal(normalised(all[i], parseConnectionString(all[i])), got[i], `parse of ${JSON.stringify(all[i])} alone`);
    const fresh: Snapshot = { inputs: digest(all.join('\u0000')), parses: got.map(digest) };
    if (process.env.UPDATE_PARSER_SNAPSHOT) {
      mkdirSync(path.dirname(snapshotFile), { recursive: true });
      writeFileSync(snapshotFile, JSON.stringify(fresh, null, 0).replace(/","/g, '",\n"') + '\n');
      return;
    }
    const frozen = JSON.parse(readFileSync(snapshotFile, 'utf8')) as Snapshot;
    assert.equal(fresh.inputs, frozen.inputs, 'the generated inputs are the ones of the snapshot');
    assert.equal(fresh.parses.length, frozen.parses.length);
    const differing = fresh.parses.flatMap((d, i) => (d === frozen.parses[i] ? [] : [i]));
    assert.deepEqual(
      differing.slice(0, 3).map((i) => ({ input: all[i], parse: JSON.parse(got[i]) })),
      [],
      `${differing.length} of ${all.length} parses differ from the snapshot`,
    );
  });

  it('covers what it means to cover', () => {
    const parses = inputs().map((s) => parseConnectionString(s));
    const count = (f: (p: ReturnType<typeof parseConnectionString>) => boolean) => parses.filter(f).length;
    assert.ok(count((p) => p.options.length > 16) >= 100, 'strings of more than sixteen options');
    assert.ok(count((p) => p.options.length >= 30) >= 30, 'strings of thirty options or more');
    assert.ok(count((p) => p.options.some((o) => o.key.decoded.badEscapes.length > 0 || (o.value?.decoded.badEscapes.length ?? 0) > 0)) >= 100, 'bad escapes in options');
    assert.ok(count((p) => p.options.some((o) => o.value?.decoded.invalidUtf8 ?? false)) >= 10, 'invalid UTF-8 in option values');
    assert.ok(count((p) => p.hosts.some((h) => h.type === 'ip_literal')) >= 100, 'IP literals');
    assert.ok(count((p) => p.hosts.some((h) => h.type === 'unix')) >= 100, 'unix sockets');
    assert.ok(count((p) => p.hosts.some((h) => h.extraColons !== undefined)) >= 50, 'hosts of many colons');
    assert.ok(count((p) => p.emptyHosts.length > 0) >= 100, 'empty host entries');
    assert.ok(count((p) => p.semicolons.length > 0) >= 100, 'semicolons');
    assert.ok(count((p) => p.userinfo?.recoveredPastSlash ?? false) >= 20, 'userinfo recovered past a slash');
    assert.ok(count((p) => p.userinfo?.password?.decoded.hadEscapes ?? false) >= 100, 'escapes in passwords');
    assert.ok(count((p) => p.scheme.kind === 'invalid') >= 100 && count((p) => p.scheme.kind === 'missing') >= 100, 'other schemes');
  });
});
