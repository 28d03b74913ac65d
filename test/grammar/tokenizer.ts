/**
 * Tokenizes text with our grammars inside host-language grammars, the way VS Code does it:
 * vscode-textmate with the Oniguruma WASM build, and the injections declared in package.json.
 *
 * Host grammars: VS Code's own built-in grammars when a code-server install is present (its
 * lib/vscode/extensions/<name>/syntaxes), else the small fixtures in test/grammar/fixtures/ that
 * produce the same string scopes. `hostGrammarSource()` says which one a scope came from.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as jsonc from 'jsonc-parser';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';
import { repoRoot } from '../helpers/repo';

export const root = repoRoot();
export const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

export interface Token {
  text: string;
  scopes: string[];
}

/**
 * VS Code's built-in extensions from a code-server install, if one is there: the folder
 * `$MONGODB_URI_CODE_SERVER_DIR`, or `code-server*` under `${XDG_CACHE_HOME:-~/.cache}/mongodb-uri-e2e/`
 * (the package itself or a folder that has it installed under node_modules/).
 */
export function codeServerExtensionsDir(): string | undefined {
  const cache = path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'mongodb-uri-e2e');
  const installs: string[] = [];
  if (process.env.MONGODB_URI_CODE_SERVER_DIR) installs.push(process.env.MONGODB_URI_CODE_SERVER_DIR);
  if (existsSync(cache)) {
    for (const name of readdirSync(cache).sort().reverse()) {
      if (!name.startsWith('code-server')) continue;
      installs.push(path.join(cache, name), path.join(cache, name, 'node_modules', 'code-server'));
    }
  }
  for (const dir of installs) {
    const extensions = path.join(dir, 'lib', 'vscode', 'extensions');
    if (existsSync(path.join(extensions, 'json', 'package.json'))) return extensions;
  }
  return undefined;
}

/** scopeName → grammar file of VS Code's built-in extensions. */
function builtinGrammars(): Map<string, string> {
  const out = new Map<string, string>();
  const dir = codeServerExtensionsDir();
  if (!dir) return out;
  for (const name of readdirSync(dir)) {
    const pkgFile = path.join(dir, name, 'package.json');
    if (!existsSync(pkgFile)) continue;
    let pkg: any;
    try {
      pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
    } catch {
      continue;
    }
    for (const g of pkg.contributes?.grammars ?? []) {
      if (g.scopeName && g.path && !out.has(g.scopeName)) out.set(g.scopeName, path.join(dir, name, g.path));
    }
  }
  return out;
}

/** scopeName → grammar file of this extension (package.json `contributes.grammars`). */
function ownGrammars(): Map<string, string> {
  return new Map(
    (manifest.contributes.grammars as any[]).map((g) => [g.scopeName as string, path.join(root, g.path as string)]),
  );
}

const fixturesDir = path.join(root, 'test', 'grammar', 'fixtures');

/** The scopes of the fixture host grammars: what the tests have without a code-server install. */
export function fixtureScopes(): string[] {
  return [...fixtureGrammars().keys()];
}

/** scopeName → fixture host grammar, read from each fixture's own scopeName. */
function fixtureGrammars(): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of readdirSync(fixturesDir)) {
    if (!f.endsWith('.json')) continue;
    const file = path.join(fixturesDir, f);
    out.set(JSON.parse(readFileSync(file, 'utf8')).scopeName, file);
  }
  return out;
}

/** Injection grammars declared in package.json, per host scope. */
function injectionsByHost(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const g of manifest.contributes.grammars as any[]) {
    for (const host of g.injectTo ?? []) out.set(host, [...(out.get(host) ?? []), g.scopeName]);
  }
  return out;
}

export type GrammarSource = 'ours' | 'vscode' | 'fixture';

let registryPromise: Promise<{ registry: vsctm.Registry; sources: Map<string, GrammarSource> }> | undefined;

let onigLibPromise: Promise<vsctm.IOnigLib> | undefined;

function onigLib(): Promise<vsctm.IOnigLib> {
  onigLibPromise ??= (async () => {
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    return {
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    };
  })();
  return onigLibPromise;
}

async function loadRegistry(theme?: vsctm.IRawTheme) {
  const own = ownGrammars();
  const builtin = builtinGrammars();
  const fixtures = fixtureGrammars();
  const sources = new Map<string, GrammarSource>();
  const files = new Map<string, string>();
  // Our grammars first, then VS Code's real ones, then fixtures for what neither has.
  for (const [scope, file] of fixtures) (files.set(scope, file), sources.set(scope, 'fixture'));
  for (const [scope, file] of builtin) (files.set(scope, file), sources.set(scope, 'vscode'));
  for (const [scope, file] of own) (files.set(scope, file), sources.set(scope, 'ours'));
  const injections = injectionsByHost();
  const registry = new vsctm.Registry({
    onigLib: onigLib(),
    loadGrammar: async (scopeName) => {
      const file = files.get(scopeName);
      if (!file) return null;
      return vsctm.parseRawGrammar(readFileSync(file, 'utf8'), file);
    },
    getInjections: (scopeName) => injections.get(scopeName),
    ...(theme ? { theme } : {}),
  });
  return { registry, sources };
}

