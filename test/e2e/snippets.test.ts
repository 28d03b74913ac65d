/**
 * Every snippet of snippets/*.json, in every language package.json contributes it to, inserted by VS Code
 * itself (`editor.action.insertSnippet` with the language and the snippet's name) into an untitled
 * document of that language. The inserted text must be the body with each placeholder at its default,
 * the language server must read it without a problem, and the document is closed unsaved afterwards.
 *
 * Each document holds a sentinel connection string. After the snippet is in, the sentinel's port is made
 * invalid: once its port-invalid diagnostic shows, the diagnostics are those of a version that holds the
 * snippet, so an empty list in the snippet's range means "no problem", not "not looked at yet".
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { parseSnippet } from '../grammar/snippetBody';
import { EXTENSION_ID, describeDiagnostics, hoverText, ourDiagnostics, ruleOf, setText, waitFor, waitForDiagnostic, waitForNoDiagnostic } from './helpers';

interface SnippetCase {
  language: string;
  file: string;
  name: string;
  body: string;
}

/** The snippets as the loaded extension contributes them. */
function contributedSnippets(): SnippetCase[] {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not loaded`);
  const read = (file: string) => JSON.parse(readFileSync(path.join(extension.extensionPath, file), 'utf8'));
  const contributions: { language: string; path: string }[] = read('package.json').contributes.snippets;
  return contributions.flatMap(({ language, path: file }) =>
    Object.entries(read(file) as Record<string, { body: string | string[] }>).map(([name, snippet]) => ({
      language,
      file: path.posix.normalize(file),
      name,
      body: Array.isArray(snippet.body) ? snippet.body.join('\n') : snippet.body,
    })),
  );
}

const SENTINEL = 'localhost:27017/sentinel';
const BROKEN_SENTINEL = 'localhost:99999/sentinel';

/** A clean document of each language with a sentinel; the snippet goes where `|` is, at the start of a line. */
const BASE_DOCUMENTS: Record<string, string> = {
  dotenv: `SENTINEL_URI=mongodb://${SENTINEL}\n|\n`,
  yaml: `sentinel: "mongodb://${SENTINEL}"\n|\n`,
  dockercompose: `sentinel: "mongodb://${SENTINEL}"\n|\n`,
  json: `{\n  "sentinel": "mongodb://${SENTINEL}",\n|\n}\n`,
  jsonc: `{\n  // The snippet goes below.\n  "sentinel": "mongodb://${SENTINEL}",\n|\n}\n`,
  javascript: `const sentinel = 'mongodb://${SENTINEL}';\n|\n`,
  javascriptreact: `const sentinel = 'mongodb://${SENTINEL}';\n|\n`,
  typescript: `const sentinel: string = 'mongodb://${SENTINEL}';\n|\n`,
  typescriptreact: `const sentinel: string = 'mongodb://${SENTINEL}';\n|\n`,
  mongodb: `use('admin');\nconst sentinel = connect('mongodb://${SENTINEL}');\n|\n`,
};

/** Problems a snippet is meant to get from the server, by snippet file and name: none so far. */
const INTENDED: Record<string, string[]> = {};

/** The text VS Code inserts: the body at its defaults, tabs at line starts turned into the editor's indentation. */
function expectedInsertion(body: string, editor: vscode.TextEditor): string {
  const unit = editor.options.insertSpaces ? ' '.repeat(Number(editor.options.tabSize)) : '\t';
  return parseSnippet(body).text.replace(/^\t+/gm, (tabs) => unit.repeat(tabs.length));
}

function firstDefault(body: string): string | undefined {
  return parseSnippet(body).tabStops.get(1)?.[0];
}

const cases = contributedSnippets();
const languages = [...new Set(cases.map((c) => c.language))];

