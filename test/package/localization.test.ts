/**
 * Every user-facing string of the extension goes through a translation: the manifest's contributions are
 * `%key%` references into package.nls.json, the client's messages go through vscode.l10n.t, and every id
 * of the server's message catalogue is used by the server.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { MESSAGES } from '../../server/src/service/data/messages';
import { repoRoot } from '../helpers/repo';

const root = repoRoot();
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const nls: Record<string, string> = JSON.parse(readFileSync(path.join(root, 'package.nls.json'), 'utf8'));

/** The fields of `contributes` a user reads in the editor, with where they are. */
function userFacing(contributes: any): Array<{ where: string; value: unknown }> {
  const out: Array<{ where: string; value: unknown }> = [];
  const TEXT_FIELDS = ['title', 'description', 'markdownDescription', 'deprecationMessage', 'markdownDeprecationMessage', 'category', 'shortTitle'];
  const visit = (node: any, where: string) => {
    if (Array.isArray(node)) return node.forEach((n, i) => visit(n, `${where}[${i}]`));
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries<any>(node)) {
      if (TEXT_FIELDS.includes(key) && typeof value === 'string') out.push({ where: `${where}.${key}`, value });
      else if ((key === 'enumDescriptions' || key === 'markdownEnumDescriptions') && Array.isArray(value)) value.forEach((v, i) => out.push({ where: `${where}.${key}[${i}]`, value: v }));
      else visit(value, `${where}.${key}`);
    }
  };
  visit(contributes, 'contributes');
  // A language's name is its first alias: a name written with a space is text to translate (not an id like "dotenv").
  for (const [i, language] of (contributes.languages ?? []).entries()) {
    for (const [j, alias] of (language.aliases ?? []).entries()) if (/\s/.test(alias) || alias.startsWith('%')) out.push({ where: `contributes.languages[${i}].aliases[${j}]`, value: alias });
  }
  return out;
}

/** The `%key%` references of the manifest, wherever they are. */
function references(node: unknown, out = new Set<string>()): Set<string> {
  if (typeof node === 'string') {
    const m = /^%([^%]+)%$/.exec(node);
    if (m) out.add(m[1]!);
  } else if (Array.isArray(node)) node.forEach((n) => references(n, out));
  else if (node && typeof node === 'object') Object.values(node).forEach((n) => references(n, out));
  return out;
}

describe('the manifest', () => {
  it('every user-facing string of contributes is a %key% of package.nls.json', () => {
    const fields = userFacing(manifest.contributes);
    assert.ok(fields.length >= 20, `${fields.length} fields`);
    for (const { where, value } of fields) {
      assert.equal(typeof value, 'string', where);
      const m = /^%([^%]+)%$/.exec(value as string);
      assert.ok(m, `${where} is not localized: ${JSON.stringify(value)}`);
      assert.ok(typeof nls[m[1]!] === 'string' && nls[m[1]!]!.length > 0, `${where}: ${m[1]} is not in package.nls.json`);
    }
  });

  it('every key of package.nls.json is used by the manifest', () => {
    const used = references(manifest);
    assert.deepEqual(Object.keys(nls).filter((k) => !used.has(k)), []);
  });

  it('ships package.nls.json in the .vsix', () => {
    const lines = readFileSync(path.join(root, '.vscodeignore'), 'utf8').split('\n').map((l) => l.trim());
    assert.ok(lines.includes('!package.nls.json'));
  });
});

/** The source files under `dir`, recursively. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sources(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

/**
 * The top-level arguments of the call whose `(` is at `open`: each as its source text. Strings, template
 * literals (with their `${…}`) and nested brackets are skipped as wholes.
 */
