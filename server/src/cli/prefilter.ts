/**
 * A quick test on the bytes of a file that rules out the files in which the analysis cannot find
 * anything, so that most files of a large tree are read and never decoded or parsed. It follows what
 * analyzeDocument runs, and errs on the side of analysing:
 *
 * - Values (extract/). A connection string has a mongodb scheme, or a near miss of one under a URL key
 *   (`DATABASE_URL=mongdb://…`, detect.ts). A key names a connection string or a database only when
 *   its path says "mongo", a collection when its last word is `collection`, an Atlas resource when its
 *   path says "atlas" (keys.ts NAMING_KEY_WORDS). Every rule of a value (names, credentials, …) runs
 *   on such values only.
 * - Plain text (and Terraform) is searched for `mongodb://` and `mongodb+srv://` only; Terraform's
 *   Atlas resources are `mongodbatlas_*`.
 * - Source code (sourceStrings.ts, codeContext.ts) takes values from string literals only: by their
 *   scheme, by the one key they are assigned to, or by the driver call they are passed to; comments are
 *   searched for connection strings. So "mongo" counts in a scheme (`mongodb:`, `mongo:/`) or in a key
 *   followed by a literal, and so do the calls whose first argument is a name: member calls ending in
 *   `db`, `database` or `collection`, mongosh's `use("…")`, `@Document("…")` and Python's subscripts.
 *   The admin command checks (`dropConnections`, `killOp`), the limits of driver calls (createIndex,
 *   aggregate, sort, nesting depth) and of deployments configured in code (replica set configurations,
 *   capped collections, shard keys: limits/clusterLimits.ts, behind its own word test and, for calls
 *   of `initiate(` and `reconfig(`, a bare `rs`) are run as they are, and their answer is taken; the
 *   limits of driver calls only in files that work with MongoDB (lex/mongoEvidence.ts: "mongo",
 *   mongosh's `db.`, `rs.` or `sh.`, a project that uses the driver), as the analysis runs them.
 *   One search for the words of all of them rules most files out first.
 * - Server parameters (serverConfig/): YAML (mongod.conf) and source code that say `setParameter` or
 *   `oplogSizeMB` are analysed.
 * - Markdown reads its fenced code in the fence's language, so it gets every test but the code ones'
 *   structure.
 * - Decoded text: extractors decode escapes (`\x6d`, `\u006d`, `\u{6d}`, `\U0000006d`, `\/`; `\m` in
 *   .properties and shell), join a line that ends in a backslash to the next, and in shell join words
 *   split by quotes (`mon"go"db`). Around those, the words are looked for in a loosely decoded copy.
 *
 * All of this is ASCII, so the bytes are read as latin1: the ASCII characters of a UTF-8 file are where
 * they are in its text, and no multi-byte character holds an ASCII byte. The one thing not followed to
 * the letter: a '…' or "…" string used as a key in source code is read to the end of its line, so a key
 * that runs over lines with the word on an earlier line is not seen (`{"mongo\<line break>uri": …}` is).
 * prefilterDifferential.test.ts holds the test to the analysis on random files.
 */
import { isAscii } from 'node:buffer';
import { analyzeAdminCommands } from '../service/admin/analyzeAdminCommands';
import { NAMING_KEY_WORDS } from '../service/extract/keys';
import { isSourceLanguage } from '../service/extract/codeLanguages';
import { sourceCode } from '../service/lex/sourceCode';
import { isIdentPart } from '../service/lex/identifiers';
import { worksWithMongoDB } from '../service/lex/mongoEvidence';
import { JS_LANGUAGES } from '../service/limits/codeCalls';
import { analyzeCodeLimits } from '../service/limits/codeLimits';
import { analyzeClusterLimits, mayHaveClusterCalls } from '../service/limits/clusterLimits';
import { mayExceedCodeLimits } from '../service/limits/limitPretest';
import { editDistance } from '../service/uri/didYouMean';

/**
 * A collection key: its last word is `collection` (or `collection name`). Words are the runs of letters
 * and digits (keys.ts), so no letter or digit follows.
 */
const COLLECTION_KEY = 'collection(?:[^a-z0-9]*name)?(?![a-z0-9])';

/** The start of a string literal in source code: its quote, after a prefix (`rb"`, `@"`, `$"`) if any. */
const LITERAL = `[A-Za-z@$]{0,3}["'\`]`;

