// What a person sees in the workbench: opens files of the fixture workspace in code-server, as a person
// would (quick open, mouse, keyboard), checks that our diagnostics, hover, completion and highlighting
// show, and saves screenshots of each:
//   problems.png           the squiggles and the Problems panel
//   hover.png              the hover of an option name
//   completion.png         the completion list after typing `&`, with the documentation of its first item
//   highlight-env.png      .env: the parts of each connection string in colors of their own
//   highlight-compose.png  docker-compose.yml: the same inside YAML strings, a placeholder as the password
//   highlight-ts.png       app.ts: the same inside a TypeScript string
//   highlight-admin.png    admin.mongodb.js: a connection string, and a dropConnections command inserted
//                          with its snippet from the completion list
//   explain-dark.png       the explain panel beside .env in the dark theme: the form, the string it writes
//                          and its problems, the explanation
//   explain-applied.png    the same after a port, a user, a password and an option were changed with the
//                          keyboard alone and applied (the file on disk is read back)
//   explain-light.png      the panel in the light theme
// The highlighting steps read the color classes Monaco gives the tokens (`mtkN`), so that a grammar that
// no longer reaches into a file fails the step, and the scopes under the cursor from VS Code's
// "Inspect Editor Tokens and Scopes".
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runCommand, textBox, workbenchUrl } from './e2e-code-server.mjs';

