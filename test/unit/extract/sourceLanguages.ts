/**
 * Writing program source with known values in it (sourceProperty.test.ts, encodeProperty.test.ts): in
 * each language, where a literal is the value of a key or the argument of a driver call, comments,
 * heredocs and sentences that mention connection strings, and filler code that holds nothing. How
 * literals are written: sourceLiterals.ts.
 */
import fc from 'fast-check';
import { connectionValue, mentionToken, nameValue } from '../fuzz/arbitraries';
import { CSHARP_FORMS, Form, GO_FORMS, JAVA_FORMS, JS_FORMS, KOTLIN_FORMS, PHP_FORMS, PYTHON_FORMS, RUBY_FORMS, Spelled } from './sourceLiterals';
import { ALL_STYLES, DocWriter, IDENTIFIER_STYLES, keyIn, KeyWords, mongoKey, Pick } from './sourceWriting';

const K = '⟨K⟩';
const V = '⟨V⟩';
const M = '⟨M⟩';

export interface Language {
  ids: string[];
  forms: Form[];
  /** Code around a literal (V) that is the value of the identifier K. */
  keyed: string[];
  /** Code around a literal (V) that is the value of the string K (a quoted key, the first argument of a lookup). */
  quotedKeyed: string[];
  /** Driver calls, and the kind of name their argument is. */
  calls: Array<[string, 'database' | 'collection']>;
  /** Comments and heredocs that mention a connection string (M). */
  mentions: string[];
  /** Calls whose argument (V) is a sentence that mentions a connection string. */
  sentences: string[];
  /** Code that holds nothing. */
  filler: string[];
}

const SLASH_COMMENTS = [`// see ${M}`, `/* ${M} */`, `/**\n * Primary: ${M}\n */`, `x = 1; // ${M}`];