function registry() {
  registryPromise ??= loadRegistry();
  return registryPromise;
}

/** Where the grammar of `scopeName` comes from in this run. */
export async function hostGrammarSource(scopeName: string): Promise<GrammarSource | undefined> {
  return (await registry()).sources.get(scopeName);
}

/** Tokenizes `text` (several lines) with the grammar `scopeName` as the document's grammar. */
export async function tokenize(scopeName: string, text: string): Promise<Token[][]> {
  const grammar = await (await registry()).registry.loadGrammar(scopeName);
  if (!grammar) throw new Error(`No grammar for ${scopeName}`);
  let state = vsctm.INITIAL;
  const lines: Token[][] = [];
  for (const line of text.split('\n')) {
    const result = grammar.tokenizeLine(line, state);
    lines.push(result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes })));
    state = result.ruleStack;
  }
  return lines;
}

/**
 * The tokens of the first connection string in the tokenized lines, each as `text` and the scopes
 * from `meta.connection-string.mongodb-uri` on (what our grammar adds), shortened by `.mongodb-uri`.
 */
export function uriTokens(lines: Token[][]): { tokens: [string, string][]; hostScopes: string[] } {
  for (const line of lines) {
    const inUri = line.filter((t) => t.scopes.includes('meta.connection-string.mongodb-uri'));
    if (inUri.length === 0) continue;
    const first = inUri[0]!;
    const hostScopes = first.scopes.slice(0, first.scopes.indexOf('meta.connection-string.mongodb-uri'));
    const tokens = inUri.map((t): [string, string] => [
      t.text,
      t.scopes
        .slice(t.scopes.indexOf('meta.connection-string.mongodb-uri') + 1)
        .map((s) => s.replace(/\.mongodb-uri$/, ''))
        .join(' '),
    ]);
    return { tokens, hostScopes };
  }
  return { tokens: [], hostScopes: [] };
}

/** The scopes of the token that covers column `column` of line `line`. */
export function scopesAt(lines: Token[][], line: number, column: number): string[] {
  let at = 0;
  for (const t of lines[line] ?? []) {
    if (column >= at && column < at + t.text.length) return t.scopes;
    at += t.text.length;
  }
  return [];
}

/** A color theme of VS Code's built-in extensions, with the themes it includes, as vscode-textmate takes it. */
function loadTheme(file: string): { settings: vsctm.IRawTheme['settings']; foreground?: string } {
  const theme = jsonc.parse(readFileSync(file, 'utf8'));
  const base = theme.include ? loadTheme(path.join(path.dirname(file), theme.include)) : { settings: [] };
  let own = theme.tokenColors ?? [];
  if (typeof own === 'string') own = jsonc.parse(readFileSync(path.join(path.dirname(file), own), 'utf8')).settings ?? [];
  return { settings: [...base.settings, ...own], foreground: theme.colors?.['editor.foreground'] ?? base.foreground };
}

export interface ColoredToken {
  text: string;
  /** The foreground color, `#RRGGBB` upper case. */
  color: string;
}

/**
 * Tokenizes `text` with the grammar `scopeName` and colors each token as the theme at `themeFile` (a
 * path under codeServerExtensionsDir()) does; undefined when no code-server install is there.
 */
export async function colorize(scopeName: string, text: string, themeFile: string): Promise<ColoredToken[][] | undefined> {
  const dir = codeServerExtensionsDir();
  if (!dir) return undefined;
  const theme = loadTheme(path.join(dir, themeFile));
  const { registry } = await loadRegistry({ name: themeFile, settings: [{ settings: { foreground: theme.foreground ?? '#000000' } }, ...theme.settings] });
  const grammar = await registry.loadGrammar(scopeName);
  if (!grammar) throw new Error(`No grammar for ${scopeName}`);
  const colors = registry.getColorMap();
  let state = vsctm.INITIAL;
  const lines: ColoredToken[][] = [];
  for (const line of text.split('\n')) {
    const { tokens, ruleStack } = grammar.tokenizeLine2(line, state);
    const out: ColoredToken[] = [];
    for (let i = 0; i < tokens.length; i += 2) {
      const end = i + 2 < tokens.length ? tokens[i + 2]! : line.length;
      const foreground = (tokens[i + 1]! & 0b00000000111111111000000000000000) >>> 15; // EncodedTokenAttributes
      out.push({ text: line.slice(tokens[i]!, end), color: colors[foreground]!.toUpperCase() });
    }
    lines.push(out);
    state = ruleStack;
  }
  return lines;
}