/** Resolves with the names of the checks that failed (an empty list when all passed). */
export async function takeScreenshots(browser, baseUrl, { folder, extensionPath, outDir, log = console.log }) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const failed = [];
  // Each step builds on the one before: after a failure the rest are skipped.
  const step = async (name, action) => {
    if (failed.length) {
      log(`  skip ${name}`);
      return;
    }
    const started = Date.now();
    try {
      await action();
      log(`  ok   ${name} (${Date.now() - started} ms)`);
    } catch (error) {
      failed.push(name);
      log(`  FAIL ${name}: ${String(error?.message ?? error).split('\n')[0]}`);
      await page.screenshot({ path: path.join(outDir, `failed-${name}.png`) }).catch(() => {});
    }
  };
  const editorLines = page.locator('.monaco-editor .view-lines').first();

  try {
    await step('workbench', async () => {
      await page.goto(workbenchUrl(baseUrl, { folder, extensionPath }));
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
    });

    await step('open .env', async () => {
      await page.locator('.monaco-workbench').click({ position: { x: 700, y: 450 } });
      await quickOpen(page, '.env', 'ANALYTICS_MONGODB_URI');
    });

    await step('problems', async () => {
      await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 30_000 });
      await page.keyboard.press('Control+Shift+M');
      const panel = page.locator('.markers-panel');
      for (const rule of ['userinfo-unescaped', 'port-invalid', 'direct-connection-conflict']) {
        await panel.locator('.monaco-list-row', { hasText: rule }).first().waitFor({ timeout: 15_000 });
      }
      await panel.locator('.monaco-list-row', { hasText: 'Port 70000 is out of range' }).first().waitFor({ timeout: 5_000 });
      await page.screenshot({ path: path.join(outDir, 'problems.png') });
    });

    await step('hover', async () => {
      const box = await textBox(page, 'replicaSet');
      // Two moves: the hover widget reacts to mouse movement over the word.
      await page.mouse.move(box.x + box.width / 2 - 4, box.y + box.height / 2);
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      const hover = page.locator('.monaco-hover', { hasText: 'replicaSet' }).first();
      await hover.waitFor({ state: 'visible', timeout: 20_000 });
      await hover.locator('a', { hasText: /./ }).first().waitFor({ timeout: 5_000 }); // the documentation link
      await animationsFinished(hover);
      await page.screenshot({ path: path.join(outDir, 'hover.png') });
    });

    await step('completion', async () => {
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
      await editorLines.click();
      // To the end of the SESSIONS_MONGODB_URI line, then type `&`, a trigger character of the server.
      const box = await textBox(page, 'SESSIONS_MONGODB_URI');
      await page.mouse.click(box.x + 2, box.y + box.height / 2);
      await page.keyboard.press('End');
      await page.keyboard.type('&');
      const suggest = page.locator('.suggest-widget');
      for (const option of ['authSource', 'connectTimeoutMS', 'directConnection']) {
        await suggest.locator('.monaco-list-row', { hasText: option }).first().waitFor({ state: 'visible', timeout: 20_000 });
      }
      // Ctrl+Space again opens the documentation of the selected item beside the list.
      await page.keyboard.press('Control+Space');
      const details = page.locator('.suggest-details-container .docs', { hasText: /\w/ }).first();
      await details.waitFor({ state: 'visible', timeout: 10_000 });
      await animationsFinished(suggest);
      await page.screenshot({ path: path.join(outDir, 'completion.png') });
      await page.keyboard.press('Escape');
    });

    await step('highlight .env', async () => {
      // Back to the file as it was: the `&` typed for the completion list goes, and so does the Problems panel.
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+Z');
      await page.locator('.monaco-editor .view-lines', { hasText: 'readPreference=secondary' }).first().waitFor({ timeout: 5_000 });
      await closePanel(page);
      await expectHighlighted(page, 'MONGODB_URI=mongodb://admin:p@ss@db.example.com:27017/shop?authSource=admin', {
        scheme: 'mongodb', rest: '://', username: 'admin', password: 'p@ss', host: 'db.example.com', port: '27017', database: 'shop', option: 'authSource',
      });
      await quiet(page);
      await page.screenshot({ path: path.join(outDir, 'highlight-env.png') });
      // The scope that README.md tells to target to dim passwords.
      await expectScopes(page, 'admin:p@|ss@db', 'string.other.password.mongodb-uri');
    });

    await step('highlight docker-compose.yml', async () => {
      await quickOpen(page, 'docker-compose.yml', 'MONGO_INITDB_ROOT_USERNAME');
      await expectHighlighted(page, 'MONGODB_URI: "mongodb://api:${MONGO_PASSWORD}@mongo:27017/shop?authSource=admin&retryWrite=true"', {
        scheme: 'mongodb', rest: '://', username: 'api', password: '${MONGO_PASSWORD}', host: 'mongo', port: '27017', database: 'shop', option: 'authSource',
      });
      await quiet(page);
      await page.screenshot({ path: path.join(outDir, 'highlight-compose.png') });
    });

    await step('highlight app.ts', async () => {
      await quickOpen(page, 'app.ts', 'stagingUri');
      await expectHighlighted(page, "'mongodb://staging.example.com:270170/shop?tls=true'", {
        scheme: 'mongodb', rest: '://', host: 'staging.example.com', port: '270170', database: 'shop', option: 'tls',
      });
      await page.locator('.part.editor .monaco-editor .squiggly-error').first().waitFor({ timeout: 30_000 }); // 270170
      await quiet(page);
      await page.screenshot({ path: path.join(outDir, 'highlight-ts.png') });
    });

    await step('highlight admin.mongodb.js', async () => {
      await quickOpen(page, 'admin.mongodb.js', 'getCollection');
      await expectHighlighted(page, "'mongodb://reports-1.example.com:27017/reports?readPreference=secondary", {
        scheme: 'mongodb', rest: '://', host: 'reports-1.example.com', port: '27017', database: 'reports', option: 'readPreference',
      });
      // A dropConnections command from its snippet, picked in the completion list at the end of the file.
      await editorLines.click();
      await page.keyboard.press('Control+End');
      await page.keyboard.press('Enter');
      await page.keyboard.type('dropConnections');
      await page.keyboard.press('Control+Space');
      const snippet = page.locator('.suggest-widget .monaco-list-row.focused[aria-label*="MongoDB: dropConnections"]');
      await snippet.waitFor({ state: 'visible', timeout: 20_000 });
      await page.keyboard.press('Enter');
      await page.locator('.monaco-editor .view-lines', { hasText: 'hostAndPort' }).first().waitFor({ timeout: 5_000 });
      await page.keyboard.press('Escape'); // leaves the snippet's placeholders
      await page.keyboard.press('Control+End');
      await waitForTokens(page, 'db.adminCommand({', ['adminCommand', 'dropConnections', '1', 'hostAndPort', '"oldhost.example.net:27017"'], (tokens) => {
        const distinct = new Set(tokens.map((t) => t.cls)).size;
        return distinct < 3 ? `the dropConnections command has ${distinct} colors` : undefined;
      });
      await quiet(page);
      await page.screenshot({ path: path.join(outDir, 'highlight-admin.png') });
      // TypeScript's semantic highlighting colors object keys in .js files; the admin-command grammar is underneath.
      await expectScopes(page, 'drop|Connections: 1', 'support.type.property-name.admin-command.mongodb');
    });

    // The explain panel: opened from the command palette on a .env string, edited through its form with the
    // keyboard (a port, a new user and a password with reserved characters, an option), applied, saved and
    // read back from disk; undone; shown in the dark and the light theme.
    const envFile = path.join(folder, '.env');
    const webview = page.frameLocator('iframe.webview').frameLocator('#active-frame');
    await step('explain panel (dark)', async () => {
      // Whatever the step before left open (a widget of token inspection) goes first; .env from the explorer
      // (quick open would also offer clean.env and compose-env/.env).
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      await page.locator('.explorer-folders-view .monaco-list-row[aria-label=".env"]').first().click();
      await page.locator('.part.editor .monaco-editor .view-lines', { hasText: 'ANALYTICS_MONGODB_URI' }).first().waitFor({ timeout: 15_000 });
      await pickTheme(page, 'Dark Modern', 'vs-dark');
      const box = await textBox(page, 'analytics-2.example.com');
      await page.mouse.click(box.x + 10, box.y + box.height / 2);
      await runCommand(page, 'MongoDB: Explain Connection String');
      await webview.locator('h1', { hasText: 'Connection string explained' }).waitFor({ timeout: 30_000 });
      await webview.locator('#preview', { hasText: 'analytics-1.example.com:70000' }).waitFor({ timeout: 15_000 });
      await webview.locator('#preview-problems li', { hasText: 'port-invalid' }).first().waitFor({ timeout: 15_000 });
      await page.mouse.move(5, 5);
      await page.screenshot({ path: path.join(outDir, 'explain-dark.png') });
    });

    await step('explain panel: edit and apply', async () => {
      page.on('console', (m) => { if (m.type() === 'error') log(`  console: ${m.text()}`); });
      page.on('pageerror', (e) => log(`  page error: ${e.message}`));
      const before = readFileSync(envFile, 'utf8');
      // The keyboard alone: into the panel's editor group (View: Focus Right Editor Group), Tab to the first port.
      await editorLines.click();
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+ArrowRight');
      await tabUntil(page, webview, 'tr.host:first-child .host-port');
      await page.keyboard.press('Control+A');
      await page.keyboard.type('27017');
      await tabUntil(page, webview, '#username');
      await page.keyboard.type('reporter');
      await page.keyboard.press('Tab'); // to the password
      await page.keyboard.type('p@ss:w/rd#1 %');
      await tabUntil(page, webview, '#add-option');
      await page.keyboard.press('Enter'); // a new option row, its name focused
      await page.keyboard.type('w');
      await page.keyboard.press('Tab');
      await page.keyboard.type('majority');
      // The string Apply writes, password masked; the port is fixed, and a user on the network without TLS
      // gets the info of tls-disabled.
      const preview = async () => `${await webview.locator('#preview').textContent()} | ${await webview.locator('#preview-problems').textContent()} | status: ${await webview.locator('#status').textContent()}`;
      await waitUntilAsync(async () => {
        const shown = await preview();
        return shown.startsWith('mongodb://reporter:****@analytics-1.example.com:27017,analytics-2.example.com:27017/analytics?replicaSet=rs0&w=majority |') && shown.includes('tls-disabled') && !shown.includes('port-invalid');
      }, async () => `the preview of the new string; it shows ${await preview()}`);
      await tabUntil(page, webview, '#apply');
      await page.keyboard.press('Enter');
      await webview.locator('#status', { hasText: 'Applied' }).waitFor({ timeout: 15_000 });
      const expected = 'ANALYTICS_MONGODB_URI=mongodb://reporter:p%40ss%3Aw%2Frd%231%20%25@analytics-1.example.com:27017,analytics-2.example.com:27017/analytics?replicaSet=rs0&w=majority';
      // Saved from the editor, the file on disk holds the new line and nothing else changed.
      await editorLines.click();
      await page.keyboard.press('Control+S');
      await waitUntil(() => readFileSync(envFile, 'utf8').includes(expected), `${expected} in .env on disk`);
      const after = readFileSync(envFile, 'utf8');
      const changed = after.split('\n').filter((l, i) => l !== before.split('\n')[i]);
      if (changed.length !== 1 || changed[0] !== expected) throw new Error(`lines changed: ${JSON.stringify(changed)}`);
      await page.mouse.move(5, 5);
      await page.screenshot({ path: path.join(outDir, 'explain-applied.png') });
      // One undo in the editor takes the whole edit back.
      await editorLines.click();
      await page.keyboard.press('Control+Z');
      await page.keyboard.press('Control+S');
      await waitUntil(() => readFileSync(envFile, 'utf8') === before, 'the .env of before after one undo');
    });

    await step('explain panel (light)', async () => {
      await editorLines.click();
      await page.keyboard.press('Control+Home');
      await pickTheme(page, 'Light Modern', 'vs');
      const box = await textBox(page, 'analytics-2.example.com');
      await page.mouse.click(box.x + 10, box.y + box.height / 2);
      await runCommand(page, 'MongoDB: Explain Connection String');
      await webview.locator('#preview-problems li', { hasText: 'port-invalid' }).first().waitFor({ timeout: 15_000 });
      await page.mouse.move(5, 5);
      await page.screenshot({ path: path.join(outDir, 'explain-light.png') });
    });
  } finally {
    await context.close();
  }
  return failed;
}