/**
 * What comes between a key in source code and the string literal it names: maybe a `]` or `)`
 * (`env["MONGO_URI"] = "…"`, `getenv("MONGO_URI") or "…"`), maybe a type (`uri?: string = "…"`,
 * `var uri string = "…"`), then an operator (`=`, `:`, `=>`, `||`, `??`, `?:`, Python's `or`, the `,`
 * of `getenv("…", "…")`); codeContext.ts reads keys so.
 */
const TO_LITERAL = `\\s*[\\])]?\\s*(?:[?:\\s]*str(?:ing)?\\s*)?(?:[=:|?,>]|or\\b)+\\s*${LITERAL}`;

/**
 * The rest of a string key after a word in it, to its closing quote: a `'…'` or `"…"` key (to the end of
 * its line) may hold the other quotes and escapes, a `` `…` `` key any line. `chars` are the characters
 * it may hold besides escapes.
 */
const restOfStringKey = (chars: string): string =>
  `(?:(?:[${chars}"\\\\\\n]|\\\\.)*"|(?:[${chars}'\\\\\\n]|\\\\.)*'|(?:[${chars}\`\\\\]|\\\\[\\s\\S])*\`)`;

/**
 * A key in source code holding `word`, and its literal: an identifier (`MONGO_URI = "…"`) or a string
 * key (`"spring.data.mongodb.uri": "…"`).
 */
const keyInCode = (word: string): string => `${word}(?:[\\w$\\x80-\\xff]*|${restOfStringKey('^')})${TO_LITERAL}`;

/** A collection key in source code: after its last word, an identifier has `_` or `$` at most, a string key no letter or digit. */
const COLLECTION_KEY_IN_CODE = `${COLLECTION_KEY}(?:[_$\\x80-\\xff]*|${restOfStringKey('^a-z0-9')})${TO_LITERAL}`;

/** A scheme that holds "mongo" (`mongodb://`, `mongodb+srv://`, near misses such as `mongo://`), in a literal or a comment. */
const MONGO_SCHEME = 'mongo[a-z0-9+.-]*:/';


/**
 * Driver calls whose first argument (a string literal) source code extractors read as a database or
 * collection name: member calls whose name ends in `db`, `database` or `collection` (`client.db(`,
 * `getSiblingDB(`, `GetDatabase<T>(`, `getCollection(`), mongosh's `use(` (not a member call) and
 * Spring's `@Document(`. The annotation is looked for with the words; the calls, a member call or a
 * bare one as their name asks, by hasNameCall (a regular expression for them is many times slower).
 */
const DOCUMENT_ANNOTATION = '@document';
/** Python also reads subscripts: `client["app"]` (a database), `db["orders"]` (a collection). */
const SUBSCRIPTS = [`(?:client|db|database)\\s*\\[\\s*${LITERAL}`];

/**
 * A collection key of a key/value format (JSON, YAML, .env, TOML, .properties, INI, shell): no letter or
 * digit comes between its last word and the `=`, `:`, quote or blank that ends the key
 * (`"application/vnd.collection+json"` is no collection key).
 */
const COLLECTION_KEY_IN_FORMATS = `${COLLECTION_KEY}(?=[^a-z0-9=:"'\\s]*(?:[=:"'\\s]|$))`;

/** The words of naming keys (NAMING_KEY_WORDS) anywhere in a key path, `collection` as its last word. */
const KEY_WORDS = NAMING_KEY_WORDS.map((w) => (w === 'collection' ? COLLECTION_KEY_IN_FORMATS : w));
/** The same in source code, where a key is followed by its literal. */
const KEYS_IN_CODE = NAMING_KEY_WORDS.map((w) => (w === 'collection' ? COLLECTION_KEY_IN_CODE : keyInCode(w)));

const anyCase = (parts: readonly string[]): RegExp => new RegExp(parts.join('|'), 'i');

/**
 * What makes a file worth analysing, by the way its language is read; the calls that take a name first
 * (member and bare) are looked for by hasNameCall, which is much faster than a regular expression, and
 * plain text's `mongodb://` and `mongodb+srv://` by hasMongodbScheme, on its bytes. `gate` holds the
 * words every match of `words` holds: a file without them is not searched with `words`, whose keys are
 * read on to their literal after each word (a minified bundle says `collection` many times).
 */
