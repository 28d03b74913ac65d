/**
 * Generators of valid connection strings for the differential test of the parser
 * (parserDifferential.test.ts): every part is generated as the text it should read as, then written
 * with random percent-encoding, so that the test knows what each part means. Shares no code with the parser.
 *
 * What the generator leaves out, where our parser, mongodb-connection-string-url and the WHATWG URL
 * parser read the same text differently:
 * - `@` is percent-encoded in the database name and in option names: when the host list has no `@`,
 *   our parser takes one from further on for the end of the userinfo, on purpose, to recover a password
 *   with an unescaped `/` (`mongodb://user:pa/ss@host`, which the specification's tests call invalid).
 * - `+` is percent-encoded in options: URLSearchParams reads `+` as a space (form encoding); the
 *   specification only percent-decodes.
 * - `;` is percent-encoded in options: it is the legacy option separator of the specification (our
 *   parser splits at it when no `&` is used); URLSearchParams does not.
 * - `@` is percent-encoded in option values when there is no userinfo: mongodb-connection-string-url
 *   (7.0) then takes everything up to it for a user name and throws (`mongodb://h?w=a@b`), though the
 *   specification ends the userinfo search at the first `/` or `?`; our parser reads such strings right.
 * - A character outside the BMP (`😀`) is percent-encoded in the userinfo: the whatwg-url package
 *   (14.2) under mongodb-connection-string-url encodes its two halves apart and turns the character
 *   after it into U+FFFD (`u:p😀w@h` reads as password `p😀\uFFFD`); Node's URL and our parser read it right.
 * - U+2028 and U+2029 are percent-encoded: mongodb-connection-string-url matches the text after the
 *   host list with `.*`, which stops at them, and silently drops the rest of the string.
 * - `#` is percent-encoded everywhere: URLs end at a fragment; connection strings have none.
 * - A database name is never `.` or `..`, raw or encoded: URL paths drop such segments.
 * - Ports are 1–65535 (the specification's tests call port 0 invalid), and a userinfo has a user name
 *   (mongodb-connection-string-url rejects `mongodb://:p@h`).
 */
import fc from 'fast-check';

export type HostKind = 'hostname' | 'ipv4' | 'ip_literal' | 'unix';

export interface HostSpec {
  /** As the parser should read it: without brackets, percent-decoded. */
  host: string;
  port?: number;
  kind: HostKind;
  /** As written, with the port. */
  written: string;
}

export interface UriCase {
  text: string;
  srv: boolean;
  /** Absent: no userinfo. */
  username?: string;
  /** Absent: no `:` in the userinfo. */
  password?: string;
  hosts: HostSpec[];
  /** Absent: no name after the slash, or no slash. */
  database?: string;
  options: Array<[string, string]>;
  /** WHATWG URL cannot parse this host list (a socket path with a raw space): it is no oracle for it. */
  notWhatwg: boolean;
}

/** Percent-encodes the UTF-8 bytes of one character, in upper or lower case hex digits. */
function percent(ch: string, upper: boolean): string {
  let out = '';
  for (const byte of new TextEncoder().encode(ch)) {
    const h = byte.toString(16).padStart(2, '0');
    out += '%' + (upper ? h.toUpperCase() : h);
  }
  return out;
}

const UNRESERVED = /^[A-Za-z0-9\-._~]$/;
const SUB_DELIMS = "!$&'()*+,;=";

/**
 * Writes `value`, each character as it is when `raw` allows it and the roll says so, percent-encoded
 * otherwise. `rolls` are random numbers, one per character.
 */
function write(value: string, raw: (ch: string) => boolean, rolls: number[]): string {
  let out = '';
  let k = 0;
  for (const ch of value) {
    const r = rolls[k++ % rolls.length];
    out += raw(ch) && r % 4 !== 3 ? ch : percent(ch, r % 2 === 0);
  }
  return out;
}

const rolls = fc.array(fc.nat(99), { minLength: 1, maxLength: 24 });

/** Characters of names, passwords and values: plain, reserved, unsafe, non-ASCII. */
const CHARS = [
  ...'aZ09-._~', ...SUB_DELIMS, ...':/?#[]@%', ' ', ...'"<>\\^`{|}', 'é', '€', '😀', 'ü',
];
const text = (minLength: number) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.array(fc.constantFrom(...CHARS), { minLength, maxLength: 10 }).map((a) => a.join('')) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength, maxLength: 6 }) },
  );
/** Words, to make names and option keys repeat. */
const word = fc.constantFrom('admin', 'alice', 'u', 'shop', 'test', 'CN=x,OU=y', 'user@EXAMPLE.COM', 'p@ss:w/rd', 'é');
const textOrWord = (minLength: number) => fc.oneof(text(minLength), word);