/** Picks a color theme by name in the theme picker (Ctrl+K Ctrl+T) and waits for the workbench's theme class. */
async function pickTheme(page, name, themeClass) {
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+T');
  await page.locator('.quick-input-widget input').waitFor({ timeout: 15_000 });
  await page.keyboard.type(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
  const classes = async () => (await page.locator('.monaco-workbench').getAttribute('class')).split(' ');
  await waitUntilAsync(async () => (await classes()).includes(themeClass), async () => `the theme ${name}; the workbench has the classes ${(await classes()).join(' ')}`);
}

/** Presses Tab until the element `selector` finds inside the webview has the focus (at most 40 times). */
async function tabUntil(page, webview, selector) {
  for (let i = 0; i < 40; i++) {
    if (await webview.locator(selector).first().evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${selector} never had the focus after 40 presses of Tab`);
}

/** Polls the async `condition` until it holds (every 100 ms, at most 15 s); `what` says what was awaited and what was seen. */
async function waitUntilAsync(condition, what) {
  for (const started = Date.now(); Date.now() - started < 15_000; ) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${await what()}`);
}

/** Polls `condition` until it holds (every 100 ms, at most 15 s). */
async function waitUntil(condition, what) {
  for (const started = Date.now(); Date.now() - started < 15_000; ) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Opens `file` with quick open (Ctrl+P) and waits until its editor shows `expectedText`. */
async function quickOpen(page, file, expectedText) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 15_000 });
  await input.fill(file);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: file }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  await page.locator('.monaco-editor .view-lines', { hasText: expectedText }).first().waitFor({ timeout: 15_000 });
}