export const LANGUAGES: Language[] = [
  {
    ids: ['javascript', 'typescript', 'javascriptreact', 'typescriptreact'],
    forms: JS_FORMS,
    keyed: [`const ${K} = ${V};`, `let ${K} = ${V}`, `export const ${K} = ${V};`, `const config = {\n  ${K}: ${V},\n};`, `process.env.${K} ?? ${V};`, `const u = process.env.${K} || ${V};`, `this.${K} = ${V};`, `let ${K}: string = ${V};`],
    quotedKeyed: [`const c = { "${K}": ${V} };`, `module.exports = { '${K}': ${V} };`],
    calls: [[`client.db(${V})`, 'database'], [`use(${V});`, 'database'], [`db.getSiblingDB(${V}).stats()`, 'database'], [`mongoose.connection.useDb(${V});`, 'database'], [`db.collection(${V})`, 'collection'], [`db.getCollection(${V}).find({});`, 'collection'], [`await db.createCollection(${V});`, 'collection']],
    mentions: SLASH_COMMENTS,
    sentences: [`console.log(${V});`, `throw new Error(${V});`],
    filler: [
      '// a comment', '/* a "block" comment */', 'const re = /"[^"]*"/g;', "const s = 'it\\'s';", 'const half = total / 2;', 'const t = `hello ${name}!`;',
      'function f(a, b) {\n  return a / b;\n}', 'const MONGO_URI = base + "mongodb://" + host;', 'app.use("/api", router);', 'const API_URL = "https://api.example.com";',
      "const label = 'mongo-less';", '', 'if (x) { y(); }', 'const x = a ? "b" : "c";', 'const r = x.replace(/\'/g, "`");', "import { MongoClient } from 'mongodb';",
    ],
  },
  {
    ids: ['python'],
    forms: PYTHON_FORMS,
    keyed: [`${K} = ${V}`, `${K}: str = ${V}`, `self.${K} = ${V}`, `settings = Settings(${K}=${V})`],
    quotedKeyed: [`os.getenv("${K}", ${V})`, `os.environ.get('${K}', ${V})`, `x = os.environ.get("${K}") or ${V}`, `config = {"${K}": ${V}}`, `config["${K}"] = ${V}`],
    calls: [[`client.get_database(${V})`, 'database'], [`db = client[${V}]`, 'database'], [`mongo_client[${V}].list_collection_names()`, 'database'], [`db.get_collection(${V})`, 'collection'], [`orders = db[${V}]`, 'collection'], [`app_db[${V}].find_one()`, 'collection']],
    mentions: [`# see ${M}`, `x = 1  # ${M}`],
    sentences: [`print(${V})`, `logger.info(${V})`],
    filler: [
      '# a comment', 'def f(x):\n    return x / 2', 'name = f"{first} {last}"', "s = 'it\\'s'", 'API_URL = "https://api"', 'MONGO_URI = base + "mongodb://" + host',
      'pattern = r"\\d+"', 'x = {"a": 1}', 'import os', '', 'class A:\n    pass', "label = 'mongo-less'", 'raw = rb"\\x00"', '"""An attribute docstring."""',
    ],
  },
  {
    ids: ['go'],
    forms: GO_FORMS,
    keyed: [`var ${K} = ${V}`, `var ${K} string = ${V}`, `const ${K} = ${V}`, `${K} := ${V}`, `cfg := Config{\n\t${K}: ${V},\n}`],
    quotedKeyed: [`m := map[string]string{"${K}": ${V}}`],
    calls: [[`client.Database(${V})`, 'database'], [`db.Collection(${V})`, 'collection']],
    mentions: SLASH_COMMENTS,
    sentences: [`log.Print(${V})`],
    filler: ['// a comment', 'package main', 'import "fmt"', "q := '\"'", 'x := a / b', 'fmt.Println("hi")', 'var apiURL = "https://api"', 'uri := base + "mongodb://" + host', "r := '\\''", ''],
  },
  {
    ids: ['java'],
    forms: JAVA_FORMS,
    keyed: [`String ${K} = ${V};`, `private static final String ${K} = ${V};`, `var ${K} = ${V};`],
    quotedKeyed: [`System.getProperty("${K}", ${V});`],
    calls: [[`client.getDatabase(${V})`, 'database'], [`db.getCollection(${V})`, 'collection'], [`@Document(${V})`, 'collection']],
    mentions: SLASH_COMMENTS,
    sentences: [`System.out.println(${V});`],
    filler: ['// a comment', "char q = '\"';", 'int half = total / 2;', 'String s = "it\\"s";', 'import java.util.List;', 'String MONGO_URI = base + "mongodb://" + host;', '@Override', "char t = '\\'';", ''],
  },
  {
    ids: ['kotlin'],
    forms: KOTLIN_FORMS,
    keyed: [`val ${K} = ${V}`, `val ${K}: String = ${V}`, `const val ${K} = ${V}`, `var ${K} = ${V}`],
    quotedKeyed: [`val u = System.getenv("${K}") ?: ${V}`],
    calls: [[`client.getDatabase(${V})`, 'database'], [`database.getCollection(${V})`, 'collection']],
    mentions: SLASH_COMMENTS,
    sentences: [`println(${V})`],
    filler: ['// a comment', "val c = '\"'", 'val t = "hello $name"', 'val s = """raw "text" here"""', 'fun f() = 1', 'val h = total / 2', ''],
  },
  {
    ids: ['csharp'],
    forms: CSHARP_FORMS,
    keyed: [`var ${K} = ${V};`, `string ${K} = ${V};`, `const string ${K} = ${V};`, `new Settings { ${K} = ${V} };`],
    quotedKeyed: [`var u = Environment.GetEnvironmentVariable("${K}") ?? ${V};`],
    calls: [[`client.GetDatabase(${V})`, 'database'], [`db.GetCollection<BsonDocument>(${V})`, 'collection']],
    mentions: SLASH_COMMENTS,
    sentences: [`Console.WriteLine(${V});`],
    filler: ['// a comment', "char q = '\"';", 'var v = @"C:\\dir\\";', 'var s = $"{a} and {b}";', 'using System;', 'var half = total / 2;', 'var r = """\n    raw "text"\n    """;', ''],
  },
  {
    ids: ['ruby'],
    forms: RUBY_FORMS,
    keyed: [`${K} = ${V}`, `@${K} = ${V}`, `config = { ${K}: ${V} }`],
    quotedKeyed: [`ENV.fetch('${K}', ${V})`, `u = ENV['${K}'] || ${V}`, `{ '${K}' => ${V} }`, `{ "${K}" => ${V} }`],
    calls: [[`db.collection(${V})`, 'collection']],
    mentions: [`# see ${M}`, `=begin\n${M}\n=end`, `text = <<~EOS\n  see ${M}\nEOS`, `text = <<-EOS\n  see ${M}\n  EOS`],
    sentences: [`puts ${V}`],
    filler: ['# a comment', 'half = total / 2', 're = /"[^"]*"/', "s = 'it\\'s'", 'name = "#{first} #{last}"', '=begin\nblock "comment\n=end', 'text = <<~EOS\n  it\'s "here"\nEOS', 'puts :symbol', ''],
  },
  {
    ids: ['php'],
    forms: PHP_FORMS,
    keyed: [`$${K} = ${V};`, `const ${K} = ${V};`],
    quotedKeyed: [`$c = ['${K}' => ${V}];`, `$u = getenv('${K}') ?: ${V};`, `$c = ["${K}" => ${V}];`],
    calls: [[`$client->selectDatabase(${V})`, 'database'], [`$db->selectCollection(${V})`, 'collection']],
    mentions: [...SLASH_COMMENTS, `# ${M}`, `$t = <<<EOT\nsee ${M}\nEOT;`, `$t = <<<'EOT'\n  see ${M}\n  EOT;`],
    sentences: [`echo ${V};`],
    filler: ['<?php', '// a comment', '# a comment', '#[Attribute]', "$s = 'it\\'s';", '$t = "Hello {$name}";', '$x = $a . "b";', '$h = <<<EOT\nit\'s "here"\nEOT;', '/* block */', ''],
  },
];