const TRIGGERS = {
  terraform: { words: /mongodb(?:\+srv)?:\/\/|mongodbatlas_/i, gate: undefined, nameCalls: false },
  /** Keys and values: JSON, YAML, .env, TOML, .properties, INI, shell. */
  keys: { words: anyCase(KEY_WORDS), gate: anyCase(NAMING_KEY_WORDS), nameCalls: false },
  code: { words: anyCase([MONGO_SCHEME, ...KEYS_IN_CODE, DOCUMENT_ANNOTATION]), gate: anyCase([...NAMING_KEY_WORDS, DOCUMENT_ANNOTATION]), nameCalls: true },
  python: { words: anyCase([MONGO_SCHEME, ...KEYS_IN_CODE, DOCUMENT_ANNOTATION, ...SUBSCRIPTS]), gate: undefined, nameCalls: true },
  markdown: { words: anyCase([...KEY_WORDS, DOCUMENT_ANNOTATION, ...SUBSCRIPTS]), gate: undefined, nameCalls: true },
};

type Triggers = (typeof TRIGGERS)[keyof typeof TRIGGERS];

function triggersOf(languageId: string): Triggers {
  switch (languageId) {
    case 'terraform':
      return TRIGGERS.terraform;
    case 'markdown':
      return TRIGGERS.markdown;
    case 'python':
      return TRIGGERS.python;
    default:
      return isSourceLanguage(languageId) ? TRIGGERS.code : TRIGGERS.keys;
  }
}

/**
 * The words the analyzers of whole source files look for first, as they spell them: server parameters
 * (`setParameter`, `oplogSizeMB`), admin commands (`dropConnections`, `killOp`) and deployments
 * configured in code (clusterLimits.ts WORDS). One search for all of them finds that most files hold
 * none (a search for each word costs about as much as this one).
 */
const ANALYZER_WORDS = /setParameter|oplogSizeMB|dropConnections|killOp|initiate|reconfig|replSet|capped|shardCollection/;

/** What the checks of server parameters (mongod.conf, setParameter commands) look for first (two searches beat an alternation). */
const mentionsServerParameters = (text: string): boolean => text.includes('setParameter') || text.includes('oplogSizeMB');

/**
 * What a problem of analyzeClusterLimits needs besides a call of `rs.initiate(` or `rs.reconfig(`: a
 * replSetInitiate or replSetReconfig command, a `capped` option, a shardCollection (unique indexes are
 * checked against sharded collections only). Names of commands and options may be string keys and
 * literals, read with their escapes.
 */
const CLUSTER_NAMES = /replSet(?:Initiate|Reconfig)|capped|shardCollection/;
/** The identifier `rs` (at least: the text holds it as a word). */
const RS = /\brs\b/;
/** A `\` and the character it escapes (a line feed: none, `$1` is empty then). */
const ESCAPED = /\\(?:\n|([\s\S]))/g;

/**
 * False when analyzeClusterLimits surely finds no problem: beyond its own word test, the replica set
 * configurations it reads are passed to `rs.initiate(` and `rs.reconfig(` with a bare `rs` (a call of
 * `initiate(` on anything else is common, `signIn.initiate(request)`), unless a command names them.
 */
export function mayHaveClusterProblems(text: string): boolean {
  if (!mayHaveClusterCalls(text)) return false;
  if (RS.test(text) || CLUSTER_NAMES.test(text)) return true;
  // A string reads `\` and the character after it as that character (`"c\apped"`), or as a control
  // character that no name holds, and drops `\` before a line feed (lex/codeScanner.ts).
  return text.includes('\\') && CLUSTER_NAMES.test(text.replace(ESCAPED, '$1'));
}

/** Languages read as plain text: nothing in them is decoded, and no key is read. */
function readsKeys(languageId: string): boolean {
  return languageId !== 'plaintext' && languageId !== 'terraform';
}

/** Languages whose driver calls have their limits checked (limits/codeLimits.ts). */
function checksLimits(languageId: string): boolean {
  return languageId === 'python' || JS_LANGUAGES.has(languageId);
}

/**
 * Languages whose extractors decode `\` before any character to the character (shell outside double
 * quotes, .properties; Markdown for its fenced blocks), and those that join words split by quotes
 * (`mon"go"db` in shell): their files are decoded whole.
 */