/** Beyond ASCII, and may stand as it is: not U+2028 or U+2029 (see the top of the file). */
const isNonAscii = (ch: string): boolean => ch.codePointAt(0)! > 0x7f && ch !== '\u2028' && ch !== '\u2029';
/**
 * Userinfo: unreserved characters and sub-delimiters may stand as they are (the specification's own
 * tests write them so), and characters beyond ASCII but outside the BMP (see the top of the file).
 */
const userinfoRaw = (ch: string): boolean => UNRESERVED.test(ch) || SUB_DELIMS.includes(ch) || (isNonAscii(ch) && ch.length === 1);
/** Database names: as the userinfo, also `:` and any character beyond ASCII; never `@` (see the top of the file). */
const databaseRaw = (ch: string): boolean => UNRESERVED.test(ch) || SUB_DELIMS.includes(ch) || isNonAscii(ch) || ch === ':';
/** Option names: no `=`, `&`, `;`, `+`, `@` as they are. */
const keyRaw = (ch: string): boolean => (UNRESERVED.test(ch) || "!$'()*,:".includes(ch) || isNonAscii(ch));
/** Option values: `=`, `:`, `,`, `@`, `/`, `?` may stand as they are; no `&`, `;`, `+`, `#`. (`@` only after a userinfo, see the top of the file.) */
const valueRaw = (ch: string): boolean => UNRESERVED.test(ch) || "!$'()*,=:@/?".includes(ch) || isNonAscii(ch);

const port = fc.option(fc.integer({ min: 1, max: 65535 }), { freq: 2 });

const label = fc.constantFrom('db1', 'Mongo-2', 'cluster0', 'bücher', 'umläut', 'x', 'example', 'com', 'abcde', 'mongodb', 'net', 'a-b', '256');
const hostname = fc.array(label, { minLength: 1, maxLength: 3 }).map((a) => a.join('.'));

const hostnameHost: fc.Arbitrary<HostSpec> = fc
  .tuple(fc.oneof(hostname, fc.constant('256.0.0.1')), port)
  .map(([h, p]) => ({ host: h, kind: 'hostname', ...(p === null ? {} : { port: p }), written: p === null ? h : `${h}:${p}` }));

const ipv4Host: fc.Arbitrary<HostSpec> = fc
  .tuple(fc.array(fc.nat(255), { minLength: 4, maxLength: 4 }), port)
  .map(([bytes, p]) => {
    const h = bytes.join('.');
    return { host: h, kind: 'ipv4', ...(p === null ? {} : { port: p }), written: p === null ? h : `${h}:${p}` };
  });

const IPV6 = ['::1', 'fe80::1', '2001:db8::8a2e:370:7334', '::', '::ffff:192.0.2.1', '1:2:3:4:5:6:7:8', 'FE80::A', '0:0:0:0:0:0:0:1'];
const ipLiteralHost: fc.Arbitrary<HostSpec> = fc
  .tuple(fc.constantFrom(...IPV6), port)
  .map(([h, p]) => ({ host: h, kind: 'ip_literal', ...(p === null ? {} : { port: p }), written: p === null ? `[${h}]` : `[${h}]:${p}` }));

/** UNIX domain sockets: paths ending in `.sock`, every `/` encoded, without a port (as in the specification's tests). */
const socketHost: fc.Arbitrary<HostSpec & { rawSpace: boolean }> = fc
  .tuple(
    fc.constantFrom('/tmp/', 'rel/', '/var/run/a.b/', '/tmp/ /', 'C:/x/'),
    fc.constantFrom('mongodb-27017', 'MongoDB-1', 'with space', 'é', 'path.to.sock/m'),
    rolls,
  )
  .map(([dir, name, r]) => {
    const host = `${dir}${name}.sock`;
    // A space may stand as it is: the specification's tests write one so.
    const written = write(host, (ch) => UNRESERVED.test(ch) || ch === ' ' || isNonAscii(ch), r);
    return { host, kind: 'unix', written, rawSpace: written.includes(' ') };
  });

const anyHost = fc.oneof({ weight: 4, arbitrary: hostnameHost }, ipv4Host, ipLiteralHost, socketHost);

const option: fc.Arbitrary<{ key: string; value: string; keyRolls: number[]; valueRolls: number[] }> = fc
  .tuple(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom('w', 'replicaSet', 'REPLICASET', 'authSource', 'appName', 'readPreferenceTags', 'tls', 'authMechanismProperties') },
      { weight: 1, arbitrary: textOrWord(1) },
    ),
    fc.oneof(fc.constantFrom('', '1', 'majority', 'rs0', 'dc:ny,rack:1', 'SERVICE_NAME:x,CANONICALIZE_HOST_NAME:true', 'a=b', 'mongodb://h/x?y=z'), textOrWord(0)),
    rolls,
    rolls,
  )
  .map(([key, value, keyRolls, valueRolls]) => ({ key, value, keyRolls, valueRolls }));