function argumentsAt(text: string, open: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let start = open + 1;
  for (let i = open; i < text.length; i++) {
    const c = text[i]!;
    if (c === "'" || c === '"') {
      for (i++; i < text.length && text[i] !== c; i++) if (text[i] === '\\') i++;
    } else if (c === '`') {
      i = skipTemplate(text, i);
    } else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) {
        args.push(text.slice(start, i).trim());
        return args.filter((a) => a !== '');
      }
    } else if (c === ',' && depth === 1) {
      args.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  throw new Error(`unclosed call at ${open}`);
}

/** The index of the closing backtick of the template literal that opens at `i`. */
function skipTemplate(text: string, i: number): number {
  for (i++; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '`') return i;
    else if (text[i] === '$' && text[i + 1] === '{') {
      let depth = 0;
      for (i++; i < text.length; i++) {
        if (text[i] === '`') i = skipTemplate(text, i);
        else if (text[i] === '{') depth++;
        else if (text[i] === '}' && --depth === 0) break;
      }
    }
  }
  throw new Error('unclosed template literal');
}

/** Calls whose arguments a user reads: a string or template literal among them bypasses vscode.l10n.t. */
const SHOWN = /\b(showInformationMessage|showWarningMessage|showErrorMessage|appendLine|setStatusBarMessage|showInputBox|showQuickPick|createStatusBarItem)\s*\(/g;

/** Every literal that reaches the user without vscode.l10n.t in a client source: `file:line: text`. */
export function bypasses(file: string, text: string): string[] {
  const found: string[] = [];
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
  for (const m of text.matchAll(SHOWN)) {
    const open = m.index! + m[0].length - 1;
    for (const arg of argumentsAt(text, open)) {
      if (/^['"`]/.test(arg)) found.push(`${file}:${lineOf(m.index!)}: ${m[1]}(${arg})`);
    }
  }
  // Titles and prompts of progress, quick picks and input boxes, wherever the options object is written.
  for (const m of text.matchAll(/\b(title|placeHolder|prompt|label|detail|description|tooltip)\s*:\s*['"`]/g)) {
    found.push(`${file}:${lineOf(m.index!)}: ${m[0]}`);
  }
  return found;
}

describe('the client', () => {
  it('every message, progress title and output line a user reads goes through vscode.l10n.t', () => {
    const files = sources(path.join(root, 'client', 'src'));
    assert.ok(files.length >= 5);
    const found = files.flatMap((f) => bypasses(path.relative(root, f), readFileSync(f, 'utf8')));
    assert.deepEqual(found, []);
    // The calls are there, translated.
    const all = files.map((f) => readFileSync(f, 'utf8')).join('\n');
    assert.ok((all.match(/vscode\.l10n\.t\(/g) ?? []).length >= 20);
  });

  it('the scan finds each kind of bypass, and passes what is translated', () => {
    const bad = [
      "void vscode.window.showInformationMessage('Copied.');",
      'void vscode.window.showWarningMessage(`${n} servers`);',
      "void vscode.window.showErrorMessage(vscode.l10n.t('Stopped.'), 'Show Log');",
      "log.appendLine(`Problem: ${p}`);",
      "await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Resolving' }, run);",
    ];
    for (const line of bad) assert.equal(bypasses('x.ts', line).length, 1, line);
    const good = [
      "void vscode.window.showInformationMessage(vscode.l10n.t('Copied.'));",
      "void vscode.window.showWarningMessage(vscode.l10n.t('{0} servers from {1}', n, `${q}`));",
      "void vscode.window.showErrorMessage(message, vscode.l10n.t('Show Log'));",
      'log.appendLine(render(result));',
      "await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Resolving') }, run);",
    ];
    for (const line of good) assert.deepEqual(bypasses('x.ts', line), [], line);
  });
});

describe('the server message catalogue', () => {
  it('every id is used by the server', () => {
    const server = sources(path.join(root, 'server', 'src'))
      .filter((f) => !f.endsWith(path.join('data', 'messages.ts')))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const unused = Object.keys(MESSAGES).filter((id) => !server.includes(`'${id}'`));
    assert.deepEqual(unused, []);
  });
});