describe('snippets', () => {
  it(`are contributed for ${languages.join(', ')}`, () => {
    assert.ok(cases.length > 0, 'package.json contributes no snippets');
    for (const language of languages) assert.ok(BASE_DOCUMENTS[language] !== undefined, `a base document for ${language} in this test`);
  });

  for (const language of languages) {
    describe(`in ${language}`, () => {
      const marked = BASE_DOCUMENTS[language] ?? '|';
      const cursorOffset = marked.indexOf('|');
      const base = marked.replace('|', '');
      let document: vscode.TextDocument;
      let editor: vscode.TextEditor;

      before(async () => {
        document = await vscode.workspace.openTextDocument({ language, content: base });
        editor = await vscode.window.showTextDocument(document, { preview: false });
        assert.equal(document.languageId, language);
      });

      after(async () => {
        if (!document || document.isClosed) return;
        await vscode.window.showTextDocument(document, { preview: false });
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
        await waitFor(
          () => !vscode.window.visibleTextEditors.some((e) => e.document === document),
          `the untitled ${language} document to close`,
        );
        assert.ok(!document.isDirty || document.isClosed, `the untitled ${language} document is left unsaved and clean`);
      });

      for (const snippet of cases.filter((c) => c.language === language)) {
        it(`${snippet.name} (${snippet.file}) inserts its defaults and gets no problem`, async () => {
          // A clean start: the base text, and the server has seen it (no sentinel problem left from before).
          if (document.getText() !== base) await setText(document, base);
          await waitForNoDiagnostic(document);
          editor = await vscode.window.showTextDocument(document, { preview: false });
          const at = document.positionAt(cursorOffset);
          editor.selection = new vscode.Selection(at, at);

          await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: language, name: snippet.name });
          const text = await waitFor(() => document.getText() !== base && document.getText(), `${snippet.name} to be inserted`);

          const expected = expectedInsertion(snippet.body, editor);
          assert.equal(text, base.slice(0, cursorOffset) + expected + base.slice(cursorOffset), 'the body with every placeholder at its default');
          assert.doesNotMatch(text.slice(cursorOffset, cursorOffset + expected.length), /\$\{|\$\d|\\\$/, 'no snippet syntax is left in the text');
          assert.equal(document.getText(editor.selection), firstDefault(snippet.body), 'the first placeholder is selected');
          await vscode.commands.executeCommand('leaveSnippet');

          // The sentinel breaks: its diagnostic shows that the server has read the document with the snippet in.
          const sentinel = text.indexOf(SENTINEL);
          const edit = new vscode.WorkspaceEdit();
          edit.replace(document.uri, new vscode.Range(document.positionAt(sentinel), document.positionAt(sentinel + SENTINEL.length)), BROKEN_SENTINEL);
          assert.ok(await vscode.workspace.applyEdit(edit));
          await waitForDiagnostic(document, 'port-invalid', '99999');

          const inserted = new vscode.Range(document.positionAt(cursorOffset), document.positionAt(cursorOffset + expected.length));
          const inSnippet = ourDiagnostics(document).filter((d) => d.range.intersection(inserted) !== undefined);
          const unexpected = inSnippet.filter((d) => !(INTENDED[`${snippet.file} ${snippet.name}`] ?? []).includes(ruleOf(d) ?? ''));
          assert.deepEqual(
            unexpected.map((d) => `${ruleOf(d)} (${vscode.DiagnosticSeverity[d.severity]}): ${document.getText(d.range)}`),
            [],
            `problems in the inserted text; the document has ${describeDiagnostics(document)}`,
          );
          const adminProblems = ourDiagnostics(document).filter((d) => ruleOf(d)?.startsWith('admin-'));
          assert.deepEqual(adminProblems.map(ruleOf), [], 'no admin-command problems');

          // A connection string of the snippet is read by the server: its first host has a hover.
          const uri = /mongodb(?:\+srv)?:\/\/[^@\s"]*@([^:/,\s"]+)/.exec(expected);
          if (uri) {
            const host = document.positionAt(cursorOffset + uri.index + uri[0].length - 2);
            const hover = await waitFor(async () => (await hoverText(document, host)) || undefined, `a hover on ${uri[1]}`);
            assert.match(hover, new RegExp(uri[1]!.replace(/\./g, '\\.')), 'the hover describes the inserted host');
            assert.doesNotMatch(hover, /<password>/, 'the hover masks the password');
          }
        });
      }
    });
  }
});
