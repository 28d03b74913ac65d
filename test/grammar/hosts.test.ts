/**
 * The connection-string grammar injected into every host language: the same URI gets the same
 * scopes in each, and sits inside the host's own string scope. Runs against VS Code's built-in
 * grammars when a code-server install is present, else against the fixtures.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { codeServerExtensionsDir, fixtureScopes, hostGrammarSource, manifest, tokenize, uriTokens } from './tokenizer';

const URI = 'mongodb://app:s%40cret@db1.example.net:27017,db2.example.net:27018/sales?replicaSet=rs0&fooBar=1';

/** What our grammar adds, token by token, wherever the URI is. */
const EXPECTED: [string, string][] = [
  ['mongodb', 'keyword.other.scheme'],
  ['://', 'punctuation.separator.scheme'],
  ['app', 'variable.other.username'],
  [':', 'punctuation.separator.password'],
  ['s', 'string.other.password'],
  ['%40', 'string.other.password constant.character.escape.percent'],
  ['cret', 'string.other.password'],
  ['@', 'punctuation.separator.userinfo'],
  ['db1.example.net', 'entity.name.function.host'],
  [':', 'punctuation.separator.port'],
  ['27017', 'constant.numeric.port'],
  [',', 'punctuation.separator.host'],
  ['db2.example.net', 'entity.name.function.host'],
  [':', 'punctuation.separator.port'],
  ['27018', 'constant.numeric.port'],
  ['/', 'punctuation.separator.path'],
  ['sales', 'entity.name.namespace.database'],
  ['?', 'punctuation.separator.query'],
  ['replicaSet', 'support.type.property-name.option'],
  ['=', 'keyword.operator.assignment'],
  ['rs0', 'string.unquoted.option-value'],
  ['&', 'punctuation.separator.option'],
  ['fooBar', 'variable.other.option.unknown'],
  ['=', 'keyword.operator.assignment'],
  ['1', 'string.unquoted.option-value constant.numeric'],
];

interface HostCase {
  name: string;
  scope: string;
  text: string;
  /** A scope of the host that must enclose the URI (prefix match), or undefined for none. */
  hostScope: string | undefined;
}

const u = URI;
const cases: HostCase[] = [
  { name: 'dotenv unquoted', scope: 'source.dotenv', text: `MONGODB_URI=${u} # primary`, hostScope: 'string.unquoted.dotenv' },
  { name: 'dotenv export, double quotes', scope: 'source.dotenv', text: `export MONGODB_URI="${u}"`, hostScope: 'string.quoted.double.dotenv' },
  { name: 'dotenv single quotes', scope: 'source.dotenv', text: `MONGODB_URI='${u}'`, hostScope: 'string.quoted.single.dotenv' },
  { name: 'dotenv (older source.env grammar)', scope: 'source.env', text: `MONGODB_URI=${u}`, hostScope: undefined },
  { name: 'JSON', scope: 'source.json', text: `{ "uri": "${u}" }`, hostScope: 'string.quoted.double.json' },
  { name: 'JSON with comments', scope: 'source.json.comments', text: `{ "uri": "${u}" // primary\n}`, hostScope: 'string.quoted.double.json.comments' },
  { name: 'YAML plain scalar', scope: 'source.yaml', text: `uri: ${u}`, hostScope: 'string.unquoted.plain.out.yaml' },
  { name: 'YAML double quotes', scope: 'source.yaml', text: `uri: "${u}"`, hostScope: 'string.quoted.double.yaml' },
  { name: 'YAML single quotes in a list', scope: 'source.yaml', text: `- '${u}'`, hostScope: 'string.quoted.single.yaml' },
  { name: 'INI / properties value', scope: 'source.ini', text: `spring.data.mongodb.uri=${u}`, hostScope: undefined },
  { name: 'INI quoted value', scope: 'source.ini', text: `uri = "${u}"`, hostScope: 'string.quoted.double.ini' },
  { name: 'TOML basic string', scope: 'source.toml', text: `uri = "${u}"`, hostScope: 'string.quoted.single.basic.line.toml' },
  { name: 'TOML literal string', scope: 'source.toml', text: `uri = '${u}'`, hostScope: 'string.quoted.single.literal.line.toml' },
  { name: 'JavaScript single quotes', scope: 'source.js', text: `const uri = '${u}';`, hostScope: 'string.quoted.single.js' },
  { name: 'JavaScript template', scope: 'source.js', text: `const uri = \`${u}\`;`, hostScope: 'string.template.js' },
  { name: 'JavaScript React', scope: 'source.js.jsx', text: `const uri = "${u}";`, hostScope: 'string.quoted.double.js.jsx' },
  { name: 'TypeScript double quotes', scope: 'source.ts', text: `const uri: string = "${u}";`, hostScope: 'string.quoted.double.ts' },
  { name: 'TypeScript template', scope: 'source.ts', text: `const uri = \`${u}\`;`, hostScope: 'string.template.ts' },
  { name: 'TypeScript React', scope: 'source.tsx', text: `const uri = '${u}';`, hostScope: 'string.quoted.single.tsx' },
  { name: 'MongoDB playground (*.mongodb)', scope: 'source.mongodb', text: `const uri = '${u}';`, hostScope: 'string.quoted.single' },
  { name: 'Python', scope: 'source.python', text: `uri = "${u}"`, hostScope: 'string.quoted.single.python' },
  { name: 'Python raw string', scope: 'source.python', text: `uri = r'${u}'`, hostScope: 'string' },
  { name: 'Python f-string', scope: 'source.python', text: `uri = f"${u}"`, hostScope: 'meta.fstring.python' },
  { name: 'Go', scope: 'source.go', text: `uri := "${u}"`, hostScope: 'string.quoted.double.go' },
  { name: 'Go raw string', scope: 'source.go', text: `uri := \`${u}\``, hostScope: 'string.quoted.raw.go' },
  { name: 'Java', scope: 'source.java', text: `String uri = "${u}";`, hostScope: 'string.quoted.double.java' },
  { name: 'Java text block', scope: 'source.java', text: `String uri = """\n${u}\n""";`, hostScope: 'string.quoted.triple.java' },
  { name: 'C#', scope: 'source.cs', text: `var uri = "${u}";`, hostScope: 'string.quoted.double.cs' },
  { name: 'C# verbatim', scope: 'source.cs', text: `var uri = @"${u}";`, hostScope: 'string.quoted.double.cs' },
  { name: 'Ruby', scope: 'source.ruby', text: `uri = '${u}'`, hostScope: 'string.quoted.single.ruby' },
  { name: 'PHP', scope: 'text.html.php', text: `<?php $uri = "${u}"; ?>`, hostScope: 'string.quoted.double.php' },
  { name: 'shell assignment', scope: 'source.shell', text: `export MONGODB_URI=${u}`, hostScope: undefined },
  { name: 'shell double quotes', scope: 'source.shell', text: `mongosh "${u}"`, hostScope: 'string.quoted.double.shell' },
  { name: 'shell single quotes', scope: 'source.shell', text: `mongosh '${u}'`, hostScope: 'string.quoted.single.shell' },
  { name: 'Markdown code span', scope: 'text.html.markdown', text: `Connect with \`${u}\` first.`, hostScope: 'markup.inline.raw.string.markdown' },
  { name: 'Markdown fenced block', scope: 'text.html.markdown', text: `\`\`\`\n${u}\n\`\`\``, hostScope: 'markup.fenced_code.block.markdown' },
  { name: 'Markdown paragraph', scope: 'text.html.markdown', text: `Connect with ${u} first.`, hostScope: 'meta.paragraph.markdown' },
  { name: 'plain text', scope: 'text.plain', text: `uri: ${u} (primary)`, hostScope: undefined },
];