const IDENTITY_ESCAPES: ReadonlySet<string> = new Set(['shellscript', 'properties', 'markdown']);
const QUOTED_WORDS: ReadonlySet<string> = new Set(['shellscript', 'markdown']);

/**
 * Escapes that decode to a printable ASCII character (all that is looked for is ASCII), and backslashes
 * that continue a line: extractors decode `\x41` (YAML, code), `\u0041` (JSON, YAML, TOML, .properties,
 * code), `\u{41}` (JavaScript, PHP, Ruby), `\U00000041` (YAML, TOML, Python, Go), `\/` (JSON, YAML,
 * code: `mongodb:\/\/host`), and join a line that ends in a backslash to the next (.env, .properties,
 * YAML, TOML, code). Other escapes of code and JSON decode to characters that nothing looked for holds.
 */
const ASCII_ESCAPE = /\\(?:x[2-7][0-9A-Fa-f]|u00[2-7][0-9A-Fa-f]|u\{0*[2-7][0-9A-Fa-f]\}|U000000[2-7][0-9A-Fa-f]|\/|[ \t\f]*(?:\r\n?|\n)[ \t\f\r\n]*)/g;

/** Escapes and continuations as the extractors decode them, each way any of them does. */
const LOOSE_ESCAPE = /\\(?:x([0-9A-Fa-f]{2})|u\{([0-9A-Fa-f]{1,8})\}|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|[ \t\f]*(?:\r\n?|\n)[ \t\f\r\n]*|([\s\S]))/g;

function decodeEscape(match: string, x?: string, braced?: string, u?: string, big?: string, other?: string): string {
  const hex = x ?? braced ?? u ?? big;
  if (hex !== undefined) {
    const cp = parseInt(hex, 16);
    return cp <= 0x10ffff ? String.fromCodePoint(cp) : match;
  }
  return other ?? '';
}

