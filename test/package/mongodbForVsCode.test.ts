/**
 * This extension installed next to MongoDB for VS Code (mongodb.mongodb-vscode): no language, file
 * extension, grammar scope, command, setting, keybinding or view claimed by both, and the admin-command
 * checks reach into its playgrounds whatever language id they carry.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { documentSelector, filePatterns, languageIds } from '../../client/src/documentSelector';
import { analyzeDocument, defaultSettings, normalizeLanguageId } from '../../server/src/service/languageService';
import { repoRoot } from '../helpers/repo';
import { mongodbForVsCode as theirs } from './fixtures/mongodbForVsCode';

const root = repoRoot();
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const ours = manifest.contributes;

interface Language {
  id: string;
  extensions?: readonly string[];
  filenames?: readonly string[];
  filenamePatterns?: readonly string[];
}

/** Every file extension, name and name pattern a language claims, lower-cased. */
function claims(language: Language): string[] {
  return [...(language.extensions ?? []), ...(language.filenames ?? []), ...(language.filenamePatterns ?? [])].map((c) => c.toLowerCase());
}

/** A glob of a document filter (`**`, `*`, `?`, literal text) as a regular expression over a path. */
function globRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      re += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** Whether one of the client's document filters selects a document, as VS Code matches them. */
function selected(doc: { scheme: string; path: string; languageId: string }): boolean {
  return documentSelector.some((f) => {
    if (typeof f === 'string') return f === doc.languageId;
    const filter = f as { language?: string; scheme?: string; pattern?: unknown };
    if (filter.language !== undefined && filter.language !== doc.languageId) return false;
    if (filter.scheme !== undefined && filter.scheme !== doc.scheme) return false;
    if (filter.pattern !== undefined && (typeof filter.pattern !== 'string' || !globRegExp(filter.pattern).test(doc.path))) return false;
    return filter.language !== undefined || filter.scheme !== undefined || filter.pattern !== undefined;
  });
}

test('no language id or file extension is claimed by both for different languages', () => {
  const ourLanguages: Language[] = ours.languages;
  for (const their of theirs.languages) {
    // A language both contribute would merge its files and configuration: we contribute none of theirs.
    assert.ok(!ourLanguages.some((l) => l.id === their.id), `both contribute the language ${their.id}`);
    for (const claim of claims(their)) {
      const clash = ourLanguages.find((l) => claims(l).includes(claim));
      assert.equal(clash, undefined, `${claim}: ours gives it ${clash?.id}, theirs ${their.id}`);
    }
  }
  // Playgrounds named *.mongodb.js stay JavaScript for both: we give no language to that ending.
  for (const language of ourLanguages) {
    for (const claim of claims(language)) assert.ok(!claim.endsWith('.mongodb.js') && !claim.endsWith('.js'), `${language.id} claims ${claim}`);
  }
});

test('*.mongodb: our mongodb language when MongoDB for VS Code is absent; both language ids are served when it is there', () => {
  // Theirs (0.11.1 and later) contributes no language for .mongodb and gives an opened playground the
  // javascript language; ours contributes `mongodb` for .mongodb so that the files are not plain text
  // without it. Either way the server reads the file as JavaScript.
  const mongodb = (ours.languages as Language[]).find((l) => l.id === 'mongodb');
  assert.deepEqual(mongodb?.extensions, ['.mongodb']);
  assert.ok(!theirs.languages.some((l) => claims(l).includes('.mongodb')));
  assert.equal(normalizeLanguageId('mongodb', 'file:///work/queries.mongodb'), 'javascript');
  assert.equal(normalizeLanguageId(theirs.playgrounds.languageId, 'file:///work/queries.mongodb'), 'javascript');
  assert.equal(normalizeLanguageId(theirs.playgrounds.languageId, 'file:///work/queries.mongodb.js'), 'javascript');
});

test('the grammars of the two have no scope name in common', () => {
  const ourScopes = new Set<string>(ours.grammars.map((g: { scopeName: string }) => g.scopeName));
  for (const grammar of theirs.grammars) assert.ok(!ourScopes.has(grammar.scopeName), grammar.scopeName);
  // Our injections reach into the JavaScript scope theirs also injects into: both apply, neither replaces the other.
  assert.ok(ours.grammars.some((g: { injectTo?: string[] }) => g.injectTo?.includes('source.js')));
  // Versions before 0.11.1 had a `mongodb` language with the scope source.mongodb, as ours has: the one
  // overlap, documented in the README (VS Code then uses one of the two grammars for .mongodb files).
  const legacyOverlap = theirs.legacy.grammars.filter((g) => ourScopes.has(g.scopeName)).map((g) => g.scopeName);
  assert.deepEqual(legacyOverlap, ['source.mongodb']);
});