/** Writes the value as one of the forms that can hold it (tried from a random one on). */
function spelled(lang: Language, value: string, pick: Pick, rawAt: (index: number) => boolean = () => false): Spelled {
  const n = lang.forms.length;
  const first = pick.of(n);
  for (let k = 0; k < n; k++) {
    const s = lang.forms[(first + k) % n].write(value, pick, rawAt);
    if (s) return s;
  }
  throw new Error(`no form holds ${JSON.stringify(value)}`);
}

/** Writes a literal and records its value. */
function writeLiteral(w: DocWriter, s: Spelled, kind: string, key?: string): void {
  w.code(s.open).begin().segments(s.body).end(kind, s.syntax, key).code(s.close);
}

/** Writes `template` with the literal at V (K already replaced). */
function around(w: DocWriter, template: string, literal: () => void): void {
  const [before, after] = template.split(V);
  w.code(before);
  literal();
  w.code(after);
}

export interface Entry {
  key: KeyWords;
  uriValue: string;
  nameValue: string;
  how: number;
}

export const entry: fc.Arbitrary<Entry> = fc.record({
  key: mongoKey(),
  uriValue: connectionValue({ lineBreaks: true, controls: true }),
  nameValue: nameValue({ lineBreaks: true }),
  how: fc.nat(),
});

export type Item = { filler: number } | { entry: Entry } | { call: string; which: number } | { mention: string; which: number };

export const item: fc.Arbitrary<Item> = fc.oneof(
  { weight: 3, arbitrary: fc.nat().map((filler) => ({ filler })) },
  { weight: 4, arbitrary: entry.map((e) => ({ entry: e })) },
  { weight: 1, arbitrary: fc.tuple(nameValue(), fc.nat()).map(([call, which]) => ({ call, which })) },
  { weight: 1, arbitrary: fc.tuple(mentionToken, fc.nat()).map(([mention, which]) => ({ mention, which })) },
);

export function writeEntry(w: DocWriter, lang: Language, e: Entry, pick: Pick): void {
  const value = e.key.kind === 'uri' ? e.uriValue : e.nameValue;
  const quoted = e.how % 3 === 2;
  const templates = quoted ? lang.quotedKeyed : lang.keyed;
  const key = keyIn(e.key, pick.one(quoted ? ALL_STYLES : IDENTIFIER_STYLES));
  const s = spelled(lang, value, pick);
  around(w, templates[e.how % templates.length].replace(K, key), () => writeLiteral(w, s, e.key.kind, key));
}

/** A sentence that mentions a connection string, as a literal: "mongo" written as it is (else the extractor does not look). */
function writeSentence(w: DocWriter, lang: Language, token: string, which: number, pick: Pick): void {
  const before = 'Connect to ';
  const text = before + token + ' now';
  const from = [...before].length;
  const s = spelled(lang, text, pick, (k) => k >= from && k < from + 5);
  around(w, lang.sentences[which % lang.sentences.length], () => {
    w.code(s.open);
    // The body's segments before the mention, the mention, the rest.
    let decoded = 0;
    let state = 0;
    // Text written as it is, one character at a time (to find where the mention starts and ends).
    const segments = s.body.flatMap(([src, d]) => (src === d ? [...src].map((c): [string, string] => [c, c]) : [[src, d] as [string, string]]));
    for (const [src, d] of segments) {
      if (state === 0 && decoded === before.length && d !== '') {
        w.begin();
        state = 1;
      }
      // The mention ends where the next character's source starts (after a line continuation between them).
      if (state === 1 && decoded === before.length + token.length && d !== '') {
        w.end('uri', s.syntax);
        state = 2;
      }
      if (state === 1) w.segments([[src, d]]);
      else w.code(src);
      decoded += d.length;
    }
    if (state === 1) w.end('uri', s.syntax);
    w.code(s.close);
  });
}

export function writeDocument(lang: Language, items: readonly Item[], pick: Pick): DocWriter {
  const w = new DocWriter();
  items.forEach((it, n) => {
    if (n > 0) w.code('\n');
    if ('filler' in it) w.code(lang.filler[it.filler % lang.filler.length]);
    else if ('entry' in it) writeEntry(w, lang, it.entry, pick);
    else if ('call' in it) {
      const [template, kind] = lang.calls[it.which % lang.calls.length];
      const s = spelled(lang, it.call, pick);
      around(w, template, () => writeLiteral(w, s, kind));
    } else if (it.which % 3 === 2) writeSentence(w, lang, it.mention, it.which, pick);
    else {
      const [before, after] = lang.mentions[it.which % lang.mentions.length].split(M);
      w.code(before).begin().raw(it.mention).end('uri', 'raw').code(after);
    }
  });
  if (pick.sometimes(2)) w.code('\n');
  return w;
}

/** A language, by the first of its ids (so that a counterexample reads well). */
export const languageId = fc.constantFrom(...LANGUAGES.map((l) => l.ids[0]));
export const languageOf = (id: string) => LANGUAGES.find((l) => l.ids[0] === id)!;