/** The text with escapes decoded, continued lines joined and (`quotes`) quotes inside words removed. */
export function looseDecode(text: string, quotes: boolean): string {
  const decoded = text.indexOf('\\') >= 0 ? text.replace(LOOSE_ESCAPE, decodeEscape) : text;
  return quotes ? decoded.replace(/\$?['"]/g, '') : decoded;
}

/** The naming words (in decoded text the structure around them is not looked at). */
const LOOSE_WORDS = anyCase(KEY_WORDS);

function mayNameLoosely(decoded: string): boolean {
  return LOOSE_WORDS.test(decoded) || hasNearMissScheme(decoded);
}

/**
 * Raw characters around an escape that a word or a scheme holding it can span: a scheme is at most 32
 * characters (and `:/`), each of which may be an escape of up to 10.
 */
const ESCAPE_REACH = 360;

/**
 * Whether the decoded text may name something that the raw text does not: it is decoded whole where
 * the language decodes any escape or joins quoted words, else around each escape of an ASCII
 * character and each continued line.
 */
function mayNameWhenDecoded(text: string, bytes: Uint8Array, languageId: string): boolean {
  if (QUOTED_WORDS.has(languageId) || (IDENTITY_ESCAPES.has(languageId) && bytes.indexOf(0x5c) >= 0)) {
    return mayNameLoosely(looseDecode(text, QUOTED_WORDS.has(languageId)));
  }
  if (bytes.indexOf(0x5c) < 0) return false;
  let from = -1;
  let to = -1;
  ASCII_ESCAPE.lastIndex = 0;
  for (let m = ASCII_ESCAPE.exec(text); m; m = ASCII_ESCAPE.exec(text)) {
    const a = Math.max(0, m.index - ESCAPE_REACH);
    const b = Math.min(text.length, m.index + m[0].length + ESCAPE_REACH);
    if (a <= to) {
      to = b;
      continue;
    }
    if (to >= 0 && mayNameLoosely(looseDecode(text.slice(from, to), false))) return true;
    from = a;
    to = b;
  }
  return to >= 0 && mayNameLoosely(looseDecode(text.slice(from, to), false));
}

function isSchemeChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e;
}

function isLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

/** Letters of "mongodb": a near miss keeps at least five of them. */
function isMongodbLetter(c: number): boolean {
  const l = c | 0x20;
  return l === 0x6d || l === 0x6f || l === 0x6e || l === 0x67 || l === 0x64 || l === 0x62;
}

/** A scheme as detect.ts takes it for a misspelt mongodb or mongodb+srv. */
function isNearMiss(scheme: string): boolean {
  const lower = scheme.toLowerCase();
  return lower.includes('mongo') || editDistance(lower.replace(/[+-]?srv$/, ''), 'mongodb', 2) <= 2;
}

/**
 * True when a URL scheme in the text (`name:/`) may be a near miss of mongodb: detect.ts takes a value
 * under a URL key (`DATABASE_URL=mongdb://…`) for a connection string when its scheme is one. The value
 * may start anywhere in the run of scheme characters before the `:`, so every start is tried.
 */
export function hasNearMissScheme(text: string): boolean {
  for (let colon = text.indexOf(':/'); colon >= 0; colon = text.indexOf(':/', colon + 2)) {
    let from = colon;
    // A scheme is at most 32 characters; a near miss (with `+srv`) at most 13.
    while (from > 0 && colon - from < 32 && isSchemeChar(text.charCodeAt(from - 1))) from--;
    if (colon - from < 5) continue;
    let letters = 0;
    for (let k = Math.max(from, colon - 13); k < colon; k++) if (isMongodbLetter(text.charCodeAt(k))) letters++;
    if (letters < 5) continue;
    for (let k = Math.max(from, colon - 13); k <= colon - 5; k++) {
      if (isLetter(text.charCodeAt(k)) && isNearMiss(text.slice(k, colon))) return true;
    }
  }
  return false;
}

/** Where the identifier that holds text[at] starts. */
function identifierStart(text: string, at: number): number {
  let k = at;
  while (k > 0 && isIdentPart(text.charCodeAt(k - 1))) k--;
  return k;
}

/** Whether the identifier starting at `start` follows a `.` or `->` (codeContext.ts: a member call). */
function isMember(text: string, start: number): boolean {
  const c = text.charCodeAt(start - 1);
  return c === 0x2e || (c === 0x3e && text.charCodeAt(start - 2) === 0x2d);
}

/** A character of `\s` (beyond latin1, as the regular expression says). */
function isSpace(c: number): boolean {
  return c <= 0xff ? c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 : /\s/.test(String.fromCharCode(c));
}

/** A character of a string literal's prefix (LITERAL: `rb"`, `@"`, `$"`). */
function isPrefixChar(c: number): boolean {
  return isLetter(c) || c === 0x40 || c === 0x24;
}

/**
 * Whether blanks, at most three prefix characters and a quote follow the `(` at `open`: where a name
 * call's first argument may be a string literal (`\(\s*` and LITERAL). Read by hand from each `(`,
 * which indexOf finds several times faster than a regular expression finds the whole.
 */
function literalFollows(text: string, open: number): boolean {
  let k = open + 1;
  while (k < text.length && isSpace(text.charCodeAt(k))) k++;
  for (let prefix = 0; ; prefix++) {
    const c = text.charCodeAt(k + prefix);
    if (c === 0x22 || c === 0x27 || c === 0x60) return true;
    if (prefix === 3 || !isPrefixChar(c)) return false;
  }
}

/** The names of member calls that take a name first (their name ends in one of these). */
const MEMBER_NAMES = ['db', 'database', 'collection'];

/** Whether the ASCII word `word` (lower case) ends at `end`, in any letter case. */
function endsWithAnyCase(text: string, end: number, word: string): boolean {
  if (end < word.length) return false;
  for (let k = 0; k < word.length; k++) if ((text.charCodeAt(end - word.length + k) | 0x20) !== word.charCodeAt(k)) return false;
  return true;
}

/** Whether the name of a name call ends at `end`: a member call's (`.` or `->` before it), or a bare `use`. */
function nameCallEndsAt(text: string, end: number): boolean {
  for (const name of MEMBER_NAMES) {
    if (endsWithAnyCase(text, end, name) && isMember(text, identifierStart(text, end - name.length))) return true;
  }
  const start = end - 3;
  return endsWithAnyCase(text, end, 'use') && identifierStart(text, start) === start && !isMember(text, start);
}

/**
 * Whether the text has a name call: a member call whose name ends in `db`, `database` or `collection`
 * (any letter case), or a bare `use`, then blanks, maybe type arguments (`<…>`: at most 128 characters
 * of one line) and blanks, then `(` and a string literal. Each `(` before a string literal is looked
 * back from to the name.
 */
export function hasNameCall(text: string): boolean {
  for (let open = text.indexOf('('); open >= 0; open = text.indexOf('(', open + 1)) {
    if (!literalFollows(text, open)) continue;
    let k = open;
    while (k > 0 && isSpace(text.charCodeAt(k - 1))) k--;
    if (text.charCodeAt(k - 1) !== 0x3e) {
      if (nameCallEndsAt(text, k)) return true;
      continue;
    }
    const gt = k - 1;
    for (let lt = gt - 1; lt >= 0 && gt - lt - 1 <= 128; lt--) {
      const c = text.charCodeAt(lt);
      if (c === 0x0a) break;
      if (c !== 0x3c) continue;
      let e = lt;
      while (e > 0 && isSpace(text.charCodeAt(e - 1))) e--;
      if (nameCallEndsAt(text, e)) return true;
    }
  }
  return false;
}

const SCHEME_END = Buffer.from('://');

/** Whether the ASCII word `word` (lower case) ends at byte `end`, in any letter case. */
function bytesEndWithAnyCase(bytes: Uint8Array, end: number, word: string): boolean {
  if (end < word.length) return false;
  for (let k = 0; k < word.length; k++) {
    const c = bytes[end - word.length + k]!;
    const w = word.charCodeAt(k);
    if (c !== w && !(w >= 0x61 && w <= 0x7a && c === w - 0x20)) return false;
  }
  return true;
}

/**
 * Whether the bytes hold `mongodb://` or `mongodb+srv://` in any letter case, looked for from each
 * `://`: plain text is ruled out without being read as a string.
 */
export function hasMongodbScheme(bytes: Buffer): boolean {
  for (let at = bytes.indexOf(SCHEME_END); at >= 0; at = bytes.indexOf(SCHEME_END, at + 1)) {
    if (bytesEndWithAnyCase(bytes, at, 'mongodb') || bytesEndWithAnyCase(bytes, at, 'mongodb+srv')) return true;
  }
  return false;
}

/**
 * False when analysing the file cannot give a problem. `bytes` is the file without its byte order
 * mark; `languageId` the language the analysis reads it as; `text()` its text (decoded when asked);
 * `driverProject()` whether its project uses MongoDB (Settings.nodeProject or pythonProject; asked only
 * when it matters).
 */
export function mayHaveProblems(bytes: Buffer, languageId: string, text: () => string, driverProject: () => boolean = () => false): boolean {
  if (languageId === 'plaintext') return hasMongodbScheme(bytes);
  const latin1 = bytes.toString('latin1');
  const triggers = triggersOf(languageId);
  if ((triggers.gate === undefined || triggers.gate.test(latin1)) && triggers.words.test(latin1)) return true;
  if (triggers.nameCalls && hasNameCall(latin1)) return true;
  const limitsChecked = checksLimits(languageId);
  const analyzerWords = limitsChecked && ANALYZER_WORDS.test(latin1);
  if ((languageId === 'yaml' || analyzerWords) && mentionsServerParameters(latin1)) return true;
  if (readsKeys(languageId) && (hasNearMissScheme(latin1) || mayNameWhenDecoded(latin1, bytes, languageId))) return true;
  if (!limitsChecked) return false;
  // The analyzers of whole source files, on the exact text (the latin1 reading is it when all is ASCII).
  // One token stream for both, as in an analysis; the limits are tokenized for only when their pretest
  // cannot rule them out.
  const admin = analyzerWords && JS_LANGUAGES.has(languageId) && (latin1.includes('dropConnections') || latin1.includes('killOp'));
  const exact = isAscii(bytes) ? latin1 : text();
  // The limits of driver calls are checked in files that work with MongoDB (the latin1 reading answers as
  // the text), asked once a call is found: few files have one, and the answer may read a project's manifest.
  const limits = mayExceedCodeLimits(exact, languageId, () => worksWithMongoDB(latin1, languageId, driverProject));
  const cluster = analyzerWords && mayHaveClusterProblems(exact);
  if (!admin && !limits && !cluster) return false;
  const code = sourceCode(exact, languageId, '', undefined, limits);
  if (admin && analyzeAdminCommands(code).problems.length > 0) return true;
  if (cluster && analyzeClusterLimits(code).problems.length > 0) return true;
  return limits && analyzeCodeLimits(code).problems.length > 0;
}