/** Hides the panel (Problems, Output, ...) if it is open, so that the editor has the window's height. */
async function closePanel(page) {
  const panel = page.locator('.part.panel');
  if (!(await panel.isVisible())) return;
  await page.keyboard.press('Control+J');
  await panel.waitFor({ state: 'hidden', timeout: 5_000 });
}

/** No hover, no widget, no mouse over the text, the cursor at the end: what the screenshot shows is the highlighting. */
async function quiet(page) {
  await page.mouse.move(5, 5);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+End');
  await page.locator('.monaco-hover:visible, .suggest-widget.visible').first().waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => {});
}

/**
 * The color class (Monaco's `mtkN`) and color of each of `parts`, pieces of the editor's text found one
 * after the other from where `line` starts. Lines that the editor wraps are read as one.
 */
async function tokenClasses(page, line, parts) {
  const found = await page.evaluate(
    ({ line, parts }) => {
      const root = document.querySelector('.part.editor .monaco-editor .view-lines');
      if (!root) return { error: 'no editor' };
      const views = [...root.querySelectorAll('.view-line')].sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top));
      let text = '';
      const spans = [];
      for (const view of views) {
        for (const span of view.querySelectorAll('span[class*="mtk"]')) {
          const piece = span.textContent.replace(/\u00a0/g, ' ');
          text += piece;
          for (let i = 0; i < piece.length; i++) spans.push(span);
        }
      }
      let from = text.indexOf(line);
      if (from < 0) return { error: `${JSON.stringify(line)} is not on screen` };
      const out = [];
      for (const part of parts) {
        const at = text.indexOf(part, from);
        if (at < 0) return { error: `${JSON.stringify(part)} is not on screen after ${JSON.stringify(line)}` };
        const span = spans[at];
        out.push({ part, cls: [...span.classList].find((c) => /^mtk\d+$/.test(c)), color: getComputedStyle(span).color });
        from = at + part.length;
      }
      return { tokens: out };
    },
    { line, parts },
  );
  if (found.error) throw new Error(found.error);
  return found.tokens;
}

