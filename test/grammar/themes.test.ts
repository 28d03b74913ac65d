/**
 * The scopes of the connection-string grammar get colors in VS Code's default themes: under Dark Modern
 * and Light Modern the parts of a connection string differ from each other and from the string around
 * them. Uses the themes of a code-server install (see codeServerExtensionsDir()); skipped without one.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { codeServerExtensionsDir, colorize, type ColoredToken } from './tokenizer';

const THEMES = ['theme-defaults/themes/dark_modern.json', 'theme-defaults/themes/light_modern.json'];

/** Host files with one connection string each: `://` stands for the string's own color. */
const HOSTS: { scopeName: string; text: string }[] = [
  { scopeName: 'source.dotenv', text: 'MONGODB_URI=mongodb://admin:p%40ss@db.example.com:27017/shop?authSource=admin' },
  { scopeName: 'source.yaml', text: 'uri: "mongodb://admin:p%40ss@db.example.com:27017/shop?authSource=admin"' },
  { scopeName: 'source.ts', text: "const uri = 'mongodb://admin:p%40ss@db.example.com:27017/shop?authSource=admin';" },
];

/** The color of the first token that starts at `part`, searched from `from` on. */
function colorOf(line: ColoredToken[], part: string, from = 0): { color: string; end: number } {
  let at = 0;
  const text = line.map((t) => t.text).join('');
  const index = text.indexOf(part, from);
  for (const token of line) {
    if (at <= index && index < at + token.text.length) return { color: token.color, end: index + part.length };
    at += token.text.length;
  }
  throw new Error(`${part} is not in ${text}`);
}

const skip = codeServerExtensionsDir() ? false : 'needs the themes of a code-server install (bash scripts/e2e-setup.sh)';

for (const theme of THEMES) {
  for (const { scopeName, text } of HOSTS) {
    test(`${theme.replace(/^.*\//, '')}, ${scopeName}: every part of a connection string has a color of its own`, { skip }, async () => {
      const lines = await colorize(scopeName, text, theme);
      const line = lines![0]!;
      const parts = ['mongodb', '://', 'admin', 'p', 'db.example.com', '27017', 'shop', 'authSource'];
      const colors: Record<string, string> = {};
      let from = 0;
      for (const part of parts) {
        const { color, end } = colorOf(line, part, from);
        colors[part] = color;
        from = end;
      }
      const string = colors['://']!;
      const shown = JSON.stringify(colors);
      for (const part of ['mongodb', 'admin', 'db.example.com', '27017', 'shop', 'authSource']) {
        assert.notEqual(colors[part], string, `${part} has the color of the string around it: ${shown}`);
      }
      assert.notEqual(colors['p'], colors['admin'], `the password has the username's color: ${shown}`);
      assert.notEqual(colors['p'], colors['db.example.com'], `the password has the host's color: ${shown}`);
      const main = new Set(['mongodb', 'db.example.com', '27017', 'shop', 'authSource'].map((part) => colors[part]));
      assert.equal(main.size, 5, `scheme, host, port, database and option name have ${main.size} colors: ${shown}`);
    });
  }
}