test('no command id, setting, keybinding, view or other contribution id is shared', () => {
  for (const { command } of ours.commands as Array<{ command: string }>) {
    assert.ok(!command.startsWith(theirs.commandPrefix), command);
  }
  for (const setting of Object.keys(ours.configuration.properties)) {
    for (const prefix of theirs.settingPrefixes) assert.ok(!setting.startsWith(prefix), `${setting} starts with ${prefix}`);
    // Nor the other way round: our settings' section is not a prefix of theirs.
    const section = setting.slice(0, setting.indexOf('.') + 1);
    for (const prefix of theirs.settingPrefixes) assert.ok(!prefix.startsWith(section), `${prefix} starts with ${section}`);
  }
  const theirKeys = new Set<string>(theirs.keybindings.flatMap((k) => [k.key, k.mac]));
  for (const binding of (ours.keybindings ?? []) as Array<{ key: string; mac?: string }>) {
    assert.ok(!theirKeys.has(binding.key) && !(binding.mac && theirKeys.has(binding.mac)), binding.key);
  }
  const ourIds = new Set<string>([
    ...Object.values<Array<{ id: string }>>(ours.viewsContainers ?? {}).flat().map((c) => c.id),
    ...Object.values<Array<{ id: string }>>(ours.views ?? {}).flat().map((v) => v.id),
    ...((ours.submenus ?? []) as Array<{ id: string }>).map((s) => s.id),
    ...((ours.chatParticipants ?? []) as Array<{ id: string }>).map((p) => p.id),
    ...Object.keys(ours.icons ?? {}),
  ]);
  for (const id of [...theirs.viewContainers, ...theirs.views, ...theirs.submenus, ...theirs.chatParticipants, ...theirs.icons]) {
    assert.ok(!ourIds.has(id), id);
  }
  // The context keys our client sets (for `when` clauses) are not in their namespace.
  const client = readFileSync(path.join(root, 'client', 'src', 'extension.ts'), 'utf8');
  for (const m of client.matchAll(/'setContext',\s*'([^']+)'/g)) assert.ok(!m[1]!.startsWith(theirs.contextKeyPrefix), m[1]);
});

test('the document selector covers their playgrounds, saved or untitled, by language id and by name', () => {
  const cases = [
    { scheme: 'file', path: '/work/queries.mongodb.js', languageId: theirs.playgrounds.languageId },
    { scheme: 'file', path: '/work/queries.mongodb', languageId: theirs.playgrounds.languageId },
    { scheme: 'file', path: '/work/queries.mongodb', languageId: 'mongodb' },
    { scheme: 'untitled', path: 'Untitled-1', languageId: theirs.playgrounds.languageId },
    // Another extension's language id for a playground: still selected by its name.
    { scheme: 'file', path: '/work/queries.mongodb.js', languageId: 'mongosh' },
    { scheme: 'file', path: '/work/queries.mongodb', languageId: 'plaintext-other' },
  ];
  for (const doc of cases) assert.ok(selected(doc), JSON.stringify(doc));
  for (const ending of theirs.playgrounds.endings) {
    assert.ok(filePatterns.some((p) => globRegExp(p).test(`/work/sub/queries${ending}`)), ending);
  }
  assert.ok(languageIds.includes('javascript') && languageIds.includes('mongodb'));
  // The matcher of this test is not lenient: other documents are not selected.
  assert.ok(!selected({ scheme: 'file', path: '/work/queries.mongodbx', languageId: 'lua' }));
  assert.ok(!selected({ scheme: 'git', path: '/work/queries.js', languageId: 'lua' }));
});

test('the admin-command checks work in a playground under each language id it may carry', () => {
  const text = 'use("admin");\ndb.adminCommand({ dropConnections: 1, hostAndPort: ["db1.example.net"] });\n';
  for (const [uri, languageId] of [
    ['file:///work/queries.mongodb.js', 'javascript'],
    ['file:///work/queries.mongodb', 'javascript'],
    ['file:///work/queries.mongodb', 'mongodb'],
    ['untitled:Untitled-1', 'javascript'],
  ] as const) {
    const analysis = analyzeDocument({ uri, languageId, text }, defaultSettings);
    const ids = analysis.problems.map((p) => p.ruleId);
    assert.ok(ids.includes('admin-host-without-port'), `${uri} as ${languageId}: ${ids.join(', ')}`);
  }
});