function describe(tokens) {
  return tokens.map((t) => `${t.part} ${t.cls} ${t.color}`).join(', ');
}

/**
 * Waits until the connection string in `line` is highlighted part by part: the scheme, host, port and
 * option name in at least 3 colors, none of them the color of the text around them (`rest`, e.g. `://`),
 * and the password in another color than the username and the host. `parts` names each part's text.
 */
async function expectHighlighted(page, line, parts) {
  const names = Object.keys(parts);
  await waitForTokens(page, line, Object.values(parts), (tokens) => {
    const t = Object.fromEntries(names.map((name, i) => [name, tokens[i]]));
    const main = ['scheme', 'host', 'port', 'option'].map((name) => t[name]);
    const distinct = new Set(main.map((m) => m.cls)).size;
    if (distinct < 3) return `scheme, host, port and option name have ${distinct} colors`;
    if (main.some((m) => m.cls === t.rest.cls)) return `a part has the color of ${JSON.stringify(parts.rest)} around it`;
    if (t.password && (t.password.cls === t.username.cls || t.password.cls === t.host.cls)) return 'the password has the color of the username or the host';
    return undefined;
  });
}

/**
 * Waits until `problemWith(tokens)` (tokens: what tokenClasses() gives for `line` and `parts`) finds no
 * problem: the editor colors new or newly shown lines a moment after it shows them.
 */
async function waitForTokens(page, line, parts, problemWith, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let problem;
    try {
      const tokens = await tokenClasses(page, line, parts);
      problem = problemWith(tokens);
      if (problem) problem += `: ${describe(tokens)}`;
    } catch (error) {
      problem = error.message;
    }
    if (!problem) return;
    if (Date.now() > deadline) throw new Error(`${line}: ${problem}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Puts the cursor at the `|` of `marked` (a piece of the editor's text), opens "Developer: Inspect Editor
 * Tokens and Scopes" and checks that the TextMate scopes there include `scope`.
 */
async function expectScopes(page, marked, scope) {
  const box = await charBox(page, marked);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.keyboard.press('Control+Shift+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 15_000 });
  await input.fill('>Developer: Inspect Editor Tokens and Scopes');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Inspect Editor Tokens and Scopes' }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  const widget = page.locator('.token-inspect-widget');
  await widget.waitFor({ state: 'visible', timeout: 15_000 });
  await widget.filter({ hasText: scope }).waitFor({ timeout: 5_000 }).catch(async () => {
    throw new Error(`the scopes at ${JSON.stringify(marked)} do not include ${scope}: ${(await widget.innerText()).replace(/\s+/g, ' ')}`);
  });
  await page.keyboard.press('Escape');
  await widget.waitFor({ state: 'hidden', timeout: 5_000 });
}

/** The on-screen box of the character after the `|` of `marked`, a piece of the editor's text (across tokens). */
async function charBox(page, marked) {
  const box = await page.evaluate((marked) => {
    const cursor = marked.indexOf('|');
    const wanted = marked.replace('|', '');
    const root = document.querySelector('.part.editor .monaco-editor .view-lines');
    if (!root) return null;
    const views = [...root.querySelectorAll('.view-line')].sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top));
    let text = '';
    const chars = []; // [text node, offset] of each character
    for (const view of views) {
      for (const span of view.querySelectorAll('span[class*="mtk"]')) {
        const node = span.firstChild;
        if (!node) continue;
        text += node.textContent.replace(/\u00a0/g, ' ');
        for (let i = 0; i < node.textContent.length; i++) chars.push([node, i]);
      }
    }
    const at = text.indexOf(wanted);
    if (at < 0) return null;
    const [node, offset] = chars[at + cursor];
    const range = document.createRange();
    range.setStart(node, offset);
    range.setEnd(node, offset + 1);
    const r = range.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  }, marked);
  if (!box) throw new Error(`${JSON.stringify(marked.replace('|', ''))} is not on screen`);
  return box;
}

/** Waits until the element's fade-in (and any other CSS animation in it) has finished. */
async function animationsFinished(locator) {
  await locator.evaluate((element) => Promise.all(element.getAnimations({ subtree: true }).map((a) => a.finished)));
}