function hasScope(scopes: string[], prefix: string): boolean {
  return scopes.some((s) => s === prefix || s.startsWith(`${prefix}.`));
}

test('host grammars: every host the grammar is injected into has a case, and a grammar without code-server too', async (t) => {
  const dir = codeServerExtensionsDir();
  t.diagnostic(dir ? `VS Code's built-in grammars from ${dir}` : 'fixtures (no code-server install found)');
  const grammars: { scopeName: string; injectTo?: string[] }[] = manifest.contributes.grammars;
  const injectTo = grammars.find((g) => g.scopeName === 'mongodb-uri.injection')?.injectTo;
  assert.ok(injectTo, 'mongodb-uri.injection is contributed with injectTo');
  const hosts = [...new Set(cases.map((c) => c.scope))];
  assert.deepEqual(hosts.sort(), [...injectTo].sort(), 'the cases cover exactly the hosts of injectTo');
  // Our own grammars or the fixtures stand in for every host, so the cases run where VS Code is not installed.
  const standIns = new Set([...grammars.map((g) => g.scopeName), ...fixtureScopes()]);
  assert.deepEqual(hosts.filter((h) => !standIns.has(h)), [], 'hosts without our grammar or a fixture');
  const bySource = new Map<string, string[]>();
  for (const h of hosts) {
    const source = String(await hostGrammarSource(h));
    bySource.set(source, [...(bySource.get(source) ?? []), h]);
  }
  for (const [source, scopes] of bySource) t.diagnostic(`${source}: ${scopes.join(' ')}`);
});

for (const c of cases) {
  test(`a connection string in ${c.name} (${c.scope})`, async () => {
    const source = await hostGrammarSource(c.scope);
    assert.ok(source, `no grammar for ${c.scope}`);
    const { tokens, hostScopes } = uriTokens(await tokenize(c.scope, c.text));
    assert.deepEqual(tokens, EXPECTED, `${c.scope} (${source} grammar)`);
    assert.equal(hostScopes[0], c.scope);
    if (c.hostScope) assert.ok(hasScope(hostScopes, c.hostScope), `${hostScopes.join(' ')} has ${c.hostScope}`);
  });
}

test('the connection string ends where the host string ends', async () => {
  for (const [scope, text] of [
    ['source.ts', `const uri = "${u}"; const n = 1;`],
    ['source.json', `{ "a": "${u}", "b": "x" }`],
    ['source.dotenv', `MONGODB_URI=${u}   # primary`],
    ['text.html.markdown', `See <${u}>.`],
  ] as const) {
    const line = (await tokenize(scope, text))[0]!;
    const inUri = line.filter((t) => t.scopes.includes('meta.connection-string.mongodb-uri')).map((t) => t.text);
    assert.equal(inUri.join(''), u, scope);
  }
});

test('no connection string in comments of dotenv, JavaScript, shell and INI', async () => {
  for (const [scope, text] of [
    ['source.dotenv', `# MONGODB_URI=${u}`],
    ['source.js', `// ${u}`],
    ['source.shell', `# ${u}`],
    ['source.ini', `; ${u}`],
  ] as const) {
    const { tokens } = uriTokens(await tokenize(scope, text));
    assert.deepEqual(tokens, [], scope);
  }
});

test('plain identifiers that merely contain "mongodb" are not connection strings', async () => {
  for (const [scope, text] of [
    ['source.ts', 'const s = "mongodb";'],
    ['source.ts', 'const s = "xmongodb://h";'],
    ['text.plain', 'mongodb:/h and mongodb+srv:h'],
  ] as const) {
    const { tokens } = uriTokens(await tokenize(scope, text));
    assert.deepEqual(tokens, [], text);
  }
});
