/** The grammar contributions of package.json agree with the grammar files and with each other. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { manifest, root } from './tokenizer';

interface GrammarContribution {
  language?: string;
  scopeName: string;
  path: string;
  injectTo?: string[];
}

const grammars: GrammarContribution[] = manifest.contributes.grammars;
const read = (g: GrammarContribution) => JSON.parse(readFileSync(path.join(root, g.path), 'utf8'));

/** Host scopes a selector may name below the document's root scope (PHP code sits inside HTML). */
const EMBEDDED_IN: Record<string, string> = { 'source.php': 'text.html.php' };

test('every contributed grammar exists and declares the contributed scope name', () => {
  for (const g of grammars) {
    assert.ok(existsSync(path.join(root, g.path)), g.path);
    assert.equal(read(g).scopeName, g.scopeName, g.path);
  }
});

test('every language with a grammar is contributed or built into VS Code', () => {
  const ours = new Set(manifest.contributes.languages.map((l: { id: string }) => l.id));
  for (const g of grammars.filter((x) => x.language)) assert.ok(ours.has(g.language) || g.language === 'plaintext', g.language);
});

test('injection selectors and injectTo name the same host grammars', () => {
  const injections = grammars.filter((g) => g.injectTo);
  assert.ok(injections.length >= 3);
  for (const g of injections) {
    const selector: string = read(g).injectionSelector;
    assert.ok(selector, `${g.path} has an injectionSelector`);
    const roots = new Set(
      selector.split(',').map((part) => {
        const scope = part.trim().replace(/^[LR]:/, '').split(/\s+/)[0]!;
        return EMBEDDED_IN[scope] ?? scope;
      }),
    );
    assert.deepEqual([...roots].sort(), [...new Set(g.injectTo)].sort(), g.scopeName);
  }
});

test('the injections include the connection-string grammar by its scope name', () => {
  const uri = grammars.find((g) => g.scopeName === 'source.mongodb-uri');
  assert.ok(uri && !uri.language && !uri.injectTo, 'source.mongodb-uri is a grammar of its own, included by the injections');
  for (const g of grammars.filter((x) => x.scopeName.startsWith('mongodb-uri.'))) {
    assert.match(JSON.stringify(read(g).patterns), /"include":"source\.mongodb-uri"/, g.scopeName);
  }
});