const userinfo = fc.option(
  fc.tuple(textOrWord(1), fc.option(textOrWord(0), { freq: 4 }), rolls, rolls),
  { freq: 2 },
);

const database = fc.tuple(
  fc.constantFrom('none', 'slash', 'name', 'name', 'name'),
  fc.oneof(textOrWord(1), fc.constantFrom('admin.sock', 'my=db', 'a.b.c', 'dots..', '.x')),
  rolls,
);

const options = fc.tuple(fc.array(option, { maxLength: 5 }), fc.boolean());

/** A valid connection string and what its parts read as. */
export const uriCase: fc.Arbitrary<UriCase> = fc
  .tuple(
    // One in four mongodb+srv; one host (that WHATWG URL can read too) in half of the others.
    fc.nat(3).map((n) => n === 3),
    fc.oneof(fc.array(anyHost, { minLength: 1, maxLength: 1 }), fc.array(anyHost, { minLength: 2, maxLength: 4 })),
    fc.tuple(fc.array(label, { minLength: 3, maxLength: 4 }).map((a) => a.join('.'))),
    userinfo,
    database,
    options,
  )
  .map(([srv, hostList, [srvName], user, [dbKind, dbName, dbRolls], [opts, bareQuestion]]) => {
    const hosts: HostSpec[] = srv ? [{ host: srvName, kind: 'hostname', written: srvName }] : hostList.map(({ host, port: p, kind, written }) => ({ host, kind, written, ...(p === undefined ? {} : { port: p }) }));
    const notWhatwg = !srv && hostList.some((h) => 'rawSpace' in h && h.rawSpace);
    let text = srv ? 'mongodb+srv://' : 'mongodb://';
    const c: UriCase = { text: '', srv, hosts, options: opts.map((o) => [o.key, o.value]), notWhatwg };
    if (user) {
      const [name, pw, r1, r2] = user;
      c.username = name;
      text += write(name, userinfoRaw, r1);
      if (pw !== null) {
        c.password = pw;
        text += ':' + write(pw, userinfoRaw, r2);
      }
      text += '@';
    }
    text += hosts.map((h) => h.written).join(',');
    // A database name that URL paths would read as a dot segment is left out.
    const name = dbName === '.' || dbName === '..' ? 'db' : dbName;
    if (dbKind === 'name') {
      c.database = name;
      text += '/' + write(name, databaseRaw, dbRolls);
    } else if (dbKind === 'slash') {
      text += '/';
    }
    // ConnectionString takes an `@` in the options for the end of the userinfo when there is none before it.
    const raw = user ? valueRaw : (ch: string) => ch !== '@' && valueRaw(ch);
    const written = opts.map((o) => `${write(o.key, keyRaw, o.keyRolls)}=${write(o.value, raw, o.valueRolls)}`);
    if (opts.length > 0 || bareQuestion) text += '?' + written.join('&');
    c.text = text;
    return c;
  });

/** Junk: random text, and random text after a scheme. */
export const junk: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }).map((s) => 'mongodb://' + s),
  fc.string({ unit: 'binary', maxLength: 40 }).map((s) => 'mongodb+srv://' + s),
  fc.array(fc.constantFrom(...'@:/?&=;,[]%#+ ', '%2F', '%40', '%zz', '%C3', 'h', 'u', 'é', '\u0000', '\uD800', 'mongodb://'), { maxLength: 30 }).map((a) => 'mongodb://' + a.join('')),
);

/**
 * `mongodb://` and pieces of connection strings in any order: mostly invalid, often still accepted by
 * mongodb-connection-string-url. Without a raw `+`, `;` or `#` and without trailing spaces (which
 * URLs drop), for the reasons at the top of the file.
 */
export const schemeJunk: fc.Arbitrary<string> = fc
  .array(
    fc.constantFrom(
      ...'@:/?&=,[]%', ' ', '%2F', '%40', '%zz', '%C3', '%C3%A9', '%F0%9F%98%80', '%2B', '%3B', '%23', 'h', 'u', 'é', '€', '1', '27017',
      'mongodb://', 'a.b', 'x.y.z', '"', '<', '^', '|', '`', '{',
    ),
    { maxLength: 24 },
  )
  .map((a) => ('mongodb://' + a.join('')).trimEnd());
